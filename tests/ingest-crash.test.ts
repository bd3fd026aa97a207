import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSnapshot } from './helpers/file-tree';
import { projectRoot } from './helpers/built-site';
import { readDataset } from '../src/lib/dataset-files';
import { validateDataset } from '../src/lib/validate';
import { JOURNAL_PATH, recoverIngest } from '../src/lib/ingest-files';

/*
 * `npm run ingest` killed (SIGKILL, injected through MINGZHANG_INGEST_CRASH_AT) at every step it takes on disk,
 * on copies of the project's data/: after each kill every data file is as before or as after, the next run
 * rolls back or finishes and says which, and then data/ is exactly what an uninterrupted ingest makes, with
 * 0 validation problems. Also: killing npm stops the ingest process, and the half-ingested report an older
 * version left (row, no figures) gets its figures back. The real data/ is never touched.
 */

const SEED = join(projectRoot, 'data/sources/lukou-ybj-2022-dept-self-eval.txt');
const SCRIPT = join(projectRoot, 'scripts/ingest.ts');
const ID = 'ceshi-ybj-2022-dept-self-eval';
const FLAGS = [
  '--id',
  ID,
  '--unit',
  'ceshi-ybj',
  '--unit-name',
  '测试市测试区医疗保障局',
  '--province',
  '湖南省',
  '--city',
  '测试市',
  '--county',
  '测试区',
];
/** Names a transaction gives its temporaries, backups and journal (ignored when comparing data files). */
const TRANSACTION_FILE = /\.ingest-[0-9a-z]+\.(?:tmp|bak)$|^data\/\.ingest-journal\.json$/;

let work = '';
let input = '';
let before: Map<string, string>;
let after: Map<string, string>;
let steps: string[] = [];

/** A fresh copy of the project's data/ (and nothing else) in a new root. */
function freshRoot(): string {
  const root = mkdtempSync(join(work, 'root-'));
  cpSync(join(projectRoot, 'data'), join(root, 'data'), { recursive: true });
  return root;
}

/** Runs the ingest script as `npm run ingest` does (one node process), on `root`. */
function ingest(
  root: string,
  env: Record<string, string> = {},
): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, input, '--root', root, ...FLAGS], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done) => child.on('close', (status, signal) => done({ status, signal, stderr })));
}

/** Every file under data/ with its bytes (base64), to compare states exactly. */
const snapshot = dataSnapshot;

const withoutTransactionFiles = (files: Map<string, string>) => new Map([...files].filter(([k]) => !TRANSACTION_FILE.test(k)));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mingzhang-ingest-crash-'));
  input = join(work, '渌口区2022年度整体支出绩效自评报告.txt');
  cpSync(SEED, input);
  const root = freshRoot();
  before = snapshot(root);
  const clean = await ingest(root, { MINGZHANG_INGEST_TRACE: '1' });
  expect(clean.stderr).toContain(`added report ${ID}`);
  steps = [...clean.stderr.matchAll(/^ingest: step \d+: (.*)$/gm)].map((m) => m[1] ?? '');
  after = snapshot(root);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run ingest killed at every step on disk', () => {
  it('a clean ingest takes every step of the transaction and changes what it should', () => {
    // journal, 3 temporaries and 2 backups (reports.csv, units.csv), 4 renames, commit, clean-up
    expect(steps.length).toBeGreaterThanOrEqual(15);
    expect(steps).toContain('rename data/reports.csv');
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k)).sort();
    expect(changed).toEqual([
      'data/figures/ceshi-ybj-2022-dept-self-eval.csv',
      'data/reports.csv',
      'data/sources/ceshi-ybj-2022-dept-self-eval.txt',
      'data/units.csv',
    ]);
  });

  it('leaves data/ as before or as after, and the next run says which, recovers and completes the ingest', async () => {
    const outcomes = new Set<string>();
    const killAt = async (n: number) => {
      const where = `killed before step ${n} (${steps[n - 1] ?? ''})`;
      const root = freshRoot();
      const killed = await ingest(root, { MINGZHANG_INGEST_CRASH_AT: String(n) });
      expect(killed.signal, where).toBe('SIGKILL');

      const left = snapshot(root);
      const data = withoutTransactionFiles(left);
      for (const [file, bytes] of data) expect([before.get(file), after.get(file)], `${where}: ${file}`).toContain(bytes);
      if (!left.has(JOURNAL_PATH)) expect([before, after], `${where}: no journal, so data/ is consistent`).toContainEqual(data);

      // recovery alone, on a copy, gives exactly the state before or after
      const copy = mkdtempSync(join(work, 'recovered-'));
      cpSync(join(root, 'data'), join(copy, 'data'), { recursive: true });
      const recovery = recoverIngest(copy);
      expect(recovery.status, where).not.toBe('stuck');
      expect(snapshot(copy), `${where}: after ${recovery.status}`).toEqual(recovery.status === 'finished' ? after : before);
      outcomes.add(recovery.status);

      const next = await ingest(root);
      expect(next.status, `${where}: ${next.stderr}`).toBe(0);
      if (recovery.status === 'rolled-back')
        expect(next.stderr, where).toMatch(/was stopped before it completed: rolled back, data\/ is as it was before it/);
      if (recovery.status === 'finished')
        expect(next.stderr, where).toMatch(/had completed when it was stopped: finished it, data\/ has its changes/);
      expect(next.stderr, where).toMatch(recovery.status === 'finished' ? /already ingested as/ : /added report/);
      expect(snapshot(root), where).toEqual(after);
      expect(validateDataset(readDataset(root)).problems, where).toEqual([]);
      rmSync(root, { recursive: true });
      rmSync(copy, { recursive: true });
    };
    // two at a time (the machine has two cores); each case has its own root
    const queue = steps.map((_, i) => i + 1);
    const worker = async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) await killAt(n);
    };
    await Promise.all([worker(), worker()]);
    expect([...outcomes].sort()).toEqual(['clean', 'finished', 'rolled-back']);
  }, 300_000);
});

describe('a report an older ingest left without its figures file', () => {
  it('is completed by the next run instead of being called already ingested', async () => {
    const root = freshRoot();
    expect((await ingest(root)).status).toBe(0);
    const figures = join(root, 'data/figures', `${ID}.csv`);
    rmSync(figures);
    expect(validateDataset(readDataset(root)).problems).toEqual([]);

    const run = await ingest(root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`data/figures/${ID}.csv is missing`);
    expect(run.stderr).not.toContain('already ingested');
    expect(snapshot(root)).toEqual(after);
    expect((await ingest(root)).stderr).toContain(`already ingested as ${ID}`);
  });
});

/** Processes whose command line names `root` (the ingest of that root, whatever spawned it). */
function processesOf(root: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^\d+ \(.*\) Z/.test(stat)) continue;
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(root)) found.push(Number(pid));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (condition()) return true;
  return condition();
}

describe.skipIf(!existsSync('/proc/self/cmdline'))('killing npm run ingest', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)('with %s stops the ingest process too, and data/ stays as before', async (signal) => {
    const root = freshRoot();
    const pidFile = join(root, 'ingest.pid');
    const npm = spawn('npm', ['run', '-s', 'ingest', '--', input, '--root', root, ...FLAGS], {
      cwd: projectRoot,
      env: { ...process.env, MINGZHANG_INGEST_PAUSE_MS: '20000', MINGZHANG_INGEST_PIDFILE: pidFile },
      stdio: 'ignore',
    });
    try {
      expect(await waitFor(() => existsSync(pidFile), 20_000)).toBe(true);
      const ingestPid = Number(readFileSync(pidFile, 'utf8'));
      expect(processesOf(root)).toContain(ingestPid);
      npm.kill(signal);
      expect(await waitFor(() => processesOf(root).length === 0, 5_000), `still running: ${processesOf(root).join(' ')}`).toBe(true);
      expect(snapshot(root)).toEqual(before);
    } finally {
      for (const pid of processesOf(root)) process.kill(pid, 'SIGKILL');
    }
  });
});
