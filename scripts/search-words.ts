/**
 * npm run build runs this between `astro build` and `pagefind --site dist`: every indexed page gets, hidden, the
 * browser's segmentation of its text and of the known terms it holds (src/lib/search-terms.ts), so that searching
 * for any glossary term, metric, unit, place or report title finds every page that holds it.
 *
 * Pages are independent, so they are shared among one worker thread per CPU: at 10,000 reports (14,930 pages)
 * one thread took 5.5 minutes, most of it parsing pages and segmenting their words.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { t, type MessageKey } from '../src/i18n';
import { GLOSSARY } from '../src/lib/glossary';
import { knownTerms, withSearchWords } from '../src/lib/search-terms';
import { METRICS } from '../src/schemas/vocabulary';

interface Share {
  files: string[];
  terms: string[];
}

/** Adds the search words to each file; returns how many changed. */
function addSearchWords({ files, terms }: Share): number {
  let changed = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const next = withSearchWords(html, terms);
    if (next !== html) {
      writeFileSync(file, next);
      changed++;
    }
  }
  return changed;
}

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });

/** Runs one share in a worker thread (this same file), resolving to its count of changed pages. */
const inWorker = (share: Share): Promise<number> =>
  new Promise((resolve, reject) => {
    // tsx's loader is not carried into worker threads: the worker registers it, then loads this file
    const start = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(start, { eval: true, workerData: share });
    worker.once('message', (changed: number) => resolve(changed));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`search-words: a worker exited with ${code}`)));
  });

async function main(): Promise<void> {
  // npx tsx scripts/search-words.ts [dist] [--threads N]
  const args = process.argv.slice(2);
  const threadsArg = args.indexOf('--threads');
  const asked = threadsArg >= 0 ? Number(args[threadsArg + 1]) : NaN;
  if (threadsArg >= 0 && !(Number.isInteger(asked) && asked >= 1)) throw new Error('search-words: --threads needs a whole number ≥ 1');
  const dist = args.find((a, i) => !a.startsWith('--') && (threadsArg < 0 || i !== threadsArg + 1)) ?? 'dist';
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
  const shares = Array.from({ length: threads }, (_, k) => ({ files: files.filter((_, i) => i % threads === k), terms }));
  const counts = threads === 1 ? [addSearchWords({ files, terms })] : await Promise.all(shares.map(inWorker));
  const changed = counts.reduce((a, b) => a + b, 0);
  console.log(`search-words: ${terms.length} known terms; hidden search words added to ${changed} page(s) (${threads} thread(s))`);
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  parentPort?.postMessage(addSearchWords(workerData as Share));
}
