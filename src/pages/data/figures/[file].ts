import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { figureExportRows, figuresCsv, figuresJson } from '../../../lib/export';
import { siteBase } from '../../../lib/site';
import { groupBy } from '../../../lib/views';

/** data/figures/<report id>.csv and .json: the figures of one report, the rows of the site-wide figures.csv. */
export const getStaticPaths = (async () => {
  const [reports, figures] = await Promise.all([getCollection('reports'), getCollection('figures')]);
  // grouped once: filtering every figure for every report grew with reports × figures
  const figuresByReport = groupBy(figures.map((e) => e.data), (f) => f.report_id);
  return reports.flatMap(({ data: report }) => {
    const own = figuresByReport.get(report.id) ?? [];
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
