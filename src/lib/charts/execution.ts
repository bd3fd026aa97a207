import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import type { ExecutionRow } from '../views';
import { approximate } from '../numbers';
import { formatPercentNumber } from '../format';

export interface ExecutionChartLabels {
  row: (row: ExecutionRow) => string;
  axis: string;
}

export interface ExecutionDatum {
  label: string;
  /** Stated rate in percent (a ratio is ×100), approximate, for drawing only. */
  percent: number;
}

export function executionData(rows: readonly ExecutionRow[], labels: ExecutionChartLabels): ExecutionDatum[] {
  return rows.map((row) => {
    const n = approximate(row.stated.value);
    return { label: labels.row(row), percent: row.stated.unit === 'ratio' ? n * 100 : n };
  });
}

/** Horizontal bars of stated execution rates, with a rule at 100%. */
export function executionChart(rows: readonly ExecutionRow[], labels: ExecutionChartLabels): PlotOptions {
  const data = executionData(rows, labels);
  return {
    marginLeft: 300,
    width: 760,
    height: 60 + 30 * data.length,
    x: { label: labels.axis, grid: true, domain: [0, Math.max(100, ...data.map((d) => d.percent))] },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data, { x: 'percent', y: 'label', fill: (d: ExecutionDatum) => (d.percent > 100 ? '#b33' : '#4e79a7') }),
      Plot.text(data, { x: 'percent', y: 'label', text: (d: ExecutionDatum) => formatPercentNumber(d.percent), dx: 4, textAnchor: 'start' }),
      Plot.ruleX([100], { stroke: '#333', strokeDasharray: '4,3' }),
    ],
  };
}
