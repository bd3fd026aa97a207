import { describe, expect, it } from 'vitest';
import type { MeasureUnit, MetricKey } from '../../../schemas/vocabulary';
import { batchesWrittenAsTimes, fits, metricForUnit, unitOfBareNumber, type BareNumber } from './measure';

describe('batchesWrittenAsTimes', () => {
  it.each<[unitWord: string, wordsBefore: string, batches: boolean]>([
    ['次', '接待批次为', true],
    ['次', '国内公务接待', true],
    ['次', '公务接待共计', true],
    ['次', '召开会议', false],
    ['人次', '接待', false],
  ])('%s after «%s»: %s', (unitWord, wordsBefore, batches) => {
    expect(batchesWrittenAsTimes(unitWord, wordsBefore)).toBe(batches);
  });
});

describe('unitOfBareNumber: the unit of a number written without one', () => {
  const bare = (over: Partial<BareNumber>): BareNumber => ({
    written: '12.5',
    wordsBefore: '',
    after: '',
    metric: 'basic_expenditure',
    declared: null,
    ...over,
  });
  it.each<[name: string, over: Partial<BareNumber>, unit: MeasureUnit | null]>([
    ['after a colon, the declared unit', { wordsBefore: '基本支出：', declared: '万元' }, '万元'],
    ['after a colon, no unit declared', { wordsBefore: '基本支出：' }, null],
    ['a list item’s number takes none', { written: '1', wordsBefore: '包括：', after: '. 配合', declared: '元' }, null],
    ['a score after 得分', { metric: 'self_eval_score', written: '94', wordsBefore: '自评得分为' }, '分'],
    ['an execution rate written as a decimal', { metric: 'execution_rate', written: '0.98', wordsBefore: '执行率' }, 'ratio'],
    ['a whole number after 执行率 is no ratio', { metric: 'execution_rate', written: '98', wordsBefore: '执行率' }, null],
    ['nothing to tell by', { wordsBefore: '基本支出' }, null],
  ])('%s', (_name, over, unit) => {
    expect(unitOfBareNumber(bare(over))).toBe(unit);
  });
});

describe('metricForUnit and fits', () => {
  it.each<[metric: MetricKey, unit: MeasureUnit, sibling: MetricKey]>([
    ['reception_batches', '人次', 'reception_people'],
    ['reception_batches', '万元', 'sangong_reception'],
    ['sangong_abroad', '个', 'abroad_groups'],
    ['sangong_vehicle_purchase', '辆', 'vehicle_purchase_count'],
    ['sangong_reception', '万元', 'sangong_reception'],
    ['basic_expenditure', '人', 'basic_expenditure'],
  ])('%s in %s → %s', (metric, unit, sibling) => {
    expect(metricForUnit(metric, unit)).toBe(sibling);
  });
  it.each<[metric: MetricKey, unit: MeasureUnit, fit: boolean]>([
    ['basic_expenditure', '万元', true],
    ['basic_expenditure', '人', false],
    ['staff_count', '人', true],
    ['execution_rate', '%', true],
    ['self_eval_score', '分', true],
  ])('%s in %s: %s', (metric, unit, fit) => {
    expect(fits(metric, unit)).toBe(fit);
  });
});
