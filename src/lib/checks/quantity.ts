import type { FigureEntry } from '../../schemas/figure';
import { UNITS } from '../../schemas/vocabulary';
import { baseOf, fenIn, toDecimal, type Rational } from './exact';

/** An exact value in a figure's base unit (fen, percent, points, count) written in that figure's unit. */
export function formatLike(value: Rational, like: Pick<FigureEntry, 'unit'>): string {
  const base = baseOf(like.unit);
  if (base === 'fen') return `${fenIn(value, like.unit)} ${like.unit}`;
  if (base === 'percent') return `${toDecimal(value, 4)}%`;
  return `${toDecimal(value, 4)} ${like.unit}`;
}

/** A difference of two values in a figure's base unit; a rate difference is in percentage points. */
export function formatDifference(value: Rational, like: Pick<FigureEntry, 'unit'>): string {
  if (UNITS[like.unit] === 'rate') return `${toDecimal(value, 4)} 个百分点`;
  return formatLike(value, like);
}

/** A computed percentage shown with two more decimals than the stated one ("1.6228%"). */
export function formatPercent(value: Rational, statedDecimals: number): string {
  return `${toDecimal(value, statedDecimals + 2)}%`;
}
