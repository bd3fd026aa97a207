import { describe, expect, it } from 'vitest';
import {
  executionRows,
  groupBy,
  headline,
  indicatorTables,
  isProjectScope,
  latestReports,
  lineLocator,
  pick,
  pickAmount,
  projectRows,
  sangongRows,
  scopeLabel,
} from './views';
import type { Headline } from './views';
import { toYuanString } from './money';
import type { FigureEntry } from '../schemas/figure';
import type { ReportEntry } from '../schemas/report';
import type { IndicatorEntry } from '../schemas/indicator';
import type { MeasureUnit, MetricKey, Phase } from '../schemas/vocabulary';

let counter = 0;

/** A figure as buildCollections would make it; value_yuan is derived from value and unit. */
function fig(metric: MetricKey, phase: Phase, value: string, unit: MeasureUnit, more: Partial<FigureEntry> = {}): FigureEntry {
  counter += 1;
  const base: FigureEntry = {
    id: `r-f-${String(counter).padStart(4, '0')}`,
    report_id: 'r',
    unit_id: 'u',
    unit_name: '某某医疗保障局',
    year: 2022,
    kind: '部门决算',
    metric,
    phase,
    scope: '',
    item: '',
    value,
    unit,
    value_yuan: toYuanString(value, unit) ?? '',
    quote: `${value}${unit}`,
    quote_offset: 0,
    review: 'curated',
    note: '',
    source_sha256: '0'.repeat(64),
    origin: `data/figures/r.csv:${counter + 1}`,
  };
  return { ...base, ...more };
}

function report(id: string, year: number, unitName: string): ReportEntry {
  return {
    id,
    unit_id: `${id}-unit`,
    year,
    kind: '部门决算',
    title: `${unitName}${year}年度部门决算`,
    date: '',
    date_label: '',
    original_filename: `${id}.txt`,
    sha256: '0'.repeat(64),
    source_url: '',
    retrieved: '',
    note: '',
    unit_name: unitName,
    unit_short_name: unitName,
    machine_figures: 0,
    checked_figures: 0,
    original_sha256: '',
    original_format: '',
    curated_figures: 0,
  };
}

function indicator(scope: string, level3: string): IndicatorEntry {
  return {
    id: `r-i-${level3}`,
    report_id: 'r',
    scope,
    level1: '产出指标',
    level2: '数量指标',
    level3,
    target: '',
    actual: '',
    weight: '10',
    score: '10',
    deduction_reason: '',
    quote: `${level3}\t10\t10`,
    quote_offset: 0,
    review: 'curated',
    origin: 'data/indicators/r.csv:2',
  };
}

describe('groupBy', () => {
  it('groups in order of first appearance and keeps item order', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('of nothing is empty', () => {
    expect(groupBy([], (s: string) => s).size).toBe(0);
  });
});

describe('isProjectScope and scopeLabel', () => {
  it.each([
    ['', false, '全单位'],
    ['basic', false, '基本支出'],
    ['project', false, '项目支出'],
    ['prior_year', false, '上年'],
    ['change_vs_prior', false, '较上年变动'],
    ['医疗救助补助资金', true, '医疗救助补助资金'],
    ['constructor', true, 'constructor'],
    ['toString', true, 'toString'],
    ['__proto__', true, '__proto__'],
  ])('%j → project %s, label %j', (scope, project, label) => {
    expect(isProjectScope(scope)).toBe(project);
    expect(scopeLabel(scope)).toBe(label);
  });
});

describe('pick and pickAmount', () => {
  const share = fig('basic_expenditure', 'actual', '97.5', '%');
  const amount = fig('basic_expenditure', 'actual', '1,125.4', '万元');
  const withItem = fig('basic_expenditure', 'actual', '100', '万元', { item: '行政运行' });
  const basicScope = fig('basic_expenditure', 'actual', '50', '万元', { scope: 'project' });
  const budget = fig('basic_expenditure', 'budget', '1,200', '万元');
  const staff = fig('staff_count', 'actual', '24', '人');
  const figures = [withItem, basicScope, share, amount, budget, staff];

  it.each<[string, MetricKey, Phase, string | undefined, FigureEntry | undefined]>([
    ['an amount before a share', 'basic_expenditure', 'actual', undefined, amount],
    ['by phase', 'basic_expenditure', 'budget', undefined, budget],
    ['by scope', 'basic_expenditure', 'actual', 'project', basicScope],
    ['a count', 'staff_count', 'actual', undefined, staff],
    ['nothing stated', 'sangong_total', 'actual', undefined, undefined],
  ])('pick: %s', (_name, metric, phase, scope, expected) => {
    expect(scope === undefined ? pick(figures, metric, phase) : pick(figures, metric, phase, scope)).toBe(expected);
  });

  it('pick falls back to a share when no amount is stated', () => {
    expect(pick([withItem, share], 'basic_expenditure', 'actual')).toBe(share);
  });

  it.each<[string, MetricKey, Phase, string | undefined, FigureEntry | undefined]>([
    ['money only', 'basic_expenditure', 'actual', undefined, amount],
    ['by scope', 'basic_expenditure', 'actual', 'project', basicScope],
    ['a count is no amount', 'staff_count', 'actual', undefined, undefined],
  ])('pickAmount: %s', (_name, metric, phase, scope, expected) => {
    expect(scope === undefined ? pickAmount(figures, metric, phase) : pickAmount(figures, metric, phase, scope)).toBe(expected);
  });

  it('pickAmount never returns a share or an item', () => {
    expect(pickAmount([share, withItem], 'basic_expenditure', 'actual')).toBeUndefined();
  });
});

describe('headline', () => {
  const expenditure = fig('expenditure_total', 'actual', '1,098.99', '万元');
  const executed = fig('budget_executed', 'actual', '701.23', '万元');
  const initial = fig('budget_initial', 'budget', '205.60', '万元');
  const adjusted = fig('budget_adjusted', 'adjusted', '202', '万元');
  const sangongBudget = fig('sangong_total', 'budget', '3', '万元');
  const sangongActual = fig('sangong_total', 'actual', '2.5', '万元');
  const rateRatio = fig('execution_rate', 'actual', '0.628571429', 'ratio');
  const ratePercent = fig('execution_rate', 'actual', '60.7', '%');
  const rateOfProject = fig('execution_rate', 'actual', '99', '%', { scope: '医疗救助补助资金' });
  const score = fig('self_eval_score', 'actual', '95', '分');

  const basic = fig('basic_expenditure', 'actual', '621.16', '万元');
  const project = fig('project_expenditure', 'actual', '323', '万元');
  const basicBudget = fig('basic_expenditure', 'budget', '490.40', '万元');
  const basicShare = fig('basic_expenditure', 'actual', '65.8', '%');

  it.each<[string, FigureEntry[], Partial<Headline>]>([
    [
      'all stated',
      [rateRatio, ratePercent, expenditure, executed, initial, adjusted, sangongBudget, sangongActual, score],
      {
        expenditure,
        budget: adjusted,
        sangong: sangongActual,
        executionRate: ratePercent,
        score,
      },
    ],
    [
      'executed amount stands in for expenditure, initial budget for adjusted',
      [executed, initial],
      { expenditure: executed, budget: initial },
    ],
    ['a ratio when no % is stated; a project rate is not the unit rate', [rateOfProject, rateRatio], { executionRate: rateRatio }],
    ['only a budget 三公 amount is no actual 三公', [sangongBudget], {}],
    ['nothing', [], {}],
    // 渌口区 2022: no total stated, but 基本支出 621.16 万元 and 项目支出 323 万元 are — shown as parts, never summed
    [
      'no total: the stated parts, budget and actual apart',
      [basicShare, basicBudget, project, basic],
      {
        expenditureParts: [basic, project],
        budgetParts: [basicBudget],
      },
    ],
    ['a total stated: no parts', [expenditure, basic, project], { expenditure }],
  ])('%s', (_name, figures, expected) => {
    expect(headline(figures)).toEqual({ expenditureParts: [], budgetParts: [], ...expected });
  });
});

describe('sangongRows', () => {
  const a = report('a', 2022, '乙局');
  const b = report('b', 2021, '丙局');
  const c = report('c', 2022, '甲局');
  const none = report('none', 2020, '丁局');
  const aTotal = fig('sangong_total', 'actual', '2.5', '万元', { report_id: 'a' });
  const aReception = fig('sangong_reception', 'actual', '0.5', '万元', { report_id: 'a' });
  const aBudget = fig('sangong_total', 'budget', '3', '万元', { report_id: 'a' });
  const aShare = fig('sangong_reception', 'actual', '20', '%', { report_id: 'a' });
  const bVehicle = fig('sangong_vehicle_total', 'actual', '1.2', '万元', { report_id: 'b' });
  const cAbroad = fig('sangong_abroad', 'actual', '0', '万元', { report_id: 'c' });
  const cProject = fig('sangong_total', 'actual', '9', '万元', { report_id: 'c', scope: '某项目' });
  const noneStaff = fig('staff_count', 'actual', '3', '人', { report_id: 'none' });
  const rows = sangongRows([a, b, c, none], [aShare, aTotal, aReception, aBudget, bVehicle, cAbroad, cProject, noneStaff]);

  it('has one row per report and phase that states 三公经费, sorted by year and unit name', () => {
    expect(rows.map((r) => [r.report.id, r.phase])).toHaveLength(4);
    expect(rows.map((r) => `${r.report.year} ${r.report.unit_name}`)).toEqual(['2021 丙局', '2022 甲局', '2022 乙局', '2022 乙局']);
  });

  it('keeps budget and actual apart and picks amounts, not shares', () => {
    const aActual = rows.find((r) => r.report.id === 'a' && r.phase === 'actual');
    const aBudgetRow = rows.find((r) => r.report.id === 'a' && r.phase === 'budget');
    expect(aActual).toEqual({ report: a, phase: 'actual', total: aTotal, reception: aReception });
    expect(aBudgetRow).toEqual({ report: a, phase: 'budget', total: aBudget });
  });

  it('states a zero and ignores project scopes', () => {
    expect(rows.find((r) => r.report.id === 'c')).toEqual({ report: c, phase: 'actual', abroad: cAbroad });
    expect(rows.find((r) => r.report.id === 'b')).toEqual({ report: b, phase: 'actual', vehicle: bVehicle });
    expect(rows.some((r) => r.report.id === 'none')).toBe(false);
  });
});

describe('executionRows', () => {
  const r = report('r', 2021, '某局');
  const stated = fig('execution_rate', 'actual', '60.7', '%', { scope: 'project' });
  const statedAgain = fig('execution_rate', 'actual', '0.607', 'ratio', { scope: 'project' });
  const withItem = fig('execution_rate', 'actual', '58', '%', { scope: 'project', item: '中央下达' });
  const executed = fig('budget_executed', 'actual', '701.23', '万元', { scope: 'project' });
  const initial = fig('budget_initial', 'budget', '1155.5', '万元', { scope: 'project' });
  const adjusted = fig('budget_adjusted', 'adjusted', '0', '万元', { scope: 'project' });
  const unitRate = fig('execution_rate', 'actual', '100', '%');
  const otherReport = fig('budget_executed', 'actual', '1', '万元', { report_id: 'other', scope: 'project' });
  const project = '医疗救助补助资金';
  const farExecuted = fig('budget_executed', 'actual', '1', '万元', { scope: project, quote_offset: 10 });
  const farInitial = fig('budget_initial', 'budget', '2', '万元', { scope: project, quote_offset: 20 });
  const nearInitial = fig('budget_initial', 'budget', '1155.5', '万元', { scope: project, quote_offset: 480 });
  const nearRate = fig('execution_rate', 'actual', '60.7', '%', { scope: project, quote_offset: 500 });
  const nearExecuted = fig('budget_executed', 'actual', '701.23', '万元', { scope: project, quote_offset: 490 });
  const projectsRate = fig('execution_rate', 'actual', '27.87', '%', { scope: 'project', quote_offset: 300 });
  const projectsActual = fig('project_expenditure', 'actual', '196.9', '万元', { quote_offset: 290 });
  const projectsBudget = fig('project_expenditure', 'budget', '706.6', '万元', { quote_offset: 280 });

  it.each<
    [
      string,
      FigureEntry[],
      Array<{ scope: string; stated: FigureEntry; executed?: FigureEntry; computed: Array<[FigureEntry, string | null]> }>,
    ]
  >([
    [
      'computed from each stated denominator; a zero denominator gives null',
      [withItem, stated, statedAgain, executed, initial, adjusted, otherReport],
      [
        {
          scope: 'project',
          stated,
          executed,
          computed: [
            [initial, '60.69'],
            [adjusted, null],
          ],
        },
      ],
    ],
    ['nothing computed without an executed amount', [unitRate, initial], [{ scope: '', stated: unitRate, computed: [] }]],
    [
      'one row per scope',
      [unitRate, stated, executed, initial],
      [
        { scope: '', stated: unitRate, computed: [] },
        { scope: 'project', stated, executed, computed: [[initial, '60.69']] },
      ],
    ],
    ['a rate with an item only is no row', [withItem, executed, initial], []],
    [
      'the amounts stated nearest to the rate are used',
      [farExecuted, nearInitial, farInitial, nearRate, nearExecuted],
      [{ scope: '医疗救助补助资金', stated: nearRate, executed: nearExecuted, computed: [[nearInitial, '60.69']] }],
    ],
    [
      'a rate of all projects uses the stated project expenditure',
      [projectsRate, projectsActual, projectsBudget],
      [{ scope: 'project', stated: projectsRate, executed: projectsActual, computed: [[projectsBudget, '27.87']] }],
    ],
  ])('%s', (_name, figures, expected) => {
    const rows = executionRows([r], figures);
    expect(
      rows.map((row) => ({
        scope: row.scope,
        stated: row.stated,
        ...(row.executed ? { executed: row.executed } : {}),
        computed: row.computed.map((c) => [c.denominator, c.percent]),
      })),
    ).toEqual(expected);
    for (const row of rows) expect(row.report).toBe(r);
  });
});

describe('projectRows', () => {
  const p1 = '医疗救助补助资金';
  const p2 = '医保能力提升';
  const figures = [
    fig('basic_expenditure', 'actual', '10', '万元'),
    fig('budget_initial', 'budget', '1155.5', '万元', { scope: p1 }),
    fig('budget_executed', 'actual', '20', '万元', { scope: p2 }),
    fig('budget_executed', 'actual', '701.23', '万元', { scope: p1 }),
    fig('execution_rate', 'actual', '58', '%', { scope: p1, item: '中央下达' }),
    fig('execution_rate', 'actual', '60.7', '%', { scope: p1 }),
    fig('self_eval_score', 'actual', '92', '分', { scope: p1 }),
    fig('budget_adjusted', 'adjusted', '20', '万元', { scope: p2 }),
    fig('project_expenditure', 'actual', '30', '万元', { scope: 'project' }),
  ];

  it('lists projects in order of first mention with their figures', () => {
    const rows = projectRows(figures);
    expect(rows.map((r) => r.name)).toEqual([p1, p2]);
    expect(rows[0]?.budgetInitial?.value).toBe('1155.5');
    expect(rows[0]?.executed?.value).toBe('701.23');
    expect(rows[0]?.rate?.value).toBe('60.7');
    expect(rows[0]?.score?.value).toBe('92');
    expect(rows[0]?.budgetAdjusted).toBeUndefined();
    expect(rows[1]).toEqual({ name: p2, executed: figures[2], budgetAdjusted: figures[7] });
  });

  it('is empty when no project is named', () => {
    expect(projectRows([fig('basic_expenditure', 'actual', '10', '万元', { scope: 'basic' })])).toEqual([]);
  });
});

describe('indicatorTables', () => {
  it('puts the unit-wide table first and keeps the order of the others', () => {
    const rows = [indicator('项目甲', 'a'), indicator('', 'b'), indicator('项目乙', 'c'), indicator('项目甲', 'd'), indicator('', 'e')];
    const tables = indicatorTables(rows);
    expect(tables.map((t) => [t.scope, t.rows.map((r) => r.level3)])).toEqual([
      ['', ['b', 'e']],
      ['项目甲', ['a', 'd']],
      ['项目乙', ['c']],
    ]);
  });
});

describe('lineLocator', () => {
  const text = '第一行\n第二行\n\n第四行';
  it.each([
    [0, 1],
    [3, 1], // the line break belongs to the line it ends
    [4, 2],
    [8, 3],
    [9, 4],
    [text.length, 4],
    [text.length + 10, 4],
  ])('offset %i → line %i', (offset, line) => {
    expect(lineLocator(text)(offset)).toBe(line);
  });

  it('agrees with counting line breaks for every offset', () => {
    const sample = 'a\n\nbc\nd\n';
    const at = lineLocator(sample);
    for (let i = 0; i <= sample.length; i++) expect(at(i)).toBe(sample.slice(0, i).split('\n').length);
  });
});

describe('headline of a report about one project', () => {
  it('reads the project figures as the whole report', () => {
    const budget = fig('budget_adjusted', 'adjusted', '1155.5', '万元', { scope: '医疗救助补助资金' });
    const executed = fig('budget_executed', 'actual', '701.23', '万元', { scope: '医疗救助补助资金' });
    const rate = fig('execution_rate', 'actual', '60.7', '%', { scope: '医疗救助补助资金' });
    expect(headline([budget, executed, rate])).toEqual({
      budget,
      expenditure: executed,
      executionRate: rate,
      expenditureParts: [],
      budgetParts: [],
    });
  });
});

describe('latestReports', () => {
  const r = (id: string, year: number, date = '') => ({ id, year, date });
  it.each<[string, ReturnType<typeof r>[], number, string[]]>([
    ['the latest year first', [r('a', 2022), r('b', 2024), r('c', 2023)], 3, ['b', 'c', 'a']],
    [
      'within a year the latest date, a report without a date after',
      [r('a', 2024), r('b', 2024, '2024-03-01'), r('c', 2024, '2024-09-30')],
      3,
      ['c', 'b', 'a'],
    ],
    ['then by id, whatever the input order', [r('z', 2024), r('m', 2024), r('a', 2024)], 3, ['a', 'm', 'z']],
    ['at most the count asked for', [r('a', 2021), r('b', 2022), r('c', 2023)], 2, ['c', 'b']],
  ])('%s', (_name, reports, count, ids) => {
    expect(latestReports(reports, count).map((x) => x.id)).toEqual(ids);
  });
  it('lists a fixed number by default', () => {
    const many = Array.from({ length: 100 }, (_, i) => r(`r${i}`, 2000 + (i % 7)));
    expect(latestReports(many)).toHaveLength(20);
  });
});
