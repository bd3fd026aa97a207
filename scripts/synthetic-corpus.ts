/**
 * npx tsx scripts/synthetic-corpus.ts --reports N [--seed S] --out DIR — writes a synthetic dataset of N
 * reports into DIR, in the layout of data/ (see src/lib/synthetic/corpus.ts). For the bench and for scale
 * tests; it refuses to write into the project's own data/.
 */
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../src/lib/synthetic/corpus';

const { values } = parseArgs({ options: { reports: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
const n = Number(values.reports);
if (values.out === undefined || values.reports === undefined || !Number.isInteger(n) || n < 1) {
  console.error('usage: tsx scripts/synthetic-corpus.ts --reports N [--seed S] --out DIR');
  process.exit(2);
}
const out = resolve(values.out);
if (out === resolve('data') || out.startsWith(`${resolve('data')}/`)) {
  console.error(`synthetic-corpus: refusing to write into the real dataset (${out})`);
  process.exit(2);
}
if (existsSync(out) && readdirSync(out).length > 0) {
  console.error(`synthetic-corpus: ${out} is not empty; give an empty or new folder`);
  process.exit(2);
}
for (const folder of ['sources', 'figures', 'indicators']) mkdirSync(join(out, folder), { recursive: true });
const t0 = performance.now();
const summary = writeCorpus(n, values.seed, (path, content) => {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), content);
});
console.error(
  `synthetic-corpus: ${summary.reports} reports of ${summary.units} units, ${summary.figures} figures, ${summary.indicators} indicators, ` +
    `${(summary.bytes / 1e6).toFixed(1)} MB of text, ${summary.planted.length} planted contradictions → ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);
