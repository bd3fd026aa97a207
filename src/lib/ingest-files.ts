/**
 * Writing an ingest plan to disk as one transaction. A crash at any instant (power cut, SIGKILL) leaves data/
 * either as it was or as the plan makes it — after `recoverIngest`, which the next ingest runs first.
 *
 * The journal `data/.ingest-journal.json` is written (and fsynced) before anything else; it names every file
 * the transaction touches with the sha256 of its bytes before and after, the temporary file holding the new
 * bytes and the backup copy of the old ones. Then: temporaries and backups are written and fsynced, each
 * temporary is renamed over its file, the dataset is validated from disk, the journal is marked committed
 * (the commit point), and backups and journal are removed. Recovery: a journal that is not committed is rolled
 * back (each file that already has its new bytes gets its backup back, or is removed if it was new); a
 * committed one is finished (its leftovers removed). Both are idempotent, so a crash during recovery is
 * recovered by the next run. Every step is a whole-file write, a rename or an unlink, fsynced with its
 * directory, so no file is ever seen half written under its own name.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { z } from 'zod';
import type { Problem } from './csv';
import type { FileWrite } from './ingest';

export type WriteResult = { ok: true } | { ok: false; error: string } | { ok: false; problems: Problem[] };

/** Where the journal of an unfinished ingest lives, relative to the project root. */
export const JOURNAL_PATH = 'data/.ingest-journal.json';

/** One change to the disk, numbered from 1 in the order a transaction (or a recovery) makes them. */
export interface DiskStep {
  n: number;
  action: 'write' | 'rename' | 'link' | 'remove' | 'mkdir' | 'rmdir';
  path: string;
}

export interface DiskOptions {
  /**
   * Called before every step (for a write: when half of the bytes are written), so that a test can stop the
   * process there, or copy the disk as a crash at that instant would leave it.
   */
  beforeStep?: (step: DiskStep) => void;
}

export interface WriteOptions extends DiskOptions {
  /** What the transaction is, in words, for the message of a recovery (e.g. "report X from FILE"). */
  label?: string;
}

/** Names of the files a transaction leaves next to its targets: `<name>.ingest-<id>.tmp|.bak`. */
const LEFTOVER = /\.ingest-[0-9a-z]+\.(?:tmp|bak)$/;

const relativePath = z
  .string()
  .min(1)
  .refine((p) => !posix.isAbsolute(p) && posix.normalize(p) === p && !p.split('/').includes('..'), 'a relative path inside the project');
const sha = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex');
const journalSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(/^[0-9a-z]+$/),
  label: z.string(),
  /** The process writing it (see `processIdentity`): a journal whose process still runs is not left over. */
  owner: z.string(),
  state: z.enum(['prepared', 'committed']),
  files: z.array(
    z.object({
      path: relativePath,
      temp: relativePath,
      /** The old bytes, kept until the commit; null when the file did not exist. */
      backup: relativePath.nullable(),
      before: sha.nullable(),
      after: sha,
    }),
  ),
  /** Directories the transaction created, outermost first. */
  dirs: z.array(relativePath),
});
type Journal = z.infer<typeof journalSchema>;

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The disk under a root, changed one durable step at a time. */
class Disk {
  private n = 0;
  constructor(
    readonly root: string,
    private readonly options: DiskOptions,
  ) {}

  full(path: string): string {
    return join(this.root, path);
  }

  private step(action: DiskStep['action'], path: string): void {
    this.n += 1;
    this.options.beforeStep?.({ n: this.n, action, path });
  }

  private syncDir(path: string): void {
    const fd = openSync(this.full(dirname(path)), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** sha256 of a regular file's bytes; null when there is none; 'other' for anything else (a directory…). */
  hash(path: string): string | null {
    const full = this.full(path);
    if (!existsSync(full)) return null;
    return lstatSync(full).isFile() ? hashOf(readFileSync(full)) : 'other';
  }

  /** Creates a new file with these bytes and fsyncs it (never overwrites: the name must be free). */
  write(path: string, bytes: Uint8Array): void {
    const fd = openSync(this.full(path), 'wx');
    try {
      const half = Math.floor(bytes.length / 2);
      writeAll(fd, bytes.subarray(0, half));
      this.step('write', path);
      writeAll(fd, bytes.subarray(half));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.syncDir(path);
  }

  rename(from: string, to: string): void {
    this.step('rename', to);
    renameSync(this.full(from), this.full(to));
    this.syncDir(to);
  }

  /** A second name for a file; fails if the name is taken (which makes it a lock). */
  link(from: string, to: string): void {
    this.step('link', to);
    linkSync(this.full(from), this.full(to));
    this.syncDir(to);
  }

  remove(path: string): void {
    if (!existsSync(this.full(path))) return;
    this.step('remove', path);
    unlinkSync(this.full(path));
    this.syncDir(path);
  }

  mkdir(path: string): void {
    this.step('mkdir', path);
    mkdirSync(this.full(path));
    this.syncDir(path);
  }

  /** Removes a directory if it is there and empty (a file someone put there since keeps it). */
  rmdirIfEmpty(path: string): void {
    const full = this.full(path);
    if (!existsSync(full) || readdirSync(full).length > 0) return;
    this.step('rmdir', path);
    rmdirSync(full);
    this.syncDir(path);
  }

  /** Writes a journal over the current one in two steps (temporary, rename); the first one must not exist. */
  writeJournal(journal: Journal, first: boolean): void {
    const temp = journalTemp(journal);
    this.write(temp, Buffer.from(`${JSON.stringify(journal, null, 2)}\n`, 'utf8'));
    if (first) {
      // link, not rename: two ingests at once cannot both own the journal
      try {
        this.link(temp, JOURNAL_PATH);
      } finally {
        this.remove(temp);
      }
    } else this.rename(temp, JOURNAL_PATH);
  }
}

const journalTemp = (journal: Journal) => `${JOURNAL_PATH}.ingest-${journal.id}.tmp`;

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The new bytes of a write; an appended file keeps its old bytes exactly (only the added part is encoded). */
function bytesOf(w: FileWrite, current: Buffer | null): Uint8Array {
  if (typeof w.content !== 'string') return w.content;
  if (current !== null && w.previous !== null && w.content.startsWith(w.previous)) {
    return Buffer.concat([current, Buffer.from(w.content.slice(w.previous.length), 'utf8')]);
  }
  return Buffer.from(w.content, 'utf8');
}

/**
 * Writes every file of a plan under `root` as one transaction (see the top of this file), then runs `check`
 * (validation of the dataset as now on disk). If a file changed since it was read, a write fails, or `check`
 * throws or returns problems, every file is put back as it was — restored byte for byte, or removed if it was
 * new — and so are directories it created. A journal left by an earlier run must be recovered first.
 */
export function writeOrRollBack(
  root: string,
  writes: readonly FileWrite[],
  check: () => Problem[],
  options: WriteOptions = {},
): WriteResult {
  const disk = new Disk(root, options);
  const id = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const files: Journal['files'] = [];
  const after = new Map<string, Uint8Array>();
  const before = new Map<string, Buffer>();
  const dirs: string[] = [];
  for (const w of writes) {
    const full = disk.full(w.path);
    const current = existsSync(full) ? readFileSync(full) : null;
    if (w.previous === null && current !== null) return { ok: false, error: `${w.path} appeared while ingesting: nothing written` };
    if (w.previous !== null && (current?.toString('utf8') ?? '') !== w.previous)
      return { ok: false, error: `${w.path} changed while ingesting: nothing written` };
    const bytes = bytesOf(w, current);
    after.set(w.path, bytes);
    if (current !== null) before.set(w.path, current);
    files.push({
      path: w.path,
      temp: `${w.path}.ingest-${id}.tmp`,
      backup: current === null ? null : `${w.path}.ingest-${id}.bak`,
      before: current === null ? null : hashOf(current),
      after: hashOf(bytes),
    });
    for (let dir = posix.dirname(w.path); dir !== '.' && !existsSync(disk.full(dir)) && !dirs.includes(dir); dir = posix.dirname(dir))
      dirs.push(dir);
  }
  dirs.sort((a, b) => a.length - b.length);
  if (!existsSync(disk.full(dirname(JOURNAL_PATH))))
    return { ok: false, error: `${root} has no ${dirname(JOURNAL_PATH)}/ directory: nothing written` };
  if (existsSync(disk.full(JOURNAL_PATH)))
    return { ok: false, error: `${JOURNAL_PATH} exists: an earlier ingest is unfinished (recover it first); nothing written` };

  const label = options.label ?? writes.map((w) => w.path).join(', ');
  const journal: Journal = { version: 1, id, label, owner: processIdentity(process.pid) ?? '', state: 'prepared', files, dirs };
  try {
    disk.writeJournal(journal, true);
  } catch (e) {
    return { ok: false, error: `cannot write ${JOURNAL_PATH} (${message(e)}): nothing written` };
  }
  const rollBackAnd = (result: WriteResult): WriteResult => {
    try {
      rollBack(disk, journal);
      return result;
    } catch (e) {
      const why = 'error' in result ? result.error : 'the new files had problems';
      return { ok: false, error: `${why}; rolling back failed too (${message(e)}): the next ingest will roll back from ${JOURNAL_PATH}` };
    }
  };
  try {
    for (const dir of dirs) disk.mkdir(dir);
    for (const f of files) {
      const old = before.get(f.path);
      if (f.backup !== null && old !== undefined) disk.write(f.backup, old);
      disk.write(f.temp, after.get(f.path) ?? new Uint8Array());
    }
    for (const f of files) disk.rename(f.temp, f.path);
  } catch (e) {
    return rollBackAnd({ ok: false, error: message(e) });
  }
  let problems: Problem[];
  try {
    problems = check();
  } catch (e) {
    return rollBackAnd({ ok: false, error: `validation failed: ${message(e)}` });
  }
  if (problems.length > 0) return rollBackAnd({ ok: false, problems });
  try {
    disk.writeJournal({ ...journal, state: 'committed' }, false);
  } catch (e) {
    return rollBackAnd({ ok: false, error: `cannot mark ${JOURNAL_PATH} committed (${message(e)})` });
  }
  try {
    finish(disk, journal);
  } catch {
    // committed: what is left is tidied up by the next run
  }
  return { ok: true };
}

/** Puts back every file of an uncommitted transaction; throws (leaving the journal) when a file is in neither state. */
function rollBack(disk: Disk, journal: Journal): void {
  for (const f of [...journal.files].reverse()) {
    const now = disk.hash(f.path);
    if (now === f.before) continue;
    if (now !== f.after)
      throw new Error(
        `${f.path} has neither its old nor its new bytes (changed by hand?): compare it with ${JOURNAL_PATH} and fix it by hand`,
      );
    if (f.backup === null) disk.remove(f.path);
    else if (disk.hash(f.backup) === f.before) disk.rename(f.backup, f.path);
    else throw new Error(`${f.backup}, the copy of ${f.path} as it was, is missing or damaged: cannot put ${f.path} back`);
  }
  for (const f of journal.files) {
    disk.remove(f.temp);
    if (f.backup !== null) disk.remove(f.backup);
  }
  for (const dir of [...journal.dirs].reverse()) disk.rmdirIfEmpty(dir);
  disk.remove(journalTemp(journal));
  disk.remove(JOURNAL_PATH);
}

/** Removes what a committed transaction left; throws (leaving the journal) when a file lost its new bytes. */
function finish(disk: Disk, journal: Journal): void {
  for (const f of journal.files) {
    if (disk.hash(f.path) !== f.after)
      throw new Error(`${f.path} does not have the bytes the committed ingest wrote (changed by hand?): compare it with ${JOURNAL_PATH}`);
  }
  for (const f of journal.files) {
    disk.remove(f.temp);
    if (f.backup !== null) disk.remove(f.backup);
  }
  disk.remove(journalTemp(journal));
  disk.remove(JOURNAL_PATH);
}

export type Recovery =
  /** No journal; `removed` lists leftovers of a transaction that had not written its journal yet. */
  | { status: 'clean'; removed: string[] }
  | { status: 'rolled-back' | 'finished'; label: string }
  /** The journal is left in place: data/ needs a person. */
  | { status: 'stuck'; error: string }
  /** Another ingest is writing now: nothing was touched. */
  | { status: 'busy'; error: string };

/** Files under `dir` (relative to root) whose names are those of a transaction's temporaries or backups. */
function leftoversIn(disk: Disk, dir: string): string[] {
  if (!existsSync(disk.full(dir))) return [];
  const found: string[] = [];
  for (const e of readdirSync(disk.full(dir), { withFileTypes: true })) {
    const path = posix.join(dir, e.name);
    if (e.isDirectory()) found.push(...leftoversIn(disk, path));
    else if (LEFTOVER.test(e.name)) found.push(path);
  }
  return found.sort();
}

/**
 * Brings data/ back to a consistent state after an ingest that was stopped: rolls back a transaction that had
 * not committed, finishes one that had, and removes stray temporaries. Run before every ingest.
 */
export function recoverIngest(root: string, options: DiskOptions = {}): Recovery {
  const disk = new Disk(root, options);
  if (!existsSync(disk.full(JOURNAL_PATH))) {
    const removed = leftoversIn(disk, dirname(JOURNAL_PATH));
    for (const path of removed) disk.remove(path);
    return { status: 'clean', removed };
  }
  let journal: Journal;
  try {
    const parsed = journalSchema.safeParse(JSON.parse(readFileSync(disk.full(JOURNAL_PATH), 'utf8')));
    if (!parsed.success)
      return {
        status: 'stuck',
        error: `${JOURNAL_PATH} is not a journal this version can read (${parsed.error.issues[0]?.message ?? 'invalid'}): look at it and remove it by hand`,
      };
    journal = parsed.data;
  } catch (e) {
    return { status: 'stuck', error: `${JOURNAL_PATH} cannot be read (${message(e)}): look at it and remove it by hand` };
  }
  if (journal.owner !== processIdentity(process.pid) && journal.owner === processIdentity(Number(journal.owner.split(':')[1]))) {
    return {
      status: 'busy',
      error: `another ingest (${journal.label}, process ${journal.owner.split(':')[1] ?? '?'}) is writing data/ now: run again when it has finished`,
    };
  }
  try {
    if (journal.state === 'committed') {
      finish(disk, journal);
      return { status: 'finished', label: journal.label };
    }
    rollBack(disk, journal);
    return { status: 'rolled-back', label: journal.label };
  } catch (e) {
    return { status: 'stuck', error: message(e) };
  }
}

/** What a recovery did, in a sentence for stderr; null when there was nothing to do. */
export function describeRecovery(recovery: Recovery): string | null {
  switch (recovery.status) {
    case 'clean':
      return recovery.removed.length === 0
        ? null
        : `removed ${recovery.removed.length} leftover temporary file(s) of an ingest stopped before it changed anything: ${recovery.removed.join(', ')}`;
    case 'rolled-back':
      return `the previous ingest (${recovery.label}) was stopped before it completed: rolled back, data/ is as it was before it`;
    case 'finished':
      return `the previous ingest (${recovery.label}) had completed when it was stopped: finished it, data/ has its changes`;
    case 'busy':
      return recovery.error;
    case 'stuck':
      return `data/ has an unfinished ingest that cannot be recovered automatically: ${recovery.error}`;
  }
}

/**
 * Who a process is, in a way that survives pid reuse: `<boot id>:<pid>:<start time>` from /proc (Linux);
 * `:<pid>:` elsewhere, where only the pid is known. Null when no such process runs.
 */
export function processIdentity(pid: number): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it runs, under another user
    if (!(e instanceof Error && 'code' in e && e.code === 'EPERM')) return null;
  }
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command name, which may itself contain spaces and parentheses
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') return null;
    return `${boot}:${pid}:${fields[19] ?? ''}`;
  } catch {
    return `:${pid}:`;
  }
}

/** Whether an ingest left its journal, i.e. data/ may be half written until the next ingest recovers it. */
export function hasUnfinishedIngest(root: string): boolean {
  return existsSync(join(root, JOURNAL_PATH));
}
