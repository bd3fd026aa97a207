/**
 * npm run build runs this between `astro build` and `pagefind --site dist`: every indexed page gets, hidden, the
 * browser's segmentation of its text and of the known terms it holds (src/lib/search-terms.ts), so that searching
 * for any glossary term, metric, unit, place or report title finds every page that holds it.
 *
 * Pages are independent, so they are shared among one worker thread per CPU: at 10,000 reports (14,930 pages)
 * one thread took 5.5 minutes, most of it parsing pages and segmenting their words.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { t, type MessageKey } from '../src/i18n';
import { GLOSSARY } from '../src/lib/glossary';
import { knownTerms, segmentKey, segmentText, withSearchWords } from '../src/lib/search-terms';
import { METRICS } from '../src/schemas/vocabulary';

interface Share {
  files: string[];
  terms: string[];
  /** The segmentations kept from the last build, by segmentKey. */
  kept: Record<string, string>;
}

/** What a share did: how many pages changed, and the segmentations it used (kept for the next build). */
interface Done {
  changed: number;
  used: Record<string, string>;
  reused: number;
}

/** Adds the search words to each file, segmenting only the texts the last build did not; returns what it did. */
function addSearchWords({ files, terms, kept }: Share): Done {
  const used: Record<string, string> = {};
  let changed = 0;
  let reused = 0;
  const segment = (text: string) => {
    const key = segmentKey(text);
    if (Object.hasOwn(used, key)) return used[key] ?? '';
    const known = Object.hasOwn(kept, key) ? kept[key] : undefined;
    if (known !== undefined) reused++;
    return (used[key] = known ?? segmentText(text));
  };
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const next = withSearchWords(html, terms, segment);
    if (next !== html) {
      writeFileSync(file, next);
      changed++;
    }
  }
  return { changed, used, reused };
}

/**
 * Where the segmentations are kept between builds (not committed): the build's own texts only, so it does not
 * grow with builds. Unreadable (say, a build stopped while writing it), it is ignored and written again.
 */
const DEFAULT_CACHE = join('.cache', 'search', 'words.json');
const readKept = (file: string): Record<string, string> => {
  try {
    const kept: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return kept !== null && typeof kept === 'object' && !Array.isArray(kept) ? (kept as Record<string, string>) : {};
  } catch {
    return {};
  }
};

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });

/** Runs one share in a worker thread (this same file), resolving to what it did. */
const inWorker = (share: Share): Promise<Done> =>
  new Promise((resolve, reject) => {
    // tsx's loader is not carried into worker threads: the worker registers it, then loads this file
    const start = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(start, { eval: true, workerData: share });
    worker.once('message', (done: Done) => resolve(done));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`search-words: a worker exited with ${code}`)));
  });

async function main(): Promise<void> {
  // npx tsx scripts/search-words.ts [dist] [--threads N] [--cache FILE | --no-cache]
  const { values, positionals } = parseArgs({
    options: { threads: { type: 'string' }, cache: { type: 'string' }, 'no-cache': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const asked = values.threads === undefined ? NaN : Number(values.threads);
  if (values.threads !== undefined && !(Number.isInteger(asked) && asked >= 1))
    throw new Error('search-words: --threads needs a whole number ≥ 1');
  const dist = positionals[0] ?? 'dist';
  const cacheFile = values['no-cache'] ? null : (values.cache ?? DEFAULT_CACHE);
  const kept = cacheFile === null ? {} : readKept(cacheFile);
  const content = <T>(name: string): T[] => JSON.parse(readFileSync(join('content', `${name}.json`), 'utf8')) as T[];
  const terms = knownTerms({
    glossary: GLOSSARY.flatMap((entry) => [t(`glossary.${entry.id}.term` as MessageKey), ...entry.aliases]),
    metrics: Object.values(METRICS).map((m) => m.label),
    units: content('units'),
    reports: content('reports'),
  });
  const files = htmlFiles(dist);
  // a small site is done faster than threads start
  const threads = Number.isInteger(asked) ? asked : files.length < 200 ? 1 : Math.min(availableParallelism(), 8);
  // dealt out in turn, so that every thread gets pages of every kind (report pages are the long ones)
  const shares = Array.from({ length: threads }, (_, k) => ({ files: files.filter((_, i) => i % threads === k), terms, kept }));
  const done = threads === 1 ? [addSearchWords({ files, terms, kept })] : await Promise.all(shares.map(inWorker));
  const changed = done.reduce((sum, d) => sum + d.changed, 0);
  const reused = done.reduce((sum, d) => sum + d.reused, 0);
  // (a run over pages that all have their words already segmented nothing: it keeps the last build's cache)
  if (cacheFile !== null && changed > 0) {
    // whole or not at all: a temporary file renamed over the last one
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(`${cacheFile}.tmp`, JSON.stringify(Object.assign({}, ...done.map((d) => d.used))));
    renameSync(`${cacheFile}.tmp`, cacheFile);
  }
  console.log(
    `search-words: ${terms.length} known terms; hidden search words added to ${changed} page(s) (${threads} thread(s)); ${reused} text(s) segmented by an earlier build${cacheFile === null ? '' : `, taken from ${cacheFile}`}`,
  );
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  parentPort?.postMessage(addSearchWords(workerData as Share));
}
