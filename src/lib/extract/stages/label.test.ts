import { describe, expect, it } from 'vitest';
import { labelsBefore, labelsIn, lastLabel, metricNamedBy, type NamedMetric } from './label';

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

describe('labelsIn, lastLabel and labelsBefore: the label that names a number', () => {
  const named = (words: string, kind: 'metric' | 'phase' = 'metric') => {
    const hit = lastLabel(labelsIn(words, 0, words.length), kind);
    return hit ? [hit.rule.metric, words.slice(hit.start, hit.end), hit.item] : null;
  };
  it.each<[words: string, kind: 'metric' | 'phase', label: (string | null)[] | null]>([
    ['2022年“三公”经费支出', 'metric', ['sangong_total', '“三公”经费支出', '']],
    // spaces and emphasis inside a name, a remark in brackets
    ['**国内公务接待**支出', 'metric', ['sangong_reception', '国内公务接待**支出', '']],
    ['公务用车(含执勤执法用车)运行维护费', 'metric', ['sangong_vehicle_operation', '公务用车(含执勤执法用车)运行维护费', '']],
    // the one ending last wins
    ['本年支出合计中基本支出', 'metric', ['basic_expenditure', '基本支出', '']],
    [
      '卫生健康支出(类)医疗保障管理事务(款)行政运行(项)',
      'metric',
      ['functional_expenditure', '卫生健康支出(类)医疗保障管理事务(款)行政运行(项)', '卫生健康支出 / 医疗保障管理事务 / 行政运行'],
    ],
    ['年初预算数', 'phase', ['budget_initial', '年初预算数', '']],
    ['关于召开会议的通知', 'metric', null],
  ])('«%s» (%s): %j', (words, kind, label) => {
    expect(named(words, kind)).toEqual(label);
  });

  it('hands out the labels before 分别 in order, the longest of overlapping ones once', () => {
    const words = '基本支出和项目支出合计分别为';
    expect(labelsBefore(labelsIn(words, 0, words.length), 0).map((h) => words.slice(h.start, h.end))).toEqual(['基本支出', '项目支出合计']);
  });
});
