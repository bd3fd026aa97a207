/**
 * The fault test of `npm run verify:build`: in a temporary copy of the built site (data/, content/, dist/),
 * remove one figure from a report page, from an export or from a collection file, or cut a report's text,
 * findings or checklist from the per-report files the pages read, and the check must fail naming the file
 * and what is missing; the untouched copy must pass.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDir, distDir, projectRoot, readContent, requireBuild } from './helpers/built-site';
import type { FigureEntry } from '../src/schemas/figure';
import type { Finding } from '../src/schemas/finding';

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of what verify:build reads, changed by `damage`; returns its exit code and what it printed. */
function verifyCopy(damage: (root: string) => void): { status: number | null; stderr: string } {
  const root = mkdtempSync(join(tmpdir(), 'build-verify-'));
  copies.push(root);
  cpSync(join(projectRoot, 'data'), join(root, 'data'), { recursive: true });
  cpSync(contentDir, join(root, 'content'), { recursive: true });
  cpSync(distDir, join(root, 'dist'), { recursive: true });
  damage(root);
  const run = spawnSync(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'scripts', 'verify-build.ts')], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

const edit = (file: string, change: (text: string) => string) => {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, `the damage must change ${file}`).not.toBe(before);
  writeFileSync(file, after);
};

describe('npm run verify:build', () => {
  let figure: FigureEntry;
  beforeAll(() => {
    requireBuild();
    const figures = readContent<FigureEntry>('figures');
    // a figure in the middle of a report with several, so that the page still has others
    const candidate = figures.find(
      (f, k) => k > 0 && figures[k - 1]?.report_id === f.report_id && figures[k + 1]?.report_id === f.report_id,
    );
    if (!candidate) throw new Error('the bundled dataset has no report with three figures');
    figure = candidate;
  });

  it('passes on the site as built', () => {
    const { status, stderr } = verifyCopy(() => {});
    expect(stderr).toMatch(/holds all of the data/);
    expect(status).toBe(0);
  });

  it('fails naming the page and the figure when a report page lost a figure row', () => {
    const page = `dist/reports/${figure.report_id}.html`;
    const { status, stderr } = verifyCopy((root) =>
      edit(join(root, page), (html) => html.replace(new RegExp(`<tr id="${figure.id}"[\\s\\S]*?</tr>`), '')),
    );
    expect(status).toBe(1);
    expect(stderr).toContain(page);
    expect(stderr).toContain(`missing: ${figure.id}`);
  });

  it('fails naming the export and the figure when figures.csv lost a row', () => {
    const { status, stderr } = verifyCopy((root) =>
      edit(join(root, 'dist/data/figures.csv'), (csv) => {
        // quotes span lines, so the row is dropped by parsing the file, not by lines
        const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
        const rows = parsed.data.filter((row) => row['figure_id'] !== figure.id);
        return `\uFEFF${Papa.unparse({ fields: parsed.meta.fields ?? [], data: rows.map((row) => (parsed.meta.fields ?? []).map((c) => row[c] ?? '')) }, { newline: '\n' })}\n`;
      }),
    );
    expect(status).toBe(1);
    expect(stderr).toContain('dist/data/figures.csv');
    expect(stderr).toContain(figure.id);
  });

  it('fails when a report’s own figures file lost its rows (the empty-collection build of issue 11)', () => {
    const file = `dist/data/figures/${figure.report_id}.json`;
    const { status, stderr } = verifyCopy((root) => edit(join(root, file), () => '[]\n'));
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`${file} has 0 of the \\d+ figures`));
  });

  it('fails naming the file when a report’s text the pages read was cut short', () => {
    const file = `content/by-report/${figure.report_id}.txt`;
    const { status, stderr } = verifyCopy((root) => edit(join(root, file), (text) => text.slice(0, text.length >> 1)));
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`${file} has \\d+ of the \\d+ characters of data/sources/${figure.report_id}\\.txt`));
  });

  it('fails naming the file when a report’s text the pages read is missing', () => {
    const file = `content/by-report/${figure.report_id}.txt`;
    const { status, stderr } = verifyCopy((root) => rmSync(join(root, file)));
    expect(status).toBe(1);
    expect(stderr).toContain(`${file} is missing`);
  });

  it('fails when the per-report files lost a report’s findings', () => {
    const findings = readContent<Finding>('findings');
    const reportId = findings[0]?.report_id;
    if (reportId === undefined) throw new Error('the bundled dataset has no finding');
    const { status, stderr } = verifyCopy((root) =>
      edit(join(root, `content/by-report/${reportId}.json`), (json) => JSON.stringify({ ...(JSON.parse(json) as object), findings: [] })),
    );
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`content/by-report/\\*\\.json has \\d+ findings, content/findings\\.json has ${findings.length}`));
  });

  it('fails when a per-report file lost its completeness checklist', () => {
    const { status, stderr } = verifyCopy((root) =>
      edit(join(root, `content/by-report/${figure.report_id}.json`), (json) => {
        const { completeness: _dropped, ...rest } = JSON.parse(json) as { completeness: unknown };
        return JSON.stringify(rest);
      }),
    );
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`content/by-report/${figure.report_id}\\.json: completeness: Required`));
  });

  it('fails when the figures collection has fewer entries than data/ has rows', () => {
    const { status, stderr } = verifyCopy((root) =>
      edit(join(root, 'content/figures.json'), (json) =>
        JSON.stringify((JSON.parse(json) as FigureEntry[]).filter((f) => f.id !== figure.id)),
      ),
    );
    expect(status).toBe(1);
    expect(stderr).toMatch(/content\/figures\.json has \d+ entries, data\/figures\/\*\.csv has \d+: 1 missing/);
  });
});
