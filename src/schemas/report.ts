import { z } from 'zod';
import { REPORT_KINDS } from './vocabulary';
import { slugSchema } from './unit';

/** Formats of a published file kept beside its derived text (the readers of src/lib/formats). */
export const ORIGINAL_FORMATS = ['pdf', 'docx', 'xlsx', 'html', 'htm'] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'a real calendar date');

/** One published report, as listed in the manifest `data/reports.csv`. */
export const reportFields = z.object({
  /** Stable, readable id: `<unit id>-<fiscal year>-<kind slug>`; also the source file name. */
  id: slugSchema,
  /** The unit that published it (`data/units.csv`). */
  unit_id: slugSchema,
  /** Fiscal year the figures describe (not the year of publication). */
  year: z.preprocess(
    // four digits only: "0x7E6" or "2e3" would pass a plain number conversion
    (v) => (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : v),
    z
      .number({ invalid_type_error: 'a fiscal year written as four digits, such as 2022' })
      .int('a whole year')
      .min(2000, 'a fiscal year from 2000 on')
      .max(2100, 'a fiscal year before 2100'),
  ),
  /** Report kind, one of the 财政部 template names. */
  kind: z.enum(REPORT_KINDS, { errorMap: () => ({ message: `one of ${REPORT_KINDS.join(' ')}` }) }),
  /** Title as printed (line breaks may be written as spaces). */
  title: z.string().min(2, 'the title as printed'),
  /** Date of filing or publication stated in the report, or empty when it states none. */
  date: z.union([z.literal(''), isoDate]),
  /** What the date is, in the report's words (公开时间 / 填报日期 …); empty when there is no date. */
  date_label: z.string(),
  /** File name of the copy the report was taken from. */
  original_filename: z.string().min(1, 'the original file name'),
  /** sha256 (hex) of the verbatim source text; the pipeline refuses a source that does not match. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits'),
  /** Where the report was published, or empty when unknown. */
  source_url: z.union([z.literal(''), z.string().url('a URL').refine((u) => /^https?:\/\//i.test(u), 'an http(s) URL')]),
  /** When the source was retrieved (YYYY-MM-DD), or empty when unknown. */
  retrieved: z.union([z.literal(''), isoDate]),
  /** Curator's note on the report (traps, what it contains). */
  note: z.string(),
  /** sha256 of the published file kept in data/originals/<id>.<original_format>; empty when the source text is the original. */
  original_sha256: z.union([z.literal(''), z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits')]),
  /** Format (file extension) of that original, or empty. */
  original_format: z.union([z.literal(''), z.enum(ORIGINAL_FORMATS, { errorMap: () => ({ message: `one of ${ORIGINAL_FORMATS.join(' ')}` }) })]),
});

export const reportSchema = reportFields
  .refine((r) => (r.date === '') === (r.date_label === ''), {
    message: 'date and date_label are given together or left empty together',
    path: ['date_label'],
  })
  .refine((r) => (r.original_sha256 === '') === (r.original_format === ''), {
    message: 'original_sha256 and original_format are given together or left empty together',
    path: ['original_format'],
  });
export type Report = z.infer<typeof reportSchema>;
export type OriginalFormat = (typeof ORIGINAL_FORMATS)[number];

/**
 * A report as the site lists it (the `reports` collection): the manifest row, its unit's name and its counts.
 * Its text is not here: at 10,000 reports the texts were most of Astro's content store, so pages read one
 * report's text through src/lib/report-files.ts (textOf).
 */
export const reportEntrySchema = reportFields.extend({
  /** Full official name of the unit. */
  unit_name: z.string(),
  /** Short name of the unit, for chart labels. */
  unit_short_name: z.string(),
  /** Figures drafted by the machine and not yet reviewed by a person. */
  machine_figures: z.number().int().nonnegative(),
  /** Figures drafted by the machine and confirmed by the report itself (a second statement, table arithmetic). */
  checked_figures: z.number().int().nonnegative(),
  /** Figures a person curated. */
  curated_figures: z.number().int().nonnegative(),
});
export type ReportEntry = z.infer<typeof reportEntrySchema>;

/** The report's text with mobile numbers and private names masked (same length as the source). */
export const reportTextSchema = z.string();

/** A report with its masked text, as the pipeline checks it and the exports locate quotes in it. */
export type ReportWithText = ReportEntry & { text: z.infer<typeof reportTextSchema> };
