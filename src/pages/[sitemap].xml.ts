import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { allFigures, allFindings } from '../lib/report-files';
import { sitemapXml } from '../lib/feeds';
import { routes } from '../lib/paths';
import { browseIndex } from '../lib/browse';
import { siteBase } from '../lib/site';
import { comparisonPaths } from '../lib/compare';
import { embedMetricsOfEveryPage } from '../lib/compare-pages';
import { findingsPages, findingsProvinceRoute } from '../lib/findings-provinces';

/**
 * sitemap.xml, written only when the build has a site URL (SITE_URL): a sitemap's URLs must be absolute, and
 * the site is otherwise built to work from any folder. (A dynamic route, so that it can produce no file.)
 */
export const getStaticPaths = (() =>
  siteBase(import.meta.env.SITE) === null ? [] : [{ params: { sitemap: 'sitemap' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const base = siteBase(site);
  if (base === null) throw new Error('sitemap.xml needs a site URL (SITE_URL)');
  const [units, reports] = await Promise.all([getCollection('units'), getCollection('reports')]);
  const pages = [
    '',
    ...comparisonPaths(
      units.map((u) => u.data),
      reports.map((r) => r.data),
      allFigures(),
      await embedMetricsOfEveryPage(),
    ),
    routes.findings,
    ...findingsPages(
      units.map((u) => u.data),
      reports.map((r) => r.data),
      allFindings(),
    ).map((p) => findingsProvinceRoute(p.path)),
    routes.search,
    routes.data,
    routes.methodology,
    routes.glossary,
    routes.changelog,
    ...units.map((u) => routes.unit(u.id)),
    ...reports.map((r) => routes.report(r.id)),
    routes.browse,
    ...browseIndex(
      units.map((u) => u.data),
      reports.map((r) => r.data),
    ).pages.map((p) => p.target),
  ];
  return new Response(sitemapXml(base, pages), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
