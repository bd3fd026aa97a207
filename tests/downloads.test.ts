import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Package } from 'datapackage';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureEntry } from '../src/schemas/figure';
import type { IndicatorEntry } from '../src/schemas/indicator';
import type { ReportEntry } from '../src/schemas/report';
import type { Unit } from '../src/schemas/unit';
import { TABLE_NAMES } from '../src/lib/downloads';
import { DOMParser } from 'linkedom';
import { parseChangelog } from '../src/lib/changelog';
import { distDir, htmlFiles, projectRoot, readContent, readPage, readText, requireBuild } from './helpers/built-site';

// Tests over the built downloads (run after `npm run build`). The Data Package is checked by Frictionless'
// own JavaScript library (datapackage-js, a dev dependency that works offline): the descriptor against the
// Data Package profiles, then every row of every CSV cast to its field's type and constraints.
const packageDir = () => join(distDir, 'data', 'package');
const read = (...path: string[]) => readFileSync(join(distDir, 'data', ...path), 'utf8');
const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

let figures: FigureEntry[];
let reports: ReportEntry[];
beforeAll(() => {
  requireBuild();
  figures = readContent<FigureEntry>('figures');
  reports = readContent<ReportEntry>('reports');
});

describe('the Frictionless Data Package', () => {
  it('is a valid Tabular Data Package whose every row casts to its schema', async () => {
    const pkg = await Package.load(join(packageDir(), 'datapackage.json'));
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.resources.map((r) => r.name)).toEqual([...TABLE_NAMES]);
    for (const resource of pkg.resources) {
      const rows = await resource.read({ keyed: true, cast: true });
      expect(rows.length, resource.name).toBe(parse(read('package', `${resource.name}.csv`)).data.length);
    }
    const figureRows = await pkg.resources[0]?.read({ keyed: true });
    expect(figureRows?.length).toBe(figures.length);
  }, 120_000);

  it('states a data licence, the dataset version and the FDP phase mapping', () => {
    const descriptor = JSON.parse(read('package', 'datapackage.json')) as {
      licenses: { name: string }[];
      version: string;
      resources: { name: string; schema: { fields: { name: string; type: string; constraints?: { enum?: string[] } }[] } }[];
    };
    expect(descriptor.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0']);
    expect(descriptor.version).toMatch(/^\d+\.\d+\.\d+$/);
    const fields = descriptor.resources.find((r) => r.name === 'figures')?.schema.fields ?? [];
    expect(fields.find((f) => f.name === 'fdp_phase')?.constraints?.enum).toEqual(['approved', 'adjusted', 'executed']);
    // codes and ids stay text, whatever digits they hold
    for (const resource of descriptor.resources) {
      for (const field of resource.schema.fields.filter((f) => /(^|_)(id|ids|sha256)$/.test(f.name)))
        expect(field.type, `${resource.name}.${field.name}`).toBe('string');
    }
  });

  it('maps every phase to its Fiscal Data Package term, row by row', () => {
    const rows = parse(read('package', 'figures.csv')).data;
    const expected: Record<string, string> = { budget: 'approved', adjusted: 'adjusted', actual: 'executed' };
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row['fdp_phase'], row['figure_id']).toBe(expected[row['phase'] ?? '']);
  });

  it('the rejected BOM: a BOM copy of a resource fails the same validator', async () => {
    const descriptor = JSON.parse(read('package', 'datapackage.json')) as { resources: { name: string; path: string }[] };
    const units = { ...descriptor, resources: descriptor.resources.filter((r) => r.name === 'units') };
    // data/units.csv is the spreadsheet copy of the same table, with a BOM
    const withBom = await Package.load(units, { basePath: join(distDir, 'data') });
    expect(read('units.csv').slice(1)).toBe(read('package', 'units.csv'));
    await expect(withBom.resources[0]?.read({ keyed: true, cast: true })).rejects.toThrow(/header names do not match/);
  });
});

describe('the downloads', () => {
  it.each(TABLE_NAMES)('%s: a spreadsheet copy with BOM, a BOM-less package copy and JSON, with the same rows', (name) => {
    const spreadsheet = read(`${name}.csv`);
    const packaged = read('package', `${name}.csv`);
    expect(spreadsheet.charCodeAt(0)).toBe(0xfeff);
    expect(packaged.charCodeAt(0)).not.toBe(0xfeff);
    const json = JSON.parse(read(`${name}.json`)) as unknown[];
    expect(parse(spreadsheet.slice(1)).data.length).toBe(json.length);
    expect(parse(packaged).data.length).toBe(json.length);
    expect(existsSync(join(packageDir(), `${name}.csv`))).toBe(true);
  });

  it('every figure row carries its id, the line of its quote and a link to its row on the report page', () => {
    const rows = parse(read('figures.csv').slice(1)).data;
    expect(rows.map((r) => r['figure_id'])).toEqual(figures.map((f) => f.id));
    for (const [i, row] of rows.entries()) {
      const figure = figures[i];
      const report = reports.find((r) => r.id === figure?.report_id);
      if (!figure || !report) throw new Error(`row ${i}: no figure or report`);
      const line = Number(row['line']);
      // the quote starts on that line of the report's text
      const text = readText(report.id);
      const lineText = text.split('\n')[line - 1] ?? '';
      expect(lineText.length, figure.id).toBeGreaterThan(0);
      expect(text.slice(0, figure.quote_offset).split('\n').length, figure.id).toBe(line);
      expect(row['url']).toBe(`reports/${report.id}.html#${figure.id}`);
      expect(row['page']).toBe('');
    }
  });

  it('units, reports, projects and indicators cover the collections', () => {
    const units = readContent<Unit>('units');
    const indicators = readContent<IndicatorEntry>('indicators');
    expect((JSON.parse(read('units.json')) as { id: string }[]).map((u) => u.id)).toEqual(units.map((u) => u.id));
    const reportRows = JSON.parse(read('reports.json')) as Record<string, unknown>[];
    expect(reportRows.map((r) => r['id'])).toEqual(reports.map((r) => r.id));
    expect(reportRows.every((r) => !('text' in r))).toBe(true);
    expect((JSON.parse(read('indicators.json')) as { indicator_id: string }[]).map((i) => i.indicator_id)).toEqual(
      indicators.map((i) => i.id),
    );
    const projects = JSON.parse(read('projects.json')) as { figure_ids: string; project: string; report_id: string }[];
    expect(projects.length).toBeGreaterThan(0);
    for (const p of projects) {
      for (const id of p.figure_ids.split(' | ')) expect(figures.find((f) => f.id === id)?.scope, id).toBe(p.project);
    }
  });
});

describe('the page downloads', () => {
  it("下载本页数字 on a report page gives that report's figures only, the same rows as the site-wide file", () => {
    const all = parse(read('figures.csv').slice(1)).data;
    for (const report of reports) {
      const doc = readPage(`reports/${report.id}.html`);
      const links = [...doc.querySelectorAll('.provenance a[download]:not(.original)')].map((a) => a.getAttribute('href'));
      expect(links, report.id).toEqual([`../data/figures/${report.id}.csv`, `../data/figures/${report.id}.json`]);
      const own = parse(read('figures', `${report.id}.csv`).slice(1)).data;
      expect(own.length, report.id).toBe(figures.filter((f) => f.report_id === report.id).length);
      expect(own, report.id).toEqual(all.filter((r) => r['report_id'] === report.id));
      expect((JSON.parse(read('figures', `${report.id}.json`)) as unknown[]).length).toBe(own.length);
    }
  });
});

describe('the originals', () => {
  it('a report page links the published file it was read from, served byte for byte, beside its source URL', () => {
    const withOriginal = reports.filter((r) => r.original_format !== '');
    expect(withOriginal.length).toBeGreaterThanOrEqual(11);
    for (const report of withOriginal) {
      const doc = readPage(`reports/${report.id}.html`);
      const original = doc.querySelector('.provenance a.original');
      expect(original?.getAttribute('href'), report.id).toBe(`../originals/${report.id}.${report.original_format}`);
      const served = readFileSync(join(distDir, 'originals', `${report.id}.${report.original_format}`));
      expect(createHash('sha256').update(served).digest('hex'), report.id).toBe(report.original_sha256);
      const urls = [...doc.querySelectorAll('.provenance a')].map((a) => a.getAttribute('href'));
      expect(report.source_url, report.id).not.toBe('');
      expect(urls, report.id).toContain(report.source_url);
    }
  });

  it('the 万里街道 unit page lists its three years and links each original', () => {
    const doc = readPage('units/sh-putuo-wanli.html');
    const years = [2023, 2024, 2025].map((y) => `../reports/sh-putuo-wanli-${y}-budget.html`);
    const headings = [...doc.querySelectorAll('h3 a')].map((a) => a.getAttribute('href'));
    expect(headings.sort()).toEqual(years);
    const originals = [...doc.querySelectorAll('.provenance a.original')].map((a) => a.getAttribute('href')).sort();
    expect(originals).toEqual([2023, 2024, 2025].map((y) => `../originals/sh-putuo-wanli-${y}-budget.pdf`));
  });
});

describe('sharing', () => {
  const sitemap = join(distDir, 'sitemap.xml');

  it('canonical, og:url and the sitemap only with a site URL; Open Graph title and description always', () => {
    const withSite = existsSync(sitemap);
    const locs = withSite
      ? [...new DOMParser().parseFromString(readFileSync(sitemap, 'utf8'), 'text/xml').querySelectorAll('loc')].map((l) => l.textContent)
      : [];
    for (const page of htmlFiles()) {
      const doc = readPage(page);
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
      expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'), page).toBeTruthy();
      expect(doc.querySelector('meta[property="og:description"]')?.getAttribute('content'), page).toBeTruthy();
      expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null, page).toBe(canonical);
      if (withSite) expect(locs, page).toContain(canonical);
      else expect(canonical, page).toBeNull();
    }
  });

  it('feed.xml: one Atom entry per report, newest first, dated by the dataset, linking to the report pages', () => {
    const feed = new DOMParser().parseFromString(readFileSync(join(distDir, 'feed.xml'), 'utf8'), 'text/xml');
    const { date } = parseChangelog(readFileSync(join(projectRoot, 'data/CHANGELOG.csv'), 'utf8')).at(-1) ?? { date: '' };
    expect(feed.querySelector('feed > updated')?.textContent).toBe(`${date}T00:00:00Z`);
    const entries = [...feed.querySelectorAll('entry')];
    expect(entries.map((e) => e.querySelector('title')?.textContent).sort()).toEqual(reports.map((r) => r.title).sort());
    const published = entries.map((e) => e.querySelector('published')?.textContent ?? '');
    expect(published.filter(Boolean)).toEqual([...published.filter(Boolean)].sort().reverse());
    for (const entry of entries) {
      const href = entry.querySelector('link')?.getAttribute('href') ?? '';
      const path = href.replace(/^https?:\/\/[^/]+\/(?:.*?\/)?(?=reports\/)/, '');
      expect(existsSync(join(distDir, path)), href).toBe(true);
      expect(entry.querySelector('id')?.textContent).toMatch(/^(urn:uuid:|https?:)/);
    }
  });

  it('the data page says when the data last changed and which version it is, and the changelog lists every release', () => {
    const releases = parseChangelog(readFileSync(join(projectRoot, 'data/CHANGELOG.csv'), 'utf8'));
    const latest = releases.at(-1);
    expect(readPage('data.html').querySelector('.updated')?.textContent).toContain(
      `数据更新于 ${latest?.date} · 数据版本 ${latest?.version}`,
    );
    const rows = [...readPage('changelog.html').querySelectorAll('table.changelog tbody tr')].map(
      (tr) => tr.querySelector('td')?.textContent,
    );
    expect(rows).toEqual(releases.map((r) => r.version).reverse());
    expect((JSON.parse(read('package', 'datapackage.json')) as { version: string }).version).toBe(latest?.version);
  });
});

describe('a build with SITE_URL (in a copy of the project)', () => {
  const SITE = 'https://example.org/mingzhang/';
  let root = '';
  let out = '';
  beforeAll(() => {
    requireBuild();
    root = mkdtempSync(join(tmpdir(), 'mingzhang-site-'));
    for (const entry of ['data', 'src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
    }
    symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    const env = { ...process.env, SITE_URL: SITE, CI: '' };
    for (const [command, args] of [
      ['npx', ['tsx', 'scripts/build-content.ts']],
      ['npx', ['astro', 'build']],
    ] as const) {
      const run = spawnSync(command, [...args], { cwd: root, encoding: 'utf8', env });
      if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
    }
    out = join(root, 'dist');
  }, 240_000);
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('writes a sitemap of every page, canonical = og:url = its sitemap URL, absolute links in the feed and the exports', () => {
    const locs = [
      ...new DOMParser().parseFromString(readFileSync(join(out, 'sitemap.xml'), 'utf8'), 'text/xml').querySelectorAll('loc'),
    ].map((l) => l.textContent ?? '');
    const pages = htmlFiles(out).map((p) => (p === 'index.html' ? SITE : `${SITE}${p}`));
    expect([...locs].sort()).toEqual([...pages].sort());
    for (const page of htmlFiles(out)) {
      const doc = new DOMParser().parseFromString(readFileSync(join(out, page), 'utf8'), 'text/html');
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, page).toBe(page === 'index.html' ? SITE : `${SITE}${page}`);
      expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), page).toBe(canonical);
    }
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${SITE}feed.xml"/>`);
    expect(feed).toContain(`<id>${SITE}reports/`);
    const rows = parse(readFileSync(join(out, 'data', 'package', 'figures.csv'), 'utf8')).data;
    expect(rows.every((r) => r['url']?.startsWith(`${SITE}reports/`))).toBe(true);
    expect((JSON.parse(readFileSync(join(out, 'data', 'package', 'datapackage.json'), 'utf8')) as { homepage: string }).homepage).toBe(
      SITE,
    );
  });
});
