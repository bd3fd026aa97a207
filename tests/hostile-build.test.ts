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
import { toPagefindFilter } from '../public/js/search-query.js';

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
const HOSTILE_UNIT_ID = 'mougou-ybj';
/**
 * A unit name the validation lets through (src/schemas/name.ts) that Pagefind 1.5.0 mangles as a filter value
 * unless it is written escaped (public/js/search-query.js toPagefindFilter): a character reference as text
 * (indexed decoded), a backslash (looked for as two), a run of spaces (collapsed), and quotes, a comma and a
 * colon (which Pagefind's `name:value` attribute might cut).
 */
const HOSTILE_UNIT = '某某县&lt;医保&gt;“甲,乙:丙”\\  医疗保障局';
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
        HOSTILE_UNIT_ID,
        '--unit-name',
        HOSTILE_UNIT,
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
      'narrows a search to its unit when a link names the unit (?unit=…), and shows the name as text',
      async () => {
        const site = await serveStatic(join(root, 'dist'), '/mingzhang/');
        const browser = await launchBrowser();
        try {
          const page: Page = await browser.newPage();
          const results = page.locator('#search-results li');
          const hrefs = async () =>
            (await results.locator('a.result-title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).sort();
          const unitPages = [`${site.url}reports/${HOSTILE_ID}.html`, `${site.url}units/${HOSTILE_UNIT_ID}.html`];
          // the unit alone: exactly its pages (its own page and its report's), each said to be of it
          await page.goto(`${site.url}search.html?unit=${encodeURIComponent(HOSTILE_UNIT)}`);
          await expect.poll(hrefs, { timeout: 10_000 }).toEqual(unitPages);
          for (const meta of await results.locator('.result-meta').allTextContents())
            expect(meta.startsWith(HOSTILE_UNIT), meta).toBe(true);
          // the filter offers the name as a choice, as text
          const select = page.locator('#search-filters select[name=unit]');
          expect(await select.inputValue()).toBe(HOSTILE_UNIT);
          expect(await select.locator('option:checked').textContent()).toBe(HOSTILE_UNIT);
          // a word other units' pages hold too: only this unit's pages are left
          await page.goto(`${site.url}search.html?q=${encodeURIComponent('部门决算')}`);
          await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(2);
          await page.goto(`${site.url}search.html?q=${encodeURIComponent('部门决算')}&unit=${encodeURIComponent(HOSTILE_UNIT)}`);
          await expect.poll(hrefs, { timeout: 10_000 }).toEqual(unitPages);
          // the address keeps the name whole while it is chosen, and choosing 全部 lifts the filter
          expect(new URL(page.url()).searchParams.get('unit')).toBe(HOSTILE_UNIT);
          await select.selectOption('');
          await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(2);
        } finally {
          await browser.close();
          await site.close();
        }
      },
      120_000,
    );

    it.skipIf(unavailable !== null)(
      'runs none of its scripts in Chromium, on its pages or in search',
      async () => {
        // Defence in depth: a page whose search filters, title and text carry markup, as if a hostile name had got
        // past validation (it cannot: see the validation tests). The search UI must show all of it as text.
        const probeMarkup = `<img src=x onerror="window.__pwned='probe'">`;
        const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const escaped = attribute(probeMarkup);
        // its filters written as Base.astro writes them
        const probeUnit = `${probeMarkup}探针单位`;
        writeFileSync(
          join(root, 'dist', 'probe.html'),
          `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>probe</title></head><body><main data-pagefind-body>` +
            `<h1 data-pagefind-meta="title">${escaped}探针页</h1><span hidden data-pagefind-filter="unit:${attribute(toPagefindFilter(probeUnit))}"></span>` +
            `<span hidden data-pagefind-filter="year:${attribute(toPagefindFilter(probeMarkup))}"></span><p>探针正文 ${escaped} 探针正文</p></main></body></html>`,
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
          expect(await probe.locator('.result-meta').textContent()).toContain(probeUnit);
          // a link that names that unit finds its page alone, the name offered as text
          await page.goto(`${site.url}search.html?unit=${encodeURIComponent(probeUnit)}`);
          await expect
            .poll(() => page.locator('#search-results li').allTextContents(), { timeout: 10_000 })
            .toEqual([expect.stringContaining('探针页')]);
          expect(await page.locator('#search-filters select[name=unit] option:checked').textContent()).toBe(probeUnit);
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
