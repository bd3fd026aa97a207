/**
 * Numbers as Chinese reports write them: full-width or ASCII digits, thousands separators, decimals,
 * spaces and line breaks inserted by PDF conversion. Everything here is exact: values stay decimal strings
 * or bigints, never floats, until a page formats them.
 */

const FULL_WIDTH: Record<string, string> = {
  '．': '.', '，': ',', '％': '%', '：': ':', '（': '(', '）': ')', '－': '-', '　': ' ', '＋': '+', '／': '/',
};

/** Full-width digits and the punctuation that appears around numbers, turned into ASCII; same length out. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．，％：（）－　＋／]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    return FULL_WIDTH[ch] ?? ch;
  });
}

/** The full-width forms that toHalfWidth turns into `ascii` ("1" → ["１"], "(" → ["（"]): to find a name as the text writes it. */
export function fullWidthFormsOf(ascii: string): string[] {
  if (/^\d$/.test(ascii)) return [String.fromCharCode(0xff10 + Number(ascii))];
  return Object.keys(FULL_WIDTH).filter((fullWidth) => FULL_WIDTH[fullWidth] === ascii);
}

/**
 * A number as reports write it, found in running text (after toHalfWidth): digits with optional thousands
 * groups and decimals. A group must end the number, so "1,2345" is 1 and 2345, never 1,234 followed by a 5,
 * and a list "2021,2022" is two numbers. The one token pattern of the project: the extractor
 * (extract/tokens.ts) and quote validation (quote.ts) both find numbers with it.
 */
export const NUMBER_IN_TEXT = /(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)/g;

/** Every number token of a text (ASCII digits), with its offset. */
export function numbersIn(text: string): { index: number; token: string }[] {
  return [...text.matchAll(new RegExp(NUMBER_IN_TEXT.source, 'g'))].map((m) => ({ index: m.index, token: m[0] }));
}

/** A decimal as written, split into its parts; `digits` carries no separators. */
export interface StatedDecimal {
  negative: boolean;
  /** Integer digits without thousands separators, e.g. "1153". */
  integer: string;
  /** Fraction digits as stated, e.g. "80" for "205.80" (trailing zeros kept: they state precision). */
  fraction: string;
}

const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** Whether a string is a number as a report may write it (after full-width → ASCII). */
export function isStatedNumber(value: string): boolean {
  return parseStatedNumber(value) !== null;
}

/** Parses a stated number exactly; returns null when the string is not one. */
export function parseStatedNumber(value: string): StatedDecimal | null {
  const v = toHalfWidth(value.trim());
  if (!PLAIN.test(v) && !GROUPED.test(v)) return null;
  const negative = v.startsWith('-');
  const [integer = '', fraction = ''] = v.replace(/^-/, '').replace(/,/g, '').split('.');
  return { negative, integer: integer.replace(/^0+(?=\d)/, ''), fraction };
}

/** The number written without sign and separators ("1,153.8" → "1153.8"); the form used to match quotes. */
export function canonicalDigits(value: string): string {
  const d = parseStatedNumber(value);
  if (!d) return '';
  return d.fraction ? `${d.integer}.${d.fraction}` : d.integer;
}

/** Number of decimal places stated ("205.60" → 2, "1,097" → 0). */
export function statedDecimals(value: string): number {
  return parseStatedNumber(value)?.fraction.length ?? 0;
}

/**
 * The decimal scaled by 10^scale as an exact bigint, or null when the stated number has more decimals than
 * the scale can hold exactly (e.g. 0.123 元 at fen scale 2).
 */
export function scaleExact(value: string, scale: number): bigint | null {
  const d = parseStatedNumber(value);
  if (!d) return null;
  if (d.fraction.length > scale) {
    if (/[1-9]/.test(d.fraction.slice(scale))) return null;
  }
  const fraction = d.fraction.slice(0, scale).padEnd(scale, '0');
  const magnitude = BigInt(`${d.integer || '0'}${fraction}`);
  return d.negative ? -magnitude : magnitude;
}

/** Writes a bigint scaled by 10^scale as a minimal exact decimal string ("283628389", 2 → "2836283.89"). */
export function formatScaled(scaled: bigint, scale: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

/** The stated number as a JavaScript number, for charts and sorting only (never for sums). */
export function approximate(value: string): number {
  const d = parseStatedNumber(value);
  if (!d) return Number.NaN;
  const n = Number(`${d.integer || '0'}.${d.fraction || '0'}`);
  return d.negative ? -n : n;
}
