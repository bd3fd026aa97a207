import { describe, expect, it } from 'vitest';
import { readStatement, type StatementWords } from './statement';

const words = (over: Partial<StatementWords>): StatementWords => ({
  written: '5',
  minus: false,
  metric: 'sangong_total',
  scope: '',
  afterLabel: '',
  beforeLabel: '',
  clause: '',
  sentenceBefore: '',
  year: 2022,
  sentenceAboutEarlierYear: false,
  ...over,
});

describe('readStatement: a change, the previous year, or the amount itself', () => {
  it.each<[name: string, over: Partial<StatementWords>, value: string, scope: string, isChange: boolean]>([
    ['the amount itself', { afterLabel: '为' }, '5', '', false],
    ['a decrease from last year', { afterLabel: '较上年减少', sentenceBefore: '“三公”经费较上年减少' }, '-5', 'change_vs_prior', true],
    [
      'change words before the label',
      { beforeLabel: '较上年减少', afterLabel: '', sentenceBefore: '较上年减少部门支出' },
      '-5',
      'change_vs_prior',
      true,
    ],
    ['the previous year', { afterLabel: '上年为', clause: '“三公”经费上年为' }, '5', 'prior_year', false],
    ['a scope it had stays', { scope: 'basic', afterLabel: '为' }, '5', 'basic', false],
    ['an adjustment written as a cut', { metric: 'budget_adjustment', clause: '年中调减' }, '-5', '', false],
    ['an adjustment with its minus', { metric: 'budget_adjustment', minus: true }, '-5', '', false],
  ])('%s', (_name, over, value, scope, isChange) => {
    expect(readStatement(words(over))).toEqual({ value, scope, isChange });
  });
});
