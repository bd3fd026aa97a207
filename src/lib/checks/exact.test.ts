import { describe, expect, it } from 'vitest';
import { agrees, divideIntervals, fenIn, intervalOf, measure, rat, toDecimal, type Measured } from './exact';
import type { MeasureUnit } from '../../schemas/vocabulary';

const show = (m: Measured | null) => (m ? `${toDecimal(m.value, 8)}±${toDecimal(m.half, 8)}` : null);

describe('measure: a stated number in its base unit with half a unit of its last digit', () => {
  it.each<[string, MeasureUnit, string | null]>([
    ['300.1', '万元', '300100000±50000'],
    ['300.11', '万元', '300110000±5000'],
    ['1,153.8', '万元', '1153800000±50000'],
    ['2836283.89', '元', '283628389±0.5'],
    ['0', '万元', '0±500000'],
    ['-1,075.5', '万元', '-1075500000±50000'],
    ['1.63', '%', '1.63±0.005'],
    ['0.628571429', 'ratio', '62.8571429±0.00000005'],
    ['1.04', 'ratio', '104±0.5'],
    ['8', '分', '8±0'],
    ['4.89', '分', '4.89±0.005'],
    ['3', '人', '3±0'],
    ['１２．５', '万元', '12500000±50000'],
    ['abc', '万元', null],
    ['', '元', null],
    ['1.2.3', '元', null],
  ])('%s %s → %s', (value, unit, expected) => {
    expect(show(measure(value, unit))).toBe(expected);
  });
});

describe('agrees: two statements of one quantity', () => {
  it.each<[string, string, MeasureUnit, string, MeasureUnit, boolean]>([
    ['rounding: 300.1 and 300.11 万元', '300.1', '万元', '300.11', '万元', true],
    ['rounding across units: 2836283.89 元 and 283.63 万元', '2836283.89', '元', '283.63', '万元', true],
    ['1.56 万元 and 0 元 differ', '1.56', '万元', '0', '元', false],
    ['24.44 and 20.4 万元 differ', '24.44', '万元', '20.4', '万元', false],
    ['a ratio and its percentage', '0.17312603', 'ratio', '17.31', '%', true],
    ['300.1 and 300.3 万元 differ', '300.1', '万元', '300.3', '万元', false],
    ['300.1 and 300.2 万元 touch at 300.15: not told apart', '300.1', '万元', '300.2', '万元', true],
    ['exact counts: 3 and 4', '3', '人', '4', '人', false],
  ])('%s', (_name, a, ua, b, ub, expected) => {
    const x = measure(a, ua);
    const y = measure(b, ub);
    expect(x && y && agrees(x, y)).toBe(expected);
  });
});

describe('exact helpers', () => {
  it('rounds half away from zero', () => {
    expect(toDecimal(rat(1n, 8n), 2)).toBe('0.13');
    expect(toDecimal(rat(-1n, 8n), 2)).toBe('-0.13');
    expect(toDecimal(rat(-1n, 3000n), 2)).toBe('0');
    expect(toDecimal(rat(1014n, 62116n), 4)).toBe('0.0163');
  });

  it('cannot divide by an interval that contains zero', () => {
    const zero = measure('0', '万元');
    const part = measure('5', '万元');
    expect(zero && part && divideIntervals(intervalOf(part), intervalOf(zero))).toBeNull();
    const whole = measure('10', '万元');
    expect(whole && part && divideIntervals(intervalOf(part), intervalOf(whole))).not.toBeNull();
  });

  it('writes fen in a money unit', () => {
    expect(fenIn(rat(1027987389n), '万元')).toBe('1027.987389');
    expect(fenIn(rat(283628389n), '元')).toBe('2836283.89');
    expect(() => rat(1n, 0n)).toThrow();
  });
});
