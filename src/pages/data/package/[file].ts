import type { APIRoute, GetStaticPaths } from 'astro';
import { TABLE_NAMES, dataPackage, packageCsv } from '../../../lib/downloads';
import { siteBase } from '../../../lib/site';
import { datasetVersion, siteTables } from '../_tables';

/** The Frictionless Data Package: data/package/datapackage.json and its BOM-less, verbatim CSVs. */
export const getStaticPaths = (() => [
  { params: { file: 'datapackage.json' } },
  ...TABLE_NAMES.map((name) => ({ params: { file: `${name}.csv` } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const tables = await siteTables(site);
  if (params.file === 'datapackage.json') {
    return new Response(dataPackage(tables, await datasetVersion(), siteBase(site)), {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  const table = tables.find((t) => `${t.name}.csv` === params.file);
  if (!table) throw new Error(`no package table for ${String(params.file)}`);
  return new Response(packageCsv(table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
