import { getCollection } from 'astro:content';
import type { Unit } from '../schemas/unit';
import type { ReportEntry } from '../schemas/report';
import type { FigureEntry } from '../schemas/figure';
import { allFigures } from './report-files';
import {
  COMPARE_PAGE_LIMIT,
  executionCompareRows,
  provinceComparePages,
  provinceSummaries,
  sangongCompareRows,
  scoreCompareRows,
  shareCompareRows,
  SUMMARY_VALUES,
  type Comparison,
  type ProvinceComparePage,
  type ProvinceSummary,
} from './compare';
import {
  executionCharts,
  executionScopeText,
  sangongCharts,
  scoreCharts,
  shareCharts,
  type CompareChart,
  type UnitHref,
} from './charts/compare-charts';

/** What every comparison is built from: the units, the reports and all their figures. */
export interface CompareInputs {
  units: Unit[];
  reports: ReportEntry[];
  figures: FigureEntry[];
}

let inputs: Promise<CompareInputs> | undefined;
/**
 * The comparisons' inputs, read once per build: a comparison renders a page per province (and year), and each
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

const rowsCache = new Map<string, Promise<unknown>>();
/** A comparison's rows, computed once per build. */
export function comparisonRows<K extends keyof typeof rowsOf>(comparison: K): Promise<Rows<K>[]> {
  let rows = rowsCache.get(comparison);
  if (rows === undefined) {
    rows = compareInputs().then((d) => rowsOf[comparison](d));
    rowsCache.set(comparison, rows);
  }
  return rows as Promise<Rows<K>[]>;
}

const pagesCache = new Map<string, Promise<unknown>>();
/** A comparison's pages, one per province and more for a large one (src/lib/compare.ts provinceComparePages). */
export function comparisonPages<K extends keyof typeof rowsOf>(comparison: K): Promise<ProvinceComparePage<Rows<K>>[]> {
  let pages = pagesCache.get(comparison);
  if (pages === undefined) {
    pages = comparisonRows(comparison).then((rows) => provinceComparePages<Rows<K>>(rows, COMPARE_PAGE_LIMIT));
    pagesCache.set(comparison, pages);
  }
  return pages as Promise<ProvinceComparePage<Rows<K>>[]>;
}

/**
 * One page of a comparison as its view renders it: all its pages (for the province links), the page (an empty one for an unknown path), the pages of its
 * province (to link between years and parts) and the reports its rows cite (found with a set: a scan of every
 * row per report grows with the square).
 */
export async function comparisonPage<K extends keyof typeof rowsOf>(comparison: K, path: string) {
  const pages = await comparisonPages(comparison);
  const empty: ProvinceComparePage<Rows<K>> = { slug: '', years: [], part: 1, parts: 1, rows: [], province: '', folder: '', path };
  const page = pages.find((p) => p.path === path) ?? empty;
  const cited = new Set(page.rows.map((row: { report: { id: string } }) => row.report.id));
  const { reports } = await compareInputs();
  return {
    pages,
    page,
    provincePages: pages.filter((p) => p.folder === page.folder),
    citedReports: reports.filter((r) => cited.has(r.id)),
  };
}

/**
 * A comparison's page with the charts it draws (one per metric, COMPARISON_METRICS), as its view draws them: for
 * the page's embeds (src/pages/embed/[chart]/[...page].astro).
 */
export async function comparisonPageCharts(comparison: Comparison, path: string, unitHref: UnitHref) {
  const withCharts = async <K extends Comparison>(key: K, charts: (rows: Rows<K>[]) => CompareChart[]) => {
    const found = await comparisonPage(key, path);
    return { ...found, charts: charts(found.page.rows) };
  };
  switch (comparison) {
    case 'sangong':
      return withCharts('sangong', (rows) => sangongCharts(rows, unitHref));
    case 'execution':
      return withCharts('execution', (rows) => executionCharts(rows, unitHref, executionScopeText));
    case 'shares':
      return withCharts('shares', (rows) => shareCharts(rows, unitHref));
    case 'score':
      return withCharts('score', (rows) => scoreCharts(rows, unitHref));
  }
}

const summaryCache = new Map<string, Promise<ProvinceSummary[]>>();
/** What a comparison's national page and its embeds show of each province (src/lib/compare.ts provinceSummaries). */
export function comparisonSummary(comparison: keyof typeof rowsOf): Promise<ProvinceSummary[]> {
  let summary = summaryCache.get(comparison);
  if (summary === undefined) {
    summary = (async () => {
      switch (comparison) {
        case 'sangong':
          return provinceSummaries(await comparisonRows('sangong'), SUMMARY_VALUES.sangong);
        case 'execution':
          return provinceSummaries(await comparisonRows('execution'), SUMMARY_VALUES.execution);
        case 'shares':
          return provinceSummaries(await comparisonRows('shares'), SUMMARY_VALUES.shares);
        case 'score':
          return provinceSummaries(await comparisonRows('score'), SUMMARY_VALUES.score);
      }
    })();
    summaryCache.set(comparison, summary);
  }
  return summary;
}
