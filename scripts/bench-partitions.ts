/**
 * npx tsx scripts/bench-partitions.ts --reports N [--seed S] [--only 湖南省,四川省,上海市,新疆维吾尔自治区] [--jobs 2] [--keep]
 *
 * The partitioned build at national scale: a synthetic corpus of N reports (src/lib/synthetic) in a copy of the
 * project (packages linked one by one, as `npm run bench` does), `npm run build -- --join --jobs J --only …`
 * run there while /proc is sampled every 500 ms. Per partition: its reports and pages, wall and CPU time (as
 * the partition prints them), peak RSS (summed over the processes working in its folder .partitions/<folder>),
 * its folder's size and Pagefind index; for the join: wall, CPU, the load average, the national pages' sizes,
 * and the bytes a first search for 三公经费 fetches on the first partition's own search page and on the national
 * one (Chromium, when there is one). A table on stdout, every number in bench-results/partitions-<N>.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { writeCorpus } from '../src/lib/synthetic/corpus';
import { parsePartitionLine, partitionOfCwd, type PartitionTiming } from '../src/lib/bench/partitions';
import { partitionFolder } from '../src/lib/partition';
import { measureFirstSearch } from './bench-scale';

const root = process.cwd();
const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'scripts', 'public', 'tests/helpers'];

const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string', default: '湖南省,四川省,上海市,新疆维吾尔自治区' },
    jobs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
const bytesUnder = (dir: string) => filesUnder(dir).reduce((n, f) => n + statSync(f).size, 0);
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** The resident memory (bytes) of each partition's processes right now, by folder. */
function rssByPartition(work: string): Map<string, number> {
  const rss = new Map<string, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const folder = partitionOfCwd(readlinkSync(`/proc/${name}/cwd`), work);
      if (folder === null) continue;
      const pages = Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]);
      rss.set(folder, (rss.get(folder) ?? 0) + pages * PAGE_BYTES);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return rss;
}

async function main(): Promise<void> {
  const n = Number(args.reports);
  const provinces = args.only.split(',').map((p) => p.trim());
  const dir = mkdtempSync(join(tmpdir(), `mingzhang-partitions-${n}-`));
  console.error(`bench-partitions: ${n} reports, partitions ${provinces.join('、')}, ${args.jobs} at a time, in ${dir}`);
  for (const f of PROJECT_FILES) cpSync(join(root, f), join(dir, f), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== '.astro') symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  const corpus = writeCorpus(n, args.seed, (path, content) => {
    const file = join(dir, 'data', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  });

  const work = join(dir, '.partitions');
  const peaks = new Map<string, number>();
  const loads: number[] = [];
  const logFile = join(dir, 'build.log');
  const log = createWriteStream(logFile);
  let output = '';
  const started = performance.now();
  const status = await new Promise<number | null>((resolve) => {
    const env = { ...process.env };
    delete env['SITE_URL'];
    const child = spawn(
      join(dir, 'node_modules', '.bin', 'tsx'),
      ['scripts/build.ts', '--join', '--jobs', args.jobs, '--only', provinces.join(',')],
      {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const sampler = setInterval(() => {
      for (const [folder, bytes] of rssByPartition(work)) peaks.set(folder, Math.max(peaks.get(folder) ?? 0, bytes));
      loads.push(loadAverage());
    }, 500);
    child.on('close', (code) => {
      clearInterval(sampler);
      resolve(code);
    });
  });
  log.end();
  const wall = (performance.now() - started) / 1000;
  if (status !== 0) {
    console.error(`bench-partitions: the build failed (exit ${status}); its output: ${logFile}`);
    process.exit(1);
  }

  const out = join(dir, 'dist-partitions');
  const timings = output
    .split('\n')
    .map(parsePartitionLine)
    .filter((t): t is PartitionTiming => t !== null);
  const joinLine = /^join: \d+ partition\(s\), \d+ at a time, in ([\d.]+) s(?: \(CPU ([\d.]+) s\))?/m.exec(output);
  const partitions = provinces.map((province) => {
    const folder = partitionFolder(province);
    const timing = timings.find((t) => t.folder === folder);
    const site = join(out, folder);
    return {
      province,
      folder,
      reports: (JSON.parse(readFileSync(join(site, 'data', 'reports.json'), 'utf8')) as unknown[]).length,
      pages: filesUnder(site).filter((f) => f.endsWith('.html')).length,
      wallSeconds: timing?.wall ?? null,
      cpuSeconds: timing?.cpu ?? null,
      steps: timing?.steps ?? [],
      peakRssMB: Math.round((peaks.get(folder) ?? 0) / 2 ** 20),
      distMB: bytesUnder(site) / 2 ** 20,
      pagefindMB: bytesUnder(join(site, 'pagefind')) / 2 ** 20,
    };
  });
  const nationalPages = readdirSync(out, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(out, e.name))
    .concat(filesUnder(join(out, 'sangong')))
    .map((file) => {
      const bytes = readFileSync(file);
      return { page: file.slice(out.length + 1), bytes: bytes.length, gzipped: gzipSync(bytes).length };
    });
  const first = partitions[0]?.folder ?? '';
  const searches = { [first]: await measureFirstSearch(join(out, first)), national: await measureFirstSearch(out) };
  const result = {
    reports: n,
    seed: args.seed,
    corpus: { units: corpus.units, reports: corpus.reports, figures: corpus.figures },
    jobs: Number(args.jobs),
    loadAverage: { min: Math.min(...loads), max: Math.max(...loads), samples: loads.length },
    join: { wallSeconds: Number(joinLine?.[1] ?? wall), cpuSeconds: joinLine?.[2] === undefined ? null : Number(joinLine[2]) },
    partitions,
    nationalPages,
    firstSearch: Object.fromEntries(
      Object.entries(searches).map(([name, m]) => [name, typeof m === 'string' ? m : { bytes: m.bytes, requests: m.requests }]),
    ),
  };
  const results = join(root, 'bench-results');
  mkdirSync(results, { recursive: true });
  const file = join(results, `partitions-${n}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 1)}\n`);

  const mb = (x: number) => `${x.toFixed(1)} MB`;
  const s = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} s`);
  const rows = [
    '| partition | reports | pages | wall | CPU | peak RSS | dist | Pagefind index |',
    '|---|---|---|---|---|---|---|---|',
    ...partitions.map(
      (p) =>
        `| ${p.province} | ${p.reports} | ${p.pages} | ${s(p.wallSeconds)} | ${s(p.cpuSeconds)} | ${(p.peakRssMB / 1024).toFixed(2)} GB | ${mb(p.distMB)} | ${mb(p.pagefindMB)} |`,
    ),
    `| the ${partitions.length}, ${args.jobs} at a time | ${partitions.reduce((k, p) => k + p.reports, 0)} | ${partitions.reduce((k, p) => k + p.pages, 0)} | ${s(result.join.wallSeconds)} | ${s(result.join.cpuSeconds)} | | | |`,
  ];
  console.log(`\n${rows.join('\n')}\n`);
  console.log(`load average (1 min) during the build: ${result.loadAverage.min}–${result.loadAverage.max}`);
  for (const p of nationalPages) console.log(`national ${p.page}: ${p.bytes} bytes, ${p.gzipped} gzipped`);
  for (const [name, m] of Object.entries(result.firstSearch)) {
    console.log(`first search 三公经费 on ${name}: ${typeof m === 'string' ? m : `${m.bytes} bytes in ${m.requests} requests`}`);
  }
  console.log(`(written to bench-results/partitions-${n}.json)`);
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
}

await main();
