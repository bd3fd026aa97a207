import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailable, useBuiltSiteInBrowser } from './helpers/browser';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`shares card tests skipped: ${unavailable}`);

const PHONE = { width: 360, height: 740 };
// a province's page: the national page (compare/shares.html) is a summary of one row per province
const PAGE = 'compare/shares/shanghai.html';

/** How the shares table is laid out: per shown row its display, right edge and each shown cell's label and text. */
const layoutOf = (page: Page) =>
  page.evaluate(() => {
    const table = document.getElementById('compare-table');
    const wrap = table?.closest('.table-wrap');
    if (!table || !wrap) throw new Error('no #compare-table in a .table-wrap');
    const rows = [...table.querySelectorAll('tbody tr')].filter((tr) => !(tr as HTMLElement).hidden);
    return {
      pageWidth: document.documentElement.scrollWidth,
      wrapScrolls: wrap.scrollWidth > wrap.clientWidth + 1,
      rows: rows.map((tr) => ({
        display: getComputedStyle(tr).display,
        right: tr.getBoundingClientRect().right,
        cells: [...(tr as HTMLTableRowElement).cells]
          .filter((td) => td.getClientRects().length > 0)
          .map((td) => `${getComputedStyle(td, '::before').content}|${td.classList.contains('cell-title') ? 'title' : ''}`),
      })),
    };
  });

describe.skipIf(unavailable !== null)('the shares comparison on a phone is one card per row', () => {
  const site = useBuiltSiteInBrowser();

  it('without JavaScript at 360 px: cards that fit, the unit first, each number after its column name', async () => {
    const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${PAGE}`);
    const layout = await layoutOf(page);
    expect(layout.rows.length).toBeGreaterThan(3);
    expect(layout.wrapScrolls).toBe(false);
    expect(layout.pageWidth).toBeLessThanOrEqual(PHONE.width);
    expect(layout.rows.filter((r) => r.display === 'table-row' || r.right > PHONE.width)).toEqual([]);
    for (const row of layout.rows) {
      expect(row.cells[0]).toBe('none|title');
      // region, total, basic, its share, project, its share: each names its column
      expect(row.cells.filter((c) => /^".+："\|$/.test(c))).toHaveLength(6);
    }
    expect(layout.rows[0]?.cells).toContain('"基本支出占比："|');
    await context.close();
  });

  it('with JavaScript at 360 px: the heads that sort stay as buttons above the cards and sort them', async () => {
    const page = await site.browser.newPage({ viewport: PHONE });
    await page.goto(`${site.url}${PAGE}`);
    const head = page.locator('#compare-table th[data-key="basicShare"] button.sort');
    expect(await head.isVisible()).toBe(true);
    await head.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('basicShare-desc');
    const shares = await page.$$eval('#compare-table tbody tr:not([hidden]) td[data-col="basicShare"]', (tds) =>
      tds.map((td) => (td as HTMLElement).dataset.sort ?? ''),
    );
    const stated = shares.filter((s) => s !== '').map(Number);
    expect(stated.length).toBeGreaterThan(1);
    // largest first, rows without a share last
    expect(stated).toEqual([...stated].sort((a, b) => b - a));
    expect(shares.slice(stated.length).every((s) => s === '')).toBe(true);
    const layout = await layoutOf(page);
    expect(layout.pageWidth).toBeLessThanOrEqual(PHONE.width);
    expect(layout.rows.filter((r) => r.display === 'table-row')).toEqual([]);
    await page.close();
  });

  it('stays a table of columns on a desktop', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}${PAGE}`);
    const layout = await layoutOf(page);
    expect(new Set(layout.rows.map((r) => r.display))).toEqual(new Set(['table-row']));
    expect(await page.locator('#compare-table thead').isVisible()).toBe(true);
    await page.close();
  });
});
