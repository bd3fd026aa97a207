import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, openBuiltSite, type SiteInBrowser } from './helpers/browser';
import { openGroupOf } from './helpers/report-page';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`e2e tests skipped: ${unavailable}`);

// The site is served from a subfolder, as on GitHub Pages, to prove relative links and search work there.
describe.skipIf(unavailable !== null)('the built site in Chromium', () => {
  let site: SiteInBrowser;
  let page: Page;

  beforeAll(async () => {
    site = await openBuiltSite();
    page = site.page;
  });
  afterAll(async () => {
    await site?.close();
  });

  it('goes from the home page to a report and from a figure to its sentence in the full text', async () => {
    await page.goto(`${site.url}index.html`);
    await page.getByRole('link', { name: '乐山市市中区医疗保障局 · 2022年度 · 部门决算' }).click();
    await expect.poll(() => page.url()).toContain('reports/leshan-shizhong-ybj-2022-final-accounts.html');
    const row = page.locator('table.figures tr', { hasText: '2022年度收、支总计1,153.8万元' }).first();
    await openGroupOf(page, (await row.getAttribute('id')) ?? '');
    await row.getByRole('link', { name: /原文 L\d+/ }).click();
    const target = page.locator('li:target');
    await expect.poll(() => target.textContent()).toContain('收、支总计1,153.8万元');
  });

  it('finds reports by Chinese terms with the search page', async () => {
    const queries: [string, string][] = [
      ['医疗救助', 'yuancheng-ybj-2021-project-self-eval'],
      ['公务接待', 'leshan-shizhong-ybj-2022-final-accounts'],
      ['株洲', 'lukou-ybj-2022-dept-self-eval'],
      ['乌鲁木齐', 'urumqi-xinshi-ybj-2023-dept-self-eval'],
      ['差旅费', 'leshan-shizhong-ybj-2022-final-accounts'],
      ['因公出国（境）费', 'leshan-shizhong-ybj-2022-final-accounts'],
      ['公务用车运行维护费', 'yanling-ybj-2020-dept-self-eval'],
      ['非税收入', 'yanling-ybj-2020-dept-self-eval'],
      ['"差旅费"', 'leshan-shizhong-ybj-2022-final-accounts'],
    ];
    for (const [query, reportId] of queries) {
      await page.goto(`${site.url}search.html`);
      // what a reader sees: the search box shows results, linked under the site's folder
      await page.locator('#search-input').fill(query);
      const results = page.locator('#search-results a.result-title');
      await expect.poll(() => results.count(), { message: query, timeout: 10_000 }).toBeGreaterThan(0);
      expect(await results.first().getAttribute('href'), query).toContain('/mingzhang/');
      // every result (the box shows the first few), read as the search page reads a query (js/search-query.js):
      // the expected report page is among them. A string, so that vitest does not rewrite the browser's import()
      const urls = (await page.evaluate(`(async () => {
        const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
        const { findPages, FULL_TEXT_BUNDLE } = await import(new URL('js/search-query.js', location.href).href);
        const fullText = () => import(new URL(FULL_TEXT_BUNDLE + '/pagefind.js', location.href).href);
        return (await findPages(pagefind, ${JSON.stringify(query)}, {}, Infinity, fullText)).pages.map((d) => d.url);
      })()`)) as string[];
      expect(urls.join(' '), query).toContain(`reports/${reportId}.html`);
    }
  });

  it('downloads the figures as CSV from the data page', async () => {
    await page.goto(`${site.url}data.html`);
    const response = await page.request.get(`${site.url}data/figures.csv`);
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text.split('\n')[0]).toContain('report_id,unit_id,unit_name,year');
  });
});
