/**
 * Does the built site hold everything the dataset has? Astro has been seen to save a large content store
 * incompletely and exit 0 (every report page then says 报告中的数字（0）and figures.csv has only its header),
 * so the build is checked against the data it was built from: each collection file against the rows of
 * data/, each report page against the figures the dataset gives that report, each export against the
 * entries of its collection. Every shortfall is a problem naming what is missing.
 */
import Papa from 'papaparse';

export interface BuildProblem {
  /** The file that is short (relative to the project root). */
  file: string;
  message: string;
}

/** How many missing ids a message lists before it says "and N more". */
const SHOWN = 5;

/** The ids of `expected` that are not in `found`, in their order. */
export function missingIds(expected: readonly string[], found: ReadonlySet<string>): string[] {
  return expected.filter((id) => !found.has(id));
}

const listed = (ids: readonly string[]) =>
  `${ids.slice(0, SHOWN).join(', ')}${ids.length > SHOWN ? ` and ${ids.length - SHOWN} more` : ''}`;

/**
 * A file that should hold `expected` ids and holds `found`: null when none is missing, else one problem
 * naming how many are missing and which.
 */
export function shortfall(file: string, what: string, expected: readonly string[], found: ReadonlySet<string>): BuildProblem | null {
  const missing = missingIds(expected, found);
  if (missing.length === 0) return null;
  return {
    file,
    message: `has ${expected.length - missing.length} of the ${expected.length} ${what} the dataset has; missing: ${listed(missing)}`,
  };
}

/** A collection file with fewer entries than data/ has rows (counts only: the collections add their own ids). */
export function countShortfall(file: string, what: string, expected: number, found: number, source: string): BuildProblem | null {
  if (found >= expected) return null;
  return { file, message: `has ${found} ${what}, ${source} has ${expected}: ${expected - found} missing` };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The element ids of a page that start with `prefix` (a report's figures are `<report id>-f-0001` …: the
 * figure table anchors each row by its figure id, and findings link to them).
 */
export function elementIdsWithPrefix(html: string, prefix: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(new RegExp(`\\sid="(${escapeRegExp(prefix)}[^"]*)"`, 'g'))) if (m[1] !== undefined) ids.add(m[1]);
  return ids;
}

/** The values of one column of a CSV export (BOM and quoted line breaks as the exports write them). */
export function csvColumn(text: string, column: string): string[] | null {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  if (!parsed.meta.fields?.includes(column)) return null;
  return parsed.data.map((row) => row[column] ?? '');
}

/** The values of one key of a JSON export (an array of objects). */
export function jsonColumn(text: string, key: string): string[] | null {
  const rows: unknown = JSON.parse(text);
  if (!Array.isArray(rows)) return null;
  return rows.map((row: unknown) =>
    typeof row === 'object' && row !== null && key in row ? String((row as Record<string, unknown>)[key]) : '',
  );
}
