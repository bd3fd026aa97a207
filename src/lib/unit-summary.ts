import zhCN from '../i18n/zh-CN.json';
import { t, type MessageKey } from '../i18n';
import type { FigureEntry } from '../schemas/figure';
import type { ReportEntry } from '../schemas/report';
import { METRICS, PHASE_NAMES, REPORT_KINDS, type MetricKey, type Phase } from '../schemas/vocabulary';
import { formatAmount, formatFigure, formatPercentString } from './format';
import { toFen } from './money';
import { formatScaled } from './numbers';
import { percentOf } from './rates';
import { phaseOfMetric } from './extract/stages/phase';
import { executionRows, ownScope, pickAmount, sangongRows } from './views';

/**
 * The plain-Chinese summary of a unit's latest year and the history of its key figures, written from the
 * figures alone. Every number in a sentence is either a stated figure (the page links it to its row on the
 * report page) or computed exactly from stated figures that stand beside it in the same sentence. Phases are
 * never added together and a change is only ever between the same metric, phase and scope.
 */

/** A piece of a sentence: words, a stated figure, or a number computed from the figures beside it. */
export type SummaryPart =
  { kind: 'text'; text: string } | { kind: 'figure'; figure: FigureEntry; text: string } | { kind: 'computed'; text: string };
export type Sentence = SummaryPart[];

type Value = string | number | SummaryPart | Sentence;

const MESSAGES: Record<string, string> = zhCN;

function partsOf(value: Value): Sentence {
  if (typeof value === 'string' || typeof value === 'number') return [{ kind: 'text', text: String(value) }];
  return Array.isArray(value) ? value : [value];
}

/** Adjacent words joined into one part, empty words dropped. */
function tidy(parts: Sentence): Sentence {
  const out: Sentence = [];
  for (const part of parts) {
    if (part.kind === 'text' && part.text === '') continue;
    const last = out.at(-1);
    if (part.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + part.text };
    else out.push(part);
  }
  return out;
}

/** A dictionary message with its `{name}` placeholders filled by words, figures or whole sentences (as t() does for text). */
export function sentence(key: MessageKey, vars: Record<string, Value> = {}): Sentence {
  const template = MESSAGES[key] ?? '';
  const parts: Sentence = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] ?? '';
    const value = vars[name];
    if (value === undefined) throw new Error(`i18n: message ${key} needs {${name}}`);
    parts.push({ kind: 'text', text: template.slice(last, match.index) }, ...partsOf(value));
    last = match.index + match[0].length;
  }
  parts.push({ kind: 'text', text: template.slice(last) });
  return tidy(parts);
}

/** Sentences or phrases joined with a separator. */
export function joined(items: readonly Sentence[], separator = t('unitPage.summary.separator')): Sentence {
  return tidy(items.flatMap((item, k) => (k === 0 ? item : [{ kind: 'text' as const, text: separator }, ...item])));
}

/** A sentence as plain text (what a reader sees, without the links). */
export function plainText(s: Sentence): string {
  return s.map((p) => p.text).join('');
}

const figure = (f: FigureEntry): SummaryPart => ({ kind: 'figure', figure: f, text: formatFigure(f) });
const computed = (text: string): SummaryPart => ({ kind: 'computed', text });
const phaseLabel = (phase: Phase) => t(`phase.${phase}`);
const metricLabel = (metric: MetricKey) => METRICS[metric].label;
const yuanOfFen = (fen: bigint) => formatAmount(formatScaled(fen < 0n ? -fen : fen, 2));

/** What the unit was given, in the order a reader asks: income, appropriations, the budget. */
const GIVEN: readonly MetricKey[] = ['income_total', 'fiscal_appropriation_total', 'budget_initial', 'budget_adjusted', 'budget_executed'];
/** The parts of 本年支出合计 a report may state with or without the total. */
const EXPENDITURE_PARTS: readonly MetricKey[] = ['basic_expenditure', 'project_expenditure'];

/** What the report says the unit was given and spent, one sentence per phase it states. */
function moneySentences(figures: readonly FigureEntry[], scope: string): Sentence[] {
  const out: Sentence[] = [];
  for (const phase of PHASE_NAMES) {
    const amount = (metric: MetricKey) => pickAmount(figures, metric, phase, scope);
    const items = GIVEN.flatMap((metric) => {
      const f = amount(metric);
      return f ? [sentence('unitPage.summary.amount', { label: metricLabel(metric), value: figure(f) })] : [];
    });
    const total = amount('expenditure_total');
    const parts = EXPENDITURE_PARTS.flatMap((metric) => {
      const f = amount(metric);
      return f ? [sentence('unitPage.summary.amount', { label: metricLabel(metric), value: figure(f) })] : [];
    });
    const expenditureLabel = metricLabel('expenditure_total');
    if (total && parts.length > 0)
      items.push(sentence('unitPage.summary.withParts', { label: expenditureLabel, value: figure(total), parts: joined(parts) }));
    else if (total) items.push(sentence('unitPage.summary.amount', { label: expenditureLabel, value: figure(total) }));
    // the parts are listed as stated; their sum is not the total the report does not state
    else if (parts.length > 0) items.push(sentence('unitPage.summary.partsOnly', { parts: joined(parts), label: expenditureLabel }));
    if (items.length > 0) out.push(sentence('unitPage.summary.phase', { phase: phaseLabel(phase), items: joined(items) }));
  }
  return out.length > 0 ? out : [sentence('unitPage.summary.moneyNone')];
}

/** 三公经费 per phase: the total and each of its three parts, a part not stated said to be so. */
function sangongSentences(report: ReportEntry, figures: readonly FigureEntry[]): Sentence[] {
  const rows = sangongRows([report], figures);
  if (rows.length === 0) return [sentence('unitPage.summary.sangongNone')];
  return rows.map((row) => {
    const parts = joined(
      (
        [
          ['sangong_abroad', row.abroad],
          ['sangong_vehicle_total', row.vehicle],
          ['sangong_reception', row.reception],
        ] as const
      ).map(([metric, f]) =>
        f
          ? sentence('unitPage.summary.amount', { label: metricLabel(metric), value: figure(f) })
          : sentence('unitPage.summary.notStated', { label: metricLabel(metric) }),
      ),
    );
    const phase = phaseLabel(row.phase);
    return row.total
      ? sentence('unitPage.summary.sangong', { phase, total: figure(row.total), parts })
      : sentence('unitPage.summary.sangongNoTotal', { phase, parts });
  });
}

/**
 * The stated execution rate of the whole unit (or of the report's one project), and what the report's own
 * amounts give with each denominator it states: a rate means nothing until its denominator is named.
 */
function executionSentences(report: ReportEntry, figures: readonly FigureEntry[], scope: string): Sentence[] {
  const rows = executionRows([report], figures);
  const row = rows.find((r) => r.scope === scope);
  if (!row) {
    // the rates of parts (all projects, one project) are not the unit's: named as such, not promoted to it
    return [
      rows.length > 0
        ? sentence('unitPage.summary.rateOnlyParts', { count: computed(String(rows.length)) })
        : sentence('unitPage.summary.rateNone'),
    ];
  }
  const out = [sentence('unitPage.summary.rate', { rate: figure(row.stated) })];
  const executed = row.executed;
  const executedFen = executed ? toFen(executed.value, executed.unit) : null;
  for (const { denominator } of row.computed) {
    const denominatorFen = toFen(denominator.value, denominator.unit);
    if (!executed || executedFen === null || denominatorFen === null) continue;
    // computed here from the two figures the sentence shows, so that its arithmetic can be checked as read
    const percent = percentOf(executedFen, denominatorFen);
    const vars = {
      executed: figure(executed),
      // a budget metric names its phase itself (年初预算数); 基本支出 or 项目支出 needs it said
      label: phaseOfMetric(denominator.metric)
        ? metricLabel(denominator.metric)
        : `${metricLabel(denominator.metric)}（${phaseLabel(denominator.phase)}）`,
      denominator: figure(denominator),
    };
    out.push(
      percent === null
        ? sentence('unitPage.summary.rateZero', vars)
        : sentence('unitPage.summary.rateComputed', { ...vars, percent: computed(formatPercentString(percent)) }),
    );
  }
  if (out.length === 1) out.push(sentence('unitPage.summary.rateNoAmounts'));
  return out;
}

/** Metrics whose change from the year before the summary states (money, the whole unit). */
const CHANGE_METRICS: readonly MetricKey[] = [
  'income_total',
  'fiscal_appropriation_total',
  'expenditure_total',
  'budget_initial',
  'budget_adjusted',
  'budget_executed',
  'sangong_total',
];

/** The report's own statement of a metric's change from the year before: an amount first, else a rate. */
function statedChange(figures: readonly FigureEntry[], metric: MetricKey, phase: Phase): FigureEntry | undefined {
  const changes = figures.filter((f) => f.metric === metric && f.phase === phase && f.scope === 'change_vs_prior' && f.item === '');
  return changes.find((f) => f.value_yuan !== '') ?? changes[0];
}

/**
 * Changes from the year before: each metric and phase the two reports both state for the same scope, with the
 * difference computed in fen; and the change the report itself states, beside it or alone.
 */
function changeSentences(
  report: ReportEntry,
  figures: readonly FigureEntry[],
  scope: string,
  previous: { report: ReportEntry; figures: readonly FigureEntry[] } | undefined,
): Sentence[] {
  const comparable = previous && ownScope(previous.figures) === scope ? previous : undefined;
  const out: Sentence[] = [];
  for (const metric of CHANGE_METRICS) {
    for (const phase of PHASE_NAMES) {
      const current = pickAmount(figures, metric, phase, scope);
      if (!current) continue;
      const before = comparable && pickAmount(comparable.figures, metric, phase, scope);
      // a report about one project states no change_vs_prior of its own scope
      const stated = scope === '' ? statedChange(figures, metric, phase) : undefined;
      const label = metricLabel(metric);
      const phaseName = phaseLabel(phase);
      const currentFen = toFen(current.value, current.unit);
      const beforeFen = before ? toFen(before.value, before.unit) : null;
      if (before && currentFen !== null && beforeFen !== null) {
        const difference = currentFen - beforeFen;
        const up = difference > 0n;
        const percent = percentOf(up ? difference : -difference, beforeFen);
        const vars = {
          label,
          phase: phaseName,
          previousYear: before.year,
          before: figure(before),
          year: current.year,
          current: figure(current),
        };
        const change =
          difference === 0n
            ? sentence('unitPage.summary.changeSame', vars)
            : sentence(up ? 'unitPage.summary.changeUp' : 'unitPage.summary.changeDown', {
                ...vars,
                difference: computed(yuanOfFen(difference)),
                // from a zero amount there is no rate of change, only the amount
                percent:
                  percent === null
                    ? ''
                    : sentence(up ? 'unitPage.summary.percentUp' : 'unitPage.summary.percentDown', {
                        percent: computed(formatPercentString(percent)),
                      }),
              });
        out.push(stated ? [...change, ...sentence('unitPage.summary.changeStated', { change: figure(stated) })] : change);
      } else if (stated) {
        out.push(sentence('unitPage.summary.changeStatedOnly', { label, phase: phaseName, change: figure(stated) }));
      }
    }
  }
  if (out.length > 0)
    return comparable
      ? [sentence('unitPage.summary.changeLead', { year: comparable.report.year, kind: comparable.report.kind }), ...out]
      : out;
  return comparable
    ? [sentence('unitPage.summary.nothingComparable', { year: comparable.report.year, kind: comparable.report.kind })]
    : [sentence('unitPage.summary.noPrevious', { year: report.year - 1, kind: report.kind })];
}

/** One report of the latest year, summarised by topic. */
export interface ReportSummary {
  report: ReportEntry;
  /** The report's own project when it is about one project, else ''. */
  scope: string;
  money: Sentence[];
  sangong: Sentence[];
  /** Empty for a 部门预算: a budget is written before the year and has no execution to state. */
  execution: Sentence[];
  change: Sentence[];
}

export interface UnitSummary {
  year: number;
  reports: ReportSummary[];
}

/**
 * The same report series in another year: the report id with its year taken out (`<unit>-<year>-<kind slug>`
 * → `<unit>--<kind slug>`), so that a unit's 部门预算 and its 单位预算 are never compared with each other.
 */
export function reportSeries(report: Pick<ReportEntry, 'id' | 'year'>): string {
  const marker = `-${report.year}-`;
  const at = report.id.lastIndexOf(marker);
  return at < 0 ? report.id : `${report.id.slice(0, at)}--${report.id.slice(at + marker.length)}`;
}

/** Reports in the order a unit page lists them: newest year first, then by kind as the vocabulary orders kinds. */
export function byYearAndKind(a: ReportEntry, b: ReportEntry): number {
  return b.year - a.year || REPORT_KINDS.indexOf(a.kind) - REPORT_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id);
}

/** The summary of a unit's latest year, or null when it has no report. */
export function unitSummary(
  reports: readonly ReportEntry[],
  figuresByReport: ReadonlyMap<string, readonly FigureEntry[]>,
): UnitSummary | null {
  const sorted = [...reports].sort(byYearAndKind);
  const latest = sorted[0];
  if (!latest) return null;
  const bySeriesAndYear = new Map(sorted.map((r) => [`${reportSeries(r)}|${r.year}`, r]));
  const figuresOf = (r: ReportEntry) => figuresByReport.get(r.id) ?? [];
  return {
    year: latest.year,
    reports: sorted
      .filter((r) => r.year === latest.year)
      .map((report) => {
        const figures = figuresOf(report);
        const scope = ownScope(figures);
        const before = bySeriesAndYear.get(`${reportSeries(report)}|${report.year - 1}`);
        return {
          report,
          scope,
          money: moneySentences(figures, scope),
          sangong: sangongSentences(report, figures),
          execution: report.kind === '部门预算' ? [] : executionSentences(report, figures, scope),
          change: changeSentences(report, figures, scope, before && { report: before, figures: figuresOf(before) }),
        };
      }),
  };
}

/** A history table: one metric (or the budget → execution series) with a column per phase. */
export interface HistorySeries {
  /** Heading of the table. */
  title: MessageKey;
  /** The metric each phase column reads. */
  metrics: Record<Phase, MetricKey>;
}

const samePhases = (metric: MetricKey): Record<Phase, MetricKey> => ({ budget: metric, adjusted: metric, actual: metric });

export const HISTORY_SERIES: readonly HistorySeries[] = [
  { title: 'unitPage.history.expenditure', metrics: samePhases('expenditure_total') },
  { title: 'unitPage.history.budget', metrics: { budget: 'budget_initial', adjusted: 'budget_adjusted', actual: 'budget_executed' } },
  { title: 'unitPage.history.appropriation', metrics: samePhases('fiscal_appropriation_total') },
  { title: 'unitPage.history.sangong', metrics: samePhases('sangong_total') },
];

export interface HistoryRow {
  report: ReportEntry;
  /** The figure of each phase the report states (a phase it does not state is absent, never 0). */
  cells: Partial<Record<Phase, FigureEntry>>;
}

/** Each series' rows: one per report that states it (newest first), phases in their own columns. */
export function unitHistory(
  reports: readonly ReportEntry[],
  figuresByReport: ReadonlyMap<string, readonly FigureEntry[]>,
): { series: HistorySeries; rows: HistoryRow[] }[] {
  const sorted = [...reports].sort(byYearAndKind);
  return HISTORY_SERIES.map((series) => ({
    series,
    rows: sorted.flatMap((report) => {
      const figures = figuresByReport.get(report.id) ?? [];
      const scope = ownScope(figures);
      const cells: Partial<Record<Phase, FigureEntry>> = {};
      for (const phase of PHASE_NAMES) {
        const f = pickAmount(figures, series.metrics[phase], phase, scope);
        if (f) cells[phase] = f;
      }
      return Object.keys(cells).length > 0 ? [{ report, cells }] : [];
    }),
  })).filter((table) => table.rows.length > 0);
}
