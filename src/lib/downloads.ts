import type { FigureEntry } from '../schemas/figure';
import type { Finding } from '../schemas/finding';
import type { IndicatorEntry } from '../schemas/indicator';
import type { ReportEntry } from '../schemas/report';
import type { Unit } from '../schemas/unit';
import { METRIC_KEYS, PHASE_NAMES, REPORT_KINDS, UNIT_NAMES } from '../schemas/vocabulary';
import { FINDINGS_COLUMNS, FINDINGS_COLUMN_DOCS, QUOTE_SEPARATOR, toFindingsRow } from './checks/export';
import { byReport } from './checks/views';
import { toCsv } from './csv';
import { EXPORT_COLUMNS, EXPORT_COLUMN_DOCS, FDP_PHASE, figureExportRows } from './export';
import { routes } from './paths';
import { siteUrl } from './site';
import { groupBy, lineLocator, projectRows } from './views';

/**
 * The site-wide downloads (issue 10): six tables, each as
 * - `data/<name>.csv`: for Excel and WPS — UTF-8 with BOM, formula-like cells neutralised (src/lib/csv.ts);
 * - `data/<name>.json`: the same rows, unchanged;
 * - `data/package/<name>.csv`: for programs — BOM-less, a resource of `data/package/datapackage.json` (Frictionless
 *   Tabular Data Package; the Frictionless libraries reject a BOM). Formula-like cells are neutralised here too:
 *   a file on the site is opened by double-click sooner or later, and no CSV of the site may run a report's
 *   `=HYPERLINK(…)` (tests/hostile-build.test.ts). Numbers are never touched; a text cell that starts with
 *   = + - @ gets a leading ', which the JSON does not have (the JSON is the verbatim copy).
 */

/** A Frictionless Table Schema field (https://specs.frictionlessdata.io/table-schema/). */
export interface TableField {
  name: string;
  /** string for every code and id, so that leading zeros and long digit runs stay as written. */
  type: 'string' | 'integer' | 'number' | 'date';
  description: string;
  /** Unit of measure of a numeric field (a Data Package extension property, like Fiscal Data Package's). */
  unit?: string;
  constraints?: { required?: boolean; enum?: readonly string[]; pattern?: string };
}

export type Cell = string | number;

export interface Table {
  name: TableName;
  title: string;
  fields: TableField[];
  /** Rows keyed by field name (CSV cells); JSON rows may keep arrays (findings' quotes and lines). */
  rows: Record<string, Cell>[];
  jsonRows: unknown[];
}

export const TABLE_NAMES = ['figures', 'findings', 'units', 'reports', 'projects', 'indicators'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The data licence of the tables (the site's own compilation; the reports' texts stay their publishers'). */
export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
};

export interface Collections {
  units: readonly Unit[];
  reports: readonly ReportEntry[];
  /** A report's masked text, read when a line number is wanted (src/lib/report-files.ts: textOf). */
  textOf: (reportId: string) => string;
  figures: readonly FigureEntry[];
  indicators: readonly IndicatorEntry[];
  findings: readonly Finding[];
}

const text = (name: string, description: string, constraints?: TableField['constraints']): TableField =>
  constraints ? { name, type: 'string', description, constraints } : { name, type: 'string', description };
const yuan = (name: string, description: string): TableField => ({ name, type: 'number', description, unit: 'CNY' });
const SHA256 = '[0-9a-f]{64}';

const FIGURE_TYPES: Partial<Record<(typeof EXPORT_COLUMNS)[number], Omit<TableField, 'name' | 'description'>>> = {
  report_id: { type: 'string', constraints: { required: true } },
  year: { type: 'integer' },
  kind: { type: 'string', constraints: { enum: REPORT_KINDS } },
  metric: { type: 'string', constraints: { enum: METRIC_KEYS } },
  phase: { type: 'string', constraints: { enum: PHASE_NAMES } },
  unit: { type: 'string', constraints: { enum: UNIT_NAMES } },
  value_yuan: { type: 'number', unit: 'CNY' },
  source_sha256: { type: 'string', constraints: { pattern: SHA256 } },
  figure_id: { type: 'string', constraints: { required: true } },
  line: { type: 'integer' },
  page: { type: 'integer' },
  fdp_phase: { type: 'string', constraints: { enum: Object.values(FDP_PHASE) } },
};

const FIGURE_FIELDS: TableField[] = EXPORT_COLUMNS.map((name) => ({
  name,
  type: 'string',
  description: EXPORT_COLUMN_DOCS[name],
  ...FIGURE_TYPES[name],
}));

const FINDING_FIELDS: TableField[] = FINDINGS_COLUMNS.map((name) => ({
  name,
  type: name === 'year' ? 'integer' : 'string',
  description: FINDINGS_COLUMN_DOCS[name],
}));

const UNIT_FIELDS: TableField[] = [
  text('id', '单位编号；单位页为 units/<id>.html', { required: true }),
  text('name', '单位全称'),
  text('short_name', '单位简称（单位自己报告中的写法）'),
  text('province', '省级行政区'),
  text('city', '地级行政区'),
  text('county', '县级行政区'),
  text('department_type', '部门类型，如 医疗保障局'),
  text('url', '单位页网址'),
];

const REPORT_FIELDS: TableField[] = [
  text('id', '报告编号；报告页为 reports/<id>.html', { required: true }),
  text('unit_id', '单位编号'),
  text('unit_name', '单位全称'),
  { name: 'year', type: 'integer', description: '财政年度' },
  text('kind', '报告类型', { enum: REPORT_KINDS }),
  text('title', '报告标题（原文写法）'),
  { name: 'date', type: 'date', description: '报告载明的公开或填报日期，可为空' },
  text('date_label', '该日期在原文中的说法（公开时间、填报日期…），可为空'),
  text('original_filename', '所据原始文件名'),
  text('sha256', '逐字保存的报告文本的 SHA-256', { pattern: SHA256 }),
  text('source_url', '报告的公开网址，可为空'),
  { name: 'retrieved', type: 'date', description: '获取原文的日期，可为空' },
  text('note', '整理者说明'),
  { name: 'machine_figures', type: 'integer', description: '程序摘录、尚未人工核对的数字个数' },
  { name: 'curated_figures', type: 'integer', description: '人工核对过的数字个数' },
  text('url', '报告页网址'),
];

const PROJECT_FIELDS: TableField[] = [
  text('report_id', '报告编号'),
  text('unit_id', '单位编号'),
  text('unit_name', '单位全称'),
  { name: 'year', type: 'integer', description: '财政年度' },
  text('project', '项目名称（原文写法）'),
  yuan('budget_initial_yuan', '年初预算数（元，精确值），未载明为空'),
  yuan('budget_adjusted_yuan', '调整后/全年预算数（元，精确值），未载明为空'),
  yuan('executed_yuan', '执行数（元，精确值），未载明为空'),
  text('execution_rate', '执行率，原文写法，未载明为空'),
  text('execution_rate_unit', 'execution_rate 的单位：% 或 ratio（小数形式的比率）'),
  text('self_eval_score', '自评得分，原文写法，未载明为空'),
  text('figure_ids', `以上各值的数字编号（见 figures 表 figure_id），以“${QUOTE_SEPARATOR}”分隔`),
  text('url', '报告页上数字表的网址'),
];

const INDICATOR_FIELDS: TableField[] = [
  text('indicator_id', '指标编号；报告页 #<indicator_id> 可跳到该行', { required: true }),
  text('report_id', '报告编号'),
  text('scope', '项目名称；部门整体绩效指标为空'),
  text('level1', '一级指标'),
  text('level2', '二级指标'),
  text('level3', '三级指标'),
  text('target', '年度指标值（原文写法）'),
  text('actual', '实际完成值（原文写法）'),
  text('weight', '分值（原文写法），未载明为空'),
  text('score', '得分（原文写法），未载明为空（空不是零分）'),
  text('deduction_reason', '扣分或偏差原因（原文写法）'),
  text('quote', '原文中的表格行或句子（逐字摘录）'),
  text('review', 'curated 人工核对；machine 程序摘录、尚未核对', { enum: ['curated', 'machine'] }),
  { name: 'line', type: 'integer', description: '摘录在报告全文中的起始行号' },
  text('url', '该指标在本站的网址'),
];

/** The six tables from the collections; links are absolute under `base` when set (src/lib/site.ts). */
export function buildTables(c: Collections, base: string | null): Table[] {
  const unitName = new Map(c.units.map((u) => [u.id, u.name]));
  const figures = figureExportRows(c.figures, { get: c.textOf }, base);
  const findings = [...c.findings].sort(byReport).map(toFindingsRow);
  const units = c.units.map((u) => ({ ...u, url: siteUrl(base, routes.unit(u.id)) }));
  const reports = c.reports.map((r) => ({
    id: r.id,
    unit_id: r.unit_id,
    unit_name: r.unit_name,
    year: r.year,
    kind: r.kind,
    title: r.title,
    date: r.date,
    date_label: r.date_label,
    original_filename: r.original_filename,
    sha256: r.sha256,
    source_url: r.source_url,
    retrieved: r.retrieved,
    note: r.note,
    machine_figures: r.machine_figures,
    curated_figures: r.curated_figures,
    url: siteUrl(base, routes.report(r.id)),
  }));
  const byReportId = groupBy(c.figures, (f) => f.report_id);
  const projects = c.reports.flatMap((r) =>
    projectRows(byReportId.get(r.id) ?? []).map((p) => {
      const parts = [p.budgetInitial, p.budgetAdjusted, p.executed, p.rate, p.score];
      return {
        report_id: r.id,
        unit_id: r.unit_id,
        unit_name: unitName.get(r.unit_id) ?? r.unit_name,
        year: r.year,
        project: p.name,
        budget_initial_yuan: p.budgetInitial?.value_yuan ?? '',
        budget_adjusted_yuan: p.budgetAdjusted?.value_yuan ?? '',
        executed_yuan: p.executed?.value_yuan ?? '',
        execution_rate: p.rate?.value ?? '',
        execution_rate_unit: p.rate?.unit ?? '',
        self_eval_score: p.score?.value ?? '',
        figure_ids: parts.flatMap((f) => (f ? [f.id] : [])).join(QUOTE_SEPARATOR),
        url: siteUrl(base, `${routes.report(r.id)}#figures`),
      };
    }),
  );
  const locators = new Map<string, (offset: number) => number>();
  const lineIn = (reportId: string, offset: number) => {
    let locate = locators.get(reportId);
    if (locate === undefined) locators.set(reportId, (locate = lineLocator(c.textOf(reportId))));
    return locate(offset);
  };
  const indicators = c.indicators.map((i) => ({
    indicator_id: i.id,
    report_id: i.report_id,
    scope: i.scope,
    level1: i.level1,
    level2: i.level2,
    level3: i.level3,
    target: i.target,
    actual: i.actual,
    weight: i.weight,
    score: i.score,
    deduction_reason: i.deduction_reason,
    quote: i.quote,
    review: i.review,
    line: lineIn(i.report_id, i.quote_offset),
    url: siteUrl(base, `${routes.report(i.report_id)}#${i.id}`),
  }));
  const flatFindings = findings.map((f) => ({ ...f, quotes: f.quotes.join(QUOTE_SEPARATOR), lines: f.lines.join(QUOTE_SEPARATOR) }));
  return [
    { name: 'figures', title: '报告所载数字', fields: FIGURE_FIELDS, rows: figures, jsonRows: figures },
    { name: 'findings', title: '自动核对发现', fields: FINDING_FIELDS, rows: flatFindings, jsonRows: findings },
    { name: 'units', title: '单位', fields: UNIT_FIELDS, rows: units, jsonRows: units },
    { name: 'reports', title: '报告（不含全文）', fields: REPORT_FIELDS, rows: reports, jsonRows: reports },
    { name: 'projects', title: '项目（预算、执行、得分）', fields: PROJECT_FIELDS, rows: projects, jsonRows: projects },
    { name: 'indicators', title: '绩效指标', fields: INDICATOR_FIELDS, rows: indicators, jsonRows: indicators },
  ];
}

const columnsOf = (table: Table) => table.fields.map((f) => f.name);

/** data/<name>.csv, for Excel and WPS: BOM, formula-like cells neutralised. */
export function spreadsheetCsv(table: Table): string {
  return toCsv(columnsOf(table), table.rows, { forSpreadsheets: true });
}

/** data/package/<name>.csv, for programs and the Data Package: no BOM, formula-like cells neutralised. */
export function packageCsv(table: Table): string {
  return toCsv(columnsOf(table), table.rows, { forSpreadsheets: true, bom: false });
}

export function tableJson(table: Table): string {
  return `${JSON.stringify(table.jsonRows, null, 1)}\n`;
}

export interface DatasetVersion {
  /** Dataset version, e.g. "2026.12.1". */
  version: string;
  /** Date of the dataset's last change (YYYY-MM-DD). */
  date: string;
}

/** data/package/datapackage.json: a Frictionless Tabular Data Package over the BOM-less CSVs. */
export function dataPackage(tables: readonly Table[], dataset: DatasetVersion, base: string | null): string {
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'mingzhang',
    title: '明账：政府预决算公开数据',
    description:
      '各单位公开的预算、决算和绩效自评报告中载明的数字，逐条附原文摘录、行号和报告原文的 SHA-256。口径 phase 对应 Fiscal Data Package 的 budgetPhase：budget→approved，adjusted→adjusted，actual→executed（见 figures 表 fdp_phase 列）。',
    version: dataset.version,
    created: dataset.date,
    ...(base === null ? {} : { homepage: base }),
    licenses: [DATA_LICENSE],
    resources: tables.map((table) => ({
      profile: 'tabular-data-resource',
      name: table.name,
      title: table.title,
      path: `${table.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', header: true, doubleQuote: true, lineTerminator: '\n' },
      schema: { fields: table.fields, missingValues: [''] },
    })),
  };
  return `${JSON.stringify(descriptor, null, 1)}\n`;
}
