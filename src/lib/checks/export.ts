import type { Finding } from '../../schemas/finding';
import { toCsv } from '../csv';
import { byReport } from './views';

/**
 * The findings export (dist/data/findings.csv and .json): one row per finding. Like the figures export,
 * columns may be added at the end; none is renamed or removed.
 */
export const FINDINGS_COLUMNS = [
  'report_id', 'rule', 'severity', 'title', 'message', 'stated', 'computed', 'quotes', 'difference', 'lines', 'unit_name', 'year', 'finding_id',
] as const;
export type FindingsColumn = (typeof FINDINGS_COLUMNS)[number];

/** What each column means (README and the findings page show this). */
export const FINDINGS_COLUMN_DOCS: Record<FindingsColumn, string> = {
  report_id: '报告编号；报告页为 reports/<report_id>.html',
  rule: '规则编号（见“方法说明”页）',
  severity: 'error 矛盾 · warning 存疑 · info 提示',
  title: '规则名称',
  message: '发现了什么（中文说明，含所涉数字）',
  stated: '报告所述的值（带单位），可为空',
  computed: '按报告其他数字计算的值（精确值，带单位），可为空',
  quotes: '所依据的原文，逐字摘录；CSV 中以“ | ”分隔，JSON 中为数组',
  difference: '所述减计算（精确值，带单位；比率为“个百分点”），可为空',
  lines: '每段原文在报告全文中的行号（与 quotes 一一对应）；报告页 #L<行号> 可直接跳到该行',
  unit_name: '单位全称',
  year: '财政年度',
  finding_id: '发现编号；报告页 #<finding_id> 可直接跳到该条',
};

export const QUOTE_SEPARATOR = ' | ';

export interface FindingsJsonRow {
  report_id: string;
  rule: string;
  severity: string;
  title: string;
  message: string;
  stated: string;
  computed: string;
  quotes: string[];
  difference: string;
  lines: number[];
  unit_name: string;
  year: number;
  finding_id: string;
}

export function toFindingsRow(f: Finding): FindingsJsonRow {
  return {
    report_id: f.report_id,
    rule: f.rule,
    severity: f.severity,
    title: f.title,
    message: f.message,
    stated: f.stated,
    computed: f.computed,
    quotes: f.refs.map((r) => r.quote),
    difference: f.difference,
    lines: f.refs.map((r) => r.line),
    unit_name: f.unit_name,
    year: f.year,
    finding_id: f.id,
  };
}

/** findings.csv: UTF-8 with BOM (Excel and WPS), quotes joined with " | ". */
export function findingsCsv(findings: readonly Finding[]): string {
  const rows = [...findings].sort(byReport).map((f) => {
    const row = toFindingsRow(f);
    return { ...row, quotes: row.quotes.join(QUOTE_SEPARATOR), lines: row.lines.join(QUOTE_SEPARATOR) };
  });
  return toCsv(FINDINGS_COLUMNS, rows, { forSpreadsheets: true });
}

/** findings.json: the same rows, quotes and lines as arrays. */
export function findingsJson(findings: readonly Finding[]): string {
  return `${JSON.stringify([...findings].sort(byReport).map(toFindingsRow), null, 1)}\n`;
}
