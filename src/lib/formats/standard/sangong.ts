import type { MetricKey } from '../../../schemas/vocabulary';
import { addsUp, isAmountText } from './rows';

/**
 * The “三公” table's one data row read by the template's column order. Its merged multi-level headers come
 * out of a PDF's layout too scrambled to name each column (a 预算 header reads "因公出国(境)费 公务接待费"
 * over the 因公出国 column), but every family keeps a fixed order; a layout is taken only when the row's
 * own arithmetic proves it: 合计 = 出国 + 公务用车 + 接待 and 公务用车 = 购置 + 运行. When no layout or more
 * than one fits, the table gives no figures.
 */
export type SangongRole = MetricKey | 'skip';

export interface SangongLayout {
  name: string;
  /** One role per column; in a 决算 layout every role has a 预算数 and a 决算数 column, side by side. */
  roles: readonly SangongRole[];
  paired: boolean;
}

const T = 'sangong_total';
const A = 'sangong_abroad';
const V = 'sangong_vehicle_total';
const P = 'sangong_vehicle_purchase';
const O = 'sangong_vehicle_operation';
const R = 'sangong_reception';
const RUNNING = 'operation_expenditure';

export const SANGONG_LAYOUTS: readonly SangongLayout[] = [
  // 部门决算 (财政部 template): 合计, 出国, 公务用车 (小计, 购置, 运行), 接待 — each 预算数 | 决算数
  { name: 'final', roles: [T, A, V, P, O, R], paired: true },
  // 上海 部门预算: 合计, 出国, 接待, 公务用车 (小计, 购置, 运行), 机关运行经费 (a stray blank column may precede it)
  { name: 'sh-budget', roles: [T, A, R, V, P, O, RUNNING], paired: false },
  { name: 'sh-budget-gap', roles: [T, A, R, V, P, O, 'skip', RUNNING], paired: false },
  // 江苏 部门预算: 合计 (三公 + 会议费 + 培训费), 三公小计, 出国, 公务用车 (小计, 购置, 运行), 接待, 会议费, 培训费
  { name: 'js-budget', roles: ['skip', T, A, V, P, O, R, 'skip', 'skip'], paired: false },
  // the bare template: 合计, 出国, 公务用车 (小计, 购置, 运行), 接待
  { name: 'plain', roles: [T, A, V, P, O, R], paired: false },
];

export interface SangongCell {
  metric: MetricKey;
  column: number;
  /** Which of a pair: 0 the 预算数 column, 1 the 决算数 column (unpaired layouts: 0). */
  pairIndex: number;
}

/** The values of one phase (one of a pair) by role, blanks as ''. */
function valuesOf(cells: readonly string[], layout: SangongLayout, pairIndex: number): Map<MetricKey, string> {
  const values = new Map<MetricKey, string>();
  const step = layout.paired ? 2 : 1;
  layout.roles.forEach((role, k) => {
    if (role !== 'skip') values.set(role, cells[k * step + pairIndex] ?? '');
  });
  return values;
}

function balances(values: Map<MetricKey, string>): boolean {
  const v = (m: MetricKey) => values.get(m) ?? '';
  if (v(T) === '') return false;
  const vehicle = v(V) === '' && v(P) === '' && v(O) === '' ? true : addsUp(v(V), [v(P), v(O)]);
  return vehicle && addsUp(v(T), [v(A), v(V), v(R)]);
}

/**
 * Which columns of the row hold which 三公 part, by the one layout whose width matches and whose arithmetic
 * holds (in every phase of a paired layout that states a 合计). Null when none or several fit differently.
 */
export function readSangongRow(cells: readonly string[]): SangongCell[] | null {
  if (cells.some((c) => c !== '' && !isAmountText(c))) return null;
  const fits = SANGONG_LAYOUTS.filter((layout) => {
    const width = layout.roles.length * (layout.paired ? 2 : 1);
    if (width !== cells.length) return false;
    const pairs = layout.paired ? [0, 1] : [0];
    const stated = pairs.filter((p) => (valuesOf(cells, layout, p).get(T) ?? '') !== '');
    return stated.length > 0 && stated.every((p) => balances(valuesOf(cells, layout, p)));
  });
  const [layout, ...others] = fits;
  if (!layout || others.length > 0) return null;
  const step = layout.paired ? 2 : 1;
  const out: SangongCell[] = [];
  layout.roles.forEach((role, k) => {
    if (role === 'skip') return;
    for (let p = 0; p < step; p++) out.push({ metric: role, column: k * step + p, pairIndex: p });
  });
  return out;
}
