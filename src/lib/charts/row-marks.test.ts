import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { markRowLayout, markRows } from './row-marks';

interface Datum {
  label: string;
  value: number;
}

/** A bar chart as Chart.astro renders it (Plot against linkedom), before the inner aria-labels are taken off. */
function render(marks: Plot.Markish[], y: Plot.ScaleOptions = {}): { svg: Element; step: number | undefined } {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ marks, y, document });
  return { svg: chart as unknown as Element, step: chart.scale('y')?.step };
}

const keysOf = (svg: Element, selector: string) => [...svg.querySelectorAll(selector)].map((el) => el.getAttribute('data-row'));

describe('markRows', () => {
  const data: Datum[] = [
    { label: '甲', value: 3 },
    { label: '乙', value: 2 },
    { label: '丙', value: 1 },
  ];

  it.each<[string, (string | undefined)[], (string | null)[]]>([
    // the mark's filter leaves 乙 out of the index: the keys follow the index, not the children's places
    ['each drawn datum gets its own key', ['k0', 'k1', 'k2'], ['k0', 'k2']],
    ['a datum without a key gets none', ['k0', undefined, undefined], ['k0', null]],
    ['no key at all: nothing written', [undefined, undefined, undefined], [null, null]],
  ])('%s', (_name, keys, written) => {
    const { svg } = render([Plot.barX(data, { x: 'value', y: 'label', filter: (d: Datum) => d.label !== '乙', render: markRows(keys) })]);
    expect(keysOf(svg, 'rect')).toEqual(written);
    expect(svg.querySelector('[data-bands]')).toBeNull();
  });

  it('marks the group of band labels, each label with its key', () => {
    const { svg } = render([Plot.axisY(['甲', '丙'], { render: markRows(['k0', 'k2'], { bands: true }) })], { axis: null });
    const bands = [...svg.querySelectorAll('[data-bands]')];
    // the axis' ticks and its labels
    expect(bands.length).toBe(2);
    for (const group of bands) expect([...group.children].map((el) => el.getAttribute('data-row'))).toEqual(['k0', 'k2']);
  });
});

describe('markRowLayout', () => {
  const data: Datum[] = [
    { label: '甲', value: 3 },
    { label: '乙', value: 2 },
  ];
  const keyed = () =>
    render(
      [
        Plot.barX(data, { x: 'value', y: 'label', render: markRows(['0', '1']) }),
        Plot.ruleX([0]),
        Plot.axisY(['甲', '乙'], { render: markRows(['0', '1'], { bands: true }) }),
      ],
      { axis: null },
    );

  it('marks the x axis below the bands and the lines across them, and the band step', () => {
    const { svg, step } = keyed();
    markRowLayout(svg, step);
    expect(Number(svg.getAttribute('data-step'))).toBe(step);
    expect(step).toBeGreaterThan(0);
    const named = (attr: string) => [...svg.querySelectorAll(`[${attr}]`)].map((g) => g.getAttribute('aria-label'));
    expect(named('data-below')).toEqual(['x-axis tick', 'x-axis tick label', 'x-axis label']);
    expect(named('data-span').sort()).toEqual(['rule']);
  });

  it.each<[string, () => { svg: Element; step: number | undefined }, number | undefined]>([
    ['a chart whose bands are no rows', () => render([Plot.barX(data, { x: 'value', y: 'label' })]), undefined],
    ['no band step', keyed, undefined],
    ['a step of 0', keyed, 0],
  ])('leaves %s as it is', (_name, draw, step) => {
    const { svg } = draw();
    const before = svg.outerHTML;
    markRowLayout(svg, step);
    expect(svg.outerHTML).toBe(before);
  });
});
