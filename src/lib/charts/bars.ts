import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { barFrame, barInsets, xAxis, CHART_FONT_PX, type ChartLayout } from './layout';
import { BAR_COLOUR, OVER_COLOUR, RULE_COLOUR } from './palette';
import { markRows } from './row-marks';

// Plot links a bar to any href that is not null: '' would link the bar to the page it is on.
const linkOf = (d: { href: string }) => (d.href === '' ? null : d.href);

/** One bar: an approximate value to draw, the exact text to show, and where the bar leads. */
export interface BarDatum {
  label: string;
  /** Approximate, for drawing only; `text` is the exact value. */
  value: number;
  text: string;
  /** The unit's page, relative to the page the chart is on; '' for a bar that leads nowhere. */
  href: string;
  /** Native tooltip: the label and the exact value. */
  title: string;
  /** The key of the table row the bar draws (row-marks.ts); none for a chart that does not follow a table. */
  row?: string;
}

export interface ValueBarOptions {
  axis: string;
  layout: ChartLayout;
  /** A reference line (100 for a rate); bars beyond it are drawn in the warning colour. */
  reference?: number;
}

/** One bar per label, its exact value written at its end; a bar links to its unit. */
export function valueBarChart(data: readonly BarDatum[], options: ValueBarOptions): PlotOptions {
  const { layout, reference } = options;
  const { frame, labelMarks } = barFrame(layout, data, { marginRight: 64 });
  const rows = markRows(data.map((d) => d.row));
  const insets = barInsets(layout);
  const max = Math.max(reference ?? 0, ...data.map((d) => d.value));
  const min = Math.min(0, ...data.map((d) => d.value));
  const over = (d: BarDatum) => reference !== undefined && d.value > reference;
  return {
    ...frame,
    x: xAxis(layout, options.axis, [min, max]),
    marks: [
      Plot.barX(data, {
        x: 'value',
        y: 'label',
        fill: (d: BarDatum) => (over(d) ? OVER_COLOUR : BAR_COLOUR),
        href: linkOf,
        title: 'title',
        ...insets,
        render: rows,
      }),
      // the value beside the bar's end, level with the bar (which sits low in its band in the narrow layout)
      Plot.text(data, {
        x: 'value',
        y: 'label',
        text: 'text',
        dx: 4,
        dy: (insets.insetTop - insets.insetBottom) / 2,
        textAnchor: 'start',
        fontSize: CHART_FONT_PX,
        render: rows,
      }),
      ...(reference === undefined
        ? [Plot.ruleX([0], { stroke: RULE_COLOUR })]
        : [Plot.ruleX([reference], { stroke: RULE_COLOUR, strokeDasharray: '4,3' })]),
      ...labelMarks,
    ],
  };
}

/** One segment of a stacked bar: a part of one row's whole. */
export interface SegmentDatum {
  label: string;
  part: string;
  value: number;
  href: string;
  title: string;
  /** The key of the table row the segment's bar draws (row-marks.ts). */
  row?: string;
}

export interface StackedBarOptions {
  axis: string;
  layout: ChartLayout;
  /** Parts in stacking order with their colours; the legend names only those drawn as a bar somewhere. */
  parts: readonly (readonly [string, string])[];
}

/** Stacked horizontal bars; each segment links to its unit and names its part and exact value in a tooltip. */
export function stackedBarChart(data: readonly SegmentDatum[], options: StackedBarOptions): PlotOptions {
  const { layout } = options;
  const bands = [...new Map(data.map((d) => [d.label, { label: d.label, row: d.row }])).values()];
  const { frame, labelMarks } = barFrame(layout, bands);
  // A part no row states, or states as 0 everywhere, would be a legend entry pointing at nothing (the table beside
  // the chart still shows the zeros).
  const drawn = options.parts.filter(([part]) => data.some((d) => d.part === part && d.value !== 0));
  const order = options.parts.map(([part]) => part);
  return {
    ...frame,
    x: xAxis(layout, options.axis),
    color: {
      legend: true,
      domain: drawn.map(([part]) => part),
      range: drawn.map(([, colour]) => colour),
    },
    marks: [
      Plot.barX(data, {
        x: 'value',
        y: 'label',
        fill: 'part',
        order: (d: SegmentDatum) => order.indexOf(d.part),
        href: linkOf,
        title: 'title',
        stroke: 'white',
        ...barInsets(layout),
        render: markRows(data.map((d) => d.row)),
      }),
      Plot.ruleX([0], { stroke: RULE_COLOUR }),
      ...labelMarks,
    ],
  };
}
