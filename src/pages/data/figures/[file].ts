import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { figureExportRows, figuresCsv, figuresJson } from '../../../lib/export';
import { siteBase } from '../../../lib/site';
import { figuresOf } from '../../../lib/report-files';

/** data/figures/<report id>.csv and .json: the figures of one report, the rows of the site-wide figures.csv. */
export const getStaticPaths = (async () => {
  const reports = await getCollection('reports');
  return reports.flatMap(({ data: report }) => {
    const own = figuresOf(report.id);
    return (['csv', 'json'] as const).map((ext) => ({ params: { file: `${report.id}.${ext}` }, props: { report, figures: own, ext } }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { report, figures, ext } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const rows = figureExportRows(figures, new Map([[report.id, report.text]]), siteBase(site));
  return ext === 'csv'
    ? new Response(figuresCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(figuresJson(rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
