import { describe, expect, it } from 'vitest';
import { makeInput } from './checks/fixtures';
import { sangongChart } from './charts/sangong';
import { NARROW_FONT, NARROW_WIDTH, distinctLabels, narrowBars } from './unit-charts';
import type { SangongRow } from './views';

describe('distinctLabels', () => {
  it.each<[string, [string, string][], string[]]>([
    [
      'distinct labels stay as they are',
      [
        ['2025 年初预算', '部门预算'],
        ['2024 年初预算', '部门预算'],
      ],
      ['2025 年初预算', '2024 年初预算'],
    ],
    [
      'shared labels get their detail',
      [
        ['2026 年初预算', '区级部门预算'],
        ['2026 年初预算', '区级单位预算'],
        ['2025 年初预算', '区级部门预算'],
      ],
      ['2026 年初预算 · 区级部门预算', '2026 年初预算 · 区级单位预算', '2025 年初预算'],
    ],
    ['nothing', [], []],
  ])('%s', (_name, items, expected) => {
    expect(
      distinctLabels(
        items,
        ([label]) => label,
        ([, detail]) => detail,
      ),
    ).toEqual(expected);
  });
});

describe('narrowBars', () => {
  const [total] = makeInput([{ metric: 'sangong_total', value: '47.91', unit: '万元', phase: 'budget' }]).figures;
  const input = makeInput([]).report;
  const rows: SangongRow[] = [{ report: input, phase: 'budget', ...(total ? { total } : {}) }];
  const labels = { row: () => '2025 年初预算', abroad: '出国', vehicle: '公车', reception: '接待', total: '合计', axis: '万元' };
  const options = narrowBars(sangongChart(rows, labels), ['2025 年初预算']);

  it('is drawn at the width a 360 px screen leaves, with text of at least 11 px, labels above the bars', () => {
    expect(options.width).toBe(NARROW_WIDTH);
    expect(NARROW_FONT).toBeGreaterThanOrEqual(11);
    expect(options.style).toEqual({ fontSize: `${NARROW_FONT}px` });
    expect(options.y).toMatchObject({ axis: null, domain: ['2025 年初预算'] });
    expect(options.marks?.length).toBe((sangongChart(rows, labels).marks?.length ?? 0) + 1);
  });
});
