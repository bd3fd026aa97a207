import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { ReadResult } from './types';

/**
 * One registry of readers by file extension, like a loader per format: adding a format is adding a line.
 * Readers are loaded when a file of their format comes (pdf.js is large; a text report never needs it).
 */

export type { DocumentFormat, DocumentTable, Location, ReadDocument, ReadResult, TableCell, TableRow } from './types';
export { locate, tableAt } from './locate';

type Reader = (bytes: Uint8Array) => Promise<ReadResult> | ReadResult;

const READERS: Record<string, () => Promise<Reader>> = {
  '.txt': async () => (await import('./text')).readText,
  '.md': async () => (await import('./text')).readText,
  '.pdf': async () => (await import('./pdf')).readPdf,
  '.docx': async () => (await import('./docx')).readDocx,
  '.xlsx': async () => (await import('./xlsx')).readXlsx,
  '.html': async () => (await import('./html')).readHtmlBytes,
  '.htm': async () => (await import('./html')).readHtmlBytes,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

/** Compound File Binary (OLE2): Word 97-2003 .doc, Excel 97-2003 .xls, WPS's .wps/.et. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

function legacyError(extension: string): string {
  const kind = extension === '.xls' || extension === '.et' ? 'Excel' : extension === '.doc' || extension === '.wps' ? 'Word' : 'Word/Excel';
  const modern = kind === 'Excel' ? '.xlsx' : kind === 'Word' ? '.docx' : '.docx/.xlsx';
  return `is a legacy ${kind} 97-2003 file: open it and save it as ${modern} (or PDF), then run again`;
}

/** Reads a published report (by path, or its bytes and file name) into text with table structure and a page map. */
export async function readDocument(source: string | Uint8Array, fileName: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  if (typeof source === 'string') {
    try {
      if (statSync(source).isDirectory()) return { ok: false, error: 'is a directory, not a report file' };
      bytes = readFileSync(source);
    } catch (e) {
      return { ok: false, error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    }
  } else bytes = source;
  const extension = extname(fileName).toLowerCase();
  if (bytes.length === 0) return { ok: false, error: 'is empty' };
  if (startsWith(bytes, OLE_MAGIC) || extension === '.doc' || extension === '.xls' || extension === '.wps' || extension === '.et')
    return { ok: false, error: legacyError(extension) };
  const load = READERS[extension];
  if (!load)
    return {
      ok: false,
      error: `has an extension this tool does not read (${extension || 'none'}): supported are ${SUPPORTED_EXTENSIONS.join(', ')}`,
    };
  if ((extension === '.docx' || extension === '.xlsx') && !startsWith(bytes, ZIP_MAGIC))
    return { ok: false, error: `is not a ${extension} file (no ZIP container inside): save it again as ${extension}, then run again` };
  return (await load())(bytes);
}
