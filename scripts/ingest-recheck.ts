/**
 * `npm run ingest -- --recheck` (called from scripts/ingest.ts): every report in data/ with drafted rows is read
 * again from its original (or its text) and its figures file rewritten with the review levels of today's
 * confirmations (src/lib/ingest-recheck.ts), one transaction per report. A report whose text the readers no
 * longer derive byte for byte is left alone and named: its quotes would not be found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../src/lib/extract';
import { isIngestLeftover, readDataset } from '../src/lib/dataset-files';
import { formatProblem, validateDataset } from '../src/lib/validate';
import { newProblems } from '../src/lib/ingest';
import { readInput, withoutScoresInAmountTables, withStandardTables } from '../src/lib/ingest-inputs';
import { writeOrRollBack, type DiskStep } from '../src/lib/ingest-files';
import { recheckFigures } from '../src/lib/ingest-recheck';

/** Rechecks every report; the exit status (1 when a report could not be rechecked). */
export async function recheckAll(root: string, dryRun: boolean, beforeStep: (step: DiskStep) => void): Promise<number> {
  const dataset = readDataset(root);
  let failed = 0;
  let total = { drafted: 0, checked: 0, promoted: 0, demoted: 0 };
  for (const { values } of dataset.reports.records) {
    const id = values['id'] ?? '';
    const figuresPath = `data/figures/${id}.csv`;
    const figuresFile = join(root, figuresPath);
    const source = dataset.sources.get(id);
    if (!existsSync(figuresFile) || !source) continue;
    const figuresCsv = readFileSync(figuresFile, 'utf8');
    if (!/,(machine|checked),/.test(figuresCsv)) continue;
    const format = values['original_format'] ?? '';
    const originalPath = join(root, 'data/originals', `${id}.${format}`);
    const read = await readInput(format === '' ? join(root, source.file) : originalPath);
    if (!read.ok || read.text !== source.text) {
      failed++;
      console.error(
        `ingest: ${id}: ${read.ok ? `the text derived from ${originalPath} is no longer ${source.file} byte for byte` : read.error}; not rechecked`,
      );
      continue;
    }
    const drafts = withStandardTables(withoutScoresInAmountTables(extractReport(read.text), read.doc), read.doc).figures;
    const recheck = recheckFigures(figuresCsv, figuresPath, read.text, drafts);
    total = {
      drafted: total.drafted + recheck.drafted,
      checked: total.checked + recheck.checked,
      promoted: total.promoted + recheck.promoted,
      demoted: total.demoted + recheck.demoted,
    };
    const line = `${id}: ${recheck.drafted} drafted row(s), ${recheck.matched} matched, ${recheck.added} table figure(s) added, ${recheck.checked} checked (+${recheck.promoted} −${recheck.demoted})`;
    if (recheck.csv === figuresCsv || dryRun) {
      console.error(`ingest: ${line}${recheck.csv !== figuresCsv ? ' (dry run: not written)' : ''}`);
      continue;
    }
    const known = validateDataset(readDataset(root)).problems;
    const result = writeOrRollBack(
      root,
      [{ path: figuresPath, content: recheck.csv, previous: figuresCsv }],
      () =>
        newProblems(
          known,
          validateDataset(readDataset(root)).problems.filter((p) => !isIngestLeftover(p)),
        ),
      { beforeStep, label: `the review levels of ${id}` },
    );
    if (!result.ok) {
      failed++;
      const reasons = 'problems' in result ? result.problems.map(formatProblem) : [result.error];
      console.error(`ingest: ${id}: ${reasons.join('; ')}; rolled back`);
      continue;
    }
    console.error(`ingest: ${line}; wrote ${figuresPath}`);
  }
  console.error(
    `ingest: recheck: ${total.drafted} drafted row(s), ${total.checked} checked (+${total.promoted} −${total.demoted})${failed > 0 ? `, ${failed} report(s) not rechecked` : ''}` +
      '',
  );
  return failed > 0 ? 1 : 0;
}
