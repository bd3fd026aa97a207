import { createHash } from 'node:crypto';
import type { ReportEntry } from '../schemas/report';
import type { Unit } from '../schemas/unit';
import { REPORT_KINDS } from '../schemas/vocabulary';
import { routes } from './paths';
import { groupBy } from './views';

/**
 * The browse pages: every unit and report reachable by region (province → city → county), fiscal year, report
 * kind and department type, as static pages that work without JavaScript. The units and reports are grouped
 * once (one pass each), so the work grows linearly with the dataset; long lists are split into pages of
 * BROWSE_PAGE_SIZE units so that no page grows with the whole country.
 */

/** Units per list page: about 50 KB of HTML. */
export const BROWSE_PAGE_SIZE = 200;

export const BROWSE_FACETS = ['region', 'year', 'kind', 'type'] as const;
export type BrowseFacet = (typeof BROWSE_FACETS)[number];

/** What a browse page needs of a report (not its text). */
export type BrowseReport = Pick<ReportEntry, 'id' | 'unit_id' | 'year' | 'kind' | 'title'>;

/** A unit with the reports a page lists for it (of the page's year or kind, or all of them). */
export interface BrowseEntry {
  unit: Unit;
  reports: BrowseReport[];
}

/** A link to a browse page with what it holds. */
export interface BrowseLink {
  label: string;
  target: string;
  units: number;
  reports: number;
  /** Regions inside a region (a province's cities with their counties). */
  children: BrowseLink[];
}

export interface BrowsePage {
  facet: BrowseFacet;
  /** File name under browse/<facet>/ without .html (the `key` route parameter). */
  key: string;
  target: string;
  /** The facet value: a region's names from the province down, a year, a kind or a department type. */
  path: string[];
  /** Links to the pages of the regions above this one (a region page only). */
  crumbs: { label: string; target: string }[];
  /** Regions inside this one, with counts (a province or city page). */
  children: BrowseLink[];
  /** This page's share of the units, in region order. */
  entries: BrowseEntry[];
  /** Units and reports under the facet value, across all its pages. */
  units: number;
  reports: number;
  /** 1-based number of this page among the facet value's pages. */
  page: number;
  pages: { page: number; target: string }[];
}

export interface BrowseIndex {
  /** Provinces with their cities and counties. */
  regions: BrowseLink[];
  years: BrowseLink[];
  kinds: BrowseLink[];
  types: BrowseLink[];
  pages: BrowsePage[];
  units: number;
  reports: number;
}

/**
 * A file name for a facet value: a year as it is, anything else (place names, kinds and department types are
 * Chinese and come from the data) as a short hash, so that no name can shape a path.
 */
export function browseKey(facet: BrowseFacet, path: readonly string[]): string {
  if (facet === 'year' && path.length === 1 && /^\d{4}$/.test(path[0] ?? '')) return path[0] ?? '';
  return createHash('sha256')
    .update(JSON.stringify([facet, ...path]))
    .digest('hex')
    .slice(0, 12);
}

/** A region's names from the province down as one address, as Chinese writes it: 上海市 (province and city) once. */
export function regionAddress(path: readonly string[]): string {
  return path.filter((name, k) => name !== path[k - 1]).join('');
}

const pageKey = (key: string, page: number) => (page === 1 ? key : `${key}-${page}`);
const collator = new Intl.Collator('zh-CN');
const regionOrder = (a: Unit, b: Unit) =>
  collator.compare(a.province, b.province) ||
  collator.compare(a.city, b.city) ||
  collator.compare(a.county, b.county) ||
  collator.compare(a.name, b.name) ||
  a.id.localeCompare(b.id);
const byYearThenKind = (a: BrowseReport, b: BrowseReport) =>
  b.year - a.year || REPORT_KINDS.indexOf(a.kind) - REPORT_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id);

/** Splits a list into pages of `size` (at least one page, so that an empty value still has its page). */
export function paginate<T>(items: readonly T[], size = BROWSE_PAGE_SIZE): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

const countReports = (entries: readonly BrowseEntry[]) => entries.reduce((n, e) => n + e.reports.length, 0);
const noLinks = { crumbs: [], children: [] };

/** Every browse page and the links of the browse home page, from the units and reports (each grouped once). */
export function browseIndex(units: readonly Unit[], reports: readonly BrowseReport[]): BrowseIndex {
  const sortedUnits = [...units].sort(regionOrder);
  const unitById = new Map(sortedUnits.map((u) => [u.id, u]));
  const sortedReports = [...reports].sort(byYearThenKind);
  const reportsByUnit = groupBy(sortedReports, (r) => r.unit_id);
  /** Every unit of a list, with all its reports (a unit with none is listed too). */
  const unitEntries = (list: readonly Unit[]): BrowseEntry[] => list.map((unit) => ({ unit, reports: reportsByUnit.get(unit.id) ?? [] }));
  /** The units of some reports, in region order, each with those of the reports that are its own. */
  const reportEntries = (list: readonly BrowseReport[]): BrowseEntry[] =>
    [...groupBy(list, (r) => r.unit_id)]
      .flatMap(([id, own]) => {
        const unit = unitById.get(id);
        return unit ? [{ unit, reports: own }] : [];
      })
      .sort((a, b) => regionOrder(a.unit, b.unit));

  const pages: BrowsePage[] = [];
  /**
   * Adds the pages of one facet value and returns the link to its first page. `counted` are the units under the
   * value; `listed` those its pages list (none on a province page: its cities' pages list them).
   */
  const addPages = (
    facet: BrowseFacet,
    path: string[],
    label: string,
    counted: BrowseEntry[],
    listed: BrowseEntry[],
    links: Pick<BrowsePage, 'crumbs' | 'children'>,
  ): BrowseLink => {
    const key = browseKey(facet, path);
    const chunks = paginate(listed);
    const targets = chunks.map((_, k) => ({ page: k + 1, target: routes.browsePage(facet, pageKey(key, k + 1)) }));
    const reportCount = countReports(counted);
    chunks.forEach((entries, k) => {
      const target = targets[k]?.target ?? '';
      pages.push({
        facet,
        key: pageKey(key, k + 1),
        target,
        path,
        ...links,
        entries,
        units: counted.length,
        reports: reportCount,
        page: k + 1,
        pages: targets,
      });
    });
    return { label, target: targets[0]?.target ?? '', units: counted.length, reports: reportCount, children: links.children };
  };

  // A county page lists its units; a city page its counties and its units (the city's own departments, which
  // have no county, among them); a province page its cities with their counties, and only the province's own
  // departments (which have no city): all its units would be thousands at the scale of the country.
  const regions = [...groupBy(sortedUnits, (u) => u.province)].map(([province, inProvince]) => {
    const provinceCrumb = { label: province, target: routes.browsePage('region', browseKey('region', [province])) };
    const cities = [...groupBy(inProvince, (u) => u.city)]
      .filter(([city]) => city !== '')
      .map(([city, inCity]) => {
        const cityCrumb = { label: city, target: routes.browsePage('region', browseKey('region', [province, city])) };
        const counties = [...groupBy(inCity, (u) => u.county)]
          .filter(([county]) => county !== '')
          .map(([county, inCounty]) => {
            const entries = unitEntries(inCounty);
            return addPages('region', [province, city, county], county, entries, entries, {
              crumbs: [provinceCrumb, cityCrumb],
              children: [],
            });
          });
        const entries = unitEntries(inCity);
        return addPages('region', [province, city], city, entries, entries, { crumbs: [provinceCrumb], children: counties });
      });
    const ownDepartments = unitEntries(inProvince.filter((u) => u.city === ''));
    return addPages('region', [province], province, unitEntries(inProvince), ownDepartments, { crumbs: [], children: cities });
  });

  const years = [...groupBy(sortedReports, (r) => r.year)].map(([year, list]) => {
    const entries = reportEntries(list);
    return addPages('year', [String(year)], String(year), entries, entries, noLinks);
  });
  const byKind = groupBy(sortedReports, (r) => r.kind);
  const kinds = REPORT_KINDS.flatMap((kind) => {
    const list = byKind.get(kind);
    if (!list) return [];
    const entries = reportEntries(list);
    return [addPages('kind', [kind], kind, entries, entries, noLinks)];
  });
  const types = [...groupBy(sortedUnits, (u) => u.department_type)]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([type, list]) => {
      const entries = unitEntries(list);
      return addPages('type', [type], type, entries, entries, noLinks);
    });

  return { regions, years, kinds, types, pages, units: units.length, reports: reports.length };
}
