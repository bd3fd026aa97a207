import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/schemas/finding';
import type { Completeness } from '../src/schemas/completeness';
import type { ReportEntry } from '../src/schemas/report';
import { FINDINGS_COLUMNS, QUOTE_SEPARATOR } from '../src/lib/checks/export';
import { spreadsheetSafe } from '../src/lib/csv';
import { RULES } from '../src/lib/checks/rules';
import { FINAL_ACCOUNTS, SELF_EVALUATION } from '../src/lib/completeness';
import type { Unit } from '../src/schemas/unit';
import { partitionFolder } from '../src/lib/partition';
import { findingsPages } from '../src/lib/findings-provinces';
import { distDir, readContent, readPage, readText, requireBuild } from './helpers/built-site';

// 数据核查 on the built site: run after `npm run build` (the `npm test` script builds first).
let findings: Finding[];
let completeness: Completeness[];
let reports: ReportEntry[];
let units: Unit[];

beforeAll(() => {
  requireBuild();
  findings = readContent<Finding>('findings');
  completeness = readContent<Completeness>('completeness');
  reports = readContent<ReportEntry>('reports');
  units = readContent<Unit>('units');
});

/** The folder of the province of a report's unit: its findings are on findings/<folder>.html. */
const folderOfReport = (reportId: string) => {
  const unitId = reports.find((r) => r.id === reportId)?.unit_id;
  return partitionFolder(units.find((u) => u.id === unitId)?.province ?? '');
};

/** The page a report's findings and completeness are on (its province's, or its year's when the province is split). */
const pageOfReport = (reportId: string) =>
  findingsPages(units, reports, findings).find((p) => p.reports.some((r) => r.id === reportId))?.path ?? '';

describe('the findings pages', () => {
  it('count the findings per province and severity on the national page, each province linking to its page', () => {
    const doc = readPage('findings.html');
    // no finding is listed there: only a line per province
    expect(doc.querySelector('table.findings-table')).toBeNull();
    const folders = [...new Set(reports.map((r) => folderOfReport(r.id)))].sort();
    const rows = [...doc.querySelectorAll('table.findings-provinces tbody tr')];
    expect(rows.map((tr) => tr.getAttribute('data-province')).sort()).toEqual(folders);
    for (const tr of rows) {
      const folder = tr.getAttribute('data-province') ?? '';
      expect(tr.querySelector('a')?.getAttribute('href')).toBe(`findings/${folder}.html`);
      const own = findings.filter((f) => folderOfReport(f.report_id) === folder);
      expect(tr.querySelector('[data-count="total"]')?.textContent).toBe(String(own.length));
      for (const severity of ['error', 'warning', 'info'] as const)
        expect(tr.querySelector(`[data-count="${severity}"]`)?.textContent, `${folder} ${severity}`).toBe(
          String(own.filter((f) => f.severity === severity).length),
        );
    }
  });

  it.each(['findings.html', 'findings/shanghai.html'])('%s links to the exports', (page) => {
    const doc = readPage(page);
    const prefix = page.includes('/') ? '../' : '';
    expect(doc.querySelector(`a[href="${prefix}data/findings.csv"]`)).not.toBeNull();
    expect(doc.querySelector(`a[href="${prefix}data/findings.json"]`)).not.toBeNull();
  });

  it('list every finding on its province’s page with its severity, rule, unit and year, filterable and sortable', () => {
    expect(findings.length).toBeGreaterThan(0);
    const pages = [...new Set(findings.map((f) => pageOfReport(f.report_id)))];
    expect(pages.length).toBeGreaterThan(1);
    for (const path of pages) {
      const doc = readPage(`findings/${path}.html`);
      const own = findings.filter((f) => pageOfReport(f.report_id) === path);
      const rows = [...doc.querySelectorAll('table.findings-table tbody tr')];
      expect(rows, path).toHaveLength(own.length);
      // every filter offers every value the rows carry
      const form = doc.getElementById('findings-filters');
      for (const name of ['severity', 'rule', 'unit', 'year']) {
        const options = new Set([...(form?.querySelectorAll(`select[name="${name}"] option`) ?? [])].map((o) => o.getAttribute('value')));
        for (const tr of rows)
          expect(options.has(tr.getAttribute(`data-${name}`)), `${name} ${tr.getAttribute(`data-${name}`)}`).toBe(true);
      }
      // without JavaScript the controls stay hidden and every row shows
      expect(form?.hasAttribute('hidden')).toBe(true);
      expect(rows.some((tr) => tr.hasAttribute('hidden'))).toBe(false);
      expect(doc.querySelectorAll('th[data-sort-key]').length).toBe(5);
    }
    for (const f of findings) {
      const doc = readPage(`findings/${pageOfReport(f.report_id)}.html`);
      const tr = doc.querySelector(`tr[data-finding="${f.id}"]`);
      expect(tr, f.id).not.toBeNull();
      expect(tr?.getAttribute('data-severity')).toBe(f.severity);
      expect(tr?.getAttribute('data-rule')).toBe(f.rule);
      expect(tr?.getAttribute('data-unit')).toBe(f.unit_name);
      expect(tr?.getAttribute('data-year')).toBe(String(f.year));
      expect(tr?.querySelector('[data-stated]')?.textContent).toBe(f.stated);
      expect(tr?.querySelector('[data-computed]')?.textContent).toBe(f.computed);
      expect(tr?.querySelector(`a[href$="reports/${f.report_id}.html#${f.id}"]`), f.id).not.toBeNull();
    }
  });

  it("show each report's completeness score on its province's page", () => {
    for (const c of completeness) {
      const doc = readPage(`findings/${pageOfReport(c.report_id)}.html`);
      expect(
        doc.querySelector(`table.completeness-summary tr[data-report="${c.report_id}"] [data-score]`)?.getAttribute('data-score'),
        c.report_id,
      ).toBe(c.score);
    }
  });

  it('is in the navigation of every page, with the methodology page', () => {
    for (const page of ['index.html', 'data.html', `reports/${reports[0]?.id}.html`]) {
      const nav = readPage(page).querySelector('header nav');
      expect([...(nav?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href')?.replace(/^(\.\.\/)+/, ''))).toEqual(
        expect.arrayContaining(['findings.html', 'methodology.html']),
      );
    }
  });
});

describe('the methodology page', () => {
  it('explains every rule and every item of the completeness checklists', () => {
    const doc = readPage('methodology.html');
    for (const rule of RULES) {
      const article = doc.getElementById(`rule-${rule.id}`);
      expect(article, rule.id).not.toBeNull();
      expect(article?.querySelector('p')?.textContent?.length ?? 0).toBeGreaterThan(10);
    }
    for (const req of [...FINAL_ACCOUNTS, ...SELF_EVALUATION])
      expect(doc.querySelector(`li[data-key="${req.key}"]`)?.textContent).toBe(req.label);
  });
});

describe('the 数据核查 section of each report page', () => {
  it('shows every finding of the report with its quotes linked to their lines in the full text', () => {
    for (const r of reports) {
      const doc = readPage(`reports/${r.id}.html`);
      const section = doc.getElementById('checks');
      expect(section, r.id).not.toBeNull();
      const own = findings.filter((f) => f.report_id === r.id);
      expect(section?.querySelectorAll('article.finding').length, r.id).toBe(own.length);
      for (const f of own) {
        const article = doc.getElementById(f.id);
        expect(article?.getAttribute('data-severity')).toBe(f.severity);
        expect(article?.querySelector('.message')?.textContent).toBe(f.message);
        const refs = [...(article?.querySelectorAll('ol.refs > li') ?? [])];
        expect(refs).toHaveLength(f.refs.length);
        f.refs.forEach((ref, k) => {
          const li = refs[k];
          expect(li?.querySelector('blockquote')?.textContent).toBe(ref.quote);
          const target = li?.querySelector('a[href^="#L"]')?.getAttribute('href') ?? '';
          expect(target).toBe(`#L${ref.line}`);
          // the linked line holds the part of the quote that falls on it
          const startLine = readText(r.id).slice(0, ref.offset).split('\n').length;
          const segment = ref.quote.split('\n')[ref.line - startLine] ?? '';
          expect(segment.trim(), `${f.id} ${target}`).not.toBe('');
          expect(doc.querySelector(target)?.textContent, `${f.id} ${target}`).toContain(segment.trim());
          if (ref.kind !== 'text') expect(doc.getElementById(ref.id), `${f.id} → ${ref.id}`).not.toBeNull();
        });
      }
    }
  });

  it('shows the completeness checklist with where each part was found', () => {
    for (const c of completeness) {
      const doc = readPage(`reports/${c.report_id}.html`);
      const section = doc.querySelector('section.completeness');
      expect(section?.getAttribute('data-checklist')).toBe(c.checklist);
      if (c.expected === 0) continue;
      expect(section?.querySelector('[data-score]')?.getAttribute('data-score')).toBe(c.score);
      for (const item of c.items) {
        const tr = section?.querySelector(`tr[data-key="${item.key}"]`);
        expect(tr?.getAttribute('data-present')).toBe(String(item.present));
        if (item.line !== null) expect(tr?.querySelector(`a[href="#L${item.line}"]`)).not.toBeNull();
      }
    }
  });
});

describe('the findings export', () => {
  it('writes findings.csv as UTF-8 with BOM, the documented columns, quotes joined', () => {
    const csv = readFileSync(join(distDir, 'data', 'findings.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...FINDINGS_COLUMNS]);
    expect(parsed.data).toHaveLength(findings.length);
    for (const f of findings) {
      const row = parsed.data.find((x) => x.finding_id === f.id);
      expect(row?.report_id).toBe(f.report_id);
      expect(row?.rule).toBe(f.rule);
      expect(row?.severity).toBe(f.severity);
      // cells that start like a formula (a computed -27.7778%) carry the spreadsheet guard's leading '
      expect(row?.message).toBe(spreadsheetSafe(f.message));
      expect(row?.stated).toBe(spreadsheetSafe(f.stated));
      expect(row?.computed).toBe(spreadsheetSafe(f.computed));
      expect(row?.quotes).toBe(spreadsheetSafe(f.refs.map((r) => r.quote).join(QUOTE_SEPARATOR)));
    }
  });

  it('writes findings.json with quotes as arrays', () => {
    const rows = JSON.parse(readFileSync(join(distDir, 'data', 'findings.json'), 'utf8')) as Record<string, unknown>[];
    expect(rows).toHaveLength(findings.length);
    expect(Object.keys(rows[0] ?? {})).toEqual([...FINDINGS_COLUMNS]);
    for (const row of rows) expect(Array.isArray(row.quotes)).toBe(true);
  });
});
