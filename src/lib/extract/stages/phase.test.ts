import { describe, expect, it } from 'vitest';
import type { MetricKey, Phase } from '../../../schemas/vocabulary';
import { budgetMetricOf, phaseFrom, phaseOfMetric } from './phase';

describe('phaseFrom: the phase words name', () => {
  it.each<[text: string, phase: Phase | null]>([
    ['年初预算数', 'budget'],
    ['财政拨款预    算', 'budget'],
    ['调整后预算数', 'adjusted'],
    ['全年预算', 'adjusted'],
    ['支出决算', 'actual'],
    ['全年执行数', 'actual'],
    ['实     际支出', 'actual'],
    ['为', null],
    ['', null],
  ])('%j → %s', (text, phase) => {
    expect(phaseFrom(text)).toBe(phase);
  });
});

describe('phaseOfMetric: the phase a metric fixes', () => {
  it.each<[metric: MetricKey, phase: Phase | null]>([
    ['budget_adjustment', 'adjusted'],
    ['budget_adjustment_rate', 'adjusted'],
    ['budget_adjusted', 'adjusted'],
    ['budget_initial', 'budget'],
    ['budget_executed', 'actual'],
    ['project_count', 'actual'],
    ['execution_rate', 'actual'],
    ['expenditure_total', null],
    ['sangong_reception', null],
  ])('%s → %s', (metric, phase) => {
    expect(phaseOfMetric(metric)).toBe(phase);
  });
});

describe('budgetMetricOf: the budget metric of a phase', () => {
  it.each<[phase: Phase, metric: MetricKey]>([
    ['budget', 'budget_initial'],
    ['adjusted', 'budget_adjusted'],
    ['actual', 'budget_executed'],
  ])('%s → %s', (phase, metric) => {
    expect(budgetMetricOf(phase)).toBe(metric);
    expect(phaseOfMetric(metric)).toBe(phase);
  });
});
