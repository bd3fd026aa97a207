import { describe, expect, it } from 'vitest';
import { runTogetherTables } from './run-together';

describe('runTogetherTables: header and rows run together on one line', () => {
  it.each<[text: string, roles: string[][], rows: string[][]]>([
    [
      '单位:万元 项 目 预算数 决算数 合 计 65.00 64.87 0 0 公务接待费 21.00 21.00 其中:公务用车运行维护费 44.00 43.87 公务用车购置 0 0 因公出国(境)费 二、2017 年说明',
      [['budget', 'actual']],
      [
        ['公务接待费', '21.00', '21.00'],
        ['其中:公务用车运行维护费', '44.00', '43.87'],
        ['公务用车购置', '0', '0'],
      ],
    ],
    [
      '项目 年初预算数 调整后预算数 决算数 基本支出 10 12 11 项目支出 5 6。',
      [['budget', 'adjusted', 'actual']],
      [['基本支出', '10', '12', '11']],
    ],
    ['项目 说明 公务接待费 21.00', [], []],
    ['本单位项目 预算数 为 65 万元', [], []],
  ])('%s', (text, roles, rows) => {
    const tables = runTogetherTables(text, 0, text.length, 2017);
    expect(tables.map((t) => t.roles)).toEqual(roles);
    const got = tables.flatMap((t) => t.rows.map((r) => r.map((c) => c.text)));
    expect(got).toEqual(rows);
    for (const t of tables) for (const r of t.rows) for (const c of r) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
