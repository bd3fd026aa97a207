import { describe, expect, it } from 'vitest';
import { fitLabel } from './layout';

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
