import { METRICS, UNITS, type MeasureUnit, type MetricKey } from '../../../schemas/vocabulary';
import { SIBLING_BY_UNIT } from '../lexicon';

/*
 * The unit of measure of a number in prose: the one written after it, or — for a bare number — the one a table
 * note declares, or the one its label implies (得分 → 分, 执行率0.98 → ratio); and the metric the unit points to.
 */

/** "接待批次为1039次", "国内公务接待15次": receptions counted in 批次 are written 次. */
export function batchesWrittenAsTimes(unitWord: string, wordsBefore: string): boolean {
  return unitWord.trim() === '次' && /(?:批次|接待(?:共计|共)?)\s*(?:为|共计|共)?\s*$/.test(wordsBefore);
}

export interface BareNumber {
  /** The number as written. */
  written: string;
  /** The words between the previous number and this one. */
  wordsBefore: string;
  /** A few characters after the number. */
  after: string;
  metric: MetricKey;
  /** The unit a table header or note declares for bare numbers here. */
  declared: MeasureUnit | null;
}

/** The unit of a number written without one, or null when none can be told. */
export function unitOfBareNumber(n: BareNumber): MeasureUnit | null {
  // "具体内容包括：1. 配合…": the number of a list item takes no declared unit
  const listNumber = /^\d{1,2}$/.test(n.written) && /^[.．、]\s*[^\d\s]/.test(n.after);
  if (/[:：]\s*$/.test(n.wordsBefore) && !listNumber && n.declared) return n.declared;
  if (n.metric === 'self_eval_score' && /得分\s*(?:为)?\s*$/.test(n.wordsBefore)) return '分';
  if (n.metric === 'execution_rate' && /率\s*(?:为)?\s*$/.test(n.wordsBefore) && /^\d\.\d+$/.test(n.written)) return 'ratio';
  return null;
}

/** The metric a count or amount in `unit` belongs to when its label named a sibling (接待2批次，25人次). */
export function metricForUnit(metric: MetricKey, unit: MeasureUnit): MetricKey {
  return SIBLING_BY_UNIT[metric]?.[unit] ?? metric;
}

/** Whether a metric is measured in a unit (an amount in 万元 is no headcount). */
export function fits(metric: MetricKey, unit: MeasureUnit): boolean {
  return (METRICS[metric].measures as readonly string[]).includes(UNITS[unit]);
}
