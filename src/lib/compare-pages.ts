import { getCollection } from 'astro:content';
import type { Unit } from '../schemas/unit';
import type { ReportEntry } from '../schemas/report';
import type { FigureEntry } from '../schemas/figure';
import { allFigures } from './report-files';
import { relativeHref, routes } from './paths';
import {
  COMPARE_PAGE_LIMIT,
  COMPARISONS,
  compareRoutes,
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
  summaryCharts,
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

/** The charts a comparison's page draws (one per metric, COMPARISON_METRICS): the national page's for path ''. */
async function pageCharts(comparison: Comparison, path: string): Promise<CompareChart[]> {
  // Every embed of a page, whatever its metric, is as deep as the page (embed/<name>/<path>.html beside
  // compare/<comparison>/<path>.html), so one set of relative links serves them all.
  const from = compareRoutes.embed(comparison, path);
  const unitHref: UnitHref = (unitId) => relativeHref(from, routes.unit(unitId));
  const rows = async <K extends Comparison>(key: K) => (await comparisonPage(key, path)).page.rows;
  if (path === '')
    return summaryCharts(comparison, await comparisonSummary(comparison), (folder) =>
      relativeHref(from, compareRoutes.page(comparison, folder)),
    );
  switch (comparison) {
    case 'sangong':
      return sangongCharts(await rows('sangong'), unitHref);
    case 'execution':
      return executionCharts(await rows('execution'), unitHref, executionScopeText);
    case 'shares':
      return shareCharts(await rows('shares'), unitHref);
    case 'score':
      return scoreCharts(await rows('score'), unitHref);
  }
}

/**
 * A page's charts (the national page's for path ''), links relative to its embeds, held from its first embed until
 * its last has taken its chart (embedChart): worked out once for all of a page's embeds, not once per embed, and
 * let go when they are built (Astro builds a page's embeds one after another: getStaticPaths lists them so).
 */
const chartsCache = new Map<string, Promise<CompareChart[]>>();
/** The metrics of each page whose embed is not built yet. */
const embedsLeft = new Map<string, Set<string>>();
const pageKey = (comparison: Comparison, path: string) => `${comparison}/${path}`;

function heldCharts(comparison: Comparison, path: string): Promise<CompareChart[]> {
  const key = pageKey(comparison, path);
  let charts = chartsCache.get(key);
  if (charts === undefined) {
    charts = pageCharts(comparison, path);
    chartsCache.set(key, charts);
  }
  return charts;
}

const metricsCache = new Map<string, Promise<string[]>>();
/**
 * The metrics of a comparison's page that have an embed, in the order of its metric control: those whose chart
 * draws something (an empty chart makes no embed). Kept for every page (a few names each): the page's embed box,
 * its embeds and the sitemap all ask.
 */
export function embedMetrics(comparison: Comparison, path: string): Promise<string[]> {
  const key = pageKey(comparison, path);
  let metrics = metricsCache.get(key);
  if (metrics === undefined) {
    // worked out here and let go: the sitemap and the embeds' getStaticPaths ask for every page before any embed
    // is built, and holding every page's charts until then would hold them all at once (at 10,000 reports the
    // Astro build's peak is already most of the 4 GB); embedChart works a page's charts out again, once
    metrics = pageCharts(comparison, path).then((charts) => {
      const drawn = charts.filter((c) => c.drawn > 0).map((c) => c.metric);
      if (drawn.length > 0) embedsLeft.set(key, new Set(drawn));
      return drawn;
    });
    metricsCache.set(key, metrics);
  }
  return metrics;
}

/** The chart of one of a page's embeds (embedMetrics names them); the page's last embed releases its charts. */
export async function embedChart(comparison: Comparison, path: string, metric: string): Promise<CompareChart> {
  const key = pageKey(comparison, path);
  if (!(await embedMetrics(comparison, path)).includes(metric))
    throw new Error(`${compareRoutes.page(comparison, path)} has no ${metric} chart that draws something, so no embed of it`);
  const chart = (await heldCharts(comparison, path)).find((c) => c.metric === metric);
  if (chart === undefined) throw new Error(`${compareRoutes.page(comparison, path)}: no ${metric} chart`);
  const left = embedsLeft.get(key);
  left?.delete(metric);
  if (left === undefined || left.size === 0) {
    embedsLeft.delete(key);
    chartsCache.delete(key);
  }
  return chart;
}

/** Every comparison page's embed metrics (embedMetrics) at once, for the sitemap (src/lib/compare.ts comparisonPaths). */
export async function embedMetricsOfEveryPage(): Promise<(comparison: Comparison, path: string) => readonly string[]> {
  const found = new Map<string, readonly string[]>();
  for (const comparison of COMPARISONS)
    for (const path of ['', ...(await comparisonPages(comparison)).map((p) => p.path)])
      found.set(`${comparison}/${path}`, await embedMetrics(comparison, path));
  return (comparison, path) => found.get(`${comparison}/${path}`) ?? [];
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
