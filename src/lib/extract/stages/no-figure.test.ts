import { describe, expect, it } from 'vitest';
import { aboutFundOrScoring, afterCriterionName, comparesWithBudget, scoreOfCriterion, speculative } from './no-figure';

describe('numbers that are no figure', () => {
  it.each<[check: (words: string) => boolean, words: string, no: boolean]>([
    [aboutFundOrScoring, '全年医保基金支出3亿元', true],
    [aboutFundOrScoring, '每超过一个百分点扣0.4分，扣完为止', true],
    [aboutFundOrScoring, '自评得90分', false],
    [aboutFundOrScoring, '本年支出合计200万元', false],
    [afterCriterionName, '指标1：', true],
    [afterCriterionName, '评分标准：', true],
    [afterCriterionName, '基本支出：', false],
    [speculative, '预计全年支出', true],
    [speculative, '理论上可节约', true],
    [speculative, '全年实际支出', false],
    [comparesWithBudget, '较年初预算数减少', true],
    [comparesWithBudget, '与2022年度预算相比，增加', true],
    [comparesWithBudget, '较上年减少', false],
    [scoreOfCriterion, '该指标分值', true],
    [scoreOfCriterion, '权重', true],
    [scoreOfCriterion, '自评得分', false],
  ])('%o «%s»: %s', (check, words, no) => {
    expect(check(words)).toBe(no);
  });
});
