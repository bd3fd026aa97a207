import { isStatedNumber, scaleExact } from '../../numbers';
import type { TableCell, TableRow } from '../types';

/**
 * A table row read the way the standard tables are laid out: functional or economic class code cells
 * (类 | 款 | 项 in columns, or one 3/5/7-digit code), a label, then amount cells in the template's order.
 */
export interface ReadRow {
  row: TableRow;
  /** The class code the row's code cells spell (201 + 06 + 01 → 2010601), '' when none. */
  code: string;
  /** The label without white space (PDF layouts put spaces between characters), '' when none. */
  label: string;
  /** Index of the label cell (-1 when none). */
  labelIndex: number;
  /** The cells after the label (all cells when there is no label): amounts or blanks, in column order. */
  slots: TableCell[];
}

export const isAmountText = (text: string): boolean => isStatedNumber(text.replace(/\s+/g, ''));

const CLASS_CODE = /^\d{3}(?:\d{2}){0,2}$/;
const SUB_CODE = /^\d{2}$/;

export function readRow(row: TableRow): ReadRow {
  const cells = row.cells;
  let code = '';
  let i = 0;
  const first = cells[0]?.text ?? '';
  if (CLASS_CODE.test(first)) {
    code = first;
    i = 1;
    // 类 | 款 | 项 in columns of their own: a 3-digit 类 followed by 2-digit parts (or blanks)
    while (code.length === 3 + (i - 1) * 2 && i < 3 && (SUB_CODE.test(cells[i]?.text ?? '') || cells[i]?.text === '')) {
      code += cells[i]?.text ?? '';
      i++;
    }
  } else {
    // blank code columns before the label (a 合计 row)
    while (i < cells.length - 1 && cells[i]?.text === '' && !isAmountText(cells[i + 1]?.text ?? '')) i++;
  }
  const labelIndex = cells.findIndex((c, j) => j >= i && c.text !== '' && !isAmountText(c.text));
  const rest = labelIndex >= 0 ? cells.slice(labelIndex + 1) : cells.slice(i);
  const slots = rest.every((c) => c.text === '' || isAmountText(c.text)) ? rest : [];
  return { row, code, label: labelIndex >= 0 ? (cells[labelIndex]?.text ?? '').replace(/\s+/g, '') : '', labelIndex, slots };
}

/** The amount as an exact number of hundredths (blank is zero), or null when it is neither. */
export function hundredths(text: string): bigint | null {
  if (text === '') return 0n;
  return scaleExact(text.replace(/\s+/g, ''), 2);
}

/**
 * Whether `whole` equals the sum of `parts` (blanks as zero), allowing one hundredth of rounding per part:
 * amounts rounded to 0.01 each may miss their rounded total by that much.
 */
export function addsUp(whole: string, parts: readonly string[]): boolean {
  const w = hundredths(whole);
  const ps = parts.map(hundredths);
  if (w === null || whole === '' || ps.some((p) => p === null)) return false;
  const total = ps.reduce<bigint>((a, p) => a + (p ?? 0n), 0n);
  const diff = w > total ? w - total : total - w;
  return diff <= BigInt(parts.length);
}
