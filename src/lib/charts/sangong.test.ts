import { describe, expect, it } from 'vitest';
import { makeInput, makeReport } from '../checks/fixtures';
import type { SangongRow } from '../views';
import { sangongChart, type SangongChartLabels } from './sangong';
import { SANGONG_COLOURS } from './palette';

const labels: SangongChartLabels = {
  row: (r) => `${r.report.unit_short_name} ${r.phase}`,
  abroad: '出国',
  vehicle: '公车',
  reception: '接待',
  total: '合计',
  axis: '万元',
};
const figures = makeInput([
  { metric: 'sangong_abroad', value: '0', unit: '万元', phase: 'actual' },
  { metric: 'sangong_abroad', value: '0.5', unit: '万元', phase: 'actual' },
  { metric: 'sangong_vehicle_total', value: '1.2', unit: '万元', phase: 'actual' },
  { metric: 'sangong_reception', value: '0.25', unit: '万元', phase: 'actual' },
  { metric: 'sangong_total', value: '1.5639', unit: '万元', phase: 'actual' },
]).figures;
const [abroadZero, abroad, vehicle, reception, total] = figures;
const row = (report: string, parts: Partial<SangongRow>): SangongRow => ({
  report: makeReport({ id: report, unit_short_name: report }),
  phase: 'actual',
  ...parts,
});
const legendOf = (rows: SangongRow[]) => {
  const color = sangongChart(rows, labels).color;
  return { domain: color?.domain, range: color?.range };
};

describe('sangongChart legend', () => {
  it.each<[string, SangongRow[], string[], string[]]>([
    [
      'every part drawn',
      [row('甲', { abroad, vehicle, reception })],
      ['出国', '公车', '接待'],
      [SANGONG_COLOURS.abroad, SANGONG_COLOURS.vehicle, SANGONG_COLOURS.reception],
    ],
    [
      'a part stated as 0 everywhere has no entry',
      [row('甲', { abroad: abroadZero, vehicle, reception })],
      ['公车', '接待'],
      [SANGONG_COLOURS.vehicle, SANGONG_COLOURS.reception],
    ],
    [
      'a total only where no part is stated',
      [row('甲', { vehicle }), row('乙', { total })],
      ['公车', '合计'],
      [SANGONG_COLOURS.vehicle, SANGONG_COLOURS.total],
    ],
    ['nothing stated', [], [], []],
  ])('%s', (_name, rows, domain, range) => {
    expect(legendOf(rows)).toEqual({ domain, range });
  });
});
