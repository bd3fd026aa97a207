import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { distDir, htmlFiles, readPage, requireBuild } from './helpers/built-site';

// Every internal link and anchor of the built site must lead somewhere: a file that exists under dist/ and, when
// it names a fragment, an element with that id. External links (https:, mailto:) are not followed: tests never
// touch the network.
const LINKING = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
] as const;

interface Broken {
  page: string;
  link: string;
  why: string;
}

const idsOf = new Map<string, Set<string>>();
function idsIn(page: string): Set<string> {
  let ids = idsOf.get(page);
  if (!ids) {
    ids = new Set([...readPage(page).querySelectorAll('[id]')].map((e) => e.id));
    idsOf.set(page, ids);
  }
  return ids;
}

function brokenLinks(page: string, document: Document = readPage(page)): Broken[] {
  const broken: Broken[] = [];
  const ownIds = new Set([...document.querySelectorAll('[id]')].map((e) => e.id));
  for (const [selector, attribute] of LINKING) {
    for (const element of document.querySelectorAll(selector)) {
      const link = element.getAttribute(attribute) ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
      const hash = link.indexOf('#');
      const fragment = hash < 0 ? '' : link.slice(hash + 1);
      const path = (hash < 0 ? link : link.slice(0, hash)).replace(/\?.*$/, '');
      if (path === '') {
        if (fragment !== '' && !ownIds.has(decodeURIComponent(fragment)))
          broken.push({ page, link, why: `no element with id "${fragment}"` });
        continue;
      }
      const target = normalize(join(dirname(page), decodeURI(path)));
      if (target.startsWith('..')) {
        broken.push({ page, link, why: 'leaves the site' });
        continue;
      }
      const file = join(distDir, target);
      if (!existsSync(file) || statSync(file).isDirectory()) {
        broken.push({ page, link, why: 'no such file' });
        continue;
      }
      if (fragment !== '' && target.endsWith('.html') && !idsIn(target).has(decodeURIComponent(fragment))) {
        broken.push({ page, link, why: `no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}

describe('links in the built site', () => {
  requireBuild();
  const pages = htmlFiles();

  it('has pages of every kind to check', () => {
    expect(pages).toContain('index.html');
    expect(pages.some((p) => p.startsWith('reports/'))).toBe(true);
    expect(pages.some((p) => p.startsWith('compare/'))).toBe(true);
  });

  it('has no broken internal link or anchor', () => {
    const broken = pages.flatMap((page) => brokenLinks(page));
    expect(broken, broken.map((b) => `${b.page}: ${b.link} (${b.why})`).join('\n')).toEqual([]);
  });

  it('catches a missing page and a missing anchor (the checker is not blind)', () => {
    const html = `<a href="../index.html">ok</a><a href="../no-such-page.html">page</a><a href="../index.html#no-such-anchor">anchor</a>
      <a href="#main">own anchor</a><a href="https://example.org/">external</a><img src="../missing.png">`;
    const document = parseHTML(`<!doctype html><html><body><main id="main">${html}</main></body></html>`).document as unknown as Document;
    expect(brokenLinks('reports/made-up.html', document).map((b) => b.link)).toEqual([
      '../no-such-page.html',
      '../index.html#no-such-anchor',
      '../missing.png',
    ]);
  });
});
