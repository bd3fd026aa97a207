import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { figureExportRows, figuresCsv, figuresJson, type ExportRow } from '../../../lib/export';
import { siteBase } from '../../../lib/site';
import { figuresOf, textOf } from '../../../lib/report-files';

/** data/figures/<report id>.csv and .json: the figures of one report, the rows of the site-wide figures.csv. */
export const getStaticPaths = (async () => {
  const reports = await getCollection('reports');
  // the figures and the text are read per file, not here: every file's props are held for the whole build
  return reports.flatMap(({ data: report }) =>
    (['csv', 'json'] as const).map((ext) => ({ params: { file: `${report.id}.${ext}` }, props: { report, ext } })),
  );
}) satisfies GetStaticPaths;

/** The rows of the last report exported: its .csv and its .json are built one after the other from the same rows. */
let last: { key: string; rows: ExportRow[] } | null = null;
function rowsOf(reportId: string, site: URL | undefined): ExportRow[] {
  const key = `${reportId}\u0000${site?.href ?? ''}`;
  if (last?.key !== key)
    last = { key, rows: figureExportRows(figuresOf(reportId), new Map([[reportId, textOf(reportId)]]), siteBase(site)) };
  return last.rows;
}

export const GET: APIRoute = ({ props, site }) => {
  const { report, ext } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const rows = rowsOf(report.id, site);
  return ext === 'csv'
    ? new Response(figuresCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(figuresJson(rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
