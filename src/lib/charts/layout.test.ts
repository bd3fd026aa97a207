import { describe, expect, it } from 'vitest';
import { barFrame, fitLabel, type Band, type ChartLayout } from './layout';

describe('fitLabel', () => {
  it.each([
    ['a label that fits stays whole', '普陀区司法局 2026 年初预算', 22, '普陀区司法局 2026 年初预算'],
    ['Chinese characters count one em each', '一二三四五六', 5, '一二三四…'],
    ['digits and spaces count less', '甲 2025 年初预算（部门预算）', 9, '甲 2025 年初预…'],
    ['exactly the room', '一二三', 3, '一二三'],
    ['full-width brackets are wide', '（一）（二）', 4, '（一）…'],
  ])('%s', (_name, label, em, fitted) => {
    expect(fitLabel(label, em)).toBe(fitted);
  });
});

describe('barFrame', () => {
  it.each<[string, ChartLayout, Band[], { labelMarks: number; axis: boolean }]>([
    ['wide, bands of no table: Plot’s own y axis', 'wide', [{ label: '甲' }, { label: '乙' }], { labelMarks: 0, axis: true }],
    [
      'wide, bands of table rows: the axis as a mark',
      'wide',
      [
        { label: '甲', row: '0' },
        { label: '乙', row: '1' },
      ],
      { labelMarks: 1, axis: false },
    ],
    ['narrow: labels above the bars either way', 'narrow', [{ label: '甲' }], { labelMarks: 1, axis: false }],
    ['narrow, table rows', 'narrow', [{ label: '甲', row: '0' }], { labelMarks: 1, axis: false }],
  ])('%s', (_name, layout, bands, expected) => {
    const { frame, labelMarks } = barFrame(layout, bands);
    expect(labelMarks.length).toBe(expected.labelMarks);
    expect(frame.y?.axis !== null).toBe(expected.axis);
    expect(frame.y?.domain).toEqual(bands.map((b) => b.label));
  });
});
