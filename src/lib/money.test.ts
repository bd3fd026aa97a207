import { describe, expect, it } from 'vitest';
import { isMoneyUnit, sumFen, toFen, toYuanString } from './money';
import { formatScaled } from './numbers';
import { UNIT_NAMES, type MeasureUnit } from '../schemas/vocabulary';

describe('toYuanString and toFen', () => {
  it.each<[string, MeasureUnit, string, bigint]>([
    ['1,153.8', '万元', '11538000', 1_153_800_000n],
    ['１，１５３．８', '万元', '11538000', 1_153_800_000n],
    ['2836283.89', '元', '2836283.89', 283_628_389n],
    ['0.25', '万元', '2500', 250_000n],
    ['-0.29', '万元', '-2900', -290_000n],
    ['-1,075.5', '万元', '-10755000', -1_075_500_000n],
    ['205.60', '万元', '2056000', 205_600_000n],
    ['0.000001', '万元', '0.01', 1n],
    ['0.123456', '万元', '1234.56', 123_456n],
    ['0.10', '元', '0.1', 10n],
    ['1.230', '元', '1.23', 123n],
    ['0', '万元', '0', 0n],
    ['0', '元', '0', 0n],
    ['100,000', '元', '100000', 10_000_000n],
    ['2.09', '亿元', '209000000', 20_900_000_000n],
    ['0.0000000001', '亿元', '0.01', 1n],
    ['-1.5', '亿元', '-150000000', -15_000_000_000n],
  ])('%j %s → %j 元 (%s fen)', (value, unit, yuan, fen) => {
    expect(toYuanString(value, unit)).toBe(yuan);
    expect(toFen(value, unit)).toBe(fen);
  });

  it.each<[string, MeasureUnit]>([
    ['0.001', '元'],
    ['0.125', '元'],
    ['0.0000001', '万元'],
    ['1.1234567', '万元'],
    ['0.00000000001', '亿元'],
  ])('%j %s is a fraction of a fen → null', (value, unit) => {
    expect(toFen(value, unit)).toBeNull();
    expect(toYuanString(value, unit)).toBeNull();
  });

  it.each<[string, MeasureUnit]>([
    ['97.5', '%'],
    ['0.628571429', 'ratio'],
    ['23', '人'],
    ['95', '分'],
    ['3', '辆'],
  ])('%j %s is not money → null', (value, unit) => {
    expect(toFen(value, unit)).toBeNull();
    expect(toYuanString(value, unit)).toBeNull();
  });

  it.each<[string, MeasureUnit]>([
    ['1.2.3', '万元'],
    ['1,23', '元'],
    ['abc', '元'],
    ['', '万元'],
    ['1e5', '元'],
  ])('malformed %j %s → null', (value, unit) => {
    expect(toFen(value, unit)).toBeNull();
  });
});

describe('sums in fen are exact where floats are not', () => {
  const fenOf = (value: string, unit: MeasureUnit): bigint => {
    const fen = toFen(value, unit);
    if (fen === null) throw new Error(`${value} ${unit} is not an amount in whole fen`);
    return fen;
  };
  const sumYuan = (values: string[], unit: MeasureUnit) => formatScaled(sumFen(values.map((v) => fenOf(v, unit))), 2);

  it.each<[string, string[], MeasureUnit, string]>([
    ['0.1 + 0.2 万元', ['0.1', '0.2'], '万元', '3000'],
    ['0.1 + 0.2 元', ['0.1', '0.2'], '元', '0.3'],
    ['ten times 0.1 元', Array(10).fill('0.1'), '元', '1'],
    ['1.1 + 2.2 + 3.3 元', ['1.1', '2.2', '3.3'], '元', '6.6'],
    ['0.000001 万元 a thousand times', Array(1000).fill('0.000001'), '万元', '10'],
    ['amounts with a decrease', ['1,153.8', '-1,075.5', '0.29'], '万元', '785900'],
  ])('%s', (_name, values, unit, expected) => {
    expect(sumYuan(values, unit)).toBe(expected);
  });

  it('the float sum of the same values is off (the reason for fen)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumFen([fenOf('0.1', '万元'), fenOf('0.2', '万元')])).toBe(fenOf('0.3', '万元'));
  });

  it('sumFen of nothing is 0', () => {
    expect(sumFen([])).toBe(0n);
  });
});

describe('isMoneyUnit', () => {
  const MONEY: readonly MeasureUnit[] = ['元', '万元', '亿元'];
  it.each(UNIT_NAMES.map((u) => [u, MONEY.includes(u)] as const))('%s → %s', (unit, money) => {
    expect(isMoneyUnit(unit)).toBe(money);
  });
});
