import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { markRows } from './row-marks';

/**
 * Two layouts of a chart of labelled horizontal bars, both rendered at build time; Chart.astro shows one by a CSS
 * media query. `wide` puts the labels in a left margin; `narrow` is drawn for a phone's width (it is shown at
 * its own size, never scaled down: its text stays CHART_FONT_PX tall) and writes each label above its bar.
 */
export type ChartLayout = 'wide' | 'narrow';

/** Font size of every text in a chart, in px (at 360 px the narrow layout is shown unscaled). */
export const CHART_FONT_PX = 12;
export const WIDE_WIDTH = 760;
/** Fits a 360 px screen: the page's and the figure's padding leave about 310 px. */
export const NARROW_WIDTH = 300;

const ROW_WIDE = 30;
const ROW_NARROW = 46;

/** Width of a character in em, roughly: CJK and full-width forms 1, the rest (digits, Latin, spaces) about 0.6. */
function emWidth(ch: string): number {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.6;
}

/**
 * A label cut with "…" to fit `em` ems. Plot's own cut underestimates Chinese characters and lets a label run
 * off the chart; the whole label stays in the bar's tooltip and in the table.
 */
export function fitLabel(label: string, em: number): string {
  const chars = [...label];
  if (chars.reduce((sum, ch) => sum + emWidth(ch), 0) <= em) return label;
  // room for the ellipsis (one em)
  let width = 1;
  let kept = 0;
  while (kept < chars.length && width + emWidth(chars[kept] ?? '') <= em) width += emWidth(chars[kept++] ?? '');
  return `${chars.slice(0, kept).join('').trimEnd()}…`;
}

/** Ems of label text each layout has room for (a margin of 280 px, or the whole 300 px width, at 12 px). */
const LABEL_EM = { wide: 22, narrow: 23 } as const;

/** One band of a bar chart: its label, and the key of the table row it draws (a comparison's row; see row-marks.ts). */
export interface Band {
  label: string;
  row?: string;
}

/**
 * The frame of a bar chart with one band per label, and the marks that write the labels: a label above each bar
 * in the narrow layout; in the wide one, the y axis as a mark when the bands are table rows.
 */
export function barFrame(
  layout: ChartLayout,
  bands: readonly Band[],
  options: { marginRight?: number } = {},
): { frame: PlotOptions; labelMarks: Plot.Markish[] } {
  const style = { fontSize: `${CHART_FONT_PX}px`, background: 'white' };
  const labels = bands.map((b) => b.label);
  const rows = bands.map((b) => b.row);
  if (layout === 'wide') {
    const tickFormat = (label: string) => fitLabel(label, LABEL_EM.wide);
    // Plot's own y axis, unless the bands are table rows: then the axis is a mark, whose ticks carry the rows' keys
    // (a chart of no table, such as a unit page's, whose options unit-charts.ts re-lays, keeps the plain axis)
    const keyed = rows.some((row) => row !== undefined);
    return {
      frame: {
        width: WIDE_WIDTH,
        marginLeft: 280,
        marginRight: options.marginRight ?? 20,
        height: 70 + ROW_WIDE * labels.length,
        style,
        y: keyed ? { axis: null, domain: [...labels] } : { label: null, domain: [...labels], tickFormat },
      },
      labelMarks: keyed ? [Plot.axisY(labels, { label: null, tickFormat, render: markRows(rows, { bands: true }) })] : [],
    };
  }
  return {
    frame: {
      width: NARROW_WIDTH,
      marginLeft: 6,
      marginRight: options.marginRight ?? 16,
      marginTop: 24,
      height: 64 + ROW_NARROW * labels.length,
      style,
      y: { axis: null, domain: [...labels], paddingInner: 0.05, paddingOuter: 0 },
    },
    labelMarks: [
      // the label above its bar, cut where it would leave the chart
      Plot.text(labels, {
        y: (d: string) => d,
        text: (d: string) => fitLabel(d, LABEL_EM.narrow),
        frameAnchor: 'left',
        textAnchor: 'start',
        dy: -12,
        render: markRows(rows, { bands: true }),
      }),
    ],
  };
}

/** Where a bar sits in its band: in the narrow layout, below its label. */
export function barInsets(layout: ChartLayout): { insetTop: number; insetBottom: number } {
  return layout === 'wide' ? { insetTop: 2, insetBottom: 2 } : { insetTop: 22, insetBottom: 3 };
}

/** The x axis: fewer ticks on a phone so that their labels do not run into each other. */
export function xAxis(layout: ChartLayout, label: string, domain?: [number, number]): PlotOptions['x'] {
  return { label, grid: true, ticks: layout === 'wide' ? 8 : 3, ...(domain ? { domain } : {}) };
}
