import { sha256 } from './dataset-files';
import { siteUrl } from './site';

/**
 * The sitemap (sitemaps.org) and the Atom feed (RFC 4287) of the site, as text. Titles come from the reports
 * and are hostile: every text is escaped, and characters XML 1.0 cannot hold are dropped, so a report cannot
 * make the feed unreadable or add elements to it.
 */

/** Characters outside XML 1.0's Char production (controls, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * sitemap.xml for `targets` (pages from the site root; '' is the home page). Sitemaps require absolute URLs,
 * so there is none without a site URL: the caller writes the file only when one is set.
 */
export function sitemapXml(base: string, targets: readonly string[]): string {
  const urls = targets.map((target) => `  <url><loc>${escapeXml(siteUrl(base, target))}</loc></url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}</urlset>\n`;
}

export interface FeedEntry {
  /** Stable key of the entry (a report id); the entry's Atom id derives from it. */
  key: string;
  title: string;
  /** Page of the entry, from the site root. */
  target: string;
  /** Date the entry last changed (YYYY-MM-DD). */
  updated: string;
  /** Date the report was published, when it states one (YYYY-MM-DD). */
  published: string;
  summary: string;
}

export interface Feed {
  title: string;
  /** Who publishes the feed (Atom requires an author). */
  author: string;
  subtitle: string;
  /** Date of the dataset's last change (YYYY-MM-DD): the feed's <updated>, never the build's clock. */
  updated: string;
  entries: readonly FeedEntry[];
}

/**
 * An Atom id for `key`. With a site URL it is the entry's own address; without one, a name-based UUID
 * (the sha256 of the key, shaped as a version-8 UUID), an absolute IRI as Atom requires that does not move
 * when the site does.
 */
export function atomId(base: string | null, key: string, target: string): string {
  if (base !== null) return siteUrl(base, target);
  const h = sha256(`mingzhang:${key}`);
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const atomDate = (date: string) => `${date}T00:00:00Z`;

/**
 * feed.xml. Links are absolute under a site URL; without one they are relative, which Atom resolves against
 * the feed's own address (feed.xml sits at the site root, like the targets).
 */
export function atomFeed(base: string | null, feed: Feed): string {
  const link = (target: string) => escapeXml(siteUrl(base, target));
  const entries = feed.entries.map(
    (e) =>
      `  <entry>\n` +
      `    <id>${escapeXml(atomId(base, `report:${e.key}`, e.target))}</id>\n` +
      `    <title>${escapeXml(e.title)}</title>\n` +
      `    <link rel="alternate" type="text/html" href="${link(e.target)}"/>\n` +
      `    <updated>${atomDate(e.updated)}</updated>\n` +
      (e.published ? `    <published>${atomDate(e.published)}</published>\n` : '') +
      `    <summary>${escapeXml(e.summary)}</summary>\n` +
      `  </entry>\n`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n` +
    `  <id>${escapeXml(atomId(base, 'feed', 'feed.xml'))}</id>\n` +
    `  <title>${escapeXml(feed.title)}</title>\n` +
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>\n` +
    `  <link rel="self" type="application/atom+xml" href="${link('feed.xml')}"/>\n` +
    `  <link rel="alternate" type="text/html" href="${link('index.html')}"/>\n` +
    `  <updated>${atomDate(feed.updated)}</updated>\n` +
    `  <author><name>${escapeXml(feed.author)}</name></author>\n` +
    entries.join('') +
    `</feed>\n`
  );
}
