import { describe, expect, it } from 'vitest';
import type { MeasureUnit, MetricKey } from '../../../schemas/vocabulary';
import { scanCopy } from '../tokens';
import type { DraftFigure, ExtractContext } from '../types';
import { rateFormulas } from '../readers/formula';
import { formulaFigures, formulaMoneyUnit, rateUnit, sameAmount } from './formula';

const stated = (metric: MetricKey, value: string, unit: MeasureUnit): DraftFigure => ({
  metric,
  phase: 'actual',
  scope: '',
  item: '',
  value,
  unit,
  quote: value,
  start: 0,
});

describe('sameAmount: a bare number is an amount the report states elsewhere', () => {
  it.each<[bare: string, unit: MeasureUnit, figure: DraftFigure, same: boolean]>([
    ['15639', '元', stated('sangong_total', '1.56', '万元'), true],
    ['10279873.89', '元', stated('budget_initial', '1027.99', '万元'), true],
    ['15639', '万元', stated('sangong_total', '1.56', '万元'), false],
    ['7443590', '元', stated('project_expenditure', '7443590', '元'), true],
    ['1027.99', '万元', stated('budget_initial', '1,027.99', '万元'), true],
    // too few digits stated to tell agreement from coincidence
    ['15000', '元', stated('sangong_total', '1.5', '万元'), false],
    ['0', '元', stated('sangong_total', '0.00', '万元'), false],
  ])('%s %s against %o: %s', (bare, unit, figure, same) => {
    expect(sameAmount(bare, unit, figure)).toBe(same);
  });
});

describe('formulaMoneyUnit: the unit of a formula’s bare amounts', () => {
  it.each<[name: string, parts: { metric: MetricKey; value: string }[], figures: DraftFigure[], unit: MeasureUnit | null]>([
    [
      'one part stated elsewhere in 万元',
      [
        { metric: 'sangong_total', value: '15639' },
        { metric: 'sangong_total', value: '15000' },
      ],
      [stated('sangong_total', '1.56', '万元')],
      '元',
    ],
    [
      'stated under another metric only',
      [{ metric: 'sangong_total', value: '15639' }],
      [stated('sangong_reception', '1.56', '万元')],
      null,
    ],
    ['stated nowhere', [{ metric: 'budget_initial', value: '10279873.89' }], [], null],
    ['counts are no money', [{ metric: 'staff_count', value: '23' }], [stated('staff_count', '23', '人')], null],
  ])('%s', (_name, parts, figures, unit) => {
    expect(formulaMoneyUnit(parts, figures)).toBe(unit);
  });
});

describe('rateUnit: the stated rate against its fraction', () => {
  it.each<[rate: string, numerator: string, denominator: string, unit: 'ratio' | '%' | null]>([
    ['1.04', '15639', '15000', 'ratio'],
    ['104.26', '15639', '15000', '%'],
    ['0', '0', '10279873.89', 'ratio'],
    ['0.82', '23', '28', 'ratio'],
    ['1.5', '15639', '15000', null],
    ['0', '0', '0', null],
  ])('%s for %s/%s: %s', (rate, numerator, denominator, unit) => {
    expect(rateUnit(rate, numerator, denominator)).toBe(unit);
  });
});

describe('formulaFigures', () => {
  const context = (text: string): ExtractContext => ({
    text,
    scan: scanCopy(text),
    kind: '部门整体支出绩效自评',
    year: 2020,
    defaultPhase: 'actual',
    projectScope: '',
    sectionScope: () => '',
    declaredUnit: () => null,
  });
  const read = (text: string, figures: DraftFigure[]) =>
    formulaFigures(context(text), rateFormulas(scanCopy(text)), figures).map((f) => [f.metric, f.phase, f.scope, f.value, f.unit]);

  it('reads the operands in the unit the report confirms, and the rate its arithmetic confirms', () => {
    const text = '“三公经费”控制率1.04=（“三公经费”实际支出数15639/“三公经费”预算安排数15000）×100%。';
    expect(read(text, [stated('sangong_total', '1.56', '万元')])).toEqual([
      ['sangong_total', 'actual', '', '15639', '元'],
      ['sangong_total', 'budget', '', '15000', '元'],
      ['execution_rate', 'actual', '', '1.04', 'ratio'],
    ]);
  });

  it('reads a rate once: not where another reader read its words', () => {
    const text = '“三公经费”控制率1.04=（“三公经费”实际支出数15639/“三公经费”预算安排数15000）×100%。';
    const prose: DraftFigure = { ...stated('execution_rate', '1.04', 'ratio'), start: 0 };
    expect(read(text, [prose])).toEqual([]);
  });

  it('leaves amounts the report does not confirm unread', () => {
    const text = '“三公经费”控制率1.04=（“三公经费”实际支出数15639/“三公经费”预算安排数15000）×100%。';
    expect(read(text, [])).toEqual([['execution_rate', 'actual', '', '1.04', 'ratio']]);
  });

  it('reads a previous year’s amount once, and no rate it does not state', () => {
    const text = '“三公经费”变动率=[（本年度“三公经费”总额15639-上年度“三公经费”总额0）/上年度“三公经费”总额0]×100%。';
    expect(read(text, [stated('sangong_total', '1.56', '万元')])).toEqual([
      ['sangong_total', 'actual', '', '15639', '元'],
      ['sangong_total', 'actual', 'prior_year', '0', '元'],
    ]);
  });

  it('reads staff counts in 人 and leaves a narrower label (重点项目支出) and an unknown rate alone', () => {
    expect(read('在职人员控制率0.82=（在职人员数23/编制数28）×100%', [])).toEqual([
      ['staff_count', 'actual', '', '23', '人'],
      ['staff_quota', 'actual', '', '28', '人'],
    ]);
    expect(
      read('重点支出安排率1.00=（重点项目支出7443590/项目总支出7443590）×100%', [stated('project_expenditure', '7443590', '元')]),
    ).toEqual([['project_expenditure', 'actual', '', '7443590', '元']]);
  });
});
