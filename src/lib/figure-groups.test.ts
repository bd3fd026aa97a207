import { describe, expect, it } from 'vitest';
import { FIGURE_GROUPS_OPEN_UP_TO, groupBySection, groupsStartOpen } from './figure-groups';
import { sourceSections, type SourceSection } from './source-sections';

const sections: SourceSection[] = [
  { title: '某局2022年度部门决算', first: 1, last: 1 },
  { title: '一、收入决算情况说明', first: 2, last: 5 },
  { title: '二、支出决算情况说明', first: 6, last: 9 },
  { title: '三、“三公”经费支出决算情况说明', first: 10, last: 12 },
];
/** Each group as "first: ids". */
const shape = (rows: { id: string; line: number }[]) =>
  groupBySection(rows, sections).map((g) => `${g.section.first}: ${g.rows.map((r) => r.id).join(' ')}`);

describe('groupBySection', () => {
  it.each<[string, { id: string; line: number }[], string[]]>([
    ['no figures, no groups', [], []],
    [
      'one figure per section, sections without figures have no group',
      [
        { id: 'a', line: 3 },
        { id: 'b', line: 11 },
      ],
      ['2: a', '10: b'],
    ],
    [
      'groups follow the text, rows keep their order inside a group',
      [
        { id: 'c', line: 12 },
        { id: 'a', line: 5 },
        { id: 'b', line: 2 },
        { id: 'd', line: 10 },
      ],
      ['2: a b', '10: c d'],
    ],
    [
      'the first and last line of a section belong to it',
      [
        { id: 'a', line: 1 },
        { id: 'b', line: 6 },
        { id: 'c', line: 9 },
      ],
      ['1: a', '6: b c'],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(shape(rows)).toEqual(expected);
  });

  it('loses no figure: every row is in exactly one group', () => {
    const rows = Array.from({ length: 12 }, (_, k) => ({ id: `f${k + 1}`, line: k + 1 }));
    const groups = groupBySection(rows, sections);
    expect(groups.flatMap((g) => g.rows)).toEqual(rows);
    expect(groups.map((g) => g.rows.length)).toEqual([1, 4, 4, 3]);
  });

  it.each([0, 13, -1])('refuses a line no section holds (%i) instead of dropping the figure', (line) => {
    expect(() => groupBySection([{ line }], sections)).toThrow(`no section holds line ${line}`);
  });

  it('groups by the same sections the full text is shown in', () => {
    const lines = ['某局2022年度部门决算', '一、收入决算情况说明', '本年收入合计100万元。', '二、支出决算情况说明', '本年支出合计90万元。'];
    const groups = groupBySection([{ line: 5 }, { line: 3 }], sourceSections(lines));
    expect(groups.map((g) => [g.section.title, g.rows.length])).toEqual([
      ['一、收入决算情况说明', 1],
      ['二、支出决算情况说明', 1],
    ]);
  });
});

describe('groupsStartOpen', () => {
  it.each<[number, number, boolean]>([
    [0, 0, true],
    [5, 3, true],
    [FIGURE_GROUPS_OPEN_UP_TO, 10, true],
    [FIGURE_GROUPS_OPEN_UP_TO + 1, 10, false],
    [220, 17, false],
    [220, 1, true],
  ])('%i figures in %i groups: open %s', (figures, groups, open) => {
    expect(groupsStartOpen(figures, groups)).toBe(open);
  });
});
