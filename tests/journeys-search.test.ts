import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportEntry } from '../src/schemas/report';
import { browserUnavailable, launchBrowser } from './helpers/browser';
import { distDir, readContent, readText, requireBuild } from './helpers/built-site';
import { serveStatic } from './helpers/static-server';

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
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    requireBuild();
    site = await serveStatic(distDir, '/mingzhang/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The report pages among the results shown, and the year each result states. */
  const shown = async (page: Page) => {
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
      const page = await browser.newPage({ viewport: { width, height: 800 } });
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
        const again = await browser.newPage({ viewport: { width, height: 800 } });
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

  it('opens a ?q= link from elsewhere with the results already shown', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    try {
      await page.goto(`${site.url}search.html?q=${encodeURIComponent(TERM)}`);
      await expect.poll(() => page.locator('#search-input').inputValue(), { timeout: 10_000 }).toBe(TERM);
      await expect.poll(async () => (await shown(page)).reports, { timeout: 10_000 }).toEqual(expect.arrayContaining(expectedReports()));
    } finally {
      await page.close();
    }
  });
});
