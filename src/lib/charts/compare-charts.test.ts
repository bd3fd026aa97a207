import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec } from '../checks/fixtures';
import {
  COMPARISON_METRICS,
  COMPARISONS,
  executionCompareRows,
  provinceSummaries,
  sangongCompareRows,
  scoreCompareRows,
  shareCompareRows,
  SUMMARY_VALUES,
  type Comparison,
  type ProvinceSummary,
} from '../compare';
import type { Unit } from '../../schemas/unit';
import {
  executionCharts,
  executionScopeText,
  sangongCharts,
  scoreCharts,
  shareCharts,
  summaryCharts,
  summaryPhase,
  type UnitHref,
} from './compare-charts';
import { NARROW_WIDTH, WIDE_WIDTH } from './layout';

const unit: Unit = {
  id: 'lukou-ybj',
  name: '株洲市渌口区医疗保障局',
  short_name: '渌口区医保局',
  province: '湖南省',
  city: '株洲市',
  county: '渌口区',
  department_type: '医疗保障局',
};
const specs: FigureSpec[] = [
  { metric: 'sangong_total', value: '1.5', unit: '万元' },
  { metric: 'sangong_abroad', value: '0.5', unit: '万元' },
  { metric: 'sangong_reception', value: '1', unit: '万元' },
  { metric: 'staff_count', value: '30', unit: '人' },
  { metric: 'expenditure_total', value: '1000', unit: '万元' },
  { metric: 'basic_expenditure', value: '600', unit: '万元' },
  { metric: 'project_expenditure', value: '400', unit: '万元' },
  { metric: 'budget_initial', value: '100', unit: '万元', phase: 'budget' },
  { metric: 'budget_adjusted', value: '80', unit: '万元', phase: 'adjusted' },
  { metric: 'budget_executed', value: '72', unit: '万元' },
  { metric: 'execution_rate', value: '90', unit: '%' },
  { metric: 'self_eval_score', value: '94.5', unit: '分' },
];
/** Two reports of one unit, so that every chart has two rows. */
const data = (() => {
  const years = [2022, 2023].map((year) => {
    const input = makeInput(specs, { year });
    const id = `lukou-ybj-${year}`;
    return {
      report: { ...input.report, id, unit_id: unit.id },
      figures: input.figures.map((f) => ({ ...f, id: f.id.replace('test-report', id), report_id: id })),
    };
  });
  return { units: [unit], reports: years.map((y) => y.report), figures: years.flatMap((y) => y.figures) };
})();

/** The chart as Chart.astro renders it (Plot against linkedom). */
function render(options: Plot.PlotOptions): Element {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ ...options, document }) as unknown as Element;
  // a chart with a legend is a <figure>: its chart is the SVG with a viewBox (the swatches have none)
  return chart.tagName.toLowerCase() === 'svg'
    ? chart
    : ([...chart.querySelectorAll('svg')].find((svg) => svg.hasAttribute('viewBox')) ?? chart);
}

/** The charts of a province's page of each comparison, drawn from every row of `data`. */
const pageCharts = (comparison: Comparison, unitHref: UnitHref) => {
  const { units, reports, figures } = data;
  switch (comparison) {
    case 'sangong':
      return sangongCharts(sangongCompareRows(units, reports, figures), unitHref);
    case 'execution':
      return executionCharts(executionCompareRows(units, reports, figures), unitHref, executionScopeText);
    case 'shares':
      return shareCharts(shareCompareRows(units, reports, figures), unitHref);
    case 'score':
      return scoreCharts(scoreCompareRows(units, reports, figures), unitHref);
  }
};

describe.each(COMPARISONS)('the charts of the %s comparison', (comparison) => {
  const charts = pageCharts(comparison, (id) => `../units/${id}.html`);

  it('has a chart for every metric, each with a caption', () => {
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(chart.caption.length).toBeGreaterThan(10);
  });

  it.each([
    ['wide', WIDE_WIDTH],
    ['narrow', NARROW_WIDTH],
  ] as const)('draws the %s layout %i px wide in 12 px text, every mark linked to the unit with a tooltip', (layout, width) => {
    for (const chart of charts) {
      const svg = render(chart[layout]);
      expect(svg.getAttribute('viewBox'), chart.metric).toBe(`0 0 ${width} ${svg.getAttribute('height')}`);
      expect(svg.getAttribute('style') ?? '', chart.metric).toMatch(/font-size: ?12px/);
      const links = [...svg.querySelectorAll('a')];
      expect(links.length, `${chart.metric}: two rows, linked`).toBeGreaterThanOrEqual(2);
      for (const a of links) {
        expect(a.getAttribute('xlink:href') ?? a.getAttribute('href')).toBe('../units/lukou-ybj.html');
        expect(a.querySelector('title')?.textContent ?? '').toContain('渌口区医保局');
      }
    }
  });
});

/** A second province's unit, with the same figures: the national charts then have two bars. */
const other: Unit = { ...unit, id: 'shanghai-x', name: '上海市某区医疗保障局', province: '上海市', city: '上海市', county: '某区' };
const national = (() => {
  const input = makeInput(specs, { year: 2023 });
  const id = 'shanghai-x-2023';
  const report = { ...input.report, id, unit_id: other.id };
  const figures = input.figures.map((f) => ({ ...f, id: f.id.replace('test-report', id), report_id: id }));
  return { units: [unit, other], reports: [...data.reports, report], figures: [...data.figures, ...figures] };
})();
const summaries: Record<Comparison, ProvinceSummary[]> = {
  sangong: provinceSummaries(sangongCompareRows(national.units, national.reports, national.figures), SUMMARY_VALUES.sangong),
  execution: provinceSummaries(executionCompareRows(national.units, national.reports, national.figures), SUMMARY_VALUES.execution),
  shares: provinceSummaries(shareCompareRows(national.units, national.reports, national.figures), SUMMARY_VALUES.shares),
  score: provinceSummaries(scoreCompareRows(national.units, national.reports, national.figures), SUMMARY_VALUES.score),
};

describe.each(COMPARISONS)('the national charts of the %s comparison', (comparison) => {
  const charts = summaryCharts(comparison, summaries[comparison], (folder) => `${comparison}/${folder}.html`);

  it('has a chart per metric, one bar per province linked to its page, the median named in its tooltip', () => {
    expect(charts.map((c) => c.metric)).toEqual(COMPARISON_METRICS[comparison]);
    for (const chart of charts) {
      expect(chart.caption).toContain('中位数');
      const links = [...render(chart.wide).querySelectorAll('a')].map((a) => [
        a.getAttribute('href'),
        a.querySelector('title')?.textContent ?? '',
      ]);
      expect(links.map(([href]) => href).sort(), chart.metric).toEqual([`${comparison}/hunan.html`, `${comparison}/shanghai.html`]);
      for (const [, title] of links) expect(title).toMatch(/^(湖南省|上海市)\n.+（\d+ 个数）$/);
    }
  });
});

describe('summaryPhase', () => {
  const summary = (medians: ProvinceSummary['medians']): ProvinceSummary => ({
    province: '湖南省',
    folder: 'hunan',
    rows: 1,
    reports: 1,
    medians,
  });
  const m = (count: number) => ({ median: '1', count });
  it.each<[string, ProvinceSummary[], string]>([
    [
      'the phase with the most values',
      [summary({ parts: { budget: m(3), actual: m(1) } }), summary({ parts: { budget: m(1) } })],
      'budget',
    ],
    ['决算 on a tie', [summary({ parts: { budget: m(2), actual: m(2) } })], 'actual'],
    ['rows not about one phase', [summary({ stated: { '': m(2) } })], ''],
    ['no value: no phase', [summary({ parts: {} })], ''],
  ])('%s', (_name, summaries, phase) => {
    expect(summaryPhase(summaries, Object.keys(summaries[0]?.medians ?? {})[0] ?? '')).toBe(phase);
  });
});
