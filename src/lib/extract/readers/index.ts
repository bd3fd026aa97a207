import { columnRole, type ColumnRole } from '../columns';
import { BUDGET_FAMILY, figuresInAlignedRow, figuresInRow, figuresInSpaceRow, newTableState, spaceHeader } from '../tables';
import type { Phase } from '../../../schemas/vocabulary';
import type { DraftFigure, ExtractContext } from '../types';
import { oneCellPerLineBlocks, type Span } from './one-cell-per-line';
import { keyValueLine } from './key-value';
import { pipeRow } from './pipe';
import { runTogetherTables } from './run-together';
import { spaceAlignedHeader, spaceAlignedRow, splitChangeColumn } from './space-aligned';

/**
 * The layout readers, registered in one place. A report is read line by line: each line is offered to the line
 * readers in order, and the first that recognises its layout reads it (and may keep state, such as a table
 * header, for the lines after it). Lines no reader takes are prose, joined into paragraphs and sentences by
 * the extractor. Block readers run first over the whole text and consume the lines they read.
 *
 * Adding a layout is adding a reader here, not editing the others.
 */

/** One line of the text: offsets, and its content in the scan copy. */
export interface Line extends Span {
  content: string;
}

export interface LineReader {
  name: string;
  /** The figures of a line in this reader's layout ([] when it is one but states none), or null when it is not. */
  read(line: Line): DraftFigure[] | null;
  /** Sees every non-blank line that goes to prose (a heading ends a table; "三公" in a title marks the next one). */
  observe?(line: Line): void;
}

/** Tab- and pipe-separated rows (markdown tables too), read against the header row above them. */
function pipeTableReader(ctx: ExtractContext): LineReader {
  let table = newTableState();
  return {
    name: 'table',
    read(line) {
      const row = pipeRow(ctx.scan, line.start, line.end);
      return row ? figuresInRow(ctx, row, table) : null;
    },
    observe(line) {
      if (/三公/.test(line.content)) table.sangong = true;
      if (/^\s*[#一二三四五六七八九十第]/.test(line.content)) table = newTableState();
    },
  };
}

/** Space-aligned tables under a titled header (项目 2021年度 2022年度 增减): readers/space-aligned.ts. */
function spaceAlignedReader(ctx: ExtractContext): LineReader {
  let roles: ColumnRole[] | null = null;
  return {
    name: 'space-aligned table',
    read(line) {
      const header = spaceAlignedHeader(line.content, ctx.year);
      if (header) {
        roles = header;
        return [];
      }
      if (!roles) return null;
      const split = splitChangeColumn(roles, line.content, ctx.year);
      if (split) {
        roles = split;
        return [];
      }
      const row = spaceAlignedRow(line.content);
      if (row) return figuresInAlignedRow(ctx, line.start, row, roles);
      if (line.content.trim() !== '') roles = null;
      return null;
    },
  };
}

/** Project tables separated by spaces, each row numbered ("1 城乡居民… 3543.206 3543.206 0 100"). */
function numberedProjectRowReader(ctx: ExtractContext): LineReader {
  let roles: ReturnType<typeof spaceHeader> = null;
  return {
    name: 'space-aligned project table',
    read(line) {
      const header = spaceHeader(line.content);
      if (header) {
        roles = header;
        return [];
      }
      if (!roles || !/^\s*\d{1,3}\s+\S/.test(line.content)) return null;
      const read = figuresInSpaceRow(ctx, line.start, line.end, roles, ctx.declaredUnit(line.start));
      return read.length > 0 ? read : null;
    },
  };
}

/**
 * A project's budget, funding and execution as key–value pairs ("预算数 6.84 到位数 6.84 执行数 6.84 100.00",
 * readers/key-value.ts), under a header line that names the groups: "预算安排情况(调整后)" makes its 预算数 the
 * adjusted budget, and a last header column 执行进度 / 执行率 takes the number after the pairs. Read in a
 * project's report only: elsewhere such pairs name no project.
 */
function keyValueReader(ctx: ExtractContext): LineReader {
  return {
    name: 'key-value pairs',
    read(line) {
      if (ctx.projectScope === '') return null;
      const read = keyValueLine(line.content);
      if (!read) return null;
      const before = ctx.scan.slice(ctx.scan.lastIndexOf('\n', Math.max(0, line.start - 2)) + 1, Math.max(0, line.start - 1));
      const unit = ctx.declaredUnit(line.start);
      const out: DraftFigure[] = [];
      const why = { reader: 'key-value pairs', confidence: 0.7 };
      for (const { key, value } of read.pairs) {
        const role = columnRole(key.text, ctx.year);
        if (!unit || (role !== 'budget' && role !== 'adjusted' && role !== 'actual')) continue;
        const phase: Phase = role === 'budget' && /调整后/.test(before) ? 'adjusted' : role;
        out.push({
          metric: BUDGET_FAMILY[phase],
          phase,
          scope: ctx.projectScope,
          item: '',
          value: ctx.text.slice(line.start + value.start, line.start + value.end),
          unit,
          quote: ctx.text.slice(line.start + key.start, line.start + value.end),
          start: line.start + key.start,
          rule: `«${key.text}»${phase !== role ? ' under 调整后' : ''}`,
          ...why,
        });
      }
      const last = read.pairs[read.pairs.length - 1];
      if (read.trailing && last && /执行进度|执行率/.test(before) && Number(read.trailing.text) <= 100) {
        out.push({
          metric: 'execution_rate',
          phase: 'actual',
          scope: ctx.projectScope,
          item: '',
          value: ctx.text.slice(line.start + read.trailing.start, line.start + read.trailing.end),
          unit: '%',
          quote: ctx.text.slice(line.start + last.key.start, line.start + read.trailing.end),
          start: line.start + last.key.start,
          rule: 'the number after the pairs, under 执行进度/执行率',
          ...why,
        });
      }
      return out;
    },
  };
}

/** The line readers for one report, in the order they are offered a line. */
export function lineReaders(ctx: ExtractContext): LineReader[] {
  return [pipeTableReader(ctx), spaceAlignedReader(ctx), numberedProjectRowReader(ctx), keyValueReader(ctx)];
}

/**
 * Block readers: tables flattened one cell per line (their lines are consumed), and tables run together with
 * prose on one line (read without consuming the line: the prose around them is read too). Returns their
 * figures and the indexes of the lines consumed.
 */
export function readBlocks(ctx: ExtractContext, lines: readonly Span[]): { figures: DraftFigure[]; consumed: ReadonlySet<number> } {
  const vertical = oneCellPerLineBlocks(ctx.scan, lines);
  const figures: DraftFigure[] = [];
  for (const block of vertical.blocks) {
    const state = newTableState();
    state.sangong = /三公/.test(ctx.scan.slice(Math.max(0, block.start - 300), block.start));
    for (const row of block.rows) figures.push(...figuresInRow(ctx, row, state).map((f) => ({ ...f, reader: 'one cell per line' })));
  }
  lines.forEach((line, index) => {
    if (vertical.consumed.has(index) || !/项\s?目/.test(ctx.scan.slice(line.start, line.end))) return;
    for (const table of runTogetherTables(ctx.scan, line.start, line.end, ctx.year)) {
      const state = newTableState();
      state.roles = new Map(table.roles.map((role, k) => [k + 1, role]));
      const first = table.rows[0]?.[0];
      state.sangong = first !== undefined && /三公/.test(ctx.scan.slice(Math.max(0, first.start - 300), first.start));
      for (const row of table.rows)
        figures.push(...figuresInRow(ctx, row, state).map((f) => ({ ...f, reader: 'run-together table', confidence: 0.75 })));
    }
  });
  return { figures, consumed: vertical.consumed };
}
