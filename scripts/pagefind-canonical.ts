/**
 * npm run build runs this after Pagefind (`tsx scripts/pagefind-canonical.ts dist [bundle folder …]`, by default
 * the one bundle dist/pagefind): Pagefind writes its filter and meta files in hash-map order, so two builds of the same pages differ. This rewrites them in one order under content-derived names
 * (src/lib/pagefind-canonical.ts) and points pagefind-entry.json at the new meta file. Fails loudly on anything
 * it does not recognise rather than leave a half-rewritten index.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARDS_FILE } from '../src/lib/pagefind-shards';
import { canonicalFilter, canonicalMeta, contentName, readPagefindFile, writePagefindFile } from '../src/lib/pagefind-canonical';

const [site = 'dist', ...folders] = process.argv.slice(2);
for (const folder of folders.length > 0 ? folders : ['pagefind']) for (const dir of bundleIndexes(join(site, folder))) canonicalBundle(dir);

/** A bundle's index folders: the shards its SHARDS_FILE lists (src/lib/pagefind-shards.ts), or the bundle itself. */
function bundleIndexes(bundle: string): string[] {
  const list = join(bundle, SHARDS_FILE);
  return existsSync(list) ? (JSON.parse(readFileSync(list, 'utf8')) as string[]).map((shard) => join(bundle, shard)) : [bundle];
}

function canonicalBundle(dir: string): void {
  const entryFile = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> };

  for (const [language, info] of Object.entries(entry.languages)) {
    const renames = new Map<string, string>();
    const filterDir = join(dir, 'filter');
    const written: [string, Buffer][] = [];
    // an index of pages without filters (a shard of comparison and embed pages) has no filter folder
    const filterFiles = existsSync(filterDir) ? readdirSync(filterDir) : [];
    for (const file of filterFiles.filter((f) => f.startsWith(`${language}_`) && f.endsWith('.pf_filter'))) {
      const content = writePagefindFile(canonicalFilter(readPagefindFile(readFileSync(join(filterDir, file)))));
      const name = contentName(language, content, 7);
      renames.set(file.replace(/\.pf_filter$/, ''), name);
      written.push([file, content]);
    }
    const metaFile = join(dir, `pagefind.${info.hash}.pf_meta`);
    const meta = writePagefindFile(canonicalMeta(readPagefindFile(readFileSync(metaFile)), renames));
    const metaHash = contentName(language, meta, 13);
    // Write every new file before removing an old one, so an interrupted run leaves a working (if unsorted) index.
    for (const [file, content] of written)
      writeFileSync(join(filterDir, `${renames.get(file.replace(/\.pf_filter$/, ''))}.pf_filter.tmp`), content);
    writeFileSync(join(dir, `pagefind.${metaHash}.pf_meta.tmp`), meta);
    for (const [file] of written) rmSync(join(filterDir, file));
    for (const name of renames.values()) renameSync(join(filterDir, `${name}.pf_filter.tmp`), join(filterDir, `${name}.pf_filter`));
    if (metaFile !== join(dir, `pagefind.${metaHash}.pf_meta`)) rmSync(metaFile);
    renameSync(join(dir, `pagefind.${metaHash}.pf_meta.tmp`), join(dir, `pagefind.${metaHash}.pf_meta`));
    info.hash = metaHash;
    console.error(`pagefind-canonical: ${language}: ${renames.size} filter file(s) and the meta file in canonical order`);
  }
  writeFileSync(entryFile, JSON.stringify(entry));
}
