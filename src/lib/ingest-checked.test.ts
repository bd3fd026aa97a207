import { describe, expect, it } from 'vitest';
import type { DraftFigure } from './extract';
import {
  CONFIRMATIONS,
  confirmedBySecondStatement,
  confirmedByTableArithmetic,
  confirmedByTableRestatement,
  confirmedDrafts,
  labelOf,
  statementKey,
} from './ingest-checked';
import { STANDARD_TABLE_READER } from './formats/standard-tables';

const draft = (over: Partial<DraftFigure>): DraftFigure => ({
  metric: 'expenditure_total',
  phase: 'budget',
  scope: '',
  item: '',
  value: '1,153.8',
  unit: '万元',
  quote: '支出预算1,153.8万元',
  start: 0,
  ...over,
});

describe('statementKey', () => {
  it.each([
    ['万元 and 元 of the same amount', draft({ value: '1,153.8', unit: '万元' }), draft({ value: '11538000', unit: '元' }), true],
    ['full-width digits', draft({ value: '１１５３.８' }), draft({ value: '1153.80' }), true],
    ['another amount', draft({ value: '1,153.8' }), draft({ value: '1,153.9' }), false],
    ['another phase', draft({ phase: 'budget' }), draft({ phase: 'actual' }), false],
    ['another scope', draft({ scope: '' }), draft({ scope: 'basic' }), false],
    ['another item', draft({ item: '' }), draft({ item: '社会保障和就业支出' }), false],
    ['another metric', draft({}), draft({ metric: 'income_total' }), false],
    [
      'a rate is compared as written',
      draft({ metric: 'execution_rate', value: '98.5', unit: '%' }),
      draft({ metric: 'execution_rate', value: '98.50', unit: '%' }),
      false,
    ],
  ])('%s', (_, a, b, same) => {
    expect(statementKey(a) === statementKey(b)).toBe(same);
  });
});

describe('labelOf', () => {
  it.each<[string, string, string]>([
    ['2023年度本年支出合计120.5万元', '120.5', '本年支出合计'],
    ['本年支出合计 | 11,538,000.00', '11,538,000.00', '本年支出合计'],
    ['支出合计为 120.5', '120.5', '支出合计'],
    ['其中：基本支出100万元', '100', '基本支出'],
    ['本年收入合计 | 9746.50 | 本年支出合计', '9746.50', '本年收入合计'],
    ['本年收入合计 | 9746.50 | 本年支出合计 | 9746.50', '9746.50', ''], // which one is the figure's?
    ['120.5', '120.5', ''],
    ['支出１２０.５万元', '120.5', ''], // the number is not written as the draft writes it
  ])('%s', (quote, value, label) => expect(labelOf({ quote, value })).toBe(label));
});

describe('confirmedBySecondStatement', () => {
  const sentence = draft({ quote: '2024年本年支出合计1,153.8万元', start: 10 });
  const row = draft({ value: '11,538,000.00', unit: '元', quote: '本年支出合计 | 11,538,000.00', start: 500 });
  const budgetExecuted = (value: string, quote: string, start: number) =>
    draft({ metric: 'budget_executed', phase: 'actual', value, quote, start });
  it.each<[string, DraftFigure[], number[]]>([
    ['a sentence and a table row: both checked', [sentence, row], [0, 1]],
    ['stated once: machine', [sentence], []],
    ['the same row twice (a table printed twice) confirms nothing', [row, { ...row, start: 900 }], []],
    ['two sentences confirm nothing', [sentence, { ...sentence, quote: '本年支出合计为1153.8万元', value: '1153.8', start: 900 }], []],
    ['overlapping quotes are one place', [sentence, { ...row, start: 12 }], []],
    ['another value is no confirmation', [sentence, { ...row, value: '11,538,001.00', quote: '本年支出合计 | 11,538,001.00' }], []],
    [
      'a row and two sentences: all checked',
      [sentence, row, draft({ quote: '本年支出合计为1153.8万元', value: '1153.8', start: 2000 })],
      [0, 1, 2],
    ],
    ['only the pair is checked, not a lone figure beside it', [sentence, row, draft({ metric: 'income_total', start: 3000 })], [0, 1]],
    [
      'another label is another figure',
      [
        draft({ quote: '其中：基本支出100万元', value: '100', metric: 'basic_expenditure' }),
        draft({ quote: '一般公共预算财政拨款基本支出 | 100', value: '100', metric: 'basic_expenditure', start: 400 }),
      ],
      [],
    ],
    // seen in real ingests: different lines the extractor read as one metric and value
    ['two sentences, different labels', [budgetExecuted('5', '办公经费支出5万元', 0), budgetExecuted('5', '培训经费支出5万元', 20)], []],
    [
      'two sentences, the same label',
      [
        draft({ metric: 'project_count', phase: 'actual', value: '39', unit: '个', quote: '编报绩效目标的2024年度项目39个', start: 0 }),
        draft({ metric: 'project_count', phase: 'actual', value: '39', unit: '个', quote: '绩效自评的2024年度项目39个', start: 50 }),
      ],
      [],
    ],
    ['a label-less quote confirms nothing', [sentence, draft({ quote: '| 1,153.8', start: 700 })], []],
  ])('%s', (_, drafts, expected) => {
    expect([...confirmedBySecondStatement(drafts)].sort()).toEqual(expected);
  });
});

describe('confirmedDrafts', () => {
  it('joins what each confirmation confirms', () => {
    const drafts = [draft({}), draft({ start: 100, quote: 'x' })];
    expect([...confirmedDrafts(drafts, [() => new Set([0]), () => new Set([0, 1])])].sort()).toEqual([0, 1]);
    expect(confirmedDrafts(drafts, []).size).toBe(0);
  });
});

describe('confirmedByTableArithmetic', () => {
  it.each<[what: string, marks: (true | undefined)[], expected: number[]]>([
    ['only the drafts the table reader marked', [undefined, true, undefined, true], [1, 3]],
    ['no mark, nothing confirmed', [undefined, undefined], []],
  ])('%s', (_what, marks, expected) => {
    const drafts = marks.map((mark, i) =>
      draft({ value: `${i}0.00`, quote: `合计 | ${i}0.00`, start: i * 20, ...(mark ? { tableArithmetic: mark } : {}) }),
    );
    expect([...confirmedByTableArithmetic(drafts)].sort()).toEqual(expected);
  });

  it('is one of the CONFIRMATIONS ingest applies', () => {
    expect(CONFIRMATIONS).toContain(confirmedByTableArithmetic);
  });
});

describe('confirmedByTableRestatement', () => {
  const table = (over: Partial<DraftFigure>) =>
    draft({
      reader: STANDARD_TABLE_READER,
      quote: '| 11,538,000 | 0 | 11,538,000 |',
      value: '11,538,000',
      unit: '元',
      start: 1000,
      ...over,
    });
  const sentence = draft({ quote: '（一）支出预算1,153.8万元', start: 0 });
  it.each<[what: string, drafts: DraftFigure[], expected: number[]]>([
    [
      'a sentence restating an arithmetic-confirmed table figure (in 元 beside 万元), without a label',
      [sentence, table({ tableArithmetic: true })],
      [0],
    ],
    [
      'another table restating it',
      [table({ tableArithmetic: true }), draft({ quote: '| 支出 | 1,153.8 |', start: 2000, reader: 'table' })],
      [1],
    ],
    ['a table figure no sum covers and a sentence confirm each other', [sentence, table({})], [0, 1]],
    ['a table figure no sum covers and another pipe row: nothing', [table({}), draft({ quote: '| 支出 | 1,153.8 |', start: 2000 })], []],
    ['two standard-table figures no sum covers: nothing', [table({}), table({ start: 3000 })], []],
    ['another value', [draft({ value: '1,153.9', quote: '支出预算1,153.9万元' }), table({ tableArithmetic: true })], []],
    [
      'the 说明 in 万元 rounding the table in 元',
      [draft({ value: '1672.67', quote: '行政运行（项）1672.67万元' }), table({ value: '16,726,725.44', tableArithmetic: true })],
      [0],
    ],
    [
      'a 万元 figure the table in 元 does not round to (268.776 stated 268.77)',
      [draft({ value: '268.77', quote: '购房补贴（项）268.77万元' }), table({ value: '2,687,760.00', tableArithmetic: true })],
      [],
    ],
    ['another item', [draft({ item: '一般公共服务支出' }), table({ tableArithmetic: true })], []],
    ['two sentences, no table figure: nothing', [sentence, draft({ start: 500 })], []],
    [
      'a zero confirms nothing (a 政府性基金 支出 of 0 read as its income)',
      [
        draft({ value: '0.00', quote: '政府性基金拨款支出预算0.00万元' }),
        table({ value: '0', quote: '| 政府性基金 | 0 |', tableArithmetic: true }),
      ],
      [],
    ],
    ['the same place read twice: nothing', [table({ start: 1000 }), draft({ quote: '| 11,538,000 | 0 |', start: 1000 })], []],
  ])('%s', (_what, drafts, expected) => {
    expect([...confirmedByTableRestatement(drafts)].sort()).toEqual(expected);
  });

  it('is one of the CONFIRMATIONS ingest applies', () => {
    expect(CONFIRMATIONS).toContain(confirmedByTableRestatement);
  });
});
