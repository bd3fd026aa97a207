import { z } from 'zod';
import { FIXED_SCOPES, METRICS, METRIC_KEYS, PHASE_NAMES, UNIT_NAMES, UNITS, REPORT_KINDS } from './vocabulary';
import { slugSchema } from './unit';
import { MAX_PROJECT_NAME, safeName } from './name';
import { isStatedNumber, parseStatedNumber } from '../lib/numbers';

const oneOf = (names: readonly string[]) => () => ({ message: `one of: ${names.join(' ')}` });

/**
 * Who vouches for a row: a person read it against the source (`curated`); the extractor drafted it and the
 * document confirms it by itself — a second statement of the same figure, or its table's arithmetic (`checked`);
 * or nothing does yet (`machine`).
 */
export const REVIEW_LEVELS = ['curated', 'checked', 'machine'] as const;
export const reviewSchema = z.enum(REVIEW_LEVELS, { errorMap: oneOf(REVIEW_LEVELS) });

/** A stated number: ASCII or full-width digits, optional thousands separators and decimals, optional leading '-'. */
export const statedNumberSchema = z
  .string()
  .refine(isStatedNumber, 'a number as written, e.g. 1,153.8 or 0.628571429 (digits, optional separators and decimals)');

/** One figure stated by a report: a row of `data/figures/*.csv`. */
const figureFields = z.object({
  /** Report that states the figure (`data/reports.csv`). */
  report_id: slugSchema,
  /** What the figure measures: a key of the metric vocabulary. */
  metric: z.enum(METRIC_KEYS, { errorMap: () => ({ message: 'a metric key of the vocabulary (see README, "Metric vocabulary")' }) }),
  /** Budget phase: budget 年初预算 · adjusted 调整后/全年预算 · actual 决算/执行数. */
  phase: z.enum(PHASE_NAMES, { errorMap: oneOf(PHASE_NAMES) }),
  /** '' whole unit · basic · project · prior_year · change_vs_prior · or one project's name. */
  scope: safeName(MAX_PROJECT_NAME),
  /** Line item inside the metric as printed (functional class path, 编制 type, funding source…), or ''. */
  item: z.string(),
  /** The number exactly as written (a decrease may carry a leading '-'). */
  value: statedNumberSchema,
  /** Unit of measure as stated. */
  unit: z.enum(UNIT_NAMES, { errorMap: oneOf(UNIT_NAMES) }),
  /** Verbatim substring of the source that states the figure. */
  quote: z.string().min(1, 'the verbatim sentence or table row that states the figure'),
  /** curated (a person read it), checked (drafted, confirmed by the document itself) or machine (drafted, unconfirmed). */
  review: reviewSchema,
  /** Curator's remark, or ''. */
  note: z.string().default(''),
});

export const figureRowSchema = figureFields.superRefine((row, ctx) => {
  const allowed = METRICS[row.metric].measures as readonly string[];
  const measure = UNITS[row.unit];
  if (!allowed.includes(measure)) {
    const units = UNIT_NAMES.filter((u) => allowed.includes(UNITS[u]));
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['unit'],
      message: `a unit that fits metric ${row.metric}: one of ${units.join(' ')}`,
    });
  }
  if (parseStatedNumber(row.value)?.negative && row.scope !== 'change_vs_prior' && row.metric !== 'budget_adjustment') {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['value'],
      message: 'a negative value only for a change (scope change_vs_prior) or a budget adjustment',
    });
  }
  const phase = BUDGET_PHASE[row.metric];
  if (phase && row.phase !== phase) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phase'], message: `phase ${phase} for metric ${row.metric}` });
  }
  if (row.scope !== row.scope.trim() || (row.scope.toLowerCase() in FIXED_SCOPES && !(row.scope in FIXED_SCOPES))) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['scope'], message: `a scope without surrounding spaces, written as the vocabulary writes it (${Object.keys(FIXED_SCOPES).filter(Boolean).join(' ')}) or a project's name` });
  }
});
export type FigureRow = z.infer<typeof figureRowSchema>;

/** The budget metrics name their phase themselves. */
const BUDGET_PHASE: Partial<Record<string, string>> = { budget_initial: 'budget', budget_adjusted: 'adjusted', budget_executed: 'actual' };

/** A figure as the site uses it: the row plus what the pipeline derives from the manifest and the units. */
export const figureEntrySchema = figureFields.extend({
  /** `<report id>-f-<n>` — stable while the report's CSV rows keep their order. */
  id: z.string(),
  /** The unit that published the report. */
  unit_id: slugSchema,
  /** Full official name of the unit. */
  unit_name: z.string(),
  /** Fiscal year of the report. */
  year: z.number().int(),
  kind: z.enum(REPORT_KINDS),
  /** Exact amount in 元 for money ("11538000"), '' otherwise. */
  value_yuan: z.string(),
  /** Quote with personal data masked (same length as the verbatim quote). */
  quote: z.string(),
  /** Offset of the quote in the report's text, for linking to its place. */
  quote_offset: z.number().int().nonnegative(),
  note: z.string(),
  /** sha256 of the report's verbatim text. */
  source_sha256: z.string(),
  /** File and row the figure came from, e.g. data/figures/x.csv:12. */
  origin: z.string(),
});
export type FigureEntry = z.infer<typeof figureEntrySchema>;
