/**
 * npm run ingest -- FILE [--unit ID] [--id REPORT_ID] [flags] — adds one report to data/: its text verbatim
 * in data/sources/, its row in data/reports.csv (and its unit in data/units.csv if new), and the figures the
 * extractor reads as data/figures/<id>.csv rows with review = machine. The plan comes from src/lib/ingest.ts
 * and is validated before anything is written; after writing, the dataset is validated again from disk and
 * every file is put back if a problem appears. The same file twice changes nothing. --dry-run writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { readReportText } from '../src/lib/extract/read';
import { readDataset, dataPaths } from '../src/lib/dataset-files';
import { formatProblem, validateDataset } from '../src/lib/validate';
import { INGEST_USAGE, newProblems, parseIngestArgs, planIngest } from '../src/lib/ingest';
import { writeOrRollBack } from '../src/lib/ingest-files';

const args = parseIngestArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`ingest: ${args.error}\n${INGEST_USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(INGEST_USAGE);
  process.exit(0);
}
const root = resolve(args.root ?? process.cwd());
const read = readReportText(args.file);
if (!read.ok) {
  console.error(`ingest: ${args.file} ${read.error}`);
  process.exit(1);
}
const paths = dataPaths(root);
const readText = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
const plan = planIngest({
  bytes: readFileSync(args.file),
  text: read.text,
  fileName: basename(args.file),
  options: args.options,
  dataset: readDataset(root),
  unitsCsv: readText(paths.units),
  reportsCsv: readText(paths.reports),
});
for (const note of plan.notes) console.error(`ingest: ${note}`);

if (plan.status === 'already-ingested') {
  console.error(`ingest: ${args.file}: already ingested as ${plan.reportIds.join(', ')} (same sha256); nothing changed`);
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

const result = writeOrRollBack(root, plan.writes, () => newProblems(plan.knownProblems, validateDataset(readDataset(root)).problems));
if (!result.ok) {
  if ('problems' in result) for (const p of result.problems) console.error(formatProblem(p));
  else console.error(`ingest: ${result.error}`);
  console.error(`ingest: ${args.file}: rolled back, nothing changed`);
  process.exit(1);
}
for (const w of plan.writes) console.error(`ingest: ${w.previous === null ? 'wrote' : 'appended to'} ${w.path}`);
console.error(`ingest: added ${summary}. The figures are unreviewed: read each against the source, then set review to curated.`);
