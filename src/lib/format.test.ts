import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercentString, formatRate, formatStated, formatWanYuan, formatYuan } from './format';
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
