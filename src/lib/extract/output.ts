import { approximate } from '../numbers';
import { toCsv } from '../csv';
import { FIGURE_COLUMNS } from '../validate';
import type { Extraction } from './types';

/** The extractor's JSON contract: one object per report, values as numbers in their stated unit. */
export interface ExtractionJson {
  unit: string | null;
  year: number | null;
  kind: string | null;
  /** reader, rule and confidence say why a figure was read (optional: older outputs lack them). */
  figures: { metric: string; phase: string; scope: string | null; value: number; unit: string; quote: string; reader?: string; rule?: string; confidence?: number }[];
}

/**
 * Counts whose parts carry an item (轿车 of vehicle_count, 行政编制 of staff_count): the JSON has no item, and a
 * part written as the metric itself would state a wrong headcount, so the JSON leaves parts out (the dataset
 * CSV keeps them with their item).
 */
export const COUNTED_WHOLES: ReadonlySet<string> = new Set(['vehicle_count', 'vehicle_purchase_count', 'staff_count', 'staff_quota']);

export function toJson(extraction: Extraction): ExtractionJson {
  return {
    unit: extraction.unit,
    year: extraction.year,
    kind: extraction.kind,
    figures: extraction.figures.filter((f) => f.item === '' || !COUNTED_WHOLES.has(f.metric)).map((f) => ({
      metric: f.metric,
      phase: f.phase,
      scope: f.scope === '' ? null : f.scope,
      value: approximate(f.value),
      unit: f.unit,
      quote: f.quote,
      ...(f.reader === undefined ? {} : { reader: f.reader }),
      ...(f.rule === undefined ? {} : { rule: f.rule }),
      ...(f.confidence === undefined ? {} : { confidence: f.confidence }),
    })),
  };
}

/** The figures as rows of the dataset's CSV format (data/figures/*.csv), marked machine-extracted. */
export function toDatasetCsv(extraction: Extraction, reportId: string): string {
  return toCsv(
    FIGURE_COLUMNS,
    extraction.figures.map((f) => ({
      report_id: reportId, metric: f.metric, phase: f.phase, scope: f.scope, item: f.item, value: f.value, unit: f.unit, quote: f.quote, review: 'machine', note: '',
    })),
  );
}
