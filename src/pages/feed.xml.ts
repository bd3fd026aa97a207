import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { t } from '../i18n';
import { atomFeed } from '../lib/feeds';
import { routes } from '../lib/paths';
import { siteBase } from '../lib/site';
import { datasetVersion } from './data/_tables';

/** feed.xml: one Atom entry per report, newest publication first; updated = the dataset's last change. */
export const GET: APIRoute = async ({ site }) => {
  const dataset = await datasetVersion();
  const reports = (await getCollection('reports')).map((e) => e.data);
  const newestFirst = [...reports].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const feed = atomFeed(siteBase(site), {
    title: t('feed.title'),
    author: t('site.name'),
    subtitle: t('site.description'),
    updated: dataset.date,
    entries: newestFirst.map((r) => ({
      key: r.id,
      title: r.title,
      target: routes.report(r.id),
      updated: dataset.date,
      published: r.date,
      summary: `${r.unit_name} · ${r.year} · ${r.kind}`,
    })),
  });
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
