import { FULL_TEXT_BUNDLE } from '../../public/js/search-query.js';
import { hashOf } from './content-cache';
import { FULL_TEXT_ATTRIBUTE } from './search-terms';

/**
 * Pagefind builds an index in memory, and what it holds grows with the pages, not with their bytes: the
 * full-text index of 14,930 pages (10,000 reports) ran this machine's 24 GB out (`memory allocation … failed`)
 * and 2,000 report pages took 1.9 GB; the default index (without the full texts) took 4.84 GB over the 14,930
 * pages, about 0.32 MB a page, the same for 3,000 pages with their markup cut by a fifth. So each search bundle
 * is built in shards of at most this many pages, one Pagefind run each, and the search page merges them
 * (Pagefind's multisite search; a merged index shares the first one's WebAssembly, so a shard costs a first
 * search one meta file and one index chunk more). The default index's shards are as large as memory allows: at
 * 10,000 reports (15,705 pages), shards of 6,000 made a first search for 三公经费 fetch 300.4 KB (three index
 * chunks, 92 KB) and shards of 8,000 281 KB (two, 76 KB), with 2.50 GB for the larger run. `shards.json` in the
 * bundle's folder lists them. A site that fits in one shard keeps one index in the bundle's folder itself,
 * listed as "".
 */
export const SEARCH_BUNDLES = {
  // the default index leaves out the reports' full texts (FULL_TEXT_ATTRIBUTE); the full-text one holds every page whole
  pagefind: { shardPages: 8000, excludeSelectors: `[${FULL_TEXT_ATTRIBUTE}]`, runsAtOnce: 1 },
  // One Pagefind run keeps about 1.5 of this machine's 2 cores busy (full texts at 10,000 reports: 561 s of CPU in
  // 365 s), so the full texts' shards are indexed two at a time, in shards small enough that two fit in the
  // memory one shard of 2,000 took (1.9 GB). The search page loads them only when the reader searches full texts.
  [FULL_TEXT_BUNDLE]: { shardPages: 1200, excludeSelectors: null, runsAtOnce: 2 },
} as const;
export type SearchBundle = keyof typeof SEARCH_BUNDLES;

/** The file that lists a bundle's shards, as folders under the bundle ("" for the bundle's own folder). */
export const SHARDS_FILE = 'shards.json';

/** The pages cut into shards of at most `size`, in their given order. */
export function shardsOf<T>(pages: readonly T[], size: number): T[][] {
  if (!(Number.isInteger(size) && size >= 1)) throw new Error(`a shard holds a whole number ≥ 1 of pages, not ${size}`);
  const shards: T[][] = [];
  for (let i = 0; i < pages.length; i += size) shards.push(pages.slice(i, i + size));
  return shards;
}

/** The shard folders to list in SHARDS_FILE: "" for one shard (the bundle itself), else "0/", "1/" … */
export const shardFolders = (count: number): string[] => (count <= 1 ? [''] : Array.from({ length: count }, (_, k) => `${k}/`));

/**
 * The key under which a shard's index is kept between builds (.cache/search/, scripts/pagefind-index.ts): Pagefind
 * writes the same index for the same pages, so a shard whose pages (paths and bytes), Pagefind version and
 * options are unchanged is copied from the last build instead of indexed again. `pages` are [path, sha256 of the
 * page] in the shard's order.
 */
export function shardKey(pagefindVersion: string, bundle: SearchBundle, pages: readonly (readonly [string, string])[]): string {
  const { excludeSelectors } = SEARCH_BUNDLES[bundle];
  return hashOf([`pagefind ${pagefindVersion}`, bundle, excludeSelectors ?? '', ...pages.flat()]);
}
