import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCsv } from './csv';
import {
  FIGURE_COLUMNS,
  FIGURE_OPTIONAL_COLUMNS,
  INDICATOR_COLUMNS,
  REPORT_COLUMNS,
  UNIT_COLUMNS,
  type DatasetInput,
  type SourceText,
} from './validate';

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
  };
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function csvFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    // "x.csv" before "x.appendix.csv": a report's main file keeps its row ids when another file is added
    .sort((a, b) => a.replace(/\.csv$/, '').localeCompare(b.replace(/\.csv$/, '')))
    .map((f) => join(dir, f));
}

/** Reads every data file of the project at `root` (nothing is validated here; see validateDataset). */
export function readDataset(root: string): DatasetInput {
  const paths = dataPaths(root);
  const rel = (p: string) => relative(root, p);
  const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
  const sources = new Map<string, SourceText>();
  if (existsSync(paths.sources)) {
    for (const name of readdirSync(paths.sources).filter((f) => f.endsWith('.txt')).sort()) {
      const file = join(paths.sources, name);
      const bytes = readFileSync(file);
      sources.set(name.replace(/\.txt$/, ''), { file: rel(file), text: bytes.toString('utf8'), sha256: sha256(bytes) });
    }
  }
  return {
    units: parseCsv(read(paths.units), rel(paths.units), UNIT_COLUMNS),
    reports: parseCsv(read(paths.reports), rel(paths.reports), REPORT_COLUMNS),
    figures: csvFilesIn(paths.figures).map((f) => parseCsv(read(f), rel(f), FIGURE_COLUMNS, FIGURE_OPTIONAL_COLUMNS)),
    indicators: csvFilesIn(paths.indicators).map((f) => parseCsv(read(f), rel(f), INDICATOR_COLUMNS)),
    sources,
  };
}
