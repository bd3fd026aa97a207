import { describe, expect, it } from 'vitest';
import {
  BROWSE_PAGE_SIZE,
  browseIndex,
  browseKey,
  paginate,
  regionAddress,
  type BrowseLink,
  type BrowsePage,
  type BrowseReport,
} from './browse';
import type { Unit } from '../schemas/unit';
import type { ReportKind } from '../schemas/vocabulary';

const unit = (id: string, province: string, city: string, county: string, department_type = '医疗保障局'): Unit => ({
  id,
  name: `${county}${department_type}`,
  short_name: id,
  province,
  city,
  county,
  department_type,
});
const report = (unit_id: string, year: number, kind: ReportKind = '部门决算'): BrowseReport => ({
  id: `${unit_id}-${year}-${kind}`,
  unit_id,
  year,
  kind,
  title: `${year} ${kind}`,
});

const units = [
  unit('lukou', '湖南省', '株洲市', '渌口区'),
  unit('yanling', '湖南省', '株洲市', '炎陵县'),
  unit('putuo-czj', '上海市', '上海市', '普陀区', '财政局'),
  unit('putuo-wanli', '上海市', '上海市', '普陀区', '街道办事处'),
  unit('leshan', '四川省', '乐山市', '市中区'),
  unit('lonely', '四川省', '乐山市', '沙湾区', '财政局'),
];
const reports = [
  report('lukou', 2022, '部门整体支出绩效自评'),
  report('yanling', 2020, '部门整体支出绩效自评'),
  report('putuo-czj', 2024),
  report('putuo-czj', 2025, '部门预算'),
  report('putuo-wanli', 2023, '部门预算'),
  report('putuo-wanli', 2024, '部门预算'),
  report('putuo-wanli', 2025, '部门预算'),
  report('leshan', 2022),
];
const index = browseIndex(units, reports);
const pagesOf = (facet: BrowsePage['facet'], depth?: number) =>
  index.pages.filter((p) => p.facet === facet && (depth === undefined || p.path.length === depth));
const unitIds = (pages: BrowsePage[]) => pages.flatMap((p) => p.entries.map((e) => e.unit.id)).sort();
const reportIds = (pages: BrowsePage[]) => pages.flatMap((p) => p.entries.flatMap((e) => e.reports.map((r) => r.id))).sort();
const counts = (links: BrowseLink[]) => links.map((l) => [l.label, l.units, l.reports]);

describe('browseIndex', () => {
  it.each<[string, BrowsePage['facet'], number | undefined]>([
    ['county pages', 'region', 3],
    ['city pages', 'region', 2],
    ['department type pages', 'type', undefined],
  ])('%s list every unit once, with every report once', (_name, facet, depth) => {
    expect(unitIds(pagesOf(facet, depth))).toEqual(units.map((u) => u.id).sort());
    expect(reportIds(pagesOf(facet, depth))).toEqual(reports.map((r) => r.id).sort());
  });

  it.each<[string, BrowsePage['facet']]>([
    ['year pages', 'year'],
    ['kind pages', 'kind'],
  ])('%s list every report once, under its unit', (_name, facet) => {
    expect(reportIds(pagesOf(facet))).toEqual(reports.map((r) => r.id).sort());
    for (const page of pagesOf(facet))
      for (const entry of page.entries) for (const r of entry.reports) expect(r.unit_id).toBe(entry.unit.id);
  });

  it('counts units and reports per region, province → city → county', () => {
    // in the order of the Chinese collation (by pinyin): 湖南 hú, 上海 shàng, 四川 sì
    expect(counts(index.regions)).toEqual([
      ['湖南省', 2, 2],
      ['上海市', 2, 5],
      ['四川省', 2, 1],
    ]);
    expect(index.regions.map((p) => p.children.map((c) => [c.label, c.children.map((k) => [k.label, k.units, k.reports])]))).toEqual([
      [
        [
          '株洲市',
          [
            ['渌口区', 1, 1],
            ['炎陵县', 1, 1],
          ],
        ],
      ],
      [['上海市', [['普陀区', 2, 5]]]],
      [
        [
          '乐山市',
          [
            ['沙湾区', 1, 0],
            ['市中区', 1, 1],
          ],
        ],
      ],
    ]);
  });

  it('counts per year (newest first), kind (in the vocabulary order) and department type', () => {
    expect(counts(index.years)).toEqual([
      ['2025', 2, 2],
      ['2024', 2, 2],
      ['2023', 1, 1],
      ['2022', 2, 2],
      ['2020', 1, 1],
    ]);
    expect(counts(index.kinds)).toEqual([
      ['部门预算', 2, 4],
      ['部门决算', 2, 2],
      ['部门整体支出绩效自评', 2, 2],
    ]);
    expect(counts(index.types)).toEqual([
      ['财政局', 2, 2],
      ['街道办事处', 1, 3],
      ['医疗保障局', 3, 3],
    ]);
    expect([index.units, index.reports]).toEqual([6, 8]);
  });

  it('links a page to the regions above it, and every link to a page that exists', () => {
    const county = pagesOf('region', 3).find((p) => p.path.at(-1) === '炎陵县');
    expect(county?.crumbs.map((c) => c.label)).toEqual(['湖南省', '株洲市']);
    const targets = new Set(index.pages.map((p) => p.target));
    const links = [...index.regions, ...index.years, ...index.kinds, ...index.types].flatMap(function all(l: BrowseLink): BrowseLink[] {
      return [l, ...l.children.flatMap(all)];
    });
    for (const target of [...links.map((l) => l.target), ...index.pages.flatMap((p) => p.crumbs.map((c) => c.target))])
      expect(targets).toContain(target);
    expect(new Set(index.pages.map((p) => p.target)).size).toBe(index.pages.length);
  });

  it('splits a long list into pages and keeps every page small', () => {
    const many = Array.from({ length: 450 }, (_, k) => unit(`u${k}`, '湖南省', '株洲市', `县${k % 3}`));
    const big = browseIndex(
      many,
      many.map((u) => report(u.id, 2024)),
    );
    const year = big.pages.filter((p) => p.facet === 'year');
    expect(year.map((p) => [p.key, p.page, p.entries.length, p.units])).toEqual([
      ['2024', 1, 200, 450],
      ['2024-2', 2, 200, 450],
      ['2024-3', 3, 50, 450],
    ]);
    expect(year[0]?.pages.map((p) => p.target)).toEqual(['browse/year/2024.html', 'browse/year/2024-2.html', 'browse/year/2024-3.html']);
    expect(Math.max(...big.pages.map((p) => p.entries.length))).toBeLessThanOrEqual(BROWSE_PAGE_SIZE);
    expect(unitIds(year)).toEqual(many.map((u) => u.id).sort());
  });

  it('has a page for nothing at all', () => {
    expect(browseIndex([], [])).toEqual({ regions: [], years: [], kinds: [], types: [], pages: [], units: 0, reports: 0 });
  });
});

describe('browseIndex: departments of a city or a province, in no county', () => {
  const cityOwn = unit('sh-czj', '上海市', '上海市', '', '财政局');
  const provinceOwn = unit('js-jcy', '江苏省', '', '', '人民检察院');
  const index = browseIndex([...units, cityOwn, provinceOwn], reports);
  const region = (path: string[]) => index.pages.find((p) => p.facet === 'region' && p.path.join('/') === path.join('/'));

  it("lists a city's own department on its city's page, and makes no county page without a name", () => {
    expect(region(['上海市', '上海市'])?.entries.map((e) => e.unit.id)).toContain('sh-czj');
    expect(index.pages.filter((p) => p.facet === 'region' && p.path.some((name) => name === ''))).toEqual([]);
    expect(region(['上海市', '上海市', '普陀区'])?.entries.map((e) => e.unit.id)).not.toContain('sh-czj');
  });

  it("lists a province's own department on its province's page, the only units that page lists", () => {
    expect(region(['江苏省'])?.entries.map((e) => e.unit.id)).toEqual(['js-jcy']);
    expect(region(['上海市'])?.entries).toEqual([]);
    expect(index.regions.find((r) => r.label === '江苏省')?.children).toEqual([]);
  });
});

describe('browseKey', () => {
  it.each<[BrowsePage['facet'], string[], RegExp]>([
    ['year', ['2024'], /^2024$/],
    ['region', ['湖南省', '株洲市'], /^[0-9a-f]{12}$/],
    ['kind', ['部门预算'], /^[0-9a-f]{12}$/],
    ['type', ['../../etc'], /^[0-9a-f]{12}$/],
    ['year', ['二〇二四'], /^[0-9a-f]{12}$/],
  ])('%s %j', (facet, path, shape) => {
    expect(browseKey(facet, path)).toMatch(shape);
  });

  it('tells apart a path from a name with a separator in it', () => {
    expect(browseKey('region', ['a', 'b'])).not.toBe(browseKey('region', ['a/b']));
    expect(browseKey('region', ['湖南省'])).not.toBe(browseKey('type', ['湖南省']));
  });
});

describe('paginate', () => {
  it.each<[number[], number, number[][]]>([
    [[], 2, [[]]],
    [[1, 2], 2, [[1, 2]]],
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]],
  ])('%j by %i', (items, size, expected) => {
    expect(paginate(items, size)).toEqual(expected);
  });
});

describe('regionAddress', () => {
  it.each([
    [['湖南省', '株洲市', '炎陵县'], '湖南省株洲市炎陵县'],
    [['上海市', '上海市', '普陀区'], '上海市普陀区'],
    [['上海市'], '上海市'],
    [[], ''],
  ])('%j', (path, address) => {
    expect(regionAddress(path)).toBe(address);
  });
});
