/**
 * `npm run ingest -- --recheck`: the review level of the drafted rows already in data/ brought up to date with
 * the confirmations of today (src/lib/ingest-checked.ts), without re-ingesting — a re-ingest would bring back
 * the rows a person deleted as misreadings. Each report's source is read again, its drafts matched to the
 * rows that are still there, and only those confirm each other: a row deleted by hand confirms nothing.
 * A curated row, and a row that no draft gives any more (edited by hand), is left exactly as it is. The
 * figures of standard tables the file does not have yet are added (the table reader reads more than it did
 * when the report was ingested); a person deletes machine rows, never table cells, so none comes back.
 */
import type { DraftFigure } from './extract';
import { parseCsv, toCsv } from './csv';
import { FIGURE_COLUMNS, FIGURE_OPTIONAL_COLUMNS } from './validate';
import { confirmedDrafts } from './ingest-checked';
import { REVIEW_FIRST, reviewNote, uniqueQuote } from './ingest';
import { STANDARD_TABLE_READER } from './formats/standard-tables';

export interface Recheck {
  /** The figures file with the review levels (and machine notes) updated; the same text when nothing changed. */
  csv: string;
  /** Drafted rows (machine or checked) in the file. */
  drafted: number;
  /** Drafted rows a draft of the source gives exactly (the others are left as they are). */
  matched: number;
  /** Rows added: standard-table figures the file did not have (the table reader reads more than it did). */
  added: number;
  /** Rows checked after the recheck, and how many moved up or down. */
  checked: number;
  promoted: number;
  demoted: number;
}

/** The fields a figure row and a draft share (the quote is compared as ingest writes it: unique in the text). */
type KeyFields = Partial<Record<'metric' | 'phase' | 'scope' | 'item' | 'value' | 'unit' | 'quote', string>>;
const rowKey = (r: KeyFields) => [r['metric'], r['phase'], r['scope'], r['item'], r['value'], r['unit'], r['quote']].join('\u0000');

/** A machine row's note as ingest wrote it (the extractor's reasons), which a person has not replaced. */
const isMachineNote = (note: string) => note === '' || note.startsWith('程序摘录') || note.startsWith(`${REVIEW_FIRST}：程序摘录`);

export function recheckFigures(figuresCsv: string, file: string, text: string, drafts: readonly DraftFigure[]): Recheck {
  const parsed = parseCsv(figuresCsv, file, FIGURE_COLUMNS, FIGURE_OPTIONAL_COLUMNS);
  const rows = parsed.records.map((r) => ({ ...r.values }));
  const draftOf = new Map<string, DraftFigure>();
  // a table cell whose row is printed twice (收入表 and 支出表 alike) has no quote that names one place and so
  // no row; it was left out by ingest, not by a person, and still states its figure
  const unquotable: DraftFigure[] = [];
  for (const f of drafts) {
    const quote = uniqueQuote(text, f.quote, f.start);
    if (quote === null) {
      if (f.reader === STANDARD_TABLE_READER) unquotable.push(f);
      continue;
    }
    const key = rowKey({ ...f, quote });
    if (!draftOf.has(key)) draftOf.set(key, f);
  }
  // a standard table's cell the file does not have yet (the table reader reads more tables than it did) is added
  const known = new Set(rows.map(rowKey));
  const added: Record<string, string>[] = [];
  const reportId = rows[0]?.['report_id'] ?? '';
  for (const [key, f] of draftOf) {
    if (f.reader !== STANDARD_TABLE_READER || known.has(key) || reportId === '') continue;
    const quote = uniqueQuote(text, f.quote, f.start) ?? '';
    added.push({
      report_id: reportId,
      metric: f.metric,
      phase: f.phase,
      scope: f.scope,
      item: f.item,
      value: f.value,
      unit: f.unit,
      quote,
      review: 'new',
      note: '',
    });
  }
  rows.push(...added);
  // only the drafts whose row is still in the file confirm (a row deleted by hand was a misreading)
  const kept = [...new Set(rows.map((r) => draftOf.get(rowKey(r))).filter((f): f is DraftFigure => f !== undefined)), ...unquotable];
  const confirmed = confirmedDrafts(kept);
  const confirmedDraft = new Set([...confirmed].map((i) => kept[i]));
  let drafted = 0;
  let matched = 0;
  let promoted = 0;
  let demoted = 0;
  for (const row of rows) {
    const review = row['review'] ?? '';
    const draft = draftOf.get(rowKey(row));
    if (review === 'new' && draft) {
      row['review'] = confirmedDraft.has(draft) ? 'checked' : 'machine';
      row['note'] = row['review'] === 'checked' ? '' : reviewNote(draft);
      continue;
    }
    if (review !== 'machine' && review !== 'checked') continue;
    drafted++;
    if (!draft) continue;
    matched++;
    const note = row['note'] ?? '';
    const now = confirmedDraft.has(draft) ? 'checked' : 'machine';
    if (now === review || !isMachineNote(note)) continue;
    row['review'] = now;
    row['note'] = now === 'checked' ? '' : reviewNote(draft);
    if (now === 'checked') promoted++;
    else demoted++;
  }
  const checked = rows.filter((r) => r['review'] === 'checked').length;
  const changed = promoted + demoted + added.length > 0;
  return { csv: changed ? toCsv(FIGURE_COLUMNS, rows) : figuresCsv, drafted, matched, added: added.length, checked, promoted, demoted };
}
