import { isStatedNumber } from '../numbers';
import type { DocumentFormat, DocumentTable, PageSpan, ReadDocument, TableRow } from './types';

/**
 * Writes a read document's text line by line and keeps, for every line, the page it came from and, for
 * table rows, where each cell stands. Every reader (PDF, DOCX, XLSX, HTML) hands its lines and tables to
 * one builder, so all formats come out in the same shape: tables as `| a | b |` rows, one per line, under
 * the title and 单位 lines the document puts above them.
 */

/** A table as a reader found it: rows of cell texts (header rows first), each row with its page. */
export interface TableInput {
  rows: { cells: string[]; page?: number }[];
}

const UNIT_LINE = /单位\s*[:：]\s*(万元|元)(?![\u4e00-\u9fa5])/;
/** A title names a table: short, ends in 表 (or 表 and a bracketed remark), no sentence punctuation. */
const TITLE_LINE = /^[^。；;]{2,60}表\s*(?:[(（][^)）]{0,20}[)）])?$/;
/** How many lines above a table may hold its title and 单位 line. */
const LOOK_BACK = 4;

/** Cell text as it goes into a pipe row: one line, no pipes (a pipe would split the cell). */
export function cellText(raw: string): string {
  return raw.replace(/\s+/g, ' ').replace(/\|/g, '｜').trim();
}

/** The unit a line declares for bare amounts (单位：万元 / 单位：元), if any. */
export function declaredUnit(line: string): '元' | '万元' | undefined {
  const m = UNIT_LINE.exec(line);
  return m ? (m[1] as '元' | '万元') : undefined;
}

function isAmount(cell: string): boolean {
  return isStatedNumber(cell.replace(/\s+/g, ''));
}

/**
 * The column ranges [from, to) of the blocks of a table whose blocks stand side by side (收入 | 支出 in a
 * 收支总表), so that each block becomes a table of its own and a row's amounts are read against the label of
 * their own block. A table is one of blocks when a header row repeats the heading of a column of labels
 * (项目 … 项目 …); any other table is one block.
 */
export function blockColumns(rows: readonly string[][]): [number, number][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const dataRows = rows.filter((r) => r.some(isAmount));
  const isLabelColumn = (j: number) => {
    const filled = dataRows.map((r) => r[j] ?? '').filter((c) => c !== '');
    return filled.length > 0 && filled.filter((c) => !isAmount(c)).length * 2 > filled.length;
  };
  // a heading over two levels ("收入 项目") repeats by its lowest level
  const lastWord = (cell: string) => cell.split(' ').pop() ?? '';
  for (const row of rows) {
    if (row.some(isAmount)) continue;
    const starts: number[] = [];
    for (let j = 0; j < width; j++) {
      const heading = lastWord(row[j] ?? '');
      if (heading === '' || !isLabelColumn(j)) continue;
      const first = row.findIndex((c) => lastWord(c) === heading);
      if (first === j) continue;
      if (starts.length === 0) starts.push(first);
      if (!starts.includes(j)) starts.push(j);
    }
    if (starts.length >= 2) {
      // a table of blocks: every column of labels right of a column of amounts starts one (a middle block
      // may head its labels differently: 收入 项目名称 | 功能分类 功能科目名称 | 支出 项目名称); each block
      // starts as far left of its labels as the first block does
      const first = starts[0] ?? 0;
      const labels = [
        first,
        ...Array.from({ length: width }, (_, j) => j).filter((j) => j > first && isLabelColumn(j) && !isLabelColumn(j - 1)),
      ];
      const bounds = [...labels.map((j) => j - first), width];
      return bounds.slice(0, -1).map((from, k) => [from, bounds[k + 1] ?? width]);
    }
  }
  return [[0, width]];
}

export class DocumentBuilder {
  private parts: string[] = [];
  private length = 0;
  private pages: PageSpan[] = [];
  private tables: DocumentTable[] = [];
  /** Lines written since the last table, for its title and 单位 line. */
  private recent: string[] = [];

  constructor(private readonly format: DocumentFormat) {}

  /** One line of running text (a paragraph line, a title, a 单位 line). */
  line(text: string, page?: number): void {
    const clean = text.replace(/[\r\n]+/g, ' ').trimEnd();
    this.write(clean, page);
    if (clean.trim() !== '') this.recent = [...this.recent, clean.trim()].slice(-LOOK_BACK);
  }

  /** A table; rows wider than the first are kept as they are (empty cells stay empty). */
  table(input: TableInput): void {
    const rows = input.rows.map((r) => ({ cells: r.cells.map(cellText), page: r.page })).filter((r) => r.cells.some((c) => c !== ''));
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.cells.length));
    const padded = rows.map((r) => [...r.cells, ...Array<string>(width - r.cells.length).fill('')]);
    const title = [...this.recent].reverse().find((l) => TITLE_LINE.test(l));
    const unit = this.recent
      .map(declaredUnit)
      .filter((u) => u !== undefined)
      .pop();
    blockColumns(padded).forEach(([from, to], k) => {
      const block = padded
        .map((cells, i) => ({ cells: cells.slice(from, to), page: rows[i]?.page }))
        .filter((r) => r.cells.some((c) => c !== ''));
      if (block.length === 0) return;
      if (k > 0) this.write('', block[0]?.page);
      const start = this.length;
      const tableRows = block.map((r) => this.row(r.cells, r.page));
      const page = block[0]?.page;
      this.tables.push({
        ...(page !== undefined && { page }),
        start,
        end: this.length - 1,
        ...(title && { title }),
        ...(unit && { unit }),
        rows: tableRows,
      });
    });
    this.recent = [];
  }

  build(): ReadDocument {
    const text = this.parts.join('');
    return { text, format: this.format, ...(this.pages.length > 0 && { pages: this.pages }), tables: this.tables };
  }

  private row(cells: string[], page: number | undefined): TableRow {
    const start = this.length;
    let line = '|';
    const placed = cells.map((text) => {
      line += ' ';
      const cellStart = start + line.length;
      line += `${text} |`;
      return { text, start: cellStart, end: cellStart + text.length };
    });
    this.write(line, page);
    return { start, end: start + line.length, cells: placed };
  }

  private write(line: string, page: number | undefined): void {
    const start = this.length;
    this.parts.push(line, '\n');
    this.length += line.length + 1;
    if (page === undefined) return;
    const last = this.pages[this.pages.length - 1];
    if (last && last.page === page && last.end === start) last.end = this.length;
    else this.pages.push({ page, start, end: this.length });
  }
}
