/**
 * Key–value lines of a form-like table whose cells conversion ran together: "预算数 6.84 到位数 6.84 执行数 6.84
 * 100.00" — a word, its number, the next word, its number …, and maybe one number more that answers the
 * header's last column (预算执行进度(%)). A line of anything else is not one.
 */

export interface Placed {
  text: string;
  start: number;
  end: number;
}

export interface KeyValueLine {
  pairs: { key: Placed; value: Placed }[];
  /** A number after the last pair, under a header column of its own. */
  trailing: Placed | null;
}

const NUMBER_WORD = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
const KEY_WORD = /^[\u4e00-\u9fa5][\u4e00-\u9fa5()（）]{0,11}$/;

/** The pairs of a key–value line (offsets relative to the line), or null when the line is not one. */
export function keyValueLine(line: string): KeyValueLine | null {
  const words: Placed[] = [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const pairs: KeyValueLine['pairs'] = [];
  let i = 0;
  while (i + 1 < words.length && KEY_WORD.test((words[i] as Placed).text) && NUMBER_WORD.test((words[i + 1] as Placed).text)) {
    pairs.push({ key: words[i] as Placed, value: words[i + 1] as Placed });
    i += 2;
  }
  const trailing = i === words.length - 1 && NUMBER_WORD.test((words[i] as Placed).text) ? (words[i] as Placed) : null;
  if (pairs.length < 2 || i + (trailing ? 1 : 0) !== words.length) return null;
  return { pairs, trailing };
}
