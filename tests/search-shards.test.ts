import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_TEXT_BUNDLE, searchForm } from '../public/js/search-query.js';
import { indexedText } from '../src/lib/search-terms';
import { SHARDS_FILE } from '../src/lib/pagefind-shards';
import type { ReportEntry } from '../src/schemas/report';
import { browserUnavailable, launchBrowser } from './helpers/browser';
import { distDir, htmlFiles, projectRoot, readContent, readText, requireBuild } from './helpers/built-site';
import { serveStatic } from './helpers/static-server';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`search shard browser test skipped: ${unavailable}`);

// A large site's indexes are built in shards (one Pagefind run over 14,930 pages took 4.84 GB for the default
// index and ran out of memory for the full texts); the bundled site fits in one, so here a copy of it is indexed
// in shards of 40 pages, both bundles, as npm run build indexes it, and searched in Chromium.
describe('the search indexes in shards', () => {
  const root = mkdtempSync(join(tmpdir(), 'mz-shards-'));
  const site = join(root, 'dist');
  const bundles = ['pagefind', FULL_TEXT_BUNDLE];
  const shards = new Map<string, string[]>();
  beforeAll(() => {
    requireBuild();
    cpSync(distDir, site, { recursive: true });
    for (const bundle of bundles) {
      const out = execFileSync(
        join(projectRoot, 'node_modules', '.bin', 'tsx'),
        ['scripts/pagefind-index.ts', site, '--bundle', bundle, '--shard-pages', '40', '--cache', join(root, 'cache')],
        { cwd: projectRoot, encoding: 'utf8' },
      );
      expect(out).toMatch(new RegExp(`pagefind-index: ${bundle}: \\d+ page\\(s\\) in \\d+ shard\\(s\\) of at most 40`));
      shards.set(bundle, JSON.parse(readFileSync(join(site, bundle, SHARDS_FILE), 'utf8')) as string[]);
    }
    // and in canonical order, as the build leaves them
    execFileSync(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/pagefind-canonical.ts', site, ...bundles], {
      cwd: projectRoot,
    });
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists every shard, each a Pagefind index of its own, and leaves no work folder behind', () => {
    for (const bundle of bundles) {
      const listed = shards.get(bundle) ?? [];
      expect(listed.length, bundle).toBeGreaterThanOrEqual(3);
      expect(listed).toEqual(listed.map((_, k) => `${k}/`));
      for (const shard of listed) expect(existsSync(join(site, bundle, shard, 'pagefind.js')), `${bundle}/${shard}`).toBe(true);
      expect(readdirSync(root).filter((entry) => entry.startsWith(`dist.${bundle}-shard`))).toEqual([]);
    }
    // a shard of pages without filters (comparisons, embeds) has no filter folder: canonical order must pass it
    // (at 10,000 reports the first full-text shard held no report page and the canonical step failed)
    expect(bundles.some((bundle) => (shards.get(bundle) ?? []).some((shard) => !existsSync(join(site, bundle, shard, 'filter'))))).toBe(
      true,
    );
  });

  it.skipIf(unavailable !== null)(
    'finds every page whose default index holds a known term, through every shard of the default index',
    async () => {
      const term = '三公经费';
      const holders = htmlFiles()
        .filter((file) => searchForm(indexedText(readFileSync(join(distDir, file), 'utf8')) ?? '').includes(term))
        .sort();
      expect(holders.length, `the bundled site's pages hold ${term}`).toBeGreaterThan(10);
      const server = await serveStatic(site, '/mingzhang/');
      let browser: Browser | undefined;
      try {
        browser = await launchBrowser();
        const page = await browser.newPage();
        const requested: string[] = [];
        page.on('request', (request) => requested.push(request.url()));
        await page.goto(`${server.url}search.html?q=${encodeURIComponent(term)}`);
        const links = page.locator('#search-results a.result-title');
        await expect.poll(() => links.count(), { timeout: 20_000 }).toBeGreaterThan(0);
        // 显示更多 until every result is shown (each click fetches the next results' data)
        for (let shown = await links.count(); shown < holders.length; shown = await links.count()) {
          await page.locator('#search-more').click();
          await expect.poll(() => links.count(), { timeout: 20_000 }).toBeGreaterThan(shown);
        }
        expect(await page.locator('#search-more').isVisible()).toBe(false);
        expect(await links.count()).toBe(holders.length);
        const found = (await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map((h) =>
          h.replace(/^.*\/mingzhang\//, '').replace(/(^|\/)$/, '$1index.html'),
        );
        expect(found.sort()).toEqual(holders);
        // the default index answered: the full texts were not loaded, and the merged shards shared one WebAssembly
        expect(requested.filter((url) => url.includes(`/${FULL_TEXT_BUNDLE}/`))).toEqual([]);
        expect(requested.filter((url) => url.endsWith('.pagefind'))).toHaveLength(1);
      } finally {
        await browser?.close();
        await server.close();
      }
    },
    120_000,
  );

  it.skipIf(unavailable !== null)(
    'finds a phrase of the reports’ texts through every shard, asked for and as the fallback',
    async () => {
      const phrase = '非税收入';
      const holders = readContent<ReportEntry>('reports')
        .filter((r) => readText(r.id).includes(phrase))
        .map((r) => `reports/${r.id}.html`)
        .sort();
      expect(holders.length, `a bundled report's text holds ${phrase}`).toBeGreaterThan(1);
      const server = await serveStatic(site, '/mingzhang/');
      let browser: Browser | undefined;
      try {
        browser = await launchBrowser();
        const page = await browser.newPage();
        for (const query of [`q=${encodeURIComponent(phrase)}&text=1`, `q=${encodeURIComponent(phrase)}`]) {
          await page.goto(`${server.url}search.html?${query}`);
          const links = page.locator('#search-results a.result-title');
          await expect.poll(() => links.count(), { message: query, timeout: 20_000 }).toBeGreaterThan(0);
          while (await page.locator('#search-more').isVisible()) await page.locator('#search-more').click();
          const found = (await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map((h) =>
            h.replace(/^.*\/mingzhang\//, ''),
          );
          expect(found.filter((h) => h.startsWith('reports/')).sort(), query).toEqual(holders);
        }
      } finally {
        await browser?.close();
        await server.close();
      }
    },
    120_000,
  );

  it('takes a shard whose pages are unchanged from the cache, and indexes again only the shard of a changed page', () => {
    const copy = join(root, 'again');
    const cache = join(root, 'cache-again');
    cpSync(distDir, copy, { recursive: true });
    const index = () =>
      execFileSync(
        join(projectRoot, 'node_modules', '.bin', 'tsx'),
        ['scripts/pagefind-index.ts', copy, '--bundle', 'pagefind', '--shard-pages', '40', '--cache', cache],
        { cwd: projectRoot, encoding: 'utf8' },
      );
    const bundle = join(copy, 'pagefind');
    const files = () =>
      new Map(
        (readdirSync(bundle, { recursive: true }) as string[])
          .filter((f) => statSync(join(bundle, f)).isFile())
          .map((f) => [
            f,
            createHash('sha256')
              .update(readFileSync(join(bundle, f)))
              .digest('hex'),
          ]),
      );
    expect(index()).toMatch(/in (\d+) shard\(s\) of at most 40; 0 of \1 taken unchanged from the cache/);
    const first = files();
    const shardCount = (JSON.parse(readFileSync(join(copy, 'pagefind', SHARDS_FILE), 'utf8')) as string[]).length;
    expect(shardCount).toBeGreaterThanOrEqual(3);
    expect(readdirSync(join(cache, 'pagefind')).sort()).toHaveLength(shardCount);

    // the same pages: every shard from the cache, the same files
    expect(index()).toContain(`; ${shardCount} of ${shardCount} taken unchanged from the cache`);
    expect(files()).toEqual(first);

    // one page of the second shard changed: that shard alone is indexed again, and finds the new word
    const changed =
      'reports/' +
      readdirSync(join(copy, 'reports'))
        .filter((f) => f.endsWith('.html'))
        .sort()[0];
    const shardOfChanged = Math.floor(htmlFiles(copy).sort().indexOf(changed) / 40);
    expect(shardOfChanged).toBeGreaterThanOrEqual(0);
    const html = readFileSync(join(copy, changed), 'utf8');
    rmSync(join(copy, changed));
    appendFileSync(join(copy, changed), html.replace('</main>', '<p>缓存试验词</p></main>'));
    expect(index()).toContain(`; ${shardCount - 1} of ${shardCount} taken unchanged from the cache`);
    const second = files();
    const differs = (f: string) => second.get(f) !== first.get(f);
    const changedShards = new Set([...second.keys()].filter(differs).map((f) => f.split('/')[0]));
    expect([...changedShards]).toEqual([`${shardOfChanged}`]);
    // the cache holds this build's shards only, none half-written
    const entries = readdirSync(join(cache, 'pagefind'));
    expect(entries).toHaveLength(shardCount);
    expect(entries.filter((e) => e.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
