/**
 * The rule book of 数据核查: every rule with its id and severity. Titles and explanations are in the
 * dictionary (src/i18n/zh-CN.json, `rule.<id>.title` / `rule.<id>.explanation`) and shown on the
 * methodology page; README lists them too. A rule is a pure function of one report's figures, indicators
 * and text.
 */
import type { Severity } from '../../schemas/finding';
import type { CheckInput, Draft } from './context';
import { checkSums, sumGroups, type SumGroup, type SumRuleId } from './rules/sums';
import { checkPartExceedsWhole } from './rules/part-whole';
import { checkOutOfRange } from './rules/range';
import { checkShares } from './rules/shares';
import { checkChangeRate, checkChangeWithoutReason } from './rules/change';
import { checkExecutionClaims, checkExecutionRates, checkOverBudget, checkRateOutsideParts, checkSangongOverBudget } from './rules/execution';
import { checkScoreRule, checkScoreTotal, checkUnitSlip, checkWeightGroups, checkWeightTotal } from './rules/indicators';
import { checkFiscalYear, checkSameQuantity } from './rules/consistency';

/** What a rule sees: one report, plus the sum groups computed once for the report. */
export interface RuleInput extends CheckInput {
  groups: readonly SumGroup[];
}

export interface Rule {
  id: string;
  /** The most severe finding the rule can produce (a finding may be milder, e.g. a rounding note). */
  severity: Severity;
  /** Which part of the list the rule belongs to, for grouping on the methodology page. */
  family: 'sums' | 'shares' | 'execution' | 'range' | 'scores' | 'consistency';
  check: (input: RuleInput) => Draft[];
}

const sum = (id: SumRuleId): Rule => ({ id, severity: 'error', family: 'sums', check: (input) => checkSums(input, id, input.groups) });

export const RULES: readonly Rule[] = [
  sum('sum-sangong'),
  sum('sum-vehicle'),
  sum('sum-expenditure'),
  sum('sum-basic'),
  sum('sum-economic'),
  sum('sum-income'),
  sum('sum-functional'),
  sum('sum-procurement'),
  sum('sum-balance-sheet'),
  sum('sum-items'),
  { id: 'share', severity: 'error', family: 'shares', check: checkShares },
  { id: 'change-rate', severity: 'error', family: 'shares', check: checkChangeRate },
  { id: 'execution-rate', severity: 'error', family: 'execution', check: checkExecutionRates },
  { id: 'execution-claim', severity: 'error', family: 'execution', check: checkExecutionClaims },
  { id: 'rate-outside-parts', severity: 'warning', family: 'execution', check: checkRateOutsideParts },
  { id: 'part-exceeds-whole', severity: 'error', family: 'range', check: (input) => checkPartExceedsWhole(input, input.groups) },
  { id: 'out-of-range', severity: 'error', family: 'range', check: checkOutOfRange },
  { id: 'score-total', severity: 'error', family: 'scores', check: checkScoreTotal },
  { id: 'weight-group', severity: 'error', family: 'scores', check: checkWeightGroups },
  { id: 'weight-total', severity: 'error', family: 'scores', check: checkWeightTotal },
  { id: 'score-rule', severity: 'error', family: 'scores', check: checkScoreRule },
  { id: 'same-quantity', severity: 'error', family: 'consistency', check: checkSameQuantity },
  { id: 'fiscal-year', severity: 'warning', family: 'consistency', check: checkFiscalYear },
  { id: 'unit-slip', severity: 'warning', family: 'consistency', check: checkUnitSlip },
  { id: 'sangong-over-budget', severity: 'warning', family: 'execution', check: checkSangongOverBudget },
  { id: 'over-budget', severity: 'warning', family: 'execution', check: checkOverBudget },
  { id: 'change-without-reason', severity: 'warning', family: 'consistency', check: checkChangeWithoutReason },
];

/** The engine's own rule: a rule that failed on a report is reported, never hidden and never fatal. */
export const ENGINE_RULE = 'engine';

export function ruleGroupsOf(input: CheckInput): readonly SumGroup[] {
  return sumGroups(input);
}
