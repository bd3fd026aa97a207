import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_TEXT_BUNDLE } from '../public/js/search-query.js';
import { SHARDS_FILE } from '../src/lib/pagefind-shards';
import type { ReportEntry } from '../src/schemas/report';
import { browserUnavailable, launchBrowser } from './helpers/browser';
import { distDir, projectRoot, readContent, readText, requireBuild } from './helpers/built-site';
import { serveStatic } from './helpers/static-server';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`search shard browser test skipped: ${unavailable}`);

// A large site's full-text index is built in shards (one Pagefind run over 14,930 pages ran out of memory); the
// bundled site fits in one, so here a copy of it is indexed in shards of 40 pages and searched in Chromium.
describe('the full-text index in shards', () => {
  const root = mkdtempSync(join(tmpdir(), 'mz-shards-'));
  const site = join(root, 'dist');
  let shards: string[] = [];
  beforeAll(() => {
    requireBuild();
    cpSync(distDir, site, { recursive: true });
    const out = execFileSync(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/pagefind-text.ts', site, '--shard-pages', '40'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(out).toMatch(/pagefind-text: \d+ page\(s\) in \d+ shard\(s\) of at most 40/);
    shards = JSON.parse(readFileSync(join(site, FULL_TEXT_BUNDLE, SHARDS_FILE), 'utf8')) as string[];
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists every shard, each a Pagefind index of its own, and leaves no work folder behind', () => {
    expect(shards.length).toBeGreaterThanOrEqual(3);
    expect(shards).toEqual(shards.map((_, k) => `${k}/`));
    for (const shard of shards) expect(existsSync(join(site, FULL_TEXT_BUNDLE, shard, 'pagefind.js')), shard).toBe(true);
    expect(existsSync(`${site}.text-shard`)).toBe(false);
  });

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
});
