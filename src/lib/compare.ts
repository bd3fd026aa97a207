import type { FigureEntry } from '../schemas/figure';
import type { ReportEntry } from '../schemas/report';
import type { Unit } from '../schemas/unit';
import { PHASE_NAMES, type MetricKey, type Phase } from '../schemas/vocabulary';
import { t } from '../i18n';
import { toFen } from './money';
import { formatScaled, parseStatedNumber, scaleExact, statedDecimals } from './numbers';
import { percentOf } from './rates';
import { partitionFolder, provincesOf } from './partition';
import { executionRows, groupBy, headline, pickAmount, sangongRows, type ExecutionRow, type SangongRow } from './views';

/**
 * The rows of the comparison pages (src/pages/compare): the views of src/lib/views.ts joined with their unit,
 * plus what a comparison adds — amounts per staff member, shares of a stated total, execution rates per
 * denominator. Every derived number is exact (integer fen, percentOf) and names the figures it comes from;
 * nothing is summed across phases or into a total a report does not state.
 */

/** What a comparison row is filtered by (region, department type, phase, year). */
export interface Facets {
  year: number;
  /** '' for a row that is not about one phase (a rate, a score). */
  phase: Phase | '';
  province: string;
  city: string;
  county: string;
  department_type: string;
}

function facetsOf(report: ReportEntry, unit: Unit | undefined, phase: Phase | ''): Facets {
  return {
    year: report.year,
    phase,
    province: unit?.province ?? '',
    city: unit?.city ?? '',
    county: unit?.county ?? '',
    department_type: unit?.department_type ?? '',
  };
}

/** The choices each filter offers: the values present in the rows, sorted (years newest first). */
export interface FacetOptions {
  years: number[];
  phases: Phase[];
  provinces: string[];
  departmentTypes: string[];
}

export function facetOptions(rows: readonly { facets: Facets }[]): FacetOptions {
  const distinct = <T>(values: T[]) => [...new Set(values)];
  const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  return {
    years: distinct(rows.map((r) => r.facets.year)).sort((a, b) => b - a),
    phases: PHASE_NAMES.filter((p) => rows.some((r) => r.facets.phase === p)),
    provinces: distinct(rows.map((r) => r.facets.province).filter((p) => p !== '')).sort(byName),
    departmentTypes: distinct(rows.map((r) => r.facets.department_type).filter((d) => d !== '')).sort(byName),
  };
}

/**
 * An amount shared by a number of people, exact to the fen (rounded half away from zero), as a decimal
 * string in 元; null when the head count is not a whole number above zero or the amount is not money.
 */
export function amountPerPerson(amount: FigureEntry, people: FigureEntry): string | null {
  const fen = toFen(amount.value, amount.unit);
  const count = parseStatedNumber(people.value);
  if (fen === null || !count || count.negative || /[1-9]/.test(count.fraction)) return null;
  const heads = BigInt(count.integer || '0');
  if (heads === 0n) return null;
  const twice = (fen * 2n) / heads;
  const rounded = twice >= 0n ? (twice + 1n) / 2n : (twice - 1n) / 2n;
  return formatScaled(rounded, 2);
}

/** The head count a report states for the whole unit (实有人数), if any. */
function staffOf(figures: readonly FigureEntry[]): FigureEntry | undefined {
  return figures.find((f) => f.metric === 'staff_count' && f.scope === '' && f.item === '' && f.unit === '人');
}

/** One row of the 三公经费 comparison: one report and phase, its unit and, where stated, its staff. */
export interface SangongCompareRow extends SangongRow {
  unit?: Unit;
  facets: Facets;
  /** 实有人数 stated in the same report. */
  staff?: FigureEntry;
  /** The stated total per staff member in 元 (exact to the fen), or null when either is not stated. */
  perStaffYuan: string | null;
}

export function sangongCompareRows(
  units: readonly Unit[],
  reports: readonly ReportEntry[],
  figures: readonly FigureEntry[],
): SangongCompareRow[] {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byReport = groupBy(figures, (f) => f.report_id);
  return sangongRows(reports, figures).map((row) => {
    const unit = unitById.get(row.report.unit_id);
    const staff = staffOf(byReport.get(row.report.id) ?? []);
    const out: SangongCompareRow = {
      ...row,
      facets: facetsOf(row.report, unit, row.phase),
      perStaffYuan: row.total && staff ? amountPerPerson(row.total, staff) : null,
    };
    if (unit) out.unit = unit;
    if (staff) out.staff = staff;
    return out;
  });
}

/** A rate computed from the report's amounts against one denominator. */
export interface ComputedRate {
  denominator: FigureEntry;
  /** Percent, exact to two decimals; null when the denominator is 0. */
  percent: string | null;
}

/** One row of the execution comparison: a stated rate and the rates its report's amounts give per denominator. */
export interface ExecutionCompareRow extends ExecutionRow {
  unit?: Unit;
  facets: Facets;
  /** Against the initial budget (年初预算数) and the adjusted budget (调整后预算数), where the report states them. */
  onInitial?: ComputedRate;
  onAdjusted?: ComputedRate;
}

export function executionCompareRows(
  units: readonly Unit[],
  reports: readonly ReportEntry[],
  figures: readonly FigureEntry[],
): ExecutionCompareRow[] {
  const unitById = new Map(units.map((u) => [u.id, u]));
  return executionRows(reports, figures).map((row) => {
    const unit = unitById.get(row.report.unit_id);
    const out: ExecutionCompareRow = { ...row, facets: facetsOf(row.report, unit, '') };
    const onInitial = row.computed.find((c) => c.denominator.phase === 'budget');
    const onAdjusted = row.computed.find((c) => c.denominator.phase === 'adjusted');
    if (unit) out.unit = unit;
    if (onInitial) out.onInitial = onInitial;
    if (onAdjusted) out.onAdjusted = onAdjusted;
    return out;
  });
}

/** A part's share of a stated total, exact to two decimals. */
export interface Share {
  part: FigureEntry;
  /** Percent of the total; null when there is no stated total or it is 0. */
  percent: string | null;
}

/** One row of the basic vs project comparison: one report and phase. */
export interface ShareCompareRow {
  report: ReportEntry;
  unit?: Unit;
  phase: Phase;
  facets: Facets;
  /** The denominator: 本年支出合计 as the report states it for the same phase. */
  total?: FigureEntry;
  basic?: Share;
  project?: Share;
}

function shareOf(part: FigureEntry | undefined, total: FigureEntry | undefined): Share | undefined {
  if (!part) return undefined;
  const num = toFen(part.value, part.unit);
  const den = total ? toFen(total.value, total.unit) : null;
  return { part, percent: num === null || den === null ? null : percentOf(num, den) };
}

/**
 * 基本支出 and 项目支出 as shares of 本年支出合计, per report and phase, where the report states a part. The
 * denominator is always the stated total: two parts are never added up into a total the report does not state.
 */
export function shareCompareRows(
  units: readonly Unit[],
  reports: readonly ReportEntry[],
  figures: readonly FigureEntry[],
): ShareCompareRow[] {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byReport = groupBy(figures, (f) => f.report_id);
  const rows: ShareCompareRow[] = [];
  for (const report of reports) {
    const own = byReport.get(report.id) ?? [];
    const unit = unitById.get(report.unit_id);
    for (const phase of PHASE_NAMES) {
      const amount = (metric: MetricKey) => pickAmount(own, metric, phase);
      const total = amount('expenditure_total');
      const basic = shareOf(amount('basic_expenditure'), total);
      const project = shareOf(amount('project_expenditure'), total);
      if (!basic && !project) continue;
      const row: ShareCompareRow = { report, phase, facets: facetsOf(report, unit, phase) };
      if (unit) row.unit = unit;
      if (total) row.total = total;
      if (basic) row.basic = basic;
      if (project) row.project = project;
      rows.push(row);
    }
  }
  return rows;
}

/** One row of the score comparison: a report's self-evaluation score beside its stated execution rate. */
export interface ScoreCompareRow {
  report: ReportEntry;
  unit?: Unit;
  facets: Facets;
  score: FigureEntry;
  executionRate?: FigureEntry;
}

/** Reports that state a self-evaluation score for the unit (or the one project they are about), with its rate. */
export function scoreCompareRows(
  units: readonly Unit[],
  reports: readonly ReportEntry[],
  figures: readonly FigureEntry[],
): ScoreCompareRow[] {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byReport = groupBy(figures, (f) => f.report_id);
  return reports.flatMap((report) => {
    const { score, executionRate } = headline(byReport.get(report.id) ?? []);
    if (!score) return [];
    const unit = unitById.get(report.unit_id);
    const row: ScoreCompareRow = { report, facets: facetsOf(report, unit, ''), score };
    if (unit) row.unit = unit;
    if (executionRate) row.executionRate = executionRate;
    return [row];
  });
}

/** One built page of a comparison: the first page is the comparison's own URL, the others `<comparison>/<slug>.html`. */
export interface ComparePage<T> {
  /** '' for the first page, else the year it holds, and `-2`, `-3` … for the further parts of a large year. */
  slug: string;
  /** The years on this page, newest first. */
  years: number[];
  /** Which part of its year the page is (1 of 1 unless the year has more rows than the limit). */
  part: number;
  parts: number;
  rows: T[];
}

/**
 * How a comparison is split into pages, so that a page stays a sane size when thousands of reports come: up to
 * `limit` rows, one page with every year (the year is then a filter); beyond it, one page per year, the newest
 * year first (under the comparison's own URL), and a year with more than `limit` rows in parts of `limit` rows
 * in the table's order. Filters and sorting then work within a page; every row is on exactly one page.
 */
export function comparePages<T extends { facets: Facets }>(rows: readonly T[], limit: number): ComparePage<T>[] {
  const years = [...new Set(rows.map((r) => r.facets.year))].sort((a, b) => b - a);
  if (rows.length <= limit) return [{ slug: '', years, part: 1, parts: 1, rows: [...rows] }];
  const byYear = groupBy(rows, (r) => r.facets.year);
  return years.flatMap((year, i) => {
    const all = byYear.get(year) ?? [];
    const parts = Math.ceil(all.length / limit);
    return Array.from({ length: parts }, (_, k) => ({
      slug: i === 0 && k === 0 ? '' : k === 0 ? String(year) : `${year}-${k + 1}`,
      years: [year],
      part: k + 1,
      parts,
      rows: all.slice(k * limit, (k + 1) * limit),
    }));
  });
}

/** One page of a comparison's rows of one province. */
export interface ProvinceComparePage<T> extends ComparePage<T> {
  province: string;
  /** The province's ASCII folder, as its partition has it (src/lib/partition.ts partitionFolder). */
  folder: string;
  /** The page under compare/<comparison>/: the folder, or `<folder>/<slug>` for the further pages of a large province. */
  path: string;
}

/**
 * A comparison's pages, one per province (in the order of their folders), so that no page holds every row: at
 * 10,000 reports one page of every row was 1.6 MB gzipped. A province with more rows than `limit` is split
 * further by year and parts, as comparePages splits a table; every row is on exactly one page.
 */
export function provinceComparePages<T extends { facets: Facets }>(rows: readonly T[], limit: number): ProvinceComparePage<T>[] {
  const byProvince = groupBy(rows, (r) => r.facets.province);
  return provincesOf([...byProvince.keys()].map((province) => ({ province }))).flatMap((province) => {
    const folder = partitionFolder(province);
    return comparePages(byProvince.get(province) ?? [], limit).map((page) => ({
      ...page,
      province,
      folder,
      path: page.slug === '' ? folder : `${folder}/${page.slug}`,
    }));
  });
}

/**
 * The median of exact decimals, exact: the middle value, or halfway between the two middle ones (one more
 * decimal at most); null for no value or one that is not a number.
 */
export function medianDecimal(values: readonly string[]): string | null {
  if (values.length === 0) return null;
  const scale = Math.max(...values.map(statedDecimals));
  const scaled: bigint[] = [];
  for (const value of values) {
    const n = scaleExact(value, scale);
    if (n === null) return null;
    scaled.push(n);
  }
  scaled.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const middle = scaled.length >> 1;
  const high = scaled[middle] ?? 0n;
  if (scaled.length % 2 === 1) return formatScaled(high, scale);
  // (a + b) / 2 = (a + b) × 5 / 10: exact with one more decimal
  return formatScaled(((scaled[middle - 1] ?? 0n) + high) * 5n, scale + 1);
}

/** What the national page of a comparison says of one province: how many rows and reports, and medians. */
export interface ProvinceSummary {
  province: string;
  folder: string;
  rows: number;
  reports: number;
  /**
   * Per metric and phase ('' for rows not about one phase), the median of the values the rows state or give, with
   * how many there are. A median is taken within one phase: a budget is never mixed with what was spent.
   */
  medians: Record<string, Partial<Record<Phase | '', { median: string; count: number }>>>;
}

/** A metric's value of a row as an exact decimal, or null when the row has none. */
export type SummaryValue<T> = (row: T) => string | null;

export function provinceSummaries<T extends { facets: Facets; report: { id: string } }>(
  rows: readonly T[],
  values: Readonly<Record<string, SummaryValue<T>>>,
): ProvinceSummary[] {
  const byProvince = groupBy(rows, (r) => r.facets.province);
  return provincesOf([...byProvince.keys()].map((province) => ({ province }))).map((province) => {
    const own = byProvince.get(province) ?? [];
    const medians: ProvinceSummary['medians'] = {};
    for (const [metric, value] of Object.entries(values)) {
      const perPhase: ProvinceSummary['medians'][string] = {};
      for (const [phase, phaseRows] of groupBy(own, (r) => r.facets.phase)) {
        const stated = phaseRows.flatMap((r) => value(r) ?? []);
        const median = medianDecimal(stated);
        if (median !== null) perPhase[phase] = { median, count: stated.length };
      }
      medians[metric] = perPhase;
    }
    return { province, folder: partitionFolder(province), rows: own.length, reports: new Set(own.map((r) => r.report.id)).size, medians };
  });
}

/** The phases a comparison's rows are about, in the vocabulary's order ('' alone for rows not about one phase). */
export function phasesOf(rows: readonly { facets: Facets }[]): (Phase | '')[] {
  const present = new Set(rows.map((r) => r.facets.phase));
  return [...(present.has('') ? [''] : []), ...PHASE_NAMES.filter((p) => present.has(p))] as (Phase | '')[];
}

/** The values each comparison's national page summarises, one per metric of COMPARISON_METRICS. */
export const SUMMARY_VALUES = {
  sangong: { parts: (r) => r.total?.value_yuan ?? null, perStaff: (r) => r.perStaffYuan },
  execution: {
    stated: (r) => exactPercent(r.stated),
    initial: (r) => r.onInitial?.percent ?? null,
    adjusted: (r) => r.onAdjusted?.percent ?? null,
  },
  shares: { shares: (r) => r.basic?.percent ?? null },
  score: { score: (r) => (r.score.unit === '分' && plainDecimal(r.score.value) !== '' ? plainDecimal(r.score.value) : null) },
} satisfies {
  sangong: Record<string, SummaryValue<SangongCompareRow>>;
  execution: Record<string, SummaryValue<ExecutionCompareRow>>;
  shares: Record<string, SummaryValue<ShareCompareRow>>;
  score: Record<string, SummaryValue<ScoreCompareRow>>;
};

/** A page's name in links and titles: its years, and its part of a large year ("2024（第 2/3 部分）"). */
export function comparePageName(page: Pick<ComparePage<unknown>, 'years' | 'part' | 'parts'>): string {
  const years = page.years.join('、');
  return page.parts > 1 ? t('compare.yearPart', { year: years, part: page.part, parts: page.parts }) : years;
}

/**
 * The number of rows above which a province's page of a comparison is split by year (and a year in parts): a
 * page must stay under 60 KB gzipped with everything it loads. Measured on the 三公 pages of the synthetic corpus
 * (npm run bench): a row costs about 160 bytes gzipped (each amount carries its quote as a tooltip), each report
 * it cites about 105 bytes more in the provenance table, the two charts (at most 40 bars each) and the page's
 * chrome about 19 KB; 120 rows make about 51 KB.
 */
export const COMPARE_PAGE_LIMIT = 120;

/** The number of rows a chart draws at most; a longer table is drawn as its first rows by the chart's value. */
export const CHART_ROW_LIMIT = 40;

/**
 * The rows a chart draws: those with a value, the largest first, at most `limit`. Values are approximate
 * numbers for drawing only; the table keeps the exact ones.
 */
export function chartRows<T>(rows: readonly T[], value: (row: T) => number | null, limit = CHART_ROW_LIMIT): T[] {
  return rows
    .map((row) => ({ row, v: value(row) }))
    .filter((x): x is { row: T; v: number } => x.v !== null && Number.isFinite(x.v))
    .sort((a, b) => b.v - a.v)
    .slice(0, limit)
    .map((x) => x.row);
}

/** A unit's place for a table cell: province, city and county, a city that repeats its province once ("上海市 普陀区"). */
export function regionLabel(unit: Pick<Unit, 'province' | 'city' | 'county'> | undefined): string {
  if (!unit) return '';
  return [...new Set([unit.province, unit.city, unit.county])].filter((name) => name !== '').join(' ');
}

/** The comparison pages, their pages per province (and year when split), and their embeddable charts (relative to the site root). */
export const COMPARISONS = ['sangong', 'execution', 'shares', 'score'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const compareRoutes = {
  /** The national page (path ''), or a province's page: `compare/<comparison>/<folder>.html`, `…/<folder>/<year>.html` (ProvinceComparePage). */
  page: (comparison: Comparison, path = '') => (path === '' ? `compare/${comparison}.html` : `compare/${comparison}/${path}.html`),
  /**
   * An embeddable chart: the national page's, `embed/<comparison>.html` or `embed/<comparison>-<metric>.html`
   * (embedName), or a province page's (path as in `page`), `embed/<comparison>/<path>.html` or `embed/<comparison>-<metric>/<path>.html`.
   */
  embed: (name: string, path = '') => (path === '' ? `embed/${name}.html` : `embed/${name}/${path}.html`),
};

/**
 * Chart labels that tell rows apart: a chart draws one band per label, so two rows with the same label (a unit's
 * 部门预算 and 单位预算 of one year) would be stacked into one bar. A label two rows share gets each row's detail
 * (its report's title) without the words all their details begin with, and a number if that is shared too.
 */
export function distinctLabels<T>(rows: readonly T[], label: (row: T) => string, detail: (row: T) => string): (row: T) => string {
  const groups = groupBy(rows, label);
  const out = new Map<T, string>();
  for (const [base, group] of groups) {
    if (group.length === 1) {
      for (const row of group) out.set(row, base);
      continue;
    }
    const details = group.map((row) => [...detail(row)]);
    const first = details[0] ?? [];
    let common = 0;
    while (common < first.length && details.every((d) => d[common] === first[common])) common++;
    const used = new Map<string, number>();
    group.forEach((row, i) => {
      const rest = (details[i] ?? []).slice(common).join('');
      const detailed = rest === '' ? base : `${base}（${rest}）`;
      const n = (used.get(detailed) ?? 0) + 1;
      used.set(detailed, n);
      out.set(row, n > 1 ? `${detailed} ${n}` : detailed);
    });
  }
  return (row) => out.get(row) ?? label(row);
}

/** A stated rate as an exact percentage for sorting and export ("0.628571429" ratio → "62.8571429"); null if not a rate. */
export function exactPercent(rate: Pick<FigureEntry, 'value' | 'unit'>): string | null {
  if (rate.unit !== '%' && rate.unit !== 'ratio') return null;
  const decimals = statedDecimals(rate.value);
  const scaled = scaleExact(rate.value, decimals);
  if (scaled === null) return null;
  return formatScaled(rate.unit === 'ratio' ? scaled * 100n : scaled, decimals);
}

/** A stated number as a plain decimal for sorting and export ("1,153.8" → "1153.8"); '' when it is not one. */
export function plainDecimal(value: string): string {
  const scaled = scaleExact(value, statedDecimals(value));
  return scaled === null ? '' : formatScaled(scaled, statedDecimals(value));
}

/** The charts each comparison offers, in the order of its metric control (the first is the default). */
export const COMPARISON_METRICS: Record<Comparison, readonly string[]> = {
  sangong: ['parts', 'perStaff'],
  execution: ['stated', 'initial', 'adjusted'],
  shares: ['shares'],
  score: ['score'],
};

/** A comparison's title, as its pages, its navigation and its embeds name it. */
export function comparisonTitle(comparison: Comparison): string {
  const keys = {
    sangong: 'sangong.title',
    execution: 'execution.title',
    shares: 'compare.shares.title',
    score: 'compare.score.title',
  } as const;
  return t(keys[comparison]);
}

/** The name of an embed page: the comparison for its first chart, `<comparison>-<metric>` for the others. */
export function embedName(comparison: Comparison, metric: string): string {
  return metric === COMPARISON_METRICS[comparison][0] ? comparison : `${comparison}-${metric}`;
}

/**
 * Every page the comparisons build (their national page, one page per province and year when split, and the embeds
 * of each), for the sitemap. `embedMetrics` names the metrics of a page (path '' for the national one) whose chart
 * draws something: only those have an embed (src/lib/compare-pages.ts embedMetrics).
 */
export function comparisonPaths(
  units: readonly Unit[],
  reports: readonly ReportEntry[],
  figures: readonly FigureEntry[],
  embedMetrics: (comparison: Comparison, path: string) => readonly string[],
): string[] {
  const paths = (rows: { facets: Facets }[]) => provinceComparePages(rows, COMPARE_PAGE_LIMIT).map((p) => p.path);
  const pages: Record<Comparison, string[]> = {
    sangong: paths(sangongCompareRows(units, reports, figures)),
    execution: paths(executionCompareRows(units, reports, figures)),
    shares: paths(shareCompareRows(units, reports, figures)),
    score: paths(scoreCompareRows(units, reports, figures)),
  };
  return COMPARISONS.flatMap((c) => [
    compareRoutes.page(c),
    ...pages[c].map((path) => compareRoutes.page(c, path)),
    ...embedMetrics(c, '').map((metric) => compareRoutes.embed(embedName(c, metric))),
    ...pages[c].flatMap((path) => embedMetrics(c, path).map((metric) => compareRoutes.embed(embedName(c, metric), path))),
  ]);
}
