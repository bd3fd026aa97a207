import { formatScaled, scaleExact } from './numbers';
import { UNITS, type MeasureUnit } from '../schemas/vocabulary';

/** Fen (分) per unit of each money unit: all money arithmetic is done in integer fen. */
const FEN_PER_UNIT: Partial<Record<MeasureUnit, bigint>> = { 元: 100n, 万元: 1_000_000n, 亿元: 10_000_000_000n };
const FEN_DECIMALS: Partial<Record<MeasureUnit, number>> = { 元: 2, 万元: 6, 亿元: 10 };

export function isMoneyUnit(unit: MeasureUnit): boolean {
  return UNITS[unit] === 'money';
}

/**
 * A stated amount in exact integer fen, or null when the unit is not money or the amount is not a whole
 * number of fen (e.g. 0.1234567万元).
 */
export function toFen(value: string, unit: MeasureUnit): bigint | null {
  const perUnit = FEN_PER_UNIT[unit];
  const decimals = FEN_DECIMALS[unit];
  if (perUnit === undefined || decimals === undefined) return null;
  const scaled = scaleExact(value, decimals);
  if (scaled === null) return null;
  return (scaled * perUnit) / 10n ** BigInt(decimals);
}

/** Exact amount in 元 as a minimal decimal string ("1,153.8" 万元 → "11538000"), or null if not money. */
export function toYuanString(value: string, unit: MeasureUnit): string | null {
  const fen = toFen(value, unit);
  return fen === null ? null : formatScaled(fen, 2);
}

/** Sum of amounts in fen (exact). */
export function sumFen(amounts: readonly bigint[]): bigint {
  return amounts.reduce((a, b) => a + b, 0n);
}
