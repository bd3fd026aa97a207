/**
 * What every rule works with: one report, its figures and indicators, and small helpers to find the
 * statements of a quantity. Rules compare only within one report and one phase, and use the dataset's
 * scope and item rules (see data/CURATION.md).
 */
import type { FigureEntry } from '../../schemas/figure';
import type { IndicatorEntry } from '../../schemas/indicator';
import type { ReportWithText } from '../../schemas/report';
import type { FindingRef, Severity } from '../../schemas/finding';
import { FIXED_SCOPES, METRICS, PHASES, UNITS, type MetricKey, type Phase } from '../../schemas/vocabulary';
import { formatStated } from '../format';
import { measure, type Measured } from './exact';

/** The input of every rule: one report with its own figures and indicators (in source order). */
export interface CheckInput {
  report: ReportWithText;
  figures: readonly FigureEntry[];
  indicators: readonly IndicatorEntry[];
}

/**
 * A passage a finding rests on, before the engine adds its line number. `focus` is where in the passage the
 * value stands: a quote may begin on a heading line above its number, and the link should go to the number.
 */
export type RefDraft = Omit<FindingRef, 'line'> & { focus?: number };

/** What a rule returns; the engine adds id, rule, title, report fields and line numbers. */
export interface Draft {
  severity: Severity;
  message: string;
  refs: RefDraft[];
  stated: string;
  computed: string;
  difference: string;
}

export const figureRef = (f: FigureEntry): RefDraft => {
  const at = f.quote.indexOf(f.value.replace(/^-/, ''));
  return { kind: 'figure', id: f.id, quote: f.quote, offset: f.quote_offset, focus: Math.max(0, at) };
};
export const indicatorRef = (i: IndicatorEntry): RefDraft => ({ kind: 'indicator', id: i.id, quote: i.quote, offset: i.quote_offset });
export const textRef = (text: string, offset: number, length: number): RefDraft => ({
  kind: 'text',
  id: '',
  quote: text.slice(offset, offset + length),
  offset,
});

/**
 * Items that name the whole rather than a part of it: "所有固定资产总额" is the fixed assets, "项目资金" in
 * a project table's header is the project's budget. They are compared as the item-less figure.
 */
const WHOLE_ITEM = /^(所有|全部|合计|总计)|^(项目资金|年度资金总额|资金总额|合计|总计)$/;

export function canonicalItem(item: string): string {
  const trimmed = item.trim();
  return WHOLE_ITEM.test(trimmed) ? '' : trimmed;
}

/** The key of a quantity: the same metric, phase, scope and item is the same quantity however often it is stated. */
export function quantityKey(f: Pick<FigureEntry, 'metric' | 'phase' | 'scope' | 'item'>): string {
  return `${f.metric}|${f.phase}|${f.scope}|${canonicalItem(f.item)}`;
}

export const isMoney = (f: FigureEntry): boolean => UNITS[f.unit] === 'money';
export const isRate = (f: FigureEntry): boolean => UNITS[f.unit] === 'rate';
/** An amount: money or a count (people, vehicles …), not a share or a score. */
export const isAmount = (f: FigureEntry): boolean => UNITS[f.unit] === 'money' || UNITS[f.unit] === 'count';

/** The figure's value with its stated precision, or null when the value is not a number (never thrown). */
export function measured(f: FigureEntry): Measured | null {
  try {
    return measure(f.value, f.unit);
  } catch {
    return null;
  }
}

/** A figure together with its measured value. */
export interface Stated {
  figure: FigureEntry;
  m: Measured;
}

export function stated(f: FigureEntry | undefined): Stated | undefined {
  if (!f) return undefined;
  const m = measured(f);
  return m ? { figure: f, m } : undefined;
}

/** Figures in source order (the collections are sorted so already; rules must not depend on it). */
export function inSourceOrder<T extends { quote_offset: number }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => a.quote_offset - b.quote_offset);
}

export interface Where {
  metric: MetricKey;
  phase: Phase;
  scope: string;
  /** Canonical item ('' for the whole). */
  item?: string;
}

/** Every amount (money or count) stated for a quantity, in source order. */
export function amountsOf(figures: readonly FigureEntry[], where: Where): Stated[] {
  const item = where.item ?? '';
  return inSourceOrder(
    figures.filter((f) => f.metric === where.metric && f.phase === where.phase && f.scope === where.scope && canonicalItem(f.item) === item && isAmount(f)),
  ).flatMap((f) => stated(f) ?? []);
}

/** The first amount stated for a quantity, or the one stated nearest to `near` (an offset). */
export function amountOf(figures: readonly FigureEntry[], where: Where, near?: number): Stated | undefined {
  const all = amountsOf(figures, where);
  if (near === undefined) return all[0];
  return all.reduce<Stated | undefined>((best, s) => (!best || Math.abs(s.figure.quote_offset - near) < Math.abs(best.figure.quote_offset - near) ? s : best), undefined);
}

/**
 * The whole a part is a share of, in the same report and phase: scope `basic` and `project` mean "inside
 * 基本支出 / 项目支出", so their whole is that part; otherwise the metric's `parent` in the same scope.
 */
export function wholeOf(metric: MetricKey, scope: string): { metric: MetricKey; scope: string } | null {
  if (scope === 'change_vs_prior') return null;
  if (scope === 'basic' && metric !== 'basic_expenditure') return { metric: 'basic_expenditure', scope: '' };
  if (scope === 'project' && metric !== 'project_expenditure') return { metric: 'project_expenditure', scope: '' };
  const parent = (METRICS[metric] as { parent?: string }).parent;
  return parent && Object.hasOwn(METRICS, parent) ? { metric: parent as MetricKey, scope } : null;
}

/** "基本支出·工资福利支出" — a quantity named for a message: scope, metric and item. */
export function nameOf(f: Pick<FigureEntry, 'metric' | 'scope' | 'item'>): string {
  const scope = f.scope === '' ? '' : `${Object.hasOwn(FIXED_SCOPES, f.scope) ? FIXED_SCOPES[f.scope as keyof typeof FIXED_SCOPES] : f.scope}·`;
  const item = f.item === '' ? '' : `“${f.item}”`;
  return `${scope}${METRICS[f.metric].label}${item}`;
}

/** "基本支出（决算/执行数）" — the name with its phase. */
export function nameWithPhase(f: Pick<FigureEntry, 'metric' | 'scope' | 'item' | 'phase'>): string {
  return `${nameOf(f)}（${PHASES[f.phase]}）`;
}

/** The value as the report states it, with its unit. */
export const statedText = (f: FigureEntry): string => formatStated(f.value, f.unit);
