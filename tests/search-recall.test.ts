import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_TEXT_BUNDLE, searchForm } from '../public/js/search-query.js';
import { t, type MessageKey } from '../src/i18n';
import { GLOSSARY } from '../src/lib/glossary';
import { indexedText, knownTerms } from '../src/lib/search-terms';
import { METRICS } from '../src/schemas/vocabulary';
import { browserUnavailable, openBuiltSite, type SiteInBrowser } from './helpers/browser';
import { distDir, htmlFiles, readContent } from './helpers/built-site';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`search recall tests skipped: ${unavailable}`);

// Every term the site promises to find (glossary terms, metric names, unit and place names, report titles),
// typed plain and in quotes, must find every page whose indexed text holds it: 100% recall. Precision (the share
// of results that hold the term) is measured and printed, and must stay high.
const terms = knownTerms({
  glossary: GLOSSARY.flatMap((entry) => [t(`glossary.${entry.id}.term` as MessageKey), ...entry.aliases]),
  metrics: Object.values(METRICS).map((m) => m.label),
  units: readContent('units'),
  reports: readContent('reports'),
});

/** Pagefind's URL of a built page (it drops index.html). */
const urlOf = (file: string) => '/' + file.replace(/(^|\/)index\.html$/, '$1');

describe.skipIf(unavailable !== null)('search finds every known term', () => {
  let site: SiteInBrowser;
  let page: Page;
  const texts = new Map<string, string>();
  const fullTexts = new Map<string, string>();

  beforeAll(async () => {
    site = await openBuiltSite();
    page = site.page;
    await page.goto(`${site.url}search.html`);
    for (const file of htmlFiles()) {
      const text = indexedText(readFileSync(join(distDir, file), 'utf8'));
      if (text !== null) texts.set(urlOf(file), searchForm(text));
      const full = indexedText(readFileSync(join(distDir, file), 'utf8'), { fullText: true });
      if (full !== null) fullTexts.set(urlOf(file), searchForm(full));
    }
  });
  afterAll(async () => {
    await site?.close();
  });

  /** The URLs the search page's own logic (js/search-query.js over Pagefind) finds for each query. */
  const find = async (queries: string[], bundle = 'pagefind'): Promise<string[][]> =>
    (await page.evaluate(`(async () => {
      const pagefind = await import(new URL('${bundle}/pagefind.js', location.href).href);
      await pagefind.options({ baseUrl: '/' });
      const { findPages } = await import(new URL('js/search-query.js', location.href).href);
      const out = [];
      for (const q of ${JSON.stringify(queries)}) out.push((await findPages(pagefind, q)).pages.map((d) => d.url));
      return out;
    })()`)) as string[][];

  it('finds every page that holds a term, plain and quoted (100% recall), and measures precision', async () => {
    expect(terms.length).toBeGreaterThan(50);
    const queries = terms.flatMap((term) => [term, `"${term}"`, `“${term}”`]);
    const found = await find(queries);
    const misses: string[] = [];
    const imprecise: string[] = [];
    let results = 0;
    let relevant = 0;
    queries.forEach((query, i) => {
      const needle = searchForm(query);
      const expected = [...texts].filter(([, text]) => text.includes(needle)).map(([url]) => url);
      const got = found[i] ?? [];
      const missed = expected.filter((url) => !got.includes(url));
      if (missed.length > 0) misses.push(`${query}: missed ${missed.join(' ')}`);
      results += got.length;
      const wrong = got.filter((url) => !expected.includes(url));
      relevant += got.length - wrong.length;
      if (wrong.length > 0) imprecise.push(`${query}: ${wrong.join(' ')}`);
    });
    console.info(`search recall: ${queries.length} queries, ${misses.length} with a miss; precision ${relevant}/${results}`, imprecise);
    expect(misses).toEqual([]);
    expect(relevant / results).toBeGreaterThan(0.95);
  });

  it('finds every page whose full text holds a term in the full-text index (100% recall)', async () => {
    const found = await find(terms, FULL_TEXT_BUNDLE);
    const misses = terms.flatMap((term, i) => {
      const needle = searchForm(term);
      const missed = [...fullTexts].filter(([url, text]) => text.includes(needle) && !found[i]?.includes(url)).map(([url]) => url);
      return missed.length > 0 ? [`${term}: missed ${missed.join(' ')}`] : [];
    });
    expect(misses).toEqual([]);
    // the full texts hold terms the default index leaves out: the second index is not the first one again
    const onlyInFull = terms.filter((term) =>
      [...fullTexts].some(([url, text]) => text.includes(searchForm(term)) && !texts.get(url)?.includes(searchForm(term))),
    );
    expect(onlyInFull.length).toBeGreaterThan(0);
  });

  it('finds the terms the issue named on all their pages, and nothing for a phrase no page holds', async () => {
    const [abroad, vehicle, zhuzhou, shizhong, nothing] = await find([
      '"因公出国（境）费"',
      '“公务用车购置及运行维护费”',
      '株洲',
      '市中区',
      '"三公经费医疗救助"',
    ]);
    expect(abroad?.length).toBeGreaterThanOrEqual(7);
    expect(vehicle?.length).toBeGreaterThanOrEqual(5);
    expect(zhuzhou).toContain('/reports/lukou-ybj-2022-dept-self-eval.html');
    expect(zhuzhou).toContain('/units/yanling-ybj.html');
    expect(shizhong?.every((url) => texts.get(url)?.includes('市中区'))).toBe(true);
    expect(nothing).toEqual([]);
  });

  it('shows terms through the search box, with unit and year under each result and no "undefined"', async () => {
    const cases: [string, number, string][] = [
      ['"因公出国（境）费"', 7, '乐山市市中区医疗保障局 · 2022 · 部门决算'],
      ['乌鲁木齐', 5, '乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）医疗保障局 · 2023 · 部门整体支出绩效自评'],
      ['株洲', 5, '株洲市渌口区医疗保障局 · 2022 · 部门整体支出绩效自评'],
    ];
    for (const [query, atLeast, meta] of cases) {
      await page.goto(`${site.url}search.html?q=${encodeURIComponent(query)}`);
      const results = page.locator('#search-results li');
      await expect.poll(() => results.count(), { message: query, timeout: 10_000 }).toBeGreaterThanOrEqual(Math.min(atLeast, 10));
      // the first ten are shown; 显示更多 shows the rest
      while (await page.locator('#search-more').isVisible()) {
        const before = await results.count();
        await page.locator('#search-more').click();
        await expect.poll(() => results.count(), { message: query, timeout: 10_000 }).toBeGreaterThan(before);
      }
      expect(await results.count(), query).toBeGreaterThanOrEqual(atLeast);
      expect(await page.locator('#search-results').textContent(), query).not.toContain('undefined');
      expect(await page.locator('#search-results li .result-meta').allTextContents(), query).toContain(meta);
    }
  });
});
