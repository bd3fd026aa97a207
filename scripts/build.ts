/**
 * npm run build — builds the site, one province's partition of it, or the national site joining partitions.
 *
 *   npm run build                                  the whole site into dist/
 *   npm run build -- --partition 湖南省              one province's site into dist-partitions/<folder>/ (e.g. hunan/)
 *   npm run build -- --join [--jobs N] [--only 湖南省,四川省]
 *                                                  every province's partition (or those listed), N builds at a time
 *                                                  (default: one per CPU), then the national pages over them
 *   npm run build -- --join --prebuilt             only the national pages, over the partition folders already in
 *                                                  dist-partitions/ (the last job of a CI matrix)
 *   npm run --silent build -- --list-partitions    the provinces of data/units.csv as a JSON array (a CI matrix's list)
 *
 * Every build runs the same steps: content → astro build → search words → pagefind (a default index and a
 * full-text index, each in shards on a large site) → canonical Pagefind files.
 * A partition builds in a work folder of its own (.partitions/<folder>/: a copy of the code, data/ and
 * node_modules linked), so that partitions run as parallel processes without sharing content/, dist/ or
 * Astro's caches; its .cache/ (the content step's and the search indexes', scripts/pagefind-index.ts) is linked
 * to .cache/partitions/<folder>/, so that building a partition again does what changed only.
 * SITE_URL, when set, is the national site's address; a partition's is SITE_URL/<folder>/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UNIT_COLUMNS } from '../src/lib/validate';
import { parseCsv } from '../src/lib/csv';
import { PARTITION_ENV, PARTITION_FOLDER, childrenCpuSeconds, partitionFolder, provincesOf } from '../src/lib/partition';
import {
  NATIONAL_PAGES,
  nationalIndexPage,
  nationalSangongPages,
  nationalSearchPage,
  readPartitionExport,
} from '../src/lib/partition-national';
import { siteBase } from '../src/lib/site';
import { FULL_TEXT_BUNDLE } from '../public/js/search-query.js';

const root = process.cwd();
const OUT = join(root, 'dist-partitions');
const WORK = join(root, '.partitions');
/** What a partition's work folder copies from the project (data/ and node_modules/ are linked, not copied). */
const CODE = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

const { values: options } = parseArgs({
  options: {
    partition: { type: 'string' },
    'list-partitions': { type: 'boolean', default: false },
    join: { type: 'boolean', default: false },
    prebuilt: { type: 'boolean', default: false },
    only: { type: 'string' },
    jobs: { type: 'string' },
  },
});

/**
 * The build's steps, in order, as [label, command, arguments], run in `cwd` with `env`. The whole site ends by
 * checking that it holds all of data/ (scripts/verify-build.ts); a partition holds one province's part by
 * design, and its own test compares it with the whole site's rows.
 */
function steps(astroConfig: string[], verify: boolean): [string, string, string[]][] {
  return [
    ['content', bin('tsx'), ['scripts/build-content.ts']],
    ['astro', bin('astro'), ['build', ...astroConfig]],
    ['search words', bin('tsx'), ['scripts/search-words.ts', 'dist']],
    // the default index leaves out the reports' full texts (SEARCH_BUNDLES in src/lib/pagefind-shards.ts); the
    // second holds every page whole, for a search the reader extends to the full texts. Each in shards
    // (src/lib/pagefind-shards.ts): one Pagefind run over the 14,930 pages of 10,000 reports took 4.84 GB for the
    // default index and ran out of memory for the full texts.
    ['pagefind', bin('tsx'), ['scripts/pagefind-index.ts', 'dist', '--bundle', 'pagefind']],
    ['pagefind full text', bin('tsx'), ['scripts/pagefind-index.ts', 'dist', '--bundle', FULL_TEXT_BUNDLE]],
    ['canonical', bin('tsx'), ['scripts/pagefind-canonical.ts', 'dist', 'pagefind', FULL_TEXT_BUNDLE]],
    ...(verify ? [['verify', bin('tsx'), ['scripts/verify-build.ts', 'dist']] satisfies [string, string, string[]]] : []),
  ];
}

/** The CPU seconds this process's finished children took so far (Linux; null elsewhere). */
const childrenCpu = (): number | null =>
  existsSync('/proc/self/stat') ? childrenCpuSeconds(readFileSync('/proc/self/stat', 'utf8')) : null;

/** How long a step took: wall-clock seconds, and CPU seconds (user + system) when the system says. */
interface StepTime {
  label: string;
  wall: number;
  cpu: number | null;
}

/** Runs the steps, stopping at the first that fails; returns what each took. */
function runSteps(cwd: string, env: NodeJS.ProcessEnv, astroConfig: string[], verify: boolean): StepTime[] {
  const times: StepTime[] = [];
  for (const [label, command, args] of steps(astroConfig, verify)) {
    const started = performance.now();
    const cpuBefore = childrenCpu();
    const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`build: ${label} failed (${[command, ...args].join(' ')}: exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
    const cpuAfter = childrenCpu();
    times.push({
      label,
      wall: (performance.now() - started) / 1000,
      cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    });
  }
  return times;
}

const seconds = (s: number) => `${s.toFixed(1)} s`;
const timing = (wall: number, cpu: number | null) => (cpu === null ? seconds(wall) : `${seconds(wall)} (CPU ${seconds(cpu)})`);

/** The provinces of data/units.csv (read as CSV only: the content step validates the whole dataset). */
function provinces(): string[] {
  const file = join('data', 'units.csv');
  const units = parseCsv(readFileSync(join(root, file), 'utf8'), file, UNIT_COLUMNS, [], []);
  return provincesOf(units.records.map((r) => ({ province: r.values['province'] ?? '' })));
}

function buildPartition(province: string): void {
  const folder = partitionFolder(province);
  const work = join(WORK, folder);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const entry of CODE) cpSync(join(root, entry), join(work, entry), { recursive: true });
  symlinkSync(join(root, 'data'), join(work, 'data'), 'dir');
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  // the caches of the content step and the search indexes (.cache/) outlive the work folder, one per partition
  const cache = join(root, '.cache', 'partitions', folder);
  mkdirSync(cache, { recursive: true });
  symlinkSync(cache, join(work, '.cache'), 'dir');
  // Astro keeps its content store and Vite its cache under node_modules/ by default: shared by every partition
  // through the link, so each partition gets its own.
  writeFileSync(
    join(work, 'astro.partition.config.mjs'),
    "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.astro-cache/', vite: { ...config.vite, cacheDir: './.vite-cache/' } };\n",
  );
  const env: NodeJS.ProcessEnv = { ...process.env, [PARTITION_ENV]: province };
  const base = siteBase(process.env['SITE_URL']);
  if (base === null) delete env['SITE_URL'];
  else env['SITE_URL'] = new URL(`${folder}/`, base).href;
  const started = performance.now();
  const times = runSteps(work, env, ['--config', 'astro.partition.config.mjs'], false);
  mkdirSync(OUT, { recursive: true });
  rmSync(join(OUT, folder), { recursive: true, force: true });
  renameSync(join(work, 'dist'), join(OUT, folder));
  rmSync(work, { recursive: true, force: true });
  const wall = (performance.now() - started) / 1000;
  const cpus = times.map((t) => t.cpu);
  const cpu = cpus.every((c) => c !== null) ? cpus.reduce((a, b) => (a ?? 0) + (b ?? 0), 0) : null;
  console.error(
    `partition ${folder} (${province}): ${times.map((t) => `${t.label} ${timing(t.wall, t.cpu)}`).join(', ')}; total ${timing(wall, cpu)}`,
  );
}

/** Builds the partitions as child processes, `jobs` at a time; resolves to the provinces whose build failed. */
async function buildPartitions(list: string[], jobs: number): Promise<string[]> {
  const failed: string[] = [];
  const queue = [...list];
  const started = performance.now();
  const cpuBefore = childrenCpu();
  const worker = async () => {
    for (let province = queue.shift(); province !== undefined; province = queue.shift()) {
      const name = province;
      const folder = partitionFolder(name);
      const begun = performance.now();
      const status = await new Promise<number | null>((resolve) => {
        const child = spawn(bin('tsx'), ['scripts/build.ts', '--partition', name], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        const prefix = (chunk: Buffer) =>
          chunk
            .toString('utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => `[${folder}] ${line}\n`)
            .join('');
        child.stdout.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
        child.stderr.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
        child.on('close', resolve);
      });
      if (status !== 0) failed.push(name);
      console.error(`join: ${folder} (${name}) ${status === 0 ? 'built' : 'FAILED'} in ${seconds((performance.now() - begun) / 1000)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, list.length)) }, worker));
  const cpuAfter = childrenCpu();
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  console.error(`join: ${list.length} partition(s), ${jobs} at a time, in ${timing((performance.now() - started) / 1000, cpu)}`);
  return failed;
}

/** The national pages over every partition folder in dist-partitions/, from their JSON exports only. */
function joinPartitions(): void {
  const started = performance.now();
  const folders = existsSync(OUT)
    ? readdirSync(OUT, { withFileTypes: true })
        .filter((e) => e.isDirectory() && PARTITION_FOLDER.test(e.name) && existsSync(join(OUT, e.name, 'data', 'units.json')))
        .map((e) => e.name)
        .sort()
    : [];
  if (folders.length === 0) {
    console.error('join: no partition in dist-partitions/: build them first (npm run build -- --partition <省>)');
    process.exit(1);
  }
  const partitions = folders.map((folder) => {
    const table = (name: string): unknown => JSON.parse(readFileSync(join(OUT, folder, 'data', `${name}.json`), 'utf8'));
    return readPartitionExport(folder, {
      units: table('units'),
      reports: table('reports'),
      figures: table('figures'),
      findings: table('findings'),
    });
  });
  writeFileSync(join(OUT, NATIONAL_PAGES.home), nationalIndexPage(partitions));
  // the 三公 pages of partitions no longer there must not stay behind
  rmSync(join(OUT, 'sangong'), { recursive: true, force: true });
  mkdirSync(join(OUT, 'sangong'));
  for (const [path, text] of nationalSangongPages(partitions)) writeFileSync(join(OUT, path), text);
  writeFileSync(join(OUT, NATIONAL_PAGES.search), nationalSearchPage(partitions));
  mkdirSync(join(OUT, 'js'), { recursive: true });
  for (const script of ['search.js', 'search-query.js']) cpSync(join(root, 'public', 'js', script), join(OUT, 'js', script));
  cpSync(join(root, 'public', 'favicon.svg'), join(OUT, 'favicon.svg'));
  console.error(
    `join: national pages over ${partitions.map((p) => `${p.folder} (${p.province})`).join(', ')} in dist-partitions/, in ${seconds((performance.now() - started) / 1000)}`,
  );
}

if (options['list-partitions']) {
  // the provinces as a JSON array, for a CI matrix (`matrix: province: ${{ fromJSON(…) }}`)
  console.log(JSON.stringify(provinces()));
} else if (options.partition !== undefined) {
  const province = options.partition;
  if (!provinces().includes(province)) {
    console.error(
      `build: no unit in data/units.csv has the province ${JSON.stringify(province)}; the provinces are: ${provinces().join('、')}`,
    );
    process.exit(1);
  }
  buildPartition(province);
} else if (options.join) {
  if (!options.prebuilt) {
    const all = provinces();
    const list = options.only === undefined ? all : options.only.split(',').map((p) => p.trim());
    const unknown = list.filter((p) => !all.includes(p));
    if (unknown.length > 0) {
      console.error(`build: no unit in data/units.csv has the province ${unknown.join('、')}; the provinces are: ${all.join('、')}`);
      process.exit(1);
    }
    const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) {
      console.error(`build: --jobs takes a whole number of builds at a time, got ${options.jobs}`);
      process.exit(1);
    }
    const failed = await buildPartitions(list, jobs);
    if (failed.length > 0) {
      console.error(`join: the partition(s) of ${failed.join('、')} failed; nothing joined`);
      process.exit(1);
    }
  }
  joinPartitions();
} else {
  const times = runSteps(root, process.env, [], true);
  console.error(`build: ${times.map((t) => `${t.label} ${timing(t.wall, t.cpu)}`).join(', ')}`);
}
