import { describe, expect, it } from 'vitest';
import { formatHundredths, shareHundredths, splitWhole } from './amounts';

describe('formatHundredths', () => {
  it.each([
    [0, true, '0.00'],
    [5, false, '0.05'],
    [123456789, true, '1,234,567.89'],
    [123456789, false, '1234567.89'],
    [-107550, true, '-1,075.50'],
  ])('%d hundredths (separators %s) → %s', (hundredths, separators, expected) => {
    expect(formatHundredths(hundredths, separators)).toBe(expected);
  });

  it('refuses a fraction of a hundredth', () => {
    expect(() => formatHundredths(1.5, false)).toThrow(/not a whole number/);
  });
});

describe('shareHundredths', () => {
  it.each([
    [1, 3, 3333],
    [2, 3, 6667],
    [1, 8, 1250],
    [5, 5, 10000],
    [0, 7, 0],
  ])('%d of %d is %d hundredths of a percent (rounded half up)', (part, whole, expected) => {
    expect(shareHundredths(part, whole)).toBe(expected);
  });
});

describe('splitWhole', () => {
  it.each([
    [100, [1, 1, 1]],
    [7, [5, 2]],
    [123457, [3, 9, 1, 4]],
  ])('splits %d into pieces that add up to it exactly', (total, weights) => {
    const pieces = splitWhole(total, weights);
    expect(pieces).toHaveLength(weights.length);
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(total);
  });
});
