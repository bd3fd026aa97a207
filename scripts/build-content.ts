/**
 * npm run content — data/ → content/: validates the dataset (the same checks as `npm run validate`) and,
 * only when there is no problem, writes the content collections the Astro site loads.
 *
 * Incremental: .cache/content/ (not committed) keeps the key of the last run's input — every file of data/,
 * the code that reads it, the year — and each report's check results by content hash. When the key is
 * unchanged and content/ is as that run wrote it, nothing is validated, checked or written again; otherwise
 * reports whose inputs are unchanged take their findings and checklists from the cache.
 *
 * Besides content/<collection>.json it writes content/by-report/<report id>.json (each report's figures,
 * indicators, findings and checklist) and <report id>.txt (its masked text), which the site reads through
 * src/lib/report-files.ts rather than Astro's content store (reports.json holds no texts), and writes every
 * file entry by entry, so that no collection has to fit in one string.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { dataFiles, readDataset, readPartitionScope, sha256 } from '../src/lib/dataset-files';
import { formatProblem, validateDataset } from '../src/lib/validate';
import { buildCollections } from '../src/lib/dataset';
import { datasetForBuild, partitionOf } from '../src/lib/partition';
import { memoryCache, runKey, type ReportResults } from '../src/lib/content-cache';
import { BY_REPORT_DIR, reportFiles } from '../src/lib/report-files';

const root = process.cwd();
const out = join(root, 'content');
const cacheDir = join(root, '.cache', 'content');
const runFile = join(cacheDir, 'run.json');
const resultsFile = join(cacheDir, 'reports.json');

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    : [];
/** The code whose output content/ is: a change to any of it invalidates the cache. */
const codeVersion = sha256(
  [join(root, 'src', 'lib'), join(root, 'src', 'schemas'), join(root, 'src', 'i18n'), join(root, 'scripts', 'build-content.ts')]
    .flatMap((p) => (p.endsWith('.ts') ? [p] : filesUnder(p)))
    .filter((f) => !f.endsWith('.test.ts'))
    .sort()
    .map((f) => `${relative(root, f)}\u0000${sha256(readFileSync(f))}`)
    .join('\n'),
);
const year = new Date().getFullYear();
// A partition (scripts/build.ts sets PARTITION_ENV) reads the two manifests and only its province's reports'
// files: what it reads, hashes and validates grows with the province, not with the nation.
const province = partitionOf(process.env);
const scope = province === null ? undefined : readPartitionScope(root, province);
const inputs = new Map(dataFiles(root, scope).map((f) => [f, sha256(readFileSync(join(root, f)))]));
// a partition's content differs from the whole site's for the same data/: the partition is part of the key
const key = runKey(`${codeVersion}\u0000partition:${province ?? ''}`, inputs, year);

interface LastRun {
  key: string;
  /** sha256 of each content file the run wrote. */
  outputs: Record<string, string>;
}
const readJson = <T>(file: string): T | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
};
const last = readJson<LastRun>(runFile);
const unchanged =
  last !== null &&
  last.key === key &&
  Object.entries(last.outputs).every(([name, hash]) => existsSync(join(out, name)) && sha256(readFileSync(join(out, name))) === hash);
if (unchanged) {
  console.error(
    `content: data/ and the code are unchanged since the last run (${inputs.size} files): content/ is up to date, nothing done`,
  );
  process.exit(0);
}

const { problems, dataset } = validateDataset(readDataset(root, scope), year);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`content: ${problems.length} problem(s) in data/ — nothing written. Fix them and run again.`);
  process.exit(1);
}
const cache = memoryCache(readJson<Record<string, ReportResults>>(resultsFile) ?? {});
// one province's part when scripts/build.ts builds a partition (MINGZHANG_PARTITION), else the whole dataset
const collections = buildCollections(datasetForBuild(dataset, process.env), cache, codeVersion);
mkdirSync(out, { recursive: true });
const outputs: Record<string, string> = {};
/** Writes a JSON array one entry per line; returns the file's sha256. */
const writeArray = (file: string, entries: readonly unknown[]) => {
  const fd = openSync(file, 'w');
  const hash = createHash('sha256');
  const put = (text: string) => {
    writeSync(fd, text);
    hash.update(text);
  };
  put('[\n');
  entries.forEach((entry, k) => put(`${JSON.stringify(entry)}${k < entries.length - 1 ? ',' : ''}\n`));
  put(']\n');
  closeSync(fd);
  return hash.digest('hex');
};
// the texts are written per report (below), not into reports.json: pages read one report's text at a time
const withoutText = ({ text: _text, ...entry }: (typeof collections.reports)[number]) => entry;
for (const [name, entries] of Object.entries({ ...collections, reports: collections.reports.map(withoutText) })) {
  outputs[`${name}.json`] = writeArray(join(out, `${name}.json`), entries);
  console.error(`content/${name}.json: ${entries.length} entries`);
}
const byReport = join(root, BY_REPORT_DIR);
rmSync(byReport, { recursive: true, force: true });
mkdirSync(byReport, { recursive: true });
const writeReportFile = (name: string, content: string) => {
  writeFileSync(join(byReport, name), content);
  outputs[join('by-report', name)] = sha256(content);
};
for (const [id, { rows, text }] of reportFiles(collections)) {
  writeReportFile(`${id}.json`, rows);
  writeReportFile(`${id}.txt`, text);
}
console.error(
  `${BY_REPORT_DIR}/: ${collections.reports.length} reports × 2 files (figures, indicators, findings and checklist; masked text)`,
);
mkdirSync(cacheDir, { recursive: true });
writeFileSync(resultsFile, JSON.stringify(cache.used()));
writeFileSync(runFile, `${JSON.stringify({ key, outputs } satisfies LastRun, null, 1)}\n`);
console.error(`content: checks of ${cache.hits()} of ${collections.reports.length} reports taken from .cache/content (inputs unchanged)`);
