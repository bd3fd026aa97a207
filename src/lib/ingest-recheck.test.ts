import { describe, expect, it } from 'vitest';
import type { DraftFigure } from './extract';
import { parseCsv, toCsv } from './csv';
import { FIGURE_COLUMNS } from './validate';
import { STANDARD_TABLE_READER } from './formats/standard-tables';
import { recheckFigures } from './ingest-recheck';

const ROW = '| 合计 | 11,538,000 | 6,000,000 | 5,538,000 |';
// the 合计 row printed over and over (收入表, 支出表 …): no quote of it names one place
const TEXT = ['一、支出预算1,153.8万元。', '机关运行经费预算为443.18万元', '| 443.18 |', ...Array<string>(20).fill(ROW)].join('\n');
const at = (quote: string, from = 0) => TEXT.indexOf(quote, from);

const sentence: DraftFigure = {
  metric: 'expenditure_total',
  phase: 'budget',
  scope: '',
  item: '',
  value: '1,153.8',
  unit: '万元',
  quote: '支出预算1,153.8万元',
  start: at('支出预算'),
  reader: 'prose',
  rule: 'label',
  confidence: 0.9,
};
const tableTotal: DraftFigure = {
  metric: 'expenditure_total',
  phase: 'budget',
  scope: '',
  item: '',
  value: '11,538,000',
  unit: '元',
  quote: ROW,
  start: TEXT.indexOf(ROW, TEXT.length / 2),
  reader: STANDARD_TABLE_READER,
  tableArithmetic: true,
};
const running: DraftFigure = {
  metric: 'operation_expenditure',
  phase: 'budget',
  scope: '',
  item: '',
  value: '443.18',
  unit: '万元',
  quote: '机关运行经费预算为443.18万元',
  start: at('机关运行'),
  reader: 'prose',
  rule: 'label',
  confidence: 0.9,
};
const runningCell: DraftFigure = {
  metric: 'operation_expenditure',
  phase: 'budget',
  scope: '',
  item: '',
  value: '443.18',
  unit: '万元',
  quote: '| 443.18 |',
  start: at('| 443.18'),
  reader: STANDARD_TABLE_READER,
};

type Row = Record<(typeof FIGURE_COLUMNS)[number], string>;
const row = (f: DraftFigure, review: string, note = '', quote = f.quote): Row => ({
  report_id: 'r',
  metric: f.metric,
  phase: f.phase,
  scope: f.scope,
  item: f.item,
  value: f.value,
  unit: f.unit,
  quote,
  review,
  note,
});
const csvOf = (rows: Row[]) => toCsv(FIGURE_COLUMNS, rows);
const reviews = (csv: string) =>
  parseCsv(csv, 'f.csv', FIGURE_COLUMNS).records.map((r) => [r.values['metric'], r.values['value'], r.values['review'], r.values['note']]);

describe('recheckFigures: the review levels of rows already in data/ by the confirmations of today', () => {
  it('a machine sentence the table restates becomes checked, its machine note cleared; a table cell no row had is added', () => {
    const csv = csvOf([row(sentence, 'machine', '程序摘录（prose；label；置信度 0.9）'), row(running, 'machine', '程序摘录（prose）')]);
    const result = recheckFigures(csv, 'f.csv', TEXT, [sentence, tableTotal, running, runningCell]);
    expect(reviews(result.csv)).toEqual([
      ['expenditure_total', '1,153.8', 'checked', ''],
      ['operation_expenditure', '443.18', 'checked', ''],
      ['operation_expenditure', '443.18', 'checked', ''],
    ]);
    // the 合计 row has no unique quote and so no row, but it still confirms the sentence
    expect(result).toMatchObject({ drafted: 2, matched: 2, added: 1, checked: 3, promoted: 2, demoted: 0 });
  });

  it('a row a person deleted confirms nothing; a curated row and a note a person wrote are left as they are', () => {
    const csv = csvOf([row(runningCell, 'machine'), row(sentence, 'curated', '人工核对'), row(sentence, 'checked', '与表一致（人工）')]);
    const result = recheckFigures(csv, 'f.csv', TEXT, [sentence, running, runningCell]);
    expect(reviews(result.csv)).toEqual([
      ['operation_expenditure', '443.18', 'machine', ''],
      ['expenditure_total', '1,153.8', 'curated', '人工核对'],
      ['expenditure_total', '1,153.8', 'checked', '与表一致（人工）'],
    ]);
    expect(result.csv).toBe(csv);
  });

  it('a checked row whose confirmation is gone goes back to machine with the reasons of its draft', () => {
    const csv = csvOf([row(running, 'checked')]);
    const result = recheckFigures(csv, 'f.csv', TEXT, [running]);
    expect(reviews(result.csv)).toEqual([['operation_expenditure', '443.18', 'machine', '程序摘录（prose；label；置信度 0.9）']]);
    expect(result).toMatchObject({ promoted: 0, demoted: 1 });
  });

  it('a row no draft gives any more (edited by hand) is counted but not touched', () => {
    const csv = csvOf([row(sentence, 'machine', '程序摘录（prose）', '一、支出预算1,153.8万元')]);
    const result = recheckFigures(csv, 'f.csv', TEXT, [sentence, tableTotal]);
    expect(result).toMatchObject({ drafted: 1, matched: 0, promoted: 0 });
    expect(result.csv).toBe(csv);
  });
});
