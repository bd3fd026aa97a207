import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  nationalIndexPage,
  SANGONG_ROWS_PER_PAGE,
  nationalSangongPages,
  nationalSangongRows,
  nationalSearchPage,
  readPartitionExport,
  type ExportedFigure,
  type JoinedTables,
} from './partition-national';
import { toYuanString } from './money';

const HOSTILE = '<img src=x onerror="alert(1)">&amp;';

const report = (id: string, unit_id: string, unit_name: string, year: number) => ({
  id,
  unit_id,
  unit_name,
  year,
  kind: '部门决算',
  title: '标题',
});
const figure = (report_id: string, n: number, metric: string, phase: string, value: string, over: Partial<ExportedFigure> = {}) => ({
  report_id,
  metric,
  phase,
  scope: '',
  item: '',
  value,
  unit: '万元',
  value_yuan: toYuanString(value, '万元') ?? '',
  quote: `原文 ${value}万元`,
  figure_id: `${report_id}-f-000${n}`,
  ...over,
});

const hunan: JoinedTables = {
  units: [
    { id: 'a-ybj', name: '甲县医疗保障局', province: '湖南省' },
    { id: 'b-ybj', name: HOSTILE, province: '湖南省' },
  ],
  reports: [
    report('a-ybj-2022-final-accounts', 'a-ybj', '甲县医疗保障局', 2022),
    report('b-ybj-2021-final-accounts', 'b-ybj', HOSTILE, 2021),
  ],
  figures: [
    figure('a-ybj-2022-final-accounts', 1, 'sangong_total', 'budget', '3'),
    figure('a-ybj-2022-final-accounts', 2, 'sangong_total', 'actual', '2.5', { quote: HOSTILE }),
    // not the whole unit's, an item, a share: none of these is a 三公 amount of the unit
    figure('a-ybj-2022-final-accounts', 3, 'sangong_total', 'actual', '9', { scope: 'basic' }),
    figure('a-ybj-2022-final-accounts', 4, 'sangong_reception', 'actual', '8', { item: '某项' }),
    figure('a-ybj-2022-final-accounts', 5, 'sangong_abroad', 'actual', '7', { unit: '%', value_yuan: '' }),
    figure('a-ybj-2022-final-accounts', 6, 'sangong_reception', 'actual', '0.5'),
    figure('b-ybj-2021-final-accounts', 1, 'sangong_vehicle_total', 'actual', '1'),
    figure('b-ybj-2021-final-accounts', 2, 'expenditure_total', 'actual', '100'),
  ],
  findings: [{}, {}],
};
const sichuan: JoinedTables = {
  units: [{ id: 'c-ybj', name: '丙区医疗保障局', province: '四川省' }],
  reports: [report('c-ybj-2022-final-accounts', 'c-ybj', '丙区医疗保障局', 2022)],
  figures: [figure('c-ybj-2022-final-accounts', 1, 'sangong_total', 'adjusted', '4')],
  findings: [],
};
const partitions = [readPartitionExport('hunan', hunan), readPartitionExport('sichuan', sichuan)];

describe('readPartitionExport', () => {
  it('reads the counts and rows of a partition', () => {
    const [first] = partitions;
    expect(first).toMatchObject({ folder: 'hunan', province: '湖南省', units: 2, findings: 2 });
    expect(first?.reports).toHaveLength(2);
    expect(first?.figures).toHaveLength(8);
  });

  it.each([
    ['a folder that is not a partition folder', '../hunan', hunan, /not a partition folder/],
    [
      'units of two provinces',
      'hunan',
      { ...hunan, units: [...(hunan.units as object[]), { id: 'c-ybj', name: '丙', province: '四川省' }] },
      /one province, this one of 2/,
    ],
    ['another province than its folder', 'hunan', sichuan, /holds 四川省, whose partition folder is sichuan/],
    ['no units', 'hunan', { ...hunan, units: [] }, /one province, this one of 0/],
    [
      'an id that is markup',
      'hunan',
      { ...hunan, reports: [report('"><script>', 'a-ybj', '甲', 2022)] },
      /hunan\/data\/reports\.json: not a table/,
    ],
    [
      'a phase outside the vocabulary',
      'hunan',
      { ...hunan, figures: [figure('a-ybj-2022-final-accounts', 1, 'sangong_total', 'total', '3')] },
      /figures\.json/,
    ],
    ['a table that is not an array', 'hunan', { ...hunan, findings: {} }, /findings\.json/],
  ])('refuses %s', (_, folder, tables, message) => {
    expect(() => readPartitionExport(folder, tables)).toThrow(message);
  });
});

describe('nationalSangongRows', () => {
  it('lists the whole unit’s 三公 amounts per report and phase, over every partition, by year, unit and phase', () => {
    const rows = nationalSangongRows(partitions).map((r) => ({
      folder: r.folder,
      report: r.report.id,
      phase: r.phase,
      total: r.total?.figure_id,
      abroad: r.abroad?.figure_id,
      vehicle: r.vehicle?.figure_id,
      reception: r.reception?.figure_id,
    }));
    expect(rows).toEqual([
      {
        folder: 'hunan',
        report: 'b-ybj-2021-final-accounts',
        phase: 'actual',
        total: undefined,
        abroad: undefined,
        vehicle: 'b-ybj-2021-final-accounts-f-0001',
        reception: undefined,
      },
      {
        folder: 'sichuan',
        report: 'c-ybj-2022-final-accounts',
        phase: 'adjusted',
        total: 'c-ybj-2022-final-accounts-f-0001',
        abroad: undefined,
        vehicle: undefined,
        reception: undefined,
      },
      {
        folder: 'hunan',
        report: 'a-ybj-2022-final-accounts',
        phase: 'budget',
        total: 'a-ybj-2022-final-accounts-f-0001',
        abroad: undefined,
        vehicle: undefined,
        reception: undefined,
      },
      {
        folder: 'hunan',
        report: 'a-ybj-2022-final-accounts',
        phase: 'actual',
        total: 'a-ybj-2022-final-accounts-f-0002',
        abroad: undefined,
        vehicle: undefined,
        reception: 'a-ybj-2022-final-accounts-f-0006',
      },
    ]);
  });

  it('is empty when no partition states 三公经费', () => {
    expect(nationalSangongRows([readPartitionExport('sichuan', { ...sichuan, figures: [] })])).toEqual([]);
  });
});

const documentOf = (html: string) => parseHTML(html).document;

describe('national pages', () => {
  const sangongPages = nationalSangongPages(partitions);
  const pages = {
    index: nationalIndexPage(partitions),
    ...Object.fromEntries(sangongPages),
    search: nationalSearchPage(partitions),
  };

  it('sangong: a summary page and one page per partition that states 三公经费', () => {
    expect([...sangongPages.keys()]).toEqual(['sangong/hunan.html', 'sangong/sichuan.html', 'sangong.html']);
  });

  it.each(Object.entries(pages))('%s: report text is text, scripts come only from the site', (_, html) => {
    const document = documentOf(html);
    expect(document.querySelectorAll('img, iframe, object')).toHaveLength(0);
    const handlers = [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((name) => name.startsWith('on')));
    expect(handlers).toEqual([]);
    for (const script of document.querySelectorAll('script')) {
      expect(script.textContent).toBe('');
      expect(script.getAttribute('src')).toBe('js/search.js');
    }
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain(
      "script-src 'self' 'wasm-unsafe-eval'",
    );
  });

  it('index: one row per partition, linked to its site, with its counts', () => {
    const rows = [...documentOf(pages.index).querySelectorAll('#partitions tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-partition'))).toEqual(['hunan', 'sichuan']);
    expect(rows.map((r) => r.querySelector('a')?.getAttribute('href'))).toEqual(['hunan/index.html', 'sichuan/index.html']);
    expect(rows.map((r) => [...r.querySelectorAll('td.num')].map((c) => c.textContent))).toEqual([
      ['2', '2', '8', '2'],
      ['1', '1', '1', '0'],
    ]);
  });

  it('sangong: every amount links to its row on its partition’s report page, a missing one says so', () => {
    const rowsOf = (path: string) => [...documentOf(sangongPages.get(path) ?? '').querySelectorAll('#sangong-table tbody tr')];
    const rows = [...rowsOf('sangong/hunan.html'), ...rowsOf('sangong/sichuan.html')];
    expect(rows.map((r) => `${r.getAttribute('data-partition')} ${r.getAttribute('data-report')} ${r.getAttribute('data-phase')}`)).toEqual(
      [
        'hunan b-ybj-2021-final-accounts actual',
        'hunan a-ybj-2022-final-accounts budget',
        'hunan a-ybj-2022-final-accounts actual',
        'sichuan c-ybj-2022-final-accounts adjusted',
      ],
    );
    const last = rows[2];
    expect([...(last?.querySelectorAll('td.num') ?? [])].map((c) => c.textContent)).toEqual(['2.5 万元', '未载明', '未载明', '0.5 万元']);
    // the partition pages sit in sangong/: their links lead one folder up
    expect(last?.querySelector('td.num a')?.getAttribute('href')).toBe(
      '../hunan/reports/a-ybj-2022-final-accounts.html#a-ybj-2022-final-accounts-f-0002',
    );
    expect(last?.querySelector('td.num a')?.getAttribute('title')).toBe(HOSTILE);
    expect(rows[0]?.querySelector('a')?.textContent).toBe(HOSTILE);
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe('../hunan/units/b-ybj.html');
    expect(
      documentOf(sangongPages.get('sangong/hunan.html') ?? '')
        .querySelector('header a.brand')
        ?.getAttribute('href'),
    ).toBe('../index.html');
  });

  it('sangong: the summary has one row per partition with its counts and links, and no amount', () => {
    const document = documentOf(sangongPages.get('sangong.html') ?? '');
    const rows = [...document.querySelectorAll('#sangong-partitions tbody tr')];
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['湖南省', '2', '3', '2021–2022', '打开'],
      ['四川省', '1', '1', '2022', '打开'],
    ]);
    expect(rows.map((r) => [...r.querySelectorAll('a')].map((a) => a.getAttribute('href')))).toEqual([
      ['sangong/hunan.html', 'hunan/compare/sangong.html'],
      ['sangong/sichuan.html', 'sichuan/compare/sangong.html'],
    ]);
    expect(document.querySelector('#sangong-table')).toBeNull();
  });

  it('sangong: a partition of many reports is split into pages of SANGONG_ROWS_PER_PAGE rows, each linked from the others', () => {
    const count = SANGONG_ROWS_PER_PAGE * 2 + 1;
    const many: JoinedTables = {
      units: [{ id: 'a-ybj', name: '甲县医疗保障局', province: '湖南省' }],
      reports: Array.from({ length: count }, (_, k) => report(`a-ybj-r${k}`, 'a-ybj', '甲县医疗保障局', 2000 + (k % 20))),
      figures: Array.from({ length: count }, (_, k) => figure(`a-ybj-r${k}`, 1, 'sangong_total', 'actual', '1')),
      findings: [],
    };
    const split = nationalSangongPages([readPartitionExport('hunan', many)]);
    expect([...split.keys()]).toEqual(['sangong/hunan.html', 'sangong/hunan.p2.html', 'sangong/hunan.p3.html', 'sangong.html']);
    const sizes = [...split.entries()]
      .filter(([path]) => path !== 'sangong.html')
      .map(([, text]) => documentOf(text).querySelectorAll('#sangong-table tbody tr').length);
    expect(sizes).toEqual([SANGONG_ROWS_PER_PAGE, SANGONG_ROWS_PER_PAGE, 1]);
    const pager = documentOf(split.get('sangong/hunan.p2.html') ?? '').querySelector('nav.pager');
    expect([...(pager?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      '../sangong/hunan.html',
      '../sangong/hunan.p3.html',
    ]);
    expect(pager?.querySelector('strong')?.textContent).toBe('2');
  });

  it('search: the form lists every partition’s folder for the merged search', () => {
    const form = documentOf(pages.search).querySelector('#search-form');
    expect(JSON.parse(form?.getAttribute('data-bundles') ?? '')).toEqual([
      { folder: 'hunan/', name: '湖南省' },
      { folder: 'sichuan/', name: '四川省' },
    ]);
    expect(form?.getAttribute('data-label-unit')).toBe('单位');
  });
});
