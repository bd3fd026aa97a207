import { describe, expect, it } from 'vitest';
import { readChange } from './change';

describe('readChange: a change from the previous year and its sign', () => {
  it.each<[between: string, sentenceBefore: string, written: string, isChange: boolean, value: string]>([
    ['较上年减少', '公务接待费支出0.8万元,较上年减少', '0.29', true, '-0.29'],
    ['较上年增加', '本年支出合计200万元,较上年增加', '10', true, '10'],
    ['增加(减少)', '本年支出合计200万元,较上年增加(减少)', '0', true, '0'],
    ['减少', '比2021年度', '0', true, '0'],
    ['下降', '与2021年相比,下降', '48.2', true, '-48.2'],
    ['为', '本年支出合计为', '200', false, '200'],
    ['同比增加', '资本性支出31500元,同比增加', '21500', true, '21500'],
    ['', '公务接待费', '1.2', false, '1.2'],
    // a decrease already written with its minus keeps one
    ['减少', '较上年减少', '-5', true, '-5'],
  ])('«%s» in «%s» %s', (between, sentenceBefore, written, isChange, value) => {
    expect(readChange(between, sentenceBefore, written)).toEqual({ isChange, value });
  });
});
