import { changelogEntrySchema, type ChangelogEntry } from '../schemas/changelog';
import { parseCsv } from './csv';
import type { DatasetVersion } from './downloads';

const COLUMNS = ['version', 'date', 'changes'] as const;

/**
 * Reads data/CHANGELOG.csv (the content collection's parser). Fails loudly, naming the row, on a malformed
 * file, a bad row, or versions or dates that do not increase: the latest row is the dataset's version.
 */
export function parseChangelog(text: string, file = 'data/CHANGELOG.csv'): (ChangelogEntry & { id: string })[] {
  const parsed = parseCsv(text, file, COLUMNS);
  const problems = parsed.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
  const entries: (ChangelogEntry & { id: string })[] = [];
  for (const record of parsed.records) {
    const result = changelogEntrySchema.safeParse(record.values);
    if (!result.success) {
      problems.push(...result.error.issues.map((i) => `${file}:${record.line}: ${i.path.join('.')}: ${i.message}`));
      continue;
    }
    const previous = entries.at(-1);
    if (previous && (compareVersions(result.data.version, previous.version) <= 0 || result.data.date < previous.date)) {
      problems.push(`${file}:${record.line}: version and date must follow ${previous.version} (${previous.date}): newest last`);
    }
    entries.push({ ...result.data, id: result.data.version });
  }
  if (entries.length === 0 && problems.length === 0) problems.push(`${file}: no release listed`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) {
    const d = (x?.[i] ?? 0) - (y?.[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The dataset's version and last change date: the newest release. */
export function currentVersion(entries: readonly ChangelogEntry[]): DatasetVersion {
  const latest = entries.at(-1);
  if (!latest) throw new Error('data/CHANGELOG.csv lists no release');
  return { version: latest.version, date: latest.date };
}
