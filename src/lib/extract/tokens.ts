import type { MeasureUnit } from '../../schemas/vocabulary';

/**
 * Numbers in a report and the unit written right after each. Offsets are into the original text: the
 * scanned copy only has full-width characters turned into ASCII, which keeps every offset.
 */
export interface NumberToken {
  /** Offset of the first digit. */
  start: number;
  /** Offset after the last digit. */
  end: number;
  /** The number exactly as the text writes it (may contain full-width digits or separators). */
  written: string;
  /** The unit written after it: a dataset unit, `skip` for a date or ordinal, `other` for a unit outside the vocabulary, null for none. */
  unit: MeasureUnit | 'skip' | 'other' | null;
  /** Offset after the unit word (= end when there is no unit). */
  unitEnd: number;
  /** A minus sign written right before the number. */
  minus: boolean;
}

const UNIT_WORDS: ReadonlyArray<readonly [RegExp, NumberToken['unit']]> = [
  [/^万元\s*\/|^元\s*\/|^元每|^万元每/, 'other'], // per-capita standards (元/人)
  [/^亿元/, '亿元'],
  [/^万元/, '万元'],
  [/^万(?![\u4e00-\u9fa5]*(?:人|份|条|次|户|张|个|家|吨|册|剂))/, '万元'],
  [/^元/, '元'],
  [/^%/, '%'],
  [/^人次/, '人次'],
  [/^(?:人|名)/, '人'],
  [/^辆/, '辆'],
  [/^批次/, '批次'],
  [/^台\s*[(（]?\s*套\s*[)）]?|^台|^套/, '台套'],
  [/^个/, '个'],
  [/^分(?!之|钟|类|配|析|别|解|项|期|批|布|成|管|局|中心)/, '分'],
  [/^(?:年|月|日|号|时|岁|届|周|天|季度|期|版|次会|号文|〕|】|\]|:\d|：\d|号令)/, 'skip'],
  [/^(?:家|吨|份|条|张|次|户|项|件|册|处|所|座|千瓦时|度|平方米|㎡|m|公里|千米|人\/|元\/|篇|场|期|倍|余|多|万人|万份|万条|万次|亿)/, 'other'],
];

/** Turns full-width digits and punctuation into ASCII without changing the length. */
export function scanCopy(text: string): string {
  return text.replace(/[０-９．，％：（）－　]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    return ({ '．': '.', '，': ',', '％': '%', '：': ':', '（': '(', '）': ')', '－': '-', '　': ' ' } as Record<string, string>)[ch] ?? ch;
  });
}

const NUMBER = /(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])/g;

/** All numbers of a (scan-copied) text between `from` and `to`, with their units. */
export function findTokens(scan: string, text: string, from = 0, to = scan.length): NumberToken[] {
  const out: NumberToken[] = [];
  NUMBER.lastIndex = from;
  for (let m = NUMBER.exec(scan); m !== null && m.index < to; m = NUMBER.exec(scan)) {
    const start = m.index;
    let end = start + m[0].length;
    // a decimal broken across a line by PDF conversion ("1,153.⏎8")
    const tail = /^\.[ ]*\n[ ]*\d+/.exec(scan.slice(end));
    if (tail) end += tail[0].length;
    const after = scan.slice(end, end + 12).replace(/^[ \t]*(?:\n[ \t]*)?/, '');
    const gap = scan.slice(end, end + 12).length - after.length;
    let unit: NumberToken['unit'] = null;
    let unitEnd = end;
    const crossesLine = scan.slice(end, end + gap).includes('\n');
    for (const [re, u] of UNIT_WORDS) {
      const um = re.exec(after);
      // across a line break only a unit of measure joins the number ("1098.99⏎万元"), never the next line's words
      if (um && crossesLine && (u === 'skip' || u === 'other' || u === '分' || u === '个')) break;
      if (um) {
        unit = u;
        unitEnd = end + gap + um[0].length;
        break;
      }
    }
    const before = scan.slice(Math.max(0, start - 3), start);
    if (/[〔【\[第]\s*$|No\.?\s*$|[A-Za-z]$/.test(before)) unit = 'skip';
    // a code such as 51092322T000000431595 or a phone number is not an amount
    if (m[0].replace(/[,.]/g, '').length >= 13 && !m[0].includes('.')) unit = 'skip';
    const minus = /-\s*$/.test(scan.slice(Math.max(0, start - 2), start)) && !/\d\s*-\s*$/.test(scan.slice(Math.max(0, start - 4), start));
    out.push({ start, end, written: text.slice(start, end).replace(/\s+/g, ''), unit, unitEnd, minus });
  }
  return out;
}
