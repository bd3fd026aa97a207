import { describe, expect, it } from 'vitest';
import {
  canonMetric,
  figureKey,
  formatDocumentScore,
  formatSetScore,
  goldKeys,
  normValue,
  precisionOf,
  pyFixed,
  pyFloatStr,
  pyRepr,
  recallOf,
  sameValue,
  scoreDocument,
  totalScore,
  type FigureKey,
} from './evaluate';

// Expected values below are what Python 3 prints for the same expressions (round, format, repr, str).
describe('Python number formatting', () => {
  it.each([
    [0.125, 2, '0.12'], // an exact tie goes to the even digit
    [0.375, 2, '0.38'],
    [2.675, 2, '2.67'], // 2.675 is stored just below the tie
    [0.0625, 3, '0.062'],
    [3 / 16, 3, '0.188'],
    [-0.125, 2, '-0.12'],
    [0.9996, 3, '1.000'],
    [99.99999, 4, '100.0000'],
    [123456.785 * 10000, 2, '1234567850.00'],
    [0, 3, '0.000'],
  ])('round(%s, %i) is %s', (x, places, expected) => {
    expect(pyFixed(x, places)).toBe(expected);
  });

  it.each([
    [1, '1.0'],
    [109110000, '109110000.0'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [1.2345678901234568e16, '1.2345678901234568e+16'],
    [1234567890123456, '1234567890123456.0'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [123.45, '123.45'],
    [-0.5, '-0.5'],
  ])('str(%s) is %s', (x, expected) => {
    expect(pyFloatStr(x)).toBe(expected);
  });

  it.each([
    [null, 'None'],
    ['天水市妇幼保健院', "'天水市妇幼保健院'"],
    ["a'b", '"a\'b"'],
    ['a"b\'c', "'a\"b\\'c'"],
    ['x\ty\\', "'x\\ty\\\\'"],
    [2021, '2021'],
  ])('repr(%s) is %s', (value, expected) => {
    expect(pyRepr(value)).toBe(expected);
  });
});

describe('normValue: money in 元 to the fen, ratios as percent, other units as stated', () => {
  it.each([
    [10911, '万元', { kind: 'money', value: 109110000 }],
    ['1,234.5', '元', { kind: 'money', value: 1234.5 }],
    [415.2644, '万元', { kind: 'money', value: 4152644 }],
    [1.5, '亿元', { kind: 'money', value: 150000000 }],
    [3, '万', { kind: 'money', value: 30000 }],
    [0.5, 'ratio', { kind: 'pct', value: 50 }],
    [98.123456, '%', { kind: 'pct', value: 98.1235 }],
    [176, '人', { kind: '人', value: 176 }],
    [' 1_000 ', '人次', { kind: '人次', value: 1000 }],
    [5, null, { kind: '', value: 5 }],
    [null, '元', null],
    ['12万', '元', null],
    ['', '元', null],
  ])('%s %s', (value, unit, expected) => {
    expect(normValue(value, unit)).toEqual(expected);
  });
});

describe('sameValue tolerances', () => {
  const money = (value: number) => ({ kind: 'money', value });
  const pct = (value: number) => ({ kind: 'pct', value });
  it.each([
    [money(100), money(100.01), true],
    [money(100), money(100.02), false],
    [pct(95.5), pct(95.505), true],
    [pct(95.5), pct(95.51), false],
    [{ kind: '人', value: 3 }, { kind: '人', value: 3 }, true],
    [{ kind: '人', value: 3 }, { kind: '人', value: 3.0001 }, false],
    [money(5), pct(5), false],
    [{ kind: '人', value: 5 }, { kind: '人次', value: 5 }, false],
  ])('%o ~ %o: %s', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });
});

describe('canonMetric', () => {
  it.each([
    ['sangong_total', null, '万元', 'sangong_total'],
    ['sangong_total', 'change_vs_prior', '万元', 'sangong_total@change_vs_prior'],
    ['sangong_total', ' Prior_Year ', '万元', 'sangong_total@prior_year'],
    ['basic_expenditure', null, '%', 'basic_expenditure@share'],
    ['basic_expenditure', null, 'ratio', 'basic_expenditure@share'],
    ['execution_rate', null, '%', 'execution_rate'],
    ['self_eval_score', null, '%', 'self_eval_score'],
    ['budget_initial', 'basic', '万元', 'basic_expenditure'],
    ['budget_adjusted', 'project', '万元', 'project_expenditure'],
    ['budget_executed', '某某项目', '万元', 'budget_executed'],
    ['basic_expenditure', 'project', '万元', 'basic_expenditure'],
  ])('%s scope %s unit %s is %s', (metric, scope, unit, expected) => {
    expect(canonMetric(metric, scope, unit)).toBe(expected);
  });
});

const key = (metric: string, value: number, phase: string | null = 'actual'): FigureKey => ({
  metric,
  value: { kind: 'money', value },
  phase,
});

describe('figure keys', () => {
  it('skips a figure without metric, value or unit, or with a value that is no number', () => {
    expect(figureKey({ metric: 'sangong_total', value: 1, unit: '万元' })).toEqual(key('sangong_total', 10000, null));
    expect(figureKey({ metric: 'sangong_total', unit: '万元' })).toBeNull();
    expect(figureKey({ metric: 'sangong_total', value: 1 })).toBeNull();
    expect(figureKey({ value: 1, unit: '万元' })).toBeNull();
    expect(figureKey({ metric: 'sangong_total', value: 'n/a', unit: '万元' })).toBeNull();
  });

  it('counts a metric and value labelled twice once, the first label', () => {
    const gold = {
      figures: [
        { metric: 'sangong_total', value: 5, unit: '万元', phase: 'actual' },
        { metric: 'sangong_total', value: 50000, unit: '元', phase: 'budget' },
        { metric: 'sangong_total', value: 6, unit: '万元', phase: 'budget' },
      ],
    };
    expect(goldKeys(gold)).toEqual([key('sangong_total', 50000), key('sangong_total', 60000, 'budget')]);
    expect(goldKeys({})).toEqual([]);
  });
});

describe('recall and precision', () => {
  const gold = [key('sangong_total', 100), key('sangong_reception', 20), key('income_total', 500, 'budget')];
  it.each<[string, (FigureKey | null)[], number, number, number]>([
    // name, found, recall hits, precision ok, precision considered
    ['all found, nothing else', [key('sangong_total', 100), key('sangong_reception', 20), key('income_total', 500, 'budget')], 3, 3, 3],
    ['the phase does not matter for recall', [key('sangong_total', 100, 'budget')], 1, 1, 1],
    ['a wrong value of a labelled metric and phase', [key('sangong_total', 101)], 0, 0, 1],
    ['a budget column beside labelled actuals is not judged', [key('sangong_total', 90, 'budget')], 0, 0, 0],
    ['a metric the gold does not use is not judged', [key('staff_count', 3)], 0, 0, 0],
    ['a change from last year is keyed apart', [key('sangong_total@change_vs_prior', 7)], 0, 0, 0],
    ['unreadable figures are ignored', [null, key('sangong_reception', 20)], 1, 1, 1],
  ])('%s', (_name, found, hits, ok, considered) => {
    expect(recallOf(gold, found).hit).toBe(hits);
    expect(recallOf(gold, found).total).toBe(3);
    const p = precisionOf(gold, found);
    expect([p.ok, p.considered]).toEqual([ok, considered]);
  });

  it('judges every phase where the gold gives none', () => {
    const unphased = [key('sangong_total', 100, null)];
    expect(precisionOf(unphased, [key('sangong_total', 90, 'budget')])).toMatchObject({ ok: 0, considered: 1 });
  });

  it('with a phase given, judges only that phase (and budget_* metrics)', () => {
    const unphased = [key('sangong_total', 100, null), key('budget_initial', 5, null)];
    expect(precisionOf(unphased, [key('sangong_total', 90, 'budget'), key('budget_initial', 6, 'budget')], 'actual')).toMatchObject({
      ok: 0,
      considered: 1,
    });
  });
});

describe('scoreDocument', () => {
  const gold = {
    unit: '寿县司法局',
    year: 2022,
    kind: '三公经费说明',
    figures: [{ metric: 'sangong_total', value: 5, unit: '万元', quote: '三公经费5万元', phase: 'actual' }],
  };
  const text = '寿县司法局2022年三公经费5万元。';

  it('scores figures, header fields and quotes', () => {
    const out = {
      unit: ' 寿县司法局 ',
      year: 2022,
      kind: '部门预算',
      figures: [
        { metric: 'sangong_total', phase: 'actual', scope: null, value: 5, unit: '万元', quote: '三公经费5万元' },
        { metric: 'sangong_total', phase: 'actual', scope: null, value: 4, unit: '万元', quote: '不在文中4万元' },
      ],
    };
    const d = scoreDocument('B01', text, gold, out);
    expect(d.recall).toMatchObject({ hit: 1, total: 1 });
    expect(d.precision).toMatchObject({ ok: 1, considered: 2 });
    expect(d.header).toEqual({ unit: true, year: true, kind: false });
    expect(d.quotes).toEqual({ ok: 1, total: 2 });
    expect(formatDocumentScore(d)).toEqual([
      "B01: recall 1/1 precision 1/2 unit=' 寿县司法局 ' year=2022 kind=部门预算  (gold: '寿县司法局' 2022 三公经费说明)",
      '    wrong  sangong_total 40000.0 (actual)',
    ]);
  });

  it('leaves out header fields the gold leaves null, and counts a failure against the extractor', () => {
    const d = scoreDocument('A21', text, { ...gold, unit: null }, new Error('boom'));
    expect(d.failed).toBe('boom');
    expect(d.header).toEqual({ unit: null, year: false, kind: false });
    expect(d.recall).toMatchObject({ hit: 0, total: 1 });
    expect(formatDocumentScore(d)).toEqual([
      'A21: extractor failed: boom',
      'A21: recall 0/1 precision 0/0 unit=None year=None kind=None  (gold: None 2022 三公经费说明)',
      '    missed sangong_total 50000.0',
    ]);
    expect(
      formatSetScore(totalScore([d, scoreDocument('B01', text, gold, { unit: '寿县司法局', year: 2022, kind: null, figures: [] })])),
    ).toBe('recall 0.000 (0/2) precision 0.000 (0/0) header unit1/1 year1/2 kind0/2 quotes-ok 0/0 docs 2 failed 1');
  });
});
