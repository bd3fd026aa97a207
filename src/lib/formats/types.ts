/**
 * What every reader of a published format gives the extractor: the document as text (paragraph lines, and
 * tables as pipe rows under their title and 单位 lines) with a map from every character back to its page
 * and table cell. Offsets are indexes into `text`; `end` is exclusive.
 */

export type DocumentFormat = 'text' | 'pdf' | 'docx' | 'xlsx' | 'html';

/** A stretch of the text that comes from one page of a paged format (pages are 1-based). */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** One cell as it stands in the text: its words as the document writes them (white space collapsed). */
export interface TableCell {
  text: string;
  start: number;
  end: number;
}

/** One pipe row of the text (a header row or a data row). */
export interface TableRow {
  start: number;
  end: number;
  cells: TableCell[];
}

export interface DocumentTable {
  /** Page of the table's first row (paged formats only). */
  page?: number;
  start: number;
  end: number;
  /** The table's title line as the document writes it (…决算表), when one stands above it. */
  title?: string;
  /** The unit its 单位 line declares for bare amounts. */
  unit?: '元' | '万元';
  rows: TableRow[];
}

export interface ReadDocument {
  text: string;
  format: DocumentFormat;
  /** Paged formats: which page every stretch of the text comes from, in text order (a page may recur). */
  pages?: PageSpan[];
  tables: DocumentTable[];
}

export type ReadResult = { ok: true; doc: ReadDocument } | { ok: false; error: string };

/** Where a character of the text comes from; every number is 1-based, as a person counts. */
export interface Location {
  page?: number;
  table?: number;
  row?: number;
  column?: number;
}
