import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { textOf } from '../../src/lib/report-files';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = join(projectRoot, 'dist');
export const contentDir = join(projectRoot, 'content');

/** Fails with a clear message when the site has not been built (`npm test` builds it first). */
export function requireBuild(): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` does it for you)');
  }
}

export function readContent<T>(name: string): T[] {
  return JSON.parse(readFileSync(join(contentDir, `${name}.json`), 'utf8')) as T[];
}

/** A report's masked text as the build wrote it (content/by-report/<id>.txt). */
export const readText = (reportId: string): string => textOf(reportId, projectRoot);

export function readPage(path: string): Document {
  return parseHTML(readFileSync(join(distDir, path), 'utf8')).document as unknown as Document;
}

/** Every HTML file of the built site, relative to dist/. */
export function htmlFiles(dir = distDir, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(full, base);
    return e.name.endsWith('.html') ? [relative(base, full)] : [];
  });
}
