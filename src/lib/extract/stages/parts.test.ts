import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../../../schemas/vocabulary';
import {
  breaksDownCount,
  includedPartIsRead,
  openInclusion,
  partInsideAmount,
  partNamedLikeWhole,
  partOfRate,
  splitOfUnnamedAmount,
  unknownItemBefore,
} from './parts';

describe('breaksDownCount: an item label after a count breaks it down', () => {
  it.each<[listingParts: boolean, sinceCount: string, breaks: boolean]>([
    [false, '实有在职人员30人，其中', true],
    [false, '在职人员24人（', true],
    [false, '在职人员24人（含退休）, ', false],
    [true, '，', true],
    [false, '实有在职人员30人，', false],
  ])('%s «%s»: %s', (listingParts, sinceCount, breaks) => {
    expect(breaksDownCount(listingParts, sinceCount)).toBe(breaks);
  });
});

describe('partNamedLikeWhole: after 其中, a part named like its whole is not the whole', () => {
  it.each<[whole: MetricKey | null, metric: MetricKey, item: string, sinceWhole: string, part: boolean]>([
    ['staff_count', 'staff_count', '', '现有职工24人，其中', true],
    ['staff_count', 'staff_count', '行政编制', '现有职工24人，其中', false],
    ['staff_count', 'staff_count', '', '现有职工24人，', false],
    ['basic_expenditure', 'basic_expenditure', '', '基本支出100万元，其中', false],
    [null, 'staff_count', '', '其中', false],
  ])('%s → %s %j «%s»: %s', (whole, metric, item, sinceWhole, part) => {
    expect(partNamedLikeWhole(whole, metric, item, sinceWhole)).toBe(part);
  });
});

describe('partInsideAmount: …中 + words no label knows', () => {
  it.each<[afterLabel: string, inside: boolean]>([
    ['中医疗业务支出', true],
    ['中 医疗 业务支出', true],
    ['中为', false],
    ['为', false],
    ['', false],
  ])('«%s»: %s', (afterLabel, inside) => {
    expect(partInsideAmount(afterLabel)).toBe(inside);
  });
});

describe('splitOfUnnamedAmount: basic/project split of an amount no label names', () => {
  it.each<[metric: MetricKey, sinceUnnamed: string | null, split: boolean]>([
    ['basic_expenditure', ' 元，其中：', true],
    ['project_expenditure', '元，其中', true],
    ['basic_expenditure', '元，', false],
    ['basic_expenditure', null, false],
    ['sangong_total', '元，其中', false],
  ])('%s after «%s»: %s', (metric, sinceUnnamed, split) => {
    expect(splitOfUnnamedAmount(metric, sinceUnnamed)).toBe(split);
  });
});

describe('unknownItemBefore: words no label knows before a bare 支出', () => {
  it.each<[words: string, unknown: boolean]>([
    ['机关事业单位基本养老保险缴费', true],
    ['本单位', false],
    ['本局', false],
    ['全年', false],
    ['累计', false],
    ['项目资金', false],
    ['单位共计', false],
    ['A', false],
  ])('«%s»: %s', (words, unknown) => {
    expect(unknownItemBefore(words)).toBe(unknown);
  });
});

describe('openInclusion and includedPartIsRead: what an amount includes, in brackets', () => {
  it.each<[before: string, at: number | null]>([
    ['预算2729.47万元(含援外医疗队公务用车购置及运行费', 11],
    ['预算2729.47万元（包括', 11],
    ['预算2729.47万元(含人员支出10万元)，公用支出', null],
    ['预算2729.47万元，', null],
  ])('openInclusion «%s»: %s', (before, at) => {
    expect(openInclusion(before)).toBe(at);
  });
  it.each<[bracketToLabel: string | null, metric: MetricKey, whole: MetricKey | null, read: boolean]>([
    ['(含', 'personnel_expenditure', 'expenditure_total', true],
    ['(含人员支出10万元、', 'public_expenditure', 'expenditure_total', true],
    // named after whose part it is (含援外医疗队…), or by a phase word, or like the amount: a part, not read
    ['(含援外医疗队', 'sangong_vehicle_total', 'budget_initial', false],
    ['(含', 'budget_initial', 'expenditure_total', false],
    ['(含', 'sangong_total', 'sangong_total', false],
    [null, 'sangong_total', 'expenditure_total', false],
  ])('%j %s in %s: %s', (bracketToLabel, metric, whole, read) => {
    expect(includedPartIsRead(bracketToLabel, metric, whole)).toBe(read);
  });
});

describe('partOfRate: a 完成预算 rate right after a 三公 amount is the rate of that part', () => {
  it.each<[previous: MetricKey | undefined, item: string]>([
    ['sangong_reception', '公务接待费'],
    ['sangong_abroad', '因公出国（境）费'],
    ['sangong_total', '“三公”经费合计'],
    ['budget_executed', ''],
    [undefined, ''],
  ])('%s → %j', (previous, item) => {
    expect(partOfRate(previous === undefined ? undefined : { metric: previous })).toBe(item);
  });
});
