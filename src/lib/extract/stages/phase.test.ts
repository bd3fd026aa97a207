import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../schemas/vocabulary';
import { phaseFrom } from './phase';

describe('phaseFrom: the phase words name', () => {
  it.each<[text: string, phase: Phase | null]>([
    ['年初预算数', 'budget'],
    ['财政拨款预    算', 'budget'],
    ['调整后预算数', 'adjusted'],
    ['全年预算', 'adjusted'],
    ['支出决算', 'actual'],
    ['全年执行数', 'actual'],
    ['实     际支出', 'actual'],
    ['为', null],
    ['', null],
  ])('%j → %s', (text, phase) => {
    expect(phaseFrom(text)).toBe(phase);
  });
});
