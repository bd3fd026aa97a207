import type { FigureEntry } from '../schemas/figure';
import type { ReportEntry } from '../schemas/report';
import type { IndicatorEntry } from '../schemas/indicator';
import { FIXED_SCOPES, PHASE_NAMES, type MetricKey, type Phase } from '../schemas/vocabulary';
import { toFen } from './money';
import { percentOf } from './rates';

/**
 * Read-only views of the collections for the pages: grouping and picking, never arithmetic across
 * phases. Each function takes the whole collection once (pages call getCollection once per build step).
 */

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Whether a scope names a project (not one of the fixed scopes). */
export function isProjectScope(scope: string): boolean {
  return !Object.hasOwn(FIXED_SCOPES, scope);
}

/** The first figure (in source order) of a metric and phase for the whole unit, without an item. */
export function pick(figures: readonly FigureEntry[], metric: MetricKey, phase: Phase, scope = ''): FigureEntry | undefined {
  const candidates = figures.filter((f) => f.metric === metric && f.phase === phase && f.scope === scope && f.item === '');
  return candidates.find((f) => f.unit !== '%') ?? candidates[0];
}

/** Money figures only: first amount (not a share) of a metric, phase and scope. */
export function pickAmount(figures: readonly FigureEntry[], metric: MetricKey, phase: Phase, scope = ''): FigureEntry | undefined {
  return figures.find((f) => f.metric === metric && f.phase === phase && f.scope === scope && f.item === '' && f.value_yuan !== '');
}

/** Headline figures of one report for cards and tables. */
export interface Headline {
  expenditure?: FigureEntry;
  budget?: FigureEntry;
  sangong?: FigureEntry;
  executionRate?: FigureEntry;
  score?: FigureEntry;
  /**
   * When a report states no total, the parts it does state (基本支出, 项目支出), so that a card shows them
   * instead of "报告未载明": they are never summed into a total the report does not state.
   */
  expenditureParts: FigureEntry[];
  budgetParts: FigureEntry[];
}

const PARTS = ['basic_expenditure', 'project_expenditure'] as const;

/**
 * The scope a report's figures speak for the whole in: '' (the unit), or — for a report about one project,
 * which states everything under the project's name — that project.
 */
export function ownScope(figures: readonly FigureEntry[]): string {
  const projects = [...new Set(figures.filter((f) => isProjectScope(f.scope)).map((f) => f.scope))];
  return figures.some((f) => f.scope === '') || projects.length !== 1 ? '' : (projects[0] ?? '');
}

export function headline(figures: readonly FigureEntry[]): Headline {
  const own = ownScope(figures);
  const amount = (metric: MetricKey, phase: Phase) => pickAmount(figures, metric, phase, own);
  const parts = (phase: Phase) => PARTS.flatMap((metric) => amount(metric, phase) ?? []);
  const out: Headline = { expenditureParts: [], budgetParts: [] };
  const expenditure = amount('expenditure_total', 'actual') ?? amount('budget_executed', 'actual');
  const budget =
    amount('budget_adjusted', 'adjusted') ??
    amount('budget_initial', 'budget') ??
    amount('expenditure_total', 'adjusted') ??
    amount('expenditure_total', 'budget');
  const sangong = amount('sangong_total', 'actual');
  // the whole unit's rate only: a rate with an item is about one part (三公经费控制率, 一般公共预算支出)
  const unitRates = figures.filter((f) => f.metric === 'execution_rate' && f.scope === own && f.item === '');
  const executionRate = unitRates.find((f) => f.unit !== 'ratio') ?? unitRates[0];
  const score = pick(figures, 'self_eval_score', 'actual', own);
  if (expenditure) out.expenditure = expenditure;
  else out.expenditureParts = parts('actual');
  if (budget) out.budget = budget;
  else out.budgetParts = parts('budget');
  if (sangong) out.sangong = sangong;
  if (executionRate) out.executionRate = executionRate;
  if (score) out.score = score;
  return out;
}

/** One row of the 三公经费 comparison: one report, one phase. */
export interface SangongRow {
  report: ReportEntry;
  phase: Phase;
  total?: FigureEntry;
  abroad?: FigureEntry;
  vehicle?: FigureEntry;
  reception?: FigureEntry;
}

/** The metric of each 三公 column: the total and its three parts. */
export const SANGONG_PARTS = {
  total: 'sangong_total',
  abroad: 'sangong_abroad',
  vehicle: 'sangong_vehicle_total',
  reception: 'sangong_reception',
} as const;

/** 三公经费 stated for the whole unit, per report and phase (budget and actual kept apart). */
export function sangongRows(reports: readonly ReportEntry[], figures: readonly FigureEntry[]): SangongRow[] {
  const byReport = groupBy(figures, (f) => f.report_id);
  const rows: SangongRow[] = [];
  for (const report of reports) {
    const own = byReport.get(report.id) ?? [];
    for (const phase of ['budget', 'adjusted', 'actual'] as const) {
      const row: SangongRow = { report, phase };
      for (const [key, metric] of Object.entries(SANGONG_PARTS) as [keyof typeof SANGONG_PARTS, MetricKey][]) {
        const f = pickAmount(own, metric, phase);
        if (f) row[key] = f;
      }
      if (row.total || row.abroad || row.vehicle || row.reception) rows.push(row);
    }
  }
  return rows.sort(
    (a, b) =>
      a.report.year - b.report.year ||
      a.report.unit_name.localeCompare(b.report.unit_name, 'zh-CN') ||
      PHASE_NAMES.indexOf(a.phase) - PHASE_NAMES.indexOf(b.phase),
  );
}

/** A stated execution rate beside the rates computed from the same report's amounts. */
export interface ExecutionRow {
  report: ReportEntry;
  /** '' for the whole unit, 'project' for all projects, or one project's name. */
  scope: string;
  stated: FigureEntry;
  executed?: FigureEntry;
  /** Denominators the report states for the same scope, with the rate they give. */
  computed: { denominator: FigureEntry; percent: string | null }[];
}

/** Where a rate of a scope finds its amounts: the whole unit and projects use budget_*; parts use their own metric. */
function amountMetrics(scope: string): { executed: MetricKey[]; denominators: [MetricKey, Phase][]; scope: string[] } {
  if (scope === 'project' || scope === 'basic') {
    const part: MetricKey = scope === 'project' ? 'project_expenditure' : 'basic_expenditure';
    return {
      executed: ['budget_executed', part],
      denominators: [
        ['budget_initial', 'budget'],
        [part, 'budget'],
        ['budget_adjusted', 'adjusted'],
        [part, 'adjusted'],
      ],
      scope: [scope, ''],
    };
  }
  return {
    executed: ['budget_executed'],
    denominators: [
      ['budget_initial', 'budget'],
      ['budget_adjusted', 'adjusted'],
    ],
    scope: [scope],
  };
}

/** Money figures of some metrics, one phase and allowed scopes (budget_* only in the rate's own scope). */
function amounts(figures: readonly FigureEntry[], metrics: readonly MetricKey[], phase: Phase, scopes: readonly string[]): FigureEntry[] {
  return figures.filter(
    (f) =>
      metrics.includes(f.metric) &&
      f.phase === phase &&
      f.value_yuan !== '' &&
      (f.metric.startsWith('budget_') ? f.scope === scopes[0] : scopes.includes(f.scope)),
  );
}

/**
 * The executed amount and the denominator a rate is about: a pair of the same line item — the whole (no
 * item) when the report states both, else the item whose two amounts stand nearest to the rate.
 */
function amountPair(
  executed: readonly FigureEntry[],
  denominators: readonly FigureEntry[],
  offset: number,
): [FigureEntry, FigureEntry] | null {
  const distance = (f: FigureEntry) => Math.abs(f.quote_offset - offset);
  const nearest = (list: readonly FigureEntry[]) =>
    list.reduce<FigureEntry | undefined>((best, f) => (!best || distance(f) < distance(best) ? f : best), undefined);
  let best: [FigureEntry, FigureEntry] | null = null;
  for (const item of new Set(denominators.map((d) => d.item))) {
    const e = nearest(executed.filter((f) => f.item === item));
    const d = nearest(denominators.filter((f) => f.item === item));
    if (!e || !d) continue;
    if (item === '') return [e, d];
    if (!best || distance(e) + distance(d) < distance(best[0]) + distance(best[1])) best = [e, d];
  }
  return best;
}

/** Every stated execution rate of a scope (the first per scope), with the rates its report's amounts give. */
export function executionRows(reports: readonly ReportEntry[], figures: readonly FigureEntry[]): ExecutionRow[] {
  const byReport = groupBy(figures, (f) => f.report_id);
  const rows: ExecutionRow[] = [];
  for (const report of reports) {
    const own = byReport.get(report.id) ?? [];
    // one row per report and scope (a set: looking through every row so far grew with the square of the reports)
    const scopes = new Set<string>();
    for (const stated of own.filter((f) => f.metric === 'execution_rate' && f.item === '')) {
      if (scopes.has(stated.scope)) continue;
      scopes.add(stated.scope);
      const where = amountMetrics(stated.scope);
      const executedAll = amounts(own, where.executed, 'actual', where.scope);
      let executed: FigureEntry | undefined;
      const computed = where.denominators.flatMap(([metric, phase]) => {
        const pair = amountPair(executedAll, amounts(own, [metric], phase, where.scope), stated.quote_offset);
        if (!pair) return [];
        const [e, denominator] = pair;
        executed ??= e;
        const num = toFen(e.value, e.unit);
        const den = toFen(denominator.value, denominator.unit);
        if (num === null || den === null) return [];
        return [{ denominator, percent: percentOf(num, den) }];
      });
      const row: ExecutionRow = { report, scope: stated.scope, stated, computed };
      const shown = executed ?? executedAll.find((f) => f.item === '') ?? executedAll[0];
      if (shown) row.executed = shown;
      rows.push(row);
    }
  }
  return rows;
}

/** A project's key figures, as stated. */
export interface ProjectRow {
  name: string;
  budgetInitial?: FigureEntry;
  budgetAdjusted?: FigureEntry;
  executed?: FigureEntry;
  rate?: FigureEntry;
  score?: FigureEntry;
}

/** The projects a report names (scope = project name), with their budget, execution and score. */
export function projectRows(figures: readonly FigureEntry[]): ProjectRow[] {
  const names = [...new Set(figures.filter((f) => isProjectScope(f.scope)).map((f) => f.scope))];
  return names.map((name) => {
    const own = figures.filter((f) => f.scope === name);
    const row: ProjectRow = { name };
    const budgetInitial = pickAmount(own, 'budget_initial', 'budget', name);
    const budgetAdjusted = pickAmount(own, 'budget_adjusted', 'adjusted', name);
    const executed = pickAmount(own, 'budget_executed', 'actual', name);
    const rate = own.find((f) => f.metric === 'execution_rate' && f.item === '');
    const score = own.find((f) => f.metric === 'self_eval_score');
    if (budgetInitial) row.budgetInitial = budgetInitial;
    if (budgetAdjusted) row.budgetAdjusted = budgetAdjusted;
    if (executed) row.executed = executed;
    if (rate) row.rate = rate;
    if (score) row.score = score;
    return row;
  });
}

/** Indicator tables of a report, one per scope (the unit-wide table first). */
export function indicatorTables(indicators: readonly IndicatorEntry[]): { scope: string; rows: IndicatorEntry[] }[] {
  const tables = [...groupBy(indicators, (i) => i.scope)].map(([scope, rows]) => ({ scope, rows }));
  return tables.sort((a, b) => (a.scope === '' ? -1 : b.scope === '' ? 1 : 0));
}

/** The number of reports the home page lists: a fixed number, so that the page stays one size however many come. */
export const LATEST_REPORTS = 20;

/**
 * The newest reports: the latest year first, within a year the latest stated date (a report without one after
 * those with one), then by id so that the order never depends on the input's.
 */
export function latestReports<T extends Pick<ReportEntry, 'id' | 'year' | 'date'>>(reports: readonly T[], count = LATEST_REPORTS): T[] {
  const byDate = (a: string, b: string) => (a === b ? 0 : a === '' ? 1 : b === '' ? -1 : b.localeCompare(a));
  return [...reports].sort((a, b) => b.year - a.year || byDate(a.date, b.date) || a.id.localeCompare(b.id)).slice(0, count);
}

/** A function from character offset to 1-based line number, for one text (binary search over line starts). */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The label of a scope for display: fixed scopes by name, project scopes as printed. */
export function scopeLabel(scope: string): string {
  return Object.hasOwn(FIXED_SCOPES, scope) ? FIXED_SCOPES[scope as keyof typeof FIXED_SCOPES] : scope;
}
