import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { distDir, requireBuild } from './built-site';
import { serveStatic } from './static-server';

/** Debian's Chromium (apt-get install chromium); playwright-core never downloads a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or null when they can. In CI a missing browser is an error, not a
 * skip: .ci/run installs it.
 */
export function browserUnavailable(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `no Chromium at ${chromiumPath} (install Debian's chromium package or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`browser tests must run in CI: ${reason}`);
  return reason;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** The built site served from a subfolder (as on GitHub Pages) and a page in Chromium (phone-sized unless asked). */
export interface SiteInBrowser {
  url: string;
  page: Page;
  close: () => Promise<void>;
}

export async function openBuiltSite(viewport = { width: 390, height: 844 }): Promise<SiteInBrowser> {
  requireBuild();
  const site = await serveStatic(distDir, '/mingzhang/');
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  return {
    url: site.url,
    page,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}

/** The built site served from a subfolder (as on GitHub Pages) and the Chromium its tests open pages in. */
export interface BuiltSiteInBrowser {
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Serves the built site and launches Chromium once for the calling describe block (beforeAll), and closes both
 * after it (afterAll), so that each test opens only the pages or contexts it needs. Call it at the top of the
 * describe, before the block's own beforeAll that needs the browser: hooks run in the order they are registered.
 * The fields exist only once beforeAll has run, so they are getters that say so when read too early (while
 * vitest collects the tests), not values read at the call.
 */
export function useBuiltSiteInBrowser(): BuiltSiteInBrowser {
  let site: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireBuild();
    site = await serveStatic(distDir, '/mingzhang/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const notYet = (what: string) => new Error(`the site's ${what} is set by beforeAll: read it in a hook or a test`);
  return {
    get url() {
      if (!site) throw notYet('url');
      return site.url;
    },
    get browser() {
      if (!browser) throw notYet('browser');
      return browser;
    },
  };
}
