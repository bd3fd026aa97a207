import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../../../schemas/vocabulary';
import { percentReading, shareWordAt, statesBound } from './share';

describe('shareWordAt: where the denominator after 占 starts', () => {
  it.each<[wordsBefore: string, at: number | null]>([
    ['，占本年支出合计的', 1],
    ['占', 0],
    ['基本支出占支出合计', 4],
    // 占 of an earlier clause opens no share here
    ['占比下降，公务接待费', null],
    ['公务接待费为', null],
  ])('«%s»: %s', (wordsBefore, at) => {
    expect(shareWordAt(wordsBefore)).toBe(at);
  });
});

describe('percentReading: how a percentage after a label is read', () => {
  it.each<[afterLabel: string, metric: MetricKey, isChange: boolean, reading: string]>([
    ['完成预算的', 'expenditure_total', false, 'execution_rate'],
    ['执行率为', 'budget_executed', false, 'execution_rate'],
    ['为', 'execution_rate', false, 'execution_rate'],
    ['占', 'basic_expenditure', false, 'as_labelled'],
    ['较上年下降', 'sangong_total', true, 'as_labelled'],
    ['为', 'budget_adjustment_rate', false, 'as_labelled'],
    ['为', 'basic_expenditure', false, 'unread'],
  ])('«%s» under %s (change %s): %s', (afterLabel, metric, isChange, reading) => {
    expect(percentReading(afterLabel, metric, isChange)).toBe(reading);
  });
});

describe('statesBound: a rate stated as a bound or target', () => {
  it.each<[clause: string, bound: boolean]>([
    ['预算执行率不低于', true],
    ['执行率≥', true],
    ['该指标执行率', true],
    ['执行率可达', true],
    ['预算执行率为', false],
  ])('«%s»: %s', (clause, bound) => {
    expect(statesBound(clause)).toBe(bound);
  });
});
