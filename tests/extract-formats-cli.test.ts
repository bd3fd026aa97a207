import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/csv';
import { COUNTED_WHOLES } from '../src/lib/extract/output';
import { FIGURE_COLUMNS } from '../src/lib/validate';

/* scripts/extract.ts on the published formats: the same JSON contract, plus where each figure stands. */

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const realdocs = join(projectRoot, '..', 'shared', 'realdocs');
const pdf = join(realdocs, 'shanghai', 'sh-putuo-czj-2024-final.pdf');
const pdfMissing = !existsSync(pdf);
if (pdfMissing) console.warn(`extract-formats-cli: ${pdf} not found (a clone without ../shared): the PDF tests are skipped`);
const scratch = mkdtempSync(join(tmpdir(), 'extract-formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function extract(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/extract.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Figure {
  metric: string;
  value: number;
  unit: string;
  quote: string;
  page?: number;
  table?: number;
  row?: number;
  column?: number;
}

describe('an HTML page with a budget table', () => {
  const file = join(scratch, 'report.html');
  writeFileSync(
    file,
    `<html><body><nav>首页</nav><h1>某区医疗保障局2022年度部门整体支出绩效自评报告</h1><p>单位：万元</p>
     <table><tr><th>项目</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th></tr>
     <tr><td>年度资金总额</td><td>1,153.80</td><td>1,200.00</td><td>1,180.50</td></tr></table></body></html>`,
  );

  it('figures read from the table cite table, row and column; no page for a page that has none', () => {
    const run = extract(file);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { unit: string; year: number; figures: Figure[] };
    expect(Object.keys(json).sort()).toEqual(['figures', 'kind', 'unit', 'year']);
    expect(json.year).toBe(2022);
    expect(json.figures.map((f) => [f.metric, f.value, f.unit, f.table, f.row, f.column, f.page])).toEqual([
      ['budget_initial', 1153.8, '万元', 1, 2, 2, undefined],
      ['budget_adjusted', 1200, '万元', 1, 2, 3, undefined],
      ['budget_executed', 1180.5, '万元', 1, 2, 4, undefined],
    ]);
  });

  it('--text prints the derived text the quotes come from', () => {
    const text = extract(file, '--text');
    const json = JSON.parse(extract(file).stdout) as { figures: Figure[] };
    expect(text.stdout).toContain('| 年度资金总额 | 1,153.80 | 1,200.00 | 1,180.50 |');
    expect(text.stdout).not.toContain('首页');
    for (const f of json.figures) expect(text.stdout).toContain(f.quote);
  });
});

describe.skipIf(pdfMissing)('a published PDF (普陀区财政局 2024 决算)', () => {
  const run = pdfMissing ? null : extract(pdf);
  const text = pdfMissing ? null : extract(pdf, '--text');

  it('keeps the JSON contract; every figure carries its page, and its quote stands in the derived text on that page', () => {
    expect(run?.status, run?.stderr).toBe(0);
    const json = JSON.parse(run?.stdout ?? '') as { unit: string; year: number; kind: string; figures: Figure[] };
    expect([json.unit, json.year, json.kind]).toEqual(['上海市普陀区财政局', 2024, '部门决算']);
    expect(json.figures.length).toBeGreaterThan(50);
    const derived = text?.stdout ?? '';
    for (const f of json.figures) {
      expect(Object.keys(f).slice(0, 6)).toEqual(['metric', 'phase', 'scope', 'value', 'unit', 'quote']);
      expect(f.page, f.quote).toBeGreaterThanOrEqual(1);
      expect(f.page, f.quote).toBeLessThanOrEqual(25);
      expect(derived.includes(f.quote), f.quote).toBe(true);
    }
    // the narrative's totals are on page 21, the 三公 paragraph on page 23
    const prose = json.figures.filter((f) => !f.quote.startsWith('|'));
    expect(prose.find((f) => f.metric === 'grand_total' && f.value === 2995.39)?.page).toBe(21);
    expect(prose.find((f) => f.metric === 'sangong_total' && f.value === 0.95)?.page).toBe(23);
    // the standard tables state them too, each figure cited by its own cell: the 收支总表 on page 7, the 三公 table on page 18
    const cited = (metric: string, value: number) =>
      json.figures.filter((f) => f.metric === metric && f.value === value && f.quote.startsWith('|')).map((f) => [f.page, f.table, f.row, f.column]);
    expect(cited('grand_total', 2995.39)).toEqual([
      [7, 2, 13, 2],
      [7, 3, 31, 2],
    ]);
    expect(cited('sangong_total', 0.95)).toEqual([[18, 11, 2, 1]]);
  });

  it('reads no score out of a table of amounts', () => {
    const json = JSON.parse(run?.stdout ?? '') as { figures: Figure[] };
    expect(json.figures.filter((f) => f.unit === '分')).toEqual([]);
  });

  it('--csv gives the same figures as dataset rows', () => {
    const csv = extract(pdf, '--csv');
    expect(csv.status, csv.stderr).toBe(0);
    const parsed = parseCsv(csv.stdout, 'stdout', FIGURE_COLUMNS);
    expect(parsed.problems).toEqual([]);
    const json = JSON.parse(run?.stdout ?? '') as { figures: Figure[] };
    // the JSON leaves out itemised parts of counts (no item key there to tell them from a total); the CSV keeps them
    const itemless = parsed.records.filter((r) => r.values.item === '' || !COUNTED_WHOLES.has(r.values.metric ?? ''));
    expect(itemless.map((r) => r.values.quote)).toEqual(json.figures.map((f) => f.quote));
    expect(new Set(parsed.records.map((r) => r.values.report_id))).toEqual(new Set(['sh-putuo-czj-2024-final']));
  });
});
