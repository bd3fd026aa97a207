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
  findingsCsv: 'data/findings.csv',
  findingsJson: 'data/findings.json',
} as const;

/** The relative URL from the page at `currentPath` (e.g. "/reports/x.html" or "/reports/x") to `target`. */
export function relativeHref(currentPath: string, target: string): string {
  const segments = currentPath.replace(/^\/+/, '').split('/');
  return '../'.repeat(Math.max(0, segments.length - 1)) + target;
}
