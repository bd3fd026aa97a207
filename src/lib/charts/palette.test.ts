import { describe, expect, it } from 'vitest';
import {
  BAR_COLOUR,
  CHART_BACKGROUND,
  contrastRatio,
  OVER_COLOUR,
  PHASE_COLOURS,
  RULE_COLOUR,
  SANGONG_COLOURS,
  SHARE_COLOURS,
} from './palette';

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    // the orange the 三公 chart used before: below 3:1
    ['#f28e2b', '#ffffff', 2.42],
  ])('%s on %s is %f:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });

  it('refuses what is not a #rrggbb colour', () => {
    expect(() => contrastRatio('red', '#ffffff')).toThrow(/#rrggbb/);
  });
});

const colours: [string, string][] = [
  ...Object.entries(PHASE_COLOURS).map(([k, v]): [string, string] => [`phase ${k}`, v]),
  ...Object.entries(SANGONG_COLOURS).map(([k, v]): [string, string] => [`sangong ${k}`, v]),
  ...Object.entries(SHARE_COLOURS).map(([k, v]): [string, string] => [`share ${k}`, v]),
  ['bar', BAR_COLOUR],
  ['over 100%', OVER_COLOUR],
  ['rule', RULE_COLOUR],
];

describe('the palette against the chart background', () => {
  it.each(colours)('%s (%s) reaches 3:1 (WCAG 1.4.11)', (_name, colour) => {
    expect(contrastRatio(colour, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it('gives each phase its own colour', () => {
    expect(new Set(Object.values(PHASE_COLOURS)).size).toBe(3);
  });
});
