/**
 * Every page links to every other with a relative URL, so the site works from any folder of any static
 * host and from a USB stick. Targets are written from the site root without a leading slash.
 */
export const routes = {
  home: 'index.html',
  units: 'units.html',
  unit: (id: string) => `units/${id}.html`,
  report: (id: string) => `reports/${id}.html`,
  sangong: 'compare/sangong.html',
  execution: 'compare/execution.html',
  search: 'search.html',
  data: 'data.html',
  figuresCsv: 'data/figures.csv',
  figuresJson: 'data/figures.json',
  findings: 'findings.html',
  methodology: 'methodology.html',
  glossary: 'glossary.html',
  findingsCsv: 'data/findings.csv',
  findingsJson: 'data/findings.json',
  /** A site-wide download table (src/lib/downloads.ts), e.g. data/units.csv. */
  table: (name: string, ext: 'csv' | 'json') => `data/${name}.${ext}`,
  /** The Frictionless Data Package and its BOM-less CSVs. */
  dataPackage: 'data/package/datapackage.json',
  packageTable: (name: string) => `data/package/${name}.csv`,
  /** The figures of one report only (what a report or unit page offers as 下载本页数字). */
  reportFigures: (id: string, ext: 'csv' | 'json') => `data/figures/${id}.${ext}`,
  /** The published file a report was read from, as kept in data/originals/ (src/pages/originals/[file].ts). */
  original: (id: string, format: string) => `originals/${id}.${format}`,
  changelog: 'changelog.html',
  /** Browsing by region, year, kind and department type (src/lib/browse.ts). */
  browse: 'browse.html',
  browsePage: (facet: string, key: string) => `browse/${facet}/${key}.html`,
  feed: 'feed.xml',
  sitemap: 'sitemap.xml',
} as const;

/** The relative URL from the page at `currentPath` (e.g. "/reports/x.html" or "/reports/x") to `target`. */
export function relativeHref(currentPath: string, target: string): string {
  const segments = currentPath.replace(/^\/+/, '').split('/');
  return '../'.repeat(Math.max(0, segments.length - 1)) + target;
}
