import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ReportEntry } from '../src/schemas/report';
import { browserUnavailable, useBuiltSiteInBrowser } from './helpers/browser';
import { readContent, readText } from './helpers/built-site';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`search journey tests skipped: ${unavailable}`);

const TERM = '公务接待费';
const YEAR = 2022;

/** The reports a reader expects for the term in that year: those of the year whose text holds the term. */
function expectedReports(): string[] {
  return readContent<ReportEntry>('reports')
    .filter((r) => r.year === YEAR && readText(r.id).includes(TERM))
    .map((r) => `reports/${r.id}.html`)
    .sort();
}

// The journey: search 公务接待费 with a year filter → the right reports; the address holds the search, so
// the link a journalist copies opens the same results; at a phone's width and a desktop's.
describe.skipIf(unavailable !== null)('search journey', () => {
  const site = useBuiltSiteInBrowser();

  /** Presses 显示更多 until every result is shown, as a reader looking for one report would. */
  const showAll = async (page: Page) => {
    const more = page.locator('#search-more');
    while (await more.isVisible()) {
      const before = await page.locator('#search-results li').count();
      await more.click();
      await expect.poll(() => page.locator('#search-results li').count(), { timeout: 10_000 }).toBeGreaterThan(before);
    }
  };

  /** The report pages among the results (all of them, after 显示更多), and the year each result states. */
  const shown = async (page: Page) => {
    await showAll(page);
    const items = page.locator('#search-results li');
    const hrefs = await items.locator('a.result-title').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const metas = await items.locator('.result-meta').allTextContents();
    return { reports: hrefs.map((h) => h.replace(/^.*\/mingzhang\//, '')).filter((h) => h.startsWith('reports/')), metas };
  };

  it.each([360, 1280])(
    'at %s px: the term with a year filter gives the year’s reports that hold it, and the link reproduces it',
    async (width) => {
      const expected = expectedReports();
      expect(expected.length, `the bundled data has a ${YEAR} report with ${TERM}`).toBeGreaterThan(0);
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      try {
        await page.goto(`${site.url}search.html`);
        await page.locator('#search-input').fill(TERM);
        await page.locator('#search-input').press('Enter');
        const year = page.locator('#search-filters select[name=year]');
        await expect.poll(() => year.count(), { timeout: 10_000 }).toBe(1);
        const option = (await year.locator('option').allTextContents()).find((o) => o.includes(String(YEAR)));
        expect(option, 'the year filter offers the year').toBeDefined();
        await year.selectOption({ label: option ?? '' });
        await expect.poll(async () => (await shown(page)).reports.sort(), { timeout: 10_000 }).toEqual(expect.arrayContaining(expected));
        const { metas } = await shown(page);
        // every result is of the chosen year
        for (const meta of metas) expect(meta).toContain(String(YEAR));
        const shared = new URL(page.url());
        expect(shared.searchParams.get('q')).toBe(TERM);
        expect(shared.searchParams.get('year')).toBe(option);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

        // the copied link: a fresh page shows the term in the box, the year chosen and the same reports
        const before = (await shown(page)).reports;
        const again = await site.browser.newPage({ viewport: { width, height: 800 } });
        try {
          await again.goto(shared.href);
          await expect.poll(() => again.locator('#search-input').inputValue(), { timeout: 10_000 }).toBe(TERM);
          await expect.poll(() => again.locator('#search-filters select[name=year]').inputValue(), { timeout: 10_000 }).toBe(option);
          await expect.poll(async () => (await shown(again)).reports, { timeout: 10_000 }).toEqual(before);
        } finally {
          await again.close();
        }
      } finally {
        await page.close();
      }
    },
  );

  it('searches the reports’ full texts when the reader asks, keeps that in the link, and by itself when nothing else matches', async () => {
    // 非税收入 appears only in report texts, which the default index leaves out
    const phrase = '非税收入';
    const holders = readContent<ReportEntry>('reports')
      .filter((r) => readText(r.id).includes(phrase))
      .map((r) => `reports/${r.id}.html`)
      .sort();
    expect(holders.length, `a bundled report's text holds ${phrase}`).toBeGreaterThan(0);
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${site.url}search.html?q=${encodeURIComponent(phrase)}`);
      await expect.poll(async () => (await shown(page)).reports.sort(), { timeout: 10_000 }).toEqual(holders);
      expect(await page.locator('#search-status').textContent()).toContain('报告全文');
      expect(await page.locator('#search-fulltext').isChecked()).toBe(false);
      await page.locator('#search-fulltext').check();
      await expect.poll(() => new URL(page.url()).searchParams.get('text')).toBe('1');
      await expect.poll(async () => (await shown(page)).reports.sort(), { timeout: 10_000 }).toEqual(holders);
      const again = await site.browser.newPage();
      try {
        await again.goto(page.url());
        await expect.poll(() => again.locator('#search-fulltext').isChecked(), { timeout: 10_000 }).toBe(true);
        await expect.poll(async () => (await shown(again)).reports.sort(), { timeout: 10_000 }).toEqual(holders);
      } finally {
        await again.close();
      }
    } finally {
      await page.close();
    }
  });

  it('shows the first ten results, and twenty more at each 显示更多 until all are shown', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    try {
      await page.goto(`${site.url}search.html?q=${encodeURIComponent(TERM)}`);
      const items = page.locator('#search-results li');
      await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const total = Number(/找到 (\d+) 个页面/u.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
      expect(total, 'the bundled site has more than ten pages with the term').toBeGreaterThan(10);
      expect(await items.count()).toBe(10);
      await page.locator('#search-more').click();
      await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(Math.min(30, total));
      await showAll(page);
      expect(await items.count()).toBe(total);
      expect(await page.locator('#search-more').isVisible()).toBe(false);
      const hrefs = await items.locator('a.result-title').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(new Set(hrefs).size, 'no result shown twice').toBe(total);
    } finally {
      await page.close();
    }
  });

  it('opens a ?q= link from elsewhere with the results already shown', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    try {
      await page.goto(`${site.url}search.html?q=${encodeURIComponent(TERM)}`);
      await expect.poll(() => page.locator('#search-input').inputValue(), { timeout: 10_000 }).toBe(TERM);
      await expect.poll(async () => (await shown(page)).reports, { timeout: 10_000 }).toEqual(expect.arrayContaining(expectedReports()));
    } finally {
      await page.close();
    }
  });
});
