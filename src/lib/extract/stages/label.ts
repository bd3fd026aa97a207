import type { MetricKey, Phase } from '../../../schemas/vocabulary';
import { LABEL_RULES } from '../lexicon';
import { budgetMetricOf, phaseFrom } from './phase';

/** What a label standing alone names: a metric, the phase its words give, and whether it is the previous year's. */
export interface NamedMetric {
  metric: MetricKey;
  phase: Phase | null;
  priorYear: boolean;
}

/**
 * Words that may stand around a metric's label without changing what it names: the year (本年度, 上年度), phase
 * words (实际, 预算安排, 决算) and the words that make a label a quantity (支出数, 总额). Anything else — "重点"
 * in 重点项目支出 — names a narrower thing than the metric.
 */
const PLAIN_WORDS = /本年度?|上年度?|当年|全年|实际|执行|决算|预算|安排|支出|金额|总额|合计|数|[“”"'‘’\s]/g;

/**
 * The metric a label names when the label is all there is (a cell, an operand of a formula), or null when it
 * names none or something narrower. A label of phase words only (预算数, 实际支出数) names the budget at that phase.
 */
export function metricNamedBy(label: string): NamedMetric | null {
  const words = label.replace(/\s+/g, '');
  const priorYear = /上年|上一年/.test(words);
  let best: { metric: MetricKey; start: number; end: number; phase: Phase | undefined } | null = null;
  for (const rule of LABEL_RULES) {
    if (rule.after || rule.kind !== 'metric') continue;
    for (const m of words.matchAll(new RegExp(rule.pattern.source, 'g'))) {
      if (m[0].length === 0) continue;
      if (!best || m[0].length > best.end - best.start)
        best = { metric: rule.metric, start: m.index, end: m.index + m[0].length, phase: rule.phase };
    }
  }
  if (best === null) {
    const phase = words.replace(PLAIN_WORDS, '') === '' ? phaseFrom(words) : null;
    return phase === null ? null : { metric: budgetMetricOf(phase), phase, priorYear };
  }
  const rest = words.slice(0, best.start) + words.slice(best.end);
  if (rest.replace(PLAIN_WORDS, '') !== '') return null;
  return { metric: best.metric, phase: best.phase ?? phaseFrom(rest), priorYear };
}
