import { describe, expect, it } from 'vitest';
import { isLineNumberedHeader, numberedSegments, type NumberedSegment } from './line-numbered';

const cells = (row: string) => row.split('|').map((c) => c.trim());

describe('numberedSegments: label, line number, values', () => {
  it.each<[row: string, columns: number, expected: NumberedSegment[]]>([
    ['一、财政拨款收入 | 1 | 625.58 | 一、一般公共服务支出 | 28 | |', 1, [{ label: 0, values: [2] }]],
    ['二、上级补助收入 | 2 | 二、外交支出 | 29 | ||', 1, []],
    [
      '本年收入合计 | 23 | 34846.81 | 本年支出合计 | 50 | 36341.62',
      1,
      [
        { label: 0, values: [2] },
        { label: 3, values: [5] },
      ],
    ],
    ['9 | 九、医疗卫生与计划生育支出 | 36 | 36341.62 | ||', 1, [{ label: 1, values: [3] }]],
    ['栏次 | 1 | 栏次 | 2 | ||', 1, []],
    [
      '基本支出 | 5 | 100 | 90 | 项目支出 | 6 | 20 | 18',
      2,
      [
        { label: 0, values: [2, 3] },
        { label: 4, values: [6, 7] },
      ],
    ],
    [
      '基本支出 | 5 | | 90 | 项目支出 | 6 | 20 | 18',
      2,
      [
        { label: 0, values: [null, 3] },
        { label: 4, values: [6, 7] },
      ],
    ],
    // a dropped cell: 100 might be either column's
    ['基本支出 | 5 | 100 | 项目支出 | 6 | 20 | 18', 2, [{ label: 3, values: [5, 6] }]],
    ['说明：本表反映收入 | 无 |', 1, []],
  ])('%s (%i value columns)', (row, columns, expected) => {
    expect(numberedSegments(cells(row), columns)).toEqual(expected);
  });

  it.each<[row: string, expected: boolean]>([
    ['项目 | 行次 | 金额 | 项目 | 行次 | 金额', true],
    ['項目 | 行 次 | 金額', true],
    ['项目 | 年初预算数 | 决算数', false],
  ])('header %s announces line numbers: %s', (row, expected) => {
    expect(isLineNumberedHeader(cells(row))).toBe(expected);
  });
});
