import { describe, expect, it } from 'vitest';
import type { MetricKey, Phase } from '../../../schemas/vocabulary';
import { budgetMetricOf, phaseFrom, phaseOfMetric, statedPhase, type PhaseWords } from './phase';

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

describe('statedPhase: the phase of a number in prose', () => {
  const words = (over: Partial<PhaseWords>): PhaseWords => ({
    label: '基本支出',
    labelPhase: undefined,
    afterLabel: '',
    beforeLabel: '',
    clause: '',
    previousPhase: null,
    listsParts: false,
    defaultPhase: 'actual',
    ...over,
  });
  it.each<[name: string, over: Partial<PhaseWords>, phase: Phase]>([
    ['the label’s own phase', { label: '年初预算数', labelPhase: 'budget' }, 'budget'],
    ['phase words in the label', { label: '“三公”经费支出预算' }, 'budget'],
    ['phase words after the label', { afterLabel: '决算数为' }, 'actual'],
    ['一般公共预算 in a label names no phase', { label: '一般公共预算财政拨款收入', afterLabel: '为' }, 'actual'],
    ['budget words before the label', { beforeLabel: '调整后' }, 'adjusted'],
    ['a part after 其中 keeps the sentence’s phase', { previousPhase: 'budget', listsParts: true }, 'budget'],
    ['a labelled number without 其中 does not', { previousPhase: 'budget' }, 'actual'],
    ['a number without a label keeps it', { label: null, previousPhase: 'adjusted' }, 'adjusted'],
    ['… unless its clause names one', { label: null, clause: '，决算数', previousPhase: 'adjusted' }, 'actual'],
    ['the report’s default', { defaultPhase: 'budget' }, 'budget'],
  ])('%s', (_name, over, phase) => {
    expect(statedPhase(words(over))).toBe(phase);
  });
});
