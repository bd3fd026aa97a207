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
