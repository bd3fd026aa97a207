import { describe, expect, it } from 'vitest';
import { formatAmount, formatExcerpt, formatFigure, formatUnitShortName, formatNumber, formatPercentString, formatRate, formatStated, formatStatedForTable, formatWanYuan, formatYuan } from './format';
import type { MeasureUnit } from '../schemas/vocabulary';

describe('formatWanYuan', () => {
  it.each([
    ['11538000', '1,153.8 万元'],
    ['2836283.89', '283.628389 万元'],
    ['2500', '0.25 万元'],
    ['-2900', '-0.29 万元'],
    ['-10755000', '-1,075.5 万元'],
    ['0.01', '0.000001 万元'],
    ['0', '0 万元'],
    ['12345678901234567.89', '1,234,567,890,123.456789 万元'], // beyond float precision, still exact
    ['', ''],
    ['abc', 'abc'],
  ])('%j 元 → %j', (yuan, expected) => {
    expect(formatWanYuan(yuan)).toBe(expected);
  });

  it.each([
    ['en-US', '11538000', '1,153.8 万元'],
    ['de-DE', '11538000', '1.153,8 万元'],
    ['de-DE', '-2900', '-0,29 万元'],
  ])('locale %s: %j → %j', (locale, yuan, expected) => {
    expect(formatWanYuan(yuan, locale)).toBe(expected);
  });
});

describe('formatYuan', () => {
  it.each([
    ['2836283.89', '2,836,283.89 元'],
    ['11538000', '11,538,000 元'],
    ['-2900', '-2,900 元'],
    ['0.1', '0.1 元'],
    ['0', '0 元'],
    ['12345678901234567.89', '12,345,678,901,234,567.89 元'],
    ['1,153.8', '1,153.8 元'],
    ['', ''],
    ['abc', 'abc'],
    ['1.2.3', '1.2.3'],
  ])('%j → %j', (yuan, expected) => {
    expect(formatYuan(yuan)).toBe(expected);
  });

  it('takes the locale as a parameter', () => {
    expect(formatYuan('2836283.89', 'de-DE')).toBe('2.836.283,89 元');
  });
});

describe('formatRate', () => {
  it.each<[string, MeasureUnit, string]>([
    ['97.5', '%', '97.5%'],
    ['60.7', '%', '60.7%'],
    ['100', '%', '100%'],
    ['27.866', '%', '27.87%'],
    ['0.035', '%', '0.04%'],
    ['-48.2', '%', '-48.2%'],
    ['１００', '%', '100%'],
    ['0.628571429', 'ratio', '62.86%'],
    ['0.975', 'ratio', '97.5%'],
    ['1', 'ratio', '100%'],
    ['1.0005', 'ratio', '100.05%'],
    ['0.00035', 'ratio', '0.04%'], // 0.00035 × 100 in floating point is 0.034999…
    ['0.00115', 'ratio', '0.12%'],
    ['0.00195', 'ratio', '0.2%'],
    ['-0.125', 'ratio', '-12.5%'],
    ['abc', '%', 'abc'],
    ['1.2.3', 'ratio', '1.2.3'],
  ])('%j %s → %j', (value, unit, expected) => {
    expect(formatRate(value, unit)).toBe(expected);
  });

  it('a ratio and the same rate in % look the same', () => {
    for (let i = 0; i <= 2000; i++) {
      const ratio = (i / 100000).toFixed(5);
      const percent = (i / 1000).toFixed(3);
      expect(formatRate(ratio, 'ratio'), `${ratio} vs ${percent}%`).toBe(formatRate(percent, '%'));
    }
  });

  it('takes the locale as a parameter', () => {
    expect(formatRate('0.628571429', 'ratio', 'de-DE')).toBe('62,86%');
  });
});

describe('formatStated', () => {
  it.each<[string, MeasureUnit, string]>([
    ['1,153.8', '万元', '1,153.8 万元'],
    ['2836283.89', '元', '2836283.89 元'],
    ['0.628571429', 'ratio', '0.628571429（比值）'],
    ['97.5', '%', '97.5%'],
    ['23', '人', '23 人'],
    ['95', '分', '95 分'],
    ['2', '辆', '2 辆'],
    ['1', '台套', '1 台套'],
    ['-1,075.5', '万元', '-1,075.5 万元'],
  ])('%j %s → %j', (value, unit, expected) => {
    expect(formatStated(value, unit)).toBe(expected);
  });
});

describe('formatPercentString and formatNumber', () => {
  it.each([
    ['27.87', '27.87%'],
    ['100', '100%'],
    ['1234.5', '1,234.5%'],
    ['-0.13', '-0.13%'],
  ])('formatPercentString(%j) → %j', (percent, expected) => {
    expect(formatPercentString(percent)).toBe(expected);
  });

  it.each([
    ['1097', '1,097'],
    ['１２３．４５', '123.45'],
    ['0.628571429', '0.628571429'],
    ['-1,075.5', '-1,075.5'],
    ['abc', 'abc'],
  ])('formatNumber(%j) → %j', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('formatAmount: 万元 when exact with two decimals at most, else 元', () => {
  it.each([
    ['11538000', '1,153.8 万元'],
    ['2500', '0.25 万元'],
    ['-2900', '-0.29 万元'],
    ['0', '0 万元'],
    ['100', '0.01 万元'],
    ['15639', '15,639 元'], // not "1.5639 万元"
    ['2836283.89', '2,836,283.89 元'],
    ['50', '50 元'],
    ['1200.00', '0.12 万元'],
    ['', ''],
    ['abc', 'abc'],
  ])('%j 元 → %j', (yuan, expected) => {
    expect(formatAmount(yuan)).toBe(expected);
  });

  it('is what formatFigure shows for money', () => {
    expect(formatFigure({ value: '15,639', unit: '元', value_yuan: '15639' })).toBe('15,639 元');
  });
});

describe('formatStatedForTable: a ratio as the percentage it means, beside stated percentages', () => {
  it.each<[string, MeasureUnit, string]>([
    ['0.628571429', 'ratio', '62.86%'],
    ['1', 'ratio', '100%'],
    ['60.7', '%', '60.7%'],
    ['1,153.8', '万元', '1,153.8 万元'],
    ['23', '人', '23 人'],
  ])('%j %s → %j', (value, unit, expected) => {
    expect(formatStatedForTable(value, unit)).toBe(expected);
  });
});

describe('formatExcerpt', () => {
  it.each([
    ['1. **因公出国（境）经费**支出0万元', '1. 因公出国（境）经费支出0万元'],
    ['__公务接待费__支出0.25万元，**完成**预算', '公务接待费支出0.25万元，完成预算'],
    ['单个 ** 星号不是强调', '单个 ** 星号不是强调'],
    ['** 两侧有空格 ** 不是强调', '** 两侧有空格 ** 不是强调'],
    ['一、收入支出决算总表', '一、收入支出决算总表'],
    ['甲'.repeat(61), `${'甲'.repeat(59)}…`],
    ['𠀀'.repeat(61), `${'𠀀'.repeat(59)}…`], // cut between characters, never inside a surrogate pair
  ])('%j → %j', (line, expected) => {
    expect(formatExcerpt(line)).toBe(expected);
  });
});

describe('formatUnitShortName: a chart label that says which unit', () => {
  it.each([
    ['区医疗保障局', '新市区', '新市区医疗保障局'],
    ['医保局', '炎陵县', '炎陵县医保局'],
    ['渌口区医保局', '渌口区', '渌口区医保局'],
    ['市医保局源城分局', '源城区', '市医保局源城分局'],
    ['市中区医保局', '市中区', '市中区医保局'],
    ['县医保局', '韶山市', '韶山市县医保局'],
  ])('%j in %j → %j', (short_name, county, expected) => {
    expect(formatUnitShortName({ short_name, county })).toBe(expected);
  });
});
