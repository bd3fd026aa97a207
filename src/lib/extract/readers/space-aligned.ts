import { columnRole, VALUE_ROLES, type ColumnRole } from '../columns';

/**
 * Tables whose columns are separated only by spaces, one row per line, with a header of column words
 * ("项目及编号 2016年度 2017年度 2017比2016增减") and rows of a label followed by numbers
 * ("(一) 收入总计 58596771.09 117154424.7 58557653.59 99.93%"). Empty cells leave no trace, so a row is read
 * only when it has exactly one number per column: otherwise any number could be any column's.
 */

/** A row's label and its numbers, with offsets relative to the line. */
export interface SpaceRow {
  label: string;
  labelStart: number;
  numbers: { start: number; end: number; text: string }[];
}

const NUMBER_WORD = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

/**
 * The roles of a header line's value columns, left to right (a change or previous-year column keeps its place so
 * the numbers line up), or null when the line is not such a header: it must open with a title word (项目…),
 * hold no number and no sentence punctuation, and name at least one value column among at least two columns.
 */
export function spaceAlignedHeader(line: string, reportYear: number | null): ColumnRole[] | null {
  if (/[。，,；;：:|\t]/.test(line)) return null;
  const words = line.trim().split(/\s+/);
  if (words.length < 3 || !/^(?:项目|科目|名称|指标)/.test(words[0] ?? '') || words.some((w) => NUMBER_WORD.test(w))) return null;
  const roles = words.slice(1).map((w) => columnRole(w, reportYear));
  if (roles.some((r) => r === null)) return null;
  const known = roles as ColumnRole[];
  return known.length >= 2 && known.some((r) => VALUE_ROLES.has(r)) ? known : null;
}

/**
 * A second header line that splits the last (change) column into several ("增减值 增减%"): the roles with that
 * column repeated; null when the line is not one.
 */
export function splitChangeColumn(roles: readonly ColumnRole[], line: string, reportYear: number | null): ColumnRole[] | null {
  const words = line.trim().split(/\s+/);
  if (roles[roles.length - 1] !== 'change' || words.length < 2 || /[。，,]/.test(line)) return null;
  if (!words.every((w) => columnRole(w, reportYear) === 'change')) return null;
  return [...roles.slice(0, -1), ...words.map((): ColumnRole => 'change')];
}

/**
 * A data line: optional item markers (a section heading "一、…" may stand before them), one label word, then
 * only numbers; null for anything else.
 */
export function spaceAlignedRow(line: string): SpaceRow | null {
  const m =
    /^(\s*(?:[一二三四五六七八九十]{1,3}、\S*\s+)?(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])?\s*)([^\s\d][^\s]*)((?:\s+\S+)+)\s*$/.exec(
      line,
    );
  if (!m) return null;
  const [, lead = '', label = '', rest = ''] = m;
  if (!/[\u4e00-\u9fa5]/.test(label)) return null;
  const numbers: SpaceRow['numbers'] = [];
  let at = lead.length + label.length;
  for (const part of rest.split(/(\s+)/)) {
    if (part.trim() !== '') {
      if (!NUMBER_WORD.test(part)) return null;
      numbers.push({ start: at, end: at + part.length, text: part });
    }
    at += part.length;
  }
  return { label, labelStart: lead.length, numbers };
}
