/**
 * The site's absolute address, when the build is given one (env SITE_URL → astro `site`). Pages link to each
 * other with relative URLs and work from any folder without it; only what must be absolute needs it:
 * canonical and og:url tags, the sitemap, and the links of the Atom feed and of the exports.
 */

/** The site URL as a base that relative targets resolve under (always ending in "/"), or null when unset. */
export function siteBase(site: URL | string | undefined): string | null {
  if (site === undefined || site === '') return null;
  const url = new URL(String(site));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must be an http(s) URL, got ${url.protocol}`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * A target of src/lib/paths.ts routes (written from the site root, e.g. "reports/x.html#f-1") as a link to
 * put in a file that leaves the site: absolute under the site URL when one is set, else as it is (relative
 * to the site root, which the data page says).
 */
export function siteUrl(base: string | null, target: string): string {
  return base === null ? target : new URL(target, base).href;
}

/**
 * The target (from the site root) of the page Astro builds at `pathname`: with build.format 'file' Astro
 * reports "/reports/x" or "/reports/x.html" for reports/x.html; the home page is the site root itself.
 */
export function pageTarget(pathname: string): string {
  const path = pathname.replace(/^\/+/, '');
  if (path === '' || path === 'index' || path === 'index.html') return '';
  return path.endsWith('.html') || path.endsWith('/') ? path : `${path}.html`;
}

/**
 * Every page's Content-Security-Policy. Report text is hostile input: besides escaping everything we render, every
 * page forbids inline scripts and event handlers and any script not served by the site itself, so an injected
 * `onerror=` or `<script>` cannot run even if some path forgot to escape. `wasm` lets a page run Pagefind's
 * WebAssembly (the search pages; the site's layout allows it on every page, an embed has no script at all);
 * inline styles stay allowed (Astro inlines the CSS, Plot styles its SVG). 'self' also covers pages opened from disk.
 */
export function contentSecurityPolicy({ wasm }: { wasm: boolean }): string {
  return [
    "default-src 'self'",
    wasm ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}
