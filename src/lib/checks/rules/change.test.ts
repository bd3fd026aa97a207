import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec } from '../fixtures';
import { checkChangeRate, checkChangeWithoutReason } from './change';

const change = (rate: string, reason: string): FigureSpec[] => [
  { metric: 'grand_total', value: '1,153.8', unit: '万元', quote: '收、支总计1,153.8万元' },
  { metric: 'grand_total', value: '-1,075.5', unit: '万元', scope: 'change_vs_prior', quote: '减少1,075.5万元', sameLine: true },
  { metric: 'grand_total', value: rate, unit: '%', scope: 'change_vs_prior', quote: `下降${rate.replace('-', '')}%${reason}`, sameLine: true },
];

describe.each<[string, FigureSpec[], string[], string[]]>([
  ['a rate that matches change ÷ previous year, with a reason', change('-48.2', '。主要变动原因是项目经费减少'), [], []],
  ['a rate that does not match', change('-58.2', '。主要原因是项目经费减少'), ['error'], []],
  ['a large change without a reason', change('-48.2', '。'), [], ['warning']],
  ['由于 gives a reason', change('-48.2', '，由于项目结束'), [], []],
  ['a previous year of 0 cannot give a rate', [
    { metric: 'sangong_total', value: '1.56', unit: '万元' },
    { metric: 'sangong_total', value: '1.56', unit: '万元', scope: 'change_vs_prior' },
    { metric: 'sangong_total', value: '100', unit: '%', scope: 'change_vs_prior', quote: '增长100%，因新成立' },
  ], ['warning'], []],
  ['a change computed from the previous year stated, small', [
    { metric: 'operation_expenditure', value: '34.41', unit: '万元' },
    { metric: 'operation_expenditure', value: '30', unit: '万元', scope: 'prior_year' },
  ], [], []],
  ['a change computed from the previous year stated, large and unexplained', [
    { metric: 'operation_expenditure', value: '64.41', unit: '万元' },
    { metric: 'operation_expenditure', value: '30', unit: '万元', scope: 'prior_year' },
  ], [], ['warning']],
])('%s', (_name, figures, rate, reason) => {
  it(`→ rate ${rate.join(',') || 'ok'}, reason ${reason.join(',') || 'ok'}`, () => {
    const input = makeInput(figures);
    expect(checkChangeRate(input).map((d) => d.severity)).toEqual(rate);
    expect(checkChangeWithoutReason(input).map((d) => d.severity)).toEqual(reason);
  });
});
