import type { APIRoute, GetStaticPaths } from 'astro';
import { TABLE_NAMES, spreadsheetCsv, tableJson } from '../../lib/downloads';
import { siteTables } from './_tables';

/** data/<table>.csv (Excel and WPS: BOM, neutralised) and data/<table>.json for the six tables. */
export const getStaticPaths = (() =>
  TABLE_NAMES.flatMap((name) => ['csv', 'json'].map((ext) => ({ params: { file: `${name}.${ext}` } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const [name, ext] = String(params.file).split('.');
  const table = (await siteTables(site)).find((t) => t.name === name);
  if (!table) throw new Error(`no download table ${name}`);
  return ext === 'csv'
    ? new Response(spreadsheetCsv(table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(tableJson(table), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
