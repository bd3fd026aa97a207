import type { ValidDataset } from './validate';
import type { Unit } from '../schemas/unit';
import type { ReportWithText } from '../schemas/report';
import type { FigureEntry } from '../schemas/figure';
import type { IndicatorEntry } from '../schemas/indicator';
import { redactPersonalData } from './privacy';
import { toYuanString } from './money';
import { formatUnitShortName } from './format';
import type { Finding } from '../schemas/finding';
import type { Completeness } from '../schemas/completeness';
import { checkReport } from './checks';
import type { ResultCache, ReportResults } from './content-cache';
import { reportKey } from './content-cache';
import { checkCompleteness } from './completeness';
import { groupBy } from './views';

/** The content collections the site is built from. */
export interface Collections {
  units: Unit[];
  reports: ReportWithText[];
  figures: FigureEntry[];
  indicators: IndicatorEntry[];
  /** 数据核查: contradictions and questions found in each report (src/lib/checks). */
  findings: Finding[];
  /** Which required parts each report contains (src/lib/completeness). */
  completeness: Completeness[];
}

/**
 * Turns a validated dataset into the site's collections: joins units and reports onto figures, converts
 * money to exact 元, masks personal data in texts and quotes, and records where each quote sits.
 * Call only with a dataset that has no validation problems. With a `cache`, a report whose inputs (and the
 * code, `codeVersion`) are unchanged takes its findings and checklist from it instead of running the checks.
 */
export function buildCollections(dataset: ValidDataset, cache?: ResultCache, codeVersion = ''): Collections {
  const unitsById = new Map(dataset.units.map((u) => [u.id, u]));
  const reportsById = new Map(dataset.reports.map((r) => [r.id, r]));
  const redacted = new Map<string, string>();
  const textOf = (reportId: string) => dataset.sources.get(reportId)?.text ?? '';
  const redactedOf = (reportId: string) => {
    let text = redacted.get(reportId);
    if (text === undefined) redacted.set(reportId, (text = redactPersonalData(textOf(reportId))));
    return text;
  };
  const place = (reportId: string, quote: string) => {
    const offset = textOf(reportId).indexOf(quote);
    return { offset, quote: redactedOf(reportId).slice(offset, offset + quote.length) };
  };
  const counters = new Map<string, number>();
  const nextId = (prefix: string) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}-${String(n).padStart(4, '0')}`;
  };

  const figures: FigureEntry[] = dataset.figures.map(({ row, file, line }) => {
    const report = reportsById.get(row.report_id);
    const unit = report ? unitsById.get(report.unit_id) : undefined;
    if (!report || !unit) throw new Error(`${file}:${line}: figure of an unknown report; validate the dataset first`);
    const { offset, quote } = place(row.report_id, row.quote);
    return {
      id: nextId(`${row.report_id}-f`),
      report_id: row.report_id,
      unit_id: unit.id,
      unit_name: unit.name,
      year: report.year,
      kind: report.kind,
      metric: row.metric,
      phase: row.phase,
      scope: row.scope,
      item: row.item,
      value: row.value,
      unit: row.unit,
      value_yuan: toYuanString(row.value, row.unit) ?? '',
      quote,
      quote_offset: offset,
      review: row.review,
      note: row.note,
      source_sha256: report.sha256,
      origin: `${file}:${line}`,
    };
  });

  const indicators: IndicatorEntry[] = dataset.indicators.map(({ row, file, line }) => {
    const { offset, quote } = place(row.report_id, row.quote);
    return { ...row, id: nextId(`${row.report_id}-i`), quote, quote_offset: offset, origin: `${file}:${line}` };
  });

  // Grouped once: filtering every figure once per report made this step grow with reports × figures.
  const figuresByReport = groupBy(figures, (f) => f.report_id);
  const reports: ReportWithText[] = dataset.reports.map((report) => {
    const own = figuresByReport.get(report.id) ?? [];
    const unit = unitsById.get(report.unit_id);
    return {
      ...report,
      unit_name: unit?.name ?? report.unit_id,
      // a short name that names its place: "区医疗保障局" alone does not say which district
      unit_short_name: unit ? formatUnitShortName(unit) : report.unit_id,
      text: redactedOf(report.id),
      machine_figures: own.filter((f) => f.review === 'machine').length,
      checked_figures: own.filter((f) => f.review === 'checked').length,
      curated_figures: own.filter((f) => f.review === 'curated').length,
    };
  });

  // Source order within each report (files are read in name order, so an appendix file may come first).
  const bySourceOrder = <T extends { report_id: string; quote_offset: number }>(a: T, b: T) =>
    a.report_id.localeCompare(b.report_id) || a.quote_offset - b.quote_offset;
  const sortedFigures = [...figures].sort(bySourceOrder);
  const sortedIndicators = [...indicators].sort(bySourceOrder);
  const sortedFiguresBy = groupBy(sortedFigures, (f) => f.report_id);
  const indicatorsBy = groupBy(sortedIndicators, (i) => i.report_id);
  const resultsOf = (report: ReportWithText): ReportResults => {
    const own = sortedFiguresBy.get(report.id) ?? [];
    const ownIndicators = indicatorsBy.get(report.id) ?? [];
    const key = cache ? reportKey(codeVersion, report, own, ownIndicators) : '';
    const cached = cache?.get(key);
    if (cached) return cached;
    const results = { findings: checkReport(report, own, ownIndicators), completeness: checkCompleteness(report) };
    cache?.set(key, results);
    return results;
  };
  const results = new Map(reports.map((r) => [r.id, resultsOf(r)]));
  return {
    units: dataset.units,
    reports,
    figures: sortedFigures,
    indicators: sortedIndicators,
    // reports in id order, each in rule-book order (as runChecks orders them)
    findings: [...reports].sort((a, b) => a.id.localeCompare(b.id)).flatMap((r) => results.get(r.id)?.findings ?? []),
    completeness: reports.map((r) => results.get(r.id)?.completeness ?? checkCompleteness(r)),
  };
}
