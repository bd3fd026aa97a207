import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { unitSchema } from './schemas/unit';
import { reportEntrySchema } from './schemas/report';
import { figureEntrySchema } from './schemas/figure';
import { indicatorEntrySchema } from './schemas/indicator';
import { findingSchema } from './schemas/finding';
import { completenessSchema } from './schemas/completeness';

// The JSON files are written by scripts/build-content.ts from data/; the schemas are the same ones the
// pipeline validated with (one definition each, in src/schemas).
export const collections = {
  units: defineCollection({ loader: file('content/units.json'), schema: unitSchema }),
  reports: defineCollection({ loader: file('content/reports.json'), schema: reportEntrySchema }),
  figures: defineCollection({ loader: file('content/figures.json'), schema: figureEntrySchema }),
  indicators: defineCollection({ loader: file('content/indicators.json'), schema: indicatorEntrySchema }),
  findings: defineCollection({ loader: file('content/findings.json'), schema: findingSchema }),
  completeness: defineCollection({ loader: file('content/completeness.json'), schema: completenessSchema }),
};
