/**
 * npm run build runs this twice after the search words: for the default index (`pagefind/`, without the reports'
 * full texts) and for the full-text index (FULL_TEXT_BUNDLE, every page whole). Each is built in shards of at
 * most its SEARCH_BUNDLES size (src/lib/pagefind-shards.ts; `--shard-pages N` overrides it) so that no Pagefind run
 * holds a large site in memory, leaving out what SEARCH_BUNDLES says; the search page merges a bundle's shards.
 *
 *   npx tsx scripts/pagefind-index.ts [dist] --bundle <folder> [--shard-pages N]
 *
 * A shard is a folder of hard links to its pages (copies where links fail), so Pagefind sees the same paths as
 * in dist/ and its results link to the same pages; the folder is removed after its run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { SEARCH_BUNDLES, SHARDS_FILE, shardFolders, shardsOf, type SearchBundle } from '../src/lib/pagefind-shards';

const { values, positionals } = parseArgs({
  options: { bundle: { type: 'string' }, 'shard-pages': { type: 'string' } },
  allowPositionals: true,
});
const dist = positionals[0] ?? 'dist';
const known = Object.keys(SEARCH_BUNDLES);
const name = values.bundle ?? '';
if (!known.includes(name)) throw new Error(`pagefind-index: --bundle names one of ${known.join(', ')}, not ${JSON.stringify(name)}`);
const { shardPages, excludeSelectors } = SEARCH_BUNDLES[name as SearchBundle];
const size = values['shard-pages'] === undefined ? shardPages : Number(values['shard-pages']);
const exclude = excludeSelectors === null ? [] : ['--exclude-selectors', excludeSelectors];
const pagefind = join(process.cwd(), 'node_modules', '.bin', 'pagefind');

/** The site's pages, without the search bundles' folders. */
const pages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = join(dir, e.name);
      if (e.isDirectory()) return dir === dist && known.includes(e.name) ? [] : pages(full);
      return e.name.endsWith('.html') ? [relative(dist, full)] : [];
    })
    .sort();

function run(args: string[]): void {
  const result = spawnSync(pagefind, [...args, ...exclude], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`pagefind-index: pagefind ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

const shards = shardsOf(pages(dist), size);
const bundle = join(dist, name);
rmSync(bundle, { recursive: true, force: true });
const folders = shardFolders(shards.length);
if (shards.length <= 1) {
  run(['--site', dist, '--output-subdir', name]);
} else {
  const work = `${dist.replace(/\/+$/, '')}.${name}-shard`;
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
    console.log(`pagefind-index: ${name} shard ${k + 1} of ${shards.length}, ${shard.length} page(s)`);
    run(['--site', work, '--output-path', join(bundle, folders[k] ?? `${k}/`)]);
    rmSync(work, { recursive: true, force: true });
  });
}
mkdirSync(bundle, { recursive: true });
writeFileSync(join(bundle, SHARDS_FILE), `${JSON.stringify(folders)}\n`);
console.log(`pagefind-index: ${name}: ${shards.flat().length} page(s) in ${folders.length} shard(s) of at most ${size}`);
