import type { MetricKey } from '../../../schemas/vocabulary';
import { PROJECT_FUNDING } from '../lexicon';

/**
 * "项目1：“离休人员医疗费用”项目…当年财政拨款收入100万元，支出28.55万元": a sentence about one project, named in
 * quotes before 项目 near its start. Returns the name's offsets in the sentence, or null.
 */
export function projectNamedIn(sentence: string): { start: number; end: number } | null {
  const named = /^[^。]{0,20}?[“"]([^”"]{2,40})[”"]\s*项目/.exec(sentence);
  const name = named?.[1];
  if (!named || !name) return null;
  const start = named.index + named[0].indexOf(name);
  return { start, end: start + name.length };
}

/** In a sentence about one project, what the project was given (财政拨款收入, 下达资金) is its budget. */
export function metricInProjectSentence(metric: MetricKey): MetricKey {
  return PROJECT_FUNDING.has(metric) ? 'budget_adjusted' : metric;
}
