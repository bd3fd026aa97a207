/**
 * The middle review level: a machine-read figure is `checked` when the document confirms it by itself —
 * stated a second time in other words (a table row and a sentence, the 总表 and the 说明), or (once the
 * table module offers it) when the arithmetic of its table adds up. Nobody has read it; but two independent
 * places would have to be misread the same way for it to be wrong.
 */
import type { DraftFigure } from './extract';
import { toYuanString } from './money';

/** What a figure says, in a form two statements of it share: money compared in exact 元 ("1,153.8万元" = "11538000元"). */
export function statementKey(f: Pick<DraftFigure, 'metric' | 'phase' | 'scope' | 'item' | 'value' | 'unit'>): string {
  const amount = toYuanString(f.value, f.unit);
  const value = amount === null ? `${f.value.replace(/[,，\s]/g, '')} ${f.unit}` : `${amount} 元`;
  return [f.metric, f.phase, f.scope, f.item, value].join('\u0000');
}

const sameWords = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * The words that name the figure in its quote: the run of Chinese characters right before its number,
 * without the linking words and separators between ("本年支出合计为 120.5" and "本年支出合计 | 120.5" → 本年支出合计).
 * '' when the quote does not write the number as the draft does.
 */
export function labelOf(f: Pick<DraftFigure, 'quote' | 'value'>): string {
  const at = f.quote.lastIndexOf(f.value);
  if (at < 0) return '';
  const before = f.quote.slice(0, at).replace(/[\s|:：，,为是]+$/u, '');
  return /[\p{Script=Han}、]+$/u.exec(before)?.[0] ?? '';
}

/** Whether two labels name the same thing: one ends with the other ("2023年度本年支出合计" and "本年支出合计"). */
function sameLabel(a: string, b: string): boolean {
  return a !== '' && b !== '' && (a.endsWith(b) || b.endsWith(a));
}

/**
 * Indexes of the drafts whose statement the text makes again elsewhere in other words: another draft with the
 * same statementKey, under the same label, whose quote does not overlap and is not the same words. The label
 * matters: the extractor may read two different lines as the same metric ("办公经费支出5万元", "培训经费支出5万元"
 * both as budget_executed 5万元), and two misreadings must not confirm each other. A table printed twice
 * confirms nothing either.
 */
export function confirmedBySecondStatement(drafts: readonly DraftFigure[]): Set<number> {
  const byKey = new Map<string, number[]>();
  drafts.forEach((d, i) => byKey.set(statementKey(d), [...(byKey.get(statementKey(d)) ?? []), i]));
  const confirmed = new Set<number>();
  for (const indexes of byKey.values()) {
    for (const i of indexes) {
      const a = drafts[i];
      if (!a) continue;
      const other = indexes.some((j) => {
        const b = drafts[j];
        if (!b || j === i) return false;
        const overlap = a.start < b.start + b.quote.length && b.start < a.start + a.quote.length;
        return !overlap && !sameWords(a.quote, b.quote) && sameLabel(labelOf(a), labelOf(b));
      });
      if (other) confirmed.add(i);
    }
  }
  return confirmed;
}

/** One way a document confirms its own drafts: the indexes it confirms. */
export type Confirmation = (drafts: readonly DraftFigure[]) => Set<number>;

/**
 * The confirmations ingest applies. Hook: table arithmetic (a row that is the sum of the rows it totals,
 * src/lib/formats/standard-tables.ts, written in parallel) goes here as a second Confirmation.
 */
export const CONFIRMATIONS: readonly Confirmation[] = [confirmedBySecondStatement];

/** Indexes of the drafts any confirmation confirms. */
export function confirmedDrafts(drafts: readonly DraftFigure[], confirmations: readonly Confirmation[] = CONFIRMATIONS): Set<number> {
  const all = new Set<number>();
  for (const confirm of confirmations) for (const i of confirm(drafts)) all.add(i);
  return all;
}
