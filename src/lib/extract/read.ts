import { readFileSync, statSync } from 'node:fs';

/** Reads a report file as UTF-8 text, or says why it cannot be read. */
export function readReportText(file: string): { ok: true; text: string } | { ok: false; error: string } {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) return { ok: false, error: 'is a directory, not a text file' };
    bytes = readFileSync(file);
  } catch (e) {
    return { ok: false, error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  if (bytes.length === 0) return { ok: false, error: 'is empty' };
  if (bytes.includes(0)) return { ok: false, error: 'is binary (contains NUL bytes): convert the PDF or Word file to text first' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const invalid = (text.match(/\uFFFD/g) ?? []).length;
  if (invalid > 0 && invalid > text.length / 1000) return { ok: false, error: `is not UTF-8 text (${invalid} invalid byte sequences): convert it to UTF-8 first` };
  if (text.trim() === '') return { ok: false, error: 'contains only white space' };
  return { ok: true, text };
}
