/**
 * npm run build runs this between `astro build` and `pagefind --site dist`: every indexed page gets, hidden, the
 * browser's segmentation of its text and of the known terms it holds (src/lib/search-terms.ts), so that searching
 * for any glossary term, metric, unit, place or report title finds every page that holds it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { t, type MessageKey } from '../src/i18n';
import { GLOSSARY } from '../src/lib/glossary';
import { knownTerms, withSearchWords } from '../src/lib/search-terms';
import { METRICS } from '../src/schemas/vocabulary';

const dist = process.argv[2] ?? 'dist';
const content = <T>(name: string): T[] => JSON.parse(readFileSync(join('content', `${name}.json`), 'utf8')) as T[];

const terms = knownTerms({
  glossary: GLOSSARY.flatMap((entry) => [t(`glossary.${entry.id}.term` as MessageKey), ...entry.aliases]),
  metrics: Object.values(METRICS).map((m) => m.label),
  units: content('units'),
  reports: content('reports'),
});

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });

let changed = 0;
for (const file of htmlFiles(dist)) {
  const html = readFileSync(file, 'utf8');
  const next = withSearchWords(html, terms);
  if (next !== html) {
    writeFileSync(file, next);
    changed++;
  }
}
console.log(`search-words: ${terms.length} known terms; hidden search words added to ${changed} page(s)`);
