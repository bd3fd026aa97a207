import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser } from './helpers/browser';
import { distDir, htmlFiles, readPage, requireBuild } from './helpers/built-site';
import { serveStatic } from './helpers/static-server';
import { COMPARISON_METRICS, COMPARISONS, compareRoutes, embedName } from '../src/lib/compare';
import { DATA_LICENSE } from '../src/lib/downloads';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`embed link tests skipped: ${unavailable}`);

const embeds = () => htmlFiles().filter((path) => path.startsWith('embed/'));

/** The province pages of a comparison (compare/<comparison>/<path>.html) and their paths. */
const provincePages = (comparison: string) =>
  htmlFiles()
    .filter((file) => file.startsWith(`compare/${comparison}/`))
    .map((file) => ({ file, path: file.slice(`compare/${comparison}/`.length, -'.html'.length) }));

/** Where a link of a built page leads, relative to dist/. */
const target = (page: string, href: string) => new URL(href, `https://site.invalid/${page}`).pathname.slice(1);

describe('the embeds send every link to the top window', () => {
  it('name target _top on every link, the bars of the chart too', () => {
    requireBuild();
    expect(embeds().length).toBeGreaterThan(0);
    for (const path of embeds()) {
      const links = [...readPage(path).querySelectorAll('a')];
      // a national chart has a bar per province; a province page's chart may draw none (then neither does its page)
      const national = path.split('/').length === 2;
      if (national) expect(links.filter((a) => a.closest('svg')).length, path).toBeGreaterThan(0);
      expect(
        links.filter((a) => a.getAttribute('target') !== '_top').map((a) => a.outerHTML.slice(0, 80)),
        path,
      ).toEqual([]);
    }
  });
});

describe('each province page of a comparison has its embeds', () => {
  it.each(COMPARISONS)('%s: one per page and metric, each the chart its page draws, the first linked from the page', (comparison) => {
    requireBuild();
    const pages = provincePages(comparison);
    expect(pages.length).toBeGreaterThan(0);
    const expected = pages.flatMap(({ path }) =>
      COMPARISON_METRICS[comparison].map((metric) => compareRoutes.embed(embedName(comparison, metric), path)),
    );
    const names = new Set(COMPARISON_METRICS[comparison].map((metric) => embedName(comparison, metric)));
    const built = embeds().filter((file) => names.has(file.slice('embed/'.length).split('/')[0] ?? '') && file.split('/').length > 2);
    expect(built.sort()).toEqual(expected.sort());
    for (const { file, path } of pages) {
      const page = readPage(file);
      // linked as the national page links its embed
      const linked = [...page.querySelectorAll('main a')].map((a) => target(file, a.getAttribute('href') ?? ''));
      expect(linked, file).toContain(compareRoutes.embed(comparison, path));
      for (const metric of COMPARISON_METRICS[comparison]) {
        const embedFile = compareRoutes.embed(embedName(comparison, metric), path);
        const embed = readPage(embedFile);
        const chartOf = (doc: Document, at: string, selector: string) => {
          const figure = doc.querySelector(selector);
          return {
            caption: figure?.querySelector('figcaption')?.textContent ?? null,
            bars: [...(figure?.querySelectorAll('.chart-wide svg a') ?? [])].map((a) => target(at, a.getAttribute('href') ?? '')),
          };
        };
        // the same chart: its caption and a bar to the same unit page for each of the page's bars
        expect(chartOf(embed, embedFile, 'figure.chart'), embedFile).toEqual(chartOf(page, file, `figure.chart[data-chart="${metric}"]`));
        // named after the province (the title of its page), linking back to that page
        expect(embed.querySelector('title')?.textContent, embedFile).toContain(page.querySelector('h1')?.textContent ?? '');
        expect(
          [...embed.querySelectorAll('p.source a')].map((a) => target(embedFile, a.getAttribute('href') ?? '')),
          embedFile,
        ).toEqual([file]);
        expect(embed.querySelectorAll('script').length, embedFile).toBe(0);
        expect(embed.querySelector('p.source')?.textContent, embedFile).toContain(DATA_LICENSE.title);
      }
    }
  });
});

/**
 * A journalist's page (served from another origin) with the chart in an <iframe>: a reader who clicks a bar or
 * the link back leaves the journalist's page for the site, in the whole window.
 */
/** A journalist's pages and the embed each frames: a national chart and a province page's. */
const ARTICLES = [
  ['article.html', 'embed/shares.html'],
  ['province.html', 'embed/sangong/shanghai.html'],
] as const;

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
    for (const [article, embed] of ARTICLES)
      writeFileSync(
        join(hostDir, article),
        `<!doctype html><meta charset="utf-8"><title>article</title><h1>article</h1>` +
          `<iframe src="${site.url}${embed}" width="760" height="600" title="chart"></iframe>`,
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
    ['a bar', 'figure.chart .chart-wide svg a', ARTICLES[0]],
    ['the link back to the comparison', 'p.source a', ARTICLES[0]],
    ["a bar of a province's chart", 'figure.chart .chart-wide svg a', ARTICLES[1]],
    ["the link back to the province's page", 'p.source a', ARTICLES[1]],
  ])('%s opens in the top window, not in the frame', async (_name, selector, [article, embed]) => {
    await page.goto(`${host.url}${article}`);
    const link = page.frameLocator('iframe').locator(selector).first();
    const href = await link.evaluate((a) => (a instanceof HTMLAnchorElement ? a.href : (a as SVGAElement).href.baseVal));
    const expected = new URL(href, `${site.url}${embed}`).href;
    expect(expected.startsWith(site.url)).toBe(true);
    await link.click();
    await expect.poll(() => page.url()).toBe(expected);
    // the frame is gone with the journalist's page: the site is the whole window
    expect(page.frames()).toHaveLength(1);
    expect(violations).toEqual([]);
  });
});
