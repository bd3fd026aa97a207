/**
 * Reports that an ingest began and never finished, from before ingest was one transaction: a manifest row
 * and its source are there, its figures file is not. `validate` cannot tell (a report may have no figures),
 * and "already ingested" would keep it so forever; ingest replans the report and writes the figures file.
 */
import { parseCsv, toCsv } from './csv';
import { INGEST_NOTE, INGEST_PATHS, planIngest, type FileWrite, type IngestInput } from './ingest';
import { REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS } from './validate';

/** Ids among `reportIds` whose row still has the ingest note (unreviewed) and whose figures file is missing. */
export function reportsWithoutFigures(dataset: IngestInput['dataset'], reportIds: readonly string[]): string[] {
  return reportIds.filter((id) => {
    const row = dataset.reports.records.find((r) => r.values['id'] === id);
    return row?.values['note'] === INGEST_NOTE && !dataset.figures.some((f) => f.file === INGEST_PATHS.figures(id));
  });
}

export type RepairPlan = { ok: true; writes: FileWrite[]; figures: number; notes: string[] } | { ok: false; errors: string[] };

/**
 * The figures file of report `reportId`, planned as if the report were ingested again from `input.bytes`
 * with the flags its manifest row implies; refused unless that replan gives exactly the row already there
 * and the source on disk is this file. Nothing else is written: the row and the source stay as they are.
 */
export function planMissingFigures(input: IngestInput, reportId: string): RepairPlan {
  const { dataset } = input;
  const row = dataset.reports.records.find((r) => r.values['id'] === reportId)?.values;
  if (row === undefined) return { ok: false, errors: [`report ${reportId} is not in ${dataset.reports.file}`] };
  const source = dataset.sources.get(reportId);
  if (source === undefined || source.sha256 !== row['sha256']) {
    return {
      ok: false,
      errors: [`${INGEST_PATHS.source(reportId)} is missing or is not the text ${dataset.reports.file} names: fix it by hand`],
    };
  }
  // the dataset without the report, as the interrupted ingest saw it
  const othersCsv = toCsv(
    REPORT_COLUMNS,
    dataset.reports.records.filter((r) => r.values['id'] !== reportId).map((r) => r.values),
  );
  const sources = new Map(dataset.sources);
  sources.delete(reportId);
  const plan = planIngest({
    ...input,
    dataset: { ...dataset, reports: parseCsv(othersCsv, dataset.reports.file, REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS), sources },
    reportsCsv: othersCsv,
    fileName: row['original_filename'] ?? input.fileName,
    options: {
      id: reportId,
      unit: row['unit_id'],
      year: row['year'],
      kind: row['kind'],
      title: row['title'],
      ...(row['source_url'] ? { url: row['source_url'] } : {}),
      ...(row['retrieved'] ? { retrieved: row['retrieved'] } : {}),
    },
  });
  if (plan.status !== 'ready')
    return { ok: false, errors: plan.status === 'refused' ? plan.errors : [`report ${reportId} replans as already ingested`] };
  const replanned = plan.writes.find((w) => w.path === dataset.reports.file);
  const newRow =
    typeof replanned?.content === 'string'
      ? parseCsv(replanned.content, dataset.reports.file, REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS).records.at(-1)?.values
      : undefined;
  const differing = REPORT_COLUMNS.filter((c) => newRow?.[c] !== row[c]);
  if (plan.unitCreated || differing.length > 0) {
    return {
      ok: false,
      errors: [`report ${reportId} would be ingested differently today (${differing.join(', ') || 'unit'}): fix it by hand`],
    };
  }
  return {
    ok: true,
    writes: plan.writes.filter((w) => w.path === INGEST_PATHS.figures(reportId)),
    figures: plan.figures.length,
    notes: plan.notes,
  };
}
