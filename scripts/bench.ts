/**
 * npm run bench [-- --only extract|site|header|ingest] — speed, size and quality targets, measured here and never in
 * unit tests. npm run bench -- --reports N [--reports M …] [--seed S] [--no-bare] [--keep]: the whole build at
 * scale on synthetic corpora (scripts/bench-scale.ts) instead. extract: throughput of the extractor on the
 * bundled reports repeated to 1 MB of text (target:
 * < 1 s on one core). site: size of dist/ and its search index, when the site has been built. header: unit,
 * year and kind on the labelled devset (../shared/devset, when present; targets 90 % / 98 % / 95 %).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../src/lib/extract';
import { totalScore } from '../src/lib/extract/evaluate';
import { scoreLabelledSet } from '../src/lib/extract/labelled-set';
import { parseArgs } from 'node:util';
import { benchIngest } from './bench-ingest';
import { benchScale } from './bench-scale';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    reports: { type: 'string', multiple: true },
    seed: { type: 'string', default: '1' },
    'no-bare': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const only = args.only ?? null;
const root = process.cwd();

function benchExtract(): boolean {
  const dir = join(root, 'data', 'sources');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  // Reports of realistic size, repeated until they make 1 MB (each extracted on its own, as ingest does).
  const batch: string[] = [];
  let total = 0;
  for (let i = 0; total < 1_000_000; i++) {
    const t = texts[i % texts.length] ?? '';
    batch.push(t);
    total += bytes(t);
  }
  extractReport(texts[0] ?? ''); // warm up the regular expressions
  const runs: number[] = [];
  let figures = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    figures = batch.reduce((n, t) => n + extractReport(t).figures.length, 0);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const best = Math.min(...runs);
  const mb = total / 1_000_000;
  // One long document as well: cost must grow linearly with length, not quadratically.
  const long = texts.join('\n\n').repeat(Math.ceil(1_000_000 / bytes(texts.join('\n\n'))));
  const t1 = process.hrtime.bigint();
  extractReport(long);
  const longSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  // One hostile line: a table flattened into 50k characters without a line break, in a short report. A
  // regular expression that rescans the rest of the line from every position made this take seconds.
  const cells = ['12345.67', '321.5万元', '2080101', '37%', '合计', '', '-'];
  const longLine = Array.from({ length: 8000 }, (_, i) => `| ${cells[(i * 7 + (i >> 3)) % cells.length] ?? ''} `)
    .join('')
    .slice(0, 50_000);
  const short = texts.reduce((a, b) => (bytes(b) < bytes(a) ? b : a), texts[0] ?? '');
  // right under the title, where the header reads every line (mid-report it is cheaper)
  const titleEnd = short.indexOf('\n') + 1;
  const withLongLine = `${short.slice(0, titleEnd)}${longLine}\n${short.slice(titleEnd)}`;
  const t2 = process.hrtime.bigint();
  extractReport(withLongLine);
  const longLineSeconds = Number(process.hrtime.bigint() - t2) / 1e9;
  const ok = best < 1 && longSeconds < 1 && longLineSeconds < 0.2;
  console.log(
    `extract: ${mb.toFixed(2)} MB in ${batch.length} reports → ${figures} figures; best of 3: ${best.toFixed(3)} s (${(mb / best).toFixed(2)} MB/s)`,
  );
  console.log(`extract: one ${(bytes(long) / 1_000_000).toFixed(2)} MB document: ${longSeconds.toFixed(3)} s`);
  console.log(`extract: a report with one ${longLine.length}-character line: ${longLineSeconds.toFixed(3)} s (target < 0.2 s)`);
  console.log(`extract: target < 1 s per MB on one core: ${ok ? 'met' : 'NOT MET'}`);
  return ok;
}

function benchSite(): boolean {
  const dist = join(root, 'dist');
  if (!existsSync(dist)) {
    console.log('site: dist/ not built (npm run build), skipped');
    return true;
  }
  const size = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (n, e) => n + (e.isDirectory() ? size(join(dir, e.name)) : statSync(join(dir, e.name)).size),
      0,
    );
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const pages = readdirSync(join(dist, 'reports')).map((f) => statSync(join(dist, 'reports', f)).size);
  console.log(
    `site: dist/ ${kb(size(dist))}, search index ${kb(size(join(dist, 'pagefind')))}, largest report page ${kb(Math.max(...pages))}`,
  );
  return true;
}

function benchHeader(): boolean {
  const devset = join(root, '..', 'shared', 'devset');
  if (!existsSync(join(devset, 'gold'))) {
    console.log(`header: ${devset} not found, skipped`);
    return true;
  }
  const { header } = totalScore(scoreLabelledSet(devset));
  const targets = { unit: 0.9, year: 0.98, kind: 0.95 } as const;
  let ok = true;
  for (const field of ['unit', 'year', 'kind'] as const) {
    const { right, labelled } = header[field];
    const met = labelled > 0 && right / labelled >= targets[field];
    ok &&= met;
    console.log(
      `header: ${field} ${right}/${labelled} (${((100 * right) / (labelled || 1)).toFixed(1)} %) on the devset; target ≥ ${targets[field] * 100} %: ${met ? 'met' : 'NOT MET'}`,
    );
  }
  return ok;
}

if (args.reports !== undefined) {
  // --reports 100,1000 or --reports 100 --reports 1000
  const sizes = args.reports.flatMap((r) => r.split(',')).map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`bench: --reports takes whole numbers of reports, not ${args.reports.join(' ')}`);
    process.exit(2);
  }
  const ok = await benchScale(sizes, { seed: args.seed, bare: !args['no-bare'], keep: args.keep });
  process.exit(ok ? 0 : 1);
}

const results = [
  only === null || only === 'extract' ? benchExtract() : true,
  only === null || only === 'site' ? benchSite() : true,
  only === null || only === 'header' ? benchHeader() : true,
  only === null || only === 'ingest' ? benchIngest(root) : true, // a 30-page 决算 PDF: scripts/bench-ingest.ts
];
process.exit(results.every(Boolean) ? 0 : 1);
