import { REVIEW_LEVELS } from '../../schemas/figure';
import type { ValidDataset } from '../validate';
import { scoreReport, type ReportScore } from './evaluate';
import { extractReport } from './index';
import type { Extraction } from './types';

/** A bundled report left out of the figure scoring, and why; its header (unit, year, kind) is still judged. */
export interface SkippedReport {
  reportId: string;
  reason: string;
  unitOk: boolean;
  yearOk: boolean;
  kindOk: boolean;
}

export interface CuratedScoring {
  /** Reports whose figures are all curated (a person went through the whole report), compared with them. */
  scores: ReportScore[];
  skipped: SkippedReport[];
}

/**
 * The extractor against the figures a person curated. Only a report curated throughout can be scored: in a
 * report whose figures are `machine` or `checked` (the ingested ones, where a person may have curated a few
 * rows by hand), every other figure read would count as spurious, which says nothing about the extractor.
 * Such reports are skipped and listed with their figures by review level.
 */
export function scoreCurated(dataset: ValidDataset, extract: (text: string) => Extraction = extractReport): CuratedScoring {
  const units = new Map(dataset.units.map((u) => [u.id, u]));
  const scores: ReportScore[] = [];
  const skipped: SkippedReport[] = [];
  for (const report of dataset.reports) {
    const figures = dataset.figures.filter((f) => f.row.report_id === report.id).map((f) => f.row);
    const curated = figures.filter((f) => f.review === 'curated');
    const unit = units.get(report.unit_id);
    const score = scoreReport(
      { reportId: report.id, unitNames: unit ? [unit.name, unit.short_name] : [], year: report.year, kind: report.kind, figures: curated },
      extract(dataset.sources.get(report.id)?.text ?? ''),
    );
    if (curated.length > 0 && curated.length === figures.length) {
      scores.push(score);
      continue;
    }
    const byLevel = REVIEW_LEVELS.map((level) => [level, figures.filter((f) => f.review === level).length] as const)
      .filter(([, n]) => n > 0)
      .map(([level, n]) => `${n} ${level}`);
    const reason = `not curated throughout (${byLevel.length > 0 ? byLevel.join(', ') : 'no figures at all'})`;
    skipped.push({ reportId: report.id, reason, unitOk: score.unitOk, yearOk: score.yearOk, kindOk: score.kindOk });
  }
  return { scores, skipped };
}
