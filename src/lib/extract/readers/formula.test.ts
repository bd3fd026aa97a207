import { describe, expect, it } from 'vitest';
import { rateFormulas } from './formula';

describe('rateFormulas: a rate and the arithmetic behind it', () => {
  it.each<[text: string, rate: [string, string | null], numerator: string[], denominator: string]>([
    [
      '“三公经费”控制率1.04=(“三公经费”实际支出数15639/“三公经费”预算安排数15000)×100%。',
      ['“三公经费”控制率', '1.04'],
      ['“三公经费”实际支出数 15639'],
      '“三公经费”预算安排数 15000',
    ],
    ['预算调整率0=(预算调整数0/预算数10279873.89)×100%', ['预算调整率', '0'], ['预算调整数 0'], '预算数 10279873.89'],
    // a change over the previous year, the rate itself not stated
    [
      '“三公经费”变动率=[(本年度“三公经费”总额15639-上年度“三公经费”总额0)/上年度“三公经费”总额0]×100%',
      ['“三公经费”变动率', null],
      ['本年度“三公经费”总额 15639', '上年度“三公经费”总额 0'],
      '上年度“三公经费”总额 0',
    ],
    ['在职人员控制率 0.82 = ( 在职人员数 23 / 编制数 28 ) x 100%', ['在职人员控制率', '0.82'], ['在职人员数 23'], '编制数 28'],
  ])('%s', (text, [rateLabel, rateValue], numerator, denominator) => {
    const [formula, ...more] = rateFormulas(text);
    expect(more).toEqual([]);
    expect(formula?.rate.label).toBe(rateLabel);
    expect(formula?.rate.value).toBe(rateValue);
    const show = (p: { label: string; value: string; labelStart: number; valueStart: number; valueEnd: number }) => {
      // offsets point at the words and the number in the text
      expect(text.slice(p.labelStart, p.labelStart + p.label.length)).toBe(p.label);
      expect(text.slice(p.valueStart, p.valueEnd)).toBe(p.value);
      return `${p.label} ${p.value}`;
    };
    expect(formula?.numerator.map(show)).toEqual(numerator);
    expect(formula && show(formula.denominator)).toBe(denominator);
    if (formula?.rate.value) expect(text.slice(formula.rate.valueStart, formula.rate.valueEnd)).toBe(rateValue);
  });

  it.each([
    ['a rate without its arithmetic', '预算执行率98%'],
    ['a rule, not a formula', '预算调整率=0，计4分；'],
    ['a fraction not ×100%', '人均支出=支出总额500/人数10'],
  ])('none in %s', (_name, text) => {
    expect(rateFormulas(text)).toEqual([]);
  });
});
