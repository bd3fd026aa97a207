import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailable, useBuiltSiteInBrowser } from './helpers/browser';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`comparison chart filters skipped: ${unavailable}`);

/** The keys of the table rows a reader sees (<tr data-row>). */
const tableRows = (page: Page) =>
  page.$$eval('#compare-table tbody tr', (rows) =>
    rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute('data-row') ?? ''),
  );

/**
 * What a reader sees of the chart shown (the metric chosen, the layout of the screen's width): per band, its
 * label and the keys of its visible marks, top to bottom; and the chart's drawn height with the x axis' place.
 */
const shownChart = (page: Page) =>
  page.evaluate(() => {
    const figure = [...document.querySelectorAll<HTMLElement>('figure.chart')].find((f) => !f.hidden);
    const svg = [...(figure?.querySelectorAll<SVGSVGElement>('svg[viewBox]') ?? [])].find((s) => s.checkVisibility());
    if (!svg) return null;
    const visible = [...svg.querySelectorAll<SVGGraphicsElement>('rect, circle, text')].filter(
      (el) => el.checkVisibility() && el.getBoundingClientRect().height > 0,
    );
    const marks = visible.filter((el) => el.closest('[data-row]'));
    const keyOf = (el: Element) => el.closest('[data-row]')?.getAttribute('data-row') ?? '';
    const box = svg.getBoundingClientRect();
    const bars = [...svg.querySelectorAll('rect')].filter((r) => r.checkVisibility() && r.getBoundingClientRect().width > 0);
    return {
      keys: [...new Set(marks.map(keyOf))],
      // the words written in the chart (a bar's <title> is a tooltip, not drawn)
      texts: visible.filter((el) => el.tagName === 'text').map((el) => el.textContent ?? ''),
      // every visible bar lies inside the chart's box: hidden rows leave no gap that pushes one out
      barsInside: bars.every((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= box.top && b.bottom <= box.bottom;
      }),
      lowestBar: Math.max(...bars.map((r) => r.getBoundingClientRect().bottom)) - box.top,
      height: box.height,
    };
  });

const same = (a: readonly string[], b: readonly string[]) => expect([...a].sort()).toEqual([...b].sort());

// The built site served from a subfolder, as on GitHub Pages, in Debian's Chromium.
describe.skipIf(unavailable !== null)('a comparison chart follows the table’s filters (Chromium)', () => {
  const site = useBuiltSiteInBrowser();

  it.each([
    [1280, 'compare/sangong/shanghai.html', 'year', '2024'],
    [360, 'compare/sangong/shanghai.html', 'phase', 'actual'],
    [1280, 'compare/shares/shanghai.html', 'year', '2025'],
    [360, 'compare/shares/shanghai.html', 'dept', '财政局'],
  ])('at %i px, %s filtered by %s=%s: the chart draws the rows the table shows, and closes up', async (width, path, filter, value) => {
    const page = await site.browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${site.url}${path}`);
    const before = await shownChart(page);
    expect(before).not.toBeNull();
    // a band's label names its report's year ("普陀区财政局 2025 年初预算")
    const bandLabels = (chart: typeof before) => chart?.texts.filter((t) => / (19|20)\d\d /.test(t)) ?? [];
    expect(bandLabels(before).length).toBeGreaterThan(2);
    const all = await tableRows(page);

    await page.locator(`select[name="${filter}"]`).selectOption(value);
    await expect.poll(() => decodeURIComponent(page.url())).toContain(`${filter}=${value}`);
    const rows = await tableRows(page);
    const after = await shownChart(page);
    // what a reader sees, whatever the markup: fewer bands, each the filter's (a year filter: the year in every label)
    expect(bandLabels(after).length).toBeLessThan(bandLabels(before).length);
    if (filter === 'year') expect(bandLabels(after).every((t) => t.includes(`${value} `))).toBe(true);
    // the gaps close: the chart is shorter by the hidden bands, its bars all inside it, the axis right below them
    expect(after?.barsInside).toBe(true);
    expect(after?.height ?? 0).toBeLessThan(before?.height ?? 0);
    expect((after?.height ?? 0) - (after?.lowestBar ?? 0)).toBeCloseTo((before?.height ?? 0) - (before?.lowestBar ?? 0), 0);
    // on these pages the chart draws every row: a band per row, its marks named by the row's key
    same(before?.keys ?? [], all);
    expect(bandLabels(before).length).toBe(all.length);
    // mark for row: the rows left that the chart drew before (a row without the value has no bar), one band each
    const expected = (before?.keys ?? []).filter((k) => rows.includes(k));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(before?.keys.length ?? 0);
    same(after?.keys ?? [], expected);
    expect(bandLabels(after).length).toBe(expected.length);
    // the page says what the chart shows
    const label = await page.locator(`select[name="${filter}"]`).evaluate((s) => s.closest('label')?.firstChild?.textContent?.trim() ?? '');
    const option = await page.locator(`select[name="${filter}"] option:checked`).textContent();
    await expect.poll(() => page.locator('#compare-chart-view').textContent()).toContain(`${label} ${option}`);
    expect(await page.locator('#compare-chart-view').textContent()).toContain(`画出 ${expected.length} 行`);

    // back to every row: the chart as built
    await page.locator(`select[name="${filter}"]`).selectOption('');
    const reset = await shownChart(page);
    same(reset?.keys ?? [], await tableRows(page));
    expect(reset?.height).toBeCloseTo(before?.height ?? 0, 0);
    await page.close();
  });

  it('a filtered view’s address opens with the chart filtered, the other metric’s chart too', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}compare/sangong/hunan.html?phase=actual&metric=perStaff`);
    const rows = await tableRows(page);
    expect(rows.length).toBe(1);
    same((await shownChart(page))?.keys ?? [], rows);
    expect(await page.locator('#compare-chart-view').textContent()).toContain('画出 1 行');
    await page.locator('select[name="metric"]').selectOption('parts');
    same((await shownChart(page))?.keys ?? [], rows);
    await page.close();
  });

  it('filters combine, and a sort of the table leaves the chart as filtered', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}compare/sangong/shanghai.html`);
    await page.locator('select[name="dept"]').selectOption('财政局');
    await page.locator('select[name="phase"]').selectOption('budget');
    await page.locator('th[data-key="total"] button').click();
    await expect.poll(() => page.url()).toContain('sort=total-desc');
    const rows = await tableRows(page);
    expect(rows.length).toBe(2);
    same((await shownChart(page))?.keys ?? [], rows);
    await page.close();
  });

  it('without JavaScript the chart draws every row and says so', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}compare/sangong/shanghai.html?year=2024`);
    const rows = await page.$$eval('#compare-table tbody tr', (trs) => trs.map((r) => r.getAttribute('data-row') ?? ''));
    same((await shownChart(page))?.keys ?? [], rows);
    expect(await page.locator('figure.chart:not([hidden]) figcaption').textContent()).toContain('未筛选时图画出全部行');
    expect(await page.locator('#compare-chart-view').isVisible()).toBe(false);
    await context.close();
  });
});
