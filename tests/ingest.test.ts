import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSnapshot } from './helpers/file-tree';
import { projectRoot } from './helpers/built-site';
import { readDataset } from '../src/lib/dataset-files';
import { FIGURE_COLUMNS, UNIT_COLUMNS, REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS, validateDataset } from '../src/lib/validate';
import { confirmedDrafts } from '../src/lib/ingest-checked';
import { parseCsv } from '../src/lib/csv';
import { extractReport } from '../src/lib/extract';
import { readReportText } from '../src/lib/extract/read';
import { INGEST_NOTE, reviewNote, sha256Hex } from '../src/lib/ingest';
import { writeOrRollBack } from '../src/lib/ingest-files';

/*
 * `npm run ingest` end to end, on a copy of the project's data/ in a temporary directory: a copy of a seed
 * report is added under a new id and a new unit, checked file by file, and ingested again to prove that the
 * second run changes nothing. The real data/ is never touched.
 */

const SEED = join(projectRoot, 'data/sources/lukou-ybj-2022-dept-self-eval.txt');
const TSX = join(projectRoot, 'node_modules/.bin/tsx');
const SCRIPT = join(projectRoot, 'scripts/ingest.ts');
const ID = 'ceshi-ybj-2022-dept-self-eval';
const UNIT_FLAGS = ['--unit', 'ceshi-ybj', '--unit-name', '测试市测试区医疗保障局', '--short-name', '测试区医保局', '--province', '湖南省', '--city', '测试市', '--county', '测试区', '--type', '医疗保障局'];

let root = '';
let input = '';

function ingest(...args: string[]) {
  const run = spawnSync(TSX, [SCRIPT, input, '--root', root, ...args], { encoding: 'utf8', cwd: root });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under data/ with its bytes, to compare runs. */
const snapshot = () => dataSnapshot(root);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mingzhang-ingest-'));
  cpSync(join(projectRoot, 'data'), join(root, 'data'), { recursive: true });
  mkdirSync(join(root, 'inbox'));
  input = join(root, 'inbox', '渌口区2022年度整体支出绩效自评报告.txt');
  cpSync(SEED, input);
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm run ingest on a copy of a seed, under a new id and a new unit', () => {
  it('refuses a new unit without --county, names the flag and writes nothing', () => {
    const before = snapshot();
    const flags = UNIT_FLAGS.filter((f, i) => f !== '--county' && UNIT_FLAGS[i - 1] !== '--county');
    const run = ingest('--id', ID, ...flags);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing --county: unit ceshi-ybj is new/);
    expect(run.stderr).toMatch(/nothing written/);
    expect(snapshot()).toEqual(before);
  });

  it('--dry-run prints the plan and writes nothing', () => {
    const before = snapshot();
    const run = ingest('--id', ID, ...UNIT_FLAGS, '--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`== would create data/sources/${ID}.txt`);
    expect(run.stdout).toContain('== would append to data/units.csv:\nceshi-ybj,测试市测试区医疗保障局,');
    expect(run.stdout).toContain(`== would create data/figures/${ID}.csv:\n${FIGURE_COLUMNS.join(',')}\n${ID},`);
    expect(snapshot()).toEqual(before);
  });

  it('adds the source, the manifest row, the unit and the machine figures', () => {
    const before = snapshot();
    const run = ingest('--id', ID, ...UNIT_FLAGS, '--url', 'https://example.gov.cn/r.html', '--retrieved', '2024-05-01');
    expect(run.stderr).toContain(`added report ${ID}`);
    expect(run.status).toBe(0);

    const bytes = readFileSync(SEED);
    expect(readFileSync(join(root, 'data/sources', `${ID}.txt`)).equals(bytes)).toBe(true);

    const after = snapshot();
    expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual([`data/figures/${ID}.csv`, `data/sources/${ID}.txt`]);
    for (const file of ['data/reports.csv', 'data/units.csv']) {
      const old = Buffer.from(before.get(file) ?? '', 'base64');
      expect(readFileSync(join(root, file)).subarray(0, old.length).equals(old), `${file} keeps its bytes`).toBe(true);
    }
    for (const [file, content] of before) if (file !== 'data/reports.csv' && file !== 'data/units.csv') expect(after.get(file), file).toBe(content);

    const reports = parseCsv(readFileSync(join(root, 'data/reports.csv'), 'utf8'), 'reports', REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS).records.map((r) => r.values);
    expect(reports.at(-1)).toEqual({
      id: ID,
      unit_id: 'ceshi-ybj',
      year: '2022',
      kind: '部门整体支出绩效自评',
      title: '株洲市渌口区医疗保障局 2022年度整体支出绩效自评报告',
      date: '',
      date_label: '',
      original_filename: '渌口区2022年度整体支出绩效自评报告.txt',
      sha256: sha256Hex(bytes),
      source_url: 'https://example.gov.cn/r.html',
      retrieved: '2024-05-01',
      note: INGEST_NOTE,
      original_sha256: '',
      original_format: '',
    });
    const units = parseCsv(readFileSync(join(root, 'data/units.csv'), 'utf8'), 'units', UNIT_COLUMNS).records.map((r) => r.values);
    expect(units.at(-1)).toEqual({
      id: 'ceshi-ybj', name: '测试市测试区医疗保障局', short_name: '测试区医保局', province: '湖南省', city: '测试市', county: '测试区', department_type: '医疗保障局',
    });

    const read = readReportText(SEED);
    const expected = read.ok ? extractReport(read.text).figures : [];
    expect(expected.length).toBeGreaterThan(0);
    const rows = parseCsv(readFileSync(join(root, 'data/figures', `${ID}.csv`), 'utf8'), 'figures', FIGURE_COLUMNS).records.map((r) => r.values);
    expect(rows.every((r) => r['report_id'] === ID)).toBe(true);
    // checked where the report states the figure a second time, machine elsewhere; a machine row says why it was read
    const confirmed = confirmedDrafts(expected);
    expect(rows.map((r) => r['review'])).toEqual(expected.map((_, i) => (confirmed.has(i) ? 'checked' : 'machine')));
    expect(rows.map((r) => r['note'])).toEqual(expected.map((f, i) => (confirmed.has(i) ? '' : reviewNote(f))));
    // every figure of the extractor, in order (a quote that occurs twice in the text may have been lengthened)
    expect(rows.map((r) => [r['metric'], r['phase'], r['scope'], r['item'], r['value'], r['unit']])).toEqual(expected.map((f) => [f.metric, f.phase, f.scope, f.item, f.value, f.unit]));
    rows.forEach((r, i) => expect(r['quote']).toContain(expected[i]?.quote));

    expect(validateDataset(readDataset(root)).problems).toEqual([]);
  });

  it('the same file again changes nothing', () => {
    const before = snapshot();
    const run = ingest('--id', ID, ...UNIT_FLAGS);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`already ingested as ${ID}`);
    expect(snapshot()).toEqual(before);
  });

  it('the same file again without --id says where it already is and changes nothing', () => {
    const before = snapshot();
    const run = ingest();
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`already ingested as lukou-ybj-2022-dept-self-eval, ${ID}`);
    expect(snapshot()).toEqual(before);
  });

  it('another file under an existing id is refused and nothing is written', () => {
    const before = snapshot();
    writeFileSync(input, Buffer.concat([readFileSync(SEED), Buffer.from('\n附：修订说明\n')]));
    const run = ingest('--id', ID, ...UNIT_FLAGS);
    cpSync(SEED, input);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`report ${ID} is already in data/reports.csv with another text`));
    expect(snapshot()).toEqual(before);
  });
});

describe('writeOrRollBack', () => {
  it('puts every file back, byte for byte, when the check finds a problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mingzhang-rollback-'));
    try {
      mkdirSync(join(dir, 'data'));
      const old = Buffer.from('id,name\r\na,"甲,乙"', 'utf8');
      writeFileSync(join(dir, 'data/list.csv'), old);
      const result = writeOrRollBack(dir, [
        { path: 'data/list.csv', content: 'id,name\r\na,"甲,乙"\r\nb,丙\r\n', previous: old.toString('utf8') },
        { path: 'data/new/x.txt', content: new Uint8Array([1, 2, 3]), previous: null },
      ], () => {
        expect(readFileSync(join(dir, 'data/list.csv'), 'utf8')).toBe('id,name\r\na,"甲,乙"\r\nb,丙\r\n');
        expect(existsSync(join(dir, 'data/new/x.txt'))).toBe(true);
        return [{ file: 'data/list.csv', line: 3, field: 'name', message: 'bad' }];
      });
      expect(result).toEqual({ ok: false, problems: [{ file: 'data/list.csv', line: 3, field: 'name', message: 'bad' }] });
      expect(readFileSync(join(dir, 'data/list.csv')).equals(old)).toBe(true);
      expect(existsSync(join(dir, 'data/new'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes nothing over a file that changed since it was read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mingzhang-rollback-'));
    try {
      writeFileSync(join(dir, 'a.csv'), 'changed\n');
      const result = writeOrRollBack(dir, [
        { path: 'b.txt', content: 'new', previous: null },
        { path: 'a.csv', content: 'old\nmore\n', previous: 'old\n' },
      ], () => []);
      expect(result).toEqual({ ok: false, error: 'a.csv changed while ingesting: nothing written' });
      expect(existsSync(join(dir, 'b.txt'))).toBe(false);
      expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('changed\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
