import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';

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

/** The frame of a bar chart with one band per label, and the marks that write the labels in the narrow layout. */
export function barFrame(layout: ChartLayout, labels: readonly string[], options: { marginRight?: number } = {}): { frame: PlotOptions; labelMarks: Plot.Markish[] } {
  const style = { fontSize: `${CHART_FONT_PX}px`, background: 'white' };
  if (layout === 'wide') {
    return {
      frame: {
        width: WIDE_WIDTH,
        marginLeft: 280,
        marginRight: options.marginRight ?? 20,
        height: 70 + ROW_WIDE * labels.length,
        style,
        y: { label: null, domain: [...labels], tickFormat: (label: string) => label },
      },
      labelMarks: [],
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
      // the label above its bar, cut with an ellipsis where it would leave the chart (the table has it whole)
      Plot.text(labels, { y: (d: string) => d, text: (d: string) => d, frameAnchor: 'left', textAnchor: 'start', dy: -12, lineWidth: 23, textOverflow: 'ellipsis' }),
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
