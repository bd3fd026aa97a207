import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { unitSchema } from './schemas/unit';
import { reportEntrySchema } from './schemas/report';
import { findingSchema } from './schemas/finding';
import { completenessSchema } from './schemas/completeness';
import { changelogEntrySchema } from './schemas/changelog';
import { parseChangelog } from './lib/changelog';

// The JSON files are written by scripts/build-content.ts from data/; the schemas are the same ones the
// pipeline validated with (one definition each, in src/schemas). Figures and indicators are not collections:
// Astro's single content store does not hold them at scale (issue 11); pages read them per report through
// src/lib/report-files.ts (figuresOf, allFigures …), validated with the same schemas.
export const collections = {
  units: defineCollection({ loader: file('content/units.json'), schema: unitSchema }),
  reports: defineCollection({ loader: file('content/reports.json'), schema: reportEntrySchema }),
  findings: defineCollection({ loader: file('content/findings.json'), schema: findingSchema }),
  completeness: defineCollection({ loader: file('content/completeness.json'), schema: completenessSchema }),
  // The dataset's releases, read straight from data/: a short hand-written file that nothing derives.
  changelog: defineCollection({ loader: file('data/CHANGELOG.csv', { parser: (text) => parseChangelog(text) }), schema: changelogEntrySchema }),
};
