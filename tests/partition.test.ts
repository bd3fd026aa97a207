import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitionFolder } from '../src/lib/partition';
import { sangongRows } from '../src/lib/views';
import type { FigureEntry } from '../src/schemas/figure';
import type { ReportEntry } from '../src/schemas/report';
import type { Unit } from '../src/schemas/unit';
import { browserUnavailable, launchBrowser } from './helpers/browser';
import { distDir, htmlFiles, projectRoot, readContent, requireBuild } from './helpers/built-site';
import { serveStatic } from './helpers/static-server';

/*
 * The national build (issue 11, "Past one machine") in a copy of the project: four provinces' partitions built
 * as parallel processes (`npm run build -- --join --jobs 2 --only …`) and joined. The whole site that npm test
 * built (dist/, content/) is the reference: each partition must hold exactly its province's part of it.
 */

const PROVINCES = ['湖南省', '四川省', '上海市', '新疆维吾尔自治区'];
const LEFT_OUT = '广东省';
const LEFT_OUT_REPORT = 'yuancheng-ybj-2021-project-self-eval';
/** A figure of the left-out province's report whose quote is not in its source. */
const BROKEN_ROW = `${LEFT_OUT_REPORT},funds_allocated,actual,,,1.5,万元,不在原文中的1.5万元,curated,\n`;
const TABLES = ['units', 'reports', 'figures', 'findings', 'indicators', 'projects'] as const;

let root = '';
let out = '';
let build = { status: null as number | null, output: '' };

const json = (dir: string, table: string): { [key: string]: unknown }[] =>
  JSON.parse(readFileSync(join(dir, 'data', `${table}.json`), 'utf8'));
const page = (path: string) => parseHTML(readFileSync(join(out, path), 'utf8')).document;

beforeAll(() => {
  requireBuild();
  root = mkdtempSync(join(tmpdir(), 'mingzhang-partitions-'));
  for (const entry of ['data', 'src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  // A broken file of a province left out: a partition reads only its own province's files, so the four build
  // (the whole build stops on it: below)
  appendFileSync(join(root, 'data', 'figures', `${LEFT_OUT_REPORT}.csv`), BROKEN_ROW);
  const result = spawnSync('npm', ['run', 'build', '--', '--join', '--jobs', '2', '--only', PROVINCES.join(',')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: '', SITE_URL: '' },
  });
  build = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  out = join(root, 'dist-partitions');
}, 600_000); // four small builds take about 75 s on an idle 2-core machine; much longer when it is shared

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm run build -- --join', () => {
  it('builds the four partitions as parallel processes and joins them', () => {
    expect(build.status, build.output).toBe(0);
    // two builds ran at once: some partition started before another finished
    const events = [...build.output.matchAll(/^\[(\w+)\] |^join: (\w+) \(/gm)].map((m) => (m[1] ? `out ${m[1]}` : `done ${m[2]}`));
    const firstDone = events.findIndex((e) => e.startsWith('done'));
    expect(new Set(events.slice(0, firstDone).map((e) => e.slice(4))).size, build.output).toBeGreaterThanOrEqual(2);
    const folders = readdirSync(out, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort()).toEqual([...PROVINCES.map(partitionFolder), 'js', 'sangong'].sort());
    expect(existsSync(join(root, '.partitions')) && readdirSync(join(root, '.partitions')).length > 0).toBe(false);
    // each partition's caches outlive its work folder, so that building it again does what changed only
    for (const province of PROVINCES)
      for (const kept of ['content/run.json', 'search/words.json', 'search/pagefind', 'search/pagefind-text'])
        expect(existsSync(join(root, '.cache', 'partitions', partitionFolder(province), kept)), `${province}: ${kept}`).toBe(true);
  });

  describe.each(PROVINCES)('the partition of %s', (province) => {
    const folder = partitionFolder(province);
    const dir = () => join(out, folder);
    const whole = (table: string) => json(distDir, table);
    const unitIds = () =>
      new Set(
        whole('units')
          .filter((u) => u['province'] === province)
          .map((u) => String(u['id'])),
      );
    const reportIds = () =>
      new Set(
        whole('reports')
          .filter((r) => unitIds().has(String(r['unit_id'])))
          .map((r) => String(r['id'])),
      );

    it.each(TABLES)('exports exactly the whole site’s %s rows of its province', (table) => {
      const units = unitIds();
      const reports = reportIds();
      const own = (row: { [key: string]: unknown }) =>
        table === 'units'
          ? units.has(String(row['id']))
          : table === 'reports'
            ? reports.has(String(row['id']))
            : reports.has(String(row['report_id']));
      const expected = whole(table).filter(own);
      expect(json(dir(), table)).toEqual(expected);
      if (table === 'units' || table === 'reports' || table === 'figures') expect(expected.length).toBeGreaterThan(0);
    });

    it('has a page for each of its reports and units and for no other, and names no other province’s unit', () => {
      const pages = htmlFiles(dir());
      const names = (prefix: string) =>
        pages
          .filter((p) => p.startsWith(prefix))
          .map((p) => p.slice(prefix.length, -'.html'.length))
          .sort();
      expect(names('reports/')).toEqual([...reportIds()].sort());
      expect(names('units/')).toEqual([...unitIds()].sort());
      const others = readContent<Unit>('units')
        .filter((u) => u.province !== province)
        .map((u) => u.name);
      const mentions = pages.flatMap((p) => {
        const text = readFileSync(join(dir(), p), 'utf8');
        return others.filter((name) => text.includes(name)).map((name) => `${p}: ${name}`);
      });
      expect(mentions).toEqual([]);
    });

    it('has its own search index', () => {
      expect(existsSync(join(dir(), 'pagefind', 'pagefind-entry.json'))).toBe(true);
    });

    it('links every page with the site header back to the national pages, relatively', () => {
      // embeds (embed/…) are made to sit in another page's frame: no header, no links out
      const pages = htmlFiles(dir()).filter((path) => page(join(folder, path)).querySelector('header.site') !== null);
      expect(pages.length).toBeGreaterThan(reportIds().size);
      for (const path of pages) {
        const links = [...page(join(folder, path)).querySelectorAll('header nav.national a')].map((a) => a.getAttribute('href') ?? '');
        const up = '../'.repeat(path.split('/').length);
        expect(links, path).toEqual(['index.html', 'sangong.html', 'search.html'].map((p) => `${up}${p}`));
        for (const link of links) expect(existsSync(join(out, folder, dirname(path), link)), `${path}: ${link}`).toBe(true);
      }
    });
  });

  it('the whole site, not a partition, has no link up to national pages', () => {
    for (const path of ['index.html', 'search.html', 'compare/sangong.html']) {
      const document = parseHTML(readFileSync(join(distDir, path), 'utf8')).document;
      expect(document.querySelector('header.site'), path).not.toBeNull();
      expect(document.querySelector('header nav.national'), path).toBeNull();
    }
  });

  it('leaves out the province it was not asked for', () => {
    expect(existsSync(join(out, partitionFolder(LEFT_OUT)))).toBe(false);
  });

  it('lists every partition on the national index, with the counts of its exports', () => {
    const rows = [...page('index.html').querySelectorAll('#partitions tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-partition')).sort()).toEqual(PROVINCES.map(partitionFolder).sort());
    for (const row of rows) {
      const folder = row.getAttribute('data-partition') ?? '';
      const reports = row.querySelectorAll('td.num')[1]?.textContent;
      expect(reports).toBe(String(json(join(out, folder), 'reports').length));
      expect(existsSync(join(out, row.querySelector('a')?.getAttribute('href') ?? 'missing'))).toBe(true);
    }
  });

  it('compares 三公经费 across partitions: the rows the whole site’s own rule gives for these provinces', () => {
    const units = readContent<Unit>('units');
    const provinceOf = new Map(units.map((u) => [u.id, u.province]));
    const reports = readContent<ReportEntry>('reports').filter((r) => PROVINCES.includes(provinceOf.get(r.unit_id) ?? ''));
    const expected = sangongRows(reports, readContent<FigureEntry>('figures')).map(
      (r) =>
        `${partitionFolder(provinceOf.get(r.report.unit_id) ?? '')} ${r.report.id} ${r.phase} ${[r.total, r.abroad, r.vehicle, r.reception].map((f) => f?.id ?? '-').join(' ')}`,
    );
    const sangongPages = readdirSync(join(out, 'sangong')).sort();
    expect(sangongPages.every((name) => /^[a-z]+\.html$/.test(name))).toBe(true);
    const rows = sangongPages
      .flatMap((name) => [...page(`sangong/${name}`).querySelectorAll('#sangong-table tbody tr')])
      .map((row) => {
        const cells = [...row.querySelectorAll('td.num')].map((c) => c.querySelector('a')?.getAttribute('href')?.split('#')[1] ?? '-');
        return `${row.getAttribute('data-partition')} ${row.getAttribute('data-report')} ${row.getAttribute('data-phase')} ${cells.join(' ')}`;
      });
    // one page per partition, in folder order; within a page, the whole site's order
    const byPartition = sangongPages.flatMap((name) => expected.filter((row) => row.startsWith(`${name.slice(0, -'.html'.length)} `)));
    expect(rows).toEqual(byPartition);
    expect(rows).toHaveLength(expected.length);
    // rows from several partitions (广东 and 新疆 state no 三公经费 in the bundled reports)
    expect(new Set(rows.map((r) => r.split(' ')[0])).size).toBeGreaterThanOrEqual(3);
    for (const name of sangongPages) {
      for (const link of page(`sangong/${name}`).querySelectorAll('#sangong-table a')) {
        expect(existsSync(join(out, 'sangong', (link.getAttribute('href') ?? '').split('#')[0] ?? ''))).toBe(true);
      }
    }
    // the national summary links each partition's page
    const summary = [...page('sangong.html').querySelectorAll('#sangong-partitions a')].map((a) => a.getAttribute('href') ?? '');
    for (const href of summary) expect(existsSync(join(out, href)), href).toBe(true);
    expect(summary.filter((href) => href.startsWith('sangong/')).sort()).toEqual(sangongPages.map((name) => `sangong/${name}`));
  });

  it('the whole build stops on the broken file the partitions did not read, naming its file, row and field', () => {
    const content = spawnSync(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/build-content.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, MINGZHANG_PARTITION: '' },
    });
    expect(content.status).toBe(1);
    expect(content.stderr).toContain(`data/figures/${LEFT_OUT_REPORT}.csv:35 [quote]`);
    // and so does the partition of the province whose file it is
    const own = spawnSync(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/build-content.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, MINGZHANG_PARTITION: LEFT_OUT },
    });
    expect(own.status).toBe(1);
    expect(own.stderr).toContain(`data/figures/${LEFT_OUT_REPORT}.csv:35 [quote]`);
  });

  const unavailable = browserUnavailable();
  it.skipIf(unavailable !== null)(
    'searches every partition at once in Chromium, and each partition on its own',
    async () => {
      const site = await serveStatic(out, '/national/');
      const browser = await launchBrowser();
      try {
        const tab = await browser.newPage();
        const errors: string[] = [];
        tab.on('pageerror', (e) => errors.push(e.message));
        const resultLinks = async (path: string) => {
          await tab.goto(`${site.url}${path}`);
          await expect.poll(() => tab.locator('#search-results li').count(), { message: path, timeout: 20_000 }).toBeGreaterThan(0);
          // every result, as a reader sees them by pressing 显示更多 until it goes
          const more = tab.locator('#search-more');
          while (await more.isVisible()) {
            const before = await tab.locator('#search-results li').count();
            await more.click();
            await expect.poll(() => tab.locator('#search-results li').count(), { message: path, timeout: 20_000 }).toBeGreaterThan(before);
          }
          const hrefs = await tab
            .locator('#search-results a.result-title')
            .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
          return hrefs.map((href) => href.slice(site.url.length));
        };
        const provinceOf = new Map(PROVINCES.map((p) => [partitionFolder(p), p]));

        const national = await resultLinks('search.html?q=医疗保障局');
        const folders = new Set(national.map((href) => href.split('/')[0]));
        expect(folders.size, national.join('\n')).toBeGreaterThanOrEqual(2);
        expect([...folders].every((f) => PROVINCES.map(partitionFolder).includes(f ?? ''))).toBe(true);
        const reportHits = national.filter((href) => /^\w+\/reports\//.test(href));
        expect(new Set(reportHits.map((href) => href.split('/')[0])).size, national.join('\n')).toBeGreaterThanOrEqual(2);
        // each result names its partition
        const metas = await tab.locator('#search-results .result-meta').allTextContents();
        expect(metas.map((m) => m.split(' · ')[0])).toEqual(national.map((href) => provinceOf.get(href.split('/')[0] ?? '')));
        // the filters of all partitions are merged: every province is a choice
        const regions = await tab.locator('#search-filters select[name=region] option').allTextContents();
        for (const province of PROVINCES) expect(regions).toContain(province);
        // a result opens its page in its partition
        const target = reportHits[0] ?? '';
        await tab.goto(`${site.url}${target}`);
        expect(await tab.locator('h1').count()).toBeGreaterThan(0);

        const shanghai = await resultLinks('search.html?q=普陀区');
        expect(shanghai.some((href) => href.startsWith('shanghai/reports/'))).toBe(true);

        const own = await resultLinks('hunan/search.html?q=医疗保障局');
        expect(
          own.every((href) => href.startsWith('hunan/')),
          own.join('\n'),
        ).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
        await site.close();
      }
    },
    120_000,
  );
});
