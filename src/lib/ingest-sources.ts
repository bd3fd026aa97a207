/**
 * The sidecar of a download folder: a CSV that says, per file, where it was published and what it is
 * (`npm run ingest -- DIR` reads DIR/SOURCES.csv, or `--sources FILE.csv`). Columns, by name, all but
 * `file` optional: file (path relative to the CSV), url or source_url, retrieved, unit (its name as
 * data/units.csv writes it), year, kind. A copy taken from a GitHub repository may instead give repo,
 * path_in_repo and commit (as ../shared/realdocs/SOURCES.csv does): its URL is the file at that commit.
 */
import Papa from 'papaparse';
import { REPORT_KINDS } from '../schemas/vocabulary';
import type { IngestOptions } from './ingest';

/** What the sidecar says about one file: flags it stands in for, and the unit's name. */
export interface SourceEntry {
  options: Pick<IngestOptions, 'url' | 'retrieved' | 'year' | 'kind'>;
  unitName?: string;
}

export type Sidecar = { ok: true; entries: Map<string, SourceEntry> } | { ok: false; error: string };

/** The URL of a file at a commit of a GitHub repository, each path segment percent-encoded. */
export function githubUrl(repo: string, commit: string, path: string): string {
  return `https://github.com/${repo}/blob/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The report kind a sidecar's kind column starts with ("部门预算 (9 tables …)" → 部门预算); undefined when it
 * names none (单位预算, a template): the text decides then.
 */
export function kindOfSidecar(value: string): string | undefined {
  const v = value.trim();
  return REPORT_KINDS.find((k) => v === k || (v.startsWith(k) && !/^\s*[A-Za-z]/.test(v.slice(k.length))));
}

/** Reads a sidecar CSV; keys are the `file` column with `/` separators, as written. */
export function parseSidecar(text: string): Sidecar {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: ',' });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('file')) return { ok: false, error: `has no column file (columns: ${fields.join(', ') || 'none'})` };
  const entries = new Map<string, SourceEntry>();
  for (const row of parsed.data) {
    const file = (row['file'] ?? '').trim().replace(/\\/g, '/');
    if (file === '') continue;
    const cell = (name: string) => {
      const v = (row[name] ?? '').trim();
      return v === '' ? undefined : v;
    };
    const repo = cell('repo');
    const path = cell('path_in_repo');
    const commit = cell('commit');
    const url = cell('url') ?? cell('source_url') ?? (repo && path && commit ? githubUrl(repo, commit, path) : undefined);
    const year = cell('year');
    const kind = kindOfSidecar(cell('kind') ?? '');
    const options: SourceEntry['options'] = {
      ...(url !== undefined ? { url } : {}),
      ...(cell('retrieved') !== undefined ? { retrieved: cell('retrieved') } : {}),
      ...(year !== undefined && /^\d{4}$/.test(year) ? { year } : {}),
      ...(kind !== undefined ? { kind } : {}),
    };
    const unitName = cell('unit');
    entries.set(file, { options, ...(unitName !== undefined ? { unitName } : {}) });
  }
  return { ok: true, entries };
}

/**
 * The entry for a file at `relativePath` from the sidecar's folder; a sidecar kept elsewhere may name files
 * by a longer path ("shanghai/x.pdf" for DIR/x.pdf), so a unique entry ending in the same path also counts.
 */
export function sidecarEntry(entries: ReadonlyMap<string, SourceEntry>, relativePath: string): SourceEntry | undefined {
  const path = relativePath.replace(/\\/g, '/');
  const exact = entries.get(path);
  if (exact) return exact;
  const ending = [...entries.keys()].filter((k) => k.endsWith(`/${path}`));
  return ending.length === 1 ? entries.get(ending[0] ?? '') : undefined;
}
