/**
 * npm run ingest -- FILE|DIR … [--sources FILE.csv] [--unit ID] [--id REPORT_ID] [flags] — adds reports to
 * data/, one transaction per file: its text verbatim in data/sources/ (for a PDF, DOCX, XLSX or HTML file,
 * the text derived from it, and the file itself byte for byte in data/originals/), its row in
 * data/reports.csv (and its unit in data/units.csv if new), and the figures the extractor reads as
 * data/figures/<id>.csv rows with review = checked (the report states the figure twice) or machine. The plan
 * comes from src/lib/ingest.ts and is validated before anything is written; the files are then written as one
 * transaction (src/lib/ingest-files.ts), validated again from disk and put back if a problem appears. A run
 * first recovers what a stopped run left (rolls it back, or finishes it if it had committed) and says which.
 * One line per file on stderr ([3/22] name.pdf … added as <id> / skipped: duplicate of <id> / failed: reason),
 * a bad file does not stop the others, a summary ends the run; exit 1 if any file failed. The same file twice
 * (same sha256 of its bytes) changes nothing. --dry-run writes nothing.
 *
 * Stopping: SIGINT, SIGTERM and SIGHUP, and the death of the parent process (npm killed), end the run before
 * it writes; the writing itself is synchronous, so a signal that arrives during it is handled once the
 * transaction has committed or rolled back. SIGKILL at any instant is recovered by the next run.
 *
 * For tests only: MINGZHANG_INGEST_CRASH_AT=N kills the process (SIGKILL) at its N-th disk step,
 * MINGZHANG_INGEST_TRACE=1 prints every disk step, MINGZHANG_INGEST_PAUSE_MS waits before writing and
 * MINGZHANG_INGEST_PIDFILE=PATH writes the process id there.
 */
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { extractReport } from '../src/lib/extract';
import { isIngestLeftover, readDataset, dataPaths } from '../src/lib/dataset-files';
import { formatProblem, validateDataset } from '../src/lib/validate';
import type { Problem } from '../src/lib/csv';
import { INGEST_USAGE, newProblems, parseIngestArgs, planIngest, reportsWithOriginal, sha256Hex } from '../src/lib/ingest';
import { listInputs, readInput, withoutScoresInAmountTables, withStandardTables, type InputFile } from '../src/lib/ingest-inputs';
import {
  JOURNAL_PATH,
  describeRecovery,
  hasUnfinishedIngest,
  recoverIngest,
  writeOrRollBack,
  type DiskStep,
} from '../src/lib/ingest-files';
import { planMissingFigures, reportsWithoutFigures } from '../src/lib/ingest-repair';
import { recheckAll } from './ingest-recheck';
import { IngestProgress } from '../src/lib/ingest-progress';

/** Files whose transaction committed in this run; the file in progress is written all or not at all. */
let committed = 0;
function stop(why: string, code: number): never {
  // on a terminal the progress bar may stand on the last line: the message starts on a clean one
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K');
  console.error(
    `ingest: stopped (${why}) ${committed > 0 ? `after ${committed} file(s) had been ingested completely; nothing else written` : 'before writing: nothing written'}`,
  );
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal, 128 + constants.signals[signal]));
const parent = process.ppid;
const orphaned = () => process.ppid !== parent;
setInterval(() => {
  if (orphaned()) stop('its parent process exited', 1);
}, 200).unref();

const env = process.env;
const pidFile = env['MINGZHANG_INGEST_PIDFILE'];
// written whole or not at all: a reader that sees the file must see the id (the crash test read an empty file once)
if (pidFile) {
  writeFileSync(`${pidFile}.tmp`, `${process.pid}\n`);
  renameSync(`${pidFile}.tmp`, pidFile);
}
const crashAt = Number(env['MINGZHANG_INGEST_CRASH_AT'] ?? 0);
let steps = 0;
const beforeStep = (step: DiskStep) => {
  steps += 1;
  if (env['MINGZHANG_INGEST_TRACE'] === '1') console.error(`ingest: step ${steps}: ${step.action} ${step.path}`);
  if (steps === crashAt) process.kill(process.pid, 'SIGKILL');
};

const args = parseIngestArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`ingest: ${args.error}\n${INGEST_USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(INGEST_USAGE);
  process.exit(0);
}
const { options: flags, dryRun } = args;
const root = resolve(args.root ?? process.cwd());
if (args.recheck) {
  if (!dryRun) {
    const recovery = recoverIngest(root, { beforeStep });
    const said = describeRecovery(recovery);
    if (said !== null) console.error(`ingest: ${said}`);
    if (recovery.status === 'stuck' || recovery.status === 'busy') process.exit(1);
  }
  process.exit(await recheckAll(root, dryRun, beforeStep));
}
const listed = listInputs(args.files, args.sources);
if (!listed.ok) {
  console.error(`ingest: ${listed.error}`);
  process.exit(2);
}
const inputs = listed.files;
if (inputs.length > 1 && (args.options.id !== undefined || args.options.title !== undefined)) {
  console.error(`ingest: --id and --title name one report: give one FILE with them (got ${inputs.length} files)`);
  process.exit(2);
}
if (dryRun && hasUnfinishedIngest(root)) {
  console.error(
    `ingest: ${JOURNAL_PATH} exists: an earlier ingest was stopped; run without --dry-run to recover it first. Nothing written`,
  );
  process.exit(1);
}
if (!dryRun) {
  const recovery = recoverIngest(root, { beforeStep });
  const said = describeRecovery(recovery);
  if (said !== null) console.error(`ingest: ${said}`);
  if (recovery.status === 'stuck' || recovery.status === 'busy') process.exit(1);
}

/** What became of one file. */
type Outcome =
  | { status: 'added'; reportId: string; figures: number; checked: number }
  | { status: 'duplicate'; reportIds: string[] }
  | { status: 'repaired'; reportIds: string[] }
  | { status: 'dry-run'; reportId: string; figures: number; checked: number }
  | { status: 'failed'; reason: string };

/** The bar on a terminal, plain lines elsewhere (src/lib/ingest-progress.ts); every line of the run goes through it. */
const progress = new IngestProgress(process.stderr, inputs.length);
const say = (message: string) => progress.log(`ingest: ${message}`);
/** Pages of each paged file read, for its progress line. */
const pagesRead = new Map<string, number>();
/** The repository keeps its bundled originals small (README, "Adding a report automatically"). */
const ORIGINALS_BUDGET_BYTES = 10_000_000;
const bytesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).reduce((n, name) => n + statSync(join(dir, name)).size, 0) : 0);
const verbose = args.verbose || inputs.length === 1;
/** What happened to a file in full (every reason, every note): with one file or --verbose; else its one line says it. */
const detail = (message: string) => {
  if (verbose) say(message);
};
/**
 * Validation from disk after writing: only problems the dataset did not have before count, and not the journal,
 * temporaries and backups of this very transaction (they are gone once it commits).
 */
const check = (known: Problem[]) => () =>
  newProblems(
    known,
    validateDataset(readDataset(root)).problems.filter((p) => !isIngestLeftover(p)),
  );
/** A signal or the parent's death during planning is handled here, before the first byte is written. */
async function stopIfAsked(): Promise<void> {
  const pause = Number(env['MINGZHANG_INGEST_PAUSE_MS'] ?? 0);
  await sleep(pause > 0 ? pause : 0);
  if (orphaned()) stop('its parent process exited', 1);
}
function failed(file: string, result: { error: string } | { problems: Problem[] }): Outcome {
  const reasons = 'problems' in result ? result.problems.map(formatProblem) : [result.error];
  for (const reason of reasons) detail(reason);
  detail(`${file}: rolled back, nothing changed`);
  return {
    status: 'failed',
    reason: `${reasons[0] ?? 'a problem'}${reasons.length > 1 ? ` (and ${reasons.length - 1} more)` : ''}; rolled back`,
  };
}

async function ingestOne(input: InputFile): Promise<Outcome> {
  const file = input.path;
  // a file already ingested is known by its bytes: not read again (a PDF takes seconds)
  const dataset = readDataset(root);
  const known =
    existsSync(file) && statSync(file).isFile() && flags.id === undefined
      ? reportsWithOriginal(dataset, sha256Hex(readFileSync(file)))
      : [];
  if (known.length > 0 && reportsWithoutFigures(dataset, known).length === 0) {
    detail(`${file}: already ingested as ${known.join(', ')} (same sha256); nothing changed`);
    return { status: 'duplicate', reportIds: known };
  }
  progress.step('reading');
  const read = await readInput(file);
  if (!read.ok) {
    detail(`${file} ${read.error}`);
    return { status: 'failed', reason: read.error };
  }
  pagesRead.set(file, read.pages);
  const paths = dataPaths(root);
  const readText = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
  // flags win over the sidecar; the sidecar's unit name over the name the text gives
  const options = { ...input.source?.options, ...flags };
  const statedUnit = flags.unit === undefined ? input.source?.unitName : undefined;
  const planInput = {
    bytes: read.bytes,
    ...(read.original ? { original: read.original } : {}),
    ...(statedUnit !== undefined ? { statedUnit } : {}),
    text: read.text,
    fileName: basename(file),
    options,
    dataset,
    unitsCsv: readText(paths.units),
    reportsCsv: readText(paths.reports),
    extract: (text: string) => withStandardTables(withoutScoresInAmountTables(extractReport(text), read.doc), read.doc),
  };
  progress.step(`extracting${read.pages > 0 ? ` (${read.pages} pages)` : ''}`);
  const plan = planIngest(planInput);
  for (const note of plan.notes) detail(note);

  if (plan.status === 'already-ingested') {
    const incomplete = reportsWithoutFigures(planInput.dataset, plan.reportIds);
    if (incomplete.length === 0) {
      detail(`${file}: already ingested as ${plan.reportIds.join(', ')} (same sha256); nothing changed`);
      return { status: 'duplicate', reportIds: plan.reportIds };
    }
    for (const reportId of incomplete) {
      const figuresFile = `data/figures/${reportId}.csv`;
      detail(`report ${reportId} is in data/reports.csv but ${figuresFile} is missing (an ingest stopped before ingest was atomic)`);
      const repair = planMissingFigures(planInput, reportId);
      if (!repair.ok) {
        for (const error of repair.errors) detail(error);
        detail(`${file}: nothing written`);
        return { status: 'failed', reason: repair.errors.join('; ') };
      }
      if (dryRun) {
        detail(`dry run: would write ${figuresFile} with ${repair.figures} machine figure(s); nothing written`);
        continue;
      }
      await stopIfAsked();
      const result = writeOrRollBack(root, repair.writes, check(validateDataset(planInput.dataset).problems), {
        beforeStep,
        label: `the figures of report ${reportId} from ${basename(file)}`,
      });
      if (!result.ok) return failed(file, result);
      committed += 1;
      detail(`wrote ${figuresFile}: ${repair.figures} machine figure(s); the report is complete now`);
    }
    return { status: 'repaired', reportIds: incomplete };
  }
  if (plan.status === 'refused') {
    for (const error of plan.errors) detail(error);
    detail(`${file}: nothing written`);
    return {
      status: 'failed',
      reason: `${plan.errors[0] ?? 'refused'}${plan.errors.length > 1 ? ` (and ${plan.errors.length - 1} more)` : ''}`,
    };
  }

  const checked = plan.figures.filter((f) => f.review === 'checked').length;
  const summary = `report ${plan.reportId} (${plan.report.year} ${plan.report.kind}, unit ${plan.unit.id}${plan.unitCreated ? ', new' : ''}), ${plan.figures.length} figure(s), ${checked} checked`;
  if (dryRun) {
    for (const w of plan.writes) {
      if (typeof w.content !== 'string')
        console.log(`== would create ${w.path}: ${w.content.length} bytes, sha256 ${sha256Hex(w.content)}`);
      else if (w.previous === null) console.log(`== would create ${w.path}:\n${w.content.replace(/\r?\n$/, '')}`);
      else console.log(`== would append to ${w.path}:\n${w.content.slice(w.previous.length).replace(/^\r?\n|\r?\n$/g, '')}`);
    }
    detail(`dry run: would add ${summary}; nothing written`);
    return { status: 'dry-run', reportId: plan.reportId, figures: plan.figures.length, checked };
  }

  await stopIfAsked();
  progress.step('writing');
  const result = writeOrRollBack(root, plan.writes, check(plan.knownProblems), {
    beforeStep,
    label: `report ${plan.reportId} from ${basename(file)}`,
  });
  if (!result.ok) return failed(file, result);
  committed += 1;
  for (const w of plan.writes) detail(`${w.previous === null ? 'wrote' : 'appended to'} ${w.path}`);
  detail(`added ${summary}. The figures are unreviewed: read each against the source, then set review to curated.`);
  return { status: 'added', reportId: plan.reportId, figures: plan.figures.length, checked };
}

function describe(outcome: Outcome, pages: string): string {
  switch (outcome.status) {
    case 'added':
      return `added as ${outcome.reportId} (${outcome.figures} figures, ${outcome.checked} checked${pages})`;
    case 'dry-run':
      return `would add ${outcome.reportId} (${outcome.figures} figures, ${outcome.checked} checked${pages}); nothing written`;
    case 'duplicate':
      return `skipped: duplicate of ${outcome.reportIds.join(', ')}`;
    case 'repaired':
      return `completed ${outcome.reportIds.join(', ')} (its figures file was missing)`;
    case 'failed':
      return `failed: ${outcome.reason}`;
  }
}

const outcomes: { file: string; outcome: Outcome }[] = [];
for (const [i, input] of inputs.entries()) {
  const started = performance.now();
  progress.start(input.path);
  const outcome = await ingestOne(input).catch((e: unknown): Outcome => ({
    status: 'failed',
    reason: `unexpected error: ${e instanceof Error ? e.message : String(e)}`,
  }));
  const pages = pagesRead.get(input.path);
  const extra = `${pages ? `, ${pages} pages` : ''}, ${((performance.now() - started) / 1000).toFixed(1)} s`;
  progress.finish(`[${i + 1}/${inputs.length}] ${input.path} … ${describe(outcome, extra)}`);
  outcomes.push({ file: input.path, outcome });
}
progress.end();
const count = (status: Outcome['status']) => outcomes.filter((o) => o.outcome.status === status).length;
const failures = outcomes.filter((o) => o.outcome.status === 'failed');
const figures = outcomes.reduce((n, { outcome: o }) => n + (o.status === 'added' || o.status === 'dry-run' ? o.figures : 0), 0);
const checkedFigures = outcomes.reduce((n, { outcome: o }) => n + (o.status === 'added' || o.status === 'dry-run' ? o.checked : 0), 0);
console.error(
  `ingest: ${inputs.length} file(s): ${dryRun ? `${count('dry-run')} would be added` : `${count('added')} added`} (${figures} figures, ${checkedFigures} checked), ` +
    `${count('duplicate')} skipped as duplicate, ${count('repaired')} completed, ${failures.length} failed`,
);
for (const { file, outcome } of failures) if (outcome.status === 'failed') console.error(`ingest:   failed ${file}: ${outcome.reason}`);
if (!verbose && count('added') > 0) say('the figures added are unreviewed: read each against the source, then set review to curated');
const originalsBytes = bytesIn(dataPaths(root).originals);
if (originalsBytes > ORIGINALS_BUDGET_BYTES) {
  say(
    `data/originals/ holds ${(originalsBytes / 1e6).toFixed(1)} MB: keep the bundled originals under ~10 MB (publish large collections elsewhere)`,
  );
}
process.exit(failures.length > 0 ? 1 : 0);
