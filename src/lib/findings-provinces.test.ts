import { describe, expect, it } from 'vitest';
import { findingsPages, findingsProvinceRoute, findingsProvinces } from './findings-provinces';

const units = [
  { id: 'a', province: '湖南省' },
  { id: 'b', province: '上海市' },
  { id: 'c', province: '湖南省' },
  { id: 'idle', province: '四川省' },
];
const reports = [
  { id: 'a-2022', unit_id: 'a', year: 2022 },
  { id: 'b-2024', unit_id: 'b', year: 2024 },
  { id: 'c-2023', unit_id: 'c', year: 2023 },
];
const findings = [
  { id: 'f1', report_id: 'b-2024' },
  { id: 'f2', report_id: 'a-2022' },
  { id: 'f3', report_id: 'c-2023' },
  { id: 'f4', report_id: 'a-2022' },
];

describe('findingsProvinces', () => {
  const provinces = findingsProvinces(units, reports, findings);

  it('has a page per province with a report, in the order of their folders, and none for a province without one', () => {
    expect(provinces.map((p) => [p.province, p.folder, findingsProvinceRoute(p.folder)])).toEqual([
      ['湖南省', 'hunan', 'findings/hunan.html'],
      ['上海市', 'shanghai', 'findings/shanghai.html'],
    ]);
  });

  it.each<[string, string[], string[]]>([
    ['湖南省', ['a-2022', 'c-2023'], ['f2', 'f3', 'f4']],
    ['上海市', ['b-2024'], ['f1']],
  ])('puts the reports of %s and their findings on its page, in the order given', (province, reportIds, findingIds) => {
    const page = provinces.find((p) => p.province === province);
    expect(page?.reports.map((r) => r.id)).toEqual(reportIds);
    expect(page?.findings.map((f) => f.id)).toEqual(findingIds);
  });

  it('keeps every finding on exactly one page', () => {
    expect(provinces.flatMap((p) => p.findings.map((f) => f.id)).sort()).toEqual(['f1', 'f2', 'f3', 'f4']);
  });
});

describe('findingsPages', () => {
  it.each<[string, number, [string, number | null, string[], string[]][]]>([
    [
      'a page per province while its reports and findings fit',
      5,
      [
        ['hunan', null, ['a-2022', 'c-2023'], ['f2', 'f3', 'f4']],
        ['shanghai', null, ['b-2024'], ['f1']],
      ],
    ],
    [
      'a province with more rows than the limit: a page per year, the newest under its own URL',
      4,
      [
        ['hunan', 2023, ['c-2023'], ['f3']],
        ['hunan/2022', 2022, ['a-2022'], ['f2', 'f4']],
        ['shanghai', null, ['b-2024'], ['f1']],
      ],
    ],
  ])('%s', (_name, limit, pages) => {
    expect(
      findingsPages(units, reports, findings, limit).map((p) => [p.path, p.year, p.reports.map((r) => r.id), p.findings.map((f) => f.id)]),
    ).toEqual(pages);
  });
});
