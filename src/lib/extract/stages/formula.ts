import { METRICS, UNITS, type MeasureUnit, type MetricKey, type Phase } from '../../../schemas/vocabulary';
import { toFen } from '../../money';
import { scaleExact, statedDecimals } from '../../numbers';
import type { FormulaPart, RateFormula } from '../readers/formula';
import type { DraftFigure, ExtractContext } from '../types';
import { metricNamedBy } from './label';
import { phaseOfMetric } from './phase';

const measures = (metric: MetricKey, measure: string) => (METRICS[metric].measures as readonly string[]).includes(measure);

/** Fen in one unit of the last decimal a stated amount gives (1.56 万元 → 10000 fen). */
function fenStep(value: string, unit: MeasureUnit): bigint | null {
  const one = toFen('1', unit);
  if (one === null) return null;
  return one / 10n ** BigInt(statedDecimals(value));
}

/**
 * Whether a bare number read in `unit` is the amount a figure states, to the figure's precision (15639 元 is
 * 1.56 万元). The figure must state three significant digits or more, so that agreement is no coincidence.
 */
export function sameAmount(bare: string, unit: MeasureUnit, stated: DraftFigure): boolean {
  const digits = stated.value.replace(/[^\d]/g, '').replace(/^0+/, '');
  const a = toFen(bare, unit);
  const b = toFen(stated.value, stated.unit);
  const step = fenStep(stated.value, stated.unit);
  if (digits.length < 3 || a === null || b === null || step === null || a === 0n) return false;
  const gap = a > b ? a - b : b - a;
  return gap * 2n <= step;
}

/**
 * The money unit of a formula's bare amounts: the one in which an amount of the formula equals an amount the
 * report states elsewhere under the same metric. The parts of one fraction share their unit. Null when no
 * part is stated elsewhere, or the parts disagree.
 */
export function formulaMoneyUnit(
  parts: readonly { metric: MetricKey; value: string }[],
  stated: readonly DraftFigure[],
): MeasureUnit | null {
  const votes = new Set<MeasureUnit>();
  for (const part of parts) {
    if (!measures(part.metric, 'money')) continue;
    for (const f of stated) {
      if (f.metric !== part.metric || UNITS[f.unit] !== 'money') continue;
      for (const unit of ['元', '万元'] as const) if (sameAmount(part.value, unit, f)) votes.add(unit);
    }
  }
  return votes.size === 1 ? ([...votes][0] ?? null) : null;
}

/**
 * Whether a stated rate is the formula's fraction as a ratio (1.04 for 15639/15000) or as a percentage, to the
 * rate's stated precision; null when it is neither or cannot be checked (a zero denominator).
 */
export function rateUnit(rate: string, numerator: string, denominator: string): 'ratio' | '%' | null {
  const scale = 6;
  const a = scaleExact(numerator, scale);
  const b = scaleExact(denominator, scale);
  const decimals = statedDecimals(rate);
  const v = scaleExact(rate, decimals);
  if (a === null || b === null || v === null || b <= 0n) return null;
  const near = (times: bigint) => {
    const gap = a * times * 10n ** BigInt(decimals) - v * b;
    return (gap < 0n ? -gap : gap) * 2n <= b;
  };
  if (near(1n)) return 'ratio';
  if (near(100n)) return '%';
  return null;
}

interface NamedPart {
  part: FormulaPart;
  metric: MetricKey;
  phase: Phase | null;
  priorYear: boolean;
}

/**
 * The figures of rate formulas: the rate, where the formula's own arithmetic says whether it is a ratio or a
 * percentage, and each operand whose label names a metric on its own. Bare amounts take the unit in which the
 * report states one of them elsewhere (`stated`: what the other readers found); counts of staff are in 人. A
 * formula whose amounts the report does not confirm gives its counts and rate only.
 */
export function formulaFigures(ctx: ExtractContext, formulas: readonly RateFormula[], stated: readonly DraftFigure[]): DraftFigure[] {
  const out: DraftFigure[] = [];
  const why = { reader: 'rate formula', confidence: 0.7 };
  for (const formula of formulas) {
    const named: NamedPart[] = [];
    for (const part of [...formula.numerator, formula.denominator]) {
      const metric = metricNamedBy(part.label);
      if (metric && (measures(metric.metric, 'money') || measures(metric.metric, 'count'))) named.push({ part, ...metric });
    }
    const moneyUnit = formulaMoneyUnit(
      named.map((n) => ({ metric: n.metric, value: n.part.value })),
      stated,
    );
    const quote = (from: number, to: number) => ctx.text.slice(from, to);
    const seen = new Set<string>();
    for (const { part, metric, phase, priorYear } of named) {
      const unit: MeasureUnit | null = measures(metric, 'money')
        ? moneyUnit
        : metric === 'staff_count' || metric === 'staff_quota'
          ? '人'
          : null;
      const scope = priorYear ? 'prior_year' : ctx.projectScope;
      const key = `${metric}|${scope}|${part.value}`;
      if (unit === null || seen.has(key)) continue;
      seen.add(key);
      out.push({
        metric,
        phase: phaseOfMetric(metric) ?? phase ?? ctx.defaultPhase,
        scope,
        item: '',
        value: quote(part.valueStart, part.valueEnd),
        unit,
        quote: quote(formula.start, formula.end),
        start: formula.start,
        rule: `operand «${part.label}» of «${formula.rate.label}»`,
        ...why,
      });
    }
    const rate = formula.rate;
    const rateMetric = metricNamedBy(rate.label);
    const [numerator] = formula.numerator;
    const isRate = rateMetric !== null && (METRICS[rateMetric.metric].measures as readonly string[]).every((m) => m === 'rate');
    if (rate.value === null || !rateMetric || !isRate || formula.numerator.length !== 1 || !numerator) continue;
    const unit = rateUnit(rate.value, numerator.value, formula.denominator.value);
    // the rate's own words ("控制率1.04") may have been read already, as prose or a cell
    const readBefore = stated.some(
      (f) =>
        f.metric === rateMetric.metric &&
        f.start >= formula.start &&
        f.start < formula.end &&
        f.value === ctx.text.slice(rate.valueStart, rate.valueEnd),
    );
    if (unit === null || readBefore) continue;
    out.push({
      metric: rateMetric.metric,
      phase: phaseOfMetric(rateMetric.metric) ?? ctx.defaultPhase,
      scope: ctx.projectScope,
      item: '',
      value: quote(rate.valueStart, rate.valueEnd),
      unit,
      quote: quote(formula.start, formula.end),
      start: formula.start,
      rule: `rate «${rate.label}» checked against its formula`,
      ...why,
    });
  }
  return out;
}
