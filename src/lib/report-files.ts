/**
 * The bulky per-report data — every figure, indicator, finding and completeness checklist, and every report's
 * text — kept out of Astro's content store. Astro keeps all collections in one store that it reads and saves
 * as one JSON document; at 10,000 reports the figures alone were a 568 MB file, more than Node reads as one
 * string, and a store that large was saved incompletely (an empty `figures` collection, exit 0); the texts
 * were 215 MB more. So `npm run content` writes per report content/by-report/<report id>.json (its rows) and
 * <report id>.txt (its masked text), and pages read them through this module: one report's files for a
 * report page, all the rows (once per build, validated with the same schemas) for an aggregate page. The texts
 * are separate so that reading every report's rows never reads every text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { figureEntrySchema, type FigureEntry } from '../schemas/figure';
import { indicatorEntrySchema, type IndicatorEntry } from '../schemas/indicator';
import { findingSchema, type Finding } from '../schemas/finding';
import { completenessSchema, type Completeness } from '../schemas/completeness';
import { reportTextSchema } from '../schemas/report';
import { slugSchema } from '../schemas/unit';

/** Where the per-report files are, relative to the project root. */
export const BY_REPORT_DIR = join('content', 'by-report');

/** One report's file: its figures and indicators, each in source order, its findings and its checklist. */
export const reportFileSchema = z.object({
  /** The report the rows belong to (also the file name). */
  report_id: slugSchema,
  figures: z.array(figureEntrySchema),
  indicators: z.array(indicatorEntrySchema),
  /** In rule-book order (as the checks give them). */
  findings: z.array(findingSchema),
  completeness: completenessSchema,
});
export type ReportFile = z.infer<typeof reportFileSchema>;

/**
 * The per-report files of a set of collections, report by report: its id, the content of its rows file
 * (<id>.json) and of its text file (<id>.txt). Every report gets both, also one without rows. Each file's
 * JSON is made only when the caller asks for it, so a caller that writes them never holds them all.
 */
export function* reportFiles(collections: {
  reports: readonly { id: string; text: string }[];
  figures: readonly FigureEntry[];
  indicators: readonly IndicatorEntry[];
  findings: readonly Finding[];
  completeness: readonly Completeness[];
}): Generator<[string, { rows: string; text: string }]> {
  const checklists = new Map(collections.completeness.map((c) => [c.report_id, c]));
  const files = new Map<string, ReportFile>();
  for (const r of collections.reports) {
    const completeness = checklists.get(r.id);
    if (!completeness) throw new Error(`the report ${r.id} has no completeness checklist`);
    files.set(r.id, { report_id: r.id, figures: [], indicators: [], findings: [], completeness });
  }
  const fileOf = (id: string) => {
    const file = files.get(id);
    if (!file) throw new Error(`a row of the unknown report ${id}`);
    return file;
  };
  for (const f of collections.figures) fileOf(f.report_id).figures.push(f);
  for (const i of collections.indicators) fileOf(i.report_id).indicators.push(i);
  for (const f of collections.findings) fileOf(f.report_id).findings.push(f);
  for (const r of collections.reports) yield [r.id, { rows: `${JSON.stringify(fileOf(r.id))}\n`, text: r.text }];
}

const rowsPath = (reportId: string, root: string) => join(root, BY_REPORT_DIR, `${reportId}.json`);
const textPath = (reportId: string, root: string) => join(root, BY_REPORT_DIR, `${reportId}.txt`);

/** Reads and validates one report's file; a missing or malformed file is an error naming it. */
export function readReportFile(reportId: string, root = process.cwd()): ReportFile {
  const path = rowsPath(reportId, root);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run content`);
  const parsed = reportFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (parsed.data.report_id !== reportId) throw new Error(`${path} holds the rows of ${parsed.data.report_id}`);
  return parsed.data;
}

/** Every report's file, in report id order (the order of the collections), read once per process. */
const everything = new Map<string, ReportFile[]>();
/** The same files by report id, for the one-report readers once the aggregates have read them all. */
const everythingById = new Map<string, Map<string, ReportFile>>();
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
    everythingById.set(root, new Map(files.map((f) => [f.report_id, f])));
  }
  return files;
}

/**
 * One report's file. When an aggregate page has read every file, from that copy (parsing and validating the
 * file again for each report and unit page cost more than the aggregates' read). Otherwise from disk,
 * keeping the last file read: a report page asks for its figures, indicators, findings and checklist one
 * after another, and one read serves them all; only one is kept, so this never holds every report's rows.
 */
let lastRead: { path: string; file: ReportFile } | null = null;
function ownFile(reportId: string, root: string): ReportFile {
  const loaded = everythingById.get(root)?.get(reportId);
  if (loaded !== undefined) return loaded;
  const path = rowsPath(reportId, root);
  if (lastRead?.path !== path) lastRead = { path, file: readReportFile(reportId, root) };
  return lastRead.file;
}

// The one-report readers give copies of the arrays: a page may sort what it gets, and the file may be shared.
/** One report's figures, in source order. */
export const figuresOf = (reportId: string, root = process.cwd()): FigureEntry[] => [...ownFile(reportId, root).figures];
/** One report's indicators, in source order. */
export const indicatorsOf = (reportId: string, root = process.cwd()): IndicatorEntry[] => [...ownFile(reportId, root).indicators];
/** One report's findings, in rule-book order. */
export const findingsOf = (reportId: string, root = process.cwd()): Finding[] => [...ownFile(reportId, root).findings];
/** One report's completeness checklist. */
export const checklistOf = (reportId: string, root = process.cwd()): Completeness => ownFile(reportId, root).completeness;
/** Every figure of every report (what `getCollection('figures')` gave), for aggregate pages and exports. */
export const allFigures = (root = process.cwd()): FigureEntry[] => allReportFiles(root).flatMap((f) => f.figures);
/** Every indicator of every report. */
export const allIndicators = (root = process.cwd()): IndicatorEntry[] => allReportFiles(root).flatMap((f) => f.indicators);
/** Every finding, reports in id order, each report's in rule-book order (what `getCollection('findings')` gave). */
export const allFindings = (root = process.cwd()): Finding[] => allReportFiles(root).flatMap((f) => f.findings);
/** Every report's completeness checklist, in report id order. */
export const allChecklists = (root = process.cwd()): Completeness[] => allReportFiles(root).map((f) => f.completeness);

/** One report's text, personal data masked (never cached: a page needs only its own). */
export function textOf(reportId: string, root = process.cwd()): string {
  const path = textPath(reportId, root);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run content`);
  return reportTextSchema.parse(readFileSync(path, 'utf8'));
}
