import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser } from './helpers/browser';
import { distDir, htmlFiles, readPage, requireBuild } from './helpers/built-site';
import { serveStatic } from './helpers/static-server';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`embed link tests skipped: ${unavailable}`);

const embeds = () => htmlFiles().filter((path) => path.startsWith('embed/'));

describe('the embeds send every link to the top window', () => {
  it('name target _top on every link, the bars of the chart too', () => {
    requireBuild();
    expect(embeds().length).toBeGreaterThan(0);
    for (const path of embeds()) {
      const links = [...readPage(path).querySelectorAll('a')];
      expect(links.filter((a) => a.closest('svg')).length, path).toBeGreaterThan(0);
      expect(
        links.filter((a) => a.getAttribute('target') !== '_top').map((a) => a.outerHTML.slice(0, 80)),
        path,
      ).toEqual([]);
    }
  });
});

/**
 * A journalist's page (served from another origin) with the chart in an <iframe>: a reader who clicks a bar or
 * the link back leaves the journalist's page for the site, in the whole window.
 */
describe.skipIf(unavailable !== null)('an embed inside another site', () => {
  let site: { url: string; close: () => Promise<void> };
  let host: { url: string; close: () => Promise<void> };
  let hostDir: string;
  let browser: Browser;
  let page: Page;
  /** Content-Security-Policy violations reported by any frame of the page. */
  const violations: string[] = [];

  beforeAll(async () => {
    requireBuild();
    site = await serveStatic(distDir, '/mingzhang/');
    hostDir = mkdtempSync(join(tmpdir(), 'mingzhang-host-'));
    writeFileSync(
      join(hostDir, 'article.html'),
      `<!doctype html><meta charset="utf-8"><title>article</title><h1>article</h1>` +
        `<iframe src="${site.url}embed/shares.html" width="760" height="600" title="chart"></iframe>`,
    );
    host = await serveStatic(hostDir, '/news/');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await host?.close();
    if (hostDir) rmSync(hostDir, { recursive: true, force: true });
  });

  it.each([
    ['a bar', 'figure.chart .chart-wide svg a'],
    ['the link back to the comparison', 'p.source a'],
  ])('%s opens in the top window, not in the frame', async (_name, selector) => {
    await page.goto(`${host.url}article.html`);
    const link = page.frameLocator('iframe').locator(selector).first();
    const href = await link.evaluate((a) => (a instanceof HTMLAnchorElement ? a.href : (a as SVGAElement).href.baseVal));
    const expected = new URL(href, `${site.url}embed/shares.html`).href;
    expect(expected.startsWith(site.url)).toBe(true);
    await link.click();
    await expect.poll(() => page.url()).toBe(expected);
    // the frame is gone with the journalist's page: the site is the whole window
    expect(page.frames()).toHaveLength(1);
    expect(violations).toEqual([]);
  });
});
