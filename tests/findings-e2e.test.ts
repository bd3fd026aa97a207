import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/schemas/finding';
import { browserUnavailable, openBuiltSite, type SiteInBrowser } from './helpers/browser';
import type { Unit } from '../src/schemas/unit';
import { partitionFolder } from '../src/lib/partition';
import { readContent, readText } from './helpers/built-site';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`findings e2e tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('the findings page in Chromium', () => {
  let site: SiteInBrowser;
  let page: Page;
  let findings: Finding[];

  beforeAll(async () => {
    findings = readContent<Finding>('findings');
    site = await openBuiltSite();
    page = site.page;
  });
  afterAll(async () => {
    await site?.close();
  });

  const visible = () => page.locator('table.findings-table tbody tr:visible');

  it('goes from the national page to a province’s, then filters by severity, unit and year, and sorts by a column', async () => {
    // the province with the most findings
    const units = readContent<Unit>('units');
    const provinceOf = (f: Finding) => units.find((u) => u.id === f.unit_id)?.province ?? '';
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(provinceOf(f), (counts.get(provinceOf(f)) ?? 0) + 1);
    const province = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const own = findings.filter((f) => provinceOf(f) === province);
    await page.goto(`${site.url}findings.html`);
    await page.locator('table.findings-provinces').getByRole('link', { name: province, exact: true }).click();
    await expect.poll(() => page.url()).toContain(`findings/${partitionFolder(province)}.html`);
    await expect.poll(() => page.locator('#findings-filters').isVisible()).toBe(true);
    expect(await visible().count()).toBe(own.length);

    await page.selectOption('select[name="severity"]', 'warning');
    await expect.poll(() => visible().count()).toBe(own.filter((f) => f.severity === 'warning').length);
    const unit = own.find((f) => f.severity === 'warning')?.unit_name ?? '';
    await page.selectOption('select[name="unit"]', unit);
    await expect.poll(() => visible().count()).toBe(own.filter((f) => f.severity === 'warning' && f.unit_name === unit).length);
    expect(await page.locator('#findings-shown').textContent()).toContain(`/ ${own.length}`);

    await page.selectOption('select[name="severity"]', '');
    await page.selectOption('select[name="unit"]', '');
    await page.selectOption('select[name="year"]', String(own[0]?.year));
    await expect.poll(() => visible().count()).toBe(own.filter((f) => f.year === own[0]?.year).length);
    await page.selectOption('select[name="year"]', '');

    await page.locator('th[data-sort-key="year"] button').click();
    const years = await page
      .locator('table.findings-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-year'))));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    await page.locator('th[data-sort-key="year"] button').click();
    const down = await page
      .locator('table.findings-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-year'))));
    expect(down).toEqual([...down].sort((a, b) => b - a));
  });

  it("goes from a finding to its quote, highlighted in the report's full text", async () => {
    // a finding with few passages shows them open; one with many behind a summary
    const f = findings.find((x) => x.refs.length > 0 && x.refs.length <= 3 && x.refs[0]?.kind === 'figure');
    expect(f).toBeDefined();
    await page.goto(`${site.url}reports/${f?.report_id}.html#${f?.id}`);
    const article = page.locator(`article#${f?.id}`);
    await expect.poll(() => article.isVisible()).toBe(true);
    await article.locator('ol.refs a[href^="#L"]').first().click();
    await expect.poll(() => page.url()).toContain(`#L${f?.refs[0]?.line}`);
    const target = page.locator('li:target');
    // the highlighted line holds the part of the quote that falls on it
    const ref = f?.refs[0];
    const text = f ? readText(f.report_id) : '';
    const startLine = text.slice(0, ref?.offset ?? 0).split('\n').length;
    const segment = (ref?.quote.split('\n')[(ref?.line ?? 0) - startLine] ?? '').trim();
    expect(segment).not.toBe('');
    await expect.poll(() => target.textContent()).toContain(segment);
    const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
  });
});
