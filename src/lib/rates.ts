import { formatScaled } from './numbers';

/**
 * num / den as a percentage, exactly rounded half away from zero to `decimals` places, as a decimal
 * string ("27.87"); null when the denominator is zero (a rate that cannot be computed is not 0).
 */
export function percentOf(num: bigint, den: bigint, decimals = 2): string | null {
  if (den === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const twice = (num * 100n * scale * 2n) / den;
  const rounded = twice >= 0n ? (twice + 1n) / 2n : (twice - 1n) / 2n;
  return formatScaled(rounded, decimals);
}
