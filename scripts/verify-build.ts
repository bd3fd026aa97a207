/**
 * npm run verify:build [-- DIST] — fails (exit 1) when the built site holds less than the data it was built
 * from: a collection file with fewer entries than data/ has rows (also the per-report files the pages read:
 * rows, findings, checklists, and each report's text against its source), a report or unit page that is missing or
 * shows fewer figures than the dataset gives its report, an export (figures.csv/json, findings, units,
 * reports, indicators, and each report's figures file) with fewer rows. Each problem names what is missing.
 * Run after `npm run build`; it reads data/, content/ and dist/ and changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readDataset } from '../src/lib/dataset-files';
import { countShortfall, csvColumn, elementIdsWithPrefix, jsonColumn, shortfall, type BuildProblem } from '../src/lib/build-verify';
import { groupBy } from '../src/lib/views';
import { allChecklists, allFigures, allFindings, allIndicators, BY_REPORT_DIR, textOf } from '../src/lib/report-files';

const root = process.cwd();
const dist = join(root, process.argv[2] ?? 'dist');
const problems: BuildProblem[] = [];
const add = (p: BuildProblem | null) => {
  if (p !== null) problems.push(p);
};
const rel = (path: string) => relative(root, path);

interface Entry {
  id: string;
  report_id?: string;
}
const readEntries = (name: string): Entry[] => {
  const file = join(root, 'content', `${name}.json`);
  if (!existsSync(file)) {
    problems.push({ file: rel(file), message: 'is missing: run npm run content (npm run build does)' });
    return [];
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Entry[];
};

// 1. The collection files against the rows of data/.
const data = readDataset(root);
const rowsOf = (csvs: { records: unknown[] }[]) => csvs.reduce((n, c) => n + c.records.length, 0);
const collections = {
  units: { entries: readEntries('units'), rows: data.units.records.length, source: 'data/units.csv' },
  reports: { entries: readEntries('reports'), rows: data.reports.records.length, source: 'data/reports.csv' },
  figures: { entries: readEntries('figures'), rows: rowsOf(data.figures), source: 'data/figures/*.csv' },
  indicators: { entries: readEntries('indicators'), rows: rowsOf(data.indicators), source: 'data/indicators/*.csv' },
  completeness: {
    entries: readEntries('completeness'),
    rows: data.reports.records.length,
    source: 'data/reports.csv (one checklist per report)',
  },
};
for (const [name, c] of Object.entries(collections))
  add(countShortfall(`content/${name}.json`, 'entries', c.rows, c.entries.length, c.source));
// what the pages read: each report's own file (src/lib/report-files.ts), not Astro's content store
try {
  add(countShortfall(`${BY_REPORT_DIR}/*.json`, 'figures', collections.figures.rows, allFigures(root).length, collections.figures.source));
  add(
    countShortfall(
      `${BY_REPORT_DIR}/*.json`,
      'indicators',
      collections.indicators.rows,
      allIndicators(root).length,
      collections.indicators.source,
    ),
  );
  add(
    countShortfall(
      `${BY_REPORT_DIR}/*.json`,
      'completeness checklists',
      collections.completeness.rows,
      allChecklists(root).length,
      collections.completeness.source,
    ),
  );
} catch (e) {
  problems.push({ file: BY_REPORT_DIR, message: e instanceof Error ? e.message : String(e) });
}
const findings = readEntries('findings');
try {
  add(countShortfall(`${BY_REPORT_DIR}/*.json`, 'findings', findings.length, allFindings(root).length, 'content/findings.json'));
} catch (e) {
  problems.push({ file: BY_REPORT_DIR, message: e instanceof Error ? e.message : String(e) });
}
// each report's text, which its page shows in full: masking keeps the length of the source
for (const report of collections.reports.entries) {
  const source = data.sources.get(report.id);
  if (source === undefined) continue; // validation names a report without its source
  const file = `${BY_REPORT_DIR}/${report.id}.txt`;
  try {
    const length = textOf(report.id, root).length;
    if (length < source.text.length)
      problems.push({ file, message: `has ${length} of the ${source.text.length} characters of ${source.file}: the text is cut short` });
  } catch (e) {
    problems.push({ file, message: e instanceof Error ? e.message : String(e) });
  }
}

// 2. Pages: one per unit and per report; a report page anchors every figure of its report by id.
const figuresByReport = groupBy(collections.figures.entries, (f) => f.report_id ?? '');
for (const unit of collections.units.entries) {
  const page = join(dist, 'units', `${unit.id}.html`);
  if (!existsSync(page)) problems.push({ file: rel(page), message: `is missing: the unit ${unit.id} has no page` });
}
for (const report of collections.reports.entries) {
  const page = join(dist, 'reports', `${report.id}.html`);
  const expected = (figuresByReport.get(report.id) ?? []).map((f) => f.id);
  if (!existsSync(page)) {
    problems.push({ file: rel(page), message: `is missing: the report ${report.id} (${expected.length} figures) has no page` });
    continue;
  }
  add(shortfall(rel(page), 'figures', expected, elementIdsWithPrefix(readFileSync(page, 'utf8'), `${report.id}-f-`)));
}

// 3. Exports: every table as CSV and JSON, and each report's figures file.
const exportsOf: [string, string, Entry[]][] = [
  ['figures', 'figure_id', collections.figures.entries],
  ['findings', 'finding_id', findings],
  ['units', 'id', collections.units.entries],
  ['reports', 'id', collections.reports.entries],
  ['indicators', 'indicator_id', collections.indicators.entries],
];
const checkExport = (file: string, column: string, what: string, expected: readonly string[]) => {
  if (!existsSync(file)) {
    problems.push({ file: rel(file), message: `is missing (${expected.length} ${what} to export)` });
    return;
  }
  const text = readFileSync(file, 'utf8');
  const values = file.endsWith('.csv') ? csvColumn(text, column) : jsonColumn(text, column);
  if (values === null) problems.push({ file: rel(file), message: `has no column ${column}` });
  else add(shortfall(rel(file), what, expected, new Set(values)));
};
for (const [name, column, entries] of exportsOf) {
  for (const ext of ['csv', 'json'])
    checkExport(
      join(dist, 'data', `${name}.${ext}`),
      column,
      name,
      entries.map((e) => e.id),
    );
}
for (const report of collections.reports.entries) {
  const expected = (figuresByReport.get(report.id) ?? []).map((f) => f.id);
  for (const ext of ['csv', 'json']) checkExport(join(dist, 'data', 'figures', `${report.id}.${ext}`), 'figure_id', 'figures', expected);
}

for (const p of problems) console.error(`verify:build: ${p.file} ${p.message}`);
const summary = `${collections.reports.entries.length} reports, ${collections.figures.entries.length} figures, ${findings.length} findings`;
if (problems.length > 0) {
  console.error(`verify:build: ${problems.length} problem(s): the built site does not hold all of the data (${summary})`);
  process.exit(1);
}
console.error(`verify:build: the site holds all of the data (${summary})`);
