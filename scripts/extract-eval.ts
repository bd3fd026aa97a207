/**
 * npm run extract:eval [-- --verbose] — runs the extractor on every bundled report and compares it with the
 * curated figures: recall (curated figures found with the same metric and value), precision (extracted figures
 * that match a curated one), and whether unit, fiscal year and kind are right. --verbose lists misses.
 *
 * npm run extract:eval -- --set DIR [--verbose] — scores a labelled set (DIR/docs/ID.txt + DIR/gold/ID.json,
 * e.g. ../shared/devset) exactly as its score.py does and prints score.py's summary line last; --verbose adds
 * score.py's lines per document (missed and wrong figures) and whether its unit, year and kind are right.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../src/lib/dataset-files';
import { validateDataset } from '../src/lib/validate';
import { extractReport } from '../src/lib/extract';
import { formatDocumentScore, formatSetScore, overall, scoreReport, totalScore, type ReportScore } from '../src/lib/extract/evaluate';
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
const units = new Map(dataset.units.map((u) => [u.id, u]));
const scores: ReportScore[] = [];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const report of dataset.reports) {
  const unit = units.get(report.unit_id);
  const text = dataset.sources.get(report.id)?.text ?? '';
  const score = scoreReport(
    {
      reportId: report.id,
      unitNames: unit ? [unit.name, unit.short_name] : [],
      year: report.year,
      kind: report.kind,
      figures: dataset.figures.filter((f) => f.row.report_id === report.id && f.row.review === 'curated').map((f) => f.row),
    },
    extractReport(text),
  );
  scores.push(score);
  const ok = (b: boolean) => (b ? 'ok' : 'WRONG');
  console.log(
    `${report.id.padEnd(42)} recall ${pct(score.recalled / (score.curated || 1)).padStart(6)} (${score.recalled}/${score.curated})  ` +
      `precision ${pct(score.precise / (score.extracted || 1)).padStart(6)} (${score.precise}/${score.extracted})  unit ${ok(score.unitOk)} year ${ok(score.yearOk)} kind ${ok(score.kindOk)}`,
  );
  if (verbose) {
    for (const m of score.missed) console.log(`   missed   ${m.metric} ${m.value}`);
    if (process.argv.includes('--phase')) {
      for (const f of dataset.figures.filter((x) => x.row.report_id === report.id)) {
        const same = extractReport(text).figures.filter((e) => e.metric === f.row.metric && e.value.replace(/,/g, '') === f.row.value.replace(/,/g, ''));
        if (same.length > 0 && !same.some((e) => e.phase === f.row.phase)) console.log(`   phase    ${f.row.metric} ${f.row.value} curated ${f.row.phase}, extracted ${same.map((e) => e.phase).join('/')}`);
      }
    }
    for (const s of score.spurious) console.log(`   spurious ${s.metric} ${s.value} ${s.unit} «${s.quote.replace(/\s+/g, ' ').slice(0, 70)}»`);
  }
}
const all = overall(scores);
console.log(
  `overall: recall ${pct(all.recall)} (${all.curated} curated)  precision ${pct(all.precision)} (${all.extracted} extracted)  same phase ${pct(all.phase)}  ` +
    `unit ${scores.filter((s) => s.unitOk).length}/${scores.length} year ${scores.filter((s) => s.yearOk).length}/${scores.length} kind ${scores.filter((s) => s.kindOk).length}/${scores.length}`,
);
