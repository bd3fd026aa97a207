import type { Cell, Row } from '../tables';

/** A line of the text: [start, end) offsets, without its line break. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Tables flattened one cell per line, each line ending in "|" ("公务接待费 |⏎71.53 |⏎…"): runs of such lines are
 * regrouped into rows. The header is the cells before the first number; its width is the row width. The lines
 * of a run are consumed: no other reader sees them.
 */
export function oneCellPerLineBlocks(
  scan: string,
  lines: readonly Span[],
): { blocks: { rows: Row[]; start: number }[]; consumed: Set<number> } {
  const blocks: { rows: Row[]; start: number }[] = [];
  const consumed = new Set<number>();
  let i = 0;
  const isCell = (l: Span) => /^[^|\n]{0,60}\|\s*$/.test(scan.slice(l.start, l.end)) && !/\|.*\|/.test(scan.slice(l.start, l.end));
  while (i < lines.length) {
    const first = lines[i];
    if (!first || !isCell(first)) {
      i++;
      continue;
    }
    let j = i;
    const cells: Cell[] = [];
    while (j < lines.length && lines[j] && isCell(lines[j] as Span)) {
      const l = lines[j] as Span;
      const raw = scan.slice(l.start, l.end);
      const text = raw.replace(/\|\s*$/, '').trim();
      const lead = raw.length - raw.trimStart().length;
      cells.push({ text, start: l.start + lead, end: l.start + lead + text.length });
      consumed.add(j);
      j++;
    }
    const nonEmpty = cells.filter((c) => c.text !== '');
    const firstNumber = nonEmpty.findIndex((c) => /^-?[\d.,]+\s*(?:%|万元|元)?$/.test(c.text));
    // the header is the cells before the first data row; that row's label stands right before its first number
    const width = firstNumber - 1;
    if (width >= 2 && width <= 8) {
      const rows: Row[] = [];
      for (let k = 0; k + width <= nonEmpty.length; k += width) rows.push(nonEmpty.slice(k, k + width));
      blocks.push({ rows, start: first.start });
    }
    i = j;
  }
  return { blocks, consumed };
}
