import { describe, expect, it } from 'vitest';
import {
  LOW_CONFIDENCE,
  REVIEW_FIRST,
  reviewNote,
  INGEST_NOTE,
  appendCsvRows,
  defaultReportId,
  reportIdFor,
  kindFromFlag,
  newProblems,
  parseIngestArgs,
  planIngest,
  sha256Hex,
  statedDate,
  titleOf,
  uniqueQuote,
  type IngestOptions,
  type IngestPlan,
} from './ingest';
import { parseCsv, type Problem } from './csv';
import { FIGURE_COLUMNS, FIGURE_OPTIONAL_COLUMNS, INDICATOR_COLUMNS, REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS, UNIT_COLUMNS, validateDataset, type DatasetInput, type SourceText } from './validate';
import type { DraftFigure, Extraction } from './extract';
import type { ReportKind } from '../schemas/vocabulary';

describe('parseIngestArgs', () => {
  it.each<[string, string[], ReturnType<typeof parseIngestArgs>]>([
    ['file only', ['r.txt'], { ok: true, help: false, files: ['r.txt'], options: {}, dryRun: false, root: null, sources: null, verbose: false, recheck: false }],
    ['value flags, both spellings', ['r.txt', '--unit', 'a-ybj', '--year=2023', '--kind', 'budget', '--dry-run'], {
      ok: true, help: false, files: ['r.txt'], options: { unit: 'a-ybj', year: '2023', kind: 'budget' }, dryRun: true, root: null, sources: null, verbose: false, recheck: false,
    }],
    ['every unit flag', ['--unit-name', '甲县医疗保障局', '--short-name', '甲县医保局', '--province', '湖南省', '--city', '株洲市', '--county', '甲县', '--type', '医疗保障局', 'r.txt'], {
      ok: true, help: false, files: ['r.txt'], dryRun: false, root: null, sources: null, verbose: false, recheck: false,
      options: { unitName: '甲县医疗保障局', shortName: '甲县医保局', province: '湖南省', city: '株洲市', county: '甲县', type: '医疗保障局' },
    }],
    ['--root', ['r.txt', '--root', '/tmp/x'], { ok: true, help: false, files: ['r.txt'], options: {}, dryRun: false, root: '/tmp/x', sources: null, verbose: false, recheck: false }],
    ['an empty value with =', ['r.txt', '--url='], { ok: true, help: false, files: ['r.txt'], options: { url: '' }, dryRun: false, root: null, sources: null, verbose: false, recheck: false }],
    ['help needs no file', ['--help'], { ok: true, help: true, files: [], options: {}, dryRun: false, root: null, sources: null, verbose: false, recheck: false }],
    ['no file', ['--unit', 'a'], { ok: false, error: 'no FILE given' }],
    ['files and folders, a sidecar, --verbose', ['a.pdf', 'dir', '--sources', 's.csv', '--verbose'], {
      ok: true, help: false, files: ['a.pdf', 'dir'], options: {}, dryRun: false, root: null, sources: 's.csv', verbose: true, recheck: false,
    }],
    ['--recheck needs no file', ['--recheck', '--root', '/tmp/x'], { ok: true, help: false, files: [], options: {}, dryRun: false, root: '/tmp/x', sources: null, verbose: false, recheck: true }],
    ['--recheck with a file', ['--recheck', 'r.txt'], { ok: false, error: '--recheck rechecks the reports already in data/: give no FILE and no report flags with it' }],
    ['unknown flag', ['r.txt', '--unti', 'a'], { ok: false, error: 'unknown flag --unti' }],
    ['flag without value at the end', ['r.txt', '--unit'], { ok: false, error: '--unit needs a value' }],
    ['flag followed by a flag', ['r.txt', '--unit', '--dry-run'], { ok: false, error: '--unit needs a value' }],
    ['flag given twice', ['r.txt', '--year', '2022', '--year', '2023'], { ok: false, error: '--year is given twice' }],
  ])('%s', (_name, argv, expected) => {
    expect(parseIngestArgs(argv)).toEqual(expected);
  });
});

describe('kindFromFlag and defaultReportId', () => {
  it.each<[string, ReportKind | null]>([
    ['部门预算', '部门预算'],
    ['budget', '部门预算'],
    ['final-accounts', '部门决算'],
    ['部门决算', '部门决算'],
    ['dept-self-eval', '部门整体支出绩效自评'],
    ['project-self-eval', '项目支出绩效自评'],
    ['sangong', '三公经费说明'],
    [' 三公经费说明 ', '三公经费说明'],
    ['决算', null],
    ['Budget', null],
    ['', null],
  ])('%j → %s', (flag, kind) => {
    expect(kindFromFlag(flag)).toBe(kind);
  });

  it.each<[string, number, ReportKind, string]>([
    ['lukou-ybj', 2022, '部门整体支出绩效自评', 'lukou-ybj-2022-dept-self-eval'],
    ['leshan-shizhong-ybj', 2022, '部门决算', 'leshan-shizhong-ybj-2022-final-accounts'],
    ['a', 2024, '部门预算', 'a-2024-budget'],
    ['a', 2021, '项目支出绩效自评', 'a-2021-project-self-eval'],
    ['a', 2023, '三公经费说明', 'a-2023-sangong'],
  ])('%s %d %s → %s', (unit, year, kind, id) => {
    expect(defaultReportId(unit, year, kind)).toBe(id);
  });
});

describe('titleOf', () => {
  it.each<[string, string, string | null]>([
    // the headers of the five seed reports, and the titles their manifest rows give
    ['two lines, then prose', '株洲市渌口区医疗保障局\n2022年度整体支出绩效自评报告\n\n  今年以来，在区委……', '株洲市渌口区医疗保障局 2022年度整体支出绩效自评报告'],
    ['three lines after blank lines', '\n\n2022年度\n乐山市市中区医疗保障局\n部门决算\n\n目录\n\n公开时间：2023年 10 月 12 日', '2022年度 乐山市市中区医疗保障局 部门决算'],
    ['attachment number skipped', '附件2\n\n炎陵县医疗保障局2020年度部门整体支出评价报告\n\n部门、单位基本情况', '炎陵县医疗保障局2020年度部门整体支出评价报告'],
    ['spaced title, then a label line', '\n\n附件 2\n\n源城区 2022 年财政支出 绩效自评报告\n\n项目名称：医疗救助补助资金', '源城区 2022 年财政支出 绩效自评报告'],
    ['Markdown heading and a year line', '\n\n附件 4:\n\n# 部门单位整体支出绩效 自评报告\n\n(2023 年度)\n\n部门单位名称 (公章): 医疗保障局', '部门单位整体支出绩效 自评报告 (2023 年度)'],
    // other shapes
    ['a unit-name block continues into the title block', '甲县医疗保障局\n\n2023年部门预算公开说明\n\n一、部门职责', '甲县医疗保障局 2023年部门预算公开说明'],
    ['a heading ends the title', '2023年部门决算说明\n一、部门概况\n本部门……', '2023年部门决算说明'],
    ['a date line ends the title', '甲县医保局2023年三公经费说明\n2024年3月1日', '甲县医保局2023年三公经费说明'],
    ['bold Markdown', '**甲县医疗保障局2023年度部门决算**\n\n正文。', '甲县医疗保障局2023年度部门决算'],
    ['full-width year line', '甲县医疗保障局整体支出绩效自评报告\n\n（2023年度）\n\n正文', '甲县医疗保障局整体支出绩效自评报告 （2023年度）'],
    ['at most four lines', '甲县\n乙县\n丙县\n丁县\n戊县报告\n', '甲县 乙县 丙县 丁县'],
    ['CRLF line ends', '甲县医疗保障局\r\n2023年度部门决算\r\n\r\n正文', '甲县医疗保障局 2023年度部门决算'],
    ['prose first: no title', '今年以来，我局认真贯彻落实上级决策部署，全年支出100万元。\n二、……', null],
    ['a table of contents line is not a title', '第一部分 部门概况.....	1\n', null],
    ['empty text', '', null],
  ])('%s', (_name, text, title) => {
    expect(titleOf(text)).toBe(title);
  });
});

describe('statedDate', () => {
  it.each<[string, string, { date: string; label: string } | null]>([
    ['公开时间 with spaces', '目录\n\n公开时间：2023年 10 月 12 日\n', { date: '2023-10-12', label: '公开时间' }],
    ['填报日期 with dots', '填报人： 某某    填报日期：2021.9.28', { date: '2021-09-28', label: '填报日期' }],
    ['填报时间 with an ASCII colon', '填报时间: 2024 年 04 月 01 日', { date: '2024-04-01', label: '填报时间' }],
    ['填报日期 spaced', '填报日期：2022 年 4 月 6 日', { date: '2022-04-06', label: '填报日期' }],
    ['发布日期 with slashes', '发布日期:2023/10/12', { date: '2023-10-12', label: '发布日期' }],
    ['发布日期 with hyphens, no colon', '发布日期 2023-1-5', { date: '2023-01-05', label: '发布日期' }],
    ['full-width digits', '公开时间：２０２３年１０月１２日', { date: '2023-10-12', label: '公开时间' }],
    ['in a table cell', '填报日期\t|\t2022年4月6日', { date: '2022-04-06', label: '填报日期' }],
    ['an unfilled form field, then a filled one', '填报日期：    年  月  日\n公开时间：2023年1月2日', { date: '2023-01-02', label: '公开时间' }],
    ['not a real date', '填报日期：2023年2月30日', null],
    ['a date without a label', '2023年10月12日', null],
    ['no date at all', '株洲市渌口区医疗保障局\n2022年度整体支出绩效自评报告', null],
  ])('%s', (_name, text, expected) => {
    expect(statedDate(text)).toEqual(expected);
  });
});

describe('uniqueQuote', () => {
  const second = (text: string, quote: string) => text.indexOf(quote, text.indexOf(quote) + 1);
  it.each<[string, string, string, (text: string, quote: string) => number, string | null]>([
    ['a unique quote is kept', '实有在职人员30人。', '实有在职人员30人', () => 0, '实有在职人员30人'],
    ['a quote not in the text', '实有在职人员30人。', '实有在职人员31人', () => 0, null],
    ['an empty quote', '实有在职人员30人。', '', () => 0, null],
    ['the next clause tells them apart', '甲项目支出5万元，用于办公。乙项目支出5万元，用于培训。', '支出5万元', () => 2, '支出5万元，用于办公'],
    ['the clause before tells them apart', '办公支出5万元。培训支出5万元。', '支出5万元', second, '培训支出5万元'],
    ['the start offset picks the occurrence', '办公支出5万元。培训支出5万元。', '支出5万元', () => 2, '支出5万元。培训支出5万元'],
    ['a wrong start offset falls back to the first occurrence', '办公支出5万元。培训支出5万元。', '支出5万元', () => 99, '支出5万元。培训支出5万元'],
    ['a thousands separator does not end a clause', '收入1,097万元;收入2,000万元', '收入', () => 0, '收入1,097万元'],
    ['a repeated table row takes the line above', '表一\n合计\t100\n表二\n合计\t100\n', '合计\t100', second, '表二\n合计\t100'],
    ['a repeated table row takes the line below', '合计\t100\n表一\n合计\t100\n表二\n', '合计\t100', () => 0, '合计\t100\n表一'],
    ['white space at the new edges is left out', '完成预算100%。 其中甲。完成预算100%。', '完成预算100%', () => 0, '完成预算100%。 其中甲'],
    ['the same text twice: the whole of it', '合计\t100\n合计\t100', '合计\t100', () => 0, '合计\t100\n合计\t100'],
  ])('%s', (_name, text, quote, start, expected) => {
    expect(uniqueQuote(text, quote, start(text, quote))).toBe(expected);
  });

  it('gives up when every unique quote around it is longer than maxLength', () => {
    const table = '合计\t100\n'.repeat(3);
    expect(uniqueQuote(table, '合计\t100', 7, 15)).toBeNull();
    expect(uniqueQuote(table, '合计\t100', 7)).toBe('合计\t100\n合计\t100\n合计\t100');
  });

  it('gives up beyond maxLength', () => {
    const text = `甲${'很长'.repeat(50)}支出5万元。乙${'很长'.repeat(50)}支出5万元。`;
    const at = text.indexOf('支出5万元');
    expect(uniqueQuote(text, '支出5万元', at, 40)).toBeNull();
    expect(uniqueQuote(text, '支出5万元', at)).toBe(text.slice(at, -1));
  });

  it('every answer is a unique verbatim substring that contains the quote at its place', () => {
    const text = '一、收支\n本年收入100万元，支出100万元。\n二、收支\n本年收入100万元，支出90万元。\n收入100万元\n';
    let from = 0;
    for (;;) {
      const at = text.indexOf('收入100万元', from);
      if (at < 0) break;
      const q = uniqueQuote(text, '收入100万元', at);
      expect(q).not.toBeNull();
      if (q === null) break;
      const where = text.indexOf(q);
      expect(text.indexOf(q, where + 1)).toBe(-1);
      expect(where <= at && at + '收入100万元'.length <= where + q.length).toBe(true);
      from = at + 1;
    }
  });
});

describe('appendCsvRows', () => {
  const COLS = ['id', 'name', 'note'] as const;
  it.each<[string, string, Record<string, string>[], string]>([
    ['an empty file gets the header', '', [{ id: 'a', name: '甲', note: '' }], 'id,name,note\na,甲,\n'],
    ['appended after the final newline', 'id,name,note\nx,乙,\n', [{ id: 'a', name: '甲', note: '' }], 'id,name,note\nx,乙,\na,甲,\n'],
    ['a missing final newline is added first', 'id,name,note\nx,乙,', [{ id: 'a', name: '甲', note: '' }], 'id,name,note\nx,乙,\na,甲,\n'],
    ['CRLF files stay CRLF', 'id,name,note\r\nx,乙,\r\n', [{ id: 'a', name: '甲', note: '' }], 'id,name,note\r\nx,乙,\r\na,甲,\r\n'],
    ['the file\'s column order is kept', 'note,id,name\n', [{ id: 'a', name: '甲', note: 'n' }], 'note,id,name\nn,a,甲\n'],
    ['a BOM and the old bytes are kept', '\uFEFFid,name,note\nx,"乙,丙",\n', [{ id: 'a', name: '甲', note: '' }], '\uFEFFid,name,note\nx,"乙,丙",\na,甲,\n'],
    ['commas, quotes and line breaks are quoted', 'id,name,note\n', [{ id: 'a', name: '1,153.8', note: '他说"好"\n下一行' }], 'id,name,note\na,"1,153.8","他说""好""\n下一行"\n'],
    ['several rows', 'id,name,note\n', [{ id: 'a', name: '甲', note: '' }, { id: 'b', name: '乙', note: '' }], 'id,name,note\na,甲,\nb,乙,\n'],
  ])('%s', (_name, text, rows, expected) => {
    const out = appendCsvRows(text, COLS, rows);
    expect(out).toBe(expected);
    expect(out.startsWith(text)).toBe(true);
    expect(parseCsv(out, 'x.csv', COLS).problems).toEqual([]);
  });
  it.each<[string, string, Record<string, string>[], string]>([
    ['an optional column a new row fills is added to every row', 'id,name\nx,"乙,丙"\n', [{ id: 'a', name: '甲', note: 'n' }], 'id,name,note\nx,"乙,丙",\na,甲,n\n'],
    ['CRLF and a BOM stay', '\uFEFFid,name\r\nx,乙\r\n', [{ id: 'a', name: '甲', note: 'n' }], '\uFEFFid,name,note\r\nx,乙,\r\na,甲,n\r\n'],
    ['a line break inside a quoted cell stays', 'id,name\nx,"乙\n丙"\n', [{ id: 'a', name: '甲', note: 'n' }], 'id,name,note\nx,"乙\n丙",\na,甲,n\n'],
    ['an empty value adds no column', 'id,name\nx,乙\n', [{ id: 'a', name: '甲', note: '' }], 'id,name\nx,乙\na,甲\n'],
  ])('%s', (_name, text, rows, expected) => {
    const out = appendCsvRows(text, COLS, rows);
    expect(out).toBe(expected);
    expect(parseCsv(out, 'x.csv', COLS, ['note']).problems).toEqual([]);
  });
});

describe('newProblems', () => {
  const p = (line: number, message = 'm'): Problem => ({ file: 'f.csv', line, field: '', message });
  it.each<[string, Problem[], Problem[], Problem[]]>([
    ['none before', [], [p(1)], [p(1)]],
    ['the same problem is not new', [p(1)], [p(1)], []],
    ['a problem that went away is not reported', [p(1)], [], []],
    ['a second copy of a known problem is new', [p(1)], [p(1), p(1)], [p(1)]],
    ['a different line is new', [p(1)], [p(2)], [p(2)]],
  ])('%s', (_name, before, after, expected) => {
    expect(newProblems(before, after)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------
// planIngest over a small dataset kept in memory

const UNITS = [
  'id,name,short_name,province,city,county,department_type',
  'jia-ybj,甲县医疗保障局,甲县医保局,湖南省,株洲市,甲县,医疗保障局',
  '',
].join('\n');
const OLD_ID = 'jia-ybj-2022-final-accounts';
const OLD_TEXT = '甲县医疗保障局\n2022年度部门决算\n\n一、收支总体情况\n2022年度收、支总计100万元。\n';
const OLD_BYTES = new TextEncoder().encode(OLD_TEXT);
const REPORTS = [
  // a manifest written before originals were kept: without the optional original_* columns
  REPORT_COLUMNS.filter((c) => !(REPORT_OPTIONAL_COLUMNS as readonly string[]).includes(c)).join(','),
  `${OLD_ID},jia-ybj,2022,部门决算,甲县医疗保障局 2022年度部门决算,,,old.txt,${sha256Hex(OLD_BYTES)},,,`,
].join('\n'); // no final newline: ingest must add one and keep every other byte
const OLD_FIGURES = `${FIGURE_COLUMNS.join(',')}\n${OLD_ID},grand_total,actual,,,100,万元,2022年度收、支总计100万元,curated,\n`;

const NEW_TEXT = [
  '附件1',
  '',
  '甲县医疗保障局',
  '2023年度部门整体支出绩效自评报告',
  '',
  '填报日期：2024年3月5日',
  '一、基本情况',
  '实有在职人员30人。年初预算数100万元，全年执行数95万元，执行率95%。',
  '办公经费支出5万元。培训经费支出5万元。',
  '填报人：张三 联系电话：13800138000',
  '',
].join('\n');
const NEW_BYTES = new TextEncoder().encode(NEW_TEXT);

type Files = Record<string, string | Uint8Array>;
const BASE: Files = { 'data/units.csv': UNITS, 'data/reports.csv': REPORTS, [`data/sources/${OLD_ID}.txt`]: OLD_BYTES, [`data/figures/${OLD_ID}.csv`]: OLD_FIGURES };

const asText = (c: string | Uint8Array) => (typeof c === 'string' ? c : new TextDecoder('utf-8', { ignoreBOM: true }).decode(c));

/** What readDataset would read from these files. */
function datasetOf(files: Files): DatasetInput {
  const sources = new Map<string, SourceText>();
  const figures = [];
  const indicators = [];
  for (const path of Object.keys(files).sort()) {
    const content = files[path] ?? '';
    const source = /^data\/sources\/(.+)\.txt$/.exec(path);
    if (source?.[1]) sources.set(source[1], { file: path, text: asText(content), sha256: sha256Hex(content) });
    if (path.startsWith('data/figures/')) figures.push(parseCsv(asText(content), path, FIGURE_COLUMNS, FIGURE_OPTIONAL_COLUMNS));
    if (path.startsWith('data/indicators/')) indicators.push(parseCsv(asText(content), path, INDICATOR_COLUMNS));
  }
  return {
    units: parseCsv(asText(files['data/units.csv'] ?? ''), 'data/units.csv', UNIT_COLUMNS),
    reports: parseCsv(asText(files['data/reports.csv'] ?? ''), 'data/reports.csv', REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS),
    figures,
    indicators,
    sources,
  };
}

const draft = (text: string, f: Omit<DraftFigure, 'start' | 'phase' | 'scope' | 'item'> & Partial<DraftFigure>): DraftFigure => ({
  phase: 'actual', scope: '', item: '', start: f.start ?? text.indexOf(f.quote), ...f,
});

const GOOD: DraftFigure[] = [
  draft(NEW_TEXT, { metric: 'staff_count', value: '30', unit: '人', quote: '实有在职人员30人' }),
  draft(NEW_TEXT, { metric: 'budget_initial', phase: 'budget', value: '100', unit: '万元', quote: '年初预算数100万元' }),
  draft(NEW_TEXT, { metric: 'execution_rate', value: '95', unit: '%', quote: '执行率95%' }),
];

interface Case {
  options?: IngestOptions;
  files?: Files;
  bytes?: Uint8Array;
  extraction?: Partial<Extraction>;
}

function plan(c: Case = {}): IngestPlan {
  const files = c.files ?? BASE;
  const bytes = c.bytes ?? NEW_BYTES;
  const extraction: Extraction = { unit: '甲县医疗保障局', year: 2023, kind: '部门整体支出绩效自评', figures: GOOD, ...c.extraction };
  return planIngest({
    bytes,
    text: asText(bytes).replace(/^\uFEFF/, ''),
    fileName: '甲县2023自评.txt',
    options: c.options ?? {},
    dataset: datasetOf(files),
    unitsCsv: asText(files['data/units.csv'] ?? ''),
    reportsCsv: asText(files['data/reports.csv'] ?? ''),
    extract: () => extraction,
  });
}

/** The files after a ready plan is written. */
function applied(p: IngestPlan, files: Files = BASE): Files {
  if (p.status !== 'ready') throw new Error(`expected a ready plan, got ${p.status}: ${p.status === 'refused' ? p.errors.join('; ') : ''}`);
  const out = { ...files };
  for (const w of p.writes) out[w.path] = w.content;
  return out;
}

const NEW_UNIT: IngestOptions = { unit: 'yi-ybj', unitName: '乙县医疗保障局', province: '湖南省', city: '株洲市', county: '乙县' };

describe('planIngest: a published original', () => {
  const PDF = new TextEncoder().encode('%PDF-1.4 the published bytes');
  const withOriginal = (files: Files = BASE): IngestPlan =>
    planIngest({
      bytes: NEW_BYTES,
      original: { bytes: PDF, format: 'pdf' },
      text: NEW_TEXT,
      fileName: '甲县2023自评.pdf',
      options: {},
      dataset: datasetOf(files),
      unitsCsv: asText(files['data/units.csv'] ?? ''),
      reportsCsv: asText(files['data/reports.csv'] ?? ''),
      extract: () => ({ unit: '甲县医疗保障局', year: 2023, kind: '部门整体支出绩效自评', figures: GOOD }),
    });

  it('keeps the original verbatim beside the derived text and names it in the manifest, widening an old manifest', () => {
    const p = withOriginal();
    const id = 'jia-ybj-2023-dept-self-eval';
    expect(p.status === 'ready' && p.writes.map((w) => w.path)).toEqual([
      `data/originals/${id}.pdf`,
      `data/sources/${id}.txt`,
      'data/reports.csv',
      `data/figures/${id}.csv`,
    ]);
    const files = applied(p);
    expect(files[`data/originals/${id}.pdf`]).toBe(PDF);
    const reports = parseCsv(asText(files['data/reports.csv'] ?? ''), 'data/reports.csv', REPORT_COLUMNS);
    expect(reports.problems).toEqual([]);
    expect(reports.records[0]?.values).toMatchObject({ id: OLD_ID, original_sha256: '', original_format: '' });
    expect(reports.records[1]?.values).toMatchObject({ id, sha256: sha256Hex(NEW_BYTES), original_sha256: sha256Hex(PDF), original_format: 'pdf', original_filename: '甲县2023自评.pdf' });
  });

  it('the same original again is already ingested; the same text from another file is not', () => {
    const files = applied(withOriginal());
    expect(withOriginal(files)).toMatchObject({ status: 'already-ingested', reportIds: ['jia-ybj-2023-dept-self-eval'] });
    // the text file has other bytes than the original: not a duplicate, but the same text is no second report
    expect(plan({ files })).toMatchObject({
      status: 'refused',
      errors: ['the same text is already report jia-ybj-2023-dept-self-eval (from another file): nothing to add; pass --id NEW_ID to add it again'],
    });
  });
});

describe('planIngest: a ready plan', () => {
  it('adds the source, the manifest row and the figures of an existing unit found by name', () => {
    const p = plan();
    const files = applied(p);
    const id = 'jia-ybj-2023-dept-self-eval';
    expect(p.status === 'ready' && p.reportId).toBe(id);
    expect(p.status === 'ready' && p.writes.map((w) => [w.path, w.previous === null ? 'new' : 'changed'])).toEqual([
      [`data/sources/${id}.txt`, 'new'],
      ['data/reports.csv', 'changed'],
      [`data/figures/${id}.csv`, 'new'],
    ]);
    expect(files[`data/sources/${id}.txt`]).toBe(NEW_BYTES);
    const reports = asText(files['data/reports.csv'] ?? '');
    expect(reports.startsWith(`${REPORTS}\n`)).toBe(true);
    expect(datasetOf(files).reports.records[1]?.values).toEqual({
      id, unit_id: 'jia-ybj', year: '2023', kind: '部门整体支出绩效自评', title: '甲县医疗保障局 2023年度部门整体支出绩效自评报告',
      date: '2024-03-05', date_label: '填报日期', original_filename: '甲县2023自评.txt', sha256: sha256Hex(NEW_BYTES), source_url: '', retrieved: '', note: INGEST_NOTE, original_sha256: '', original_format: '',
    });
    expect(datasetOf(files).figures[1]?.records.map((r) => r.values)).toEqual(
      GOOD.map((f) => ({ report_id: id, metric: f.metric, phase: f.phase, scope: '', item: '', value: f.value, unit: f.unit, quote: f.quote, review: 'machine', note: '' })),
    );
    expect(validateDataset(datasetOf(files)).problems).toEqual([]);
  });

  it.each<[string, IngestOptions, Partial<Extraction>, Record<string, string>]>([
    ['flags override the header detection', { year: '2021', kind: 'project-self-eval', id: 'jia-x', title: '2023年度部门整体支出绩效自评报告' }, {}, {
      id: 'jia-x', year: '2021', kind: '项目支出绩效自评', title: '2023年度部门整体支出绩效自评报告',
    }],
    ['year and kind the extractor could not tell, from flags', { year: '2023', kind: '部门整体支出绩效自评' }, { year: null, kind: null }, { id: 'jia-ybj-2023-dept-self-eval' }],
    ['--url and --retrieved', { url: 'https://example.gov.cn/a.pdf', retrieved: '2024-05-01' }, {}, { source_url: 'https://example.gov.cn/a.pdf', retrieved: '2024-05-01' }],
    ['the unit found by its short name', {}, { unit: '甲县医保局' }, { unit_id: 'jia-ybj' }],
    ['the unit found by name, white space and full-width forms aside', {}, { unit: '甲县 医疗保障局' }, { unit_id: 'jia-ybj' }],
    ['--unit names an existing unit; matching unit flags are allowed', { unit: 'jia-ybj', province: '湖南省' }, { unit: null }, { unit_id: 'jia-ybj' }],
  ])('%s', (_name, options, extraction, expected) => {
    const files = applied(plan({ options, extraction }));
    expect(datasetOf(files).reports.records[1]?.values).toMatchObject(expected);
    expect(validateDataset(datasetOf(files)).problems).toEqual([]);
  });

  it.each<[string, IngestOptions, Partial<Extraction>, Record<string, string>]>([
    ['all flags', { ...NEW_UNIT, shortName: '乙县医保局', type: '医疗保障局' }, {}, {
      id: 'yi-ybj', name: '乙县医疗保障局', short_name: '乙县医保局', province: '湖南省', city: '株洲市', county: '乙县', department_type: '医疗保障局',
    }],
    ['name from the text, short name = name, type from the name', { ...NEW_UNIT, unitName: undefined }, { unit: '丙县医疗保障局' }, {
      id: 'yi-ybj', name: '丙县医疗保障局', short_name: '丙县医疗保障局', department_type: '医疗保障局',
    }],
    ['another department with --type', { ...NEW_UNIT, unitName: '乙县卫生健康局', type: '卫生健康局' }, {}, { name: '乙县卫生健康局', department_type: '卫生健康局' }],
    ["a city's own department: --county ''", { ...NEW_UNIT, unitName: '株洲市财政局', county: '', type: '财政局' }, {}, { name: '株洲市财政局', city: '株洲市', county: '' }],
    ["a province's own department: --city '' --county ''", { ...NEW_UNIT, unitName: '湖南省财政厅', city: '', county: '', type: '财政厅' }, {}, { city: '', county: '' }],
  ])('creates a new unit: %s', (_name, options, extraction, expected) => {
    const p = plan({ options, extraction });
    const files = applied(p);
    expect(p.status === 'ready' && p.unitCreated).toBe(true);
    const units = asText(files['data/units.csv'] ?? '');
    expect(units.startsWith(UNITS)).toBe(true);
    expect(datasetOf(files).units.records[1]?.values).toMatchObject(expected);
    expect(datasetOf(files).reports.records[1]?.values['unit_id']).toBe('yi-ybj');
    expect(validateDataset(datasetOf(files)).problems).toEqual([]);
  });

  it('adds the same text again under an explicit new --id, with a note', () => {
    const p = plan({ bytes: OLD_BYTES, options: { id: 'jia-copy' }, extraction: { year: 2022, kind: '部门决算', figures: [] } });
    expect(p.notes).toContain(`the same text is already in the dataset as ${OLD_ID}; adding it again as jia-copy because --id says so`);
    expect(validateDataset(datasetOf(applied(p))).problems).toEqual([]);
  });

  it('adds a report without figures (header-only figures file) when the extractor finds none', () => {
    const p = plan({ extraction: { figures: [] } });
    const files = applied(p);
    expect(files['data/figures/jia-ybj-2023-dept-self-eval.csv']).toBe(`${FIGURE_COLUMNS.join(',')}\n`);
    expect(p.notes.some((n) => n.startsWith('no figures'))).toBe(true);
  });
});

describe('planIngest: machine rows are valid or left out', () => {
  const twice5a = NEW_TEXT.indexOf('支出5万元');
  const twice5b = NEW_TEXT.indexOf('支出5万元', twice5a + 1);
  it.each<[string, DraftFigure[], Array<[quote: string, value: string]>, RegExp[]]>([
    ['a quote that occurs twice is lengthened at each place', [
      draft(NEW_TEXT, { metric: 'goods_services', value: '5', unit: '万元', quote: '支出5万元', start: twice5a }),
      draft(NEW_TEXT, { metric: 'goods_services', value: '5', unit: '万元', quote: '支出5万元', start: twice5b }),
    ], [['支出5万元。培训经费支出5万元', '5'], ['培训经费支出5万元', '5']], [/^lengthened 2 quote/]],
    ['a value the quote does not state', [draft(NEW_TEXT, { metric: 'staff_count', value: '31', unit: '人', quote: '实有在职人员30人' })], [], [/^dropped staff_count 31 人 “实有在职人员30人”: \[value\] value 31 does not occur/]],
    ['a unit the quote contradicts', [draft(NEW_TEXT, { metric: 'budget_initial', phase: 'budget', value: '100', unit: '元', quote: '年初预算数100万元' })], [], [/^dropped budget_initial 100 元 .*\[unit\] the quote writes 100 with unit 万元/]],
    ['a metric in a unit it cannot take', [draft(NEW_TEXT, { metric: 'staff_count', value: '100', unit: '万元', quote: '年初预算数100万元' })], [], [/^dropped staff_count 100 万元 .*\[unit\] expected a unit that fits metric staff_count/]],
    ['personal data in the quote', [draft(NEW_TEXT, { metric: 'staff_count', value: '13800138000', unit: '人', quote: '联系电话：13800138000' })], [], [/^dropped .*mobile number or a private name/]],
    ['the second of two identical rows', [GOOD[0] as DraftFigure, { ...(GOOD[0] as DraftFigure) }], [['实有在职人员30人', '30']], [/^dropped staff_count 30 人 .*duplicate row/]],
    ['a quote not in the text', [draft(NEW_TEXT, { metric: 'staff_count', value: '30', unit: '人', quote: '实有人员30人', start: 0 })], [], [/^dropped staff_count 30 人: its quote “实有人员30人” does not occur in the text/]],
    ['good rows stay when others are dropped', [GOOD[0] as DraftFigure, draft(NEW_TEXT, { metric: 'staff_count', value: '31', unit: '人', quote: '实有在职人员30人' }), GOOD[2] as DraftFigure], [['实有在职人员30人', '30'], ['执行率95%', '95']], [/^dropped staff_count 31/]],
  ])('%s', (_name, figures, rows, notes) => {
    const p = plan({ extraction: { figures } });
    const files = applied(p);
    expect(datasetOf(files).figures[1]?.records.map((r) => [r.values['quote'], r.values['value']])).toEqual(rows);
    for (const note of notes) expect(p.notes.some((n) => note.test(n)), `a note matching ${note} in ${JSON.stringify(p.notes)}`).toBe(true);
    expect(validateDataset(datasetOf(files)).problems).toEqual([]);
  });
});

describe('reportIdFor: a distinct default id for a second report of one unit, year and kind', () => {
  it.each<[what: string, kind: ReportKind, title: string, taken: string[], id: string]>([
    ['the kind slug', '部门预算', '上海市普陀区2026年区级部门预算', [], 'a-2026-budget'],
    ['a 单位预算 by its title, whether or not the 部门预算 is there', '部门预算', '上海市普陀区2026年区级单位预算', [], 'a-2026-unit-budget'],
    ['a 单位预算 beside the 部门预算', '部门预算', '上海市普陀区2026年区级单位预算', ['a-2026-budget'], 'a-2026-unit-budget'],
    ['a title naming both is the 部门预算', '部门预算', '2026年部门预算（含单位预算）', [], 'a-2026-budget'],
    ['a 单位决算', '部门决算', '2026年度单位决算', [], 'a-2026-unit-final-accounts'],
    ['单位预算 words in a 决算 title change nothing', '部门决算', '2026年度决算（附单位预算执行）', [], 'a-2026-final-accounts'],
    ['another report has the id: the next number', '部门预算', '2026年部门预算', ['a-2026-budget'], 'a-2026-budget-2'],
    ['and the next', '部门预算', '2026年部门预算', ['a-2026-budget', 'a-2026-budget-2'], 'a-2026-budget-3'],
    ['a corrected re-issue says so', '部门预算', '2026年部门预算（更正）', ['a-2026-budget'], 'a-2026-budget-revised'],
    ['a second correction', '部门预算', '2026年部门预算（修订）', ['a-2026-budget', 'a-2026-budget-revised'], 'a-2026-budget-2'],
    ['a second 单位预算', '部门预算', '2026年单位预算', ['a-2026-unit-budget'], 'a-2026-unit-budget-2'],
  ])('%s → %s', (_what, kind, title, taken, id) => {
    expect(reportIdFor('a', 2026, kind, title, (x) => taken.includes(x))).toBe(id);
  });

  it('planIngest: another 决算 of the same unit and year (other bytes) is added as -2, with a note; the same bytes again are a duplicate', () => {
    const other = new TextEncoder().encode(OLD_TEXT.replace('100万元', '101万元'));
    const p = plan({ bytes: other, extraction: { year: 2022, kind: '部门决算', figures: [] } });
    expect(p.status === 'ready' && p.reportId).toBe(`${OLD_ID}-2`);
    expect(p.notes).toContain(`id ${OLD_ID}-2: ${OLD_ID} is another report (other bytes); pass --id to choose another`);
    expect(validateDataset(datasetOf(applied(p))).problems).toEqual([]);
    expect(plan({ bytes: OLD_BYTES, extraction: { year: 2022, kind: '部门决算' } })).toMatchObject({ status: 'already-ingested', reportIds: [OLD_ID] });
  });
});

describe('planIngest: nothing to do', () => {
  it.each<[string, IngestOptions]>([
    ['same bytes, no --id', {}],
    ['same bytes, --id of the report that has them', { id: OLD_ID }],
    ['same bytes, other flags do not matter', { unit: 'new-unit', year: '1999' }],
  ])('%s', (_name, options) => {
    expect(plan({ bytes: OLD_BYTES, options })).toEqual({ status: 'already-ingested', reportIds: [OLD_ID], notes: [] });
  });
});

describe('planIngest: refused, with every reason', () => {
  const withSource = { ...BASE, 'data/sources/jia-ybj-2023-dept-self-eval.txt': 'x' };
  const withFigures = { ...BASE, 'data/figures/jia-ybj-2023-dept-self-eval.csv': `${FIGURE_COLUMNS.join(',')}\n` };
  it.each<[string, Case, RegExp[]]>([
    ['a new unit without --province', { options: { ...NEW_UNIT, province: undefined } }, [/^missing --province: unit yi-ybj is new/]],
    ['a new unit without --city and --county', { options: { ...NEW_UNIT, city: undefined, county: undefined } }, [/^missing --city/, /^missing --county/]],
    ['a new unit whose name the text does not give', { options: { ...NEW_UNIT, unitName: undefined }, extraction: { unit: null } }, [/^missing --unit-name/, /^missing --type/]],
    ['a new unit that is not a 医疗保障局 without --type', { options: { ...NEW_UNIT, unitName: '乙县卫生健康局' } }, [/^missing --type/]],
    ['a unit id that is not a slug', { options: { ...NEW_UNIT, unit: 'Yi_YBJ' } }, [/^--unit Yi_YBJ: expected a slug/]],
    ['a unit flag that contradicts an existing unit', { options: { unit: 'jia-ybj', province: '四川省' } }, [/^--province 四川省: unit jia-ybj already exists in data\/units.csv with province 湖南省/]],
    ['an unknown unit without --unit', { extraction: { unit: '丁县医疗保障局' } }, [/^the text names the unit 丁县医疗保障局, which is not in data\/units.csv .*pass --unit ID/]],
    ['no unit in the text and no --unit', { extraction: { unit: null } }, [/^cannot tell from the text which unit published it: pass --unit ID/]],
    ['no year and no --year', { extraction: { year: null } }, [/^cannot tell the fiscal year from the text: pass --year/]],
    ['no kind and no --kind', { extraction: { kind: null } }, [/^cannot tell the report kind from the text: pass --kind/]],
    ['a bad --year and --kind at once', { options: { year: '23', kind: '决算' } }, [/^--kind 决算: expected one of 部门预算 \(budget\)/, /^--year 23: expected a fiscal year/]],
    ['a year out of range', { options: { year: '1999' } }, [/^--year: expected a fiscal year from 2000 on/]],
    ['a --title not in the text', { options: { title: '乙县报告' } }, [/^--title “乙县报告”: expected the title as printed/]],
    ['no title line and no --title', { bytes: new TextEncoder().encode('今年以来，我局认真工作，实有在职人员30人。\n') }, [/^cannot find a title line .*pass --title/]],
    ['a bad --url and --retrieved', { options: { url: 'example', retrieved: '2024-13-01' } }, [/^--url example: expected a URL/, /^--retrieved 2024-13-01: expected a real calendar date/]],
    ['a report id that is not a slug', { options: { id: 'Jia 2023' } }, [/^--id Jia 2023: expected a slug/]],
    ['another text under an existing id', { options: { id: OLD_ID } }, [new RegExp(`^report ${OLD_ID} is already in data/reports.csv with another text .*pass --id NEW_ID`)]],
    ['a source file of the id exists', { files: withSource }, [/^data\/sources\/jia-ybj-2023-dept-self-eval.txt already exists/]],
    ['a figures file of the id exists', { files: withFigures }, [/^data\/figures\/jia-ybj-2023-dept-self-eval.csv already exists/]],
  ])('%s', (_name, c, expected) => {
    const p = plan(c);
    expect(p.status).toBe('refused');
    const errors = p.status === 'refused' ? p.errors : [];
    for (const e of expected) expect(errors.some((x) => e.test(x)), `an error matching ${e} in ${JSON.stringify(errors)}`).toBe(true);
    expect(errors).toHaveLength(expected.length);
  });
});

describe('reviewNote: why a machine figure was read, and which to review first', () => {
  it.each<[string, Pick<DraftFigure, 'reader' | 'rule' | 'confidence'>, string]>([
    ['no reasons given', {}, ''],
    ['an explicit label', { reader: 'prose', rule: 'label «本年支出合计»', confidence: 0.9 }, '程序摘录（prose；label «本年支出合计»；置信度 0.9）'],
    ['at the threshold', { reader: 'pipe table', rule: 'column 决算数', confidence: LOW_CONFIDENCE }, `程序摘录（pipe table；column 决算数；置信度 ${LOW_CONFIDENCE}）`],
    ['an enumerated part', { reader: 'prose', rule: 'enumerated part «公务接待费»', confidence: 0.6 }, '优先核对：程序摘录（prose；enumerated part «公务接待费»；置信度 0.6）'],
    ['a rule with a line break', { reader: 'prose', rule: 'carried\nover', confidence: 0.75 }, '程序摘录（prose；carried over；置信度 0.75）'],
  ])('%s', (_, figure, note) => {
    expect(reviewNote(figure)).toBe(note);
  });

  it('marks the low-confidence machine rows of a plan, and says how many', () => {
    const figures = [
      { ...(GOOD[0] as DraftFigure), reader: 'prose', rule: 'label «实有在职人员»', confidence: 0.9 },
      { ...(GOOD[1] as DraftFigure), reader: 'prose', rule: 'enumerated part «年初预算数»', confidence: 0.6 },
    ];
    const p = plan({ extraction: { figures } });
    const files = applied(p);
    const notes = datasetOf(files).figures[1]?.records.map((r) => r.values['note']);
    expect(notes).toEqual(['程序摘录（prose；label «实有在职人员»；置信度 0.9）', '优先核对：程序摘录（prose；enumerated part «年初预算数»；置信度 0.6）']);
    expect(p.notes).toContain(`1 figure(s) read with low confidence (below ${LOW_CONFIDENCE}): their note starts with ${REVIEW_FIRST}; review them first`);
    expect(validateDataset(datasetOf(files)).problems).toEqual([]);
  });
});
