import type { Phase } from '../../../schemas/vocabulary';

/**
 * The standard tables of a 部门决算 (nine tables) and a 部门预算, recognised by their titles. Titles vary by
 * region and year (收入支出决算总表 / 部门财务收支预算总表 / 收支预算总表 …), so a title is matched after its
 * spaces, year and 部门/单位 prefix are dropped, by the words every variant keeps.
 */
export type StandardKind =
  | 'summary' // 收支总表
  | 'income' // 收入表
  | 'expenditure' // 支出表
  | 'fiscal-summary' // 财政拨款收支总表
  | 'general-expenditure' // 一般公共预算（财政拨款）支出表（功能分类）
  | 'general-basic' // 一般公共预算（财政拨款）基本支出表（经济分类）
  | 'sangong' // “三公”经费表 (in a Shanghai 部门预算 with 机关运行经费)
  | 'operation' // 机关运行经费表
  | 'procurement' // 政府采购表
  | 'government-fund' // 政府性基金
  | 'state-capital'; // 国有资本经营

export interface StandardTitle {
  kind: StandardKind;
  /** Which document family the table belongs to: a 决算表's amounts are actual, a 预算表's budget. */
  family: 'final' | 'budget';
}

/** The title with white space, quotes, brackets' contents kept, year and 部门/单位/预算单位 prefix dropped. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/\s+/g, '')
    .replace(/["“”'‘’]/g, '')
    .replace(/^.*?\d{4}年度?/, '')
    .replace(/^(预算单位|部门|单位)/, '');
}

/** Kinds in the order they are tried: the more specific words first (财政拨款收支总表 before 收支总表). */
const KIND_PATTERNS: readonly [StandardKind, RegExp][] = [
  ['sangong', /三公经费/],
  ['government-fund', /政府性基金/],
  ['state-capital', /国有资本经营/],
  ['operation', /^(一般公共预算)?机关运行经费/],
  ['procurement', /^政府采购(预算|决算)表/],
  ['general-basic', /一般公共预算(财政拨款)?基本支出/],
  ['general-expenditure', /一般公共预算(财政拨款)?支出(功能分类)?(预算|决算)表/],
  ['fiscal-summary', /^财政拨款收(入)?支(出)?(预算|决算)总表/],
  ['summary', /^(财务)?收(入)?支(出)?(预算|决算)总表$/],
  ['income', /^收入(预算|决算)(总)?表$/],
  ['expenditure', /^支出(预算|决算)(总)?表$/],
];

export function recogniseTitle(title: string | undefined): StandardTitle | null {
  if (title === undefined) return null;
  const t = normaliseTitle(title);
  const family = t.includes('决算') ? 'final' : t.includes('预算') ? 'budget' : null;
  if (!family) return null;
  const found = KIND_PATTERNS.find(([, pattern]) => pattern.test(t));
  return found ? { kind: found[0], family } : null;
}

/**
 * The phase of every amount of a table whose amounts are all of one phase: a 决算表's are actual, a 预算表's
 * budget. A header that names the other phase too (a 决算表 with a 预算数 column, a 预算表 with 上年执行数)
 * mixes phases: null, and the table is left to the columns that say their own phase (三公).
 */
export function tablePhase(family: StandardTitle['family'], header: string): Phase | null {
  if (family === 'budget') return /决算|执行|上年/.test(header) ? null : 'budget';
  return /预算/.test(header) ? null : 'actual';
}

/** The phase of one column of a 决算 三公 table by its header: 决算数 actual; 预算数 budget, or adjusted when it says 调整/全年. */
export function columnPhase(family: StandardTitle['family'], header: string): Phase | null {
  if (family === 'budget') return /决算|执行/.test(header) ? null : 'budget';
  if (/决算|执行|实际/.test(header)) return 'actual';
  if (/调整|全年/.test(header)) return 'adjusted';
  return /预算/.test(header) ? 'budget' : null;
}
