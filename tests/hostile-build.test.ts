import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTree } from './helpers/file-tree';
import { browserUnavailable, launchBrowser } from './helpers/browser';
import { distDir, projectRoot, requireBuild } from './helpers/built-site';
import { serveStatic } from './helpers/static-server';

/*
 * Two whole builds in a copy of the project (the real data/ and dist/ are never touched):
 * 1. the same input built again in another folder gives a byte-identical dist/ (npm test built the first);
 * 2. then a hostile report — markup, scripts, javascript: links, formula cells, private names, phone numbers in
 *    every format the masker must catch, an ID-card number — is ingested and the site built again: no script of
 *    it runs in Chromium on any page or in search, no private pattern is anywhere in dist/ (search index
 *    decompressed), and no CSV cell starts with a formula character.
 */

const HOSTILE = join(projectRoot, 'tests/fixtures/hostile-report.txt');
const HOSTILE_ID = 'mougou-ybj-2023-final-accounts';
const PRIVATE_NAMES = ['王小明', '李小红', '赵大伟', '钱多多', '孙二娘', '周小周', '吴小吴', '郑小郑', '冯小冯'];
const PHONES = Array.from({ length: 14 }, (_, i) => String(13912345671 + i));
const ID_CARD = '43022319900101123X';

let root = '';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '' } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const files = (dir: string) => fileTree(dir);

/** The text of a built file as a reader (or a search index client) gets it: Pagefind files decompressed. */
function readable(path: string, bytes: Buffer): string {
  const raw = /\.pf_(fragment|index|meta|filter)$/.test(path) ? gunzipSync(bytes) : bytes;
  return raw.toString('utf8').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A number a spreadsheet reads as a number, also with thousands separators (`-1,075.5`). */
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A phone number however it is split: any up to three non-digits between its digits. */
const phonePattern = (digits: string) => new RegExp(digits.split('').join('\\D{0,3}'));

describe('builds', () => {
  beforeAll(() => {
    requireBuild();
    root = mkdtempSync(join(tmpdir(), 'mingzhang-build-'));
    for (const entry of ['data', 'src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
    }
    symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('are byte-identical for the same input, also in another folder', () => {
    const build = run('npm', ['run', 'build']);
    expect(build.status, build.output).toBe(0);
    const first = files(distDir);
    const second = files(join(root, 'dist'));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first].filter(([path, bytes]) => !second.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 300_000);

  describe('with a hostile report ingested', () => {
    let built: Map<string, Buffer>;

    beforeAll(() => {
      const ingest = run('node_modules/.bin/tsx', [
        'scripts/ingest.ts',
        HOSTILE,
        '--root',
        root,
        '--id',
        HOSTILE_ID,
        '--unit',
        'mougou-ybj',
        '--unit-name',
        '某某县医疗保障局',
        '--province',
        '湖南省',
        '--city',
        '株洲市',
        '--county',
        '某某县',
        '--year',
        '2023',
        '--kind',
        '部门决算',
        '--title',
        '某某县医疗保障局2023年度部门决算',
      ]);
      expect(ingest.status, ingest.output).toBe(0);
      const build = run('npm', ['run', 'build']);
      expect(build.status, build.output).toBe(0);
      built = files(join(root, 'dist'));
    }, 240_000);

    it('was read into figures (so its text reaches pages, search and exports)', () => {
      const csv = built.get('data/figures.csv')?.toString('utf8') ?? '';
      expect(csv).toContain(HOSTILE_ID);
      expect(built.has(`reports/${HOSTILE_ID}.html`)).toBe(true);
    });

    it('leaves no private name, phone number or ID-card number anywhere in dist/', () => {
      const leaks: string[] = [];
      for (const [path, bytes] of built) {
        const text = readable(path, bytes);
        for (const name of PRIVATE_NAMES) if (text.includes(name)) leaks.push(`${path}: ${name}`);
        for (const phone of PHONES) if (phonePattern(phone).test(text)) leaks.push(`${path}: ${phone}`);
        if (text.includes(ID_CARD) || text.includes(ID_CARD.slice(0, 17))) leaks.push(`${path}: ID card`);
      }
      expect(leaks).toEqual([]);
    });

    it('has no CSV cell that a spreadsheet would run as a formula', () => {
      const csvs = [...built].filter(([path]) => path.endsWith('.csv'));
      expect(csvs.length).toBeGreaterThan(0);
      const formulas: string[] = [];
      for (const [path, bytes] of csvs) {
        const rows = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
        rows.forEach((row, i) =>
          row.forEach((cell) => {
            if (/^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell)) formulas.push(`${path}:${i + 1}: ${cell.slice(0, 40)}`);
          }),
        );
      }
      expect(formulas).toEqual([]);
    });

    it('has no javascript: link and no event-handler attribute in any page', () => {
      const bad: string[] = [];
      for (const [path, bytes] of built) {
        if (!path.endsWith('.html')) continue;
        const html = bytes.toString('utf8');
        if (/href\s*=\s*["']?\s*javascript:/i.test(html)) bad.push(`${path}: javascript: link`);
        if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) bad.push(`${path}: event handler attribute`);
        if (!html.includes('http-equiv="Content-Security-Policy"')) bad.push(`${path}: no Content-Security-Policy`);
      }
      expect(bad).toEqual([]);
    });

    const unavailable = browserUnavailable();
    it.skipIf(unavailable !== null)(
      'runs none of its scripts in Chromium, on its pages or in search',
      async () => {
        // Defence in depth: a page whose search filters, title and text carry markup, as if a hostile name had got
        // past validation (it cannot: see the validation tests). The search UI must show all of it as text.
        const probeMarkup = `<img src=x onerror="window.__pwned='probe'">`;
        const escaped = probeMarkup.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        writeFileSync(
          join(root, 'dist', 'probe.html'),
          `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>probe</title></head><body><main data-pagefind-body>` +
            `<h1 data-pagefind-meta="title">${escaped}探针页</h1><span hidden data-pagefind-filter="unit:${escaped}探针单位"></span>` +
            `<span hidden data-pagefind-filter="year:${escaped}"></span><p>探针正文 ${escaped} 探针正文</p></main></body></html>`,
        );
        const reindex = run('npx', ['pagefind', '--site', 'dist']);
        expect(reindex.status, reindex.output).toBe(0);
        const site = await serveStatic(join(root, 'dist'), '/mingzhang/');
        const browser = await launchBrowser();
        try {
          const page: Page = await browser.newPage();
          const dialogs: string[] = [];
          page.on('dialog', (d) => {
            dialogs.push(d.message());
            void d.dismiss();
          });
          const pwned = () => page.evaluate('window.__pwned ?? null');
          const visits = [...built.keys()].filter((p) => p.endsWith('.html')).map((p) => p);
          visits.push('search.html?q=医疗救助', 'search.html?q=某某县医疗保障局', 'search.html?q=HYPERLINK', 'search.html?q=img');
          for (const path of visits) {
            await page.goto(`${site.url}${path}`);
            if (path.includes('?q=')) {
              await expect.poll(() => page.locator('#search-results li').count(), { message: path, timeout: 10_000 }).toBeGreaterThan(0);
            }
            expect(await pwned(), path).toBeNull();
          }
          // the search results themselves: titles and excerpts of the hostile page are text, not markup
          await page.goto(`${site.url}search.html?q=医疗救助`);
          await expect.poll(() => page.locator('#search-results li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
          expect(
            await page.locator('#search-results img, #search-results svg, #search-results script, #search-results iframe').count(),
          ).toBe(0);
          expect(await pwned()).toBeNull();
          await page.goto(`${site.url}search.html?q=img`);
          const probe = page.locator('#search-results li', { hasText: '探针页' });
          await expect.poll(() => probe.count(), { timeout: 10_000 }).toBe(1);
          expect(await probe.textContent()).toContain(probeMarkup);
          // the page offers no unit filter (its choices come with the page, not from Pagefind's filter files); the
          // result's unit, read from the index, is shown as text
          expect(await probe.locator('.result-meta').textContent()).toContain(`${probeMarkup}探针单位`);
          expect(await page.locator('main img, main svg:not(.plot)').count()).toBe(0);
          expect(await pwned()).toBeNull();
          expect(dialogs).toEqual([]);
        } finally {
          await browser.close();
          await site.close();
        }
      },
      300_000,
    );
  });
});
