/**
 * npm run extract:eval — runs the extractor on every bundled report and compares it with the curated
 * figures: recall (curated figures found with the same metric and value), precision (extracted figures
 * that match a curated one), and whether unit, fiscal year and kind are right. --verbose lists misses.
 */
import { readDataset } from '../src/lib/dataset-files';
import { validateDataset } from '../src/lib/validate';
import { extractReport } from '../src/lib/extract';
import { overall, scoreReport, type ReportScore } from '../src/lib/extract/evaluate';

const verbose = process.argv.includes('--verbose');
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
