import { z } from 'zod';

/** One release of the dataset: a row of `data/CHANGELOG.csv` (newest last). */
export const changelogEntrySchema = z.object({
  /** Dataset version, major.minor.patch; also the Data Package `version`. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version written major.minor.patch, e.g. 0.2.0'),
  /** Date of the change (YYYY-MM-DD); the latest is the site's "数据更新于". */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
  /** What changed, in Chinese, one sentence. */
  changes: z.string().min(1, 'what changed'),
});
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;
