import { describe, expect, it } from 'vitest';
import { splitChangeColumn, spaceAlignedHeader, spaceAlignedRow } from './space-aligned';
import type { ColumnRole } from '../columns';

describe('spaceAlignedHeader', () => {
  it.each<[line: string, year: number | null, roles: ColumnRole[] | null]>([
    ['项目及编号 2016年度 2017年度 2017比2016增减', 2017, ['prior', 'stated', 'change']],
    ['项目 年初预算数 调整后预算数 决算数', 2022, ['budget', 'adjusted', 'actual']],
    ['项目 说明 决算数', 2022, null],
    ['本单位 2017年度 收入 1000 万元', 2017, null],
    ['项目及编号 2016年度 2017年度，比上年增减', 2017, null],
  ])('%s', (line, year, roles) => {
    expect(spaceAlignedHeader(line, year)).toEqual(roles);
  });
});

describe('splitChangeColumn', () => {
  it.each<[line: string, roles: ColumnRole[] | null]>([
    ['增减值 增减%', ['prior', 'stated', 'change', 'change']],
    ['一、收入支出情况对比 (一) 收入总计', null],
  ])('%s', (line, roles) => {
    expect(splitChangeColumn(['prior', 'stated', 'change'], line, 2017)).toEqual(roles);
  });
});

describe('spaceAlignedRow', () => {
  it.each<[line: string, label: string | null, numbers: string[]]>([
    ['(一) 收入总计 58596771.09 117154424.7 58557653.59 99.93%', '收入总计', ['58596771.09', '117154424.7', '58557653.59', '99.93%']],
    ['1. 财政补助收入 6909800 55508400 48598600 703.33%', '财政补助收入', ['6909800', '55508400', '48598600', '703.33%']],
    ['5. 其他支出 167780.84 38814.09 -128966.75 -76.87%', '其他支出', ['167780.84', '38814.09', '-128966.75', '-76.87%']],
    ['2. 科教项目收入 0', '科教项目收入', ['0']],
    ['一、收入支出情况对比 (一) 收入总计 58596771.09 117154424.7', '收入总计', ['58596771.09', '117154424.7']],
    ['收入支出情况对比 收入总计 58596771.09', null, []],
    ['本年收入 100 万元', null, []],
  ])('%s', (line, label, numbers) => {
    const row = spaceAlignedRow(line);
    expect(row?.label ?? null).toBe(label);
    expect(row?.numbers.map((n) => n.text) ?? []).toEqual(numbers);
    if (row) for (const n of row.numbers) expect(line.slice(n.start, n.end)).toBe(n.text);
    if (row) expect(line.slice(row.labelStart, row.labelStart + row.label.length)).toBe(row.label);
  });
});
