import { FUND_OR_RULE } from '../lexicon';

/*
 * Numbers that are no figure of the vocabulary, whatever their label: the insurance fund's accounts, scoring
 * rules and criteria, projections, and the gap between what was spent and what was budgeted.
 */

/** A sentence about the insurance fund's own accounts or a scoring rule ("每超过一个百分点扣0.4分"). */
export function aboutFundOrScoring(sentence: string): boolean {
  return FUND_OR_RULE.test(sentence);
}

/** A number right after a criterion's name ("指标1：", "标准：", "序号："). */
export function afterCriterionName(wordsBefore: string): boolean {
  return /(?:指标|标准|序号)\s*\d*\s*[:：]\s*$/.test(wordsBefore);
}

/** A projection or a hypothesis ("预计", "理论上", "可达到"), not what happened. */
export function speculative(clause: string): boolean {
  return /理论上|预计|可达到|假设/.test(clause);
}

/** "较年初预算数减少0.36万元", "与年初预算相比": the gap between actual and budget. */
export function comparesWithBudget(clause: string): boolean {
  return /(?:较|比)(?:年初)?预算(?:数)?(?:增加|减少|节约|超支|多|少)|与[^,，。;；]{0,14}预算(?:数)?相比/.test(clause);
}

/** A score that is a criterion's weight or full marks ("该指标分值10分"), not one earned. */
export function scoreOfCriterion(sentenceBefore: string): boolean {
  return /该指标|权重|分值/.test(sentenceBefore);
}
