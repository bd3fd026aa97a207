import type { FigureEntry } from '../schemas/figure';
import type { Phase } from '../schemas/vocabulary';
import { toCsv } from './csv';
import { routes } from './paths';
import { siteUrl } from './site';
import { lineLocator } from './views';

/**
 * The public export contract (dist/data/figures.csv and .json): one row per figure. Later features rely on
 * these columns; add columns at the end, never rename or remove one.
 */
export const EXPORT_COLUMNS = [
  'report_id', 'unit_id', 'unit_name', 'year', 'kind', 'metric', 'phase', 'scope', 'item', 'value', 'unit',
  'value_yuan', 'quote', 'review', 'source_sha256', 'figure_id', 'line', 'page', 'url', 'fdp_phase',
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
  figure_id: '数字编号；报告页 #<figure_id> 可直接跳到该行，引用时请注明',
  line: '摘录在报告全文中的起始行号；报告页 #L<行号> 可直接跳到该行',
  page: '原文页码（已知时；本站保存的是文本，目前没有页码，留空）',
  url: '该数字在本站的网址（设置了站点网址时为绝对网址，否则相对于站点根目录）',
  fdp_phase: '口径的 Fiscal Data Package 术语：approved 年初预算 · adjusted 调整后预算 · executed 决算/执行数',
};

/** Budget phases in Fiscal Data Package terms (budgetPhase: proposed / approved / adjusted / executed). */
export const FDP_PHASE: Record<Phase, string> = { budget: 'approved', adjusted: 'adjusted', actual: 'executed' };

/** Where a figure sits: the line of the report text its quote starts on, and its page when known. */
export interface FigurePlace {
  line: number;
  page: number | '';
  /** Link to the figure's row on its report page (see src/lib/site.ts siteUrl). */
  url: string;
}

export function toExportRow(f: FigureEntry, place: FigurePlace): ExportRow {
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
    figure_id: f.id,
    line: place.line,
    page: place.page,
    url: place.url,
    fdp_phase: FDP_PHASE[f.phase],
  };
}

/**
 * The export rows of figures: each with the line its quote starts on in its report's text (`texts` by report
 * id) and its URL under `base` (src/lib/site.ts). The texts are plain text, so no page is known.
 */
export function figureExportRows(
  figures: readonly FigureEntry[],
  texts: Pick<ReadonlyMap<string, string>, 'get'>,
  base: string | null,
): ExportRow[] {
  const locators = new Map<string, (offset: number) => number>();
  const lineOf = (reportId: string, offset: number) => {
    let locate = locators.get(reportId);
    if (!locate) {
      locate = lineLocator(texts.get(reportId) ?? '');
      locators.set(reportId, locate);
    }
    return locate(offset);
  };
  return figures.map((f) =>
    toExportRow(f, { line: lineOf(f.report_id, f.quote_offset), page: '', url: siteUrl(base, `${routes.report(f.report_id)}#${f.id}`) }),
  );
}

/** figures.csv: UTF-8 with BOM so that Excel and WPS detect the encoding, formula-like cells neutralised. */
export function figuresCsv(rows: readonly ExportRow[]): string {
  return toCsv(EXPORT_COLUMNS, rows, { forSpreadsheets: true });
}

export function figuresJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows, null, 1)}\n`;
}
