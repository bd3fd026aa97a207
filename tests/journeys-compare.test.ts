import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, useBuiltSiteInBrowser } from './helpers/browser';
import { htmlFiles } from './helpers/built-site';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`comparison journeys skipped: ${unavailable}`);

const comparePages = () => htmlFiles().filter((p) => p.startsWith('compare/') || p.startsWith('embed/'));

/** What a reader sees of the table: the visible rows, in order, by report and phase. */
const shownRows = (page: Page) =>
  page.$$eval('#compare-table tbody tr', (rows) =>
    rows.filter((r) => !(r as HTMLElement).hidden).map((r) => `${r.getAttribute('data-report')} ${r.getAttribute('data-phase') ?? ''}`),
  );

// The built site served from a subfolder, as on GitHub Pages, in Debian's Chromium.
describe.skipIf(unavailable !== null)('comparison pages in Chromium', () => {
  const site = useBuiltSiteInBrowser();
  let context: BrowserContext;

  beforeAll(async () => {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  });

  it('changes year and sort, copies the link, and the link opens the same view', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}compare/sangong/shanghai.html`);
    const all = await shownRows(page);
    expect(all.length).toBeGreaterThan(5);

    await page.locator('select[name="year"]').selectOption('2024');
    await page.locator('th[data-key="total"] button').click();
    await expect.poll(() => page.url()).toContain('?year=2024&sort=total-desc');
    const view = await shownRows(page);
    expect(view.length).toBeGreaterThan(1);
    expect(view.length).toBeLessThan(all.length);
    expect(view.every((r) => r.includes('-2024-'))).toBe(true);
    // sorted by the stated total, largest first; rows that state none come last
    const totals = await page.$$eval('#compare-table tbody tr:not([hidden]) td[data-col="total"]', (cells) =>
      cells.map((c) => c.getAttribute('data-sort') ?? ''),
    );
    const stated = totals.filter((v) => v !== '').map(Number);
    expect(stated).toEqual([...stated].sort((a, b) => b - a));
    expect(totals.slice(stated.length).every((v) => v === '')).toBe(true);
    expect(await page.locator('th[data-key="total"]').getAttribute('aria-sort')).toBe('descending');

    await page.locator('#compare-copy').click();
    const shownLink = page.locator('#compare-link input');
    await expect.poll(() => shownLink.inputValue()).toContain('sort=total-desc');
    const link = await shownLink.inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const again = await context.newPage();
    await again.goto(link);
    expect(await shownRows(again)).toEqual(view);
    expect(await again.locator('select[name="year"]').inputValue()).toBe('2024');
    expect(await again.locator('th[data-key="total"]').getAttribute('aria-sort')).toBe('descending');
    // sorting the other way keeps rows without a value last
    await again.locator('th[data-key="total"] button').click();
    await expect.poll(() => again.url()).toContain('sort=total-asc');
    await again.close();
    await page.close();
  });

  it('chooses a metric: the chart and the URL follow', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}compare/execution/sichuan.html`);
    const visibleCharts = () =>
      page.$$eval('figure.chart', (fs) => fs.filter((f) => !(f as HTMLElement).hidden).map((f) => f.getAttribute('data-chart')));
    expect(await visibleCharts()).toEqual(['stated']);
    await page.locator('select[name="metric"]').selectOption('adjusted');
    await expect.poll(() => page.url()).toContain('metric=adjusted');
    expect(await visibleCharts()).toEqual(['adjusted']);
    await page.reload();
    expect(await visibleCharts()).toEqual(['adjusted']);
    expect(await page.locator('select[name="metric"]').inputValue()).toBe('adjusted');
    await page.close();
  });

  it('downloads exactly the rows shown, as a spreadsheet CSV', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}compare/sangong/shanghai.html?phase=actual&sort=total-desc`);
    const view = await shownRows(page);
    expect(view.length).toBeGreaterThan(0);
    expect(view.every((r) => r.endsWith(' actual'))).toBe(true);
    const expected = await page.$$eval('#compare-table tbody tr:not([hidden])', (rows) =>
      rows.map((r) => [
        r.querySelector('td.unit')?.getAttribute('data-csv') ?? '',
        r.querySelector('td[data-col="total"]')?.getAttribute('data-csv') ?? '',
      ]),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#compare-download').click()]);
    expect(download.suggestedFilename()).toBe('sangong-shanghai.csv');
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => [r['单位'], r['合计（元）']])).toEqual(expected);
    expect(parsed.data.every((r) => r['口径'] === '决算/执行数')).toBe(true);
    await page.close();
  });

  it('bars link to the units and carry native tooltips', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}compare/sangong/shanghai.html`);
    const links = await page.$$eval('figure.chart:not([hidden]) .chart-wide a', (as) =>
      as.map((a) => [a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? '', a.querySelector('title')?.textContent ?? '']),
    );
    expect(links.length).toBeGreaterThan(5);
    for (const [href, title] of links) {
      expect(href).toMatch(/^\.\.\/\.\.\/units\/[a-z0-9-]+\.html$/);
      expect(title).toMatch(/万元|元/);
    }
    const first = links[0]?.[0] ?? '';
    const response = await page.request.get(new URL(first, page.url()).href);
    expect(response.status()).toBe(200);
    await page.close();
  });

  it('without JavaScript shows every row as a plain table and no controls', async () => {
    const noScript = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await noScript.newPage();
    await page.goto(`${site.url}compare/sangong/shanghai.html?year=2024&sort=total-desc`);
    const rows = await shownRows(page);
    const withJs = await context.newPage();
    await withJs.goto(`${site.url}compare/sangong/shanghai.html`);
    expect(rows).toEqual(await shownRows(withJs));
    expect(await page.locator('#compare-controls').isVisible()).toBe(false);
    await noScript.close();
    await withJs.close();
  });

  it('the national page links each province’s page; the province links keep the view, and there is no province filter', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}compare/sangong.html`);
    const provinces = await page.$$eval('table.compare-summary tbody td:first-child a', (as) => as.map((a) => a.getAttribute('href')));
    expect(provinces).toEqual(expect.arrayContaining(['../compare/sangong/shanghai.html', '../compare/sangong/hunan.html']));
    // every bar of the national chart leads to a province's page
    const bars = await page.$$eval('figure.chart .chart-wide a', (as) =>
      as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? ''),
    );
    expect(bars.length).toBeGreaterThan(1);
    for (const href of bars) expect(provinces).toContain(href);

    await page.goto(`${site.url}compare/sangong/shanghai.html`);
    expect(await page.locator('select[name="province"]').count()).toBe(0);
    const regions = await page.$$eval('#compare-table tbody td.region', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(regions.length).toBeGreaterThan(5);
    expect(regions.every((r) => r.startsWith('上海市'))).toBe(true);
    await page.locator('select[name="phase"]').selectOption('actual');
    await expect.poll(() => page.url()).toContain('?phase=actual');
    const hunan = page.locator('nav.compare-provinces a', { hasText: '湖南省' });
    await expect
      .poll(() => hunan.evaluate((a) => (a as HTMLAnchorElement).href))
      .toBe(`${site.url}compare/sangong/hunan.html?phase=actual`);
    await hunan.click();
    await expect.poll(() => page.url()).toContain('compare/sangong/hunan.html?phase=actual');
    await page.waitForLoadState();
    const rows = await shownRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.startsWith('lukou-ybj-') || r.startsWith('yanling-ybj-'))).toBe(true);
    expect(rows.every((r) => r.endsWith(' actual'))).toBe(true);
    await page.close();
  });

  it.each([360, 1280])(
    'at %i px: no horizontal scroll, and chart text at least 11 px tall',
    async (width) => {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      const pages = comparePages();
      expect(pages).toEqual(
        expect.arrayContaining([
          'compare/sangong.html',
          'compare/execution.html',
          'compare/shares.html',
          'compare/score.html',
          'compare/sangong/shanghai.html',
          'embed/sangong.html',
        ]),
      );
      for (const path of pages) {
        await page.goto(`${site.url}${path}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
        // a column hidden on a phone is hidden in the head and in every row alike
        const shownCells = (selector: string) =>
          page.$$eval(selector, (trs) =>
            trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells).filter((c) => c.getClientRects().length > 0).length),
          );
        if (path.startsWith('compare/') && (await page.locator('#compare-table').count()) > 0) {
          const [head] = await shownCells('#compare-table thead tr');
          expect(new Set(await shownCells('#compare-table tbody tr:not([hidden])')), path).toEqual(new Set([head]));
        }
        // the rendered size of every visible chart text: its font size times the scale of its SVG
        const sizes = await page.$$eval('figure.chart svg[viewBox] text', (texts) =>
          texts.flatMap((text) => {
            const svg = (text as SVGTextElement).ownerSVGElement;
            if (!svg || text.getClientRects().length === 0) return [];
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [parseFloat(getComputedStyle(text).fontSize) * scale];
          }),
        );
        expect(sizes.length, path).toBeGreaterThan(0);
        expect(Math.min(...sizes), path).toBeGreaterThanOrEqual(11);
      }
      await page.close();
    },
    60_000,
  );
});
