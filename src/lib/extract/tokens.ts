import { fullWidthFormsOf, NUMBER_IN_TEXT, toHalfWidth } from '../numbers';
import { EXTRACTOR_UNIT_WORDS, unitWordAt, type UnitReading } from '../unit-words';

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
  unit: UnitReading | null;
  /** Offset after the unit word (= end when there is no unit). */
  unitEnd: number;
  /** A minus sign written right before the number. */
  minus: boolean;
}

/**
 * Traditional characters that budget reports use, mapped one to one to simplified ones: mirror sites convert
 * reports to traditional script (經費, 決算), and the lexicon is written in simplified characters.
 */
const TRADITIONAL = '經費財撥預決績評價報門單體說務專項醫療險縣區辦萬計劃總額員會關機構運維護購車輛國內觀處廳據數與為這個對於從發將達標準實現際較減長當資產負債淨設備採貨儲職編製參離領導幹衛鄉鎮開來過還進選樣東兩變類幣匯節約緊學習議訓創傳認規範質屬歸檔證況視監應級紀錄記隊紅黨廣場農業帶並結餘轉義種團組礎點優獎勵補貼隨續確細統籌濟協調動藥億圓倉儀問題鄰';
const SIMPLIFIED = '经费财拨预决绩评价报门单体说务专项医疗险县区办万计划总额员会关机构运维护购车辆国内观处厅据数与为这个对于从发将达标准实现际较减长当资产负债净设备采货储职编制参离领导干卫乡镇开来过还进选样东两变类币汇节约紧学习议训创传认规范质属归档证况视监应级纪录记队红党广场农业带并结余转义种团组础点优奖励补贴随续确细统筹济协调动药亿圆仓仪问题邻';
const TO_SIMPLIFIED = new Map([...TRADITIONAL].map((ch, i) => [ch, SIMPLIFIED[i] ?? ch]));
const TO_TRADITIONAL = new Map<string, string[]>();
for (const [trad, simp] of TO_SIMPLIFIED) TO_TRADITIONAL.set(simp, [...(TO_TRADITIONAL.get(simp) ?? []), trad]);

const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/;

/** Text for reading headers: the scan copy without the blanked pinyin (offsets do not matter there). */
export function headerCopy(text: string): string {
  return scanCopy(text).replace(/ {2,}(?=[\u4e00-\u9fa5])/g, (m) => (m.length >= 3 ? '' : m));
}

/**
 * Where a name read from the header copy stands in the original text, written as the original writes it
 * (traditional characters and inserted pinyin included), or the name itself when it cannot be found.
 */
export function asWrittenIn(text: string, name: string): string {
  if (text.includes(name)) return name;
  const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = [...name]
    .map((ch) => `(?:${[ch, ...(TO_TRADITIONAL.get(ch) ?? []), ...fullWidthFormsOf(ch)].map(escape).join('|')})(?:${PINYIN.source})?`)
    .join('\\s*');
  const found = new RegExp(pattern).exec(text)?.[0];
  // verbatim: a quote of the name is checked against the text, so only line breaks and padding go
  return found ? found.replace(/\s+/g, '') : name;
}

/**
 * The copy of a text that the extractor scans: full-width digits and punctuation in ASCII, traditional
 * characters in simplified ones, and pinyin that mirror sites insert after characters ("經(jīng)費") blanked.
 * Every replacement keeps the length, so an offset in the copy is an offset in the original text.
 */
export function scanCopy(text: string): string {
  return toHalfWidth(text)
    .replace(/[\u3400-\u9fff]/g, (ch) => TO_SIMPLIFIED.get(ch) ?? ch)
    .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g, (m) => ' '.repeat(m.length));
}

// the project's one number pattern (numbers.ts), with its own lastIndex for the scan below
const NUMBER = new RegExp(NUMBER_IN_TEXT.source, 'g');

/** All numbers of a (scan-copied) text between `from` and `to`, with their units. */
export function findTokens(scan: string, text: string, from = 0, to = scan.length): NumberToken[] {
  const out: NumberToken[] = [];
  NUMBER.lastIndex = from;
  for (let m = NUMBER.exec(scan); m !== null && m.index < to; m = NUMBER.exec(scan)) {
    const start = m.index;
    let end = start + m[0].length;
    // a number broken across a line by PDF conversion: "1,153.⏎8", "1,153⏎.8", "1,⏎153.8"
    const tail = /^(?:\.[ ]*\n[ ]*\d+|[ ]*\n[ ]*\.\d+|,[ ]*\n[ ]*\d{3}(?:,\d{3})*(?:\.\d+)?)(?!\d)/.exec(scan.slice(end, end + 40));
    if (tail) {
      end += tail[0].length;
      NUMBER.lastIndex = end;
    }
    const after = scan.slice(end, end + 12).replace(/^[ \t]*(?:\n[ \t]*)?/, '');
    const gap = scan.slice(end, end + 12).length - after.length;
    let unit: NumberToken['unit'] = null;
    let unitEnd = end;
    const crossesLine = scan.slice(end, end + gap).includes('\n');
    const word = unitWordAt(after, EXTRACTOR_UNIT_WORDS);
    // across a line break only a unit of measure joins the number ("1098.99⏎万元"), never the next line's words
    const joinsAcrossLine = word !== null && !['skip', 'other', '分', '个'].includes(word.unit);
    if (word && (!crossesLine || joinsAcrossLine)) {
      unit = word.unit;
      unitEnd = end + gap + word.word.length;
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
