import type { MetricKey } from '../../../schemas/vocabulary';
import { readChange } from './change';
import { speaksOfPriorYear } from './scope';

/** The words around a number that say what kind of statement it is (white space removed where noted). */
export interface StatementWords {
  /** The number as written. */
  written: string;
  /** A minus sign stands right before it. */
  minus: boolean;
  metric: MetricKey;
  /** The scope the number has so far ('' for the whole unit, basic, project or a project's name). */
  scope: string;
  /** Between the label and the number (or the words before the number when it has no label), without white space. */
  afterLabel: string;
  /** From the clause start to the label; '' without a label. */
  beforeLabel: string;
  /** From the clause start to the number. */
  clause: string;
  /** The sentence up to the number, without white space. */
  sentenceBefore: string;
  year: number | null;
  sentenceAboutEarlierYear: boolean;
}

/** "较上年减少部门支出1,653万元": change words may stand before the label too. */
function changeWordsBefore(beforeLabel: string): string {
  return /(?:较|比)[^,，。；;]{0,10}(?:减少|增加|下降|增长|降低|上升|节约)$/.exec(beforeLabel.replace(/\s+/g, ''))?.[0] ?? '';
}

/**
 * What kind of statement a number is: a change from the previous year (scope change_vs_prior, signed), the
 * previous year's value (prior_year), or the amount itself; an adjustment written as a cut (调减) or with a minus
 * is negative. Returns the value as it is to be kept, its scope, and whether it is a change.
 */
export function readStatement(w: StatementWords): { value: string; scope: string; isChange: boolean } {
  const change = readChange(changeWordsBefore(w.beforeLabel) + w.afterLabel, w.sentenceBefore, w.written);
  let value = change.value;
  let scope = w.scope;
  if (change.isChange) scope = 'change_vs_prior';
  else if (w.minus && w.metric === 'budget_adjustment') value = `-${value}`;
  else if (
    speaksOfPriorYear({
      afterLabel: w.afterLabel,
      beforeLabel: w.beforeLabel,
      clause: w.clause,
      year: w.year,
      sentenceAboutEarlierYear: w.sentenceAboutEarlierYear,
    })
  )
    scope = 'prior_year';
  if (w.metric === 'budget_adjustment' && /调减|减少/.test(w.clause) && !value.startsWith('-')) value = `-${value}`;
  return { value, scope, isChange: change.isChange };
}
