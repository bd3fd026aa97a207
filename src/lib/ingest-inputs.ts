/**
 * What `npm run ingest -- FILE|DIR …` reads: the files named and those inside the folders named, each with
 * what a sidecar says about it, and each read as the dataset keeps it — a text file is its own source; a
 * published file (PDF, DOCX, XLSX, HTML) is kept verbatim beside the text derived from it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { readReportText } from './extract/read';
import type { Extraction } from './extract';
import { readDocument, tableAt, type ReadDocument } from './formats';
import { mergeTableFigures } from './formats/standard-tables';
import { ORIGINAL_FORMATS, type OriginalFormat } from '../schemas/report';
import { parseSidecar, sidecarEntry, type SourceEntry } from './ingest-sources';

/** The sidecar a DIR may hold; it is read, never ingested. */
export const SIDECAR_NAME = 'SOURCES.csv';

export interface InputFile {
  path: string;
  /** What the sidecar says about it, if anything. */
  source?: SourceEntry;
}

export type Inputs = { ok: true; files: InputFile[] } | { ok: false; error: string };

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue; // .DS_Store, .git: not reports
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

function loadSidecar(file: string): { ok: true; entries: Map<string, SourceEntry> } | { ok: false; error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, error: `--sources ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const sidecar = parseSidecar(text);
  return sidecar.ok ? sidecar : { ok: false, error: `${file} ${sidecar.error}` };
}

/**
 * The files to ingest, in the order given (a folder's files sorted by path, sub-folders included), each once.
 * A path that does not exist is kept: reading it fails, and the run says so for that file and goes on.
 */
export function listInputs(paths: readonly string[], sidecarFile: string | null): Inputs {
  const given = sidecarFile === null ? null : loadSidecar(sidecarFile);
  if (given && !given.ok) return given;
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, entries: Map<string, SourceEntry> | null, base: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = entries ? sidecarEntry(entries, relative(base, path)) : undefined;
    files.push({ path, ...(source ? { source } : {}) });
  };
  for (const path of paths) {
    const isDir = existsSync(path) && statSync(path).isDirectory();
    if (!isDir) {
      add(path, given ? given.entries : null, sidecarFile ? dirname(sidecarFile) : dirname(path));
      continue;
    }
    const own = join(path, SIDECAR_NAME);
    const found = given ?? (existsSync(own) ? loadSidecar(own) : null);
    if (found && !found.ok) return found;
    const base = sidecarFile ? dirname(sidecarFile) : path;
    for (const file of filesUnder(path)) if (basename(file) !== SIDECAR_NAME) add(file, found ? found.entries : null, base);
  }
  return { ok: true, files };
}

/** A file read for ingest: the source text's bytes, and the published file when the text is derived from it. */
export type ReadInput =
  | {
      ok: true;
      text: string;
      bytes: Uint8Array;
      original?: { bytes: Uint8Array; format: OriginalFormat };
      doc: ReadDocument | null;
      pages: number;
    }
  | { ok: false; error: string };

const isOriginalFormat = (s: string): s is OriginalFormat => (ORIGINAL_FORMATS as readonly string[]).includes(s);

export async function readInput(path: string): Promise<ReadInput> {
  const extension = extname(path).toLowerCase();
  // a text file is read exactly as before: its bytes are the source, verbatim
  if (extension === '.txt' || extension === '.md' || extension === '') {
    const read = readReportText(path);
    return read.ok ? { ok: true, text: read.text, bytes: readFileSync(path), doc: null, pages: 0 } : read;
  }
  const result = await readDocument(path, basename(path));
  if (!result.ok) return result;
  const format = extension.slice(1);
  if (!isOriginalFormat(format)) return { ok: false, error: `has a format ingest does not keep (${extension})` };
  const { doc } = result;
  if (doc.text.trim() === '') return { ok: false, error: 'has no text (a scan without a text layer?): nothing to quote' };
  const pages = Math.max(0, ...(doc.pages ?? []).map((p) => p.page));
  return {
    ok: true,
    text: doc.text,
    bytes: new TextEncoder().encode(doc.text),
    original: { bytes: readFileSync(path), format },
    doc,
    pages,
  };
}

/**
 * The extraction without the scores (分) read from a 合计 row of a table under 单位：万元/元: such a table holds
 * amounts, so a score there is a misreading. Used by `npm run extract` and by ingest alike.
 */
export function withoutScoresInAmountTables(extraction: Extraction, doc: ReadDocument | null): Extraction {
  if (doc === null) return extraction;
  return { ...extraction, figures: extraction.figures.filter((f) => !(f.unit === '分' && tableAt(doc, f.start)?.unit)) };
}

/**
 * The extraction with the standard tables (收支总表 … 三公) read cell by cell: their figures replace what the
 * text reader saw there (the merge `npm run extract` does), and carry whether their table's arithmetic holds.
 */
export function withStandardTables(extraction: Extraction, doc: ReadDocument | null): Extraction {
  if (doc === null) return extraction;
  return { ...extraction, figures: mergeTableFigures(doc, extraction.figures).figures };
}
