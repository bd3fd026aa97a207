import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec } from '../fixtures';
import { bodyYear, checkFiscalYear, checkSameQuantity } from './consistency';

describe.each<[string, FigureSpec[], number]>([
  ['300.11 and 300.1 万元: rounding, not a contradiction', [
    { metric: 'basic_expenditure', value: '300.11', unit: '万元' },
    { metric: 'basic_expenditure', value: '300.1', unit: '万元', paragraph: true },
  ], 0],
  ['1.56 万元 and 0 元 for the previous year\'s 三公', [
    { metric: 'sangong_total', value: '1.56', unit: '万元', scope: 'prior_year' },
    { metric: 'sangong_total', value: '0', unit: '元', scope: 'prior_year', paragraph: true },
  ], 1],
  ['所有固定资产总额 is the fixed assets', [
    { metric: 'fixed_assets', value: '24.44', unit: '万元' },
    { metric: 'fixed_assets', value: '20.4', unit: '万元', item: '所有固定资产总额' },
  ], 1],
  ['实际在用固定资产总额 is a part, not the same quantity', [
    { metric: 'fixed_assets', value: '24.44', unit: '万元' },
    { metric: 'fixed_assets', value: '20.4', unit: '万元', item: '实际在用固定资产总额' },
  ], 0],
  ['a ratio and a percentage of one rate', [
    { metric: 'execution_rate', value: '0.2855', unit: 'ratio', scope: '离休' },
    { metric: 'execution_rate', value: '28.55', unit: '%', scope: '离休' },
  ], 0],
  ['different phases are different quantities', [
    { metric: 'basic_expenditure', value: '490.40', unit: '万元', phase: 'budget' },
    { metric: 'basic_expenditure', value: '621.16', unit: '万元' },
  ], 0],
  ['a share and an amount are different quantities', [
    { metric: 'basic_expenditure', value: '300.11', unit: '万元' },
    { metric: 'basic_expenditure', value: '26', unit: '%' },
  ], 0],
  ['元 and 万元 of one amount, within rounding', [
    { metric: 'basic_expenditure', value: '2836283.89', unit: '元' },
    { metric: 'basic_expenditure', value: '283.63', unit: '万元' },
  ], 0],
])('same-quantity: %s', (_name, figures, count) => {
  it(`→ ${count}`, () => expect(checkSameQuantity(makeInput(figures))).toHaveLength(count));
});

describe.each<[string, string, number, string, number]>([
  ['the title says 2022 but the body describes 2021年度', '源城区 2022 年财政支出 绩效自评报告', 2021, '2021年度下达资金…2021 年度支出…(2021 年度)', 1],
  ['title and body agree', '2022年度 测试单位 部门决算', 2022, '2022年度收支…2022年度支出', 0],
  ['a title without a year', '部门单位整体支出绩效 自评报告', 2023, '2023 年度综合得分', 0],
  ['the body does not say otherwise', '2022 年绩效自评报告', 2021, '2022 年度征缴工作', 0],
])('fiscal-year: %s', (_name, title, year, body, count) => {
  it(`→ ${count}`, () => {
    const drafts = checkFiscalYear(makeInput([], { title, year, before: body }));
    expect(drafts).toHaveLength(count);
    if (count > 0) expect(drafts[0]?.refs.map((r) => r.quote)[0]).toContain('2022');
  });
});

describe('bodyYear', () => {
  it('finds the year written most often as YYYY年度', () => {
    expect(bodyYear('2021年度 2021 年度 2022年度', 0)?.year).toBe(2021);
    expect(bodyYear('no years', 0)).toBeNull();
  });
});
