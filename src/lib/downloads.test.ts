import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeInput } from './checks/fixtures';
import { TABLE_NAMES, buildTables, dataPackage, packageCsv, spreadsheetCsv, tableJson } from './downloads';

const HOSTILE = '=HYPERLINK("http://example.org","点击")';
const input = makeInput(
  [
    { metric: 'budget_executed', value: '75', unit: '万元', phase: 'actual', scope: '筹资工作经费', quote: `${HOSTILE} 执行75万元` },
    { metric: 'execution_rate', value: '0.9', unit: 'ratio', phase: 'actual', scope: '筹资工作经费', quote: '执行率0.9' },
    { metric: 'grand_total', value: '100', unit: '万元', quote: '收支总计100万元' },
  ],
  {
    indicators: [{ level1: '产出指标', level2: '数量指标', level3: '参保人数', target: '≥95%', actual: '96%', quote: '参保人数 ≥95% 96%' }],
  },
);
const unit = {
  id: 'test-unit',
  name: HOSTILE,
  short_name: '测试',
  province: '湖南省',
  city: '株洲市',
  county: '渌口区',
  department_type: '医疗保障局',
};
const tables = buildTables(
  {
    units: [unit],
    reports: [input.report],
    textOf: () => input.report.text,
    figures: input.figures,
    indicators: input.indicators,
    findings: [],
  },
  null,
);
const table = (name: string) => {
  const found = tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
};
const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

describe('buildTables', () => {
  it('builds the six tables, each row with exactly its fields', () => {
    expect(tables.map((t) => t.name)).toEqual([...TABLE_NAMES]);
    for (const t of tables) for (const row of t.rows) expect(Object.keys(row).sort(), t.name).toEqual(t.fields.map((f) => f.name).sort());
  });

  it('one project row per project, with its amounts in 元, its rate as stated and the ids of its figures', () => {
    expect(table('projects').rows).toEqual([
      {
        report_id: 'test-report',
        unit_id: 'test-unit',
        unit_name: HOSTILE,
        year: 2022,
        project: '筹资工作经费',
        budget_initial_yuan: '',
        budget_adjusted_yuan: '',
        executed_yuan: '750000',
        execution_rate: '0.9',
        execution_rate_unit: 'ratio',
        self_eval_score: '',
        figure_ids: 'test-report-f-0001 | test-report-f-0002',
        url: 'reports/test-report.html#figures',
      },
    ]);
  });

  it('indicators carry their id, line and link', () => {
    const [row] = table('indicators').rows;
    expect(row && [row['indicator_id'], row['line'], row['url']]).toEqual([
      'test-report-i-0001',
      5,
      'reports/test-report.html#test-report-i-0001',
    ]);
  });

  it('links are absolute under a site URL', () => {
    const [withSite] = buildTables(
      { units: [unit], reports: [input.report], textOf: () => input.report.text, figures: input.figures, indicators: [], findings: [] },
      'https://example.org/mz/',
    );
    expect(withSite?.rows[0]?.['url']).toBe('https://example.org/mz/reports/test-report.html#test-report-f-0001');
  });
});

describe('the two CSV copies', () => {
  it.each([
    ['spreadsheetCsv: BOM, formula neutralised', spreadsheetCsv, true, `'${HOSTILE}`],
    ['packageCsv: no BOM, formula neutralised too', packageCsv, false, `'${HOSTILE}`],
  ])('%s', (_, write, bom, name) => {
    const csv = write(table('units'));
    expect(csv.startsWith('\uFEFF')).toBe(bom);
    expect(parse(bom ? csv.slice(1) : csv).data[0]?.['name']).toBe(name);
  });

  it('JSON keeps the text unchanged', () => {
    expect((JSON.parse(tableJson(table('units'))) as { name: string }[])[0]?.name).toBe(HOSTILE);
  });
});

describe('dataPackage', () => {
  const descriptor = JSON.parse(dataPackage(tables, { version: '0.2.0', date: '2026-12-02' }, null)) as Record<string, unknown> & {
    resources: { name: string; path: string; encoding: string; schema: { fields: { name: string }[] } }[];
  };

  it('describes each table as a tabular resource over its BOM-less CSV, with the version, date and licence', () => {
    expect(descriptor['profile']).toBe('tabular-data-package');
    expect([descriptor['version'], descriptor['created'], descriptor['homepage']]).toEqual(['0.2.0', '2026-12-02', undefined]);
    expect(descriptor['licenses']).toEqual([
      { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' },
    ]);
    expect(descriptor.resources.map((r) => [r.name, r.path, r.encoding])).toEqual(TABLE_NAMES.map((n) => [n, `${n}.csv`, 'utf-8']));
    for (const r of descriptor.resources) {
      const header = packageCsv(table(r.name)).split('\n')[0];
      expect(header, r.name).toBe(r.schema.fields.map((f) => f.name).join(','));
    }
  });

  it('names the homepage when the site URL is set', () => {
    expect(
      (JSON.parse(dataPackage(tables, { version: '0.2.0', date: '2026-12-02' }, 'https://example.org/')) as { homepage: string }).homepage,
    ).toBe('https://example.org/');
  });
});
