/**
 * npm run ingest -- FILE [--unit ID] [--id REPORT_ID] [flags] — adds one report to data/: its text verbatim
 * in data/sources/, its row in data/reports.csv (and its unit in data/units.csv if new), and the figures the
 * extractor reads as data/figures/<id>.csv rows with review = machine. The plan comes from src/lib/ingest.ts
 * and is validated before anything is written; the files are then written as one transaction
 * (src/lib/ingest-files.ts), validated again from disk and put back if a problem appears. A run first
 * recovers what a stopped run left (rolls it back, or finishes it if it had committed) and says which.
 * The same file twice changes nothing. --dry-run writes nothing.
 *
 * Stopping: SIGINT, SIGTERM and SIGHUP, and the death of the parent process (npm killed), end the run before
 * it writes; the writing itself is synchronous, so a signal that arrives during it is handled once the
 * transaction has committed or rolled back. SIGKILL at any instant is recovered by the next run.
 *
 * For tests only: MINGZHANG_INGEST_CRASH_AT=N kills the process (SIGKILL) at its N-th disk step,
 * MINGZHANG_INGEST_TRACE=1 prints every disk step, MINGZHANG_INGEST_PAUSE_MS waits before writing and
 * MINGZHANG_INGEST_PIDFILE=PATH writes the process id there.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readReportText } from '../src/lib/extract/read';
import { isIngestLeftover, readDataset, dataPaths } from '../src/lib/dataset-files';
import { formatProblem, validateDataset } from '../src/lib/validate';
import type { Problem } from '../src/lib/csv';
import { INGEST_USAGE, newProblems, parseIngestArgs, planIngest } from '../src/lib/ingest';
import {
  JOURNAL_PATH,
  describeRecovery,
  hasUnfinishedIngest,
  recoverIngest,
  writeOrRollBack,
  type DiskStep,
} from '../src/lib/ingest-files';
import { planMissingFigures, reportsWithoutFigures } from '../src/lib/ingest-repair';

let wrote = false;
function stop(why: string, code: number): never {
  console.error(`ingest: stopped (${why}) ${wrote ? 'after the ingest had completed' : 'before writing: nothing written'}`);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal, 128 + constants.signals[signal]));
const parent = process.ppid;
const orphaned = () => process.ppid !== parent;
setInterval(() => {
  if (orphaned()) stop('its parent process exited', 1);
}, 200).unref();

const env = process.env;
if (env['MINGZHANG_INGEST_PIDFILE']) writeFileSync(env['MINGZHANG_INGEST_PIDFILE'], `${process.pid}\n`);
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
const file = args.file;
const root = resolve(args.root ?? process.cwd());
if (args.dryRun && hasUnfinishedIngest(root)) {
  console.error(
    `ingest: ${JOURNAL_PATH} exists: an earlier ingest was stopped; run without --dry-run to recover it first. Nothing written`,
  );
  process.exit(1);
}
if (!args.dryRun) {
  const recovery = recoverIngest(root, { beforeStep });
  const said = describeRecovery(recovery);
  if (said !== null) console.error(`ingest: ${said}`);
  if (recovery.status === 'stuck' || recovery.status === 'busy') process.exit(1);
}
const read = readReportText(args.file);
if (!read.ok) {
  console.error(`ingest: ${args.file} ${read.error}`);
  process.exit(1);
}
const paths = dataPaths(root);
const readText = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
const input = {
  bytes: readFileSync(args.file),
  text: read.text,
  fileName: basename(args.file),
  options: args.options,
  dataset: readDataset(root),
  unitsCsv: readText(paths.units),
  reportsCsv: readText(paths.reports),
};
const plan = planIngest(input);

/**
 * Validation from disk after writing: only problems the dataset did not have before count, and not the journal,
 * temporaries and backups of this very transaction (they are gone once it commits).
 */
const check = (known: Problem[]) => () => newProblems(known, validateDataset(readDataset(root)).problems.filter((p) => !isIngestLeftover(p)));
/** A signal or the parent's death during planning is handled here, before the first byte is written. */
async function stopIfAsked(): Promise<void> {
  const pause = Number(env['MINGZHANG_INGEST_PAUSE_MS'] ?? 0);
  await sleep(pause > 0 ? pause : 0);
  if (orphaned()) stop('its parent process exited', 1);
}
function fail(result: { error: string } | { problems: Problem[] }): never {
  if ('problems' in result) for (const p of result.problems) console.error(formatProblem(p));
  else console.error(`ingest: ${result.error}`);
  console.error(`ingest: ${file}: rolled back, nothing changed`);
  process.exit(1);
}
for (const note of plan.notes) console.error(`ingest: ${note}`);

if (plan.status === 'already-ingested') {
  const incomplete = reportsWithoutFigures(input.dataset, plan.reportIds);
  if (incomplete.length === 0) {
    console.error(`ingest: ${args.file}: already ingested as ${plan.reportIds.join(', ')} (same sha256); nothing changed`);
    process.exit(0);
  }
  for (const reportId of incomplete) {
    const figuresFile = `data/figures/${reportId}.csv`;
    console.error(
      `ingest: report ${reportId} is in data/reports.csv but ${figuresFile} is missing (an ingest stopped before ingest was atomic)`,
    );
    const repair = planMissingFigures(input, reportId);
    if (!repair.ok) {
      for (const error of repair.errors) console.error(`ingest: ${error}`);
      console.error(`ingest: ${args.file}: nothing written`);
      process.exit(1);
    }
    if (args.dryRun) {
      console.error(`ingest: dry run: would write ${figuresFile} with ${repair.figures} machine figure(s); nothing written`);
      continue;
    }
    await stopIfAsked();
    const result = writeOrRollBack(root, repair.writes, check(validateDataset(input.dataset).problems), {
      beforeStep,
      label: `the figures of report ${reportId} from ${basename(args.file)}`,
    });
    if (!result.ok) fail(result);
    wrote = true;
    console.error(`ingest: wrote ${figuresFile}: ${repair.figures} machine figure(s); the report is complete now`);
  }
  process.exit(0);
}
if (plan.status === 'refused') {
  for (const error of plan.errors) console.error(`ingest: ${error}`);
  console.error(`ingest: ${args.file}: nothing written`);
  process.exit(1);
}

const summary = `report ${plan.reportId} (${plan.report.year} ${plan.report.kind}, unit ${plan.unit.id}${plan.unitCreated ? ', new' : ''}), ${plan.figures.length} machine figure(s)`;
if (args.dryRun) {
  for (const w of plan.writes) {
    if (typeof w.content !== 'string') console.log(`== would create ${w.path}: ${w.content.length} bytes, sha256 ${plan.report.sha256}`);
    else if (w.previous === null) console.log(`== would create ${w.path}:\n${w.content.replace(/\r?\n$/, '')}`);
    else console.log(`== would append to ${w.path}:\n${w.content.slice(w.previous.length).replace(/^\r?\n|\r?\n$/g, '')}`);
  }
  console.error(`ingest: dry run: would add ${summary}; nothing written`);
  process.exit(0);
}

await stopIfAsked();
const result = writeOrRollBack(root, plan.writes, check(plan.knownProblems), {
  beforeStep,
  label: `report ${plan.reportId} from ${basename(args.file)}`,
});
wrote = result.ok;
if (!result.ok) fail(result);
for (const w of plan.writes) console.error(`ingest: ${w.previous === null ? 'wrote' : 'appended to'} ${w.path}`);
console.error(`ingest: added ${summary}. The figures are unreviewed: read each against the source, then set review to curated.`);
