/**
 * npm run --silent extract -- FILE [--csv] [--report ID] [--text]
 * Reads one report — UTF-8 text or markdown, or as published: PDF with a text layer, DOCX, XLSX, a saved
 * HTML page — and prints one JSON object with the figures it states, each with its verbatim quote (from a
 * PDF, also its page; from any table, also the table, row and column it stands in); --csv prints them as dataset rows
 * (review = machine) for report ID (default: the file name); --text prints the text the figures are
 * quoted from (for a PDF/DOCX/XLSX/HTML, the text this tool derives, tables as pipe rows).
 * Unreadable or empty input: a message on stderr and exit 1.
 */
import { basename, extname } from 'node:path';
import { readReportText } from '../src/lib/extract/read';
import { extractReport } from '../src/lib/extract';
import { toDatasetCsv, toJson } from '../src/lib/extract/output';
import { locate, readDocument, type ReadDocument } from '../src/lib/formats';
import { mergeTableFigures } from '../src/lib/formats/standard-tables';
import { withoutScoresInAmountTables } from '../src/lib/ingest-inputs';

const args = process.argv.slice(2);
const csv = args.includes('--csv');
const textOnly = args.includes('--text');
const reportFlag = args.indexOf('--report');
const reportId = reportFlag >= 0 ? args[reportFlag + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && (reportFlag < 0 || i !== reportFlag + 1));
if (!file) {
  console.error('usage: npm run --silent extract -- FILE [--csv] [--report ID] [--text]');
  process.exit(2);
}

async function read(path: string): Promise<{ ok: true; doc: ReadDocument | null; text: string } | { ok: false; error: string }> {
  // text and markdown are read exactly as before: the file is the text
  if (['.txt', '.md', ''].includes(extname(path).toLowerCase())) {
    const plain = readReportText(path);
    return plain.ok ? { ok: true, doc: null, text: plain.text } : plain;
  }
  const result = await readDocument(path, basename(path));
  return result.ok ? { ok: true, doc: result.doc, text: result.doc.text } : result;
}

const input = await read(file);
if (!input.ok) {
  console.error(`extract: ${file}: ${input.error}`);
  process.exit(1);
}
if (textOnly) {
  process.stdout.write(input.text);
  process.exit(0);
}
const { doc } = input;
const extracted = extractReport(input.text);
const fromText = withoutScoresInAmountTables(extracted, doc ?? null);
// the standard tables (收支总表 … 三公) are read cell by cell: their figures replace what the text reader saw there
const merged = doc ? mergeTableFigures(doc, fromText.figures) : null;
const extraction = merged ? { ...fromText, figures: merged.figures } : fromText;
if (csv) process.stdout.write(toDatasetCsv(extraction, reportId ?? basename(file).replace(/\.[^.]+$/, '')));
else {
  const json = toJson(extraction);
  const figures = doc
    ? json.figures.map((f, i) => {
        const draft = extraction.figures[i];
        // cite where the number stands (page for paged formats; table, row and column when it stands in a
        // table): a table figure knows its cell, a text figure's quote ends with its number
        if (!draft) return f;
        const cell = merged?.cells.get(draft);
        return { ...f, ...locate(doc, cell ?? draft.start + draft.quote.length - 1) };
      })
    : json.figures;
  process.stdout.write(`${JSON.stringify({ ...json, figures }, null, 1)}\n`);
}
