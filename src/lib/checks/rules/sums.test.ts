import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec } from '../fixtures';
import { checkSums, sumGroups, type SumRuleId } from './sums';

type Case = [name: string, rule: SumRuleId, figures: FigureSpec[], expected: null | 'error' | 'warning'];

const cases: Case[] = [
  ['三公 adds up', 'sum-sangong', [
    { metric: 'sangong_total', value: '0.25', unit: '万元' },
    { metric: 'sangong_abroad', value: '0', unit: '万元' },
    { metric: 'sangong_vehicle_total', value: '0', unit: '万元' },
    { metric: 'sangong_reception', value: '0.25', unit: '万元' },
  ], null],
  ['三公 parts exceed the total', 'sum-sangong', [
    { metric: 'sangong_total', value: '1.2', unit: '万元' },
    { metric: 'sangong_abroad', value: '0.5', unit: '万元' },
    { metric: 'sangong_reception', value: '0.9', unit: '万元' },
  ], 'error'],
  ['三公: all three parts stated and short of the total is an error', 'sum-sangong', [
    { metric: 'sangong_total', value: '2.00', unit: '万元' },
    { metric: 'sangong_abroad', value: '0.00', unit: '万元' },
    { metric: 'sangong_vehicle_total', value: '0.4', unit: '万元' },
    { metric: 'sangong_reception', value: '0.5', unit: '万元' },
  ], 'error'],
  ['三公: one part missing and short of the total is only a warning (a blank is not zero)', 'sum-sangong', [
    { metric: 'sangong_total', value: '2', unit: '万元' },
    { metric: 'sangong_abroad', value: '0', unit: '万元' },
    { metric: 'sangong_reception', value: '0.5', unit: '万元' },
  ], 'warning'],
  ['三公 in 元 and 万元 adds up exactly', 'sum-sangong', [
    { metric: 'sangong_total', value: '1.56', unit: '万元' },
    { metric: 'sangong_abroad', value: '0', unit: '元' },
    { metric: 'sangong_reception', value: '15600', unit: '元' },
  ], null],
  ['vehicle: purchase + operation', 'sum-vehicle', [
    { metric: 'sangong_vehicle_total', value: '3.00', unit: '万元' },
    { metric: 'sangong_vehicle_purchase', value: '1.00', unit: '万元' },
    { metric: 'sangong_vehicle_operation', value: '1.00', unit: '万元' },
  ], 'error'],
  ['whole numbers of 万元 carry half a 万元 of rounding each: 3 vs 1 + 1 may be 2.5 vs 2.5', 'sum-vehicle', [
    { metric: 'sangong_vehicle_total', value: '3', unit: '万元' },
    { metric: 'sangong_vehicle_purchase', value: '1', unit: '万元' },
    { metric: 'sangong_vehicle_operation', value: '1', unit: '万元' },
  ], null],
  ['expenditure = basic + project, rounded parts', 'sum-expenditure', [
    { metric: 'expenditure_total', value: '1,153.8', unit: '万元' },
    { metric: 'basic_expenditure', value: '300.11', unit: '万元' },
    { metric: 'project_expenditure', value: '853.7', unit: '万元' },
  ], null],
  ['expenditure in 元 parts against a 万元 total', 'sum-expenditure', [
    { metric: 'expenditure_total', value: '1027.99', unit: '万元' },
    { metric: 'basic_expenditure', value: '2836283.89', unit: '元' },
    { metric: 'project_expenditure', value: '7443590', unit: '元' },
  ], null],
  ['the budget of a phase is the whole when no 本年支出合计 is stated', 'sum-expenditure', [
    { metric: 'budget_initial', value: '205.60', unit: '万元', phase: 'budget' },
    { metric: 'basic_expenditure', value: '67.60', unit: '万元', phase: 'budget' },
    { metric: 'project_expenditure', value: '148.00', unit: '万元', phase: 'budget' },
  ], 'error'],
  ['phases are never added: a budget part does not count towards actual spending', 'sum-expenditure', [
    { metric: 'expenditure_total', value: '100', unit: '万元' },
    { metric: 'basic_expenditure', value: '60', unit: '万元' },
    { metric: 'project_expenditure', value: '70', unit: '万元', phase: 'budget' },
  ], null],
  ['basic = personnel + public', 'sum-basic', [
    { metric: 'basic_expenditure', value: '300.11', unit: '万元' },
    { metric: 'personnel_expenditure', value: '265.7', unit: '万元' },
    { metric: 'public_expenditure', value: '34.41', unit: '万元' },
  ], null],
  ['basic ≠ personnel + public', 'sum-basic', [
    { metric: 'basic_expenditure', value: '300', unit: '万元' },
    { metric: 'personnel_expenditure', value: '265.7', unit: '万元' },
    { metric: 'public_expenditure', value: '24.41', unit: '万元' },
  ], 'error'],
  ['economic classes short of the total: some classes may be unlisted', 'sum-economic', [
    { metric: 'expenditure_total', value: '1027.99', unit: '万元', phase: 'budget' },
    { metric: 'salary_welfare', value: '215.14', unit: '万元', phase: 'budget' },
    { metric: 'goods_services', value: '47.07', unit: '万元', phase: 'budget' },
    { metric: 'individual_household_subsidy', value: '19.2', unit: '万元', phase: 'budget' },
    { metric: 'capital_expenditure', value: '2.21', unit: '万元', phase: 'budget' },
  ], 'warning'],
  ['economic classes inside 基本支出 add up to 基本支出', 'sum-economic', [
    { metric: 'basic_expenditure', value: '621.16', unit: '万元' },
    { metric: 'salary_welfare', value: '431.41', unit: '万元', scope: 'basic' },
    { metric: 'goods_services', value: '173.76', unit: '万元', scope: 'basic' },
    { metric: 'individual_household_subsidy', value: '5.91', unit: '万元', scope: 'basic' },
    { metric: 'capital_expenditure', value: '10.08', unit: '万元', scope: 'basic' },
  ], null],
  ['income parts', 'sum-income', [
    { metric: 'income_total', value: '1,125.4', unit: '万元' },
    { metric: 'income_general_budget', value: '1,097', unit: '万元' },
    { metric: 'income_other', value: '28.4', unit: '万元' },
  ], null],
  ['income parts exceed the total', 'sum-income', [
    { metric: 'income_total', value: '1,000', unit: '万元' },
    { metric: 'income_general_budget', value: '1,097', unit: '万元' },
    { metric: 'income_other', value: '28.4', unit: '万元' },
  ], 'error'],
  ['functional classes under 基本支出 sum to far more than 基本支出', 'sum-functional', [
    { metric: 'basic_expenditure', value: '2836283.89', unit: '元' },
    { metric: 'functional_expenditure', value: '0', unit: '元', scope: 'basic', item: '一般公共服务支出' },
    { metric: 'functional_expenditure', value: '1753696.01', unit: '元', scope: 'basic', item: '社会保障和就业支出' },
    { metric: 'functional_expenditure', value: '8318637.88', unit: '元', scope: 'basic', item: '卫生健康支出' },
    { metric: 'functional_expenditure', value: '207540', unit: '元', scope: 'basic', item: '住房保障支出' },
  ], 'error'],
  ['functional classes: 类 add up to the total and 项 to their 类', 'sum-functional', [
    { metric: 'general_public_budget_expenditure', value: '1,097', unit: '万元' },
    { metric: 'functional_expenditure', value: '29.71', unit: '万元', item: '社会保障和就业支出' },
    { metric: 'functional_expenditure', value: '1067.29', unit: '万元', item: '卫生健康支出' },
    { metric: 'functional_expenditure', value: '19.81', unit: '万元', item: '社会保障和就业支出 / 行政事业单位养老支出 / 机关事业单位基本养老保险缴费支出' },
    { metric: 'functional_expenditure', value: '9.9', unit: '万元', item: '社会保障和就业支出 / 行政事业单位养老支出 / 机关事业单位职业年金缴费支出' },
  ], null],
  ['functional 项 exceeding their 类', 'sum-functional', [
    { metric: 'functional_expenditure', value: '29.71', unit: '万元', item: '社会保障和就业支出' },
    { metric: 'functional_expenditure', value: '19.81', unit: '万元', item: '社会保障和就业支出 / 养老 / 基本养老' },
    { metric: 'functional_expenditure', value: '19.9', unit: '万元', item: '社会保障和就业支出 / 养老 / 职业年金' },
  ], 'error'],
  ['procurement', 'sum-procurement', [
    { metric: 'procurement_total', value: '7.22', unit: '万元' },
    { metric: 'procurement_goods', value: '0', unit: '万元' },
    { metric: 'procurement_works', value: '0', unit: '万元' },
    { metric: 'procurement_services', value: '7.22', unit: '万元' },
  ], null],
  ['balance sheet: assets = liabilities + net assets', 'sum-balance-sheet', [
    { metric: 'assets_total', value: '20.4', unit: '万元' },
    { metric: 'liabilities_total', value: '0', unit: '万元' },
    { metric: 'net_assets', value: '24.4', unit: '万元' },
  ], 'error'],
  ['items: 编制 types add up', 'sum-items', [
    { metric: 'staff_count', value: '30', unit: '人', quote: '实有在职人员30人' },
    { metric: 'staff_count', value: '6', unit: '人', item: '行政编制', quote: '其中行政编制6名', sameLine: true },
    { metric: 'staff_count', value: '16', unit: '人', item: '参公编制', quote: '参公编制16名', sameLine: true },
    { metric: 'staff_count', value: '8', unit: '人', item: '事业编制', quote: '事业编制8名', sameLine: true },
  ], null],
  ['items: funding sources exceed the project budget', 'sum-items', [
    { metric: 'budget_adjusted', value: '100', unit: '万元', phase: 'adjusted', scope: '项目甲' },
    { metric: 'budget_adjusted', value: '80', unit: '万元', phase: 'adjusted', scope: '项目甲', item: '财政拨款' },
    { metric: 'budget_adjusted', value: '30', unit: '万元', phase: 'adjusted', scope: '项目甲', item: '其他资金' },
  ], 'error'],
  ['items of two breakdowns in two paragraphs are not added together', 'sum-items', [
    { metric: 'vehicle_count', value: '2', unit: '辆', quote: '共有公务用车2辆' },
    { metric: 'vehicle_count', value: '2', unit: '辆', item: '轿车', quote: '其中轿车2辆', sameLine: true },
    { metric: 'vehicle_count', value: '2', unit: '辆', quote: '共有车辆2辆', paragraph: true },
    { metric: 'vehicle_count', value: '1', unit: '辆', item: '执法执勤用车', quote: '其中执法执勤用车1辆', sameLine: true },
    { metric: 'vehicle_count', value: '1', unit: '辆', item: '其他用车', quote: '其他用车1辆', sameLine: true },
  ], null],
  ['a whole restated by a whole-naming item is not a part', 'sum-items', [
    { metric: 'budget_adjusted', value: '100', unit: '万元', phase: 'adjusted', scope: '项目乙', item: '项目资金' },
    { metric: 'budget_adjusted', value: '100', unit: '万元', phase: 'adjusted', scope: '项目乙' },
    { metric: 'budget_adjusted', value: '100', unit: '万元', phase: 'adjusted', scope: '项目乙', item: '财政拨款' },
  ], null],
];

describe.each(cases)('%s', (_name, rule, figures, expected) => {
  it(`${rule} → ${expected ?? 'no finding'}`, () => {
    const drafts = checkSums(makeInput(figures), rule);
    if (expected === null) expect(drafts).toEqual([]);
    else {
      expect(drafts).toHaveLength(1);
      expect(drafts[0]?.severity).toBe(expected);
      expect(drafts[0]?.refs.length).toBeGreaterThanOrEqual(3);
      expect(drafts[0]?.computed).not.toBe('');
    }
  });
});

describe('sum groups', () => {
  it('reports the sum of the parts and the difference exactly, in the unit of the total', () => {
    const economic = cases.find(([name]) => name.startsWith('economic classes short'));
    const [draft] = checkSums(makeInput(economic?.[2] ?? []), 'sum-economic');
    expect(draft?.stated).toBe('1027.99 万元');
    expect(draft?.computed).toBe('283.62 万元');
    expect(draft?.difference).toBe('744.37 万元');
  });

  it('does not sum a single part (that is the part-exceeds-whole rule)', () => {
    const input = makeInput([
      { metric: 'staff_quota', value: '3', unit: '人', quote: '机关行政编制3名' },
      { metric: 'staff_quota', value: '4', unit: '人', item: '行政编制', quote: '其中：行政编制4名', sameLine: true },
    ]);
    expect(sumGroups(input).find((g) => g.rule === 'sum-items')?.parts).toHaveLength(1);
    expect(checkSums(input, 'sum-items')).toEqual([]);
  });
});
