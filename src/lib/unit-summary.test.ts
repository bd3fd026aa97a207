import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec } from './checks/fixtures';
import { formatFigure } from './format';
import { groupBy } from './views';
import { plainText, reportSeries, unitHistory, unitSummary, type ReportSummary, type Sentence } from './unit-summary';
import type { FigureEntry } from '../schemas/figure';
import type { ReportEntry } from '../schemas/report';
import type { ReportKind } from '../schemas/vocabulary';

/** One report of the unit `test-unit`, its figures written as specs (their quotes make the report's text). */
function report(
  id: string,
  year: number,
  specs: FigureSpec[],
  kind: ReportKind = '部门预算',
): { report: ReportEntry; figures: FigureEntry[] } {
  const input = makeInput(specs, { year, kind });
  return {
    report: { ...input.report, id, year, kind },
    figures: input.figures.map((f, k) => ({ ...f, report_id: id, id: `${id}-f-${k + 1}`, year, kind })),
  };
}

function summaryOf(...reports: { report: ReportEntry; figures: FigureEntry[] }[]): ReportSummary[] {
  const figures = groupBy(
    reports.flatMap((r) => r.figures),
    (f) => f.report_id,
  );
  return (
    unitSummary(
      reports.map((r) => r.report),
      figures,
    )?.reports ?? []
  );
}

const text = (sentences: Sentence[]) => sentences.map(plainText);
const wan = (metric: FigureSpec['metric'], value: string, phase: FigureSpec['phase'] = 'budget', scope = ''): FigureSpec => ({
  metric,
  value,
  unit: '万元',
  phase,
  scope,
});

describe('unitSummary: what the unit was given and spent', () => {
  it.each<[string, FigureSpec[], string[]]>([
    ['nothing stated: said so, never 0', [], ['报告未载明收入、预算和支出总额。']],
    [
      'two phases kept apart, never added',
      [
        wan('expenditure_total', '1,000'),
        wan('expenditure_total', '950', 'actual'),
        wan('basic_expenditure', '600', 'actual'),
        wan('project_expenditure', '350', 'actual'),
      ],
      ['年初预算：本年支出合计 1,000 万元。', '决算/执行：本年支出合计 950 万元（其中基本支出 600 万元，项目支出 350 万元）。'],
    ],
    [
      'parts without their total: listed, not summed',
      [wan('basic_expenditure', '600'), wan('project_expenditure', '350')],
      ['年初预算：基本支出 600 万元，项目支出 350 万元（报告未载明本年支出合计）。'],
    ],
    [
      'income, appropriations and budget in the order a reader asks',
      [
        wan('fiscal_appropriation_total', '15,621.11'),
        wan('income_total', '15,700'),
        { metric: 'budget_initial', value: '2836283.89', unit: '元', phase: 'budget' },
      ],
      ['年初预算：本年收入合计 15,700 万元，财政拨款收支总计 15,621.11 万元，年初预算数 2,836,283.89 元。'],
    ],
    [
      'a line item or another scope is not the whole',
      [{ ...wan('expenditure_total', '10'), item: '一般公共服务支出' }, wan('expenditure_total', '20', 'budget', 'prior_year')],
      ['报告未载明收入、预算和支出总额。'],
    ],
  ])('%s', (_name, specs, expected) => {
    const [summary] = summaryOf(report('u-2024-budget', 2024, specs));
    expect(text(summary?.money ?? [])).toEqual(expected);
  });
});

describe('unitSummary: 三公经费', () => {
  it.each<[string, FigureSpec[], string[]]>([
    ['not stated', [wan('expenditure_total', '1')], ['报告未载明“三公”经费。']],
    [
      'total and parts, a missing part named as missing',
      [wan('sangong_total', '47.91'), wan('sangong_abroad', '0'), wan('sangong_vehicle_total', '46.56')],
      ['“三公”经费（年初预算）合计 47.91 万元：因公出国（境）费 0 万元，公务用车购置及运行维护费 46.56 万元，公务接待费报告未载明。'],
    ],
    [
      'parts without a total, each phase on its own',
      [wan('sangong_reception', '1.5639', 'actual'), wan('sangong_total', '3', 'budget')],
      [
        '“三公”经费（年初预算）合计 3 万元：因公出国（境）费报告未载明，公务用车购置及运行维护费报告未载明，公务接待费报告未载明。',
        '“三公”经费（决算/执行）报告未载明合计；因公出国（境）费报告未载明，公务用车购置及运行维护费报告未载明，公务接待费 15,639 元。',
      ],
    ],
  ])('%s', (_name, specs, expected) => {
    const [summary] = summaryOf(report('u-2024-budget', 2024, specs));
    expect(text(summary?.sangong ?? [])).toEqual(expected);
  });
});

describe('unitSummary: execution rate with its denominator named', () => {
  it.each<[string, ReportKind, FigureSpec[], string[]]>([
    ['a budget states no execution', '部门预算', [wan('budget_initial', '100')], []],
    ['not stated', '部门整体支出绩效自评', [wan('budget_executed', '90', 'actual')], ['报告未载明预算执行率。']],
    [
      'a stated rate beside what each stated denominator gives',
      '部门整体支出绩效自评',
      [
        wan('budget_initial', '100'),
        wan('budget_adjusted', '120', 'adjusted'),
        wan('budget_executed', '90', 'actual'),
        { metric: 'execution_rate', value: '75', unit: '%', phase: 'actual' },
      ],
      [
        '报告所述预算执行率为 75%。',
        '以年初预算数为分母：90 万元 ÷ 100 万元 = 90%。',
        '以全年预算数（调整后）为分母：90 万元 ÷ 120 万元 = 75%。',
      ],
    ],
    [
      "only the rates of parts: not the unit's",
      '部门决算',
      [{ metric: 'execution_rate', value: '27.87', unit: '%', phase: 'actual', scope: 'project' }],
      ['报告未载明全单位的预算执行率，只写明了 1 项部分支出或项目的执行率，见下方“图表”。'],
    ],
    [
      'a rate without the amounts behind it',
      '部门整体支出绩效自评',
      [{ metric: 'execution_rate', value: '0.628571429', unit: 'ratio', phase: 'actual' }],
      ['报告所述预算执行率为 62.86%。', '报告没有同时写明执行数和预算数，无法确认这一执行率的分母。'],
    ],
    [
      'a zero denominator is not computed',
      '部门整体支出绩效自评',
      [
        wan('budget_initial', '0'),
        wan('budget_executed', '5', 'actual'),
        { metric: 'execution_rate', value: '100', unit: '%', phase: 'actual' },
      ],
      ['报告所述预算执行率为 100%。', '以年初预算数为分母：0 万元，分母为 0，无法计算（执行数 5 万元）。'],
    ],
  ])('%s', (_name, kind, specs, expected) => {
    const [summary] = summaryOf(report('u-2024-x', 2024, specs, kind));
    expect(text(summary?.execution ?? [])).toEqual(expected);
  });
});

describe('unitSummary: changes from the year before', () => {
  const before = (specs: FigureSpec[], id = 'u-2023-budget') => report(id, 2023, specs);
  const now = (specs: FigureSpec[], id = 'u-2024-budget') => report(id, 2024, specs);
  it.each<[string, ReturnType<typeof report>[], string[]]>([
    ['no report of the year before', [now([wan('expenditure_total', '900')])], ['明账未收录2023年度的部门预算，无法与上年比较。']],
    [
      'the same metric and phase: the difference computed exactly',
      [before([wan('expenditure_total', '1,000')]), now([wan('expenditure_total', '900')])],
      [
        '与2023年度部门预算相比（同一指标、同一口径）：',
        '本年支出合计（年初预算）由2023年度的 1,000 万元 变为2024年度的 900 万元，减少 100 万元，下降 10%。',
      ],
    ],
    [
      '万元 one year, 元 the next',
      [before([{ metric: 'sangong_total', value: '15639', unit: '元', phase: 'budget' }]), now([wan('sangong_total', '1.6')])],
      [
        '与2023年度部门预算相比（同一指标、同一口径）：',
        '“三公”经费合计（年初预算）由2023年度的 15,639 元 变为2024年度的 1.6 万元，增加 361 元，增长 2.31%。',
      ],
    ],
    [
      'different phases are not compared',
      [before([wan('expenditure_total', '1,000', 'budget')]), now([wan('expenditure_total', '900', 'actual')])],
      ['2023年度部门预算与本年报告没有同一指标、同一口径的数字可比。'],
    ],
    [
      'a unit budget is not compared with the department budget',
      [before([wan('expenditure_total', '1,000')], 'u-2023-unit-budget'), now([wan('expenditure_total', '900')])],
      ['明账未收录2023年度的部门预算，无法与上年比较。'],
    ],
    [
      'two years back is not the year before',
      [report('u-2022-budget', 2022, [wan('expenditure_total', '1,000')]), now([wan('expenditure_total', '900')])],
      ['明账未收录2023年度的部门预算，无法与上年比较。'],
    ],
    [
      'from zero: the amount, no rate',
      [before([wan('sangong_total', '0')]), now([wan('sangong_total', '25')])],
      [
        '与2023年度部门预算相比（同一指标、同一口径）：',
        '“三公”经费合计（年初预算）由2023年度的 0 万元 变为2024年度的 25 万元，增加 25 万元。',
      ],
    ],
    [
      'the change the report states, beside the computed one',
      [
        before([wan('sangong_total', '22.91')]),
        now([wan('sangong_total', '47.91'), wan('sangong_total', '25', 'budget', 'change_vs_prior')]),
      ],
      [
        '与2023年度部门预算相比（同一指标、同一口径）：',
        '“三公”经费合计（年初预算）由2023年度的 22.91 万元 变为2024年度的 47.91 万元，增加 25 万元，增长 109.12%。报告自述较上年变动 25 万元。',
      ],
    ],
    [
      'the change the report states when the year before is not in the dataset',
      [now([wan('fiscal_appropriation_total', '15,621.11'), wan('fiscal_appropriation_total', '-876.75', 'budget', 'change_vs_prior')])],
      ['财政拨款收支总计（年初预算）较上年变动 -876.75 万元（报告自述）。'],
    ],
  ])('%s', (_name, reports, expected) => {
    const summaries = summaryOf(...reports);
    expect(summaries.map((s) => s.report.year)).toEqual([2024]);
    expect(text(summaries[0]?.change ?? [])).toEqual(expected);
  });
});

describe('unitSummary: every number is a stated figure or computed beside them', () => {
  const reports = [
    report('u-2023-budget', 2023, [wan('sangong_total', '22.91'), wan('expenditure_total', '1,000')]),
    report('u-2024-budget', 2024, [
      wan('sangong_total', '47.91'),
      wan('sangong_abroad', '0'),
      wan('expenditure_total', '900'),
      wan('basic_expenditure', '600'),
    ]),
  ];
  const [summary] = summaryOf(...reports);
  const sentences = summary ? [...summary.money, ...summary.sangong, ...summary.execution, ...summary.change] : [];

  it('links each figure with the text the report page shows for it', () => {
    const figures = sentences.flat().flatMap((p) => (p.kind === 'figure' ? [p] : []));
    expect(figures.length).toBeGreaterThan(5);
    for (const part of figures) expect(part.text).toBe(formatFigure(part.figure));
  });

  it('writes no amount in its words (only years)', () => {
    const words = sentences.flat().flatMap((p) => (p.kind === 'text' ? [p.text] : []));
    const numbers = words.join(' ').match(/\d[\d,.]*/g) ?? [];
    expect(numbers.length).toBeGreaterThan(0);
    expect(
      numbers.every((n) => /^20\d\d$/.test(n)),
      numbers.join(' '),
    ).toBe(true);
  });

  it('summarises the latest year only, every report of it', () => {
    const both = summaryOf(report('u-2024-budget', 2024, []), report('u-2024-unit-budget', 2024, []), report('u-2023-budget', 2023, []));
    expect(both.map((s) => s.report.id)).toEqual(['u-2024-budget', 'u-2024-unit-budget']);
    expect(summaryOf()).toEqual([]);
  });
});

describe('reportSeries', () => {
  it.each([
    ['sh-putuo-wanli-2024-budget', 2024, 'sh-putuo-wanli--budget'],
    ['sh-putuo-sfj-2026-unit-budget', 2026, 'sh-putuo-sfj--unit-budget'],
    ['odd-2020-id-2020-budget', 2020, 'odd-2020-id--budget'],
    ['no-year-in-id', 2020, 'no-year-in-id'],
  ])('%s', (id, year, series) => {
    expect(reportSeries({ id, year })).toBe(series);
  });
});

describe('unitHistory', () => {
  it('keeps phases in their own columns, one row per report that states the series, newest first', () => {
    const reports = [
      report('u-2023-final', 2023, [wan('expenditure_total', '1', 'adjusted'), wan('expenditure_total', '2', 'actual')], '部门决算'),
      report('u-2024-budget', 2024, [wan('expenditure_total', '3'), wan('sangong_total', '4')]),
      report('u-2022-budget', 2022, [wan('income_total', '5')]),
    ];
    const history = unitHistory(
      reports.map((r) => r.report),
      groupBy(
        reports.flatMap((r) => r.figures),
        (f) => f.report_id,
      ),
    );
    const shown = history.map(({ series, rows }) => [
      series.title,
      rows.map((row) => [row.report.id, Object.fromEntries(Object.entries(row.cells).map(([phase, f]) => [phase, f.value]))]),
    ]);
    expect(shown).toEqual([
      [
        'unitPage.history.expenditure',
        [
          ['u-2024-budget', { budget: '3' }],
          ['u-2023-final', { adjusted: '1', actual: '2' }],
        ],
      ],
      ['unitPage.history.sangong', [['u-2024-budget', { budget: '4' }]]],
    ]);
  });
});
