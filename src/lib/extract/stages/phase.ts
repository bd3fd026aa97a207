import type { MetricKey, Phase } from '../../../schemas/vocabulary';
import { PHASE_WORDS } from '../lexicon';

/**
 * The budget phase that words name (调整后 / 全年预算 → adjusted; 年初预算 / 预算数 → budget; 决算 / 执行数 / 实际 →
 * actual), or null when they name none. White space is ignored: conversion and the pinyin mirror sites insert
 * ("预(yù)算", blanked in the scan copy to "预    算") split words.
 */
export function phaseFrom(text: string): Phase | null {
  const words = text.replace(/\s+/g, '');
  for (const [re, phase] of PHASE_WORDS) if (re.test(words)) return phase;
  return null;
}

/**
 * The phase a metric fixes, whatever words stand around it: an adjustment is of the adjusted budget, a count of
 * projects and an execution rate are what happened, each budget metric is its own phase. Null for the others.
 */
export function phaseOfMetric(metric: MetricKey): Phase | null {
  if (metric === 'budget_adjustment' || metric === 'budget_adjustment_rate' || metric === 'budget_adjusted') return 'adjusted';
  if (metric === 'project_count' || metric === 'execution_rate' || metric === 'budget_executed') return 'actual';
  if (metric === 'budget_initial') return 'budget';
  return null;
}

/** The budget metric of a phase: a number named only by phase words is the budget at that phase. */
export function budgetMetricOf(phase: Phase): MetricKey {
  return phase === 'budget' ? 'budget_initial' : phase === 'adjusted' ? 'budget_adjusted' : 'budget_executed';
}

/** The words around a number in prose that tell its phase. */
export interface PhaseWords {
  /** The number's label ("“三公”经费支出预算"), or null when it has none (it keeps the sentence's metric). */
  label: string | null;
  /** The phase the label's rule fixes (年初预算数 → budget), if any. */
  labelPhase: Phase | undefined;
  /** Between the label and the number. */
  afterLabel: string;
  /** From the start of the number's clause to its label. */
  beforeLabel: string;
  /** The clause up to the number (read when there is no label). */
  clause: string;
  /** The phase the sentence stated last, if any. */
  previousPhase: Phase | null;
  /** The sentence lists parts (其中) before the number. */
  listsParts: boolean;
  /** The report's phase for numbers no words place: budget in a 部门预算, actual otherwise. */
  defaultPhase: Phase;
}

/**
 * The phase of a number in prose: the label's own (年初预算数), else the phase words in the label and after it
 * ("“三公”经费支出预算为…", "支出决算数"), else budget words before the label; a part listed after 其中 — or a
 * number without a label — keeps the phase of the sentence's last figure; else the report's default.
 */
export function statedPhase(w: PhaseWords): Phase {
  if (w.labelPhase) return w.labelPhase;
  const budgetBefore = /预算安排|年初预算|预算数|预算总|调整后|全年预算/.exec(w.beforeLabel);
  const words =
    w.label !== null
      ? (phaseFrom(w.label.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '') + w.afterLabel) ??
        (budgetBefore ? phaseFrom(budgetBefore[0]) : null))
      : phaseFrom(w.clause);
  const inherited = w.previousPhase && (w.label === null || w.listsParts) ? w.previousPhase : null;
  return words ?? inherited ?? w.defaultPhase;
}
