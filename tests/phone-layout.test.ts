import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FigureEntry } from '../src/schemas/figure';
import type { Finding } from '../src/schemas/finding';
import type { Unit } from '../src/schemas/unit';
import { partitionFolder } from '../src/lib/partition';
import { browserUnavailable, useBuiltSiteInBrowser } from './helpers/browser';
import { htmlFiles, readContent } from './helpers/built-site';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`phone layout tests skipped: ${unavailable}`);

const PHONE = { width: 360, height: 740 };

/**
 * The pages to look at: every top-level page, the first page under each folder, and the report with the most
 * figures (the longest page). A fixed number of pages however many reports the site holds.
 */
function pagesToCheck(): string[] {
  const byKind = new Map<string, string>();
  for (const page of htmlFiles().sort()) {
    const kind = page.includes('/') ? page.slice(0, page.lastIndexOf('/')) : page;
    if (!byKind.has(kind)) byKind.set(kind, page);
  }
  const perReport = new Map<string, number>();
  for (const f of readContent<FigureEntry>('figures')) perReport.set(f.report_id, (perReport.get(f.report_id) ?? 0) + 1);
  const busiest = [...perReport].sort((a, b) => b[1] - a[1])[0];
  return [...new Set([...byKind.values(), ...(busiest ? [`reports/${busiest[0]}.html`] : [])])];
}

/** The tables that must read as one card per row on a phone, and a page that has each. */
const CARD_TABLES: [string, string][] = [
  ['table.figures', 'reports/'],
  ['table.projects', 'reports/'],
  ['table.indicators', 'reports/'],
  ['table.checklist', 'reports/'],
  ['.provenance table', 'reports/'],
  ['table.findings-table', 'findings/'],
  ['table.completeness-summary', 'findings/'],
  ['table.downloads', 'data.html'],
  ['table.changelog', 'changelog.html'],
];

interface Layout {
  /** Width of the whole document: more than the viewport means the page scrolls sideways. */
  scrollWidth: number;
  /** Elements wider than the viewport that are not inside a box that scrolls on its own, as "tag.class". */
  overflowing: string[];
  /** Per card table on the page: its selector, whether its rows are cards, whether it scrolls sideways. */
  tables: { selector: string; cards: boolean; scrolls: boolean }[];
}

const layoutOf = (page: Page): Promise<Layout> =>
  page.evaluate(
    (selectors) => {
      const width = document.documentElement.clientWidth;
      const overflowing = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.parentElement?.closest('.table-wrap, figure.chart'))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      const tables = selectors.flatMap((selector) =>
        [...document.querySelectorAll(selector)].map((table) => {
          const row = table.querySelector('tbody tr');
          const wrap = table.closest('.table-wrap') ?? table;
          return {
            selector,
            cards: row !== null && getComputedStyle(row).display !== 'table-row',
            scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
          };
        }),
      );
      return { scrollWidth: document.documentElement.scrollWidth, overflowing, tables };
    },
    CARD_TABLES.map(([selector]) => selector),
  );

describe.skipIf(unavailable !== null)('the site on a 360 px phone', () => {
  const site = useBuiltSiteInBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await (await site.browser.newContext({ viewport: PHONE })).newPage();
  });

  it('never scrolls sideways, on any page type, and shows every table of rows as cards that fit', async () => {
    const pages = pagesToCheck();
    expect(pages).toEqual(
      expect.arrayContaining(['index.html', 'findings.html', 'data.html', 'changelog.html', 'glossary.html', 'methodology.html']),
    );
    const wide: string[] = [];
    const seen = new Set<string>();
    for (const path of pages) {
      await page.goto(`${site.url}${path}`);
      const layout = await layoutOf(page);
      if (layout.scrollWidth > PHONE.width)
        wide.push(`${path}: ${layout.scrollWidth} px wide (${layout.overflowing.slice(0, 3).join(', ')})`);
      for (const table of layout.tables) {
        seen.add(`${table.selector} on ${/^(reports|findings)\//.test(path) ? path.slice(0, path.indexOf('/') + 1) : path}`);
        if (!table.cards) wide.push(`${path}: ${table.selector} is not cards`);
        if (table.scrolls) wide.push(`${path}: ${table.selector} scrolls sideways`);
      }
    }
    expect(wide).toEqual([]);
    // every kind of table was found and checked
    expect([...seen].sort()).toEqual(expect.arrayContaining(CARD_TABLES.map(([selector, where]) => `${selector} on ${where}`)));
  }, 120_000);

  it('would see a page that scrolls sideways', async () => {
    const row = `<tbody><tr><td>${'x'.repeat(400)}</td></tr></tbody>`;
    await page.setContent(
      `<!doctype html><meta name="viewport" content="width=device-width"><body><div class="table-wrap" style="overflow-x:auto"><table class="figures">${row}</table></div><p class="badge" style="display:inline-block;white-space:nowrap">${'y'.repeat(400)}</p></body>`,
    );
    const layout = await layoutOf(page);
    expect(layout.scrollWidth).toBeGreaterThan(PHONE.width);
    expect(layout.overflowing).toEqual(['p.badge']);
    expect(layout.tables).toEqual([{ selector: 'table.figures', cards: false, scrolls: true }]);
  });

  it('keeps the findings filters and sort in the address: a reload or a shared link shows the same rows', async () => {
    // the findings of one province, on its page
    const units = readContent<Unit>('units');
    const provinceOf = (f: Finding) => units.find((u) => u.id === f.unit_id)?.province ?? '';
    const everyFinding = readContent<Finding>('findings');
    const first = everyFinding[0];
    if (!first) throw new Error('no findings in the bundled data');
    const findings = everyFinding.filter((f) => provinceOf(f) === provinceOf(first));
    const findingsPage = `findings/${partitionFolder(provinceOf(first))}.html`;
    const visibleIds = () =>
      page.locator('table.findings-table tbody tr:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-finding')));
    await page.goto(`${site.url}${findingsPage}`);
    await page.locator('select[name="severity"]').selectOption(first.severity);
    await page.locator('select[name="year"]').selectOption(String(first.year));
    await page.locator('th[data-sort-key="unit"] button').click();
    await page.locator('th[data-sort-key="unit"] button').click();
    const expected = findings.filter((f) => f.severity === first.severity && f.year === first.year);
    await expect.poll(async () => (await visibleIds()).length).toBe(expected.length);
    const shown = await visibleIds();
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toEqual({ severity: first.severity, year: String(first.year), sort: '-unit' });

    await page.reload();
    expect(await page.locator('select[name="severity"]').inputValue()).toBe(first.severity);
    expect(await page.locator('select[name="year"]').inputValue()).toBe(String(first.year));
    expect(await page.locator('th[data-sort-key="unit"]').getAttribute('aria-sort')).toBe('descending');
    expect(await visibleIds()).toEqual(shown);

    // the same link opened in another browser
    const other = await site.browser.newPage({ viewport: PHONE });
    try {
      await other.goto(address.href);
      await expect.poll(() => other.locator('table.findings-table tbody tr:visible').count()).toBe(expected.length);
      expect(
        await other.locator('table.findings-table tbody tr:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-finding'))),
      ).toEqual(shown);
    } finally {
      await other.close();
    }

    // clearing a filter takes it out of the address; a value no option has is ignored
    await page.locator('select[name="severity"]').selectOption('');
    await expect.poll(() => new URL(page.url()).searchParams.has('severity')).toBe(false);
    await page.goto(`${site.url}${findingsPage}?severity=nonsense`);
    expect(await page.locator('select[name="severity"]').inputValue()).toBe('');
    await expect.poll(() => page.locator('table.findings-table tbody tr:visible').count()).toBe(findings.length);
  });
});
