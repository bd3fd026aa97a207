/**
 * Statement tables whose rows carry a line number (行次) after the label, often two statements side by side:
 * "一、财政拨款收入 | 1 | 625.58 | 一、一般公共服务支出 | 28 | |". Conversion drops empty cells unevenly, so a row
 * is read as segments — a label, its line number, then the values of the header's value columns — rather than
 * by position.
 */

/** One label of a row and the cells holding its values, as indexes into the row's cells. */
export interface NumberedSegment {
  label: number;
  /** Index of the cell under each value column, or null where the row leaves it empty. */
  values: (number | null)[];
}

const HAS_WORDS = /[\u4e00-\u9fa5]/;
const LINE_NUMBER = /^\d{1,3}$/;
const VALUE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Whether a header row announces line numbers (行次 / 栏次 columns). */
export function isLineNumberedHeader(cells: readonly string[]): boolean {
  return cells.some((c) => /^行\s*次$/.test(c.trim()));
}

/**
 * The segments of a data row, given how many value columns follow each line number. A segment whose values
 * cannot be placed with certainty (a label turns up before all value columns are seen, after some values)
 * is left out: its values might belong to any column.
 */
export function numberedSegments(cells: readonly string[], valueColumns: number): NumberedSegment[] {
  const out: NumberedSegment[] = [];
  let i = 0;
  while (i < cells.length) {
    const label = (cells[i] ?? '').trim();
    if (!HAS_WORDS.test(label) || /^[栏欄]\s*次/.test(label) || !LINE_NUMBER.test((cells[i + 1] ?? '').trim())) {
      i++;
      continue;
    }
    const values: (number | null)[] = [];
    let j = i + 2;
    let clean = true;
    while (values.length < valueColumns && j < cells.length) {
      const cell = (cells[j] ?? '').trim();
      if (HAS_WORDS.test(cell)) {
        if (values.some((v) => v !== null) && values.length < valueColumns) clean = false;
        break;
      }
      values.push(VALUE.test(cell) ? j : null);
      j++;
    }
    if (clean && values.some((v) => v !== null)) out.push({ label: i, values });
    i = j;
  }
  return out;
}
