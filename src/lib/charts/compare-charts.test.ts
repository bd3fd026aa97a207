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
  compareRowKeys,
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
import { markRowLayout } from './row-marks';

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

/** The rows of a province's page of each comparison, from every report of `data`. */
const pageRows = (comparison: Comparison) => {
  const { units, reports, figures } = data;
  switch (comparison) {
    case 'sangong':
      return sangongCompareRows(units, reports, figures);
    case 'execution':
      return executionCompareRows(units, reports, figures);
    case 'shares':
      return shareCompareRows(units, reports, figures);
    case 'score':
      return scoreCompareRows(units, reports, figures);
  }
};

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

describe('what a chart draws (no embed is made of a chart that draws nothing)', () => {
  const drawnRows = (chart: { wide: Plot.PlotOptions }) =>
    new Set([...render(chart.wide).querySelectorAll('[data-row]')].map((el) => el.getAttribute('data-row'))).size;

  it.each(COMPARISONS)('%s: counts the rows its marks draw', (comparison) => {
    for (const chart of pageCharts(comparison, (id) => `../units/${id}.html`)) {
      expect(chart.drawn, chart.metric).toBe(2);
      expect(drawnRows(chart), chart.metric).toBe(chart.drawn);
    }
  });

  it('counts none for a metric no row states, and the others still', () => {
    // a report that states its execution rate but no budget: the two computed rates have nothing to draw
    const input = makeInput([{ metric: 'execution_rate', value: '90', unit: '%' }], { year: 2024 });
    const rows = executionCompareRows([unit], [{ ...input.report, unit_id: unit.id }], input.figures);
    const drawn = Object.fromEntries(executionCharts(rows, () => '', executionScopeText).map((c) => [c.metric, c.drawn]));
    expect(drawn).toEqual({ stated: 1, initial: 0, adjusted: 0 });
  });

  it.each(COMPARISONS)('%s: counts none without rows', (comparison) => {
    const charts = {
      sangong: () => sangongCharts([], () => ''),
      execution: () => executionCharts([], () => '', executionScopeText),
      shares: () => shareCharts([], () => ''),
      score: () => scoreCharts([], () => ''),
    }[comparison]();
    expect(charts.map((c) => c.drawn)).toEqual(COMPARISON_METRICS[comparison].map(() => 0));
  });

  it.each(COMPARISONS)('%s: a national chart of no province counts none', (comparison) => {
    expect(summaryCharts(comparison, [], () => '').map((c) => c.drawn)).toEqual(COMPARISON_METRICS[comparison].map(() => 0));
  });
});

describe.each(COMPARISONS)('the marks of the %s comparison carry their table rows’ keys', (comparison) => {
  const rows = pageRows(comparison);
  const key = compareRowKeys<(typeof rows)[number]>(rows);
  const yearOf = new Map(rows.map((r) => [key(r), String(r.report.year)]));
  const charts = pageCharts(comparison, (id) => `../units/${id}.html`);

  it.each(['wide', 'narrow'] as const)('%s: every mark of a row, and its band, named by the row’s key', (layout) => {
    expect(new Set(yearOf.values()).size, 'two rows of two years').toBe(2);
    for (const chart of charts) {
      const svg = render(chart[layout]);
      const marked = [...svg.querySelectorAll('[data-row]')];
      // a mark's tooltip names the report of the row its key points to (the rows differ by year)
      const titled = marked.filter((el) => el.querySelector('title'));
      expect(titled.length, chart.metric).toBeGreaterThanOrEqual(2);
      for (const el of titled) {
        const year = yearOf.get(el.getAttribute('data-row') ?? '');
        expect(year, chart.metric).toBeDefined();
        expect(el.querySelector('title')?.textContent ?? '', chart.metric).toContain(` ${year ?? ''}`);
      }
      const bands = svg.querySelector('[data-bands]');
      if (comparison === 'score') {
        expect(bands, 'a scatter plot has no bands').toBeNull();
        continue;
      }
      // the bands in order, each the row of the bars drawn in it
      const bandKeys = [...(bands?.children ?? [])].map((el) => el.getAttribute('data-row'));
      expect(bandKeys.length, chart.metric).toBe(new Set(marked.map((el) => el.getAttribute('data-row'))).size);
      const barKeys = [...new Set([...svg.querySelectorAll('a[data-row]')].map((a) => a.getAttribute('data-row')))];
      expect(barKeys, chart.metric).toEqual(bandKeys);
      // the x axis below the bands and the lines across them, for compare.js to move
      markRowLayout(svg, 31);
      expect(svg.getAttribute('data-step')).toBe('31');
      expect(svg.querySelectorAll('[data-below]').length, chart.metric).toBe(3);
      expect(svg.querySelectorAll('[data-span]').length, chart.metric).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('a chart of more rows than it draws', () => {
  const reports = Array.from({ length: 45 }, (_, k) => {
    const year = 1980 + k;
    const input = makeInput([{ metric: 'sangong_total', value: String(k + 1), unit: '万元' }], { year });
    const id = `lukou-ybj-${year}`;
    return {
      report: { ...input.report, id, unit_id: unit.id },
      figures: input.figures.map((f) => ({ ...f, id: f.id.replace('test-report', id), report_id: id })),
    };
  });
  const rows = sangongCompareRows(
    [unit],
    reports.map((r) => r.report),
    reports.flatMap((r) => r.figures),
  );
  const [parts] = sangongCharts(rows, () => '');

  it('names the rows it leaves out, and draws none of them', () => {
    const key = compareRowKeys(rows);
    // the five smallest totals (1 to 5 万元, the first five years) are not drawn
    expect(parts?.undrawn).toEqual(rows.slice(0, 5).map(key));
    const drawn = new Set([...render(parts?.wide ?? {}).querySelectorAll('[data-row]')].map((el) => el.getAttribute('data-row')));
    expect(drawn.size).toBe(40);
    for (const k of parts?.undrawn ?? []) expect(drawn.has(k)).toBe(false);
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
      expect(chart.drawn, chart.metric).toBe(links.length);
      for (const [, title] of links) expect(title).toMatch(/^(湖南省|上海市)\n.+（\d+ 个数）$/);
      // it follows no table (and the embeds that show it stay as they were)
      expect(render(chart.wide).querySelector('[data-row], [data-bands]'), chart.metric).toBeNull();
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
