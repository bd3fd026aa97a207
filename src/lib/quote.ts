import { canonicalDigits, numbersIn, toHalfWidth } from './numbers';
import type { MeasureUnit } from '../schemas/vocabulary';
import { QUOTE_UNIT_WORDS, unitWordAt } from './unit-words';

/**
 * Text prepared for finding numbers: ASCII digits and punctuation, and the spaces or line breaks that PDF
 * conversion puts inside a number or between a number and its unit removed.
 */
export function normalizeForNumbers(text: string): string {
  // Join a number to its unit across spaces, and a number broken at its separator ("1,153.⏎8"), but never
  // two numbers separated by a tab or a space: in flattened tables those are separate cells.
  return toHalfWidth(text)
    .replace(/(?<=\d)[ \t]*\n?[ \t]*(?=万元|万|元|%|人次)/g, '')
    .replace(/(?<=\d[.,])[ ]*\n[ ]*(?=\d)|(?<=\d)[ ]*\n[ ]*(?=[.,]\d)/g, '');
}

/** One number token found in a text, with the unit word written right after it (if any). */
export interface NumberOccurrence {
  /** Offset in the normalised text. */
  index: number;
  /** The token as it appears ("1,153.8"). */
  token: string;
  /** Unit written right after the number, `null` when none (a table cell), `other` for a unit outside the vocabulary. */
  unitAfter: MeasureUnit | 'other' | null;
  /** The unit word itself as written ("次" for an `other`), null when none. */
  unitWord: string | null;
}

/** All number tokens in a text (after normalisation). */
export function findNumbers(text: string): NumberOccurrence[] {
  const norm = normalizeForNumbers(text);
  const out: NumberOccurrence[] = [];
  for (const { index, token } of numbersIn(norm)) {
    const after = norm.slice(index + token.length).replace(/^[ \t]+/, '');
    const word = unitWordAt(after, QUOTE_UNIT_WORDS);
    // quotes read no ordinals (QUOTE_UNIT_WORDS), so a word is a unit or `other`
    const unitAfter = word === null || word.unit === 'skip' ? null : word.unit;
    out.push({ index, token, unitAfter, unitWord: unitAfter === null ? null : (word?.word ?? null) });
  }
  return out;
}

export type QuoteCheck =
  | { ok: true }
  | { ok: false; reason: 'value-missing' }
  | { ok: false; reason: 'unit-mismatch'; found: string };

/**
 * Whether a quote states a value in a unit: the number must occur as a whole token (not inside a longer
 * number), and where the quote writes a unit right after it, that unit must be the stated one. A number with
 * no unit after it (a table cell under a "单位:万元" header) is accepted.
 */
export function checkQuoteStates(quote: string, value: string, unit: MeasureUnit): QuoteCheck {
  const wanted = canonicalDigits(value);
  const hits = findNumbers(quote).filter((o) => canonicalDigits(o.token) === wanted);
  if (wanted === '' || hits.length === 0) return { ok: false, reason: 'value-missing' };
  // receptions are counted in 批次, which reports also write 次 ("接待批次为1039次")
  const fits = (o: NumberOccurrence) => o.unitAfter === null || o.unitAfter === unit || (unit === '批次' && o.unitWord === '次');
  if (hits.some(fits)) return { ok: true };
  return { ok: false, reason: 'unit-mismatch', found: hits.map((o) => o.unitAfter).join('、') };
}

/** Whether `needle` occurs in `haystack` when all white space is ignored (titles wrap across lines). */
export function includesIgnoringSpace(haystack: string, needle: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, '');
  return squash(haystack).includes(squash(needle));
}
