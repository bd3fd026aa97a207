import type { DocumentTable, Location, ReadDocument } from './types';

/**
 * Where the character at `offset` of a read document comes from: its page (paged formats) and, inside a
 * table, the table, row and column (all 1-based, header rows counted, as a person counts them in the
 * document's text). Fields are absent when they do not apply.
 */
export function locate(doc: ReadDocument, offset: number): Location {
  const location: Location = {};
  const page = doc.pages?.find((p) => offset >= p.start && offset < p.end);
  if (page) location.page = page.page;
  const tableIndex = doc.tables.findIndex((t) => offset >= t.start && offset < t.end);
  const table = doc.tables[tableIndex];
  if (!table) return location;
  location.table = tableIndex + 1;
  const rowIndex = table.rows.findIndex((r) => offset >= r.start && offset < r.end);
  const row = table.rows[rowIndex];
  if (!row) return location;
  location.row = rowIndex + 1;
  const column = row.cells.findIndex((c) => offset >= c.start && offset < c.end);
  if (column >= 0) location.column = column + 1;
  return location;
}

/** The table the character at `offset` stands in, if any. */
export function tableAt(doc: ReadDocument, offset: number): DocumentTable | undefined {
  return doc.tables.find((t) => offset >= t.start && offset < t.end);
}
