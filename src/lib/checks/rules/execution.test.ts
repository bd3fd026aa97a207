import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec } from '../fixtures';
import { checkExecutionClaims, checkExecutionRates, checkOverBudget, checkRateOutsideParts, checkSangongOverBudget, metricNamedBy, namedDenominator } from './execution';

const urumqi = (rate: string, words = '预算执行率为'): FigureSpec[] => [
  { metric: 'budget_initial', value: '205.60', unit: '万元', phase: 'budget', quote: '年初预算数为 205.60 万元' },
  { metric: 'budget_adjusted', value: '202.00', unit: '万元', phase: 'adjusted', quote: '全年预算数为 202.00 万元' },
  { metric: 'budget_executed', value: '82.35', unit: '万元', quote: '全年实际支出资金 82.35 万元', sameLine: true },
  { metric: 'execution_rate', value: rate, unit: '%', quote: `${words} ${rate}%`, sameLine: true },
];

describe.each<[string, FigureSpec[], string[]]>([
  ['40.77% = 82.35 ÷ 202.00 (调整后)', urumqi('40.77'), []],
  ['40.05% = 82.35 ÷ 205.60 (年初)', urumqi('40.05'), []],
  ['45% matches no denominator', urumqi('45'), ['error']],
  ['names 年初 but only 调整后 matches', urumqi('40.77', '按年初预算计算执行率为'), ['warning']],
  ['a ratio written as a decimal, to nine places', [
    { metric: 'budget_adjusted', value: '21', unit: '万元', phase: 'adjusted', scope: '工作经费' },
    { metric: 'budget_executed', value: '13.2', unit: '万元', scope: '工作经费', sameLine: true },
    { metric: 'execution_rate', value: '0.628571429', unit: 'ratio', scope: '工作经费', sameLine: true },
  ], []],
  ['the pair of the same line item: 196.9 of the 706.6 budgeted', [
    { metric: 'project_expenditure', value: '853.7', unit: '万元' },
    { metric: 'project_expenditure', value: '706.6', unit: '万元', phase: 'budget', item: '财政预算安排项目' },
    { metric: 'project_expenditure', value: '196.9', unit: '万元', item: '财政预算安排项目', sameLine: true },
    { metric: 'execution_rate', value: '27.87', unit: '%', scope: 'project', sameLine: true },
  ], []],
  ['a rate of 一般公共预算支出 is checked against that fund, not against all funds', [
    { metric: 'expenditure_total', value: '1200', unit: '万元', phase: 'adjusted' },
    { metric: 'expenditure_total', value: '1100', unit: '万元' },
    { metric: 'general_public_budget_expenditure', value: '1000', unit: '万元', phase: 'adjusted' },
    { metric: 'general_public_budget_expenditure', value: '1000', unit: '万元' },
    { metric: 'execution_rate', value: '100', unit: '%', item: '一般公共预算支出' },
  ], []],
  ['下达资金 as the denominator', [
    { metric: 'funds_allocated', value: '926.47', unit: '万元', scope: '医疗救助' },
    { metric: 'budget_executed', value: '701.23', unit: '万元', scope: '医疗救助' },
    { metric: 'execution_rate', value: '75.7', unit: '%', scope: '医疗救助', item: '按当年下达资金计算' },
  ], []],
  ['an item naming 三公 uses the 三公 amounts', [
    { metric: 'sangong_total', value: '15639', unit: '元' },
    { metric: 'sangong_total', value: '15000', unit: '元', phase: 'budget' },
    { metric: 'execution_rate', value: '1.04', unit: 'ratio', item: '“三公经费”控制率' },
  ], []],
  ['a zero budget cannot give a rate', [
    { metric: 'budget_adjusted', value: '0', unit: '万元', phase: 'adjusted', scope: '项目丙' },
    { metric: 'budget_executed', value: '5', unit: '万元', scope: '项目丙' },
    { metric: 'execution_rate', value: '100', unit: '%', scope: '项目丙' },
  ], ['warning']],
  ['no amounts for a line item: blanks are not zeros', [
    { metric: 'budget_adjusted', value: '80.96', unit: '万元', phase: 'adjusted', scope: '项目丁', item: '财政拨款' },
    { metric: 'execution_rate', value: '0.0', unit: '%', scope: '项目丁', item: '财政拨款' },
  ], []],
])('execution-rate: %s', (_name, figures, expected) => {
  it(`→ ${expected.join(',') || 'no finding'}`, () => {
    expect(checkExecutionRates(makeInput(figures)).map((d) => d.severity)).toEqual(expected);
  });
});

const leshanClaim: FigureSpec[] = [
  { metric: 'execution_rate', value: '100', unit: '%', item: '一般公共预算支出', quote: '一般公共预算支出决算数为1,097万元，完成预算100%' },
  { metric: 'execution_rate', value: '27.87', unit: '%', scope: 'project', quote: '项目执行率为27.87%', paragraph: true },
  { metric: 'budget_adjusted', value: '100', unit: '万元', phase: 'adjusted', scope: '离休人员医疗费用', paragraph: true },
  { metric: 'budget_executed', value: '28.55', unit: '万元', scope: '离休人员医疗费用' },
];

describe.each<[string, FigureSpec[], string[]]>([
  ['完成预算100% while projects are at 27.87%', leshanClaim, ['error']],
  ['a part above 100% may offset: a question, not a contradiction', [
    ...leshanClaim,
    { metric: 'execution_rate', value: '130', unit: '%', scope: 'basic' },
  ], ['warning']],
  ['every part at 100%', [
    { metric: 'execution_rate', value: '100', unit: '%', item: '一般公共预算支出' },
    { metric: 'execution_rate', value: '100', unit: '%', scope: 'project' },
  ], []],
  ['a claim about 三公 only is not a claim about the whole unit', [
    { metric: 'execution_rate', value: '100', unit: '%', item: '“三公”经费' },
    { metric: 'execution_rate', value: '27.87', unit: '%', scope: 'project' },
  ], []],
])('execution-claim: %s', (_name, figures, expected) => {
  it(`→ ${expected.join(',') || 'no finding'}`, () => {
    const drafts = checkExecutionClaims(makeInput(figures, { after: '机关事业单位基本养老保险缴费支出: 完成预算100%, 决算数与预算数持平。' }));
    expect(drafts.map((d) => d.severity)).toEqual(expected);
    if (expected.length > 0) {
      expect(drafts[0]?.refs.some((r) => r.kind === 'text' && r.quote.includes('持平'))).toBe(true);
      expect(drafts[0]?.message).toContain('27.87%');
    }
  });
});

describe.each<[string, FigureSpec[], string[]]>([
  ['a total rate outside its parts (all 0.0%, total 60.7%)', [
    { metric: 'budget_adjusted', value: '1155.5', unit: '万元', phase: 'adjusted', scope: '救助' },
    { metric: 'execution_rate', value: '60.7', unit: '%', scope: '救助' },
    { metric: 'budget_adjusted', value: '926.47', unit: '万元', phase: 'adjusted', scope: '救助', item: '财政拨款' },
    { metric: 'execution_rate', value: '0.0', unit: '%', scope: '救助', item: '财政拨款' },
    { metric: 'budget_adjusted', value: '229.03', unit: '万元', phase: 'adjusted', scope: '救助', item: '上年结余' },
    { metric: 'execution_rate', value: '0.0', unit: '%', scope: '救助', item: '上年结余' },
  ], ['warning']],
  ['a total between its parts', [
    { metric: 'budget_adjusted', value: '100', unit: '万元', phase: 'adjusted', scope: '救助' },
    { metric: 'execution_rate', value: '50', unit: '%', scope: '救助' },
    { metric: 'budget_adjusted', value: '50', unit: '万元', phase: 'adjusted', scope: '救助', item: '甲' },
    { metric: 'execution_rate', value: '20', unit: '%', scope: '救助', item: '甲' },
    { metric: 'budget_adjusted', value: '50', unit: '万元', phase: 'adjusted', scope: '救助', item: '乙' },
    { metric: 'execution_rate', value: '80', unit: '%', scope: '救助', item: '乙' },
  ], []],
  ['parts that are not the whole budget prove nothing', [
    { metric: 'budget_adjusted', value: '100', unit: '万元', phase: 'adjusted', scope: '救助' },
    { metric: 'execution_rate', value: '90', unit: '%', scope: '救助' },
    { metric: 'budget_adjusted', value: '10', unit: '万元', phase: 'adjusted', scope: '救助', item: '甲' },
    { metric: 'execution_rate', value: '20', unit: '%', scope: '救助', item: '甲' },
    { metric: 'budget_adjusted', value: '10', unit: '万元', phase: 'adjusted', scope: '救助', item: '乙' },
    { metric: 'execution_rate', value: '30', unit: '%', scope: '救助', item: '乙' },
  ], []],
])('rate-outside-parts: %s', (_name, figures, expected) => {
  it(`→ ${expected.join(',') || 'no finding'}`, () => {
    expect(checkRateOutsideParts(makeInput(figures)).map((d) => d.severity)).toEqual(expected);
  });
});

describe.each<[string, FigureSpec[], string | undefined, number]>([
  ['basic spending at 126.7% of its budget, while "没有偏离"', [
    { metric: 'basic_expenditure', value: '490.40', unit: '万元', phase: 'budget' },
    { metric: 'basic_expenditure', value: '621.16', unit: '万元' },
  ], '2022年本单位预算支出执行没有偏离绩效目标的情况。', 1],
  ['5% above budget is not far above', [
    { metric: 'basic_expenditure', value: '100', unit: '万元', phase: 'budget' },
    { metric: 'basic_expenditure', value: '105', unit: '万元' },
  ], undefined, 0],
  ['above the initial budget but within the adjusted one', [
    { metric: 'basic_expenditure', value: '67.60', unit: '万元', phase: 'budget' },
    { metric: 'basic_expenditure', value: '82.00', unit: '万元', phase: 'adjusted' },
    { metric: 'basic_expenditure', value: '80.10', unit: '万元' },
  ], undefined, 0],
  ['a project executed far above its budget', [
    { metric: 'budget_initial', value: '100', unit: '万元', phase: 'budget', scope: '项目' },
    { metric: 'budget_executed', value: '323', unit: '万元', scope: '项目' },
  ], undefined, 1],
])('over-budget: %s', (_name, figures, after, count) => {
  it(`→ ${count}`, () => {
    const drafts = checkOverBudget(makeInput(figures, after ? { after } : {}));
    expect(drafts).toHaveLength(count);
    if (after && count > 0) expect(drafts[0]?.message).toContain('没有偏离');
  });
});

describe.each<[string, FigureSpec[], number]>([
  ['三公 15639 元 above its 15000 元 budget', [
    { metric: 'sangong_total', value: '15000', unit: '元', phase: 'budget' },
    { metric: 'sangong_total', value: '15639', unit: '元' },
  ], 1],
  ['三公 within its budget', [
    { metric: 'sangong_total', value: '1.5', unit: '万元', phase: 'budget' },
    { metric: 'sangong_total', value: '1.45', unit: '万元' },
  ], 0],
  ['三公 above the initial but within the adjusted budget', [
    { metric: 'sangong_total', value: '1.5', unit: '万元', phase: 'budget' },
    { metric: 'sangong_total', value: '2', unit: '万元', phase: 'adjusted' },
    { metric: 'sangong_total', value: '1.8', unit: '万元' },
  ], 0],
])('sangong-over-budget: %s', (_name, figures, count) => {
  it(`→ ${count}`, () => {
    expect(checkSangongOverBudget(makeInput(figures))).toHaveLength(count);
  });
});

describe('reading the words of a rate', () => {
  it.each<[string, string | undefined]>([
    ['按年初预算数计算', 'budget'],
    ['全年预算数为 202.00 万元', 'adjusted'],
    ['调整后预算', 'adjusted'],
    ['按当年下达资金计算', 'allocated'],
    ['支出率', undefined],
  ])('%s → %s', (words, kind) => expect(namedDenominator(words)).toBe(kind));

  it.each<[string, string | undefined]>([
    ['“三公”经费', 'sangong_total'],
    ['公务用车购置及运行维护费', 'sangong_vehicle_total'],
    ['日常公用经费控制率', 'public_expenditure'],
    ['卫生健康支出 / 公共卫生 / 重大公共卫生服务', undefined],
  ])('%s → %s', (item, metric) => expect(metricNamedBy(item)).toBe(metric));
});
