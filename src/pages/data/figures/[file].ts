import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { figureExportRows, figuresCsv, figuresJson } from '../../../lib/export';
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

export const GET: APIRoute = ({ props, site }) => {
  const { report, ext } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const rows = figureExportRows(figuresOf(report.id), new Map([[report.id, textOf(report.id)]]), siteBase(site));
  return ext === 'csv'
    ? new Response(figuresCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(figuresJson(rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
