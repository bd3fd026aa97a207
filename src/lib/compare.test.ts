import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec } from './checks/fixtures';
import {
  amountPerPerson,
  chartRows,
  comparisonPaths,
  COMPARISON_METRICS,
  type Comparison,
  comparePages,
  executionCompareRows,
  facetOptions,
  regionLabel,
  distinctLabels,
  exactPercent,
  medianDecimal,
  phasesOf,
  plainDecimal,
  provinceComparePages,
  provinceSummaries,
  sangongCompareRows,
  scoreCompareRows,
  shareCompareRows,
  type Facets,
} from './compare';
import type { FigureEntry } from '../schemas/figure';
import type { ReportEntry } from '../schemas/report';
import type { Unit } from '../schemas/unit';
import type { MeasureUnit } from '../schemas/vocabulary';

const unitA: Unit = {
  id: 'a',
  name: '甲市甲区医疗保障局',
  short_name: '甲区医保局',
  province: '湖南省',
  city: '甲市',
  county: '甲区',
  department_type: '医疗保障局',
};
const unitB: Unit = {
  id: 'b',
  name: '乙市乙区财政局',
  short_name: '乙区财政局',
  province: '上海市',
  city: '上海市',
  county: '乙区',
  department_type: '财政局',
};

/** One report of a unit with the figures it states, ids prefixed by the report's id. */
function report(id: string, unit: Unit, year: number, specs: FigureSpec[]): { report: ReportEntry; figures: FigureEntry[] } {
  const input = makeInput(specs, { year });
  const r = { ...input.report, id, unit_id: unit.id, unit_name: unit.name, unit_short_name: unit.short_name };
  return { report: r, figures: input.figures.map((f) => ({ ...f, id: f.id.replace('test-report', id), report_id: id, unit_id: unit.id })) };
}

function dataset(...parts: { report: ReportEntry; figures: FigureEntry[] }[]) {
  return { units: [unitA, unitB], reports: parts.map((p) => p.report), figures: parts.flatMap((p) => p.figures) };
}

describe('amountPerPerson', () => {
  const [amount, people] = makeInput([
    { metric: 'sangong_total', value: '1.5639', unit: '万元' },
    { metric: 'staff_count', value: '24', unit: '人' },
  ]).figures as [FigureEntry, FigureEntry];
  it.each<[string, [string, MeasureUnit], string, string | null]>([
    ['15,639 元 over 24 people, rounded to the fen', ['1.5639', '万元'], '24', '651.63'],
    ['half a fen rounds away from zero (1 元 / 8 = 0.125)', ['1', '元'], '8', '0.13'],
    ['one person', ['1.5639', '万元'], '1', '15639'],
    ['a count written 24.0', ['1.5639', '万元'], '24.0', '651.63'],
    ['nobody: no amount per person', ['1.5639', '万元'], '0', null],
    ['a fraction of a person: not a head count', ['1.5639', '万元'], '2.5', null],
    ['a negative count', ['1.5639', '万元'], '-3', null],
    ['a share is not an amount', ['12', '%'], '24', null],
  ])('%s', (_name, [value, unit], count, expected) => {
    expect(amountPerPerson({ ...amount, value, unit }, { ...people, value: count })).toBe(expected);
  });
});

describe('sangongCompareRows', () => {
  const { units, reports, figures } = dataset(
    report('a-2022', unitA, 2022, [
      { metric: 'sangong_total', value: '1.5', unit: '万元' },
      { metric: 'sangong_reception', value: '1.5', unit: '万元' },
      { metric: 'staff_count', value: '30', unit: '人' },
      { metric: 'sangong_total', value: '2', unit: '万元', phase: 'budget' },
    ]),
    report('b-2024', unitB, 2024, [
      { metric: 'sangong_abroad', value: '0', unit: '万元' },
      { metric: 'sangong_vehicle_total', value: '3', unit: '万元' },
      { metric: 'staff_count', value: '12', unit: '人' },
    ]),
  );
  const rows = sangongCompareRows(units, reports, figures);

  it.each<[string, string, string | null, string | undefined]>([
    ['a total and staff: per staff member', 'a-2022 actual', '500', '30'],
    ['the same staff count for the budget phase of the same report', 'a-2022 budget', '666.67', '30'],
    ['parts but no stated total: no per-staff amount (parts are not summed)', 'b-2024 actual', null, '12'],
  ])('%s', (_name, key, perStaff, staff) => {
    const row = rows.find((r) => `${r.report.id} ${r.phase}` === key);
    expect(row?.perStaffYuan).toBe(perStaff);
    expect(row?.staff?.value).toBe(staff);
  });

  it('joins each row with its unit and the facets it is filtered by', () => {
    expect(rows.map((r) => [r.report.id, r.facets])).toEqual([
      ['a-2022', { year: 2022, phase: 'budget', province: '湖南省', city: '甲市', county: '甲区', department_type: '医疗保障局' }],
      ['a-2022', { year: 2022, phase: 'actual', province: '湖南省', city: '甲市', county: '甲区', department_type: '医疗保障局' }],
      ['b-2024', { year: 2024, phase: 'actual', province: '上海市', city: '上海市', county: '乙区', department_type: '财政局' }],
    ]);
    expect(rows.every((r) => r.unit !== undefined)).toBe(true);
  });

  it('offers as filters only the values present, newest year first, names in pinyin order', () => {
    expect(facetOptions(rows)).toEqual({
      years: [2024, 2022],
      phases: ['budget', 'actual'],
      provinces: ['湖南省', '上海市'],
      departmentTypes: ['财政局', '医疗保障局'],
    });
  });
});

describe('executionCompareRows', () => {
  it.each<[string, FigureSpec[], string | null | undefined, string | null | undefined]>([
    [
      'both denominators stated: one rate each, named',
      [
        { metric: 'budget_initial', value: '100', unit: '万元', phase: 'budget' },
        { metric: 'budget_adjusted', value: '80', unit: '万元', phase: 'adjusted' },
        { metric: 'budget_executed', value: '72', unit: '万元', phase: 'actual' },
        { metric: 'execution_rate', value: '90', unit: '%', phase: 'actual' },
      ],
      '72',
      '90',
    ],
    [
      'only the adjusted budget: no rate on the initial one',
      [
        { metric: 'budget_adjusted', value: '80', unit: '万元', phase: 'adjusted' },
        { metric: 'budget_executed', value: '72', unit: '万元', phase: 'actual' },
        { metric: 'execution_rate', value: '90', unit: '%', phase: 'actual' },
      ],
      undefined,
      '90',
    ],
    ['a stated rate alone', [{ metric: 'execution_rate', value: '0.9', unit: 'ratio', phase: 'actual' }], undefined, undefined],
  ])('%s', (_name, specs, onInitial, onAdjusted) => {
    const { units, reports, figures } = dataset(report('a-2022', unitA, 2022, specs));
    const [row] = executionCompareRows(units, reports, figures);
    expect(row?.onInitial?.percent).toBe(onInitial);
    expect(row?.onAdjusted?.percent).toBe(onAdjusted);
    expect(row?.onInitial?.denominator.metric ?? 'budget_initial').toBe('budget_initial');
    expect(row?.onAdjusted?.denominator.metric ?? 'budget_adjusted').toBe('budget_adjusted');
  });
});

describe('shareCompareRows', () => {
  it.each<[string, FigureSpec[], [string | null | undefined, string | null | undefined][]]>([
    [
      'both parts of a stated total',
      [
        { metric: 'expenditure_total', value: '1,153.8', unit: '万元' },
        { metric: 'basic_expenditure', value: '621.16', unit: '万元' },
        { metric: 'project_expenditure', value: '532.64', unit: '万元' },
      ],
      [['53.84', '46.16']],
    ],
    [
      'parts without a total: no share (they are not added up into one)',
      [
        { metric: 'basic_expenditure', value: '621.16', unit: '万元' },
        { metric: 'project_expenditure', value: '532.64', unit: '万元' },
      ],
      [[null, null]],
    ],
    [
      'phases kept apart: a budget total is not the denominator of an actual part',
      [
        { metric: 'expenditure_total', value: '1000', unit: '万元', phase: 'budget' },
        { metric: 'basic_expenditure', value: '500', unit: '万元', phase: 'budget' },
        { metric: 'basic_expenditure', value: '600', unit: '万元', phase: 'actual' },
      ],
      [
        ['50', undefined],
        [null, undefined],
      ],
    ],
    ['a total alone: no row', [{ metric: 'expenditure_total', value: '1000', unit: '万元' }], []],
  ])('%s', (_name, specs, shares) => {
    const { units, reports, figures } = dataset(report('a-2022', unitA, 2022, specs));
    expect(shareCompareRows(units, reports, figures).map((r) => [r.basic?.percent, r.project?.percent])).toEqual(shares);
  });
});

describe('scoreCompareRows', () => {
  it('lists reports that state a score, with the stated rate where there is one', () => {
    const { units, reports, figures } = dataset(
      report('a-2022', unitA, 2022, [
        { metric: 'self_eval_score', value: '94.72', unit: '分' },
        { metric: 'execution_rate', value: '98.5', unit: '%' },
      ]),
      report('b-2024', unitB, 2024, [{ metric: 'self_eval_score', value: '90', unit: '分' }]),
      report('b-2023', unitB, 2023, [{ metric: 'execution_rate', value: '98.5', unit: '%' }]),
    );
    expect(scoreCompareRows(units, reports, figures).map((r) => [r.report.id, r.score.value, r.executionRate?.value])).toEqual([
      ['a-2022', '94.72', '98.5'],
      ['b-2024', '90', undefined],
    ]);
  });
});

describe('comparePages', () => {
  const facets = (year: number): Facets => ({ year, phase: 'actual', province: '', city: '', county: '', department_type: '' });
  const rows = [2022, 2024, 2022, 2023, 2024, 2024].map((year, i) => ({ i, facets: facets(year) }));
  it.each<[string, number, [string, number[], string, number[]][]]>([
    ['a small table: one page with every year', 6, [['', [2024, 2023, 2022], '1/1', [0, 1, 2, 3, 4, 5]]]],
    [
      'a large table: one page per year, the newest under the comparison’s own URL',
      5,
      [
        ['', [2024], '1/1', [1, 4, 5]],
        ['2023', [2023], '1/1', [3]],
        ['2022', [2022], '1/1', [0, 2]],
      ],
    ],
    [
      'a year larger than the limit in parts, in the table’s order',
      2,
      [
        ['', [2024], '1/2', [1, 4]],
        ['2024-2', [2024], '2/2', [5]],
        ['2023', [2023], '1/1', [3]],
        ['2022', [2022], '1/1', [0, 2]],
      ],
    ],
  ])('%s', (_name, limit, pages) => {
    expect(comparePages(rows, limit).map((p) => [p.slug, p.years, `${p.part}/${p.parts}`, p.rows.map((r) => r.i)])).toEqual(pages);
  });

  it.each([1, 2, 3, 5, 6])('keeps every row on exactly one page (limit %i)', (limit) => {
    const pages = comparePages(rows, limit);
    expect(pages.flatMap((p) => p.rows.map((r) => r.i)).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pages.every((p) => p.rows.length <= limit)).toBe(true);
    expect(new Set(pages.map((p) => p.slug)).size).toBe(pages.length);
  });
});

describe('chartRows', () => {
  it.each<[string, (number | null)[], number, number[]]>([
    ['largest first', [3, 10, 1], 40, [10, 3, 1]],
    ['rows without a value are not drawn', [3, null, Number.NaN, 5], 40, [5, 3]],
    ['at most the limit', [1, 2, 3, 4], 2, [4, 3]],
  ])('%s', (_name, values, limit, expected) => {
    expect(chartRows(values, (v) => v, limit)).toEqual(expected);
  });
});

describe('regionLabel', () => {
  it.each<[string, Pick<Unit, 'province' | 'city' | 'county'> | undefined, string]>([
    ['province, city and county', { province: '湖南省', city: '株洲市', county: '渌口区' }, '湖南省 株洲市 渌口区'],
    ['a municipality named once', { province: '上海市', city: '上海市', county: '普陀区' }, '上海市 普陀区'],
    ["a city's own department", { province: '上海市', city: '上海市', county: '' }, '上海市'],
    ["a province's own department", { province: '江苏省', city: '', county: '' }, '江苏省'],
    ['no unit', undefined, ''],
  ])('%s', (_name, unit, label) => {
    expect(regionLabel(unit)).toBe(label);
  });
});

describe('distinctLabels', () => {
  const rows = [
    { label: '政府办公室 2025 年初预算', title: '上海市普陀区2025年区级部门预算' },
    { label: '政府办公室 2025 年初预算', title: '上海市普陀区2025年区级单位预算' },
    { label: '司法局 2026 年初预算', title: '上海市普陀区2026年区级部门预算' },
    { label: '甲 2022', title: '同名' },
    { label: '甲 2022', title: '同名' },
    { label: '乙 2022', title: '乙的报告' },
    { label: '乙 2022', title: '乙的报告（更正）' },
  ];
  it('keeps a label no other row has; where rows share one, adds what tells their details apart, else a number', () => {
    const label = distinctLabels(
      rows,
      (r) => r.label,
      (r) => r.title,
    );
    expect(rows.map(label)).toEqual([
      '政府办公室 2025 年初预算（部门预算）',
      '政府办公室 2025 年初预算（单位预算）',
      '司法局 2026 年初预算',
      '甲 2022',
      '甲 2022 2',
      '乙 2022',
      '乙 2022（（更正））',
    ]);
  });
});

describe('exactPercent and plainDecimal', () => {
  it.each<[string, string, MeasureUnit, string | null]>([
    ['a percentage as stated', '27.87', '%', '27.87'],
    ['a ratio, the point moved (no float)', '0.628571429', 'ratio', '62.8571429'],
    ['a ratio of 1', '1', 'ratio', '100'],
    ['a share of 0.00035', '0.00035', 'ratio', '0.035'],
    ['not a rate', '98', '分', null],
  ])('%s', (_name, value, unit, percent) => {
    expect(exactPercent({ value, unit })).toBe(percent);
  });
  it.each([
    ['1,153.8', '1153.8'],
    ['24', '24'],
    ['-0.50', '-0.5'],
    ['１２', '12'],
  ])('plainDecimal(%j) is %j', (value, plain) => {
    expect(plainDecimal(value)).toBe(plain);
  });
});

describe('provinceComparePages', () => {
  const facets = (province: string, year: number): Facets => ({
    year,
    phase: 'actual',
    province,
    city: '',
    county: '',
    department_type: '',
  });
  const rows = (
    [
      ['湖南省', 2024],
      ['上海市', 2023],
      ['湖南省', 2023],
      ['湖南省', 2024],
      ['某某省', 2024],
    ] as const
  ).map(([province, year], i) => ({ i, facets: facets(province, year) }));
  it.each<[string, number, [string, string, string, number[]][]]>([
    [
      'one page per province, in the order of their folders; a folder outside the table in hex',
      3,
      [
        ['湖南省', 'hunan', '1/1', [0, 2, 3]],
        ['上海市', 'shanghai', '1/1', [1]],
        ['某某省', 'x-e69f90e69f90e79c81', '1/1', [4]],
      ],
    ],
    [
      'a province with more rows than the limit: one page per year under its folder, the newest under the folder itself',
      2,
      [
        ['湖南省', 'hunan', '1/1', [0, 3]],
        ['湖南省', 'hunan/2023', '1/1', [2]],
        ['上海市', 'shanghai', '1/1', [1]],
        ['某某省', 'x-e69f90e69f90e79c81', '1/1', [4]],
      ],
    ],
    [
      'a year larger than the limit in parts',
      1,
      [
        ['湖南省', 'hunan', '1/2', [0]],
        ['湖南省', 'hunan/2024-2', '2/2', [3]],
        ['湖南省', 'hunan/2023', '1/1', [2]],
        ['上海市', 'shanghai', '1/1', [1]],
        ['某某省', 'x-e69f90e69f90e79c81', '1/1', [4]],
      ],
    ],
  ])('%s', (_name, limit, pages) => {
    expect(provinceComparePages(rows, limit).map((p) => [p.province, p.path, `${p.part}/${p.parts}`, p.rows.map((r) => r.i)])).toEqual(
      pages,
    );
  });
  it.each([1, 2, 3])('keeps every row on exactly one page, each page one province (limit %i)', (limit) => {
    const pages = provinceComparePages(rows, limit);
    expect(pages.flatMap((p) => p.rows.map((r) => r.i)).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const page of pages) expect(page.rows.every((r) => r.facets.province === page.province)).toBe(true);
  });
});

describe('medianDecimal', () => {
  it.each<[string, string[], string | null]>([
    ['no value', [], null],
    ['one value', ['12.5'], '12.5'],
    ['the middle one of an odd count, in numeric order', ['9', '100', '25'], '25'],
    ['halfway between the two middle ones, exact', ['1', '2'], '1.5'],
    ['halfway to the half fen', ['0.01', '0.02'], '0.015'],
    ['decimals of different lengths', ['1.25', '3', '2.5', '10'], '2.75'],
    ['negative values', ['-3', '-1'], '-2'],
    ['large amounts beyond floating point', ['9007199254740993', '9007199254740995'], '9007199254740994'],
    ['a value that is not a number', ['1', 'abc'], null],
  ])('%s', (_name, values, median) => {
    expect(medianDecimal(values)).toBe(median);
  });
});

describe('provinceSummaries', () => {
  const { units, reports, figures } = dataset(
    report('a-2022', unitA, 2022, [
      { metric: 'sangong_total', value: '1', unit: '万元' },
      { metric: 'sangong_total', value: '100', unit: '万元', phase: 'budget' },
    ]),
    report('a-2023', unitA, 2023, [{ metric: 'sangong_total', value: '3', unit: '万元' }]),
    report('b-2024', unitB, 2024, [{ metric: 'sangong_abroad', value: '2', unit: '万元' }]),
  );
  const rows = sangongCompareRows(units, reports, figures);
  const summaries = provinceSummaries(rows, { parts: (r) => r.total?.value_yuan ?? null });

  it('counts rows and reports per province and takes medians within a phase, never across', () => {
    expect(summaries).toEqual([
      {
        province: '湖南省',
        folder: 'hunan',
        rows: 3,
        reports: 2,
        medians: { parts: { budget: { median: '1000000', count: 1 }, actual: { median: '20000', count: 2 } } },
      },
      // a row with no stated total counts as a row but gives no median
      { province: '上海市', folder: 'shanghai', rows: 1, reports: 1, medians: { parts: {} } },
    ]);
  });

  it('lists the phases present in the vocabulary’s order', () => {
    expect(phasesOf(rows)).toEqual(['budget', 'actual']);
    expect(phasesOf(rows.map((r) => ({ facets: { ...r.facets, phase: '' as const } })))).toEqual(['']);
  });
});

describe('comparisonPaths', () => {
  const { units, reports, figures } = dataset(
    report('a-2022', unitA, 2022, [{ metric: 'sangong_total', value: '1', unit: '万元' }]),
    report('b-2022', unitB, 2022, [{ metric: 'sangong_total', value: '2', unit: '万元' }]),
  );
  it('lists every comparison page once: the national page, one per province, and the embeds of each', () => {
    expect(comparisonPaths(units, reports, figures, (comparison) => COMPARISON_METRICS[comparison])).toEqual([
      'compare/sangong.html',
      'compare/sangong/hunan.html',
      'compare/sangong/shanghai.html',
      'embed/sangong.html',
      'embed/sangong-perStaff.html',
      'embed/sangong/hunan.html',
      'embed/sangong-perStaff/hunan.html',
      'embed/sangong/shanghai.html',
      'embed/sangong-perStaff/shanghai.html',
      'compare/execution.html',
      'embed/execution.html',
      'embed/execution-initial.html',
      'embed/execution-adjusted.html',
      'compare/shares.html',
      'embed/shares.html',
      'compare/score.html',
      'embed/score.html',
    ]);
  });

  it('lists only the embeds of the charts that draw something', () => {
    // no staff count: the 人均 charts draw nothing; hunan's page draws its 合计 only, and the national page too
    const drawn = (comparison: Comparison, path: string) => (comparison !== 'sangong' ? [] : path === 'shanghai' ? [] : ['parts']);
    expect(comparisonPaths(units, reports, figures, drawn).filter((p) => p.startsWith('embed/'))).toEqual([
      'embed/sangong.html',
      'embed/sangong/hunan.html',
    ]);
  });
});
