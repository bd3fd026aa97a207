/**
 * npm run build runs this after the default Pagefind index: the full-text index (FULL_TEXT_BUNDLE), every page
 * whole, built in shards of at most SHARD_PAGES pages so that no Pagefind run holds a large site in memory
 * (src/lib/pagefind-shards.ts). `npx tsx scripts/pagefind-text.ts [dist] [--shard-pages N]`.
 *
 * A shard is a folder of hard links to its pages (copies where links fail), so Pagefind sees the same paths as
 * in dist/ and its results link to the same pages; the folder is removed after its run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { FULL_TEXT_BUNDLE } from '../public/js/search-query.js';
import { SHARD_PAGES, SHARDS_FILE, shardFolders, shardsOf } from '../src/lib/pagefind-shards';

const { values, positionals } = parseArgs({ options: { 'shard-pages': { type: 'string' } }, allowPositionals: true });
const dist = positionals[0] ?? 'dist';
const size = values['shard-pages'] === undefined ? SHARD_PAGES : Number(values['shard-pages']);
const pagefind = join(process.cwd(), 'node_modules', '.bin', 'pagefind');

/** The site's pages, without Pagefind's own folders. */
const pages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'pagefind' || e.name === FULL_TEXT_BUNDLE ? [] : pages(full);
      return e.name.endsWith('.html') ? [relative(dist, full)] : [];
    })
    .sort();

function run(args: string[]): void {
  const result = spawnSync(pagefind, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`pagefind-text: pagefind ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

const shards = shardsOf(pages(dist), size);
const bundle = join(dist, FULL_TEXT_BUNDLE);
rmSync(bundle, { recursive: true, force: true });
const folders = shardFolders(shards.length);
if (shards.length <= 1) {
  run(['--site', dist, '--output-subdir', FULL_TEXT_BUNDLE]);
} else {
  const work = `${dist.replace(/\/+$/, '')}.text-shard`;
  shards.forEach((shard, k) => {
    rmSync(work, { recursive: true, force: true });
    for (const page of shard) {
      mkdirSync(dirname(join(work, page)), { recursive: true });
      try {
        linkSync(join(dist, page), join(work, page));
      } catch {
        copyFileSync(join(dist, page), join(work, page));
      }
    }
    console.log(`pagefind-text: shard ${k + 1} of ${shards.length}, ${shard.length} page(s)`);
    run(['--site', work, '--output-path', join(bundle, folders[k] ?? `${k}/`)]);
    rmSync(work, { recursive: true, force: true });
  });
}
mkdirSync(bundle, { recursive: true });
writeFileSync(join(bundle, SHARDS_FILE), `${JSON.stringify(folders)}\n`);
console.log(`pagefind-text: ${shards.flat().length} page(s) in ${folders.length} shard(s) of at most ${size}`);
