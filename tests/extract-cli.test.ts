import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/csv';
import { extractReport } from '../src/lib/extract';
import { toJson } from '../src/lib/extract/output';
import { FIGURE_COLUMNS } from '../src/lib/validate';

/* scripts/extract.ts as a user runs it: one JSON object (or CSV rows) on stdout, problems on stderr. */

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const sourcesDir = join(projectRoot, 'data', 'sources');
const seeds = readdirSync(sourcesDir).filter((f) => f.endsWith('.txt')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'extract-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function extract(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/extract.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scratchFile(name: string, content: string | Buffer): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

describe('npm run extract -- FILE', () => {
  it.each(seeds)('%s: exit 0 and exactly one JSON object, the same as the library gives', (name) => {
    const file = join(sourcesDir, name);
    const run = extract(file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().startsWith('{')).toBe(true);
    // JSON.parse fails on anything after the object: the whole of stdout is one object
    const json: unknown = JSON.parse(run.stdout);
    expect(json).toEqual(toJson(extractReport(readFileSync(file, 'utf8'))));
    expect(Object.keys(json as object).sort()).toEqual(['figures', 'kind', 'unit', 'year']);
    expect((json as { figures: unknown[] }).figures.length).toBeGreaterThan(0);
  });

  it('gives empty figures and exit 0 for a text that is not a budget report', () => {
    const file = scratchFile('notice.txt', '关于召开春季运动会的通知\n各班级：定于4月15日举行春季运动会，请做好准备。\n');
    const run = extract(file);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { figures: unknown[] };
    expect(json.figures).toEqual([]);
  });
});

describe('npm run extract -- FILE --csv', () => {
  const name = seeds.find((s) => s.startsWith('urumqi')) ?? seeds[0] ?? '';
  const file = join(sourcesDir, name);
  const expected = extractReport(readFileSync(file, 'utf8')).figures;

  it('prints the dataset header and one row per figure, marked machine, for the file name as report id', () => {
    const run = extract(file, '--csv');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split(/\r?\n/)[0]).toBe('report_id,metric,phase,scope,item,value,unit,quote,review,note');
    const csv = parseCsv(run.stdout, 'stdout', FIGURE_COLUMNS);
    expect(csv.problems).toEqual([]);
    expect(expected.length).toBeGreaterThan(0);
    expect(csv.records.map((r) => r.values)).toEqual(
      expected.map((f) => ({ report_id: name.replace(/\.txt$/, ''), metric: f.metric, phase: f.phase, scope: f.scope, item: f.item, value: f.value, unit: f.unit, quote: f.quote, review: 'machine', note: '' })),
    );
  });

  it('uses the id given with --report', () => {
    const run = extract(file, '--csv', '--report', 'some-new-report');
    expect(run.status, run.stderr).toBe(0);
    const csv = parseCsv(run.stdout, 'stdout', FIGURE_COLUMNS);
    expect(csv.records.length).toBe(expected.length);
    expect(new Set(csv.records.map((r) => r.values.report_id))).toEqual(new Set(['some-new-report']));
  });
});

describe('unreadable input: a message on stderr naming the file, nothing on stdout, a non-zero exit', () => {
  it.each<[what: string, make: () => string, message: RegExp]>([
    ['a missing file', () => join(scratch, 'no-such-report.txt'), /cannot be read|ENOENT|not found|no such file/i],
    ['an empty file', () => scratchFile('empty.txt', ''), /empty/i],
    ['a file of white space only', () => scratchFile('blank.txt', ' \n\t\n　\n'), /white space|empty/i],
    ['a directory', () => scratch, /directory/i],
    ['a binary file named .txt', () => scratchFile('report.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x00, 0xff, 0xd8, 0x00, 0x10])), /binary/i],
    ['a broken PDF', () => scratchFile('report.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x00, 0xff, 0xd8, 0x00, 0x10])), /not a readable PDF/],
    ['a Word 97-2003 file', () => scratchFile('report.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /legacy Word 97-2003 file: open it and save it as \.docx/],
    ['a format it does not read', () => scratchFile('report.odt', 'PK'), /supported are .*\.pdf/],
    // "部门决算" in GBK, as some sites still publish: not UTF-8
    ['a text in another encoding', () => scratchFile('gbk.txt', Buffer.from('b2bfc3c5bef6cbe3'.repeat(50), 'hex')), /UTF-8/],
  ])('%s', (_what, make, message) => {
    const file = make();
    const run = extract(file);
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain(file);
  });

  it('no file at all: the usage line and a non-zero exit', () => {
    const run = extract();
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/usage/i);
  });
});
