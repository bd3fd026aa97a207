/**
 * npm run extract:eval [-- --verbose] — runs the extractor on every bundled report that has curated figures and
 * compares it with them: recall (curated figures found with the same metric and value), precision (extracted
 * figures that match a curated one), and whether unit, fiscal year and kind are right. Reports whose figures are
 * all machine-drafted (machine / checked) are listed as skipped, their header still judged. --verbose lists misses
 * and spurious figures; --verbose --phase also curated figures read in another phase.
 *
 * npm run extract:eval -- --set DIR [--verbose] — scores a labelled set (DIR/docs/ID.txt + DIR/gold/ID.json,
 * e.g. ../shared/devset) exactly as its score.py does and prints score.py's summary line last; --verbose adds
 * score.py's lines per document (missed and wrong figures) and whether its unit, year and kind are right.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../src/lib/dataset-files';
import { validateDataset } from '../src/lib/validate';
import { scoreCurated } from '../src/lib/extract/curated';
import { formatDocumentScore, formatSetScore, matchKey, overall, totalScore } from '../src/lib/extract/evaluate';
import { extractReport } from '../src/lib/extract';
import { scoreLabelledSet } from '../src/lib/extract/labelled-set';

const verbose = process.argv.includes('--verbose');
const setFlag = process.argv.indexOf('--set');
if (setFlag >= 0) {
  const dir = process.argv[setFlag + 1];
  if (!dir || !existsSync(join(dir, 'docs')) || !existsSync(join(dir, 'gold'))) {
    console.error(`extract:eval: --set needs a folder with docs/ and gold/ (got ${dir ?? 'nothing'})`);
    process.exit(2);
  }
  const documents = scoreLabelledSet(dir);
  if (verbose) {
    const mark = (right: boolean | null) => (right === null ? 'unlabelled' : right ? 'ok' : 'WRONG');
    for (const d of documents) {
      console.log(formatDocumentScore(d).join('\n'));
      console.log(`    header unit ${mark(d.header.unit)} year ${mark(d.header.year)} kind ${mark(d.header.kind)}`);
    }
  }
  console.log(formatSetScore(totalScore(documents)));
  process.exit(0);
}

const { problems, dataset } = validateDataset(readDataset(process.cwd()));
if (problems.length > 0) {
  console.error(`extract:eval: the dataset has ${problems.length} problem(s); run npm run validate`);
  process.exit(1);
}
const { scores, skipped } = scoreCurated(dataset);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ok = (b: boolean) => (b ? 'ok' : 'WRONG');
for (const score of scores) {
  console.log(
    `${score.reportId.padEnd(42)} recall ${pct(score.recalled / (score.curated || 1)).padStart(6)} (${score.recalled}/${score.curated})  ` +
      `precision ${pct(score.precise / (score.extracted || 1)).padStart(6)} (${score.precise}/${score.extracted})  unit ${ok(score.unitOk)} year ${ok(score.yearOk)} kind ${ok(score.kindOk)}`,
  );
  if (verbose) {
    for (const m of score.missed) console.log(`   missed   ${m.metric} ${m.value}`);
    if (process.argv.includes('--phase')) {
      const extracted = extractReport(dataset.sources.get(score.reportId)?.text ?? '').figures;
      for (const f of dataset.figures.filter((x) => x.row.report_id === score.reportId && x.row.review === 'curated')) {
        const same = extracted.filter((e) => matchKey(e.metric, e.value) === matchKey(f.row.metric, f.row.value));
        if (same.length > 0 && !same.some((e) => e.phase === f.row.phase))
          console.log(`   phase    ${f.row.metric} ${f.row.value} curated ${f.row.phase}, extracted ${same.map((e) => e.phase).join('/')}`);
      }
    }
    for (const s of score.spurious)
      console.log(`   spurious ${s.metric} ${s.value} ${s.unit} «${s.quote.replace(/\s+/g, ' ').slice(0, 70)}»`);
  }
}
if (skipped.length > 0) {
  console.log(`skipped ${skipped.length} report(s) without curated figures: what a machine drafted is no yardstick for the machine`);
  for (const s of skipped)
    console.log(`   skipped  ${s.reportId.padEnd(42)} ${s.reason}  unit ${ok(s.unitOk)} year ${ok(s.yearOk)} kind ${ok(s.kindOk)}`);
}
const all = overall(scores);
const headers = [...scores, ...skipped];
console.log(
  `overall (${scores.length} reports with curated figures): recall ${pct(all.recall)} (${all.curated} curated)  precision ${pct(all.precision)} (${all.extracted} extracted)  same phase ${pct(all.phase)}  ` +
    `header of all ${headers.length} reports: unit ${headers.filter((s) => s.unitOk).length}/${headers.length} year ${headers.filter((s) => s.yearOk).length}/${headers.length} kind ${headers.filter((s) => s.kindOk).length}/${headers.length}`,
);
