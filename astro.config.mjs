// @ts-check
import { defineConfig } from 'astro/config';

// Pages link to each other with relative URLs and inline their CSS, so the built site works from any
// folder of any static host (a GitHub Pages subfolder, a CDN, a USB stick) without a base setting.
// SITE_URL (e.g. https://example.org/mingzhang/) is needed only for what must be absolute: canonical and og:url
// tags, the sitemap (written only when it is set) and absolute links in the feed and the downloads.
export default defineConfig({
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  output: 'static',
  build: { format: 'file', inlineStylesheets: 'always' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
});
