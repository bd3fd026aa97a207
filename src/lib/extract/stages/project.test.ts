import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../../../schemas/vocabulary';
import { metricInProjectSentence, projectNamedIn } from './project';

describe('projectNamedIn: a sentence about one project', () => {
  it.each<[sentence: string, name: string | null]>([
    ['项目1：“离休人员医疗费用”项目，当年财政拨款收入100万元', '离休人员医疗费用'],
    ['"医疗救助"项目支出28.55万元', '医疗救助'],
    ['本单位“三公”经费支出5万元', null],
    ['本单位本年度共实施了二十多个各不相同的重点项目，其中“医疗救助”项目', null],
  ])('«%s»: %s', (sentence, name) => {
    const at = projectNamedIn(sentence);
    expect(at ? sentence.slice(at.start, at.end) : null).toBe(name);
  });
  it.each<[metric: MetricKey, inProject: MetricKey]>([
    ['fiscal_appropriation_total', 'budget_adjusted'],
    ['income_total', 'budget_adjusted'],
    ['funds_allocated', 'budget_adjusted'],
    ['budget_executed', 'budget_executed'],
  ])('%s in a project’s sentence → %s', (metric, inProject) => {
    expect(metricInProjectSentence(metric)).toBe(inProject);
  });
});
