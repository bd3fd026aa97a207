import { z } from 'zod';
import { slugSchema } from './unit';

/**
 * Disclosure completeness (src/lib/completeness): which parts a report of its kind must contain, and
 * whether each was found in its text. One entry per report in content/completeness.json.
 */

/** One required part and where it was found. */
export const completenessItemSchema = z.object({
  /** Stable key of the requirement, e.g. `table-sangong` (see src/lib/completeness/requirements.ts). */
  key: z.string().min(1),
  /** table = one of the nine 决算 tables · explanation = a required explanation · glossary = 名词解释 · part = a self-evaluation part. */
  group: z.enum(['table', 'explanation', 'glossary', 'part']),
  /** Chinese name of the requirement as the templates call it. */
  label: z.string().min(1),
  /** Whether the text contains it (a heading, a table title or the required statement). */
  present: z.boolean(),
  /** Character offset of the first place found, or null when missing. */
  offset: z.number().int().nonnegative().nullable(),
  /** 1-based line of that place in the report's full text, or null when missing. */
  line: z.number().int().positive().nullable(),
  /** The words that matched, as written (at most a short line), or '' when missing. */
  excerpt: z.string(),
});
export type CompletenessItem = z.infer<typeof completenessItemSchema>;

export const completenessSchema = z
  .object({
    /** The report id (one entry per report). */
    id: slugSchema,
    report_id: slugSchema,
    /** Which checklist applies: 部门决算, 绩效自评, or none for kinds without one yet. */
    checklist: z.enum(['final-accounts', 'self-eval', 'none']),
    items: z.array(completenessItemSchema),
    /** Number of required parts found. */
    present: z.number().int().nonnegative(),
    /** Number of required parts (0 when no checklist applies). */
    expected: z.number().int().nonnegative(),
    /** present ÷ expected as a percentage rounded to 0.1 ("94.7"), or '' when nothing is expected. */
    score: z.string(),
  })
  .refine((c) => c.present <= c.expected && c.items.length === c.expected, { message: 'present ≤ expected = number of items' });
export type Completeness = z.infer<typeof completenessSchema>;
