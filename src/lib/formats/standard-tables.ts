import type { DraftFigure } from '../extract';
import type { MeasureUnit, MetricKey, Phase } from '../../schemas/vocabulary';
import type { DocumentTable, ReadDocument, TableCell, TableRow } from './types';
import { columnPhase, recogniseTitle, tablePhase, type StandardKind, type StandardTitle } from './standard/kinds';
import { addsUp, hundredths, isAmountText, readRow, type ReadRow } from './standard/rows';
import { readSangongRow } from './standard/sangong';

/**
 * The standard tables of a 部门决算 / 部门预算 read cell by cell into figures: recognised by title (a table
 * continued on the next page without one inherits it), amounts taken by the template's column order and only
 * where the row's arithmetic confirms that order, unit from the table's own 单位 line. Precision first: a
 * table without a 单位 line, a header that mixes phases, or a row that does not add up gives no figures.
 */

export interface RecognisedTable extends StandardTitle {
  /** Index into doc.tables. */
  index: number;
  /** The table's own 单位, or for a part continued on the next page without one, the unit of the part it continues. */
  unit?: MeasureUnit;
}

/** A figure read from a table cell: the quote is the whole pipe row, `cell` the offset of the value. */
export interface TableFigure extends DraftFigure {
  cell: number;
}

export interface StandardTables {
  tables: RecognisedTable[];
  figures: TableFigure[];
}

/** The `reader` of a figure read from a standard table's cell (ingest-checked knows its metric came from the table's layout). */
export const STANDARD_TABLE_READER = 'standard table';

/** A table kind as a reviewer knows it, for the figure's `rule`. */
const KIND_NAMES: Readonly<Record<StandardKind, string>> = {
  summary: '收支总表',
  income: '收入表',
  expenditure: '支出表',
  'fiscal-summary': '财政拨款收支总表',
  'general-expenditure': '一般公共预算支出表',
  'general-basic': '一般公共预算基本支出表',
  sangong: '“三公”经费表',
  operation: '机关运行经费表',
  procurement: '政府采购表',
  'government-fund': '政府性基金表',
  'state-capital': '国有资本经营表',
};

/** Lines between two tables that still belong to the first (a page break repeats only these). */
const CONTINUATION_LINE = /^\s*$|单位\s*[:：]|编制部门|^注[:：]?|^续表/;

function recogniseAll(doc: ReadDocument): RecognisedTable[] {
  const out: RecognisedTable[] = [];
  let previous: RecognisedTable | null = null;
  doc.tables.forEach((table, index) => {
    const own = recogniseTitle(table.title);
    const before = doc.tables[index - 1];
    const between = before ? doc.text.slice(before.end, table.start).split('\n') : [];
    const continues = !table.title && previous && previous.index === index - 1 && between.every((l) => CONTINUATION_LINE.test(l));
    const found = own ?? (continues && previous ? { kind: previous.kind, family: previous.family } : null);
    // a page break repeats the header rows at most, not the 单位 line: the continued part keeps the unit it had
    const unit = table.unit ?? (own === null && previous ? previous.unit : undefined);
    previous = found ? { ...found, index, ...(unit ? { unit } : {}) } : null;
    if (previous) out.push(previous);
  });
  return out;
}

const headerRows = (table: DocumentTable): TableRow[] => {
  const first = table.rows.findIndex((r) => r.cells.some((c) => isAmountText(c.text)));
  return first < 0 ? table.rows : table.rows.slice(0, first);
};
const headerText = (table: DocumentTable): string =>
  headerRows(table)
    .flatMap((r) => r.cells.map((c) => c.text))
    .join(' ');

/** Labels of the 收支总表 and what they state (ordinals 一、 and spaces dropped first). */
const SUMMARY_LABELS: Readonly<Record<string, MetricKey>> = {
  本年收入合计: 'income_total',
  本年支出合计: 'expenditure_total',
  总计: 'grand_total',
  收入总计: 'grand_total',
  支出总计: 'grand_total',
  收支总计: 'grand_total',
  年初结转和结余: 'carryover_beginning',
  一般公共预算财政拨款收入: 'income_general_budget',
  政府性基金预算财政拨款收入: 'income_government_fund',
  国有资本经营预算财政拨款收入: 'income_state_capital',
  上级补助收入: 'income_superior_subsidy',
  事业收入: 'income_business',
  经营收入: 'income_operating',
  事业单位经营收入: 'income_operating',
  附属单位上缴收入: 'income_affiliated',
  其他收入: 'income_other',
  // the 上海 部门预算 总表: 一、财政拨款收入 with its parts 1. 一般公共预算(资金) 2. 政府性基金(预算) 3. 国有资本经营预算
  财政拨款收入: 'fiscal_appropriation_total',
  财政拨款: 'fiscal_appropriation_total', // 江苏 收支预算总表: 一、财政拨款 with 1.一般公共预算 …
  一般公共预算: 'income_general_budget',
  一般公共预算资金: 'income_general_budget',
  政府性基金: 'income_government_fund',
  政府性基金预算: 'income_government_fund',
  国有资本经营预算: 'income_state_capital',
};

const ORDINAL = /^(?:[一二三四五六七八九十]+、|\d+[.、．])/;
const plainLabel = (label: string) => label.replace(ORDINAL, '');
const isTotalLabel = (label: string) => /^(合计|总计)$/.test(label);

/** Functional class names by code, from every row of the document's tables that has both (the longest wins). */
function classNames(rows: readonly ReadRow[]): Map<string, string> {
  const names = new Map<string, string>();
  rows.forEach((r, k) => {
    if (r.code === '' || r.label === '') return;
    // a name too long for its cell runs over a row of its own above the code (机关事业单位 / 基本养老保险缴费支出)
    const above = rows[k - 1];
    const alone = above !== undefined && above.code === '' && above.row.cells.filter((c) => c.text !== '').length === 1;
    const prefix = alone ? above.label : '';
    const name = prefix + r.label;
    if (name.length > (names.get(r.code)?.length ?? 0)) names.set(r.code, name);
  });
  return names;
}

/**
 * The class path 类 / 款 / 项 by the names the document prints (一般公共服务支出 / 财政事务 / 行政运行), each level
 * named from its code wherever the document names it best. Names, not codes, make the path: the report's
 * 说明 names the same classes in prose, and the 数据核查 rules hold both to one quantity.
 */
function classPath(code: string, names: ReadonlyMap<string, string>): string | null {
  const levels = [3, 5, 7].filter((n) => n <= code.length).map((n) => names.get(code.slice(0, n)));
  return levels.every((name) => name !== undefined) ? levels.join(' / ') : null;
}

/** `confirmed`: the table's arithmetic holds over the cell (its row adds up, the 总表 balances, 三公 合计 = parts). */
interface Emit {
  (metric: MetricKey, phase: Phase, scope: string, item: string, row: TableRow, cell: TableCell, confirmed: boolean): void;
}

/** The 财政拨款收入 of a 部门预算 总表 is the sum of its three funds. */
const FISCAL_PARTS: ReadonlySet<MetricKey> = new Set(['income_general_budget', 'income_government_fund', 'income_state_capital']);

/** Income parts of the 收支总表 that add up to 本年收入合计. */
const SUMMARY_INCOME_PARTS: ReadonlySet<MetricKey> = new Set([
  'income_general_budget',
  'income_government_fund',
  'income_state_capital',
  'income_superior_subsidy',
  'income_business',
  'income_operating',
  'income_affiliated',
  'income_other',
]);

export interface SummaryCell {
  metric: MetricKey;
  cell: TableCell;
}

/**
 * Which cells of a 收支总表 its arithmetic confirms: the 总计 when it is stated at least twice (收入 and 支出
 * sides) and every statement agrees — the table balances; 本年收入合计 and its parts when the parts, each stated
 * once, add up to it; likewise 财政拨款收入 and its three funds; 年初结转和结余 when 总计 = 本年收入合计 + it.
 */
export function summaryConfirmed(cells: readonly SummaryCell[]): Set<TableCell> {
  const confirmed = new Set<TableCell>();
  const of = (metric: MetricKey) => cells.filter((c) => c.metric === metric);
  const grand = of('grand_total');
  const [firstGrand] = grand;
  const grandValue = firstGrand ? hundredths(firstGrand.cell.text) : null;
  if (grandValue !== null && grand.length >= 2 && grand.every((g) => hundredths(g.cell.text) === grandValue))
    for (const g of grand) confirmed.add(g.cell);
  const sums: [MetricKey, ReadonlySet<MetricKey>][] = [
    ['income_total', SUMMARY_INCOME_PARTS],
    ['fiscal_appropriation_total', FISCAL_PARTS],
  ];
  for (const [whole, partMetrics] of sums) {
    const [total, ...moreTotals] = of(whole);
    const parts = cells.filter((c) => partMetrics.has(c.metric));
    const onceEach = new Set(parts.map((p) => p.metric)).size === parts.length;
    if (
      total &&
      moreTotals.length === 0 &&
      parts.length > 0 &&
      onceEach &&
      addsUp(
        total.cell.text,
        parts.map((p) => p.cell.text),
      )
    )
      for (const c of [total, ...parts]) confirmed.add(c.cell);
  }
  // a 决算 总表's 收入 block: 总计 = 本年收入合计 + 年初结转和结余 (a 使用非财政拨款结余 that is stated breaks the sum)
  const [income, ...moreIncome] = of('income_total');
  const [carryover, ...moreCarryover] = of('carryover_beginning');
  if (
    firstGrand &&
    income &&
    carryover &&
    moreIncome.length === 0 &&
    moreCarryover.length === 0 &&
    addsUp(firstGrand.cell.text, [income.cell.text, carryover.cell.text])
  )
    for (const c of [firstGrand, income, carryover]) confirmed.add(c.cell);
  // a 部门预算 总表 without 本年收入合计 or 年初结转: its 收入总计 is 财政拨款收入 + 事业收入 + … + 其他收入
  const fiscal = of('fiscal_appropriation_total');
  const [fiscalTotal] = fiscal;
  const otherIncome = cells.filter((c) => SUMMARY_INCOME_PARTS.has(c.metric) && !FISCAL_PARTS.has(c.metric));
  const incomeSide = [...fiscal, ...otherIncome];
  if (
    firstGrand &&
    fiscalTotal &&
    of('income_total').length === 0 &&
    of('carryover_beginning').length === 0 &&
    new Set(incomeSide.map((c) => c.metric)).size === incomeSide.length &&
    addsUp(
      firstGrand.cell.text,
      incomeSide.map((c) => c.cell.text),
    )
  )
    for (const c of [firstGrand, ...incomeSide]) confirmed.add(c.cell);
  return confirmed;
}

const namesBasicThenProject = (header: string) => header.includes('基本支出') && header.indexOf('项目支出') > header.indexOf('基本支出');

/** The header words over column `j` (every header row's cell there, top to bottom). */
const columnHeader = (table: DocumentTable, j: number): string =>
  headerRows(table)
    .map((h) => h.cells[j]?.text ?? '')
    .join(' ')
    .trim();

/**
 * The 合计 row's [total, basic, project]. Either the header names each of the three columns over it on its
 * own (…合计 | …基本支出 | …项目支出): then the cells are read even when they do not add up, and 数据核查's
 * sum-expenditure reports the row; or the header names 基本支出 before 项目支出 somewhere and the row adds up,
 * which proves the order.
 */
function basicProjectSplit(
  table: DocumentTable,
  header: string,
  row: ReadRow,
): [TableCell, TableCell | undefined, TableCell | undefined] | null {
  const [total, basic, project, ...others] = row.slots;
  if (!total || !basic || !project) return null;
  const heading = (cell: TableCell) => columnHeader(table, row.row.cells.indexOf(cell));
  const named = /合计$/.test(heading(total)) && /^[^项]*基本支出$/.test(heading(basic)) && /^[^基]*项目支出$/.test(heading(project));
  if (named) return [total, basic, project];
  const parts = [basic, project, ...others].map((c) => c.text);
  return namesBasicThenProject(header) && addsUp(total.text, parts) ? [total, basic, project] : null;
}

function readTable(doc: ReadDocument, recognised: RecognisedTable, names: ReadonlyMap<string, string>, emit: Emit): void {
  const table = doc.tables[recognised.index];
  if (!table) return;
  const header = headerText(table);
  const phase = tablePhase(recognised.family, header);
  const rows = table.rows.slice(headerRows(table).length).map(readRow);
  // a table of one data row without a label (江苏 支出预算总表: 合计 | 基本支出 | 项目支出 …) is its own 合计 row
  const [onlyRow, ...moreRows] = rows;
  const unlabelled = onlyRow && moreRows.length === 0 && onlyRow.labelIndex < 0 && onlyRow.code === '' ? onlyRow : undefined;
  const totalRow = rows.find((r) => isTotalLabel(r.label)) ?? unlabelled;
  switch (recognised.kind) {
    case 'summary': {
      if (!phase) return;
      for (const r of rows) {
        // a row may hold several blocks side by side (收入 | 支出): each label owns the amount right after it;
        // whether the 总表 balances is decided over all its blocks (readStandardTables)
        r.row.cells.forEach((cell, j) => {
          const metric = SUMMARY_LABELS[plainLabel(cell.text.replace(/\s+/g, ''))];
          const value = r.row.cells[j + 1];
          if (metric && value && isAmountText(value.text)) emit(metric, phase, '', '', r.row, value, false);
        });
      }
      return;
    }
    case 'income': {
      const [total, ...parts] = totalRow?.slots ?? [];
      if (
        phase &&
        totalRow &&
        total &&
        parts.length > 0 &&
        addsUp(
          total.text,
          parts.map((c) => c.text),
        )
      )
        emit('income_total', phase, '', '', totalRow.row, total, true);
      return;
    }
    case 'expenditure':
    case 'general-expenditure': {
      if (!phase) return;
      const general = recognised.kind === 'general-expenditure';
      const whole: MetricKey = general ? 'general_public_budget_expenditure' : 'expenditure_total';
      const split = totalRow ? basicProjectSplit(table, header, totalRow) : null;
      if (totalRow && split) {
        const [total, basic, project] = split;
        const [, ...parts] = totalRow.slots;
        const holds = addsUp(
          total.text,
          parts.map((c) => c.text),
        );
        emit(whole, phase, '', '', totalRow.row, total, holds);
        if (basic) emit(general ? whole : 'basic_expenditure', phase, general ? 'basic' : '', '', totalRow.row, basic, holds);
        if (project) emit(general ? whole : 'project_expenditure', phase, general ? 'project' : '', '', totalRow.row, project, holds);
      } else if (totalRow && totalRow.slots.length === 1 && totalRow.slots[0])
        emit(whole, phase, '', '', totalRow.row, totalRow.slots[0], false);
      if (!general) return;
      for (const r of rows) {
        if (r.code === '') continue;
        const item = classPath(r.code, names);
        if (item === null) continue;
        const [total, basic, project] = r.slots;
        // the class's own 基本/项目支出 are left out: the 数据核查 rules would hold them against the 基本支出
        // of all funds (支出表), not of the 一般公共预算 alone
        if (r.slots.length === 1 && total) emit('functional_expenditure', phase, '', item, r.row, total, false);
        // 合计 | 基本支出 | 项目支出, or with one of them split in two by the layout (a blank column beside it):
        // the first amount is the class's 合计 by the template's order when it is the sum of the rest
        else if (
          namesBasicThenProject(header) &&
          total &&
          basic &&
          project &&
          addsUp(
            total.text,
            r.slots.slice(1).map((c) => c.text),
          )
        )
          emit('functional_expenditure', phase, '', item, r.row, total, true);
      }
      return;
    }
    case 'operation':
    case 'procurement': {
      const amounts = totalRow?.row.cells.filter((c) => isAmountText(c.text)) ?? [];
      const [only] = amounts;
      if (phase && totalRow && only && amounts.length === 1)
        emit(recognised.kind === 'operation' ? 'operation_expenditure' : 'procurement_total', phase, '', '', totalRow.row, only, false);
      return;
    }
    case 'sangong': {
      const data = table.rows.slice(headerRows(table).length);
      const [row, ...more] = data;
      if (!row || more.length > 0) return;
      const cells = readSangongRow(row.cells.map((c) => c.text));
      if (!cells) return;
      // readSangongRow checked 合计 = parts in every pair (预算数 | 决算数) that states a 合计; a 机关运行经费
      // beside them is no part of that sum
      const statesTotal = (pairIndex: number) =>
        cells.some((c) => c.metric === 'sangong_total' && c.pairIndex === pairIndex && row.cells[c.column]?.text);
      for (const { metric, column, pairIndex } of cells) {
        const cell = row.cells[column];
        const own = columnPhase(recognised.family, columnHeader(table, column));
        if (cell && own) emit(metric, own, '', '', row, cell, metric.startsWith('sangong_') && statesTotal(pairIndex));
      }
      return;
    }
    default:
      return;
  }
}

/** The standard tables of a read document and the figures their cells state. */
export function readStandardTables(doc: ReadDocument): StandardTables {
  const tables = recogniseAll(doc);
  const allRows = doc.tables.flatMap((t) => t.rows.slice(headerRows(t).length).map(readRow));
  const names = classNames(allRows);
  const figures: TableFigure[] = [];
  // a 收支总表 read as several tables (its 收入 and 支出 blocks, a page break): the cells of each run of them
  const summaryRuns: (SummaryCell & { figure: TableFigure })[][] = [];
  let previous: RecognisedTable | null = null;
  for (const recognised of tables) {
    const continuesSummary =
      previous?.kind === 'summary' && previous.family === recognised.family && previous.index === recognised.index - 1;
    if (recognised.kind === 'summary' && !continuesSummary) summaryRuns.push([]);
    const run = recognised.kind === 'summary' ? summaryRuns.at(-1) : undefined;
    previous = recognised;
    const unit = recognised.unit;
    if (!unit) continue;
    readTable(doc, recognised, names, (metric, phase, scope, item, row, cell, confirmed) => {
      if (cell.text === '') return;
      const figure: TableFigure = {
        ...(confirmed ? { tableArithmetic: true as const } : {}),
        reader: STANDARD_TABLE_READER,
        rule: `${recognised.family === 'final' ? '决算' : '预算'} ${KIND_NAMES[recognised.kind]}`,
        metric,
        phase,
        scope,
        item,
        value: cell.text.replace(/\s+/g, ''),
        unit,
        quote: doc.text.slice(row.start, row.end),
        start: row.start,
        cell: cell.start,
      };
      figures.push(figure);
      run?.push({ metric, cell, figure });
    });
  }
  for (const run of summaryRuns) {
    const confirmed = summaryConfirmed(run);
    for (const { cell, figure } of run) if (confirmed.has(cell)) figure.tableArithmetic = true;
  }
  return { tables, figures };
}

/** Whether a text offset lies inside a recognised standard table (its figures come from the table reader). */
export function insideStandardTable(doc: ReadDocument, tables: readonly RecognisedTable[], offset: number): boolean {
  return tables.some((t) => {
    const table = doc.tables[t.index];
    return table !== undefined && offset >= table.start && offset < table.end;
  });
}

/**
 * The text reader's figures with those inside a recognised standard table replaced by the table reader's
 * (a pipe row read as prose may pair a label with the wrong column), in text order; `cells` gives each
 * table figure's value cell, so it is cited by its own column.
 */
export function mergeTableFigures(
  doc: ReadDocument,
  textFigures: readonly DraftFigure[],
): { figures: DraftFigure[]; cells: Map<DraftFigure, number> } {
  const { tables, figures } = readStandardTables(doc);
  const kept = textFigures.filter((f) => !insideStandardTable(doc, tables, f.start));
  const cells = new Map<DraftFigure, number>();
  const fromTables = figures.map(({ cell, ...draft }) => {
    cells.set(draft, cell);
    return draft;
  });
  const merged = [...kept, ...fromTables].sort((a, b) => a.start - b.start);
  return { figures: merged, cells };
}
