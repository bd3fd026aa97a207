/**
 * Values out of range: a negative amount where only a change or an adjustment may be negative, a share of a
 * whole above 100%, an indicator score above its weight or below zero.
 */
import { METRICS } from '../../../schemas/vocabulary';
import { cmp, intervalOf, measureScore, rat, sub, ZERO } from '../exact';
import { figureRef, indicatorRef, inSourceOrder, isAmount, measured, nameWithPhase, statedText, wholeOf, type CheckInput, type Draft } from '../context';
import { formatDifference } from '../quantity';
import { tr } from '../i18n';
import { isDeduction } from './indicators';

const HUNDRED = rat(100n);

/** Metrics whose % figures are shares of a whole (not rates of their own such as an execution rate). */
const isShareMetric = (metric: keyof typeof METRICS) => (METRICS[metric].measures as readonly string[]).some((m) => m === 'money' || m === 'count');

export function checkOutOfRange(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  for (const f of inSourceOrder(input.figures)) {
    const m = measured(f);
    if (!m) continue;
    const signed = f.scope === 'change_vs_prior' || f.metric === 'budget_adjustment';
    if (isAmount(f) && !signed && cmp(m.value, ZERO) < 0) {
      out.push({
        severity: 'error',
        message: tr('check.outOfRange.negative', { name: nameWithPhase(f), value: statedText(f) }),
        refs: [figureRef(f)],
        stated: statedText(f),
        computed: '',
        difference: '',
      });
    }
    const share = (f.unit === '%' || f.unit === 'ratio') && !signed && isShareMetric(f.metric) && wholeOf(f.metric, f.scope) !== null;
    if (share && cmp(intervalOf(m).lo, HUNDRED) > 0) {
      out.push({
        severity: 'error',
        message: tr('check.outOfRange.share', { name: nameWithPhase(f), value: statedText(f) }),
        refs: [figureRef(f)],
        stated: statedText(f),
        computed: '≤ 100%',
        difference: formatDifference(sub(m.value, HUNDRED), f),
      });
    }
  }
  for (const i of inSourceOrder(input.indicators)) {
    const weight = measureScore(i.weight);
    const score = measureScore(i.score);
    const name = i.level3 || i.level2 || i.level1;
    // a deduction row (扣分项) may write its points as a negative score; a weight is never negative
    const negatives = [
      { value: score, written: i.score, key: 'check.outOfRange.negativeScore', vars: { name, score: i.score }, allowed: isDeduction(i) },
      { value: weight, written: i.weight, key: 'check.outOfRange.negativeWeight', vars: { name, weight: i.weight }, allowed: false },
    ] as const;
    for (const n of negatives) {
      if (!n.value || n.allowed || cmp(n.value.value, ZERO) >= 0) continue;
      out.push({ severity: 'error', message: tr(n.key, n.vars), refs: [indicatorRef(i)], stated: `${n.written} 分`, computed: '≥ 0 分', difference: '' });
    }
    if (weight && score && cmp(intervalOf(score).lo, intervalOf(weight).hi) > 0) {
      out.push({
        severity: 'error',
        message: tr('check.outOfRange.scoreAboveWeight', { name, score: i.score, weight: i.weight }),
        refs: [indicatorRef(i)],
        stated: `${i.score} 分`,
        computed: `≤ ${i.weight} 分`,
        difference: `${formatDifference(sub(score.value, weight.value), { unit: '分' })}`,
      });
    }
  }
  return out;
}
