import { describe, expect, it } from 'vitest';
import type { DraftFigure } from '../types';
import { onlyStatedTotals } from './only-total';

const fig = (metric: DraftFigure['metric'], quote: string, value: string, scope = ''): DraftFigure => ({
  metric,
  phase: 'actual',
  scope,
  item: '',
  value,
  unit: '万元',
  quote,
  start: 0,
});

describe('onlyStatedTotals: a grand total is the only stated total when no 本年合计 was read', () => {
  it.each<[name: string, figures: DraftFigure[], expected: [string, string][]]>([
    ['收入总计 alone is the income total', [fig('grand_total', '收入总计为415.2644万元', '415.2644')], [['income_total', '415.2644']]],
    ['支出总计 alone is the expenditure total', [fig('grand_total', '支出总计1651.74万元', '1651.74')], [['expenditure_total', '1651.74']]],
    [
      '收、支总计 is both',
      [fig('grand_total', '2023年度收、支总计1801.06万元', '1801.06')],
      [
        ['income_total', '1801.06'],
        ['expenditure_total', '1801.06'],
      ],
    ],
    [
      'a stated 本年收入合计 wins',
      [fig('income_total', '本年收入合计10911万元', '10911'), fig('grand_total', '收入总计16062.73万元', '16062.73')],
      [],
    ],
    [
      'a stated 本年支出合计 wins, income still promoted',
      [fig('expenditure_total', '本年支出合计9万元', '9'), fig('grand_total', '收、支总计10万元', '10')],
      [['income_total', '10']],
    ],
    ['a change in the grand total is not a total', [fig('grand_total', '收入总计较上年增加5万元', '5', 'change_vs_prior')], []],
    ['other metrics are left alone', [fig('basic_expenditure', '基本支出5万元', '5')], []],
  ])('%s', (_name, figures, expected) => {
    const out = onlyStatedTotals(figures);
    expect(out.map((f) => [f.metric, f.value])).toEqual(expected);
    for (const f of out) expect(f.confidence).toBeLessThan(1);
  });
});
