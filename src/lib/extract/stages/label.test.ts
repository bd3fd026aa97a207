import { describe, expect, it } from 'vitest';
import { metricNamedBy, type NamedMetric } from './label';

describe('metricNamedBy: the metric a label standing alone names', () => {
  it.each<[label: string, named: NamedMetric | null]>([
    ['“三公经费”实际支出数', { metric: 'sangong_total', phase: 'actual', priorYear: false }],
    ['“三公经费”预算安排数', { metric: 'sangong_total', phase: 'budget', priorYear: false }],
    ['本年度“三公经费”总额', { metric: 'sangong_total', phase: null, priorYear: false }],
    ['上年度“三公经费”总额', { metric: 'sangong_total', phase: null, priorYear: true }],
    ['预算调整数', { metric: 'budget_adjustment', phase: null, priorYear: false }],
    ['预算数', { metric: 'budget_initial', phase: 'budget', priorYear: false }],
    ['项目总支出', { metric: 'project_expenditure', phase: null, priorYear: false }],
    ['编制数', { metric: 'staff_quota', phase: null, priorYear: false }],
    ['预算调整率', { metric: 'budget_adjustment_rate', phase: null, priorYear: false }],
    ['“三公经费”控制率', { metric: 'execution_rate', phase: null, priorYear: false }],
    // narrower than the metric, or no metric at all
    ['重点项目支出', null],
    ['“三公经费”变动率', null],
    ['在职人员控制率', null],
    ['重点支出安排率', null],
    ['', null],
  ])('«%s»', (label, named) => {
    expect(metricNamedBy(label)).toEqual(named);
  });
});
