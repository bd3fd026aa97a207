/**
 * npm run screenshot -- [page ...] — builds nothing; photographs pages of dist/ in headless Chromium
 * (Debian's /usr/bin/chromium) at phone and desktop widths into screenshots/ (not committed).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/helpers/static-server';

const pages = process.argv.slice(2);
const targets = pages.length > 0 ? pages : ['index.html'];
const out = join(process.cwd(), 'screenshots');
mkdirSync(out, { recursive: true });
const site = await serveStatic(join(process.cwd(), 'dist'), '/mingzhang/');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const page = await browser.newPage({ viewport });
    for (const target of targets) {
      await page.goto(site.url + target, { waitUntil: 'networkidle' });
      const file = join(out, `${target.replace(/[/#?.]+/g, '_')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: name === 'desktop' ? false : false });
      console.error(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
