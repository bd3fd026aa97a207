import { getCollection } from 'astro:content';
import { currentVersion } from '../../lib/changelog';
import { buildTables, type Table } from '../../lib/downloads';
import type { DatasetVersion } from '../../lib/downloads';
import { siteBase } from '../../lib/site';
import { allFigures, allFindings, allIndicators, textOf } from '../../lib/report-files';

/**
 * The download tables of the whole site, built once per build: twenty endpoints (data/*.csv|json, the
 * package and data.html) ask for them, and building every table from every collection twenty times grew
 * with the dataset twenty times over.
 */
const built = new Map<string, Promise<Table[]>>();
export function siteTables(site: URL | undefined): Promise<Table[]> {
  const key = site?.href ?? '';
  let tables = built.get(key);
  if (tables === undefined) built.set(key, (tables = buildSiteTables(site)));
  return tables;
}

async function buildSiteTables(site: URL | undefined): Promise<Table[]> {
  const [units, reports] = await Promise.all([getCollection('units'), getCollection('reports')]);
  const data = <T>(entries: { data: T }[]) => entries.map((e) => e.data);
  return buildTables(
    {
      units: data(units),
      reports: data(reports),
      textOf,
      figures: allFigures(),
      indicators: allIndicators(),
      findings: allFindings(),
    },
    siteBase(site),
  );
}

export async function datasetVersion(): Promise<DatasetVersion> {
  return currentVersion((await getCollection('changelog')).map((e) => e.data));
}
