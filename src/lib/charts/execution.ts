import type { PlotOptions } from '@observablehq/plot';
import type { ExecutionRow } from '../views';
import { approximate } from '../numbers';
import { formatRate } from '../format';
import { valueBarChart, type BarDatum } from './bars';
import type { ChartLayout } from './layout';

export interface ExecutionChartLabels<R extends ExecutionRow = ExecutionRow> {
  row: (row: R) => string;
  axis: string;
  /** Where a bar leads (the unit's page, relative to the chart's page); none when not given. */
  href?: (row: R) => string;
}

export interface ExecutionDatum extends BarDatum {
  /** Stated rate in percent (a ratio is ×100), approximate, for drawing only. */
  percent: number;
}

export function executionData<R extends ExecutionRow>(rows: readonly R[], labels: ExecutionChartLabels<R>): ExecutionDatum[] {
  return rows.map((row) => {
    const n = approximate(row.stated.value);
    const percent = row.stated.unit === 'ratio' ? n * 100 : n;
    const label = labels.row(row);
    const text = formatRate(row.stated.value, row.stated.unit);
    return { label, percent, value: percent, text, href: labels.href?.(row) ?? '', title: `${label}\n${text}` };
  });
}

/** Horizontal bars of stated execution rates, with a rule at 100%. */
export function executionChart<R extends ExecutionRow>(
  rows: readonly R[],
  labels: ExecutionChartLabels<R>,
  layout: ChartLayout = 'wide',
): PlotOptions {
  return valueBarChart(executionData(rows, labels), { axis: labels.axis, layout, reference: 100 });
}
