import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { t } from '../../i18n';
import { PHASES, type Phase } from '../../schemas/vocabulary';
import type { ReportEntry } from '../../schemas/report';
import type { Unit } from '../../schemas/unit';
import {
  CHART_ROW_LIMIT,
  chartRows,
  COMPARISON_METRICS,
  distinctLabels,
  type Comparison,
  type ProvinceSummary,
  type ComputedRate,
  type ExecutionCompareRow,
  type SangongCompareRow,
  type ScoreCompareRow,
  type ShareCompareRow,
} from '../compare';
import { formatAmount, formatFigure, formatPercentString, formatRate, formatUnitShortName, formatWanYuan, formatYuan } from '../format';
import { approximate } from '../numbers';
import { scopeLabel } from '../views';
import { stackedBarChart, valueBarChart, type BarDatum, type SegmentDatum } from './bars';
import { CHART_FONT_PX, NARROW_WIDTH, WIDE_WIDTH, type ChartLayout } from './layout';
import { BAR_COLOUR, OVER_COLOUR, RULE_COLOUR, SHARE_COLOURS } from './palette';
import { markRows } from './row-marks';
import { sangongChart, sangongData, type SangongChartLabels } from './sangong';

/**
 * The charts of the comparison pages and their embeddable copies (src/pages/compare, src/pages/embed): for each
 * metric a reader may choose, the chart in both layouts with its caption. Pure: rows and a function that gives
 * a unit's page relative to the page the chart is on.
 */
export interface CompareChart {
  /** The metric it draws (the value of the page's metric control). */
  metric: string;
  caption: string;
  wide: PlotOptions;
  narrow: PlotOptions;
  /** Keys of the rows that have the value but are not drawn (beyond CHART_ROW_LIMIT); compare.js counts them. */
  undrawn: string[];
  /** How many rows (a province's page) or provinces (the national page) it draws: 0 when it draws nothing, and then it has no embed. */
  drawn: number;
}

/**
 * The key that ties a table row to its marks in the charts (<tr data-row>, row-marks.ts): its place in the page's
 * rows. One page's rows and charts are built from the same array.
 */
export function compareRowKeys<T>(rows: readonly T[]): (row: T) => string {
  const keys = new Map(rows.map((row, i) => [row, String(i)]));
  return (row) => keys.get(row) ?? '';
}

/** A unit's page, relative to the page the chart is on. */
export type UnitHref = (unitId: string) => string;

interface Labelled {
  report: ReportEntry;
  unit?: Unit;
}

/** "普陀区司法局 2026 年初预算": the unit as its place names it, the year and what the row is about. */
function rowLabels<T extends Labelled>(rows: readonly T[], what: (row: T) => string): (row: T) => string {
  const base = (r: T) =>
    `${r.unit ? formatUnitShortName(r.unit) : r.report.unit_short_name} ${r.report.year}${what(r) === '' ? '' : ` ${what(r)}`}`;
  return distinctLabels(rows, base, (r) => r.report.title);
}

/** The caption's last sentence: whether the chart draws every row that has the value. */
function drawnNote(drawn: number, stated: number): string {
  return drawn < stated ? t('compare.chartTop', { limit: CHART_ROW_LIMIT, total: stated }) : t('compare.chartAll');
}

function both(
  metric: string,
  caption: string,
  drawn: number,
  draw: (layout: ChartLayout) => PlotOptions,
  undrawn: string[] = [],
): CompareChart {
  return { metric, caption, wide: draw('wide'), narrow: draw('narrow'), undrawn, drawn };
}

/** The keys of the `stated` rows that `drawn` leaves out. */
function undrawnKeys<T>(stated: readonly T[], drawn: readonly T[], key: (row: T) => string): string[] {
  const shown = new Set(drawn);
  return stated.filter((r) => !shown.has(r)).map(key);
}

/** One bar per row that has the value, the largest first. */
function bars<T extends Labelled>(
  rows: readonly T[],
  label: (row: T) => string,
  unitHref: UnitHref,
  value: (row: T) => { draw: number; text: string } | null,
): { data: BarDatum[]; stated: number; undrawn: string[] } {
  const key = compareRowKeys(rows);
  const stated = rows.filter((r) => value(r) !== null);
  const drawn = chartRows(stated, (r) => value(r)?.draw ?? null);
  const data = drawn.flatMap((r) => {
    const v = value(r);
    return v
      ? [{ label: label(r), value: v.draw, text: v.text, href: unitHref(r.report.unit_id), title: `${label(r)}\n${v.text}`, row: key(r) }]
      : [];
  });
  return { data, stated: stated.length, undrawn: undrawnKeys(stated, drawn, key) };
}

export function sangongCharts(rows: readonly SangongCompareRow[], unitHref: UnitHref): CompareChart[] {
  const label = rowLabels(rows, (r) => PHASES[r.phase]);
  const labels: SangongChartLabels<SangongCompareRow> = {
    row: label,
    href: (r) => unitHref(r.report.unit_id),
    key: compareRowKeys(rows),
    abroad: t('sangong.abroad'),
    vehicle: t('sangong.vehicle'),
    reception: t('sangong.reception'),
    total: t('sangong.total'),
    axis: t('chart.wanYuan'),
  };
  const partsWidth = (r: SangongCompareRow) => {
    const data = sangongData([r], labels);
    return data.length === 0 ? null : data.reduce((sum, d) => sum + d.wan, 0);
  };
  const partsDrawn = chartRows(rows, partsWidth);
  const partsStated = rows.filter((r) => partsWidth(r) !== null);
  const perStaff = bars(rows, label, unitHref, (r) =>
    r.perStaffYuan === null ? null : { draw: approximate(r.perStaffYuan), text: formatYuan(r.perStaffYuan) },
  );
  return [
    both(
      'parts',
      `${t('sangong.chartCaption')}${drawnNote(partsDrawn.length, partsStated.length)}`,
      partsDrawn.length,
      (layout) => sangongChart(partsDrawn, labels, layout),
      undrawnKeys(partsStated, partsDrawn, compareRowKeys(rows)),
    ),
    both(
      'perStaff',
      `${t('compare.sangong.perStaffCaption')}${drawnNote(perStaff.data.length, perStaff.stated)}`,
      perStaff.data.length,
      (layout) => valueBarChart(perStaff.data, { axis: t('compare.yuanPerPerson'), layout }),
      perStaff.undrawn,
    ),
  ];
}

/** A rate as drawn (percent) and as shown (exact). */
const statedRate = (f: { value: string; unit: string }) => {
  const n = approximate(f.value);
  return f.unit === 'ratio' ? n * 100 : n;
};
const computedRate = (c: ComputedRate | undefined) =>
  c && c.percent !== null ? { draw: approximate(c.percent), text: formatPercentString(c.percent) } : null;

export function executionCharts(
  rows: readonly ExecutionCompareRow[],
  unitHref: UnitHref,
  scopeText: (scope: string) => string,
): CompareChart[] {
  const label = rowLabels(rows, (r) => scopeText(r.scope));
  const chart = (metric: string, caption: string, value: (r: ExecutionCompareRow) => { draw: number; text: string } | null) => {
    const drawn = bars(rows, label, unitHref, value);
    return both(
      metric,
      `${caption}${drawnNote(drawn.data.length, drawn.stated)}`,
      drawn.data.length,
      (layout) => valueBarChart(drawn.data, { axis: t('chart.percent'), layout, reference: 100 }),
      drawn.undrawn,
    );
  };
  return [
    chart('stated', t('execution.chartCaption'), (r) =>
      r.stated.unit === '%' || r.stated.unit === 'ratio'
        ? { draw: statedRate(r.stated), text: formatRate(r.stated.value, r.stated.unit) }
        : null,
    ),
    chart('initial', t('compare.execution.initialCaption'), (r) => computedRate(r.onInitial)),
    chart('adjusted', t('compare.execution.adjustedCaption'), (r) => computedRate(r.onAdjusted)),
  ];
}

export function shareCharts(rows: readonly ShareCompareRow[], unitHref: UnitHref): CompareChart[] {
  const label = rowLabels(rows, (r) => PHASES[r.phase]);
  const rowKey = compareRowKeys(rows);
  const parts = [
    ['basic', t('compare.shares.basicShare')],
    ['project', t('compare.shares.projectShare')],
  ] as const;
  const segments = (r: ShareCompareRow): SegmentDatum[] =>
    parts.flatMap(([key, part]) => {
      const share = r[key];
      if (!share || share.percent === null) return [];
      const text = `${part}：${formatPercentString(share.percent)}（${formatFigure(share.part)} ÷ ${r.total ? formatAmount(r.total.value_yuan) : ''}）`;
      return [
        {
          label: label(r),
          part,
          value: approximate(share.percent),
          href: unitHref(r.report.unit_id),
          title: `${label(r)}\n${text}`,
          row: rowKey(r),
        },
      ];
    });
  const stated = rows.filter((r) => segments(r).length > 0);
  const drawn = chartRows(stated, (r) => approximate(r.basic?.percent ?? '') || 0);
  return [
    both(
      'shares',
      `${t('compare.shares.chartCaption')}${drawnNote(drawn.length, stated.length)}`,
      drawn.length,
      (layout) =>
        stackedBarChart(drawn.flatMap(segments), {
          axis: t('chart.percent'),
          layout,
          parts: [
            [parts[0][1], SHARE_COLOURS.basic],
            [parts[1][1], SHARE_COLOURS.project],
          ],
        }),
      undrawnKeys(stated, drawn, rowKey),
    ),
  ];
}

interface ScoreDatum {
  label: string;
  rate: number;
  score: number;
  href: string;
  title: string;
  row: string;
}

/** Self-evaluation score against the stated execution rate: one dot per report, linked to its unit. */
function scoreScatter(data: readonly ScoreDatum[], layout: ChartLayout): PlotOptions {
  const rates = data.map((d) => d.rate);
  const scores = data.map((d) => d.score);
  const rows = markRows(data.map((d) => d.row));
  return {
    width: layout === 'wide' ? WIDE_WIDTH : NARROW_WIDTH,
    height: layout === 'wide' ? 420 : 320,
    marginLeft: 48,
    marginRight: layout === 'wide' ? 180 : 24,
    marginBottom: 44,
    style: { fontSize: `${CHART_FONT_PX}px`, background: 'white' },
    x: {
      label: t('compare.score.axisRate'),
      grid: true,
      domain: [Math.min(0, ...rates), Math.max(100, ...rates)],
      ticks: layout === 'wide' ? 10 : 4,
    },
    y: {
      label: t('compare.score.axisScore'),
      grid: true,
      domain: [Math.min(60, ...scores), Math.max(100, ...scores)],
      ticks: layout === 'wide' ? 8 : 5,
    },
    marks: [
      Plot.ruleX([100], { stroke: RULE_COLOUR, strokeDasharray: '4,3' }),
      Plot.dot(data, {
        x: 'rate',
        y: 'score',
        r: 6,
        fill: (d: ScoreDatum) => (d.rate > 100 ? OVER_COLOUR : BAR_COLOUR),
        href: 'href',
        title: 'title',
        render: rows,
      }),
      // names beside the dots on a wide screen; on a phone the table below names them
      ...(layout === 'wide'
        ? [
            Plot.text(data, {
              x: 'rate',
              y: 'score',
              text: 'label',
              dx: 9,
              textAnchor: 'start',
              lineWidth: 14,
              textOverflow: 'ellipsis',
              render: rows,
            }),
          ]
        : []),
    ],
  };
}

export function scoreCharts(rows: readonly ScoreCompareRow[], unitHref: UnitHref): CompareChart[] {
  const label = rowLabels(rows, () => '');
  const key = compareRowKeys(rows);
  const data = rows.flatMap((r): ScoreDatum[] => {
    const rate = r.executionRate;
    if (!rate || r.score.unit !== '分') return [];
    const rateText = formatRate(rate.value, rate.unit);
    const scoreText = formatFigure(r.score);
    return [
      {
        label: label(r),
        rate: statedRate(rate),
        score: approximate(r.score.value),
        href: unitHref(r.report.unit_id),
        title: `${label(r)}\n${t('compare.score.score')}：${scoreText}\n${t('compare.score.rate')}：${rateText}`,
        row: key(r),
      },
    ];
  });
  return [both('score', t('compare.score.chartCaption'), data.length, (layout) => scoreScatter(data, layout))];
}

/** How the execution comparison names a rate's scope: the whole unit, all projects, or one project. */
export function executionScopeText(scope: string): string {
  return scope === '' ? t('execution.scopeUnit') : scope === 'project' ? t('execution.scopeProjects') : scopeLabel(scope);
}

/** How the national page draws and writes a median of each metric (COMPARISON_METRICS). */
export const SUMMARY_SCALES: Record<
  string,
  { label: string; axis: string; draw: (median: string) => number; text: (median: string) => string; reference?: number }
> = {
  parts: {
    label: t('compare.summary.metric.parts'),
    axis: t('chart.wanYuan'),
    draw: (m) => approximate(m) / 10_000,
    text: (m) => formatWanYuan(m),
  },
  perStaff: {
    label: t('compare.summary.metric.perStaff'),
    axis: t('compare.yuanPerPerson'),
    draw: approximate,
    text: (m) => formatYuan(m),
  },
  stated: {
    label: t('compare.summary.metric.stated'),
    axis: t('chart.percent'),
    draw: approximate,
    text: (m) => formatPercentString(m),
    reference: 100,
  },
  initial: {
    label: t('compare.summary.metric.initial'),
    axis: t('chart.percent'),
    draw: approximate,
    text: (m) => formatPercentString(m),
    reference: 100,
  },
  adjusted: {
    label: t('compare.summary.metric.adjusted'),
    axis: t('chart.percent'),
    draw: approximate,
    text: (m) => formatPercentString(m),
    reference: 100,
  },
  shares: { label: t('compare.summary.metric.shares'), axis: t('chart.percent'), draw: approximate, text: (m) => formatPercentString(m) },
  score: {
    label: t('compare.summary.metric.score'),
    axis: t('compare.score.axisScore'),
    draw: approximate,
    text: (m) => t('compare.summary.score', { score: m }),
  },
};

/**
 * The phase a metric's national chart draws: the one with the most values (决算 first on a tie, then 调整后,
 * then 预算), so that one chart never puts a budget beside what was spent.
 */
export function summaryPhase(summaries: readonly ProvinceSummary[], metric: string): Phase | '' {
  const counts = new Map<Phase | '', number>();
  for (const s of summaries)
    for (const [phase, m] of Object.entries(s.medians[metric] ?? {}) as [Phase | '', { count: number }][])
      counts.set(phase, (counts.get(phase) ?? 0) + m.count);
  const order: (Phase | '')[] = ['actual', 'adjusted', 'budget', ''];
  return order.reduce<Phase | ''>(
    (best, phase) => ((counts.get(phase) ?? 0) > (counts.get(best) ?? 0) ? phase : best),
    order.find((p) => counts.has(p)) ?? '',
  );
}

/**
 * The charts of a comparison's national page and of its embeds: per metric, one bar per province, its median in
 * one phase, linked to the province's page. At most one bar per province, whatever the number of reports.
 */
export function summaryCharts(
  comparison: Comparison,
  summaries: readonly ProvinceSummary[],
  provinceHref: (folder: string) => string,
): CompareChart[] {
  return COMPARISON_METRICS[comparison].flatMap((metric) => {
    const scale = SUMMARY_SCALES[metric];
    if (!scale) return [];
    const phase = summaryPhase(summaries, metric);
    const data: BarDatum[] = summaries
      .flatMap((s) => {
        const m = s.medians[metric]?.[phase];
        if (!m) return [];
        const text = scale.text(m.median);
        return [
          {
            label: s.province,
            value: scale.draw(m.median),
            text,
            href: provinceHref(s.folder),
            title: `${s.province}\n${text}（${t('compare.summary.values', { count: m.count })}）`,
          },
        ];
      })
      .sort((a, b) => b.value - a.value);
    const caption = t('compare.summary.chartCaption', { metric: scale.label, phase: phase === '' ? '' : `（${PHASES[phase]}）` });
    const options = { axis: scale.axis, ...(scale.reference === undefined ? {} : { reference: scale.reference }) };
    return [both(metric, caption, data.length, (layout) => valueBarChart(data, { ...options, layout }))];
  });
}
