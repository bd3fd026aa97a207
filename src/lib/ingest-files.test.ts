import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileWrite } from './ingest';
import {
  JOURNAL_PATH,
  describeRecovery,
  processIdentity,
  recoverIngest,
  writeOrRollBack,
  type DiskStep,
  type Recovery,
} from './ingest-files';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempRoot(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'mingzhang-ingest-files-'));
  made.push(root);
  mkdirSync(join(root, 'data'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Every file (with its bytes) and directory under root/data, to compare states exactly. */
function tree(root: string, dir = join(root, 'data')): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, { [`${relative(root, full)}/`]: 'dir' }, tree(root, full));
    else out[relative(root, full)] = readFileSync(full).toString('base64');
  }
  return out;
}

function copyOf(root: string): string {
  const copy = tempRoot();
  rmSync(join(copy, 'data'), { recursive: true });
  cpSync(join(root, 'data'), join(copy, 'data'), { recursive: true });
  return copy;
}

const OLD_REPORTS = 'id,title\r\na,"甲,乙"\r\n';
const SCENARIOS: { name: string; files: Record<string, string>; writes: FileWrite[] }[] = [
  {
    name: 'a new source, an appended manifest and a figures file',
    files: { 'data/reports.csv': OLD_REPORTS, 'data/figures/a.csv': 'x\n1\n' },
    writes: [
      { path: 'data/sources/b.txt', content: new Uint8Array([0xef, 0xbb, 0xbf, 0x31, 0x0a]), previous: null },
      { path: 'data/reports.csv', content: `${OLD_REPORTS}b,丙\r\n`, previous: OLD_REPORTS },
      { path: 'data/figures/b.csv', content: 'x\n2\n', previous: null },
    ],
  },
  {
    name: 'two appended files and a new file in two new directories',
    files: { 'data/reports.csv': OLD_REPORTS, 'data/units.csv': 'id\nu1\n' },
    writes: [
      { path: 'data/reports.csv', content: `${OLD_REPORTS}b,丙\r\n`, previous: OLD_REPORTS },
      { path: 'data/units.csv', content: 'id\nu1\nu2\n', previous: 'id\nu1\n' },
      { path: 'data/new/deeper/b.csv', content: '', previous: null },
    ],
  },
];

describe.each(SCENARIOS)('a transaction stopped at any step: $name', ({ files, writes }) => {
  /** Runs the transaction to the end, copying data/ as a crash before each step would leave it. */
  function runCopyingEveryStep() {
    const root = tempRoot(files);
    const before = tree(root);
    const crashes: { step: DiskStep; root: string }[] = [];
    const result = writeOrRollBack(root, writes, () => [], {
      label: 'report b',
      beforeStep: (step) => crashes.push({ step, root: copyOf(root) }),
    });
    expect(result).toEqual({ ok: true });
    return { root, before, after: tree(root), crashes };
  }

  it('writes every file, leaves no journal, temporary or backup, and changes nothing else', () => {
    const { root, before, after, crashes } = runCopyingEveryStep();
    expect(crashes.length).toBeGreaterThan(writes.length * 2);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k] && !k.endsWith('/'));
    expect(changed.sort()).toEqual(writes.map((w) => w.path).sort());
    for (const w of writes) expect(readFileSync(join(root, w.path)).equals(Buffer.from(w.content)), w.path).toBe(true);
  });

  it('the next run rolls back before the commit point and finishes after it, and says which', () => {
    const { before, after, crashes } = runCopyingEveryStep();
    const commit = crashes.findIndex((c) => c.step.action === 'rename' && c.step.path === JOURNAL_PATH);
    expect(commit).toBeGreaterThan(0);
    crashes.forEach(({ step, root }, i) => {
      const recovery = recoverIngest(root);
      const where = `stopped before step ${step.n} (${step.action} ${step.path})`;
      if (i <= commit) {
        expect(tree(root), where).toEqual(before);
        expect(['clean', 'rolled-back'], where).toContain(recovery.status);
      } else {
        expect(tree(root), where).toEqual(after);
        expect(recovery, where).toEqual({ status: 'finished', label: 'report b' });
      }
      if (recovery.status === 'rolled-back')
        expect(describeRecovery(recovery)).toMatch(/report b.*rolled back, data\/ is as it was before it/);
      expect(recoverIngest(root), `${where}: a second recovery has nothing to do`).toEqual({ status: 'clean', removed: [] });
    });
  });

  it('a recovery stopped at any of its own steps is completed by the next one', () => {
    const { crashes } = runCopyingEveryStep();
    let recoveryCrashes = 0;
    for (const { root } of crashes) {
      const expected = copyOf(root);
      recoverIngest(expected);
      const again: string[] = [];
      recoverIngest(root, { beforeStep: () => again.push(copyOf(root)) });
      for (const stopped of again) {
        const recovery: Recovery = recoverIngest(stopped);
        expect(recovery.status).not.toBe('stuck');
        expect(tree(stopped)).toEqual(tree(expected));
      }
      recoveryCrashes += again.length;
    }
    expect(recoveryCrashes).toBeGreaterThan(crashes.length);
  });
});

describe('writeOrRollBack', () => {
  const writes: FileWrite[] = [
    { path: 'data/reports.csv', content: `${OLD_REPORTS}b,丙\r\n`, previous: OLD_REPORTS },
    { path: 'data/figures/b.csv', content: 'x\n2\n', previous: null },
  ];

  it.each([
    ['returns problems', () => [{ file: 'data/figures/b.csv', line: 2, field: 'x', message: 'bad' }]],
    [
      'throws',
      () => {
        throw new Error('unreadable');
      },
    ],
  ])('puts everything back, journal and temporaries included, when the check %s', (_, check) => {
    const root = tempRoot({ 'data/reports.csv': OLD_REPORTS });
    const before = tree(root);
    const result = writeOrRollBack(root, writes, check);
    expect(result.ok).toBe(false);
    expect(tree(root)).toEqual(before);
  });

  it('refuses to start while the journal of an earlier run is there, and writes nothing', () => {
    const root = tempRoot({ 'data/reports.csv': OLD_REPORTS, [JOURNAL_PATH]: '{}' });
    const before = tree(root);
    expect(writeOrRollBack(root, writes, () => [])).toEqual({
      ok: false,
      error: expect.stringMatching(/^data\/\.ingest-journal\.json exists/),
    });
    expect(tree(root)).toEqual(before);
  });
});

describe('recoverIngest', () => {
  const files = { 'data/reports.csv': OLD_REPORTS };
  const writes: FileWrite[] = [
    { path: 'data/reports.csv', content: `${OLD_REPORTS}b,丙\r\n`, previous: OLD_REPORTS },
    { path: 'data/figures/b.csv', content: 'x\n2\n', previous: null },
  ];
  /** The disk as a transaction stopped just before the first step `at` chooses left it. */
  function stoppedBefore(at: (step: DiskStep) => boolean): string {
    const root = tempRoot(files);
    let copy = '';
    const beforeStep = (step: DiskStep) => {
      if (copy === '' && at(step)) copy = copyOf(root);
    };
    writeOrRollBack(root, writes, () => [], { label: 'report b', beforeStep });
    return copy;
  }
  const betweenRenames = (step: DiskStep) => step.action === 'rename' && step.path === 'data/figures/b.csv';

  it('removes the temporary journal of a run stopped before its journal existed, and says so', () => {
    const root = stoppedBefore((step) => step.n === 1);
    const recovery = recoverIngest(root);
    expect(recovery).toEqual({
      status: 'clean',
      removed: [expect.stringMatching(/^data\/\.ingest-journal\.json\.ingest-[0-9a-z]+\.tmp$/)],
    });
    expect(describeRecovery(recovery)).toMatch(/^removed 1 leftover temporary file\(s\) of an ingest stopped before it changed anything/);
    expect(tree(root)).toEqual(tree(tempRoot(files)));
  });

  it.each([
    ['a file changed by hand since', (root: string) => writeFileSync(join(root, 'data/reports.csv'), 'id,title\r\n')],
    [
      'the backup lost',
      (root: string) => {
        for (const name of readdirSync(join(root, 'data'))) if (name.endsWith('.bak')) rmSync(join(root, 'data', name));
      },
    ],
    ['a journal that is not JSON', (root: string) => writeFileSync(join(root, JOURNAL_PATH), '{"version":1,')],
    [
      'a journal naming a path outside the project',
      (root: string) => {
        const journal = readFileSync(join(root, JOURNAL_PATH), 'utf8');
        writeFileSync(join(root, JOURNAL_PATH), journal.replace('"path": "data/reports.csv"', '"path": "../reports.csv"'));
      },
    ],
  ])('leaves everything, journal included, for a person when it finds %s', (_, damage) => {
    const root = stoppedBefore(betweenRenames);
    damage(root);
    const damaged = tree(root);
    const recovery = recoverIngest(root);
    expect(recovery.status).toBe('stuck');
    expect(describeRecovery(recovery)).toMatch(/cannot be recovered automatically/);
    expect(tree(root)).toEqual(damaged);
    expect(existsSync(join(root, JOURNAL_PATH))).toBe(true);
  });

  it('leaves alone the journal of an ingest that is still running, and recovers it once that process is gone', async () => {
    const root = stoppedBefore(betweenRenames);
    const stopped = tree(root);
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const owner = processIdentity(other.pid ?? 0);
      expect(owner).toMatch(/:\d+:/);
      const journal = readFileSync(join(root, JOURNAL_PATH), 'utf8');
      writeFileSync(join(root, JOURNAL_PATH), journal.replace(/"owner": "[^"]*"/, `"owner": "${owner ?? ''}"`));
      const busy = recoverIngest(root);
      expect(busy).toEqual({
        status: 'busy',
        error: expect.stringMatching(/^another ingest \(report b, process \d+\) is writing data\/ now/),
      });
      expect(tree(root)).toEqual({ ...stopped, [JOURNAL_PATH]: expect.any(String) });
    } finally {
      other.kill('SIGKILL');
      await new Promise((done) => other.on('close', done));
    }
    expect(recoverIngest(root)).toEqual({ status: 'rolled-back', label: 'report b' });
    expect(tree(root)).toEqual(tree(tempRoot(files)));
  });

  it('has nothing to do on a clean data/', () => {
    const root = tempRoot(files);
    expect(recoverIngest(root)).toEqual({ status: 'clean', removed: [] });
    expect(describeRecovery({ status: 'clean', removed: [] })).toBeNull();
  });
});
