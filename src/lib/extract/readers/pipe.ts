import type { Row } from '../tables';

/**
 * Table rows as conversion leaves them on one line: cells separated by tabs, or by pipes (markdown tables and
 * flattened HTML tables alike). Splits one line of the scan copy into cells; null when it is not a table row
 * (fewer than two filled cells, or a markdown separator line).
 */
export function pipeRow(scan: string, lineStart: number, lineEnd: number): Row | null {
  const line = scan.slice(lineStart, lineEnd);
  const sep = line.includes('\t') ? '\t' : line.includes('|') ? '|' : null;
  if (!sep) return null;
  const cells: Row = [];
  let pos = 0;
  for (const part of line.split(sep)) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    cells.push({ text, start: lineStart + pos + lead, end: lineStart + pos + lead + text.length });
    pos += part.length + 1;
  }
  if (sep === '|' && /^[\s|:-]*$/.test(line)) return null; // markdown separator
  return cells.filter((c) => c.text !== '').length >= 2 ? cells : null;
}
