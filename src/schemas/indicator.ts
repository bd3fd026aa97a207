import { z } from 'zod';
import { slugSchema } from './unit';
import { MAX_PROJECT_NAME, safeName } from './name';
import { reviewSchema, statedNumberSchema } from './figure';

const optionalNumber = z.union([z.literal(''), statedNumberSchema]);

/** One performance indicator (绩效指标) or indicator group: a row of `data/indicators/*.csv`. */
const indicatorFields = z.object({
  report_id: slugSchema,
  /** Project name for a project table; '' for a unit-wide (部门整体) table. */
  scope: safeName(MAX_PROJECT_NAME),
  /** 一级指标 as printed, e.g. 产出指标. */
  level1: z.string(),
  /** 二级指标, e.g. 数量指标; '' for a level-1 group row. */
  level2: z.string(),
  /** 三级指标 (the indicator); '' for a group row. */
  level3: z.string(),
  /** 年度指标值 / 预期指标值 as written, or ''. */
  target: z.string(),
  /** 实际完成值 as written, or ''. */
  actual: z.string(),
  /** 分值 / 权重 (points), or '' when not stated. */
  weight: optionalNumber,
  /** 得分 (points), or '' when not stated (a blank is not zero). */
  score: optionalNumber,
  /** 扣分原因 / 偏差原因 as written, or ''. */
  deduction_reason: z.string(),
  /** Verbatim row or sentence from the source. */
  quote: z.string().min(1, 'the verbatim table row or sentence'),
  review: reviewSchema,
});

export const indicatorRowSchema = indicatorFields.refine((r) => r.level1 !== '' || r.level2 !== '' || r.level3 !== '', {
  message: 'at least one indicator level',
  path: ['level3'],
});
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;

/** An indicator as the site uses it: the row, where its quote sits, and where it came from. */
export const indicatorEntrySchema = indicatorFields.extend({
  /** `<report id>-i-<n>`. */
  id: z.string(),
  /** Quote with personal data masked. */
  quote: z.string(),
  /** Offset of the quote in the report's text. */
  quote_offset: z.number().int().nonnegative(),
  /** File and line the row came from. */
  origin: z.string(),
});
export type IndicatorEntry = z.infer<typeof indicatorEntrySchema>;
