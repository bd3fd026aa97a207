import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec } from '../fixtures';
import { checkPartExceedsWhole } from './part-whole';
import { sumGroups } from './sums';

const run = (figures: FigureSpec[]) => {
  const input = makeInput(figures);
  return checkPartExceedsWhole(input, sumGroups(input));
};

describe.each<[string, FigureSpec[], number]>([
  ['其中 行政编制 4 of 机关行政编制 3', [
    { metric: 'staff_quota', value: '3', unit: '人', quote: '机关行政编制3名' },
    { metric: 'staff_quota', value: '4', unit: '人', item: '行政编制', quote: '其中：行政编制4名', sameLine: true },
  ], 1],
  ['固定资产 larger than 资产总额 (parent relation)', [
    { metric: 'assets_total', value: '20.4', unit: '万元' },
    { metric: 'fixed_assets', value: '24.44', unit: '万元' },
  ], 1],
  ['the same part stated twice is reported once', [
    { metric: 'assets_total', value: '20.4', unit: '万元' },
    { metric: 'fixed_assets', value: '24.44', unit: '万元' },
    { metric: 'fixed_assets', value: '24.44', unit: '万元', paragraph: true },
  ], 1],
  ['a part within rounding of the whole is fine', [
    { metric: 'assets_total', value: '20.4', unit: '万元' },
    { metric: 'fixed_assets', value: '20.44', unit: '万元' },
  ], 0],
  ['a part of a different phase is not compared', [
    { metric: 'assets_total', value: '20.4', unit: '万元' },
    { metric: 'fixed_assets', value: '24.44', unit: '万元', phase: 'budget' },
  ], 0],
  ['parts of a breakdown of two or more are left to the sum rules', [
    { metric: 'basic_expenditure', value: '100', unit: '万元' },
    { metric: 'functional_expenditure', value: '150', unit: '万元', scope: 'basic', item: '卫生健康支出' },
    { metric: 'functional_expenditure', value: '10', unit: '万元', scope: 'basic', item: '住房保障支出' },
  ], 0],
  ['changes may exceed anything; they are not parts', [
    { metric: 'grand_total', value: '100', unit: '万元' },
    { metric: 'grand_total', value: '-200', unit: '万元', scope: 'change_vs_prior' },
  ], 0],
  ['project counts by what was done are not parts of the project count', [
    { metric: 'project_count', value: '4', unit: '个' },
    { metric: 'project_count', value: '7', unit: '个', item: '绩效监控' },
  ], 0],
  ['no whole stated: nothing to compare (a blank is not zero)', [
    { metric: 'fixed_assets', value: '24.44', unit: '万元' },
  ], 0],
])('%s', (_name, figures, count) => {
  it(`→ ${count} finding(s)`, () => {
    const drafts = run(figures);
    expect(drafts).toHaveLength(count);
    for (const d of drafts) {
      expect(d.severity).toBe('error');
      expect(d.refs).toHaveLength(2);
    }
  });
});
