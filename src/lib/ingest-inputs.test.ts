import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from './formats/builder';
import { withStandardTables } from './ingest-inputs';
import type { DraftFigure, Extraction } from './extract';

/** A 支出决算表 whose 合计 row adds up, after a sentence the text reader also reads. */
function document() {
  const b = new DocumentBuilder('pdf');
  b.line('本年支出合计100.00万元。', 1);
  b.line('支出决算表', 1);
  b.line('单位：万元', 1);
  b.table({
    rows: [
      ['项目', '本年支出合计', '基本支出', '项目支出'],
      ['合计', '100.00', '60.00', '40.00'],
    ].map((cells) => ({ cells, page: 1 })),
  });
  return b.build();
}

describe('withStandardTables: what ingest drafts from a read document', () => {
  const doc = document();
  const sentence: DraftFigure = {
    metric: 'expenditure_total',
    phase: 'actual',
    scope: '',
    item: '',
    value: '100.00',
    unit: '万元',
    quote: '本年支出合计100.00万元',
    start: doc.text.indexOf('本年支出合计100.00万元'),
  };
  const inTable: DraftFigure = {
    ...sentence,
    metric: 'basic_expenditure',
    value: '60.00',
    quote: '60.00',
    start: doc.text.indexOf('| 60.00') + 2,
  };
  const extraction: Extraction = { unit: null, year: 2024, kind: '部门决算', figures: [sentence, inTable] };

  it('replaces the text reader inside a standard table by its cells, marked when the row adds up; keeps the prose', () => {
    const figures = withStandardTables(extraction, doc).figures;
    expect(figures.map((f) => [f.metric, f.value, f.tableArithmetic ?? false, f.quote.includes('|')])).toEqual([
      ['expenditure_total', '100.00', false, false],
      ['expenditure_total', '100.00', true, true],
      ['basic_expenditure', '60.00', true, true],
      ['project_expenditure', '40.00', true, true],
    ]);
  });

  it('leaves a plain text (no read document) as the text reader drafted it', () => {
    expect(withStandardTables(extraction, null)).toBe(extraction);
  });
});
