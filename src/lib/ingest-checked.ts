/**
 * The middle review level: a machine-read figure is `checked` when the document confirms it by itself —
 * stated a second time in other words (a table row and a sentence, the 总表 and the 说明), when the
 * arithmetic of its table adds up, or when it restates a figure of a standard table. Nobody has read it; but two independent
 * places would have to be misread the same way for it to be wrong.
 */
import type { DraftFigure } from './extract';
import { toYuanString } from './money';
import { STANDARD_TABLE_READER } from './formats/standard-tables';
import { agrees, baseOf, measure } from './checks/exact';

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

/** Whether a figure is read from a standard table's cell (its metric comes from the table's layout, not from words). */
const fromStandardTable = (f: DraftFigure) => f.reader === STANDARD_TABLE_READER;
/** A stated zero: "0", "0.00", "-0". */
const isZero = (value: string) => /^-?0*(?:\.0*)?$/.test(value.replace(/[,，\s]/g, '')) && /0/.test(value);

/** What a figure is about, whatever its value: the metric, phase, scope and item. */
const subjectKey = (f: DraftFigure) => [f.metric, f.phase, f.scope, f.item].join('\u0000');

/**
 * Whether two statements give the same value: exactly, or one at a coarser precision — the 说明 in 万元 with two
 * decimals restating a table in 元 ("1672.67万元" and "16,726,725.44") — within the roundings of both, as the
 * 数据核查 rules compare (src/lib/checks/exact.ts). 268.77 万元 and 2,687,760.00 元 (268.776) do not agree.
 */
function sameValue(a: DraftFigure, b: DraftFigure): boolean {
  if (statementKey(a) === statementKey(b)) return true;
  const x = measure(a.value, a.unit);
  const y = measure(b.value, b.unit);
  return x !== null && y !== null && baseOf(a.unit) === baseOf(b.unit) && baseOf(a.unit) === 'fen' && agrees(x, y);
}

/**
 * Indexes of the drafts a standard table states again elsewhere (another table, the 说明): the same metric,
 * phase, scope and item, the same value (exactly or within the roundings of a coarser statement), in a place
 * that does not overlap. A table figure's metric comes from its table's title and column order (proved by
 * arithmetic where the header is scrambled), not from the words before the number, so no label is asked of it:
 * - a table figure its table's arithmetic confirms confirms every other statement of the same figure;
 * - a table figure no sum covers (机关运行经费 beside the 三公, 年初结转, a class row of one amount) and a
 *   sentence that states the same figure confirm each other — two independent readings agree.
 * A zero confirms nothing: too many things are zero (a 政府性基金 支出 of 0 misread as its income would be
 * "confirmed" by the 收入 table's 0).
 */
export function confirmedByTableRestatement(drafts: readonly DraftFigure[]): Set<number> {
  const bySubject = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (!isZero(d.value)) bySubject.set(subjectKey(d), [...(bySubject.get(subjectKey(d)) ?? []), i]);
  });
  const confirmed = new Set<number>();
  const apart = (a: DraftFigure, b: DraftFigure) => a.start >= b.start + b.quote.length || b.start >= a.start + a.quote.length;
  for (const indexes of bySubject.values()) {
    for (const i of indexes) {
      const table = drafts[i];
      if (!table || !fromStandardTable(table)) continue;
      for (const j of indexes) {
        const other = drafts[j];
        if (!other || j === i || !apart(table, other) || !sameValue(table, other)) continue;
        if (table.tableArithmetic === true) confirmed.add(j);
        else if (!fromStandardTable(other) && !isTableRow(other.quote)) {
          confirmed.add(i);
          confirmed.add(j);
        }
      }
    }
  }
  return confirmed;
}

/** The confirmations ingest applies. */
export const CONFIRMATIONS: readonly Confirmation[] = [confirmedBySecondStatement, confirmedByTableArithmetic, confirmedByTableRestatement];

/** Indexes of the drafts any confirmation confirms. */
export function confirmedDrafts(drafts: readonly DraftFigure[], confirmations: readonly Confirmation[] = CONFIRMATIONS): Set<number> {
  const all = new Set<number>();
  for (const confirm of confirmations) for (const i of confirm(drafts)) all.add(i);
  return all;
}
