import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, useBuiltSiteInBrowser } from './helpers/browser';
import { htmlFiles } from './helpers/built-site';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`accessibility tests skipped: ${unavailable}`);

/** One page of every kind the site builds: the first built page under each folder, and every top-level page. */
function onePagePerKind(): string[] {
  const pages = htmlFiles().sort();
  const byKind = new Map<string, string>();
  for (const page of pages) {
    const kind = page.includes('/') ? page.slice(0, page.lastIndexOf('/')) : page;
    if (!byKind.has(kind)) byKind.set(kind, page);
  }
  return [...byKind.values()];
}

interface Violation {
  page: string;
  rule: string;
  impact: string;
  targets: string;
}

// axe-core in Chromium over every page type: no serious or critical violation (WCAG 2.x A and AA rules).
describe.skipIf(unavailable !== null)('accessibility (axe)', () => {
  const site = useBuiltSiteInBrowser();
  let page: Page;

  // AxeBuilder needs a page of a browser context (not browser.newPage()), so this test opens its own
  beforeAll(async () => {
    page = await (await site.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  });

  const audit = async (path: string): Promise<Violation[]> => {
    await page.goto(`${site.url}${path}`);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ page: path, rule: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => n.target.join(' ')).join(', ') }));
  };

  it('finds no serious or critical violation on any page type', async () => {
    const pages = onePagePerKind();
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'search.html', 'glossary.html', 'methodology.html']));
    expect(pages.some((p) => p.startsWith('reports/'))).toBe(true);
    const violations: Violation[] = [];
    for (const path of pages) violations.push(...(await audit(path)));
    // the search page with results shown, too
    violations.push(...(await audit(`search.html?q=${encodeURIComponent('三公经费')}`)));
    expect(violations.map((v) => `${v.page}: ${v.rule} (${v.impact}) at ${v.targets}`)).toEqual([]);
  }, 120_000);

  it('finds no serious or critical violation on the comparison pages, a view from a shared link and an embed', async () => {
    // every national comparison page and a province's page of each (controls made by js/compare.js, charts whose bars are links)
    const national = htmlFiles().filter((p) => /^compare\/[^/]+\.html$/.test(p));
    const pages = [...new Set([...national, ...onePagePerKind().filter((p) => p.startsWith('compare/'))])];
    expect(pages.length).toBeGreaterThanOrEqual(8);
    const violations: Violation[] = [];
    for (const path of [
      ...pages,
      'compare/execution/sichuan.html?metric=adjusted&sort=stated-desc',
      'embed/sangong.html',
      'embed/sangong/shanghai.html',
    ])
      violations.push(...(await audit(path)));
    expect(violations.map((v) => `${v.page}: ${v.rule} (${v.impact}) at ${v.targets}`)).toEqual([]);
  }, 120_000);

  it('would report a violation: a page with an unlabelled image and an unlabelled input fails', async () => {
    await page.setContent(
      '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><main><img src="x.png"><input></main></body></html>',
    );
    const results = await new AxeBuilder({ page }).analyze();
    const rules = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(rules).toEqual(expect.arrayContaining(['image-alt', 'label']));
  });
});
