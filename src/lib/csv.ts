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
 * Parses a CSV file whose header must be exactly `columns` (optional trailing columns listed in
 * `optional` may be missing). Rows with the wrong number of fields are reported, never padded or dropped
 * silently: they are returned as problems and left out of `records`.
 */
export function parseCsv(text: string, file: string, columns: readonly string[], optional: readonly string[] = []): ParsedCsv {
  const problems: Problem[] = [];
  const records: CsvRecord[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    return { file, records, problems: [{ file, line: 0, field: '', message: 'the file is empty: expected a header line' }] };
  }
  const rows: { line: number; cells: string[] }[] = [];
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
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const startLine = lineAt(rowStart);
      for (const err of result.errors) {
        problems.push({ file, line: startLine, field: '', message: `malformed CSV: ${err.message}` });
      }
      rows.push({ line: startLine, cells: result.data });
      // the cursor points at the row's line break; the next row starts after it
      rowStart = Math.min(result.meta.cursor + 1, body.length);
    },
  });
  const [header, ...dataRows] = rows;
  if (!header) return { file, records, problems };
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
  for (const row of dataRows) {
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

/** Writes rows as RFC 4180 CSV with a header; `bom` for files meant to be opened in Excel or WPS. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number>[], bom = false): string {
  const text = Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => String(r[c] ?? ''))) }, { newline: '\n' });
  return `${bom ? '\uFEFF' : ''}${text}\n`;
}
