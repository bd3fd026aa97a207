/**
 * The bulky collections — every figure and every indicator of every report — kept out of Astro's content
 * store. Astro keeps all collections in one store that it reads and saves as one JSON document; at 10,000
 * reports the figures alone were a 568 MB file, more than Node reads as one string, and a store that large
 * was saved incompletely (an empty `figures` collection, exit 0). So `npm run content` writes one file per
 * report, content/by-report/<report id>.json, and pages read them through this module: one report's file
 * for a report page, all of them (once per build, validated with the same schemas) for an aggregate page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { figureEntrySchema, type FigureEntry } from '../schemas/figure';
import { indicatorEntrySchema, type IndicatorEntry } from '../schemas/indicator';
import { slugSchema } from '../schemas/unit';

/** Where the per-report files are, relative to the project root. */
export const BY_REPORT_DIR = join('content', 'by-report');

/** One report's file: its figures and indicators, each in source order. */
export const reportFileSchema = z.object({
  /** The report the rows belong to (also the file name). */
  report_id: slugSchema,
  figures: z.array(figureEntrySchema),
  indicators: z.array(indicatorEntrySchema),
});
export type ReportFile = z.infer<typeof reportFileSchema>;

/** The per-report files of a set of collections: report id → file content. Reports without rows get a file too. */
export function reportFiles(collections: {
  reports: readonly { id: string }[];
  figures: readonly FigureEntry[];
  indicators: readonly IndicatorEntry[];
}): Map<string, string> {
  const files = new Map<string, ReportFile>(collections.reports.map((r) => [r.id, { report_id: r.id, figures: [], indicators: [] }]));
  const fileOf = (id: string) => {
    const file = files.get(id);
    if (!file) throw new Error(`a row of the unknown report ${id}`);
    return file;
  };
  for (const f of collections.figures) fileOf(f.report_id).figures.push(f);
  for (const i of collections.indicators) fileOf(i.report_id).indicators.push(i);
  return new Map([...files].map(([id, file]) => [id, `${JSON.stringify(file)}\n`]));
}

/** Reads and validates one report's file; a missing or malformed file is an error naming it. */
export function readReportFile(reportId: string, root = process.cwd()): ReportFile {
  const path = join(root, BY_REPORT_DIR, `${reportId}.json`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run content`);
  const parsed = reportFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (parsed.data.report_id !== reportId) throw new Error(`${path} holds the rows of ${parsed.data.report_id}`);
  return parsed.data;
}

/** Every report's file, in report id order (the order of the collections), read once per process. */
const everything = new Map<string, ReportFile[]>();
function allReportFiles(root: string): ReportFile[] {
  let files = everything.get(root);
  if (files === undefined) {
    const dir = join(root, BY_REPORT_DIR);
    if (!existsSync(dir)) throw new Error(`${dir} is missing: run npm run content`);
    const ids = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort((a, b) => a.localeCompare(b));
    everything.set(root, (files = ids.map((id) => readReportFile(id, root))));
  }
  return files;
}

/** One report's figures, in source order. */
export const figuresOf = (reportId: string, root = process.cwd()): FigureEntry[] => readReportFile(reportId, root).figures;
/** One report's indicators, in source order. */
export const indicatorsOf = (reportId: string, root = process.cwd()): IndicatorEntry[] => readReportFile(reportId, root).indicators;
/** Every figure of every report (what `getCollection('figures')` gave), for aggregate pages and exports. */
export const allFigures = (root = process.cwd()): FigureEntry[] => allReportFiles(root).flatMap((f) => f.figures);
/** Every indicator of every report. */
export const allIndicators = (root = process.cwd()): IndicatorEntry[] => allReportFiles(root).flatMap((f) => f.indicators);
