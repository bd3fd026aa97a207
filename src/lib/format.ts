import { formatScaled, parseStatedNumber, scaleExact, statedDecimals } from './numbers';
import type { MeasureUnit } from '../schemas/vocabulary';

/** The one place numbers become display text. Pages never call toFixed or toLocaleString themselves. */

export const DEFAULT_LOCALE = 'zh-CN';

function exactNumberFormat(locale: string, maxFraction: number, minFraction = 0) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFraction, minimumFractionDigits: minFraction, useGrouping: true });
}

/** Formats an exact decimal string with grouping, without going through a float (Intl accepts decimal strings). */
function formatDecimalString(decimal: string, locale: string, maxFraction: number, minFraction = 0): string {
  // Intl.NumberFormat.format takes a decimal string exactly (ECMA-402 NumberFormat v3); the cast is for
  // TypeScript's lib, which still types the argument as number | bigint.
  return exactNumberFormat(locale, maxFraction, minFraction).format(decimal as unknown as number);
}

/** An amount in 元 (exact decimal string) shown in 万元, e.g. "11538000" → "1,153.8 万元". */
export function formatWanYuan(yuan: string, locale = DEFAULT_LOCALE): string {
  if (yuan === '') return '';
  const d = parseStatedNumber(yuan);
  if (!d) return yuan;
  const fen = BigInt(`${d.negative ? '-' : ''}${d.integer || '0'}${d.fraction.padEnd(2, '0').slice(0, 2)}`);
  return `${formatDecimalString(formatScaled(fen, 6), locale, 6)} 万元`;
}

/** An amount in 元 shown in 元, e.g. "2836283.89" → "2,836,283.89 元". */
export function formatYuan(yuan: string, locale = DEFAULT_LOCALE): string {
  if (yuan === '') return '';
  // Intl reads "1,153.8" or "abc" as NaN: such a string is shown as it is, like formatWanYuan does.
  const d = parseStatedNumber(yuan);
  if (!d) return yuan;
  return `${formatDecimalString(`${d.negative ? '-' : ''}${d.integer || '0'}${d.fraction ? `.${d.fraction}` : ''}`, locale, 2)} 元`;
}

/** A stated value with its unit, as the report wrote it ("1,153.8 万元", "0.628571429（比值）", "23 人"). */
export function formatStated(value: string, unit: MeasureUnit): string {
  if (unit === 'ratio') return `${value}（比值）`;
  if (unit === '%') return `${value}%`;
  return `${value} ${unit}`;
}

/** A rate in percent from a stated % or ratio value, rounded for display ("0.628571429" ratio → "62.86%"). */
export function formatRate(value: string, unit: MeasureUnit, locale = DEFAULT_LOCALE): string {
  const decimals = statedDecimals(value);
  const scaled = scaleExact(value, decimals);
  if (scaled === null) return value;
  // The decimal point is moved, not multiplied: 0.00035 × 100 in floating point rounds to 0.03, not 0.04.
  const percent = unit === 'ratio' ? formatScaled(scaled * 100n, decimals) : formatScaled(scaled, decimals);
  return `${formatDecimalString(percent, locale, 2)}%`;
}

/** A computed percentage given as an exact decimal string ("27.87") → "27.87%". */
export function formatPercentString(percent: string, locale = DEFAULT_LOCALE): string {
  return `${formatDecimalString(percent, locale, 2)}%`;
}

/** A plain count or score with grouping. */
export function formatNumber(value: string, locale = DEFAULT_LOCALE): string {
  const d = parseStatedNumber(value);
  if (!d) return value;
  return formatDecimalString(`${d.negative ? '-' : ''}${d.integer || '0'}${d.fraction ? `.${d.fraction}` : ''}`, locale, 9);
}

/** An approximate percentage (a chart label), e.g. 27.866 → "27.87%". */
export function formatPercentNumber(percent: number, locale = DEFAULT_LOCALE): string {
  return `${exactNumberFormat(locale, 2).format(percent)}%`;
}

/**
 * An amount in 元 for a card or a table cell: in 万元 when that is exact with at most two decimals
 * ("11538000" → "1,153.8 万元"), else in 元 ("15639" → "15,639 元", not "1.5639 万元"). Never rounded.
 */
export function formatAmount(yuan: string, locale = DEFAULT_LOCALE): string {
  const d = parseStatedNumber(yuan);
  if (!d) return formatWanYuan(yuan, locale);
  // 万元 with at most two decimals: the amount is a whole number of 百元
  const wholeHundreds = /^0*$/.test(d.fraction) && (d.integer.replace(/^0+/, '') === '' || d.integer.endsWith('00'));
  return wholeHundreds ? formatWanYuan(yuan, locale) : formatYuan(yuan, locale);
}

/**
 * A stated value for a table where rates stand beside each other: a ratio as the percentage it means
 * (0.628571429 → 62.86%, the report's own digits stay in the quote), everything else as stated.
 */
export function formatStatedForTable(value: string, unit: MeasureUnit, locale = DEFAULT_LOCALE): string {
  return unit === 'ratio' ? formatRate(value, unit, locale) : formatStated(value, unit);
}

/** A figure for display: money in 万元 (exact; in 元 when 万元 would need more than two decimals), rates in %, other values as stated. */
export function formatFigure(f: { value: string; unit: MeasureUnit; value_yuan: string }, locale = DEFAULT_LOCALE): string {
  if (f.value_yuan !== '') return formatAmount(f.value_yuan, locale);
  if (f.unit === '%' || f.unit === 'ratio') return formatRate(f.value, f.unit, locale);
  return formatStated(f.value, f.unit);
}

/** Markdown emphasis a converted report keeps around a heading ("**公务接待费**支出"): markers, not words. */
const MARKDOWN_EMPHASIS = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g;

/**
 * One line of a report shown as a short excerpt: Markdown emphasis markers dropped (the words kept), cut to
 * `max` characters with "…". The full text on the report page stays verbatim.
 */
export function formatExcerpt(line: string, max = 60): string {
  const plain = line.replace(MARKDOWN_EMPHASIS, '$2').trim();
  const chars = [...plain];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : plain;
}

/** County-level suffixes: the part of 渌口区 / 炎陵县 / 韶山市 a short name may keep or drop. */
const COUNTY_SUFFIX = /[区县市旗]$/;

/**
 * A unit's short name that says which unit it is, for chart labels and cards beside other units. A short
 * name as the unit's own reports write it may name no place ("区医疗保障局"): the county is put in front,
 * once ("新市区" + "区医疗保障局" → "新市区医疗保障局"). A short name that names its county is kept.
 */
export function formatUnitShortName(unit: { short_name: string; county: string }): string {
  const stem = unit.county.replace(COUNTY_SUFFIX, '');
  if (stem === '' || unit.short_name.includes(stem)) return unit.short_name;
  const suffix = unit.county.slice(stem.length);
  const rest = suffix !== '' && unit.short_name.startsWith(suffix) ? unit.short_name.slice(suffix.length) : unit.short_name;
  return `${unit.county}${rest}`;
}
