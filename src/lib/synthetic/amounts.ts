/**
 * Amounts of the synthetic reports as whole hundredths (0.01 万元, i.e. 100 元; 0.01 % for a share): sums are
 * sums of integers, so a stated total is exactly the sum of its stated parts unless a contradiction is planted.
 */

/** "1234567" hundredths → "12,345.67" (with thousands separators) or "12345.67". */
export function formatHundredths(hundredths: number, separators: boolean): string {
  if (!Number.isSafeInteger(hundredths)) throw new Error(`not a whole number of hundredths: ${hundredths}`);
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${separators ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole}.${cents}`;
}

/** part ÷ whole as a percentage in hundredths, rounded half up (as reports round a stated share). */
export function shareHundredths(part: number, whole: number): number {
  if (whole <= 0) throw new Error(`a share of a whole that is not positive: ${whole}`);
  return Math.floor((part * 20000 + whole) / (2 * whole));
}

/** Splits `total` into `parts` positive whole pieces with the given random weights (the pieces add up to it). */
export function splitWhole(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0) throw new Error('split into no parts');
  const pieces = weights.map((w) => Math.floor((total * w) / sum));
  const rest = total - pieces.reduce((a, b) => a + b, 0);
  pieces[0] = (pieces[0] ?? 0) + rest;
  return pieces;
}
