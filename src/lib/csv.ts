import Papa from 'papaparse';

/** One problem with the data, located precisely enough to fix it. */
export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** Line of the file where the row starts (1 = header); 0 when the problem is about the whole file. */
  line: number;
  /** Column (or concept) at fault, '' when the whole row is. */
  field: string;
  /** What is wrong and what was expected. */
  message: string;
}

/** A CSV data row with the line it starts on. */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface ParsedCsv {
  file: string;
  records: CsvRecord[];
  problems: Problem[];
}

/**
 * The one problem of a data file saved with Windows line endings (CRLF). parseCsv reads such a file as if
 * its line endings were LF, so that its quotes are not each reported as missing from the (LF) source.
 */
export function lineEndingProblem(text: string, file: string): Problem | null {
  if (!text.includes('\r\n')) return null;
  return { file, line: 0, field: '', message: 'line endings are CRLF (Windows): save the file with LF line endings (quotes are compared with the LF source text)' };
}

interface RawRow {
  line: number;
  cells: string[];
  errors: { code: string; message: string }[];
}

const newlinesIn = (text: string) => text.split('\n').length - 1;

/**
 * A field that spans lines where it should not: a quote character (") opened in one row and closed in a
 * later one makes the rows between part of that field, and they vanish from the file without a word.
 * Columns listed in `lineBreaksIn` hold text copied as written and may span lines, unless a line inside
 * them starts like a row of this file (the first cell of one of its rows, e.g. a report id, followed by a
 * comma) or the parser found a misplaced quote character in the row.
 */
function swallowedRows(row: RawRow, names: readonly string[], lineBreaksIn: readonly string[], firstCells: ReadonlySet<string>): Problem | null {
  let line = row.line;
  for (const [i, cell] of row.cells.entries()) {
    const breaks = newlinesIn(cell);
    const field = names[i] ?? '';
    // a row swallowed whole starts like its neighbours; one swallowed in part leaves a misplaced quote character
    const startsLikeRow = (l: string) => firstCells.has(l.slice(0, l.indexOf(',')));
    const looksLikeRows = row.errors.length > 0 || cell.split('\n').slice(1).some((l) => l.includes(',') && startsLikeRow(l));
    if (breaks > 0 && (!lineBreaksIn.includes(field) || looksLikeRows)) {
      const unclosed = row.errors.some((e) => e.code === 'MissingQuotes');
      const where = lineBreaksIn.length > 0 ? ` (only ${lineBreaksIn.join(', ')} may span lines)` : ' (no field of this file spans lines)';
      return {
        file: '',
        line,
        field,
        message: unclosed
          ? `a quote character (") opened on line ${line} is never closed: every row after it was swallowed`
          : `a quote character (") opened on line ${line} closes on line ${line + breaks}: the rows between were swallowed${looksLikeRows ? '' : where}`,
      };
    }
    line += breaks;
  }
  return null;
}

/**
 * Parses a CSV file whose header must be exactly `columns` (optional trailing columns listed in
 * `optional` may be missing). Rows with the wrong number of fields are reported, never padded or dropped
 * silently: they are returned as problems and left out of `records`. CRLF line endings are read as LF (inside
 * quoted fields too; see lineEndingProblem). When `lineBreaksIn` is given, a field of another
 * column that spans lines is reported as rows swallowed by a stray quote character, and its row left out.
 */
export function parseCsv(
  text: string,
  file: string,
  columns: readonly string[],
  optional: readonly string[] = [],
  lineBreaksIn?: readonly string[],
): ParsedCsv {
  const problems: Problem[] = [];
  const records: CsvRecord[] = [];
  const body = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n/g, '\n');
  if (body.trim() === '') {
    return { file, records, problems: [{ file, line: 0, field: '', message: 'the file is empty: expected a header line' }] };
  }
  const rows: RawRow[] = [];
  // Line numbers are counted incrementally: a quoted field may span several lines.
  let scanned = 0;
  let line = 1;
  const lineAt = (pos: number) => {
    for (; scanned < pos; scanned++) if (body.charCodeAt(scanned) === 10) line++;
    return line;
  };
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    // Never guessed: quotes keep the tabs and pipes of table rows, which would win the guess in a small file.
    delimiter: ',',
    // Never guessed either: a stray CR in a field would otherwise be taken for the line ending.
    newline: '\n',
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      rows.push({ line: lineAt(rowStart), cells: result.data, errors: result.errors.map((e) => ({ code: e.code, message: e.message })) });
      // the cursor points at the row's line break; the next row starts after it
      rowStart = Math.min(result.meta.cursor + 1, body.length);
    },
  });
  const malformed = (row: RawRow) => row.errors.map((e) => ({ file, line: row.line, field: '', message: `malformed CSV: ${e.message}` }));
  const [header, ...dataRows] = rows;
  if (!header) return { file, records, problems };
  problems.push(...malformed(header));
  const names = header.cells.map((c) => c.trim());
  const required = columns.filter((c) => !optional.includes(c));
  const missing = required.filter((c) => !names.includes(c));
  const unknown = names.filter((c) => !columns.includes(c));
  const repeated = names.filter((c, i) => names.indexOf(c) !== i);
  if (repeated.length > 0) {
    problems.push({ file, line: 1, field: '', message: `header: column(s) ${[...new Set(repeated)].join(', ')} appear more than once; expected ${columns.join(',')}` });
    return { file, records, problems };
  }
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [missing.length ? `missing column(s) ${missing.join(', ')}` : '', unknown.length ? `unknown column(s) ${unknown.join(', ')}` : ''];
    problems.push({ file, line: 1, field: '', message: `header: ${parts.filter(Boolean).join('; ')}; expected ${columns.join(',')}` });
    return { file, records, problems };
  }
  const firstCells = new Set(dataRows.map((r) => r.cells[0] ?? '').filter((c) => c !== ''));
  for (const row of dataRows) {
    const swallowed = lineBreaksIn === undefined ? null : swallowedRows(row, names, lineBreaksIn, firstCells);
    if (swallowed !== null) {
      problems.push({ ...swallowed, file });
      continue;
    }
    problems.push(...malformed(row));
    if (row.cells.length === 1 && row.cells[0] === '') continue; // a blank line, e.g. the final newline
    if (row.cells.length !== names.length) {
      problems.push({
        file,
        line: row.line,
        field: '',
        message: `row has ${row.cells.length} fields, the header has ${names.length} (${names.join(',')}); quote fields that contain commas`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      values[name] = row.cells[i] ?? '';
    });
    for (const name of optional) if (!(name in values)) values[name] = '';
    records.push({ line: row.line, values });
  }
  return { file, records, problems };
}

/** Characters that make Excel, WPS or LibreOffice read a cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * A number as a spreadsheet reads it: optional sign, digits (optionally grouped by thousands), optional
 * decimals. Such a cell cannot be a formula, and a decrease (-0.29) or an increase (+5) must stay a number.
 * (numbers.ts reads the numbers of the reports, full-width digits included; this is about spreadsheets.)
 */
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * A cell that is safe to open in a spreadsheet: a text that starts like a formula gets a leading `'`, as
 * OWASP recommends, so that `=HYPERLINK(…)` in a quote or a unit name is shown, never run. Numbers and
 * every other text are left as they are. (Papa's own `escapeFormulae` would turn the decrease -0.29 into text.)
 */
export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

export interface CsvOptions {
  /**
   * For a file people open in Excel or WPS (the public exports): a BOM, so that the encoding is detected,
   * and every cell passed through `spreadsheetSafe`. The dataset's own CSVs are written without it.
   */
  forSpreadsheets?: boolean;
  /**
   * Whether to write the BOM (default: forSpreadsheets). The Data Package copies are neutralised but BOM-less:
   * the Frictionless libraries read a BOM as part of the first column's name.
   */
  bom?: boolean;
}

/** Writes rows as RFC 4180 CSV with a header. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number>[], options: CsvOptions = {}): string {
  const cell = options.forSpreadsheets ? (value: string) => spreadsheetSafe(value) : (value: string) => value;
  const text = Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => cell(String(r[c] ?? '')))) }, { newline: '\n' });
  return `${(options.bom ?? options.forSpreadsheets) ? '\uFEFF' : ''}${text}\n`;
}
