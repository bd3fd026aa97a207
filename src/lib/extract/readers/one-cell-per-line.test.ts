import { describe, expect, it } from 'vitest';
import { oneCellPerLineBlocks, type Span } from './one-cell-per-line';

function spans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

describe('oneCellPerLineBlocks: runs of "cell |" lines regrouped into rows', () => {
  it.each<[text: string, rows: string[][], consumed: number[]]>([
    [
      '经费项目 |\n2020年度支出 (万元) |\n公务接待费 |\n71.53 |\n公务用车购置费 |\n423.81 |',
      [
        ['经费项目', '2020年度支出 (万元)'],
        ['公务接待费', '71.53'],
        ['公务用车购置费', '423.81'],
      ],
      [0, 1, 2, 3, 4, 5],
    ],
    [
      '标题\n项目 |\n预算数 |\n决算数 |\n合计 |\n10 |\n9 |\n说明文字',
      [
        ['项目', '预算数', '决算数'],
        ['合计', '10', '9'],
      ],
      [1, 2, 3, 4, 5, 6],
    ],
    // no number: no rows, but the run is still one layout that prose must not read
    ['项目 |\n说明 |', [], [0, 1]],
    ['一行 | 两格 |', [], []],
  ])('%s', (text, rows, consumed) => {
    const read = oneCellPerLineBlocks(text, spans(text));
    expect(read.blocks.flatMap((b) => b.rows.map((r) => r.map((c) => c.text)))).toEqual(rows);
    expect([...read.consumed].sort((a, b) => a - b)).toEqual(consumed);
    for (const block of read.blocks) for (const row of block.rows) for (const c of row) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
