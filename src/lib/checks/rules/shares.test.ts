import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec } from '../fixtures';
import { checkShares } from './shares';

const lukouBasic = (capitalShare: string): FigureSpec[] => [
  { metric: 'basic_expenditure', value: '621.16', unit: '万元' },
  { metric: 'salary_welfare', value: '431.41', unit: '万元', scope: 'basic', sameLine: true },
  { metric: 'salary_welfare', value: '69.45', unit: '%', scope: 'basic', sameLine: true },
  { metric: 'goods_services', value: '173.76', unit: '万元', scope: 'basic', sameLine: true },
  { metric: 'goods_services', value: '27.97', unit: '%', scope: 'basic', sameLine: true },
  { metric: 'individual_household_subsidy', value: '5.91', unit: '万元', scope: 'basic', sameLine: true },
  { metric: 'individual_household_subsidy', value: '0.95', unit: '%', scope: 'basic', sameLine: true },
  { metric: 'capital_expenditure', value: '10.08', unit: '万元', scope: 'basic', sameLine: true },
  { metric: 'capital_expenditure', value: capitalShare, unit: '%', scope: 'basic', sameLine: true },
];

describe.each<[string, FigureSpec[], string[]]>([
  ['shares that match their amounts', lukouBasic('1.62'), []],
  ['1.63% for 1.6228%: one unit of the last digit, the shares forced to 100% — a note, not an error', lukouBasic('1.63'), ['info']],
  ['2.63% for 1.6228%: a contradiction', lukouBasic('2.63'), ['error']],
  ['a share of 97.5% rounded from 97.476%', [
    { metric: 'income_total', value: '1,125.4', unit: '万元' },
    { metric: 'income_general_budget', value: '1,097', unit: '万元' },
    { metric: 'income_general_budget', value: '97.5', unit: '%' },
  ], []],
  ['a whole-number share carries the rounding of its amounts: 26% of 1,153.8', [
    { metric: 'expenditure_total', value: '1,153.8', unit: '万元' },
    { metric: 'basic_expenditure', value: '300.11', unit: '万元' },
    { metric: 'basic_expenditure', value: '26', unit: '%' },
  ], []],
  ['a share of a zero whole cannot be computed', [
    { metric: 'sangong_total', value: '0', unit: '万元' },
    { metric: 'sangong_reception', value: '0.25', unit: '万元' },
    { metric: 'sangong_reception', value: '100', unit: '%' },
  ], ['warning']],
  ['0 of 0 stated as 0% says nothing wrong', [
    { metric: 'sangong_total', value: '0', unit: '万元' },
    { metric: 'sangong_abroad', value: '0', unit: '万元' },
    { metric: 'sangong_abroad', value: '0', unit: '%' },
  ], []],
  ['no amount of the whole stated: nothing to compare', [
    { metric: 'sangong_reception', value: '0.25', unit: '万元' },
    { metric: 'sangong_reception', value: '100', unit: '%' },
  ], []],
  ['a rate of change is not a share', [
    { metric: 'grand_total', value: '1,153.8', unit: '万元' },
    { metric: 'grand_total', value: '-48.2', unit: '%', scope: 'change_vs_prior' },
  ], []],
])('%s', (_name, figures, expected) => {
  it(`→ ${expected.join(',') || 'no finding'}`, () => {
    expect(checkShares(makeInput(figures)).map((d) => d.severity)).toEqual(expected);
  });
});

describe('share findings', () => {
  it('state the computed share exactly and the difference in percentage points', () => {
    const [d] = checkShares(makeInput(lukouBasic('1.63')));
    expect(d?.computed).toBe('1.6228%');
    expect(d?.difference).toBe('0.0072 个百分点');
    expect(d?.message).toContain('100%');
  });
});
