import type { MeasureUnit } from '../schemas/vocabulary';

/**
 * The unit words reports write right after a number, in one table for the extractor (extract/tokens.ts) and
 * quote validation (quote.ts). The two read the same words; where they differ, an option says so.
 */

/** What the word after a number makes of it: a dataset unit, `skip` for a date or ordinal, `other` for a unit outside the vocabulary. */
export type UnitReading = MeasureUnit | 'skip' | 'other';

/** Words whose reading depends on the caller. */
type Edge = 'per-capita' | 'ordinal' | 'bare-yi';

// Units of counted things that can follow 万: then 万 is a multiplier ("2.68万人"), not 万元.
const COUNTED_AFTER_WAN = '人|份|条|次|户|张|个|家|吨|册|剂';

/** First match wins, so longer words stand before their prefixes. */
const UNIT_WORDS: ReadonlyArray<{ pattern: RegExp; unit: UnitReading; edge?: Edge }> = [
  { pattern: /^万元\s*\/|^元\s*\/|^元每|^万元每/, unit: 'other', edge: 'per-capita' }, // 元/人
  { pattern: /^亿元/, unit: '亿元' },
  { pattern: /^万元/, unit: '万元' },
  // 万 alone is 万元 ("4.02万，剩余资金"), but not before another unit ("万亿元", "万辆") or a counted thing
  { pattern: new RegExp(`^万(?!亿|辆|台|套|名|分|千瓦时|%|[\\u4e00-\\u9fa5]*(?:${COUNTED_AFTER_WAN}))`), unit: '万元' },
  { pattern: /^元/, unit: '元' },
  { pattern: /^%/, unit: '%' },
  { pattern: /^人次/, unit: '人次' },
  { pattern: /^(?:人|名)/, unit: '人' },
  { pattern: /^辆/, unit: '辆' },
  { pattern: /^批次/, unit: '批次' },
  { pattern: /^台\s*[(（]?\s*套\s*[)）]?|^台|^套/, unit: '台套' },
  { pattern: /^个/, unit: '个' },
  { pattern: /^分(?!之|钟|类|配|析|别|解|项|期|批|布|成|管|局|中心)/, unit: '分' },
  { pattern: /^(?:年|月|日|号|时|岁|届|周|天|季度|期|版|次会|号文|〕|】|\]|:\d|：\d|号令)/, unit: 'skip', edge: 'ordinal' },
  {
    pattern:
      /^(?:家|吨|份|条|张|次|户|项|件|册|处|所|座|千瓦时|度|平方米|㎡|m|公里|千米|人\/|元\/|篇|场|期|倍|余|多|万人|万份|万条|万次|万)/,
    unit: 'other',
  },
  { pattern: /^亿/, unit: 'other', edge: 'bare-yi' },
];

/** How a caller reads the words at the edges. */
export interface UnitWordOptions {
  /** 元/人, 万元每…: a per-capita standard (`other`, the extractor) or the amount's own unit (`amount`, quotes). */
  perCapita: 'other' | 'amount';
  /** 年, 月, 号文…: a date or ordinal to skip (`skip`, the extractor) or no unit at all (`none`, quotes). */
  ordinals: 'skip' | 'none';
  /** 亿 without 元: a unit outside the vocabulary (`other`) or no unit (`none`). */
  bareYi: 'other' | 'none';
}

/** The extractor's reading: a per-capita standard, a date and a bare 亿 are never a figure's unit. */
export const EXTRACTOR_UNIT_WORDS: UnitWordOptions = { perCapita: 'other', ordinals: 'skip', bareYi: 'other' };

/** Quote validation's reading: only a unit word that contradicts the stated unit matters. */
export const QUOTE_UNIT_WORDS: UnitWordOptions = { perCapita: 'amount', ordinals: 'none', bareYi: 'none' };

/** The unit word at the start of `after` (the text right after a number) and how it reads, or null when there is none. */
export function unitWordAt(after: string, options: UnitWordOptions): { unit: UnitReading; word: string } | null {
  for (const { pattern, unit, edge } of UNIT_WORDS) {
    const m = pattern.exec(after);
    if (!m) continue;
    if (edge === 'per-capita' && options.perCapita === 'amount') continue;
    if (edge === 'ordinal' && options.ordinals === 'none') return null;
    if (edge === 'bare-yi' && options.bareYi === 'none') return null;
    return { unit, word: m[0] };
  }
  return null;
}
