import { describe, expect, it } from 'vitest';
import { percentOf } from './rates';

describe('percentOf', () => {
  it.each<[string, bigint, bigint, number | undefined, string]>([
    ['a whole percentage', 1n, 4n, undefined, '25'],
    ['exact, trailing zeros dropped', 2787n, 10000n, undefined, '27.87'],
    ['one third rounds down', 1n, 3n, undefined, '33.33'],
    ['two thirds round up', 2n, 3n, undefined, '66.67'],
    ['an exact half rounds up', 1n, 800n, undefined, '0.13'],
    ['just under a half rounds down', 1249n, 1_000_000n, undefined, '0.12'],
    ['just over a half rounds up', 1251n, 1_000_000n, undefined, '0.13'],
    ['100%', 5n, 5n, undefined, '100'],
    ['over 100%', 3n, 2n, undefined, '150'],
    ['zero numerator', 0n, 5n, undefined, '0'],
    ['negative numerator, half away from zero', -1n, 800n, undefined, '-0.13'],
    ['negative denominator', 1n, -800n, undefined, '-0.13'],
    ['both negative', -1n, -800n, undefined, '0.13'],
    ['tiny negative rounds to 0, not -0', -1n, 3_000_000n, undefined, '0'],
    ['negative half at the last place', -5n, 100_000n, undefined, '-0.01'],
    ['0 decimals', 2n, 3n, 0, '67'],
    ['0 decimals, exact half', 1n, 200n, 0, '1'],
    ['4 decimals', 1n, 3n, 4, '33.3333'],
    // 701.23 of 1155.5 万元 in fen: the report states 60.7%
    ['a real execution rate', 701_230_000n, 1_155_500_000n, 1, '60.7'],
    // amounts far beyond the float range of integers
    ['huge amounts stay exact', 123_456_789_012_345_678_901n, 246_913_578_024_691_357_802n, 2, '50'],
  ])('%s: %s / %s', (_name, num, den, decimals, expected) => {
    expect(decimals === undefined ? percentOf(num, den) : percentOf(num, den, decimals)).toBe(expected);
  });

  it.each([[1n], [0n], [-7n]])('%s / 0 → null (not 0)', (num) => {
    expect(percentOf(num, 0n)).toBeNull();
  });
});
