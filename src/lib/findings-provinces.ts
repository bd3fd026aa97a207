import { groupBy } from './views';
import { partitionFolder, provincesOf } from './partition';

/**
 * The findings pages, one per province (findings/<folder>.html, with the ASCII folders of src/lib/partition.ts):
 * one page of every finding and every report's completeness grew without bound (29 MB of HTML at 2,000 reports).
 * The national page (findings.html) lists the provinces with their counts.
 */
export interface FindingsProvince<R, F> {
  province: string;
  folder: string;
  /** The province's reports, in the order given. */
  reports: R[];
  /** Their findings, in the order given. */
  findings: F[];
}

/** The provinces that have a report, in the order of their folders, each with its reports and their findings. */
export function findingsProvinces<R extends { id: string; unit_id: string }, F extends { report_id: string }>(
  units: readonly { id: string; province: string }[],
  reports: readonly R[],
  findings: readonly F[],
): FindingsProvince<R, F>[] {
  const provinceOf = new Map(units.map((u) => [u.id, u.province]));
  const reportsByProvince = groupBy(reports, (r) => provinceOf.get(r.unit_id) ?? '');
  const reportProvince = new Map(reports.map((r) => [r.id, provinceOf.get(r.unit_id) ?? '']));
  const findingsByProvince = groupBy(findings, (f) => reportProvince.get(f.report_id) ?? '');
  return provincesOf([...reportsByProvince.keys()].map((province) => ({ province }))).map((province) => ({
    province,
    folder: partitionFolder(province),
    reports: reportsByProvince.get(province) ?? [],
    findings: findingsByProvince.get(province) ?? [],
  }));
}

/** One findings page: a province's, or one year of a province with more rows than fit on a page. */
export interface FindingsPage<R, F> extends FindingsProvince<R, F> {
  /** Under findings/: the folder, or `<folder>/<year>` for the further years of a split province. */
  path: string;
  /** The year the page holds when its province is split by year, else null. */
  year: number | null;
}

/**
 * The number of rows (findings and reports' completeness lines) above which a province's findings are split by
 * year. Measured on the synthetic corpus: a finding's row is about 340 bytes gzipped (its quotes), a completeness
 * line about 40, the page's chrome and filters about 7 KB: a page stays well under 60 KB gzipped.
 */
export const FINDINGS_PAGE_LIMIT = 300;

/**
 * The findings pages: one per province, and a province with more than `limit` rows one page per year, the newest
 * under the province's own URL. Every finding and every report is on exactly one page.
 */
export function findingsPages<R extends { id: string; unit_id: string; year: number }, F extends { report_id: string }>(
  units: readonly { id: string; province: string }[],
  reports: readonly R[],
  findings: readonly F[],
  limit = FINDINGS_PAGE_LIMIT,
): FindingsPage<R, F>[] {
  return findingsProvinces(units, reports, findings).flatMap((p): FindingsPage<R, F>[] => {
    if (p.reports.length + p.findings.length <= limit) return [{ ...p, path: p.folder, year: null }];
    const yearOf = new Map(p.reports.map((r) => [r.id, r.year]));
    const reportsByYear = groupBy(p.reports, (r) => r.year);
    const findingsByYear = groupBy(p.findings, (f) => yearOf.get(f.report_id) ?? 0);
    const years = [...reportsByYear.keys()].sort((a, b) => b - a);
    return years.map((year, i) => ({
      ...p,
      reports: reportsByYear.get(year) ?? [],
      findings: findingsByYear.get(year) ?? [],
      path: i === 0 ? p.folder : `${p.folder}/${year}`,
      year,
    }));
  });
}

/** The page of a province's findings, or of one of its years (relative to the site root). */
export const findingsProvinceRoute = (path: string) => `findings/${path}.html`;
