import type { MetricKey } from '../../../schemas/vocabulary';

/**
 * Percentages in prose: a share ("占本年支出合计的95.1%"), an execution rate ("预算执行率为98%"), a change
 * ("较上年下降5%"), or a percentage that is no figure of the vocabulary (a target, a bound).
 */

/**
 * Where 占 opens a share in the words before a number, or null: what follows 占 is the denominator
 * ("本年支出合计"), not the label of the number, so labels are looked for only before it.
 */
export function shareWordAt(wordsBefore: string): number | null {
  const share = /占(?:[^，,；;。]*?)$/.exec(wordsBefore);
  return share ? share.index : null;
}

/** How a percentage (or a ratio) stated after a label is read. */
export type PercentReading = 'execution_rate' | 'as_labelled' | 'unread';

/**
 * A percentage after execution words (完成预算, 执行率 …), or under the execution rate, is the execution rate;
 * a change or a share (占) keeps the label's metric; any other percentage is not read.
 */
export function percentReading(afterLabel: string, metric: MetricKey, isChange: boolean): PercentReading {
  if (/完成预算|执行率|支出率|完成率/.test(afterLabel) || metric === 'execution_rate') return 'execution_rate';
  if (isChange || /占/.test(afterLabel) || metric === 'budget_adjustment_rate') return 'as_labelled';
  return 'unread';
}

/** Whether a rate is stated as a bound or a target ("不低于90%", "≥95%", "该指标…"), not as what was reached. */
export function statesBound(clause: string): boolean {
  return /低于|高于|不低于|不足|超过|可达|大于|小于|[≥≤<>]|该指标/.test(clause);
}
