/**
 * A synthetic corpus in the layout of data/: units.csv, reports.csv, CHANGELOG.csv, sources/<id>.txt,
 * figures/<id>.csv and indicators/<id>.csv (no originals: the texts are their own originals). Reports are
 * written one at a time through `write`, so a corpus of 10,000 reports never sits in memory at once.
 * Everything follows from (n, seed): the same arguments give the same bytes.
 */
import { toCsv } from '../csv';
import { sha256 } from '../dataset-files';
import { KIND_SLUGS } from '../ingest';
import { FIGURE_COLUMNS, INDICATOR_COLUMNS, REPORT_COLUMNS, UNIT_COLUMNS } from '../validate';
import type { ReportKind } from '../../schemas/vocabulary';
import type { Unit } from '../../schemas/unit';
import { syntheticUnit } from './places';
import { hash32, seededRandom } from './random';
import { PLANTED, syntheticReport, type PlantedRule } from './report';

/** Reports per unit: a unit publishes several reports (kinds and years), as real departments do. */
export const REPORTS_PER_UNIT = 3;

/** What a unit published, by the pattern it was given: [kind, years after its first year]. */
const PATTERNS: readonly (readonly (readonly [ReportKind, number])[])[] = [
  [
    ['部门预算', 0],
    ['部门决算', 0],
    ['部门整体支出绩效自评', 0],
  ],
  [
    ['部门预算', 0],
    ['部门预算', 1],
    ['部门决算', 0],
  ],
  [
    ['部门决算', 0],
    ['项目支出绩效自评', 0],
    ['三公经费说明', 0],
  ],
  [
    ['部门决算', 0],
    ['部门决算', 1],
    ['部门预算', 2],
  ],
];

export interface CorpusSummary {
  reports: number;
  units: number;
  figures: number;
  indicators: number;
  bytes: number;
  /** Report ids with a planted contradiction and the rule that must find it. */
  planted: { reportId: string; rule: PlantedRule }[];
}

/**
 * Writes a corpus of `n` reports; `write(path, content)` receives paths relative to the dataset folder
 * (`units.csv`, `sources/<id>.txt` …). Returns what was written.
 */
export function writeCorpus(n: number, seed: string, write: (path: string, content: string) => void): CorpusSummary {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--reports must be a whole number of at least 1, not ${n}`);
  const units: Unit[] = [];
  const manifest: Record<string, string | number>[] = [];
  const summary: CorpusSummary = { reports: 0, units: 0, figures: 0, indicators: 0, bytes: 0, planted: [] };
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / REPORTS_PER_UNIT);
    const unit = syntheticUnit(k);
    if (units.length === k) units.push(unit);
    const first = 2019 + (hash32(`${seed}/${unit.id}`) % 5);
    const pattern = PATTERNS[hash32(`${seed}/${unit.id}/pattern`) % PATTERNS.length] ?? PATTERNS[0];
    const [kind, offset] = pattern?.[i % REPORTS_PER_UNIT] ?? ['部门决算', 0];
    const report = syntheticReport(unit, first + offset, kind, KIND_SLUGS[kind], seededRandom(`${seed}/${i}`));
    write(`sources/${report.id}.txt`, report.text);
    write(
      `figures/${report.id}.csv`,
      toCsv(
        FIGURE_COLUMNS,
        report.figures.map((f) => ({ ...f })),
      ),
    );
    if (report.indicators.length > 0)
      write(
        `indicators/${report.id}.csv`,
        toCsv(
          INDICATOR_COLUMNS,
          report.indicators.map((r) => ({ ...r })),
        ),
      );
    manifest.push({
      id: report.id,
      unit_id: unit.id,
      year: report.year,
      kind: report.kind,
      title: report.title,
      date: report.date,
      date_label: report.dateLabel,
      original_filename: `synthetic-${i + 1}.txt`,
      sha256: sha256(report.text),
      source_url: '',
      retrieved: '',
      note: report.planted === null ? '合成报告' : `合成报告；故意写入的矛盾：${PLANTED[report.planted]}`,
      original_sha256: '',
      original_format: '',
    });
    summary.reports++;
    summary.figures += report.figures.length;
    summary.indicators += report.indicators.length;
    summary.bytes += Buffer.byteLength(report.text, 'utf8');
    if (report.planted !== null) summary.planted.push({ reportId: report.id, rule: report.planted });
  }
  summary.units = units.length;
  write(
    'units.csv',
    toCsv(
      UNIT_COLUMNS,
      units.map((u) => ({ ...u })),
    ),
  );
  write('reports.csv', toCsv(REPORT_COLUMNS, manifest));
  write('CHANGELOG.csv', `version,date,changes\n0.1.0,2026-01-01,合成数据集：${n} 份报告（种子 ${seed}）\n`);
  return summary;
}
