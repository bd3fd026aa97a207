import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lineEndingProblem, parseCsv, type Problem } from './csv';
import { decodeUtf8 } from './utf8';
import {
  FIGURE_COLUMNS,
  FIGURE_OPTIONAL_COLUMNS,
  FIGURE_TEXT_COLUMNS,
  INDICATOR_COLUMNS,
  INDICATOR_TEXT_COLUMNS,
  REPORT_COLUMNS,
  REPORT_OPTIONAL_COLUMNS,
  UNIT_COLUMNS,
  reportOfFile,
  type DatasetInput,
  type OriginalFile,
  type SourceText,
} from './validate';
import { ORIGINAL_FORMATS } from '../schemas/report';
import { partitionReportIds } from './partition';

/** Where the dataset lives inside a project root. */
export function dataPaths(root: string) {
  const data = join(root, 'data');
  return {
    data,
    units: join(data, 'units.csv'),
    reports: join(data, 'reports.csv'),
    figures: join(data, 'figures'),
    indicators: join(data, 'indicators'),
    sources: join(data, 'sources'),
    originals: join(data, 'originals'),
  };
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The files of `data/` itself; everything else there must be one of DATA_FOLDERS. */
const DATA_FILES = ['units.csv', 'reports.csv', 'CURATION.md', 'CHANGELOG.csv'] as const;
/** The folders of `data/` and the extensions each reads (lower case, as written). */
const DATA_FOLDERS: Record<string, readonly string[]> = {
  figures: ['.csv'],
  indicators: ['.csv'],
  sources: ['.txt'],
  originals: ORIGINAL_FORMATS.map((f) => `.${f}`),
};
/** Keeps an empty folder in git; it holds no data, so it is the one file that is neither read nor refused. */
const PLACEHOLDER = '.gitkeep';
/** What a crashed `npm run ingest` leaves behind: its journal, its half-written files and its backups. */
const leftByIngest = (name: string) => name === '.ingest-journal.json' || name.endsWith('.tmp') || /\.ingest-[0-9a-z]+\.bak$/.test(name);

const CRASHED_INGEST = 'a crashed ingest left this file: run npm run ingest to recover';
/** Whether a problem is about a file an ingest keeps while it runs (expected inside its own transaction). */
export const isIngestLeftover = (p: Problem) => p.message === CRASHED_INGEST;
const EXPECTED_LAYOUT = `expected only ${DATA_FILES.join(', ')} and the folders ${Object.keys(DATA_FOLDERS).map((f) => `${f}/`).join(', ')}`;

/**
 * Every entry of `data/` that is not read as data, as a problem: a file that is not read is a file whose
 * rows vanish without a word (a `x.CSV` of 26 figures, a `x.csv.bak`), so it is refused instead.
 */
function layoutProblems(root: string, wanted: (name: string) => boolean): Problem[] {
  const { data } = dataPaths(root);
  if (!existsSync(data)) return [];
  const problems: Problem[] = [];
  const refuse = (path: string, message: string) => problems.push({ file: relative(root, path), line: 0, field: '', message });
  for (const name of readdirSync(data).sort()) {
    const path = join(data, name);
    const isFolder = statSync(path).isDirectory();
    if (name === PLACEHOLDER) continue;
    if (leftByIngest(name)) {
      refuse(path, CRASHED_INGEST);
    } else if (!isFolder && (DATA_FILES as readonly string[]).includes(name)) {
      continue;
    } else if (isFolder && Object.hasOwn(DATA_FOLDERS, name)) {
      const extensions = DATA_FOLDERS[name] ?? [];
      for (const entry of readdirSync(path).sort()) {
        if (!wanted(entry)) continue;
        const file = join(path, entry);
        const entryIsFolder = statSync(file).isDirectory();
        const extension = extensions.find((e) => entry.toLowerCase().endsWith(e));
        if (entry === PLACEHOLDER || (!entryIsFolder && extension !== undefined && entry.endsWith(extension) && !leftByIngest(entry))) continue;
        if (leftByIngest(entry)) refuse(file, CRASHED_INGEST);
        else if (entryIsFolder) refuse(file, `a folder inside data/${name}/ is not read: move its files into data/${name}/ or out of data/`);
        else if (extension !== undefined) {
          refuse(file, `is not read: the extension must be ${extension} in lower case; rename it to ${entry.slice(0, -extension.length)}${extension}`);
        } else refuse(file, `is not read: data/${name}/ holds only ${extensions.join(' ')} files; rename it or move it out of data/`);
      }
    } else {
      const known = [...DATA_FILES, ...Object.keys(DATA_FOLDERS)].find((k) => k.toLowerCase() === name.toLowerCase());
      refuse(path, known !== undefined ? `is not read: rename it to ${known}` : `is not read: ${EXPECTED_LAYOUT} in data/; move it out of data/`);
    }
  }
  return problems;
}

function filesIn(dir: string, extension: string, wanted: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension) && wanted(f) && !leftByIngest(f) && !statSync(join(dir, f)).isDirectory())
    // "x.csv" before "x.appendix.csv": a report's main file keeps its row ids when another file is added
    .sort((a, b) => a.slice(0, -extension.length).localeCompare(b.slice(0, -extension.length)))
    .map((f) => join(dir, f));
}

/** Whether a file inside a folder of data/ belongs to a report of `scope` (every file when there is no scope). */
const inScope =
  (scope: ReadonlySet<string> | undefined) =>
  (name: string): boolean =>
    scope === undefined || scope.has(reportOfFile(name));

/**
 * Reads every data file of the project at `root` (nothing is validated here; see validateDataset). Files
 * are decoded as UTF-8; a file that is not UTF-8, or one that is not read at all, is named in `problems`.
 * With a `scope` (one partition's reports), the manifests are read whole but of data/figures, indicators,
 * sources and originals only the files of those reports: a partition's reading grows with its province.
 */
export function readDataset(root: string, scope?: ReadonlySet<string>): DatasetInput {
  const paths = dataPaths(root);
  const rel = (p: string) => relative(root, p);
  const wanted = inScope(scope);
  const problems = layoutProblems(root, wanted);
  const decode = (path: string, bytes: Buffer): string => {
    const { text, error } = decodeUtf8(bytes);
    if (error !== null) {
      problems.push({
        file: rel(path),
        line: error.line,
        field: '',
        message: `is not valid UTF-8: the first bad byte sequence starts at byte ${error.offset}; save the file as UTF-8`,
      });
    }
    return text;
  };
  const read = (p: string) => {
    if (!existsSync(p)) return '';
    const text = decode(p, readFileSync(p));
    const crlf = lineEndingProblem(text, rel(p));
    if (crlf !== null) problems.push(crlf);
    return text;
  };
  const sources = new Map<string, SourceText>();
  for (const file of filesIn(paths.sources, '.txt', wanted)) {
    const bytes = readFileSync(file);
    sources.set(file.slice(paths.sources.length + 1, -'.txt'.length), { file: rel(file), text: decode(file, bytes), sha256: sha256(bytes) });
  }
  const originals = new Map<string, OriginalFile>();
  for (const extension of DATA_FOLDERS['originals'] ?? []) {
    for (const file of filesIn(paths.originals, extension, wanted)) originals.set(file.slice(paths.originals.length + 1), { file: rel(file), sha256: sha256(readFileSync(file)) });
  }
  const units = parseCsv(read(paths.units), rel(paths.units), UNIT_COLUMNS, [], []);
  const reports = parseCsv(read(paths.reports), rel(paths.reports), REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS, []);
  const figures = filesIn(paths.figures, '.csv', wanted).map((f) => parseCsv(read(f), rel(f), FIGURE_COLUMNS, FIGURE_OPTIONAL_COLUMNS, FIGURE_TEXT_COLUMNS));
  const indicators = filesIn(paths.indicators, '.csv', wanted).map((f) => parseCsv(read(f), rel(f), INDICATOR_COLUMNS, [], INDICATOR_TEXT_COLUMNS));
  return { units, reports, figures, indicators, sources, problems, originals, ...(scope === undefined ? {} : { scope }) };
}

/**
 * The files of data/ a read with `scope` reads (every file without one), as paths from `root`: what the content
 * step's cache key hashes, so that a partition hashes only its own reports' files.
 */
export function dataFiles(root: string, scope?: ReadonlySet<string>): string[] {
  const { data } = dataPaths(root);
  const wanted = inScope(scope);
  if (!existsSync(data)) return [];
  return readdirSync(data, { withFileTypes: true }).flatMap((entry) => {
    const path = join(data, entry.name);
    if (!entry.isDirectory()) return [relative(root, path)];
    return readdirSync(path, { withFileTypes: true })
      .filter((e) => wanted(e.name))
      .flatMap((e) => (e.isDirectory() ? filesUnderDir(join(path, e.name)) : [join(path, e.name)]))
      .map((f) => relative(root, f));
  });
}

const filesUnderDir = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnderDir(join(dir, e.name)) : [join(dir, e.name)]));

/**
 * The reports of one province, from data/units.csv and reports.csv as written (not yet validated: validation
 * of the partition reads both whole and names every problem in them): the scope of that province's partition.
 */
export function readPartitionScope(root: string, province: string): Set<string> {
  const paths = dataPaths(root);
  const csv = (path: string, columns: readonly string[], optional: readonly string[]) =>
    parseCsv(existsSync(path) ? readFileSync(path, 'utf8') : '', relative(root, path), columns, optional, []);
  return partitionReportIds(csv(paths.units, UNIT_COLUMNS, []).records, csv(paths.reports, REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS).records, province);
}
