import mammoth from 'mammoth';
import { readHtml } from './html';
import type { ReadResult } from './types';

/** Word documents through mammoth's HTML (tables stay tables, merged cells keep their spans). */
export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    return { ok: false, error: `is not a readable .docx file (${e instanceof Error ? e.message : String(e)})` };
  }
  const read = readHtml(html, 'docx');
  return read.ok ? read : { ok: false, error: 'is a .docx file with no text' };
}
