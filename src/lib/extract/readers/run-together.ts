import { columnRole, VALUE_ROLES, type ColumnRole } from '../columns';
import type { Cell, Row } from '../tables';

/**
 * Tables whose cells conversion ran together into one line of words and numbers, header included:
 * "项 目 预算数 决算数 合 计 65.00 64.87 0 0 公务接待费 21.00 21.00 …". After a header (项目 and at least two
 * column words), each label is followed by its numbers; a row is read only when it has exactly one number per
 * column (PDF conversion moves cells, and "合计 65.00 64.87 0 0" could be anyone's). The table ends at a
 * heading, a sentence or a label too long to be one.
 */
export interface RunTogetherTable {
  roles: ColumnRole[];
  /** Rows as cells: the label, then one cell per column. */
  rows: Row[];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const NUMBER_WORD = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const ENDS_TABLE = /^[一二三四五六七八九十]+、|[。；;]|^[(（][一二三四五六七八九十]+[)）]/;

function wordsOf(text: string, from: number, to: number): Word[] {
  return [...text.slice(from, to).matchAll(/\S+/g)].map((m) => ({ text: m[0], start: from + m.index, end: from + m.index + m[0].length }));
}

/** The run-together tables of `[from, to)` of the scan copy. */
export function runTogetherTables(scan: string, from: number, to: number, reportYear: number | null): RunTogetherTable[] {
  const words = wordsOf(scan, from, to);
  const out: RunTogetherTable[] = [];
  for (let i = 0; i < words.length; i++) {
    // the title of the label column, letter-spaced or not: 项目 / 项 目
    const title = words[i]?.text === '项目' ? 1 : words[i]?.text === '项' && words[i + 1]?.text === '目' ? 2 : 0;
    if (title === 0) continue;
    const roles: ColumnRole[] = [];
    let j = i + title;
    for (
      let role = columnRole(words[j]?.text ?? '', reportYear);
      role !== null && j < words.length;
      role = columnRole(words[j]?.text ?? '', reportYear)
    ) {
      roles.push(role);
      j++;
    }
    if (roles.filter((r) => VALUE_ROLES.has(r)).length < 2) continue;
    const rows: Row[] = [];
    let label: Word[] = [];
    while (j < words.length) {
      const word = words[j] as Word;
      if (ENDS_TABLE.test(word.text) && !/^其中/.test(word.text)) break;
      if (!NUMBER_WORD.test(word.text)) {
        label.push(word);
        if (label.reduce((n, w) => n + w.text.length, 0) > 30) break;
        j++;
        continue;
      }
      const numbers: Word[] = [];
      while (j < words.length && NUMBER_WORD.test(words[j]?.text ?? '')) numbers.push(words[j++] as Word);
      const first = label[0];
      const last = label[label.length - 1];
      if (first && last && numbers.length === roles.length && /[\u4e00-\u9fa5]/.test(label.map((w) => w.text).join(''))) {
        const labelCell: Cell = { text: scan.slice(first.start, last.end), start: first.start, end: last.end };
        rows.push([labelCell, ...numbers.map((n): Cell => ({ text: n.text, start: n.start, end: n.end }))]);
      }
      label = [];
    }
    if (rows.length > 0) out.push({ roles, rows });
    i = j;
  }
  return out;
}
