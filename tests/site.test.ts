import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FigureEntry } from '../src/schemas/figure';
import type { ReportEntry } from '../src/schemas/report';
import type { Unit } from '../src/schemas/unit';
import { formatAmount, formatStatedForTable } from '../src/lib/format';
import { EXPORT_COLUMNS } from '../src/lib/export';
import { sangongRows } from '../src/lib/views';
import { partitionFolder } from '../src/lib/partition';
import { distDir, htmlFiles, readContent, readPage, requireBuild } from './helpers/built-site';

// Tests over the built site: run after `npm run build` (the `npm test` script builds first).
let units: Unit[];
let reports: ReportEntry[];
let figures: FigureEntry[];

beforeAll(() => {
  requireBuild();
  units = readContent<Unit>('units');
  reports = readContent<ReportEntry>('reports');
  figures = readContent<FigureEntry>('figures');
});

describe('pages', () => {
  it('has a home, search, data and two comparison pages in zh-CN', () => {
    for (const page of ['index.html', 'search.html', 'data.html', 'compare/sangong.html', 'compare/execution.html']) {
      const doc = readPage(page);
      expect(doc.documentElement.getAttribute('lang'), page).toBe('zh-CN');
      expect(doc.querySelector('main[data-pagefind-body]'), page).not.toBeNull();
    }
  });

  it('forbids inline scripts, event handlers and foreign scripts on every page, and has none of its own', () => {
    for (const page of htmlFiles()) {
      const doc = readPage(page);
      const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
      expect(policy, page).toMatch(/script-src 'self'(?: 'wasm-unsafe-eval')?;/);
      expect(
        policy.split(';').find((d) => d.trim().startsWith('script-src')),
        page,
      ).not.toContain('unsafe-inline');
      for (const script of doc.querySelectorAll('script')) {
        expect(script.getAttribute('src'), `${page}: an inline script`).toMatch(/^(?:\.\.\/)*(?:js|pagefind)\/[\w-]+\.js$/);
      }
    }
  });

  it('has one page per unit and per report', () => {
    // the five bundled reports at least (an ingested report adds one)
    expect(units.length).toBeGreaterThanOrEqual(5);
    expect(reports.length).toBeGreaterThanOrEqual(5);
    expect(readdirSync(join(distDir, 'reports')).filter((f) => f.endsWith('.html')).length).toBe(reports.length);
    for (const u of units) expect(readPage(`units/${u.id}.html`).querySelector('h1')?.textContent).toBe(u.name);
    for (const r of reports) expect(readPage(`reports/${r.id}.html`).querySelector('h1')?.textContent).toContain(r.unit_name);
  });

  it('shows every figure of a report with the value as stated and its quote', () => {
    for (const r of reports) {
      const doc = readPage(`reports/${r.id}.html`);
      const own = figures.filter((f) => f.report_id === r.id);
      expect(own.length, r.id).toBeGreaterThan(0);
      for (const f of own) {
        const row = doc.getElementById(f.id);
        expect(row, `${r.id} ${f.id}`).not.toBeNull();
        expect(row?.querySelector('[data-value]')?.textContent, f.id).toBe(formatStatedForTable(f.value, f.unit));
        expect(row?.querySelector('blockquote')?.textContent, f.id).toBe(f.quote);
      }
    }
  });

  it('links every quote to the line of the full text where it starts', () => {
    const r = reports.find((x) => x.id === 'leshan-shizhong-ybj-2022-final-accounts');
    expect(r).toBeDefined();
    const doc = readPage(`reports/${r?.id}.html`);
    const f = figures.find((x) => x.report_id === r?.id && x.quote.includes('1,153.8'));
    const link = doc.getElementById(f?.id ?? '')?.querySelector('a[href^="#L"]');
    const line = doc.querySelector(link?.getAttribute('href') ?? '#none');
    expect(line?.textContent).toContain(f?.quote.split('\n')[0]);
  });

  /** The page of a comparison that holds a report's rows: its unit's province's page (src/lib/compare.ts provinceComparePages). */
  const provincePage = (comparison: string, report: ReportEntry) => {
    const province = units.find((u) => u.id === report.unit_id)?.province ?? '';
    return readPage(`compare/${comparison}/${partitionFolder(province)}.html`);
  };

  it('shows the 三公 comparison with the exported amounts, budget and actual apart, each row on its province’s page', () => {
    const national = readPage('compare/sangong.html');
    expect(national.querySelector('figure.chart svg')).not.toBeNull();
    const rows = sangongRows(reports, figures);
    expect(rows.length).toBeGreaterThan(0);
    // the national page has no rows, only a line per province linking to its page
    expect(national.querySelector('tr[data-report]')).toBeNull();
    const provinces = new Set(rows.map((row) => units.find((u) => u.id === row.report.unit_id)?.province));
    expect(national.querySelectorAll('table.compare-summary tbody tr').length).toBe(provinces.size);
    for (const row of rows) {
      const doc = provincePage('sangong', row.report);
      expect(doc.querySelector('figure.chart svg')).not.toBeNull();
      const tr = doc.querySelector(`tr[data-report="${row.report.id}"][data-phase="${row.phase}"]`);
      expect(tr, `${row.report.id} ${row.phase}`).not.toBeNull();
      const total = tr?.querySelector('[data-col="total"]')?.textContent?.trim();
      expect(total).toBe(row.total ? formatAmount(row.total.value_yuan) : '未载明');
    }
  });

  it('shows stated execution rates beside rates computed with a named denominator', () => {
    const doc = readPage('compare/execution/sichuan.html');
    expect(doc.querySelector('figure.chart svg')).not.toBeNull();
    const leshan = doc.querySelector('tr[data-report="leshan-shizhong-ybj-2022-final-accounts"]');
    expect(leshan?.querySelector('[data-col="stated"]')?.textContent).toBe('27.87%');
    expect(leshan?.querySelector('[data-computed]')?.getAttribute('data-computed')).toBe('27.87');
    expect(leshan?.textContent).toContain('分母');
  });

  it('never republishes the mobile number or the names in the survey forms', () => {
    for (const page of htmlFiles()) {
      const html = readFileSync(join(distDir, page), 'utf8');
      expect(html, page).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      for (const name of ['唐国平', '陈军武', '刘新文']) expect(html, page).not.toContain(name);
    }
  });

  it('uses only relative links that resolve to built files (so the site works from any folder)', () => {
    for (const page of htmlFiles()) {
      const doc = readPage(page);
      for (const a of doc.querySelectorAll('a[href], link[href], script[src]')) {
        const target = a.getAttribute('href') ?? a.getAttribute('src') ?? '';
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        expect(target.startsWith('/'), `${page}: ${target}`).toBe(false);
        const file = normalize(join(dirname(join(distDir, page)), target.split('#')[0] ?? ''));
        expect(existsSync(file), `${page} → ${target}`).toBe(true);
      }
    }
  });

  it('has a search index', () => {
    expect(existsSync(join(distDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(distDir, 'pagefind', 'pagefind-ui.js'))).toBe(true);
  });
});

describe('public data export', () => {
  it('writes figures.csv as UTF-8 with BOM, the documented columns and every figure', () => {
    const csv = readFileSync(join(distDir, 'data', 'figures.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...EXPORT_COLUMNS]);
    for (const required of [
      'report_id',
      'unit_id',
      'unit_name',
      'year',
      'kind',
      'metric',
      'phase',
      'scope',
      'value',
      'unit',
      'value_yuan',
      'quote',
      'source_sha256',
    ]) {
      expect(parsed.meta.fields).toContain(required);
    }
    expect(parsed.data.length).toBe(figures.length);
    const byKey = new Map(parsed.data.map((r) => [`${r.report_id}|${r.quote}|${r.metric}|${r.unit}|${r.scope}|${r.item}|${r.phase}`, r]));
    for (const f of figures) {
      const row = byKey.get(`${f.report_id}|${f.quote}|${f.metric}|${f.unit}|${f.scope}|${f.item}|${f.phase}`);
      expect(row, f.id).toBeDefined();
      expect(row?.value).toBe(f.value);
      expect(row?.value_yuan).toBe(f.value_yuan);
      expect(row?.source_sha256).toBe(reports.find((r) => r.id === f.report_id)?.sha256);
    }
    expect(new Set(parsed.data.map((r) => r.report_id))).toEqual(new Set(reports.map((r) => r.id)));
  });

  it('writes figures.json with the same rows', () => {
    const rows = JSON.parse(readFileSync(join(distDir, 'data', 'figures.json'), 'utf8')) as Record<string, unknown>[];
    expect(rows.length).toBe(figures.length);
    expect(Object.keys(rows[0] ?? {})).toEqual([...EXPORT_COLUMNS]);
    const money = rows.find((r) => r.value === '1,153.8' && r.unit === '万元');
    expect(money?.value_yuan).toBe('11538000');
  });
});
