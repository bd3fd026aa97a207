// @ts-check
import { defineConfig } from 'astro/config';

// Pages link to each other with relative URLs and inline their CSS, so the built site works from any
// folder of any static host (a GitHub Pages subfolder, a CDN, a USB stick) without a base setting.
export default defineConfig({
  output: 'static',
  build: { format: 'file', inlineStylesheets: 'always' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
});
