import { z } from 'zod';
import { REPORT_KINDS } from './vocabulary';
import { slugSchema } from './unit';

/**
 * A finding of the 数据核查 rules (src/lib/checks): a place where a report contradicts itself, or states
 * something implausible enough to ask about. Findings are computed at build time from the collections and
 * written to content/findings.json with this schema.
 */

/** error = an arithmetic or logical contradiction · warning = implausible, worth a question · info = a note. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** One passage a finding rests on: a figure, an indicator row, or a sentence of the report text. */
export const findingRefSchema = z.object({
  /** What the passage is: a curated figure, an indicator row, or a passage of the text with no row. */
  kind: z.enum(['figure', 'indicator', 'text']),
  /** Id of the figure or indicator (the id of its row on the report page); '' for a text passage. */
  id: z.string(),
  /** The passage, verbatim (personal data masked). */
  quote: z.string(),
  /** Character offset of the passage in the report text (0-based). */
  offset: z.number().int().nonnegative(),
  /** 1-based line of the report's full text where the passage states its value (the report page's #L{line}). */
  line: z.number().int().positive(),
});
export type FindingRef = z.infer<typeof findingRefSchema>;

export const findingSchema = z.object({
  /** Stable id: `<report id>-<rule id>-<n>`, n counting the rule's findings in the report from 1. */
  id: z.string().min(1),
  /** Id of the rule that produced it (see src/lib/checks/rules.ts and the methodology page). */
  rule: z.string().min(1),
  severity: severitySchema,
  /** The rule's short Chinese title. */
  title: z.string().min(1),
  /** What was found, in plain Chinese, naming the figures and their values. */
  message: z.string().min(1),
  /** Report the finding is about (findings never compare two reports). */
  report_id: slugSchema,
  /** The report's unit, for filtering. */
  unit_id: slugSchema,
  /** Full official name of the unit. */
  unit_name: z.string(),
  /** Fiscal year of the report. */
  year: z.number().int(),
  /** Kind of the report. */
  kind: z.enum(REPORT_KINDS),
  /** The passages the finding rests on, in the order the message names them. */
  refs: z.array(findingRefSchema),
  /** The value as the report states it, with its unit ("1,097 万元", "100%"), or '' when the rule compares no single value. */
  stated: z.string(),
  /** The value computed from the report's other figures, exact ("283.62 万元"), or '' when not computable. */
  computed: z.string(),
  /** stated − computed, exact, with its unit ("744.37 万元", "-72.13 个百分点"), or ''. */
  difference: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;
