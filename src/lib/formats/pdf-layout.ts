import { isStatedNumber } from '../numbers';
import { declaredUnit } from './builder';

/**
 * Rebuilds lines and tables of a PDF page from the positions of its text runs, without ruling lines (PDFs
 * made by Word have none): runs are grouped into lines by their baseline, a line into segments where the
 * gap between runs is wider than a character, and runs of lines whose segments stand in columns into
 * tables. Columns come from where the data rows' segments stand (amounts are right-aligned, labels
 * left-aligned: either way a column's segments overlap), header segments are hung on the columns below
 * them, and lines closer than a line height are one row (a wrapped label, an amount centred between the
 * two lines of its label).
 */

/** A run of text as pdf.js gives it; `y` is its baseline measured from the top of the page. */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font's height on the page (its size). */
  height: number;
}

/** A line, or a table (header row first); `continued` when it carries on the table the page before ended with. */
export type PageBlock = { kind: 'line'; text: string } | { kind: 'table'; rows: string[][]; columns: Interval[]; continued: boolean };

/** Blocks of the whole document, in reading order, each with the page it starts on. */
export type DocumentBlock = { kind: 'line'; text: string; page: number } | { kind: 'table'; rows: { cells: string[]; page: number }[] };

export interface Interval {
  x0: number;
  x1: number;
}

interface Segment extends Interval {
  text: string;
  y: number;
  height: number;
}

interface Line {
  y: number;
  height: number;
  segments: Segment[];
}

/** Gaps narrower than this share of the font height join runs without a space (pdf.js splits "7.74" into "7." and "74"). */
const JOIN_GAP = 0.15;
/** Gaps at least this share of the font height separate cells (header cells of narrow columns stand ~1.4 heights apart). */
const CELL_GAP = 0.8;
/** Lines whose baselines are closer than this share of the font height belong to one table row. */
const ROW_GAP = 0.8;
const LEADER = /^[.．。·…‥_\-—\s]+$/;
const PAGE_NUMBER = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
/** A row label that starts a new row even when the row above seems to wrap into it. */
const ITEM_START =
  /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|\d{3}\b|其中|合\s*计|总\s*计|小\s*计)/;
/** Heading words of a 功能分类 code column that a PDF sets on the first data row's line. */
const CODE_HEADING = /^(?:类|款|项)$/;
const CJK_END = /[\u3000-\u9fff\uff00-\uffef]$/;
const CJK_START = /^[\u3000-\u9fff\uff00-\uffef]/;

const isAmount = (text: string) => isStatedNumber(text.replace(/\s+/g, ''));
const overlap = (a: Interval, b: Interval) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

function groupLines(items: readonly PositionedText[]): Line[] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { y: number; height: number; items: PositionedText[] }[] = [];
  for (const item of sorted) {
    const height = item.height > 0 ? item.height : 10;
    const last = lines[lines.length - 1];
    if (last && Math.abs(item.y - last.y) <= 0.5 * Math.min(height, last.height)) last.items.push(item);
    else lines.push({ y: item.y, height, items: [item] });
  }
  return lines.map((l) => ({ y: l.y, height: l.height, segments: segmentsOf(l.items) })).filter((l) => l.segments.length > 0);
}

function segmentsOf(items: PositionedText[]): Segment[] {
  const segments: Segment[] = [];
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    const height = item.height > 0 ? item.height : 10;
    const last = segments[segments.length - 1];
    const gap = last ? item.x - last.x1 : Infinity;
    if (last && gap < CELL_GAP * height) {
      last.text += gap < JOIN_GAP * height ? item.text : ` ${item.text}`;
      last.x1 = Math.max(last.x1, item.x + item.width);
    } else segments.push({ text: item.text, x0: item.x, x1: item.x + item.width, y: item.y, height });
  }
  return segments
    .map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() }))
    .flatMap(splitAmountFromLabel)
    .filter((s) => s.text !== '' && !LEADER.test(s.text));
}

/** An amount as tables write it: with decimals or thousands separators (a bare integer may be a year or a code). */
const TABLE_AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})*\.\d+|\d{1,3}(?:,\d{3})+|\d+\.\d+)$/;
/** What may follow an amount in a cell of its own: another amount, or a label that is not a unit (万元 may wrap after 万). */
const NEXT_CELL = /^(?:-?[\d,]+\.?\d*$|(?![万元亿])[\u4e00-\u9fff（(])/;

/**
 * Some producers (WPS) put a right-aligned amount and the next cell (an amount, or a label), one space
 * apart, into one text run: split it there, placing each part by its share of the run's width (CJK
 * characters are twice as wide as digits). Two amounts never make one cell.
 */
function splitAmountFromLabel(s: Segment): Segment[] {
  const words = s.text.split(' ');
  const cuts = words.slice(1).map((word, i) => TABLE_AMOUNT.test(words[i] ?? '') && NEXT_CELL.test(word));
  if (!cuts.some(Boolean)) return [s];
  const parts: string[] = [words[0] ?? ''];
  words.slice(1).forEach((word, i) => {
    if (cuts[i]) parts.push(word);
    else parts[parts.length - 1] += ` ${word}`;
  });
  const ems = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.5), 0);
  const perEm = (s.x1 - s.x0) / ems(s.text);
  let x = s.x0;
  return parts.map((text) => {
    const piece = { ...s, text, x0: x, x1: x + ems(text) * perEm };
    x = piece.x1 + 0.5 * perEm;
    return piece;
  });
}

const lineText = (line: Line) => line.segments.map((s) => s.text).join(' ');
const hasAmount = (line: Line) => line.segments.some((s) => isAmount(s.text));

/** Whether a piece sits in a column: they share at least half of the narrower one's width. */
const sitsIn = (column: Interval, s: Interval) => overlap(column, s) >= 0.5 * Math.min(column.x1 - column.x0, s.x1 - s.x0);

/**
 * Columns of a table: segments that overlap are one column, except that two segments of one line are never
 * in the same column (so a label too long for its cell does not join two columns). Data rows decide;
 * header segments over no data column add the columns no row fills.
 */
function columnsOf(data: readonly Line[], header: readonly Line[]): { columns: Interval[]; columnOf: (s: Segment) => number } {
  const clusters: { members: Segment[]; lines: Set<number> }[] = [];
  const clusterOf = new Map<Segment, number>();
  const cluster = (lines: readonly Line[], firstLine: number) => {
    const segments = lines.flatMap((l, i) => l.segments.map((s) => ({ s, line: firstLine + i })));
    for (const { s, line } of segments) {
      clusterOf.set(s, clusters.length);
      clusters.push({ members: [s], lines: new Set([line]) });
    }
    const pairs: { a: Segment; b: Segment; o: number }[] = [];
    segments.forEach((p, i) => {
      for (const q of segments.slice(i + 1)) {
        const o = overlap(p.s, q.s);
        if (o > 0 && p.line !== q.line) pairs.push({ a: p.s, b: q.s, o });
      }
    });
    pairs.sort((x, y) => y.o - x.o);
    for (const { a, b } of pairs) {
      const ka = clusterOf.get(a) ?? -1;
      const kb = clusterOf.get(b) ?? -1;
      const ca = clusters[ka];
      const cb = clusters[kb];
      if (ka === kb || !ca || !cb || [...cb.lines].some((l) => ca.lines.has(l))) continue;
      for (const m of cb.members) clusterOf.set(m, ka);
      ca.members.push(...cb.members);
      for (const l of cb.lines) ca.lines.add(l);
      cb.members = [];
    }
  };
  cluster(data, 0);
  const span = (c: { members: Segment[] }): Interval => ({
    x0: Math.min(...c.members.map((m) => m.x0)),
    x1: Math.max(...c.members.map((m) => m.x1)),
  });
  const dataClusters = clusters.filter((c) => c.members.length > 0);
  // a top heading with nothing under it is a group heading over the columns beside it (本年收入 over 项目 | 预算数)
  const lower = header.slice(1).flatMap((l) => l.segments);
  const isGroupHeading = (line: Line, s: Segment) => line === header[0] && header.length > 1 && !lower.some((m) => overlap(m, s) > 0);
  // a heading centred in its cell may miss the right-aligned amounts under it: it heads the nearest data
  // column that no heading of its own overlaps, when that column stands right beside it
  const headsOnly = (c: (typeof clusters)[number], h: Segment) =>
    overlap(span(c), h) > 0 && !dataClusters.some((other) => other !== c && overlap(span(other), h) > 0);
  const headless = dataClusters.filter((c) => !header.some((l) => l.segments.some((h) => headsOnly(c, h) && !isGroupHeading(l, h))));
  for (const line of [...header].reverse()) {
    const claimed = new Set<(typeof clusters)[number]>();
    for (const h of line.segments) {
      if (dataClusters.some((c) => overlap(span(c), h) > 0) || isGroupHeading(line, h)) continue;
      const gap = (c: (typeof clusters)[number]) => Math.max(span(c).x0 - h.x1, h.x0 - span(c).x1);
      const beside = headless.filter((c) => !claimed.has(c) && gap(c) <= 4 * h.height);
      const nearest = beside.sort((a, b) => gap(a) - gap(b))[0];
      if (!nearest) continue;
      claimed.add(nearest);
      nearest.members.push(h);
      clusterOf.set(h, clusters.indexOf(nearest));
    }
  }
  const dataColumns = dataClusters.map(span);
  // columns no row fills: from the lowest heading up; a heading over two of them is a group heading
  for (const line of [...header].reverse())
    for (const s of line.segments) {
      if (dataColumns.some((c) => overlap(c, s) > 0) || isGroupHeading(line, s)) continue;
      const hit = clusters.filter((c) => c.members.length > 0 && c.members.some((m) => overlap(m, s) > 0));
      if (hit.length > 1) continue;
      const joined = hit[0];
      clusterOf.set(s, joined ? clusters.indexOf(joined) : clusters.length);
      if (joined) joined.members.push(s);
      else clusters.push({ members: [s], lines: new Set() });
    }
  const live = clusters
    .map((c, k) => ({ k, members: c.members }))
    .filter((c) => c.members.length > 0)
    .map((c) => ({ ...c, ...span(c) }))
    .sort((x, y) => x.x0 - y.x0 || x.x1 - y.x1);
  const indexOf = new Map(live.map((c, i) => [c.k, i]));
  const columns = live.map(({ x0, x1 }) => ({ x0, x1 }));
  return { columns, columnOf: (s) => indexOf.get(clusterOf.get(s) ?? -1) ?? nearestColumn(columns, s) };
}

/** The column a segment belongs to: the one it overlaps most, else the nearest. */
function nearestColumn(columns: readonly Interval[], s: Interval): number {
  let best = 0;
  let bestScore = -Infinity;
  columns.forEach((c, i) => {
    const o = overlap(c, s);
    const score = o > 0 ? o : -Math.abs((c.x0 + c.x1) / 2 - (s.x0 + s.x1) / 2) - 1e6;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

function sameCell(a: Segment, b: Segment): boolean {
  const tolerance = Math.min(a.height, b.height);
  return Math.abs(a.x0 - b.x0) <= tolerance || Math.abs(a.x0 + a.x1 - b.x0 - b.x1) / 2 <= tolerance;
}

function joinPieces(pieces: readonly Segment[]): string {
  let out = '';
  let previous: Segment | undefined;
  for (const p of pieces) {
    // a label wrapped inside its cell continues without a space (its lines share a left edge or a centre);
    // a heading over several columns is a word of its own; two amounts never fuse into one
    const wraps = previous !== undefined && p.y > previous.y && CJK_END.test(out) && CJK_START.test(p.text) && sameCell(previous, p);
    out += out === '' || wraps ? p.text : ` ${p.text}`;
    previous = p;
  }
  return out;
}

/**
 * The columns a heading above the lowest header line stands over: it is centred over its cell, so the
 * smallest run of neighbouring columns whose middle is its middle and which does not cut through the run of
 * a heading below it (a heading's cell holds whole cells of the line below).
 */
function spanUnder(columns: readonly Interval[], s: Segment, column: number, below: readonly [number, number][]): number[] {
  const middle = (s.x0 + s.x1) / 2;
  const own = columns[column];
  if (!own) return [column];
  // centred over its own column (a wrapped heading of one cell): nothing to look for
  if (Math.abs((own.x0 + own.x1) / 2 - middle) <= (own.x1 - own.x0) / 4) return [column];
  const cuts = (from: number, to: number) => below.some(([a, b]) => (a < from && from <= b) || (a <= to && to < b));
  for (let size = 2; size <= columns.length; size++)
    for (let from = Math.max(0, column - size + 1); from <= column && from + size <= columns.length; from++) {
      const to = from + size - 1;
      const first = columns[from];
      const last = columns[to];
      if (first && last && !cuts(from, to) && Math.abs((first.x0 + last.x1) / 2 - middle) <= 1.5 * s.height)
        return Array.from({ length: size }, (_, i) => from + i);
    }
  return [column];
}

/** The header band as one row: every column gets the headings over it, top-down. */
function headerRow(columns: readonly Interval[], lines: readonly Line[]): string[] {
  const pieces = columns.map(() => [] as Segment[]);
  const spans: [number, number][] = [];
  [...lines].reverse().forEach((line, k) => {
    for (const s of line.segments) {
      const hit = columns.map((c, i) => (sitsIn(c, s) ? i : -1)).filter((i) => i >= 0);
      const nearest = hit[0] ?? nearestColumn(columns, s);
      const under = hit.length > 1 || k === 0 ? hit : spanUnder(columns, s, nearest, spans);
      const placed = under.length > 0 ? under : [nearest];
      const from = Math.min(...placed);
      const to = Math.max(...placed);
      if (to > from) spans.push([from, to]);
      for (let i = from; i <= to; i++) pieces[i]?.push(s);
    }
  });
  return pieces.map((p) => joinPieces(p.sort((a, b) => a.y - b.y || a.x0 - b.x0)));
}

/** Lines closer than a line height are one row; a label line that only continues the one above joins it. */
function dataRows(columns: readonly Interval[], columnOf: (s: Segment) => number, lines: readonly Line[]): string[][] {
  const groups: Line[][] = [];
  for (const line of lines) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (group && previous && line.y - previous.y < ROW_GAP * Math.min(line.height, previous.height)) group.push(line);
    else groups.push([line]);
  }
  const columnRight = columns.map((c) => c.x1);
  const merged: Line[][] = [];
  for (const group of groups) {
    const previous = merged[merged.length - 1];
    const segments = group.flatMap((l) => l.segments);
    const continues =
      previous !== undefined &&
      !segments.some((s) => isAmount(s.text) || ITEM_START.test(s.text)) &&
      segments.every((s) => {
        const column = columnOf(s);
        // the row above wrapped in this column: its last piece there fills the column to its right edge
        const above = previous.flatMap((l) => l.segments).filter((p) => columnOf(p) === column);
        const last = above[above.length - 1];
        return last !== undefined && !isAmount(last.text) && last.x1 >= (columnRight[column] ?? 0) - last.height;
      });
    if (continues && previous) previous.push(...group);
    else merged.push(group);
  }
  return merged.map((group) => {
    const pieces = columns.map(() => [] as Segment[]);
    for (const s of group.flatMap((l) => l.segments)) pieces[columnOf(s)]?.push(s);
    return pieces.map((p) => joinPieces(p.sort((a, b) => a.y - b.y || a.x0 - b.x0)));
  });
}

function isProse(line: Line, contentWidth: number): boolean {
  const only = line.segments.length === 1 ? line.segments[0] : undefined;
  // a sentence ends in 。/；, or runs long across the page; a long row label stays a label
  return only !== undefined && (/[。；;]$/.test(only.text) || (only.x1 - only.x0 > 0.5 * contentWidth && [...only.text].length >= 20));
}

/** Lines and tables of one page, top to bottom; `continuedColumns` are the columns of a table the page before ended with. */
export function layoutPage(items: readonly PositionedText[], continuedColumns?: readonly Interval[]): PageBlock[] {
  const lines = groupLines(items);
  while (lines.length > 0 && PAGE_NUMBER.test(lineText(lines[lines.length - 1] as Line))) lines.pop();
  while (lines.length > 0 && PAGE_NUMBER.test(lineText(lines[0] as Line))) lines.shift();
  const left = Math.min(...lines.flatMap((l) => l.segments.map((s) => s.x0)));
  const right = Math.max(...lines.flatMap((l) => l.segments.map((s) => s.x1)));
  const contentWidth = right - left;
  const isBoundary = (line: Line) =>
    (line.segments.length < 2 && isProse(line, contentWidth)) ||
    declaredUnit(lineText(line)) !== undefined ||
    /表\s*$/.test(lineText(line));
  const blocks: PageBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const continuing = i === 0 && continuedColumns !== undefined && !isBoundary(line) && fitsColumns(line, continuedColumns);
    if (!continuing && (line.segments.length < 2 || isBoundary(line))) {
      blocks.push({ kind: 'line', text: lineText(line) });
      i++;
      continue;
    }
    // a table runs through short lines between its lines of several segments, and on to the page's end
    let end = i;
    let j = i;
    for (; j < lines.length && !isBoundary(lines[j] as Line); j++) if ((lines[j] as Line).segments.length >= 2) end = j;
    if (j === lines.length) end = lines.length - 1;
    // short lines right above the table are its top headings
    let start = i;
    while (
      !continuing &&
      start > 0 &&
      blocks[blocks.length - 1]?.kind === 'line' &&
      isTableHead(lines, start - 1, lines.slice(i, end + 1), isBoundary)
    ) {
      blocks.pop();
      start--;
    }
    const region = lines.slice(start, end + 1);
    const firstData = continuing ? 0 : region.findIndex(hasAmount);
    if (firstData < 0 || region.length < 2) {
      // headings without a single amount, or one line of several segments: not a table worth reading
      for (const l of region) blocks.push({ kind: 'line', text: lineText(l) });
      i = end + 1;
      continue;
    }
    const headerLines = region.slice(0, firstData);
    const body = region.slice(firstData);
    const { columns, columnOf } = continuing
      ? { columns: continuedColumns.map((c) => ({ ...c })), columnOf: (s: Segment) => nearestColumn(continuedColumns, s) }
      : columnsOf(body, headerLines);
    const header = headerLines.length > 0 ? headerRow(columns, headerLines) : undefined;
    const rows = dataRows(columns, columnOf, body);
    // 类 / 款 / 项 set on the first data row's line belong to the header
    const first = rows[0];
    if (header && first)
      first.forEach((cell, k) => {
        if (!CODE_HEADING.test(cell)) return;
        header[k] = header[k] ? `${header[k]} ${cell}` : cell;
        first[k] = '';
      });
    blocks.push({ kind: 'table', rows: header ? [header, ...rows] : rows, columns, continued: continuing });
    i = end + 1;
  }
  return blocks;
}

/** Whether every segment of a line stands in exactly one of the columns of the table it would continue. */
function fitsColumns(line: Line, columns: readonly Interval[]): boolean {
  return line.segments.every((s) => columns.filter((c) => overlap(c, s) > 0).length === 1);
}

/** Whether a one-segment line above a table is one of its headings (it sits close above, inside the table's width). */
function isTableHead(lines: readonly Line[], index: number, table: readonly Line[], isBoundary: (line: Line) => boolean): boolean {
  const line = lines[index] as Line;
  const next = lines[index + 1] as Line | undefined;
  const only = line.segments[0];
  if (!only || !next || line.segments.length !== 1 || isBoundary(line) || isAmount(only.text)) return false;
  const tableLeft = Math.min(...table.flatMap((l) => l.segments.map((s) => s.x0)));
  const tableRight = Math.max(...table.flatMap((l) => l.segments.map((s) => s.x1)));
  return next.y - line.y < 2.5 * line.height && only.x0 >= tableLeft - line.height && only.x1 <= tableRight + line.height;
}

/** Lines and tables of a whole document; a table that runs on over the next page stays one table. */
export function layoutDocument(pages: readonly (readonly PositionedText[])[]): DocumentBlock[] {
  const out: DocumentBlock[] = [];
  let open: { columns: Interval[]; rows: { cells: string[]; page: number }[] } | undefined;
  pages.forEach((items, index) => {
    const page = index + 1;
    const blocks = layoutPage(items, open?.columns);
    blocks.forEach((block, k) => {
      if (block.kind === 'line') {
        out.push({ kind: 'line', text: block.text, page });
        return;
      }
      const rows = block.rows.map((cells) => ({ cells, page }));
      if (k === 0 && block.continued && open) open.rows.push(...rows);
      else {
        open = { columns: block.columns, rows };
        out.push({ kind: 'table', rows: open.rows });
      }
    });
    const last = blocks[blocks.length - 1];
    if (!last || last.kind !== 'table') open = undefined;
  });
  return out;
}
