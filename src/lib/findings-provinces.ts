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

/** The page of a province's findings (relative to the site root). */
export const findingsProvinceRoute = (folder: string) => `findings/${folder}.html`;
