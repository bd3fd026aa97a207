import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../src/lib/dataset-files';
import { FIGURE_COLUMNS, INDICATOR_COLUMNS, REPORT_COLUMNS, UNIT_COLUMNS, formatProblem, validateDataset } from '../src/lib/validate';
import type { Problem } from '../src/lib/csv';
import { MAX_DEPARTMENT_TYPE, MAX_PLACE_NAME, MAX_PROJECT_NAME, MAX_SHORT_NAME, MAX_UNIT_NAME } from '../src/schemas/name';

/*
 * Whole-dataset validation: a small dataset is written to a temporary project root, read with readDataset
 * and checked with validateDataset, as `npm run validate` does with the real one. Each bad case changes one
 * thing in the good fixture and names the one problem it must produce.
 */

const REPORT = 'ceshi-ybj-2022-final-accounts';
const SOURCE_FILE = `data/sources/${REPORT}.txt`;
const FIGURES = `data/figures/${REPORT}.csv`;
const INDICATORS = `data/indicators/${REPORT}.csv`;
const REPORTS = 'data/reports.csv';

const SOURCE = [
  '测试县医疗保障局',
  '2022年度',
  '部门决算',
  '',
  '一、收支总体情况',
  '2022年度收、支总计1,153.8万元。与2021年相比，收、支总计各减少1,075.5万元，下降48.2%。',
  '“三公”经费支出2.5万元，其中公务接待费0.25万元。年中预算调减3.6元。利息收入0.125元。',
  '实有在职人员30人，基本支出合计2836283.89元。参保2.68万人。',
  '项目\t年初预算数\t全年执行数\t分值\t执行率\t得分',
  '年度资金总额\t\t1155.5\t701.23\t10\t60.7%\t6',
  '收、支总计1,153.',
  '8万元（续表）',
  '二、绩效自评',
  '产出指标 (50分)',
  '数量指标\t参保人数\t≥95%\t96%\t10\t10',
  '填报人： 刘新文             联系电话： 18974113296',
  '实有编制28个（联系电话 18974113296）',
  '',
].join('\n');

type Row = Record<string, string>;

interface Fixture {
  units: Row[];
  reports: Row[];
  figures: Row[];
  /** Lines appended verbatim to the figures file (for rows that are not valid CSV records). */
  rawFigureLines: string[];
  indicators: Row[];
  sources: Record<string, string>;
  /** Files written last, by path from the project root: extra files, or bytes that replace a file. */
  files: Record<string, string | Uint8Array>;
}

const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

function figure(values: Partial<Row>): Row {
  return { report_id: REPORT, metric: 'grand_total', phase: 'actual', scope: '', item: '', value: '', unit: '万元', quote: '', review: 'curated', note: '', ...values };
}

function indicator(values: Partial<Row>): Row {
  return { report_id: REPORT, scope: '', level1: '', level2: '', level3: '', target: '', actual: '', weight: '', score: '', deduction_reason: '', quote: '', review: 'curated', ...values };
}

/** The good dataset. The figure at line 8 has a quote that spans two lines, so the rows after it start one line later. */
function goodFixture(): Fixture {
  return {
    units: [{ id: 'ceshi-ybj', name: '测试县医疗保障局', short_name: '测试县医保局', province: '湖南省', city: '株洲市', county: '测试县', department_type: '医疗保障局' }],
    reports: [{
      id: REPORT, unit_id: 'ceshi-ybj', year: '2022', kind: '部门决算', title: '测试县医疗保障局 2022年度 部门决算', date: '2023-10-12',
      date_label: '公开时间', original_filename: '001_test.txt', sha256: sha256(SOURCE), source_url: 'https://example.org/x.pdf', retrieved: '2024-01-02', note: '',
    }],
    figures: [
      figure({ value: '1,153.8', quote: '2022年度收、支总计1,153.8万元' }), // line 2
      figure({ scope: 'change_vs_prior', value: '-1,075.5', quote: '与2021年相比，收、支总计各减少1,075.5万元' }), // 3
      figure({ scope: 'change_vs_prior', value: '-48.2', unit: '%', quote: '收、支总计各减少1,075.5万元，下降48.2%' }), // 4
      figure({ metric: 'sangong_reception', value: '0.25', quote: '其中公务接待费0.25万元' }), // 5
      figure({ metric: 'basic_expenditure', value: '2836283.89', unit: '元', quote: '基本支出合计2836283.89元' }), // 6
      figure({ metric: 'execution_rate', scope: '医疗救助补助资金', value: '60.7', unit: '%', quote: '年度资金总额\t\t1155.5\t701.23\t10\t60.7%\t6', note: '表格行' }), // 7
      figure({ value: '1,153.8', quote: '收、支总计1,153.\n8万元', note: '跨行' }), // 8–9
      figure({ metric: 'staff_count', value: '30', unit: '人', quote: '实有在职人员30人' }), // 10
    ],
    rawFigureLines: [],
    indicators: [
      indicator({ level1: '产出指标', weight: '50', quote: '产出指标 (50分)' }), // line 2
      indicator({ level1: '产出指标', level2: '数量指标', level3: '参保人数', target: '≥95%', actual: '96%', weight: '10', score: '10', quote: '数量指标\t参保人数\t≥95%\t96%\t10\t10' }), // 3
    ],
    sources: { [REPORT]: SOURCE },
    files: {},
  };
}

/** Line of the next row appended to the figures / indicators file of the good fixture. */
const NEXT_FIGURE_LINE = 11;
const NEXT_INDICATOR_LINE = 4;

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvText(columns: readonly string[], rows: Row[], raw: string[] = []): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? '')).join(',')), ...raw].join('\n') + '\n';
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function writeFixture(fixture: Fixture): string {
  const root = mkdtempSync(join(tmpdir(), 'mingzhang-validation-'));
  roots.push(root);
  for (const dir of ['data/figures', 'data/indicators', 'data/sources']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'data/units.csv'), csvText(UNIT_COLUMNS, fixture.units));
  writeFileSync(join(root, REPORTS), csvText(REPORT_COLUMNS, fixture.reports));
  writeFileSync(join(root, FIGURES), csvText(FIGURE_COLUMNS, fixture.figures, fixture.rawFigureLines));
  writeFileSync(join(root, INDICATORS), csvText(INDICATOR_COLUMNS, fixture.indicators));
  for (const [id, text] of Object.entries(fixture.sources)) writeFileSync(join(root, 'data/sources', `${id}.txt`), text);
  for (const [path, content] of Object.entries(fixture.files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The year the tests run in: the fiscal years of the fixture (2022) are at most next year's. */
const CURRENT_YEAR = 2024;

function validate(fixture: Fixture, currentYear = CURRENT_YEAR) {
  return validateDataset(readDataset(writeFixture(fixture)), currentYear);
}

/** The good fixture's figures file as written, for cases that change its bytes. */
const figuresText = (f: Fixture) => csvText(FIGURE_COLUMNS, f.figures, f.rawFigureLines);
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
/** 局 in GBK: what a file saved in the wrong encoding contains. */
const GBK_JU = [0xbe, 0xd6];

describe('the good fixture', () => {
  const { problems, dataset } = validate(goodFixture());

  it('has no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('keeps every row with the line it starts on', () => {
    expect(dataset.units.map((u) => u.id)).toEqual(['ceshi-ybj']);
    expect(dataset.reports.map((r) => [r.id, r.year])).toEqual([[REPORT, 2022]]);
    expect(dataset.figures.map((f) => `${f.file}:${f.line}`)).toEqual([2, 3, 4, 5, 6, 7, 8, 10].map((l) => `${FIGURES}:${l}`));
    expect(dataset.indicators.map((i) => `${i.file}:${i.line}`)).toEqual([`${INDICATORS}:2`, `${INDICATORS}:3`]);
    expect(dataset.figures[5]?.row.quote).toBe('年度资金总额\t\t1155.5\t701.23\t10\t60.7%\t6');
    expect(dataset.sources.get(REPORT)).toEqual({ file: SOURCE_FILE, text: SOURCE, sha256: sha256(SOURCE) });
  });
});

interface BadCase {
  name: string;
  change: (f: Fixture) => void;
  /** The year validation runs in (default CURRENT_YEAR). */
  currentYear?: number;
  file: string;
  line: number;
  field: string;
  /** A fragment of the message: these document the error format. */
  message: string;
}

const appendFigure = (values: Partial<Row>) => (f: Fixture) => void f.figures.push(figure(values));
const appendIndicator = (values: Partial<Row>) => (f: Fixture) => void f.indicators.push(indicator(values));
const changeReport = (values: Row) => (f: Fixture) => {
  f.reports[0] = { ...(f.reports[0] ?? {}), ...values };
};

const BAD_CASES: BadCase[] = [
  {
    name: 'a metric outside the vocabulary',
    change: appendFigure({ metric: 'sangong', value: '2.5', quote: '“三公”经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'metric',
    message: 'expected a metric key of the vocabulary (see README, "Metric vocabulary")',
  },
  {
    name: 'a unit outside the vocabulary',
    change: appendFigure({ metric: 'sangong_total', value: '2.5', unit: '千元', quote: '“三公”经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'unit',
    message: 'expected one of: 元 万元 亿元 % ratio 分 人 辆 批次 人次 个 台套',
  },
  {
    name: 'a unit that does not fit the metric (人 for sangong_total)',
    change: appendFigure({ metric: 'sangong_total', value: '30', unit: '人', quote: '实有在职人员30人' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'unit',
    message: 'expected a unit that fits metric sangong_total: one of 元 万元 亿元 % ratio',
  },
  {
    name: 'a phase outside the vocabulary',
    change: appendFigure({ metric: 'sangong_total', phase: 'final', value: '2.5', quote: '“三公”经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'phase',
    message: 'expected one of: budget adjusted actual',
  },
  {
    name: 'a review state outside the vocabulary',
    change: appendFigure({ metric: 'sangong_total', value: '2.5', quote: '“三公”经费支出2.5万元', review: 'verified' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'review',
    message: 'expected one of: curated checked machine',
  },
  {
    name: 'a quote that is not in the source (retyped)',
    change: appendFigure({ metric: 'sangong_total', value: '2.5', quote: '三公经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'quote',
    message: `quote “三公经费支出2.5万元” is not a verbatim substring of ${SOURCE_FILE}`,
  },
  {
    name: 'a quote that occurs more than once in the source',
    change: appendIndicator({ level1: '数量指标', quote: '收、支总计' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'quote',
    message: `quote “收、支总计” occurs more than once in ${SOURCE_FILE}: lengthen it so that it names one place`,
  },
  {
    name: 'a value that is not in the quote',
    change: appendFigure({ metric: 'sangong_total', value: '2.6', quote: '“三公”经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'value',
    message: 'value 2.6 does not occur as a number in the quote ““三公”经费支出2.5万元”',
  },
  {
    name: 'a value found only inside a longer number',
    change: appendFigure({ metric: 'sangong_total', value: '0.2', quote: '其中公务接待费0.25万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'value',
    message: 'value 0.2 does not occur as a number in the quote',
  },
  {
    name: 'a value followed by another unit in the quote (元, row says 万元)',
    change: appendFigure({ metric: 'budget_adjustment', phase: 'adjusted', value: '-3.6', quote: '年中预算调减3.6元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'unit',
    message: 'the quote writes -3.6 with unit 元, but the row says 万元',
  },
  {
    name: 'people counted in 万 read as money',
    change: appendFigure({ metric: 'income_total', value: '2.68', quote: '参保2.68万人' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'unit',
    message: 'the quote writes 2.68 with unit other, but the row says 万元',
  },
  {
    name: 'an amount with a fraction of a fen',
    change: appendFigure({ metric: 'income_other', value: '0.125', unit: '元', quote: '利息收入0.125元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'value',
    message: '0.125 元 is not a whole number of fen (分): more decimals than money can have',
  },
  {
    name: 'a figure of an unknown report',
    change: appendFigure({ report_id: 'no-such-report', metric: 'sangong_total', value: '2.5', quote: '“三公”经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'report_id',
    message: `unknown report no-such-report: expected an id from ${REPORTS}`,
  },
  {
    name: 'a report id that is not a slug',
    change: appendFigure({ report_id: 'Ceshi_YBJ', metric: 'sangong_total', value: '2.5', quote: '“三公”经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'report_id',
    message: 'expected a slug of lower-case letters, digits and single hyphens',
  },
  {
    name: 'a malformed number',
    change: appendFigure({ metric: 'sangong_total', value: '1.2.3', quote: '“三公”经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'value',
    message: 'expected a number as written, e.g. 1,153.8 or 0.628571429',
  },
  {
    name: 'a number with a misplaced separator',
    change: appendFigure({ metric: 'sangong_total', value: '1,15', quote: '“三公”经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'value',
    message: 'expected a number as written',
  },
  {
    name: 'a negative value outside change_vs_prior',
    change: appendFigure({ value: '-1,075.5', quote: '与2021年相比，收、支总计各减少1,075.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'value',
    message: 'expected a negative value only for a change (scope change_vs_prior) or a budget adjustment',
  },
  {
    name: 'an empty quote',
    change: appendFigure({ metric: 'sangong_total', value: '2.5', quote: '' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'quote',
    message: 'expected the verbatim sentence or table row that states the figure',
  },
  {
    name: 'a duplicate row',
    change: (f) => void f.figures.push({ ...(f.figures[0] ?? {}) }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: '',
    message: `duplicate row: same report, metric, phase, scope, item, unit and quote as ${FIGURES}:2`,
  },
  {
    name: 'a row with too many fields (unquoted thousands separator)',
    change: (f) => void f.rawFigureLines.push(`${REPORT},sangong_total,actual,,,2.5,万元,“三公”经费支出2.5万元,curated,,extra`),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: '',
    message: 'row has 11 fields, the header has 10 (report_id,metric,phase,scope,item,value,unit,quote,review,note); quote fields that contain commas',
  },
  {
    name: 'a quote containing a mobile number',
    change: appendFigure({ metric: 'staff_quota', value: '28', unit: '个', quote: '实有编制28个（联系电话 18974113296）' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'quote',
    message: 'quote contains a mobile number or a private name: choose a quote without personal data',
  },
  {
    name: 'a quote containing a private name',
    change: appendIndicator({ level1: '填报人', quote: '填报人： 刘新文' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'quote',
    message: 'quote contains a mobile number or a private name',
  },
  {
    name: 'an indicator whose weight is not in its quote',
    change: appendIndicator({ level1: '产出指标', level2: '质量指标', weight: '20', quote: '产出指标 (50分)' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'weight',
    message: 'weight 20 does not occur as a number in the quote “产出指标 (50分)”',
  },
  {
    name: 'an indicator whose score is not in its quote',
    change: appendIndicator({ level1: '产出指标', level2: '数量指标', level3: '参保率', weight: '10', score: '9', quote: '数量指标\t参保人数\t≥95%\t96%\t10\t10' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'score',
    message: 'score 9 does not occur as a number in the quote',
  },
  {
    name: 'an indicator with no level',
    change: appendIndicator({ weight: '50', quote: '产出指标 (50分)' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'level3',
    message: 'expected at least one indicator level',
  },
  {
    name: 'an indicator with a malformed weight',
    change: appendIndicator({ level1: '产出指标', level2: '时效指标', weight: '5分', quote: '产出指标 (50分)' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'weight',
    message: 'expected a number as written',
  },
  {
    name: 'an indicator of an unknown report',
    change: appendIndicator({ report_id: 'no-such-report', level1: '产出指标', quote: '产出指标 (50分)' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'report_id',
    message: `unknown report no-such-report: expected an id from ${REPORTS}`,
  },
  {
    name: 'a duplicate indicator',
    change: (f) => void f.indicators.push({ ...(f.indicators[1] ?? {}) }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: '',
    message: `duplicate row: same report, scope, levels and quote as ${INDICATORS}:3`,
  },
  {
    name: 'a negative value written with a full-width minus',
    change: appendFigure({ value: '－1,075.5', quote: '与2021年相比，收、支总计各减少1,075.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'value',
    message: 'expected a negative value only for a change (scope change_vs_prior) or a budget adjustment',
  },
  {
    name: 'a budget metric with another phase',
    change: appendFigure({ metric: 'budget_initial', phase: 'actual', value: '1,153.8', quote: '2022年度收、支总计1,153.8万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'phase',
    message: 'expected phase budget for metric budget_initial',
  },
  {
    name: 'a fixed scope written with a space',
    change: appendFigure({ scope: ' basic', value: '1,153.8', quote: '2022年度收、支总计1,153.8万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'scope',
    message: '“ basic” starts or ends with white space: trim it',
  },
  {
    name: 'a fiscal year that is not four digits',
    change: changeReport({ year: '0x7E6' }),
    file: REPORTS, line: 2, field: 'year',
    message: 'expected a fiscal year written as four digits',
  },
  {
    name: 'a source URL that is not http(s)',
    change: changeReport({ source_url: 'javascript:alert(1)' }),
    file: REPORTS, line: 2, field: 'source_url',
    message: 'expected an http(s) URL',
  },
  {
    name: 'a report of an unknown unit',
    change: changeReport({ unit_id: 'no-such-unit' }),
    file: REPORTS, line: 2, field: 'unit_id',
    message: 'unknown unit no-such-unit: expected an id from data/units.csv',
  },
  {
    name: 'a source whose sha256 does not match the manifest',
    change: changeReport({ sha256: 'a'.repeat(64) }),
    file: REPORTS, line: 2, field: 'sha256',
    message: `${SOURCE_FILE} has sha256 ${sha256(SOURCE)}, the manifest says ${'a'.repeat(64)}: the source was changed or replaced`,
  },
  {
    name: 'a source edited after it was recorded',
    change: (f) => {
      f.sources[REPORT] = SOURCE.replace('1,153.8万元。', '1,153.8万元。 ');
    },
    file: REPORTS, line: 2, field: 'sha256',
    message: 'the source was changed or replaced (sources are kept verbatim)',
  },
  {
    name: 'a sha256 that is not hex',
    change: changeReport({ sha256: 'XYZ' }),
    file: REPORTS, line: 2, field: 'sha256',
    message: 'expected 64 lower-case hex digits',
  },
  {
    name: 'a title that is not in the source',
    change: changeReport({ title: '测试县医疗保障局 2021年度 部门决算' }),
    file: REPORTS, line: 2, field: 'title',
    message: `title “测试县医疗保障局 2021年度 部门决算” does not occur in ${SOURCE_FILE} (spaces and line breaks aside)`,
  },
  {
    name: 'a report kind outside the vocabulary',
    change: changeReport({ kind: '决算' }),
    file: REPORTS, line: 2, field: 'kind',
    message: 'expected one of 部门预算 部门决算 部门整体支出绩效自评 项目支出绩效自评 三公经费说明',
  },
  {
    name: 'a date without its label',
    change: changeReport({ date_label: '' }),
    file: REPORTS, line: 2, field: 'date_label',
    message: 'expected date and date_label are given together or left empty together',
  },
  {
    name: 'a report without a source text',
    change: (f) => void f.reports.push({ ...(f.reports[0] ?? {}), id: 'ceshi-ybj-2023-final-accounts', year: '2023' }),
    file: REPORTS, line: 3, field: 'id',
    message: 'no source text data/sources/ceshi-ybj-2023-final-accounts.txt for report ceshi-ybj-2023-final-accounts',
  },
  {
    name: 'a duplicate report id',
    change: (f) => void f.reports.push({ ...(f.reports[0] ?? {}) }),
    file: REPORTS, line: 3, field: 'id',
    message: `duplicate report id ${REPORT}`,
  },
  {
    name: 'a source file without a manifest entry',
    change: (f) => {
      f.sources['orphan-2022-final-accounts'] = '孤立的报告\n';
    },
    file: 'data/sources/orphan-2022-final-accounts.txt', line: 0, field: '',
    message: `source has no entry in ${REPORTS}: add it to the manifest or remove the file`,
  },
  {
    name: 'a duplicate unit id',
    change: (f) => void f.units.push({ ...(f.units[0] ?? {}), name: '测试县医疗保障局（重复）' }),
    file: 'data/units.csv', line: 3, field: 'id',
    message: 'duplicate unit id ceshi-ybj',
  },
];

const addFile = (path: string, content: string | Uint8Array = 'report_id\n') => (f: Fixture) => {
  f.files[path] = content;
};
const changeUnit = (values: Row) => (f: Fixture) => {
  f.units[0] = { ...(f.units[0] ?? {}), ...values };
};
const XSS_NAME = '<img/src/onerror=alert(1)>某某县医疗保障局';
const NOT_READ = 'is not read';
const CRASHED_INGEST = 'a crashed ingest left this file: run npm run ingest to recover';

/** Issue 7: names validated at the boundary, and no silent drops. */
const BOUNDARY_CASES: BadCase[] = [
  {
    name: 'a unit name with markup (stored XSS through a report\'s 单位名称 line)',
    change: changeUnit({ name: XSS_NAME }),
    file: 'data/units.csv', line: 2, field: 'name',
    message: 'expected a name without markup characters (< > " \' `): it contains the markup character <',
  },
  {
    name: 'a short name with a quote character',
    change: changeUnit({ short_name: '测试县"医保局' }),
    file: 'data/units.csv', line: 2, field: 'short_name',
    message: 'it contains the markup character "',
  },
  {
    name: 'a department type with a back-tick',
    change: changeUnit({ department_type: '医疗`保障局' }),
    file: 'data/units.csv', line: 2, field: 'department_type',
    message: 'it contains the markup character `',
  },
  {
    name: 'a unit name longer than a name can be',
    change: changeUnit({ name: `${'测试'.repeat(28)}医疗保障局` }),
    file: 'data/units.csv', line: 2, field: 'name',
    message: 'expected a name of at most 60 characters: it has 61, longer than a name can be',
  },
  {
    name: 'a county longer than a place name can be',
    change: changeUnit({ county: `${'测'.repeat(20)}县` }),
    file: 'data/units.csv', line: 2, field: 'county',
    message: 'expected a name of at most 20 characters: it has 21',
  },
  {
    name: 'a county without its city',
    change: changeUnit({ city: '' }),
    file: 'data/units.csv', line: 2, field: 'city',
    message: 'a unit with a county needs its city',
  },
  {
    name: 'a one-character county',
    change: changeUnit({ county: '县' }),
    file: 'data/units.csv', line: 2, field: 'county',
    message: 'a county or district, e.g. 渌口区, or empty',
  },
  {
    name: 'a province with a control character',
    change: changeUnit({ province: '湖南\u0007省' }),
    file: 'data/units.csv', line: 2, field: 'province',
    message: 'contains the control character U+0007: remove it',
  },
  {
    name: 'a project name (figure scope) with markup',
    change: appendFigure({ metric: 'execution_rate', scope: "医疗救助'补助资金", value: '60.7', unit: '%', quote: '年度资金总额\t\t1155.5\t701.23\t10\t60.7%\t6' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'scope',
    message: "it contains the markup character '",
  },
  {
    name: 'a project name (figure scope) longer than a name can be',
    change: appendFigure({ metric: 'execution_rate', scope: '项'.repeat(81), value: '60.7', unit: '%', quote: '年度资金总额\t\t1155.5\t701.23\t10\t60.7%\t6' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'scope',
    message: 'expected a name of at most 80 characters: it has 81',
  },
  {
    name: 'a project name (indicator scope) with markup',
    change: appendIndicator({ scope: '<b>项目</b>', level1: '产出指标', quote: '产出指标 (50分)' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'scope',
    message: 'it contains the markup character <',
  },
  {
    name: 'a figures file whose extension is upper case (.CSV)',
    change: addFile('data/figures/y.CSV'),
    file: 'data/figures/y.CSV', line: 0, field: '',
    message: `${NOT_READ}: the extension must be .csv in lower case; rename it to y.csv`,
  },
  {
    name: 'a backup next to the figures (.csv.bak)',
    change: addFile('data/figures/x.csv.bak'),
    file: 'data/figures/x.csv.bak', line: 0, field: '',
    message: `${NOT_READ}: data/figures/ holds only .csv files; rename it or move it out of data/`,
  },
  {
    name: 'a text file among the indicators',
    change: addFile('data/indicators/x.txt'),
    file: 'data/indicators/x.txt', line: 0, field: '',
    message: `${NOT_READ}: data/indicators/ holds only .csv files`,
  },
  {
    name: 'a CSV among the sources',
    change: addFile('data/sources/x.csv'),
    file: 'data/sources/x.csv', line: 0, field: '',
    message: `${NOT_READ}: data/sources/ holds only .txt files`,
  },
  {
    name: 'a folder inside data/figures',
    change: addFile('data/figures/old/x.csv'),
    file: 'data/figures/old', line: 0, field: '',
    message: 'a folder inside data/figures/ is not read: move its files into data/figures/ or out of data/',
  },
  {
    name: 'a stray folder in data/',
    change: addFile('data/old/x.csv'),
    file: 'data/old', line: 0, field: '',
    message: `${NOT_READ}: expected only units.csv, reports.csv, CURATION.md, CHANGELOG.csv and the folders figures/, indicators/, sources/, originals/ in data/`,
  },
  {
    name: 'a manifest written with an upper-case letter',
    change: addFile('data/Units.csv'),
    file: 'data/Units.csv', line: 0, field: '',
    message: `${NOT_READ}: rename it to units.csv`,
  },
  {
    name: 'a hidden file other than .gitkeep',
    change: addFile('data/figures/.DS_Store', 'x'),
    file: 'data/figures/.DS_Store', line: 0, field: '',
    message: NOT_READ,
  },
  {
    name: 'the journal of a crashed ingest',
    change: addFile('data/.ingest-journal.json', '{}'),
    file: 'data/.ingest-journal.json', line: 0, field: '',
    message: CRASHED_INGEST,
  },
  {
    name: 'a half-written file of a crashed ingest',
    change: addFile('data/figures/x.csv.tmp'),
    file: 'data/figures/x.csv.tmp', line: 0, field: '',
    message: CRASHED_INGEST,
  },
  {
    name: 'a quote character opened in a note and closed in the next row (the row vanished)',
    change: (f) => {
      f.rawFigureLines.push(`${REPORT},sangong_total,actual,,,2.5,万元,“三公”经费支出2.5万元,curated,"一处说明`);
      f.rawFigureLines.push(`${REPORT},sangong_reception,actual,,,0.25,万元,其中公务接待费0.25万元,curated,另一处"`);
    },
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'note',
    message: `a quote character (") opened on line ${NEXT_FIGURE_LINE} closes on line ${NEXT_FIGURE_LINE + 1}: the rows between were swallowed`,
  },
  {
    name: 'a quote field that swallows the next row',
    change: (f) => {
      f.rawFigureLines.push(`${REPORT},sangong_total,actual,,,2.5,万元,"“三公”经费支出2.5万元,curated,`);
      f.rawFigureLines.push(`${REPORT},staff_count,actual,,,30,人,实有在职人员30人",curated,`);
    },
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'quote',
    message: `a quote character (") opened on line ${NEXT_FIGURE_LINE} closes on line ${NEXT_FIGURE_LINE + 1}: the rows between were swallowed`,
  },
  {
    name: 'a quote character that is never closed',
    change: (f) => {
      f.rawFigureLines.push(`${REPORT},sangong_total,actual,,,2.5,万元,“三公”经费支出2.5万元,curated,"说明`);
      f.rawFigureLines.push(`${REPORT},staff_count,actual,,,30,人,实有在职人员30人,curated,`);
    },
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'note',
    message: `a quote character (") opened on line ${NEXT_FIGURE_LINE} is never closed: every row after it was swallowed`,
  },
  {
    name: 'a line break in a field that is not text copied as written',
    change: appendIndicator({ level1: '产出指标', level3: '参保\n人数', quote: '产出指标 (50分)' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'level3',
    message: `a quote character (") opened on line ${NEXT_INDICATOR_LINE} closes on line ${NEXT_INDICATOR_LINE + 1}: the rows between were swallowed (only target, actual, deduction_reason, quote may span lines)`,
  },
  {
    name: 'a figures file that is not UTF-8 (GBK bytes in a note)',
    change: (f) => {
      appendFigure({ metric: 'sangong_total', value: '2.5', quote: '“三公”经费支出2.5万元', note: 'GBK' })(f);
      const text = figuresText(f);
      const at = Buffer.byteLength(text.slice(0, text.lastIndexOf('GBK')));
      f.files[FIGURES] = new Uint8Array([...utf8(text).subarray(0, at), ...GBK_JU, ...utf8(text).subarray(at + 3)]);
    },
    file: FIGURES, line: NEXT_FIGURE_LINE, field: '',
    message: 'is not valid UTF-8: the first bad byte sequence starts at byte ',
  },
  {
    name: 'a source that is not UTF-8',
    change: (f) => {
      const bytes = new Uint8Array([...utf8(SOURCE), ...GBK_JU, 0x0a]);
      f.files[SOURCE_FILE] = bytes;
      changeReport({ sha256: createHash('sha256').update(bytes).digest('hex') })(f);
    },
    file: SOURCE_FILE, line: SOURCE.split('\n').length, field: '',
    message: `is not valid UTF-8: the first bad byte sequence starts at byte ${Buffer.byteLength(SOURCE)}; save the file as UTF-8`,
  },
  {
    name: 'a figures file with CRLF line endings (one problem, not one per quote)',
    change: (f) => {
      f.files[FIGURES] = figuresText(f).replace(/\n/g, '\r\n');
    },
    file: FIGURES, line: 0, field: '',
    message: 'line endings are CRLF (Windows): save the file with LF line endings (quotes are compared with the LF source text)',
  },
  {
    name: 'a stray CR in a note',
    change: appendFigure({ metric: 'sangong_total', value: '2.5', quote: '“三公”经费支出2.5万元', note: '说明\r续' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'note',
    message: 'contains a stray carriage return (CR, U+000D): remove it',
  },
  {
    name: 'a NUL in a note',
    change: appendFigure({ metric: 'sangong_total', value: '2.5', quote: '“三公”经费支出2.5万元', note: '说明\u0000' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'note',
    message: 'contains a NUL character (U+0000): remove it',
  },
  {
    name: 'a NUL in a quote',
    change: appendFigure({ metric: 'sangong_total', value: '2.5', quote: '“三公”经费支出2.5万元\u0000' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'quote',
    message: 'contains a NUL character (U+0000): remove it',
  },
  {
    name: 'a tab outside the text copied as written',
    change: appendFigure({ metric: 'functional_expenditure', item: '社会保障和就业支出\t医疗', value: '2.5', quote: '“三公”经费支出2.5万元' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'item',
    message: 'contains a tab: remove it',
  },
  {
    name: 'a value with a trailing space ("30 ")',
    change: appendFigure({ metric: 'staff_count', value: '30 ', unit: '人', quote: '实有在职人员30人' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'value',
    message: '“30 ” starts or ends with white space: trim it',
  },
  {
    name: 'a quote padded with a space',
    change: appendFigure({ metric: 'sangong_total', value: '2.5', quote: '“三公”经费支出2.5万元 ' }),
    file: FIGURES, line: NEXT_FIGURE_LINE, field: 'quote',
    message: 'starts or ends with white space: trim it',
  },
  {
    name: 'a unit name that starts with a full-width space',
    change: changeUnit({ name: '\u3000测试县医疗保障局' }),
    file: 'data/units.csv', line: 2, field: 'name',
    message: '“\u3000测试县医疗保障局” starts or ends with white space: trim it',
  },
  {
    name: 'a report id with a trailing space',
    change: appendIndicator({ report_id: `${REPORT} `, level1: '产出指标', quote: '产出指标 (50分)' }),
    file: INDICATORS, line: NEXT_INDICATOR_LINE, field: 'report_id',
    message: 'starts or ends with white space: trim it',
  },
  {
    name: 'a fiscal year after next year (2022 validated in 2020)',
    change: changeReport({ year: '2022' }),
    currentYear: 2020,
    file: REPORTS, line: 2, field: 'year',
    message: 'expected a fiscal year up to next year (2021): 2022 has not begun',
  },
  {
    name: 'a fiscal year before 1949',
    change: changeReport({ year: '1948' }),
    file: REPORTS, line: 2, field: 'year',
    message: 'expected a fiscal year from 2000 on',
  },
  {
    name: 'a report id whose year is not the year column',
    change: changeReport({ year: '2021' }),
    file: REPORTS, line: 2, field: 'id',
    message: 'the id names the year 2022, the year column 2021: an id is <unit id>-<fiscal year>-<kind>; correct one of them',
  },
];

describe('one problem per bad row, located by file, line and field', () => {
  it.each([...BAD_CASES, ...BOUNDARY_CASES])('$name → $file:$line [$field]', ({ change, currentYear, file, line, field, message }) => {
    const fixture = goodFixture();
    change(fixture);
    const { problems } = validate(fixture, currentYear);
    expect(problems.map(formatProblem)).toHaveLength(1);
    expect(problems[0]).toEqual<Problem>({ file, line, field, message: expect.stringContaining(message) as unknown as string });
  });
});

describe('the boundaries themselves are fine', () => {
  it.each<[string, (f: Fixture) => void, number]>([
    ['a .gitkeep in a data folder', addFile('data/figures/.gitkeep', ''), CURRENT_YEAR],
    ['the fiscal year is next year', () => undefined, 2021],
    ['names at their longest', changeUnit({ name: `${'测'.repeat(55)}医疗保障局`, county: '测'.repeat(20), short_name: '测'.repeat(30) }), CURRENT_YEAR],
    ["a city's own department, in no county (上海市财政局)", changeUnit({ county: '' }), CURRENT_YEAR],
    ["a province's own department, in no city or county (江苏省人民检察院)", changeUnit({ city: '', county: '' }), CURRENT_YEAR],
    ['a project name at its longest', appendFigure({ metric: 'execution_rate', scope: '项'.repeat(80), value: '60.7', unit: '%', quote: '年度资金总额\t\t1155.5\t701.23\t10\t60.7%\t6' }), CURRENT_YEAR],
    ['full-width and typographic quotes in a name', changeUnit({ name: '测试县“医疗保障”局（试点）' }), CURRENT_YEAR],
    ['a multi-line indicator value as written', appendIndicator({ level1: '产出指标', level2: '时效指标', actual: '第一行\n第二行', quote: '产出指标 (50分)' }), CURRENT_YEAR],
  ])('%s', (_name, change, currentYear) => {
    const fixture = goodFixture();
    change(fixture);
    expect(validate(fixture, currentYear).problems.map(formatProblem)).toEqual([]);
  });

  it('a CRLF file is read as if it were LF: its rows are all kept', () => {
    const fixture = goodFixture();
    fixture.files[FIGURES] = figuresText(fixture).replace(/\n/g, '\r\n');
    const { problems, dataset } = validate(fixture);
    expect(problems).toHaveLength(1);
    expect(dataset.figures).toHaveLength(fixture.figures.length);
  });
});

describe('every problem is reported at once', () => {
  it('three bad rows yield three problems', () => {
    const fixture = goodFixture();
    appendFigure({ metric: 'sangong', value: '2.5', quote: '“三公”经费支出2.5万元' })(fixture);
    appendFigure({ metric: 'sangong_total', value: '2.6', quote: '“三公”经费支出2.5万元' })(fixture);
    appendIndicator({ level1: '产出指标', level2: '质量指标', weight: '20', quote: '产出指标 (50分)' })(fixture);
    const { problems } = validate(fixture);
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
      [FIGURES, NEXT_FIGURE_LINE, 'metric'],
      [FIGURES, NEXT_FIGURE_LINE + 1, 'value'],
      [INDICATORS, NEXT_INDICATOR_LINE, 'weight'],
    ]);
  });

  it('bad rows in every file are all named, in file order', () => {
    const fixture = goodFixture();
    changeReport({ unit_id: 'no-such-unit' })(fixture);
    fixture.units.push({ ...(fixture.units[0] ?? {}) });
    appendFigure({ metric: 'sangong_total', value: '2.6', quote: '“三公”经费支出2.5万元' })(fixture);
    appendIndicator({ level1: '产出指标', level2: '质量指标', weight: '20', quote: '产出指标 (50分)' })(fixture);
    fixture.sources['orphan-2022-final-accounts'] = '孤立的报告\n';
    const { problems } = validate(fixture);
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['data/units.csv', 3, 'id'],
      [REPORTS, 2, 'unit_id'],
      ['data/sources/orphan-2022-final-accounts.txt', 0, ''],
      [FIGURES, NEXT_FIGURE_LINE, 'value'],
      [INDICATORS, NEXT_INDICATOR_LINE, 'weight'],
    ]);
  });

  it('one row with several faults names each of them', () => {
    const fixture = goodFixture();
    appendFigure({ metric: 'sangong', phase: 'final', value: '1.2.3', unit: '千元', quote: '“三公”经费支出2.5万元', review: 'x' })(fixture);
    const { problems } = validate(fixture);
    expect(problems.map((p) => `${p.line} ${p.field}`)).toEqual(['metric', 'phase', 'value', 'unit', 'review'].map((f) => `${NEXT_FIGURE_LINE} ${f}`));
  });

  it('a file-level CSV problem does not hide the row problems of other files', () => {
    const fixture = goodFixture();
    fixture.rawFigureLines.push('a,b');
    appendIndicator({ level1: '产出指标', level2: '质量指标', weight: '20', quote: '产出指标 (50分)' })(fixture);
    const { problems } = validate(fixture);
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
      [FIGURES, NEXT_FIGURE_LINE, ''],
      [INDICATORS, NEXT_INDICATOR_LINE, 'weight'],
    ]);
  });
});

describe('files that are missing or empty', () => {
  it.each([
    ['data/units.csv', 'the file is empty: expected a header line'],
    [REPORTS, 'the file is empty: expected a header line'],
  ])('an empty %s is named', (file, message) => {
    const root = writeFixture(goodFixture());
    writeFileSync(join(root, file), '');
    const { problems } = validateDataset(readDataset(root));
    expect(problems[0]).toEqual({ file, line: 0, field: '', message });
  });

  it('a figures file with a wrong header is named, with the columns it expects', () => {
    const root = writeFixture(goodFixture());
    writeFileSync(join(root, FIGURES), 'report_id,metric,phase,scope,item,value,quote,review\n');
    const { problems } = validateDataset(readDataset(root));
    expect(problems.map(formatProblem)).toEqual([
      `${FIGURES}:1 header: missing column(s) unit; expected ${FIGURE_COLUMNS.join(',')}`,
    ]);
  });

  it('a figures file without the optional note column is fine', () => {
    const fixture = goodFixture();
    const root = writeFixture(fixture);
    const columns = FIGURE_COLUMNS.filter((c) => c !== 'note');
    writeFileSync(join(root, FIGURES), csvText(columns, fixture.figures));
    const { problems, dataset } = validateDataset(readDataset(root));
    expect(problems).toEqual([]);
    expect(dataset.figures.every((f) => f.row.note === '')).toBe(true);
  });
});

describe('formatProblem', () => {
  it.each<[Problem, string]>([
    [{ file: FIGURES, line: 9, field: 'value', message: 'value 2.6 does not occur' }, `${FIGURES}:9 [value] value 2.6 does not occur`],
    [{ file: FIGURES, line: 9, field: '', message: 'duplicate row' }, `${FIGURES}:9 duplicate row`],
    [{ file: 'data/sources/x.txt', line: 0, field: '', message: 'source has no entry' }, 'data/sources/x.txt source has no entry'],
  ])('%j', (problem, expected) => {
    expect(formatProblem(problem)).toBe(expected);
  });
});

describe('the README states the name limits of the code', () => {
  it('lists each maximum length', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    const limits = `unit ${MAX_UNIT_NAME}, short name ${MAX_SHORT_NAME}, place ${MAX_PLACE_NAME}, department type ${MAX_DEPARTMENT_TYPE}, project ${MAX_PROJECT_NAME}`;
    expect(readme.replace(/\s+/g, ' ')).toContain(limits);
  });
});
