import { describe, expect, it } from 'vitest';
import { pipeRow } from './pipe';

describe('pipeRow: cells of a tab- or pipe-separated line, with offsets', () => {
  it.each<[line: string, cells: string[] | null]>([
    ['公务接待费 | 8 | 8 | 0 |', ['公务接待费', '8', '8', '0', '']],
    ['| 年初预算数 | 全年预算数 |', ['', '年初预算数', '全年预算数', '']],
    ['基本支出\t100\t90', ['基本支出', '100', '90']],
    ['|---|---|', null],
    ['单位:万元 | |', null],
    ['没有分隔的一行 100 万元', null],
  ])('%s', (line, cells) => {
    const row = pipeRow(line, 0, line.length);
    expect(row?.map((c) => c.text) ?? null).toEqual(cells);
    for (const c of row ?? []) expect(line.slice(c.start, c.end)).toBe(c.text);
  });
});
