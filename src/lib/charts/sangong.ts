import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import type { SangongRow } from '../views';
import type { FigureEntry } from '../../schemas/figure';
import { approximate } from '../numbers';

export interface SangongChartLabels {
  /** Row label for one report and phase, e.g. "乐山市市中区医保局 2022 决算/执行". */
  row: (row: SangongRow) => string;
  abroad: string;
  vehicle: string;
  reception: string;
  total: string;
  axis: string;
}

/** One bar segment: a stated part of one report's 三公经费, in 万元 (approximate, for drawing only). */
export interface SangongDatum {
  label: string;
  part: string;
  wan: number;
}

/** The segments to draw: only stated parts; a row that states no part but a total shows the total. */
export function sangongData(rows: readonly SangongRow[], labels: SangongChartLabels): SangongDatum[] {
  const wan = (f: FigureEntry) => approximate(f.value_yuan) / 10_000;
  return rows.flatMap((row) => {
    const label = labels.row(row);
    const parts = ([
      [row.abroad, labels.abroad],
      [row.vehicle, labels.vehicle],
      [row.reception, labels.reception],
    ] as const).filter((p): p is readonly [FigureEntry, string] => p[0] !== undefined);
    if (parts.length === 0 && row.total) return [{ label, part: labels.total, wan: wan(row.total) }];
    return parts.map(([f, part]) => ({ label, part, wan: wan(f) }));
  });
}

/** Stacked horizontal bars of 三公经费 parts per report and phase. */
export function sangongChart(rows: readonly SangongRow[], labels: SangongChartLabels): PlotOptions {
  const data = sangongData(rows, labels);
  // The legend names only parts drawn as a bar somewhere: a part no report states, or states as 0 everywhere,
  // would be a legend entry pointing at nothing (the table beside the chart still shows the zeros).
  const colours = ([
    [labels.abroad, '#4e79a7'],
    [labels.vehicle, '#f28e2b'],
    [labels.reception, '#59a14f'],
    [labels.total, '#9c9c9c'],
  ] as const).filter(([part]) => data.some((d) => d.part === part && d.wan !== 0));
  return {
    marginLeft: 260,
    width: 760,
    height: 60 + 36 * new Set(data.map((d) => d.label)).size,
    x: { label: labels.axis, grid: true },
    y: { label: null },
    color: { legend: true, domain: colours.map(([part]) => part), range: colours.map(([, colour]) => colour) },
    marks: [
      Plot.barX(data, { x: 'wan', y: 'label', fill: 'part', title: (d: SangongDatum) => `${d.part} ${d.wan}` }),
      Plot.ruleX([0]),
    ],
  };
}
