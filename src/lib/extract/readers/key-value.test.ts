import { describe, expect, it } from 'vitest';
import { keyValueLine } from './key-value';

describe('keyValueLine: word, number, word, number …', () => {
  it.each<[line: string, pairs: [string, string][], trailing: string | null]>([
    [
      '预算数 6.84 到位数 6.84 执行数 6.84 100.00',
      [
        ['预算数', '6.84'],
        ['到位数', '6.84'],
        ['执行数', '6.84'],
      ],
      '100.00',
    ],
    ['其中:财政资金 6.84 其中:财政资金 6.84', [], null],
    [
      '其他 0.00 其他 0.00 其他 0.00',
      [
        ['其他', '0.00'],
        ['其他', '0.00'],
        ['其他', '0.00'],
      ],
      null,
    ],
    ['预算数 6.84', [], null],
    ['本年收入 100 万元 支出 90 万元', [], null],
    ['预算数 6.84 执行数 6.84 100.00 90', [], null],
  ])('%s', (line, pairs, trailing) => {
    const read = keyValueLine(line);
    expect(read?.pairs.map((p) => [p.key.text, p.value.text]) ?? []).toEqual(pairs);
    expect(read?.trailing?.text ?? null).toBe(trailing);
    for (const p of read?.pairs ?? []) expect(line.slice(p.value.start, p.value.end)).toBe(p.value.text);
  });
});
