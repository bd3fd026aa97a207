import { readFileSync, statSync } from 'node:fs';
import { decodeText } from '../formats/text';

/** Reads a report file as UTF-8 text, or says why it cannot be read. */
export function readReportText(file: string): { ok: true; text: string } | { ok: false; error: string } {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) return { ok: false, error: 'is a directory, not a text file' };
    bytes = readFileSync(file);
  } catch (e) {
    return { ok: false, error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  return decodeText(bytes);
}
