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

/**
 * The words that name the figure in its quote: the run of Chinese characters right before its number,
 * without the separators and linking words between, and without a leading 其中 or 年度
 * ("2023年度本年支出合计120.5万元" and "本年支出合计 | 120.5" → 本年支出合计). '' when the quote does not write the
 * number as the draft does, or writes it twice (which one is the figure's is then unknown).
 */
export function labelOf(f: Pick<DraftFigure, 'quote' | 'value'>): string {
  const at = f.quote.indexOf(f.value);
  if (at < 0 || f.quote.indexOf(f.value, at + 1) >= 0) return '';
  const before = f.quote.slice(0, at).replace(/[\s|:：，,为是]+$/u, '');
  const label = /[\p{Script=Han}、]+$/u.exec(before)?.[0] ?? '';
  return label.replace(/^(?:其中|本年度|年度|年)+/u, '');
}

/** Whether a quote is a table row (the readers write a row's cells between pipes). */
const isTableRow = (quote: string) => quote.includes('|');

/**
 * Indexes of the drafts whose statement the report makes again in its other form: a table row and a sentence
 * with the same statementKey and the same label (the 总表 and the 说明). Two sentences do not confirm each
 * other, nor two rows: the extractor may read different lines as one metric when their values agree
 * ("编报绩效目标的2024年度项目39个", "绩效自评的2024年度项目39个"; "办公经费支出5万元", "培训经费支出5万元"), and two
 * misreadings must not confirm each other; a table printed twice confirms nothing either. Nor do two labels
 * that differ ("其中：基本支出" and "一般公共预算财政拨款基本支出" are not the same figure).
 */
export function confirmedBySecondStatement(drafts: readonly DraftFigure[]): Set<number> {
  const byKey = new Map<string, number[]>();
  drafts.forEach((d, i) => byKey.set(statementKey(d), [...(byKey.get(statementKey(d)) ?? []), i]));
  const confirmed = new Set<number>();
  for (const indexes of byKey.values()) {
    for (const i of indexes) {
      const a = drafts[i];
      if (!a) continue;
      const label = labelOf(a);
      const other = indexes.some((j) => {
        const b = drafts[j];
        if (!b || j === i || label === '') return false;
        const overlap = a.start < b.start + b.quote.length && b.start < a.start + a.quote.length;
        return !overlap && isTableRow(a.quote) !== isTableRow(b.quote) && labelOf(b) === label;
      });
      if (other) confirmed.add(i);
    }
  }
  return confirmed;
}

/** One way a document confirms its own drafts: the indexes it confirms. */
export type Confirmation = (drafts: readonly DraftFigure[]) => Set<number>;

/**
 * Indexes of the drafts the standard-table reader marked as confirmed by their table's arithmetic (a row
 * that adds up, a 总表 that balances, 三公 合计 = parts: src/lib/formats/standard-tables.ts).
 */
export function confirmedByTableArithmetic(drafts: readonly DraftFigure[]): Set<number> {
  const confirmed = new Set<number>();
  drafts.forEach((d, i) => {
    if (d.tableArithmetic === true) confirmed.add(i);
  });
  return confirmed;
}

/** The confirmations ingest applies. */
export const CONFIRMATIONS: readonly Confirmation[] = [confirmedBySecondStatement, confirmedByTableArithmetic];

/** Indexes of the drafts any confirmation confirms. */
export function confirmedDrafts(drafts: readonly DraftFigure[], confirmations: readonly Confirmation[] = CONFIRMATIONS): Set<number> {
  const all = new Set<number>();
  for (const confirm of confirmations) for (const i of confirm(drafts)) all.add(i);
  return all;
}
