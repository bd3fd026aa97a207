import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportEntry } from '../src/schemas/report';
import type { Unit } from '../src/schemas/unit';
import { browserUnavailable, openBuiltSite, type SiteInBrowser } from './helpers/browser';
import { distDir, readContent, readPage, requireBuild } from './helpers/built-site';

// The browse pages as built: every unit and report reachable by region, year, kind and department type, with
// counts that match the dataset, from the home page and the navigation, and readable on a phone.
requireBuild();
const units = readContent<Unit>('units');
const reports = readContent<ReportEntry>('reports');
const pagesIn = (facet: string) =>
  readdirSync(join(distDir, 'browse', facet))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `browse/${facet}/${f}`);
const listedUnits = (pages: string[]) =>
  pages.flatMap((p) => [...readPage(p).querySelectorAll('.browse-units > li')].map((li) => li.getAttribute('data-unit')));
const listedReports = (pages: string[]) =>
  pages.flatMap((p) => [...readPage(p).querySelectorAll('.browse-units a[data-report]')].map((a) => a.getAttribute('data-report')));
const sorted = (list: (string | null)[]) => [...list].sort();
/** Region pages by depth: a county page has two crumbs above it (province, city). */
const regionPages = (crumbs: number) => pagesIn('region').filter((p) => readPage(p).querySelectorAll('nav.crumbs a').length === crumbs + 1);

describe('browse pages', () => {
  it('are linked from the home page and from the navigation of every page', () => {
    const home = readPage('index.html');
    expect([...home.querySelectorAll('main a')].map((a) => a.getAttribute('href'))).toContain('browse.html#by-region');
    expect([...readPage('units/lukou-ybj.html').querySelectorAll('header nav a')].map((a) => a.getAttribute('href'))).toContain(
      '../browse.html',
    );
  });

  it.each<[string, () => string[]]>([
    ['county pages', () => regionPages(2)],
    ['city pages', () => regionPages(1)],
    ['department type pages', () => pagesIn('type')],
  ])('%s list every unit once, with all its reports', (_name, pages) => {
    expect(sorted(listedUnits(pages()))).toEqual(sorted(units.map((u) => u.id)));
    expect(sorted(listedReports(pages()))).toEqual(sorted(reports.map((r) => r.id)));
  });

  it.each<[string, string]>([
    ['year pages', 'year'],
    ['kind pages', 'kind'],
  ])('%s list every report once', (_name, facet) => {
    expect(sorted(listedReports(pagesIn(facet)))).toEqual(sorted(reports.map((r) => r.id)));
  });

  it('lists each year with the count of its reports', () => {
    const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a);
    const links = [...readPage('browse.html').querySelectorAll('#by-year li')];
    expect(links.map((li) => li.querySelector('a')?.textContent)).toEqual(years.map((y) => `${y}年度`));
    for (const [k, year] of years.entries()) {
      const own = reports.filter((r) => r.year === year);
      const count = `${new Set(own.map((r) => r.unit_id)).size} 个单位 · ${own.length} 份报告`;
      expect(links[k]?.querySelector('.count')?.textContent, String(year)).toBe(count);
      const page = normalize(join(dirname('browse.html'), links[k]?.querySelector('a')?.getAttribute('href') ?? ''));
      expect(readPage(page).querySelector('#browse-count')?.textContent).toBe(count);
    }
  });

  it('counts every unit and report under the provinces', () => {
    const doc = readPage('browse.html');
    const provinces = [...doc.querySelectorAll('#by-region > ul > li')];
    expect(provinces.map((li) => li.querySelector('a')?.textContent).sort()).toEqual([...new Set(units.map((u) => u.province))].sort());
    const counts = provinces.map((li) => li.querySelector(':scope > .count')?.textContent?.match(/(\d+) 个单位 · (\d+) 份报告/));
    const sum = (k: 1 | 2) => counts.reduce((n, m) => n + Number(m?.[k]), 0);
    expect([sum(1), sum(2)]).toEqual([units.length, reports.length]);
  });

  it('work without JavaScript: no page ships a script', () => {
    for (const page of ['browse.html', ...pagesIn('region'), ...pagesIn('year'), ...pagesIn('kind'), ...pagesIn('type')]) {
      expect(readPage(page).querySelectorAll('script').length, page).toBe(0);
    }
  });

  it('leads from a county page up to its city and province and down to its units', () => {
    const county = regionPages(2).find((p) => readPage(p).querySelector('h1')?.textContent === '湖南省株洲市炎陵县');
    expect(county).toBeDefined();
    const doc = readPage(county ?? '');
    expect([...doc.querySelectorAll('nav.crumbs a')].map((a) => a.textContent)).toEqual(['浏览', '湖南省', '株洲市']);
    for (const a of doc.querySelectorAll('nav.crumbs a, .browse-units a')) {
      const file = normalize(join(dirname(county ?? ''), a.getAttribute('href') ?? ''));
      expect(existsSync(join(distDir, file)), file).toBe(true);
    }
    expect(listedUnits([county ?? ''])).toEqual(['yanling-ybj']);
  });
});

const unavailable = browserUnavailable();
if (unavailable) console.warn(`browse browser tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('browse pages on a 360 px phone', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openBuiltSite();
    await site.page.setViewportSize({ width: 360, height: 800 });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('reach a report from the home page by region', async () => {
    const page = site.page;
    await page.goto(`${site.url}index.html`);
    await page.locator('main').getByRole('link', { name: '按地区' }).click();
    await page.getByRole('link', { name: '湖南省', exact: true }).click();
    await page.getByRole('link', { name: '炎陵县' }).click();
    await page.getByRole('link', { name: '2020年度 · 部门整体支出绩效自评' }).click();
    await expect.poll(() => page.url()).toContain('reports/yanling-ybj-2020-dept-self-eval.html');
  });

  it.each(['browse.html', ...pagesIn('region'), ...pagesIn('year'), ...pagesIn('kind'), ...pagesIn('type')])(
    '%s has no sideways scroll',
    async (path) => {
      await site.page.goto(`${site.url}${path}`);
      expect(await site.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    },
  );
});
