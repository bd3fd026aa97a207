import type { Phase } from '../../schemas/vocabulary';

/**
 * What a table column holds, read from its header cell: a budget phase, the rate, the weight or score of a
 * scoring table, or something no figure is read from (a change from last year, the previous year's values).
 * `stated` is an amount whose phase the report's kind decides (金额, 2020年度数量).
 */
export type ColumnRole = Phase | 'stated' | 'rate' | 'weight' | 'score' | 'change' | 'prior';

/** Roles whose cells are figures of the column's phase (or the rate). */
export const VALUE_ROLES: ReadonlySet<ColumnRole> = new Set(['budget', 'adjusted', 'actual', 'stated', 'rate']);

// Ordered: the first rule that matches decides. A change column often repeats the phase words ("2023年预算数增减").
const ROLE_RULES: readonly [RegExp, ColumnRole][] = [
  [/增减|增长|减少|增加|变动|差额|增幅|减幅|比上年|同比|减少率|^差异/, 'change'],
  [/上年|上一年/, 'prior'],
  [/^(?:预算)?执行率|^完成率|^支出率/, 'rate'],
  [/全年预算数|调整后|调整预算|预算数\(调整后\)|全年预算/, 'adjusted'],
  [/^年初预算数?|^预算数$|^预算$|^年初数$|^预算安排|^本年预算|^年度预算数?$/, 'budget'],
  [/全年执行数|执行数|决算数|^决算$|实际支出|^支出数|^执行\(|^实际数|^本年决算|^年度支出|^本年支出数?$/, 'actual'],
  [/^分值/, 'weight'],
  [/^得分$/, 'score'],
  [/^金额$|^年度数量|^合计$/, 'stated'],
];

/**
 * The role of a header cell. A year in it names the column's year: an earlier year than the report's is the
 * previous year's column ("2022年预算数" in a 2023 budget), whatever phase words follow.
 */
export function columnRole(cell: string, reportYear: number | null): ColumnRole | null {
  let c = cell.replace(/\s+/g, '').replace(/[(（](?:万元|元|%|％)[)）]$/, '');
  const year = /^(20\d\d|19\d\d)年?(?:度)?/.exec(c);
  if (year) {
    const changes = ROLE_RULES[0] as [RegExp, ColumnRole];
    if (changes[0].test(c)) return 'change';
    if (reportYear !== null && Number(year[1]) < reportYear) return 'prior';
    if (reportYear !== null && Number(year[1]) > reportYear) return null;
    c = c.slice(year[0].length);
    if (c === '') return 'stated';
    // "2020年度支出", "2020年度数量或人次": the report year's own amounts
    if (/^(?:支出|数量|决算|执行)/.test(c)) return /^数量/.test(c) ? 'stated' : 'actual';
  }
  for (const [re, role] of ROLE_RULES) if (re.test(c)) return role;
  return null;
}

/** A header's first cell that titles the label column (项目, 科目名称 …): then one value column suffices. */
export const LABEL_COLUMN_TITLE = /^(?:项目|科目|科目名称|项目名称|经费项目|使用项目|名称|内容|指标|类别|支出项目|收入项目)$/;
