import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';

/**
 * The unit page's charts are drawn for the narrowest screen and never scaled: a chart drawn 760 px wide and
 * shrunk to a 360 px phone has 4 px labels. Each bar's label is written above the bar across the whole width
 * instead of in a left margin, so that a long project name still fits.
 */

/** The width a 360 px screen leaves a chart (page and figure padding taken off). */
export const NARROW_WIDTH = 310;
/** Font size of every text in a narrow chart, in px (at least 11 px as read). */
export const NARROW_FONT = 12;
/** Height of one bar with its label above it. */
const ROW = 50;

/** A chart function's horizontal bars (y = label) re-laid for a narrow column, with `labels` in order. */
export function narrowBars(options: PlotOptions, labels: readonly string[]): PlotOptions {
  const font = `${NARROW_FONT}px`;
  return {
    ...options,
    width: NARROW_WIDTH,
    marginLeft: 8,
    marginRight: 48,
    marginTop: 24,
    height: 64 + ROW * labels.length,
    // Plot gives the legend the chart's style too
    style: { fontSize: font },
    y: { ...(options.y ?? {}), axis: null, domain: [...labels], paddingInner: 0.55, paddingOuter: 0.35 },
    marks: [
      ...(options.marks ?? []),
      Plot.text(labels, {
        y: (d: string) => d,
        text: (d: string) => d,
        frameAnchor: 'left',
        textAnchor: 'start',
        lineAnchor: 'bottom',
        dy: -14,
        lineWidth: 24,
      }),
    ],
  };
}

/**
 * A label per item that tells items apart: `label(item)`, with `detail(item)` added where two items would
 * otherwise share a label (a unit's 部门预算 and 单位预算 of one year both state a 年初预算).
 */
export function distinctLabels<T>(items: readonly T[], label: (item: T) => string, detail: (item: T) => string): string[] {
  const base = items.map(label);
  const seen = new Map<string, number>();
  for (const b of base) seen.set(b, (seen.get(b) ?? 0) + 1);
  return base.map((b, k) => {
    const item = items[k];
    return (seen.get(b) ?? 0) > 1 && item !== undefined ? `${b} · ${detail(item)}` : b;
  });
}
