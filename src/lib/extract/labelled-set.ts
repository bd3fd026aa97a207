import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from './index';
import { scoreDocument, type DocumentScore } from './evaluate';
import { toJson } from './output';
import { readReportText } from './read';
import type { Extraction } from './types';

/**
 * A labelled set on disk (../shared/devset and any folder like it): docs/ID.txt and gold/ID.json. Scored the
 * way its score.py does, but with the extractor called in-process instead of `npm run extract` per document.
 */
export function scoreLabelledSet(dir: string, extract: (text: string) => Extraction = extractReport): DocumentScore[] {
  const names = readdirSync(join(dir, 'docs')).sort();
  return names.map((name) => {
    const id = name.slice(0, -4);
    const path = join(dir, 'docs', name);
    const gold: unknown = JSON.parse(readFileSync(join(dir, 'gold', `${id}.json`), 'utf8'));
    // score.py checks quotes against the text as Python's open() reads it: universal newlines, BOM kept
    const asPythonReads = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
    return scoreDocument(id, asPythonReads, gold, extractAsCli(path, extract));
  });
}

/** What `npm run extract -- FILE` prints, parsed back as score.py parses it; an Error where it fails. */
function extractAsCli(path: string, extract: (text: string) => Extraction): unknown {
  const read = readReportText(path);
  if (!read.ok) return new Error(read.error);
  try {
    return JSON.parse(JSON.stringify(toJson(extract(read.text))));
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
