import ExcelJS from 'exceljs';
import { isStatedNumber } from '../numbers';
import { DocumentBuilder, declaredUnit } from './builder';
import type { ReadResult } from './types';

/**
 * Excel workbooks through exceljs: each visible sheet is its title lines (rows of one cell: the table's
 * title, its 单位 line) and a table of the rest. Numbers are written as the sheet shows them (its number
 * format's decimals and thousands separators), merged cells once, hidden rows and columns not at all.
 */

/** A number as its cell's format shows it: decimals, thousands separators, percent. */
export function formatCellNumber(value: number, numFmt: string | undefined): string {
  const format = (numFmt ?? '').split(';')[0] ?? '';
  if (format === '' || /^general$/i.test(format) || !/[0#]/.test(format)) {
    // General: the shortest decimal that is the stored double, without binary noise (0.1+0.2)
    return String(Number(value.toPrecision(15)));
  }
  const percent = format.includes('%');
  const decimals = /\.([0#]+)/.exec(format)?.[1]?.length ?? 0;
  const shown = (percent ? value * 100 : value).toFixed(decimals);
  const grouped = format.includes(',') ? shown.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')) : shown;
  return percent ? `${grouped}%` : grouped;
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatCellNumber(value, cell.numFmt);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (typeof result === 'number') return formatCellNumber(result, cell.numFmt);
    if (typeof result === 'string' || typeof result === 'boolean') return String(result);
    return '';
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

const isHeadingRow = (cells: readonly string[]) => {
  const filled = cells.filter((c) => c !== '');
  return filled.length === 1 || (filled.some((c) => declaredUnit(c) !== undefined) && !filled.some((c) => isStatedNumber(c)));
};

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); it reads Node's Buffer, which it is given here
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, error: `is not a readable .xlsx file (${e instanceof Error ? e.message : String(e)})` };
  }
  const builder = new DocumentBuilder('xlsx');
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    const columns = Array.from({ length: sheet.columnCount }, (_, i) => i + 1).filter((c) => !sheet.getColumn(c).hidden);
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (row.hidden) return;
      const cells = columns.map((c) => cellText(row.getCell(c)).replace(/\s+/g, ' ').trim());
      if (cells.some((c) => c !== '')) rows.push(cells);
    });
    // columns empty in every row (formatting that runs to column IV) are not the table's
    const used = columns
      .map((_, j) => rows.some((r) => r[j] !== ''))
      .map((u, j) => (u ? j : -1))
      .filter((j) => j >= 0);
    const grid = rows.map((r) => used.map((j) => r[j] ?? ''));
    let first = 0;
    while (first < grid.length && isHeadingRow(grid[first] ?? [])) first++;
    let last = grid.length;
    while (last > first && (grid[last - 1] ?? []).filter((c) => c !== '').length === 1) last--;
    const heading = (cells: readonly string[]) => builder.line(cells.filter((c) => c !== '').join(' '));
    if (first === 0 || !grid.slice(0, first).some((r) => /表/.test(r.join('')))) builder.line(sheet.name);
    grid.slice(0, first).forEach(heading);
    builder.table({ rows: grid.slice(first, last).map((cells) => ({ cells })) });
    grid.slice(last).forEach(heading);
  }
  const doc = builder.build();
  if (doc.text.trim() === '') return { ok: false, error: 'is a workbook with no visible cells' };
  return { ok: true, doc };
}
