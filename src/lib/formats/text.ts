import { DocumentBuilder } from './builder';
import type { ReadResult } from './types';

/** Decodes a text report (UTF-8, BOM dropped), or says why it is not one. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes.length === 0) return { ok: false, error: 'is empty' };
  if (bytes.includes(0)) return { ok: false, error: 'is binary (contains NUL bytes): convert the PDF or Word file to text first' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const invalid = (text.match(/\uFFFD/g) ?? []).length;
  if (invalid > 0 && invalid > text.length / 1000)
    return { ok: false, error: `is not UTF-8 text (${invalid} invalid byte sequences): convert it to UTF-8 first` };
  if (text.trim() === '') return { ok: false, error: 'contains only white space' };
  return { ok: true, text };
}

/** A text or markdown report is its own text: no pages, and its tables are whatever pipes it already has. */
export function readText(bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const doc = new DocumentBuilder('text').build();
  return { ok: true, doc: { ...doc, text: decoded.text } };
}
