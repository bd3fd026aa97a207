import { getCollection } from 'astro:content';
import type { Unit } from '../schemas/unit';
import type { ReportEntry } from '../schemas/report';
import type { FigureEntry } from '../schemas/figure';
import { allFigures } from './report-files';
import {
  comparePages,
  COMPARE_PAGE_LIMIT,
  executionCompareRows,
  sangongCompareRows,
  scoreCompareRows,
  shareCompareRows,
  type ComparePage,
} from './compare';

/** What every comparison is built from: the units, the reports and all their figures. */
export interface CompareInputs {
  units: Unit[];
  reports: ReportEntry[];
  figures: FigureEntry[];
}

let inputs: Promise<CompareInputs> | undefined;
/**
 * The comparisons' inputs, read once per build: a comparison split by year renders one page per year, and each
 * page reading every collection again made the build's cost grow with pages × reports.
 */
export function compareInputs(): Promise<CompareInputs> {
  inputs ??= (async () => ({
    units: (await getCollection('units')).map((e) => e.data),
    reports: (await getCollection('reports')).map((e) => e.data),
    figures: allFigures(),
  }))();
  return inputs;
}

const rowsOf = {
  sangong: (d: CompareInputs) => sangongCompareRows(d.units, d.reports, d.figures),
  execution: (d: CompareInputs) => executionCompareRows(d.units, d.reports, d.figures),
  shares: (d: CompareInputs) => shareCompareRows(d.units, d.reports, d.figures),
  score: (d: CompareInputs) => scoreCompareRows(d.units, d.reports, d.figures),
};
type Rows<K extends keyof typeof rowsOf> = ReturnType<(typeof rowsOf)[K]>[number];

const pagesCache = new Map<string, Promise<unknown>>();
/** A comparison's pages (src/lib/compare.ts comparePages), its rows computed once per build. */
export function comparisonPages<K extends keyof typeof rowsOf>(comparison: K): Promise<ComparePage<Rows<K>>[]> {
  let pages = pagesCache.get(comparison);
  if (pages === undefined) {
    pages = compareInputs().then((d) => comparePages<Rows<K>>(rowsOf[comparison](d) as Rows<K>[], COMPARE_PAGE_LIMIT));
    pagesCache.set(comparison, pages);
  }
  return pages as Promise<ComparePage<Rows<K>>[]>;
}
