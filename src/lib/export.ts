import type { FigureEntry } from '../schemas/figure';
import { toCsv } from './csv';

/**
 * The public export contract (dist/data/figures.csv and .json): one row per figure. Later features rely on
 * these columns; add columns at the end, never rename or remove one.
 */
export const EXPORT_COLUMNS = [
  'report_id', 'unit_id', 'unit_name', 'year', 'kind', 'metric', 'phase', 'scope', 'item', 'value', 'unit',
  'value_yuan', 'quote', 'review', 'source_sha256',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Record<ExportColumn, string | number>;

/** What each export column means (README and the data page show this). */
export const EXPORT_COLUMN_DOCS: Record<ExportColumn, string> = {
  report_id: '报告编号（本站报告页网址的一部分）',
  unit_id: '单位编号',
  unit_name: '单位全称',
  year: '财政年度（数字所描述的年度，不是公开年度）',
  kind: '报告类型：部门预算 / 部门决算 / 部门整体支出绩效自评 / 项目支出绩效自评 / 三公经费说明',
  metric: '指标键（见指标词表）',
  phase: '口径：budget 年初预算 · adjusted 调整后/全年预算 · actual 决算/执行数',
  scope: '范围：空 = 全单位；basic 基本支出；project 项目支出；prior_year 上年数；change_vs_prior 较上年变动；其他 = 项目名称',
  item: '细项：功能分类科目、编制类型、资金来源等（原文写法），可为空',
  value: '原文数值（保留原文的位数和千分位；减少额带负号）',
  unit: '计量单位：元 万元 % ratio（小数形式的比率） 分 人 辆 批次 人次 个 台套',
  value_yuan: '金额折合为元的精确值（仅金额；其他为空）',
  quote: '原文中写明该数字的句子或表格行（逐字摘录）',
  review: 'curated 人工核对；checked 程序摘录、原文两处相同表述互证；machine 程序摘录、尚未核对',
  source_sha256: '报告原文（逐字保存的文本）的 SHA-256',
};

export function toExportRow(f: FigureEntry): ExportRow {
  return {
    report_id: f.report_id,
    unit_id: f.unit_id,
    unit_name: f.unit_name,
    year: f.year,
    kind: f.kind,
    metric: f.metric,
    phase: f.phase,
    scope: f.scope,
    item: f.item,
    value: f.value,
    unit: f.unit,
    value_yuan: f.value_yuan,
    quote: f.quote,
    review: f.review,
    source_sha256: f.source_sha256,
  };
}

/** figures.csv: UTF-8 with BOM so that Excel and WPS detect the encoding. */
export function figuresCsv(figures: readonly FigureEntry[]): string {
  return toCsv(EXPORT_COLUMNS, figures.map(toExportRow), { forSpreadsheets: true });
}

export function figuresJson(figures: readonly FigureEntry[]): string {
  return `${JSON.stringify(figures.map(toExportRow), null, 1)}\n`;
}
