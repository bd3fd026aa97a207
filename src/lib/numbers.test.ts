import { describe, expect, it } from 'vitest';
import {
  approximate,
  numbersIn,
  canonicalDigits,
  formatScaled,
  fullWidthFormsOf,
  isStatedNumber,
  parseStatedNumber,
  scaleExact,
  statedDecimals,
  toHalfWidth,
} from './numbers';

describe('toHalfWidth', () => {
  it.each([
    ['１２３．４５', '123.45'],
    ['１，１５３．８', '1,153.8'],
    ['占９７．５％', '占97.5%'],
    ['（单位：万元）', '(单位:万元)'],
    ['－０．２９', '-0.29'],
    ['１＋１／２', '1+1/2'],
    ['全角　空格', '全角 空格'],
    ['already 1,153.8', 'already 1,153.8'],
    ['汉字不变。、', '汉字不变。、'],
  ])('%j → %j', (input, expected) => {
    const out = toHalfWidth(input);
    expect(out).toBe(expected);
    expect(out).toHaveLength(input.length);
  });
});

describe('fullWidthFormsOf: the forms toHalfWidth turns into a character', () => {
  it.each<[ascii: string, forms: string[]]>([
    ['7', ['７']],
    ['0', ['０']],
    ['(', ['（']],
    [':', ['：']],
    ['%', ['％']],
    ['-', ['－']],
    ['a', []],
    ['经', []],
  ])('%j → %j', (ascii, forms) => {
    expect(fullWidthFormsOf(ascii)).toEqual(forms);
    for (const form of forms) expect(toHalfWidth(form)).toBe(ascii);
  });
});

describe('parseStatedNumber', () => {
  it.each([
    ['1,153.8', { negative: false, integer: '1153', fraction: '8' }],
    ['１，１５３．８', { negative: false, integer: '1153', fraction: '8' }],
    ['１２３．４５', { negative: false, integer: '123', fraction: '45' }],
    ['2836283.89', { negative: false, integer: '2836283', fraction: '89' }],
    ['205.60', { negative: false, integer: '205', fraction: '60' }],
    ['1,000,000', { negative: false, integer: '1000000', fraction: '' }],
    ['0.628571429', { negative: false, integer: '0', fraction: '628571429' }],
    ['0', { negative: false, integer: '0', fraction: '' }],
    ['007', { negative: false, integer: '7', fraction: '' }],
    ['-0.29', { negative: true, integer: '0', fraction: '29' }],
    ['-1,075.5', { negative: true, integer: '1075', fraction: '5' }],
    ['－４８．２', { negative: true, integer: '48', fraction: '2' }],
    [' 12 ', { negative: false, integer: '12', fraction: '' }],
  ])('%j', (input, expected) => {
    expect(parseStatedNumber(input)).toEqual(expected);
    expect(isStatedNumber(input)).toBe(true);
  });

  it.each([
    [''],
    [' '],
    ['1.2.3'],
    ['1,23'],
    ['1,2345'],
    ['12,34.5'],
    ['abc'],
    ['1e5'],
    ['1E5'],
    ['.5'],
    ['5.'],
    ['+5'],
    ['--5'],
    ['-'],
    ['1 000'],
    ['12万'],
    ['97.5%'],
    ['0x10'],
    ['Infinity'],
    ['NaN'],
  ])('%j is not a stated number', (input) => {
    expect(parseStatedNumber(input)).toBeNull();
    expect(isStatedNumber(input)).toBe(false);
  });
});

describe('canonicalDigits and statedDecimals', () => {
  it.each([
    ['1,153.8', '1153.8', 1],
    ['１，１５３．８', '1153.8', 1],
    ['205.60', '205.60', 2],
    ['205.6', '205.6', 1],
    ['-1,075.5', '1075.5', 1],
    ['1,097', '1097', 0],
    ['0.628571429', '0.628571429', 9],
    ['00.50', '0.50', 2],
    ['1.2.3', '', 0],
    ['', '', 0],
  ])('%j → %j with %i decimals', (input, digits, decimals) => {
    expect(canonicalDigits(input)).toBe(digits);
    expect(statedDecimals(input)).toBe(decimals);
  });
});

describe('scaleExact', () => {
  it.each([
    ['1,153.8', 6, 1_153_800_000n],
    ['2836283.89', 2, 283_628_389n],
    ['0.25', 6, 250_000n],
    ['-0.29', 6, -290_000n],
    ['205.60', 2, 20_560n],
    ['1.50', 1, 15n], // trailing zeros beyond the scale are exact
    ['0', 2, 0n],
    ['-0', 2, 0n],
    ['１２３．４５', 2, 12_345n],
    ['7', 0, 7n],
  ])('%j at scale %i → %s', (value, scale, expected) => {
    expect(scaleExact(value, scale)).toBe(expected);
  });

  it.each([
    ['0.123', 2],
    ['0.1234567', 6],
    ['1.5', 0],
    ['1.2.3', 2],
    ['abc', 2],
    ['', 2],
  ])('%j at scale %i → null', (value, scale) => {
    expect(scaleExact(value, scale)).toBeNull();
  });
});

describe('formatScaled', () => {
  it.each([
    [283_628_389n, 2, '2836283.89'],
    [1_153_800_000n, 2, '11538000'],
    [1_153_800_000n, 6, '1153.8'],
    [-290_000n, 6, '-0.29'],
    [-5n, 2, '-0.05'],
    [5n, 6, '0.000005'],
    [0n, 2, '0'],
    [1200n, 2, '12'],
    [1230n, 2, '12.3'],
    [42n, 0, '42'],
  ])('%s at scale %i → %j', (scaled, scale, expected) => {
    expect(formatScaled(scaled, scale)).toBe(expected);
  });

  it.each([['2836283.89', 2], ['-1075.5', 6], ['0.000001', 6], ['123', 0]])('round-trips %j through scaleExact', (value, scale) => {
    const scaled = scaleExact(value, scale);
    expect(scaled).not.toBeNull();
    expect(formatScaled(scaled ?? 0n, scale)).toBe(value);
  });
});

describe('approximate', () => {
  it.each([
    ['1,153.8', 1153.8],
    ['-0.29', -0.29],
    ['１２３．４５', 123.45],
    ['0', 0],
  ])('%j → %d', (value, expected) => {
    expect(approximate(value)).toBe(expected);
  });

  it.each([['1.2.3'], ['abc'], ['']])('%j → NaN', (value) => {
    expect(approximate(value)).toBeNaN();
  });
});

describe('numbersIn: the one number pattern (extractor and quote validation)', () => {
  it.each<[text: string, tokens: string[]]>([
    ['收入1,153.8万元，下降48.2%', ['1,153.8', '48.2']],
    ['1,2345', ['1', '2345']],
    ['2021,2022年', ['2021', '2022']],
    ['分别为10,20万元', ['10', '20']],
    ['1.2.3', ['1.2']],
    ['编号51092322T000000431595', ['51092322', '000000431595']],
    ['没有数字', []],
  ])('%j', (text, tokens) => {
    const found = numbersIn(text);
    expect(found.map((n) => n.token)).toEqual(tokens);
    for (const n of found) expect(text.slice(n.index, n.index + n.token.length)).toBe(n.token);
  });
});
