import type { PlotOptions } from '@observablehq/plot';
import type { SangongRow } from '../views';
import type { FigureEntry } from '../../schemas/figure';
import { approximate } from '../numbers';
import { formatFigure } from '../format';
import { stackedBarChart, type SegmentDatum } from './bars';
import type { ChartLayout } from './layout';
import { SANGONG_COLOURS } from './palette';

export interface SangongChartLabels<R extends SangongRow = SangongRow> {
  /** Row label for one report and phase, e.g. "乐山市市中区医保局 2022 决算/执行". */
  row: (row: R) => string;
  abroad: string;
  vehicle: string;
  reception: string;
  total: string;
  axis: string;
  /** Where a bar leads (the unit's page, relative to the chart's page); none when not given. */
  href?: (row: R) => string;
  /** The key of the table row a bar draws (row-marks.ts); none when the chart does not follow a table. */
  key?: (row: R) => string;
}

/** One bar segment: a stated part of one report's 三公经费, in 万元 (approximate, for drawing only). */
export interface SangongDatum extends SegmentDatum {
  wan: number;
}

/** The segments to draw: only stated parts; a row that states no part but a total shows the total. */
export function sangongData<R extends SangongRow>(rows: readonly R[], labels: SangongChartLabels<R>): SangongDatum[] {
  const wan = (f: FigureEntry) => approximate(f.value_yuan) / 10_000;
  return rows.flatMap((row) => {
    const label = labels.row(row);
    const href = labels.href?.(row) ?? '';
    const key = labels.key?.(row);
    const parts = (
      [
        [row.abroad, labels.abroad],
        [row.vehicle, labels.vehicle],
        [row.reception, labels.reception],
      ] as const
    ).filter((p): p is readonly [FigureEntry, string] => p[0] !== undefined);
    const segment = (f: FigureEntry, part: string): SangongDatum => ({
      label,
      part,
      wan: wan(f),
      value: wan(f),
      href,
      title: `${label}\n${part}：${formatFigure(f)}`,
      ...(key === undefined ? {} : { row: key }),
    });
    if (parts.length === 0 && row.total) return [segment(row.total, labels.total)];
    return parts.map(([f, part]) => segment(f, part));
  });
}

/** Stacked horizontal bars of 三公经费 parts per report and phase. */
export function sangongChart<R extends SangongRow>(
  rows: readonly R[],
  labels: SangongChartLabels<R>,
  layout: ChartLayout = 'wide',
): PlotOptions {
  return stackedBarChart(sangongData(rows, labels), {
    axis: labels.axis,
    layout,
    parts: [
      [labels.abroad, SANGONG_COLOURS.abroad],
      [labels.vehicle, SANGONG_COLOURS.vehicle],
      [labels.reception, SANGONG_COLOURS.reception],
      [labels.total, SANGONG_COLOURS.total],
    ],
  });
}
