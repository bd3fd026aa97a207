import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { unitSchema } from './schemas/unit';
import { reportEntrySchema } from './schemas/report';
import { changelogEntrySchema } from './schemas/changelog';
import { parseChangelog } from './lib/changelog';

// The JSON files are written by scripts/build-content.ts from data/; the schemas are the same ones the
// pipeline validated with (one definition each, in src/schemas). Only small metadata is a collection: the
// reports' texts, figures, indicators, findings and completeness checklists made Astro's single content store
// too big at scale (issue 11); pages read them per report through src/lib/report-files.ts (textOf, figuresOf,
// findingsOf, checklistOf, allFigures, allFindings …), validated with the same schemas.
export const collections = {
  units: defineCollection({ loader: file('content/units.json'), schema: unitSchema }),
  reports: defineCollection({ loader: file('content/reports.json'), schema: reportEntrySchema }),
  // The dataset's releases, read straight from data/: a short hand-written file that nothing derives.
  changelog: defineCollection({ loader: file('data/CHANGELOG.csv', { parser: (text) => parseChangelog(text) }), schema: changelogEntrySchema }),
};
