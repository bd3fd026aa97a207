import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DocumentBuilder } from './builder';
import { layoutDocument, type PositionedText } from './pdf-layout';
import type { ReadResult } from './types';

/**
 * PDFs with a text layer, through pdf.js (offline: its CMaps and standard fonts come from node_modules as
 * file-system paths; given as file:// URLs, pdf.js in Node cannot load them and loses the CJK text of
 * fonts that need a CMap).
 */

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Fewer visible characters than this per page on average: the PDF is a scan. */
const MIN_CHARACTERS_PER_PAGE = 5;

/** The text runs of every page, positioned from the top-left of the page as it is shown (rotation applied). */
export async function pdfTextRuns(bytes: Uint8Array): Promise<PositionedText[][]> {
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given: hand it a copy
    data: new Uint8Array(bytes),
    cMapUrl: join(pdfjsRoot, 'cmaps') + sep,
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + sep,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const pages: PositionedText[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = Util.transform(viewport.transform, item.transform);
        // horizontal text only: a run turned on its side (a stamp, a watermark) says nothing about rows
        if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) continue;
        runs.push({ text: item.str, x, y, width: item.width * Math.abs(viewport.scale), height: Math.hypot(c, d) });
      }
      pages.push(runs);
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  let pages: PositionedText[][];
  try {
    pages = await pdfTextRuns(bytes);
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') return { ok: false, error: 'is a password-protected PDF: save an unprotected copy, then run again' };
    return { ok: false, error: `is not a readable PDF (${e instanceof Error ? e.message : String(e)})` };
  }
  const characters = pages.reduce((n, runs) => n + runs.reduce((m, r) => m + r.text.replace(/\s+/g, '').length, 0), 0);
  if (characters < MIN_CHARACTERS_PER_PAGE * Math.max(1, pages.length))
    return {
      ok: false,
      error:
        'is a PDF with no text layer (a scan): run OCR first (e.g. ocrmypdf --language chi_sim) or find the text version of the report',
    };
  const builder = new DocumentBuilder('pdf');
  for (const block of layoutDocument(pages)) {
    if (block.kind === 'line') builder.line(block.text, block.page);
    else builder.table({ rows: block.rows });
  }
  return { ok: true, doc: builder.build() };
}
