import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, useBuiltSiteInBrowser } from './helpers/browser';
import { htmlFiles, readPage, requireBuild } from './helpers/built-site';
import { serveStatic } from './helpers/static-server';
import { COMPARISON_METRICS, COMPARISONS, compareRoutes, embedName, type Comparison } from '../src/lib/compare';
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

/** The metrics whose chart a built comparison page draws: each drawn mark (bar, segment, dot) is a link. */
const drawnMetrics = (doc: Document, comparison: Comparison) =>
  COMPARISON_METRICS[comparison].filter(
    (metric) => doc.querySelectorAll(`figure.chart[data-chart="${metric}"] .chart-wide svg a`).length > 0,
  );

/** The embeds a built comparison page links from its embed box, relative to dist/. */
const linkedEmbeds = (doc: Document, file: string) =>
  [...doc.querySelectorAll('.compare-embed a')].map((a) => target(file, a.getAttribute('href') ?? ''));

describe('the embeds send every link to the top window', () => {
  it('name target _top on every link, the bars of the chart too', () => {
    requireBuild();
    expect(embeds().length).toBeGreaterThan(0);
    for (const path of embeds()) {
      const links = [...readPage(path).querySelectorAll('a')];
      // no embed of a chart that draws nothing: a national chart has a bar per province, a province page's a mark per row
      expect(links.filter((a) => a.closest('svg')).length, path).toBeGreaterThan(0);
      expect(
        links.filter((a) => a.getAttribute('target') !== '_top').map((a) => a.outerHTML.slice(0, 80)),
        path,
      ).toEqual([]);
    }
  });
});

describe('each comparison page offers the embed of every chart it draws', () => {
  it.each(COMPARISONS)('%s: the national page links one per metric its chart draws', (comparison) => {
    requireBuild();
    const file = compareRoutes.page(comparison);
    const expected = drawnMetrics(readPage(file), comparison).map((metric) => compareRoutes.embed(embedName(comparison, metric)));
    expect(expected.length, file).toBeGreaterThan(0);
    expect(linkedEmbeds(readPage(file), file), file).toEqual(expected);
    const built = new Set(embeds());
    expect(
      COMPARISON_METRICS[comparison].map((metric) => compareRoutes.embed(embedName(comparison, metric))).filter((e) => built.has(e)),
    ).toEqual(expected);
  });

  it.each(COMPARISONS)(
    '%s: one per province page and drawn metric, each the chart its page draws, all linked from the page',
    (comparison) => {
      requireBuild();
      const pages = provincePages(comparison);
      expect(pages.length).toBeGreaterThan(0);
      const expected = pages.flatMap(({ file, path }) =>
        drawnMetrics(readPage(file), comparison).map((metric) => compareRoutes.embed(embedName(comparison, metric), path)),
      );
      const names = new Set(COMPARISON_METRICS[comparison].map((metric) => embedName(comparison, metric)));
      const built = embeds().filter((file) => names.has(file.slice('embed/'.length).split('/')[0] ?? '') && file.split('/').length > 2);
      expect(built.sort()).toEqual(expected.sort());
      for (const { file, path } of pages) {
        const page = readPage(file);
        const drawn = drawnMetrics(page, comparison);
        // every embed reachable without JavaScript, in the order of the metric control; no box when nothing is drawn
        expect(linkedEmbeds(page, file), file).toEqual(drawn.map((metric) => compareRoutes.embed(embedName(comparison, metric), path)));
        expect(page.querySelectorAll('.compare-embed').length, file).toBe(drawn.length > 0 ? 1 : 0);
        for (const metric of drawn) {
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
    },
  );
});

/** The embeds a page shows in its embed box (absolute URLs): those not hidden by the metric choice. */
const shownEmbeds = (page: Page) =>
  page.$$eval('.compare-embed a', (links) => links.filter((a) => a.getClientRects().length > 0).map((a) => (a as HTMLAnchorElement).href));

/**
 * A journalist's page (served from another origin) with the chart in an <iframe>: a reader who clicks a bar or
 * the link back leaves the journalist's page for the site, in the whole window.
 */
describe.skipIf(unavailable !== null)('an embed inside another site', () => {
  const site = useBuiltSiteInBrowser();
  let host: { url: string; close: () => Promise<void> };
  let hostDir: string;
  let page: Page;
  /** Content-Security-Policy violations reported by any frame of the page. */
  const violations: string[] = [];
  /** Writes a journalist's article that frames `src` and gives its address on the host. */
  const article = (name: string, src: string) => {
    writeFileSync(
      join(hostDir, name),
      `<!doctype html><meta charset="utf-8"><title>article</title><h1>article</h1>` +
        `<iframe src="${src}" width="760" height="600" title="chart"></iframe>`,
    );
    return `${host.url}${name}`;
  };

  beforeAll(async () => {
    hostDir = mkdtempSync(join(tmpdir(), 'mingzhang-host-'));
    host = await serveStatic(hostDir, '/news/');
    page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });
  afterAll(async () => {
    await page?.close();
    await host?.close();
    if (hostDir) rmSync(hostDir, { recursive: true, force: true });
  });

  // a national chart and a province page's
  it.each([
    ['a bar', 'figure.chart .chart-wide svg a', 'embed/shares.html'],
    ['the link back to the comparison', 'p.source a', 'embed/shares.html'],
    ["a bar of a province's chart", 'figure.chart .chart-wide svg a', 'embed/sangong/shanghai.html'],
    ["the link back to the province's page", 'p.source a', 'embed/sangong/shanghai.html'],
  ])('%s opens in the top window, not in the frame', async (_name, selector, embed) => {
    await page.goto(article('article.html', `${site.url}${embed}`));
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

  /** A 三公 province page whose two charts both draw, and one whose 人均 chart draws nothing (from the built pages). */
  const sangongPage = (drawn: string[]) => {
    const found = provincePages('sangong').find(({ file }) => drawnMetrics(readPage(file), 'sangong').join() === drawn.join());
    if (!found) throw new Error(`no 三公 province page draws exactly ${drawn.join(', ')}`);
    return found;
  };

  it("offers the embed of the metric the reader chose: metric 2's exists and draws that metric's chart", async () => {
    const { file, path } = sangongPage(['parts', 'perStaff']);
    await page.goto(`${site.url}${file}`);
    expect(await shownEmbeds(page)).toEqual([`${site.url}${compareRoutes.embed('sangong', path)}`]);
    await page.selectOption('#compare-controls select[name="metric"]', 'perStaff');
    const chosen = `${site.url}${compareRoutes.embed('sangong-perStaff', path)}`;
    expect(await shownEmbeds(page)).toEqual([chosen]);
    const chart = page.locator('figure.chart[data-chart="perStaff"]');
    expect(await chart.isVisible()).toBe(true);
    const caption = await chart.locator('figcaption').textContent();
    const marks = await chart.locator('.chart-wide svg a').evaluateAll((links) => links.map((a) => a.querySelector('title')?.textContent));
    expect(marks.length).toBeGreaterThan(0);

    await page.goto(article('metric.html', chosen));
    const frame = page.frameLocator('iframe');
    expect(await frame.locator('figure.chart figcaption').textContent()).toBe(caption);
    expect(
      await frame.locator('figure.chart .chart-wide svg a').evaluateAll((links) => links.map((a) => a.querySelector('title')?.textContent)),
    ).toEqual(marks);
    expect(violations).toEqual([]);
  });

  it('shows no embed for a chosen chart that draws nothing, and every embed without JavaScript', async () => {
    const empty = sangongPage(['parts']);
    await page.goto(`${site.url}${empty.file}`);
    expect(await page.locator('.compare-embed').isVisible()).toBe(true);
    await page.selectOption('#compare-controls select[name="metric"]', 'perStaff');
    expect(await page.locator('.compare-embed').isVisible()).toBe(false);

    const { file, path } = sangongPage(['parts', 'perStaff']);
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    try {
      const plain = await context.newPage();
      await plain.goto(`${site.url}${file}`);
      expect(await shownEmbeds(plain)).toEqual(
        ['sangong', 'sangong-perStaff'].map((name) => `${site.url}${compareRoutes.embed(name, path)}`),
      );
    } finally {
      await context.close();
    }
  });
});
