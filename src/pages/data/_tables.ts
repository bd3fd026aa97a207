import { getCollection } from 'astro:content';
import { currentVersion } from '../../lib/changelog';
import { buildTables, type Table } from '../../lib/downloads';
import type { DatasetVersion } from '../../lib/downloads';
import { siteBase } from '../../lib/site';

/** The download tables of the whole site (every data endpoint wires src/lib/downloads.ts to the collections). */
export async function siteTables(site: URL | undefined): Promise<Table[]> {
  const [units, reports, figures, indicators, findings] = await Promise.all([
    getCollection('units'),
    getCollection('reports'),
    getCollection('figures'),
    getCollection('indicators'),
    getCollection('findings'),
  ]);
  const data = <T>(entries: { data: T }[]) => entries.map((e) => e.data);
  return buildTables(
    { units: data(units), reports: data(reports), figures: data(figures), indicators: data(indicators), findings: data(findings) },
    siteBase(site),
  );
}

export async function datasetVersion(): Promise<DatasetVersion> {
  return currentVersion((await getCollection('changelog')).map((e) => e.data));
}
