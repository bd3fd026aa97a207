import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec, type IndicatorSpec } from '../fixtures';
import { checkOutOfRange } from './range';

describe.each<[string, FigureSpec[], IndicatorSpec[], string[]]>([
  ['a negative amount', [{ metric: 'expenditure_total', value: '-5', unit: '万元' }], [], ['error']],
  ['a negative change is fine', [{ metric: 'expenditure_total', value: '-5', unit: '万元', scope: 'change_vs_prior' }], [], []],
  ['a negative budget adjustment is fine', [{ metric: 'budget_adjustment', value: '-3.60', unit: '万元', phase: 'adjusted' }], [], []],
  ['a share above 100%', [{ metric: 'basic_expenditure', value: '126', unit: '%' }], [], ['error']],
  ['a share of exactly 100% is fine', [{ metric: 'sangong_reception', value: '100', unit: '%' }], [], []],
  ['an execution rate above 100% is possible', [{ metric: 'execution_rate', value: '126.7', unit: '%' }], [], []],
  ['a rate of change above 100% is possible', [{ metric: 'expenditure_total', value: '150', unit: '%', scope: 'change_vs_prior' }], [], []],
  ['a score above its weight', [], [{ level3: '经济效益', weight: '4', score: '12' }], ['error']],
  ['a score equal to its weight', [], [{ level3: '经济效益', weight: '4', score: '4' }], []],
  ['a blank score is not checked', [], [{ level3: '社会效益', weight: '4', score: '' }], []],
  ['a negative score and weight', [], [{ level3: '甲', weight: '-1', score: '-2' }], ['error', 'error']],
])('%s', (_name, figures, indicators, expected) => {
  it(`→ ${expected.join(',') || 'no finding'}`, () => {
    expect(checkOutOfRange(makeInput(figures, { indicators })).map((d) => d.severity)).toEqual(expected);
  });
});
