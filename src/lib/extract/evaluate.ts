import { parseStatedNumber } from '../numbers';
import type { DraftFigure, Extraction } from './types';

/** A figure reduced to what the evaluation compares: metric and exact value (trailing zeros aside). */
export function matchKey(metric: string, value: string): string {
  const d = parseStatedNumber(value);
  if (!d) return `${metric}|?${value}`;
  const fraction = d.fraction.replace(/0+$/, '');
  const zero = /^0*$/.test(d.integer) && fraction === '';
  return `${metric}|${d.negative && !zero ? '-' : ''}${d.integer || '0'}${fraction ? `.${fraction}` : ''}`;
}

export interface ReportScore {
  reportId: string;
  curated: number;
  extracted: number;
  /** Curated figures whose metric and value the extractor also found. */
  recalled: number;
  /** Extracted figures whose metric and value a curated figure has. */
  precise: number;
  /** Recalled curated figures that the extractor also gave the same phase. */
  phaseAgrees: number;
  unitOk: boolean;
  yearOk: boolean;
  kindOk: boolean;
  missed: { metric: string; value: string }[];
  spurious: DraftFigure[];
}

export interface Expected {
  reportId: string;
  unitNames: readonly string[];
  year: number;
  kind: string;
  figures: readonly { metric: string; value: string; phase: string }[];
}

/** Compares one extraction with the curated figures of the same report. */
export function scoreReport(expected: Expected, extraction: Extraction): ScoreReportResult {
  const curatedKeys = new Set(expected.figures.map((f) => matchKey(f.metric, f.value)));
  const extractedKeys = new Set(extraction.figures.map((f) => matchKey(f.metric, f.value)));
  const missed = expected.figures.filter((f) => !extractedKeys.has(matchKey(f.metric, f.value)));
  const spurious = extraction.figures.filter((f) => !curatedKeys.has(matchKey(f.metric, f.value)));
  const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');
  const withPhase = new Set(extraction.figures.map((f) => `${matchKey(f.metric, f.value)}|${f.phase}`));
  const phaseAgrees = expected.figures.filter((f) => withPhase.has(`${matchKey(f.metric, f.value)}|${f.phase}`)).length;
  return {
    reportId: expected.reportId,
    curated: expected.figures.length,
    extracted: extraction.figures.length,
    recalled: expected.figures.length - missed.length,
    precise: extraction.figures.length - spurious.length,
    phaseAgrees,
    unitOk: expected.unitNames.some((n) => squash(n) === squash(extraction.unit)),
    yearOk: expected.year === extraction.year,
    kindOk: expected.kind === extraction.kind,
    missed: missed.map((f) => ({ metric: f.metric, value: f.value })),
    spurious,
  };
}
type ScoreReportResult = ReportScore;

/** Recall and precision over several reports (micro-averaged: every figure counts once). */
export function overall(scores: readonly ReportScore[]): { recall: number; precision: number; phase: number; curated: number; extracted: number } {
  const sum = (f: (s: ReportScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const curated = sum((s) => s.curated);
  const extracted = sum((s) => s.extracted);
  const recalled = sum((s) => s.recalled);
  return {
    recall: curated ? recalled / curated : 1,
    precision: extracted ? sum((s) => s.precise) / extracted : 1,
    phase: recalled ? sum((s) => s.phaseAgrees) / recalled : 1,
    curated,
    extracted,
  };
}
