/**
 * npm run build runs this twice after the search words: for the default index (`pagefind/`, without the reports'
 * full texts) and for the full-text index (FULL_TEXT_BUNDLE, every page whole). Each is built in shards of at
 * most its SEARCH_BUNDLES size (src/lib/pagefind-shards.ts; `--shard-pages N` overrides it) so that no Pagefind run
 * holds a large site in memory, leaving out what SEARCH_BUNDLES says; the search page merges a bundle's shards.
 *
 *   npx tsx scripts/pagefind-index.ts [dist] --bundle <folder> [--shard-pages N] [--cache DIR]
 *
 * A shard is a folder of hard links to its pages (copies where links fail), so Pagefind sees the same paths as
 * in dist/ and its results link to the same pages; the folder is removed after its run.
 *
 * Incremental: each shard's index is kept in the cache (.cache/search/<bundle>/, or --cache DIR) under the key
 * of its pages' paths and bytes (shardKey). A shard whose pages are all unchanged since the last build is copied
 * from there instead of indexed again: at 10,000 reports the two indexes took 9 of a build's 16 minutes, and a
 * build's pages are the same bytes when their data and code are. The cache keeps only the shards of the last
 * build of each bundle; an entry is written whole (to a temporary name, then renamed) or not at all.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { SEARCH_BUNDLES, SHARDS_FILE, shardFolders, shardKey, shardsOf, type SearchBundle } from '../src/lib/pagefind-shards';

const { values, positionals } = parseArgs({
  options: { bundle: { type: 'string' }, 'shard-pages': { type: 'string' }, cache: { type: 'string' } },
  allowPositionals: true,
});
const dist = positionals[0] ?? 'dist';
const known = Object.keys(SEARCH_BUNDLES);
const name = values.bundle ?? '';
if (!known.includes(name)) throw new Error(`pagefind-index: --bundle names one of ${known.join(', ')}, not ${JSON.stringify(name)}`);
const bundleName = name as SearchBundle;
const { shardPages, excludeSelectors, runsAtOnce } = SEARCH_BUNDLES[bundleName];
const size = values['shard-pages'] === undefined ? shardPages : Number(values['shard-pages']);
const exclude = excludeSelectors === null ? [] : ['--exclude-selectors', excludeSelectors];
const modules = join(process.cwd(), 'node_modules');
const pagefind = join(modules, '.bin', 'pagefind');
const pagefindVersion = (JSON.parse(readFileSync(join(modules, 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
const cache = join(values.cache ?? join(process.cwd(), '.cache', 'search'), bundleName);

/** The site's pages, without the search bundles' folders. */
const pages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = join(dir, e.name);
      if (e.isDirectory()) return dir === dist && known.includes(e.name) ? [] : pages(full);
      return e.name.endsWith('.html') ? [relative(dist, full)] : [];
    })
    .sort();

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(pagefind, [...args, ...exclude], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (status, signal) =>
      status === 0 ? resolve() : reject(new Error(`pagefind-index: pagefind ${args.join(' ')} failed (exit ${status ?? signal})`)),
    );
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Indexes one shard's pages into `output`, or copies its index from the cache when they are unchanged. */
async function indexShard(shard: readonly string[], output: string, label: string, k: number): Promise<{ key: string; reused: boolean }> {
  const key = shardKey(
    pagefindVersion,
    bundleName,
    shard.map((page) => [page, sha256(join(dist, page))] as const),
  );
  const kept = join(cache, key);
  if (existsSync(kept)) {
    cpSync(kept, output, { recursive: true });
    console.log(`pagefind-index: ${label}, ${shard.length} page(s): unchanged since the last build, its index taken from the cache`);
    return { key, reused: true };
  }
  const work = `${dist.replace(/\/+$/, '')}.${bundleName}-shard-${k}`;
  rmSync(work, { recursive: true, force: true });
  for (const page of shard) {
    mkdirSync(dirname(join(work, page)), { recursive: true });
    try {
      linkSync(join(dist, page), join(work, page));
    } catch {
      copyFileSync(join(dist, page), join(work, page));
    }
  }
  console.log(`pagefind-index: ${label}, ${shard.length} page(s)`);
  await run(['--site', work, '--output-path', output]);
  rmSync(work, { recursive: true, force: true });
  // kept as Pagefind wrote it (the canonical step rewrites the copy in dist/ afterwards), whole or not at all
  const temporary = `${kept}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  cpSync(output, temporary, { recursive: true });
  renameSync(temporary, kept);
  return { key, reused: false };
}

const shards = shardsOf(pages(dist), size);
const bundle = join(dist, bundleName);
rmSync(bundle, { recursive: true, force: true });
const folders = shardFolders(shards.length);
mkdirSync(cache, { recursive: true });
const done: { key: string; reused: boolean }[] = [];
const queue = (shards.length === 0 ? [[]] : shards).map((shard, k) => ({ shard, k }));
// `runsAtOnce` Pagefind runs side by side (SEARCH_BUNDLES says why), each taking the next shard when it is done
await Promise.all(
  Array.from({ length: Math.min(runsAtOnce, queue.length) }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { shard, k } = next;
      const label = shards.length <= 1 ? bundleName : `${bundleName} shard ${k + 1} of ${shards.length}`;
      done[k] = await indexShard(shard, join(bundle, folders[k] ?? `${k}/`), label, k);
    }
  }),
);
// the cache keeps this build's shards only (and nothing half-written by a run that was stopped)
const keys = new Set(done.map((d) => d.key));
for (const entry of readdirSync(cache)) if (!keys.has(entry)) rmSync(join(cache, entry), { recursive: true, force: true });
mkdirSync(bundle, { recursive: true });
writeFileSync(join(bundle, SHARDS_FILE), `${JSON.stringify(folders)}\n`);
const reused = done.filter((d) => d.reused).length;
console.log(
  `pagefind-index: ${bundleName}: ${shards.flat().length} page(s) in ${folders.length} shard(s) of at most ${size}; ${reused} of ${done.length} taken unchanged from the cache`,
);
