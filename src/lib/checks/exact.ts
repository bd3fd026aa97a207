/**
 * Exact arithmetic for the 数据核查 rules: rationals over bigint, and stated quantities with the precision
 * they were stated at. Nothing here touches a float: money is counted in fen (分), rates in percent, both as
 * exact fractions, so a comparison is never decided by binary rounding.
 */
import { formatScaled, parseStatedNumber } from '../numbers';
import type { MeasureUnit } from '../../schemas/vocabulary';

/** n / d with d > 0 (not necessarily reduced). */
export interface Rational {
  n: bigint;
  d: bigint;
}

export function rat(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('rat: zero denominator');
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

export const ZERO = rat(0n);

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const neg = (a: Rational): Rational => rat(-a.n, a.d);
export const abs = (a: Rational): Rational => (a.n < 0n ? neg(a) : a);
/** a / b, or null when b is zero (a quotient that cannot be computed is not 0). */
export const div = (a: Rational, b: Rational): Rational | null => (b.n === 0n ? null : rat(a.n * b.d, a.d * b.n));
/** -1, 0 or 1. */
export const cmp = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const isZero = (a: Rational): boolean => a.n === 0n;
export const sum = (xs: readonly Rational[]): Rational => xs.reduce(add, ZERO);
export const minOf = (xs: readonly Rational[]): Rational | undefined => xs.reduce<Rational | undefined>((m, x) => (m === undefined || cmp(x, m) < 0 ? x : m), undefined);
export const maxOf = (xs: readonly Rational[]): Rational | undefined => xs.reduce<Rational | undefined>((m, x) => (m === undefined || cmp(x, m) > 0 ? x : m), undefined);

/** The rational rounded half away from zero to `decimals` places, as a minimal decimal string ("1.6228"). */
export function toDecimal(a: Rational, decimals: number): string {
  const scale = 10n ** BigInt(Math.max(0, decimals));
  const twice = (a.n * scale * 2n) / a.d;
  const rounded = twice >= 0n ? (twice + 1n) / 2n : (twice - 1n) / 2n;
  const out = formatScaled(rounded, Math.max(0, decimals));
  return out === '-0' ? '0' : out;
}

/** A stated quantity: the value as written and half a unit of its last stated digit (its rounding). */
export interface Measured {
  value: Rational;
  /** Half a unit of the last stated digit, in the same base unit (0 for exact counts). */
  half: Rational;
}

/** The base unit a measure is compared in: money in fen, rates in percent, scores and counts as they are. */
export type Base = 'fen' | 'percent' | 'score' | 'count';

const FEN_PER_UNIT: Partial<Record<MeasureUnit, bigint>> = { 元: 100n, 万元: 1_000_000n, 亿元: 10_000_000_000n };

export function baseOf(unit: MeasureUnit): Base {
  if (FEN_PER_UNIT[unit] !== undefined) return 'fen';
  if (unit === '%' || unit === 'ratio') return 'percent';
  if (unit === '分') return 'score';
  return 'count';
}

/**
 * A stated number in its base unit with its precision, or null when it is not a number.
 * Money and rates are rounded by whoever wrote them: half a unit of the last stated digit ("300.1 万元" is
 * 300.05 … 300.15). Scores are exact when whole ("8 分" is given, not measured) and rounded when they carry
 * decimals ("4.89 分" may be 12 × 40.77%). Counts of people or things are exact.
 */
export function measure(value: string, unit: MeasureUnit): Measured | null {
  const d = parseStatedNumber(value);
  if (!d) return null;
  const k = d.fraction.length;
  const digits = BigInt(`${d.integer || '0'}${d.fraction}`) * (d.negative ? -1n : 1n);
  const tenK = 10n ** BigInt(k);
  const fen = FEN_PER_UNIT[unit];
  if (fen !== undefined) return { value: rat(digits * fen, tenK), half: rat(fen, 2n * tenK) };
  if (unit === '%') return { value: rat(digits, tenK), half: rat(1n, 2n * tenK) };
  if (unit === 'ratio') return { value: rat(digits * 100n, tenK), half: rat(100n, 2n * tenK) };
  if (unit === '分') return { value: rat(digits, tenK), half: k > 0 ? rat(1n, 2n * tenK) : ZERO };
  return { value: rat(digits, tenK), half: ZERO };
}

/** A measured number that is not tied to a unit of the vocabulary (indicator weights and scores). */
export function measureScore(value: string): Measured | null {
  return measure(value, '分');
}

export function sumMeasured(xs: readonly Measured[]): Measured {
  return { value: sum(xs.map((x) => x.value)), half: sum(xs.map((x) => x.half)) };
}

/** Whether two measured values can be the same quantity: they differ by no more than their roundings. */
export function agrees(a: Measured, b: Measured): boolean {
  return cmp(abs(sub(a.value, b.value)), add(a.half, b.half)) <= 0;
}

/** A closed interval of rationals. */
export interface Interval {
  lo: Rational;
  hi: Rational;
}

export const intervalOf = (m: Measured): Interval => ({ lo: sub(m.value, m.half), hi: add(m.value, m.half) });

/** Every value a / b can take for a and b within their roundings, or null when b may be zero. */
export function divideIntervals(a: Interval, b: Interval): Interval | null {
  if (cmp(b.lo, ZERO) <= 0 && cmp(b.hi, ZERO) >= 0) return null;
  const corners = [div(a.lo, b.lo), div(a.lo, b.hi), div(a.hi, b.lo), div(a.hi, b.hi)].filter((x): x is Rational => x !== null);
  const lo = minOf(corners);
  const hi = maxOf(corners);
  return lo && hi ? { lo, hi } : null;
}

export const scaleInterval = (i: Interval, k: Rational): Interval => {
  const a = mul(i.lo, k);
  const b = mul(i.hi, k);
  return cmp(a, b) <= 0 ? { lo: a, hi: b } : { lo: b, hi: a };
};

export const overlaps = (a: Interval, b: Interval): boolean => cmp(a.lo, b.hi) <= 0 && cmp(b.lo, a.hi) <= 0;

/** The distance between two intervals (0 when they overlap). */
export function gap(a: Interval, b: Interval): Rational {
  if (overlaps(a, b)) return ZERO;
  return cmp(a.hi, b.lo) < 0 ? sub(b.lo, a.hi) : sub(a.lo, b.hi);
}

/** An amount in fen written in a money unit, without trailing zeros (283628389 fen in 元 → "2836283.89"). */
export function fenIn(valueFen: Rational, unit: MeasureUnit): string {
  const per = FEN_PER_UNIT[unit] ?? 100n;
  // one digit below the fen: a tolerance may be half a fen
  const decimals = per.toString().length;
  return toDecimal(rat(valueFen.n, valueFen.d * per), decimals);
}

/** Number of decimals stated in a value ("1.63" → 2). */
export function decimalsOf(value: string): number {
  return parseStatedNumber(value)?.fraction.length ?? 0;
}
