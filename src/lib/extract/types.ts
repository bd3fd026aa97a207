import type { MeasureUnit, MetricKey, Phase, ReportKind } from '../../schemas/vocabulary';

/** A figure the extractor read, before it is written out: the value stays as written. */
export interface DraftFigure {
  metric: MetricKey;
  phase: Phase;
  /** '' for the whole unit, a fixed scope, or a project's name. */
  scope: string;
  /** Line item inside the metric ('' when none). */
  item: string;
  /** The number as written, with a leading '-' for a stated decrease. */
  value: string;
  unit: MeasureUnit;
  /** Exact substring of the text that states the figure. */
  quote: string;
  /** Offset of the quote in the text. */
  start: number;
  /** The layout reader that found it (prose, pipe table, one cell per line …). */
  reader?: string;
  /** Why it was read so: the label or rule that named the metric. */
  rule?: string;
  /** How sure the reading is, 0–1: an explicit label in its own clause is surer than a carried-over metric. */
  confidence?: number;
  /** Read from a standard table whose own arithmetic holds over this cell (a row or 总表 that adds up). */
  tableArithmetic?: true;
}

/** What the extractor knows about the whole report while it reads one part. */
export interface ExtractContext {
  text: string;
  /** The text with full-width characters turned into ASCII (same offsets). */
  scan: string;
  kind: ReportKind | null;
  year: number | null;
  /** The phase of a figure whose sentence names none: budget for a 部门预算, actual otherwise. */
  defaultPhase: Phase;
  /** For a report about one project, its name (every figure belongs to it); '' otherwise. */
  projectScope: string;
  /** basic / project when the figure sits inside a 基本支出 or 项目支出 passage and the metric is a breakdown. */
  sectionScope: (offset: number, metric: MetricKey, sentenceStart: number) => string;
  /** The unit of measure a table header or note declares for bare numbers before `offset`, if any. */
  declaredUnit: (offset: number) => MeasureUnit | null;
}

/** The extractor's answer for one report. */
export interface Extraction {
  unit: string | null;
  year: number | null;
  kind: ReportKind | null;
  figures: DraftFigure[];
}
