import { describe, expect, it } from 'vitest';
import { makeInput, type FigureSpec, type IndicatorSpec } from '../fixtures';
import { rat, toDecimal } from '../exact';
import { achievedRate, checkScoreRule, checkScoreTotal, checkUnitSlip, checkWeightGroups, checkWeightTotal, expectedScore, parseScoringRule } from './indicators';
import type { IndicatorEntry } from '../../../schemas/indicator';

const nine = (scores: string[], weights: string[]): IndicatorSpec[] => weights.map((w, k) => ({ level3: `指标${k + 1}`, weight: w, score: scores[k] ?? '' }));
const total = (value: string): FigureSpec[] => [{ metric: 'self_eval_score', value, unit: '分' }];
const W90 = ['8', '12', '5', '7', '8', '15', '10', '15', '10'];
const S = ['8', '4.89', '5', '7', '0.15', '15', '10', '15', '10'];

describe.each<[string, FigureSpec[], IndicatorSpec[], number]>([
  ['scores add up to 75.04, the report says 79.12', total('79.12'), nine(S, W90), 1],
  ['scores add up to the stated total', total('75.04'), nine(S, W90), 0],
  ['a blank score may hold the missing points', total('80'), [...nine(S, W90), { level3: '指标10', weight: '10', score: '' }], 0],
  ['blanks cannot explain a sum above the total', total('70'), [...nine(S, W90), { level3: '指标10', weight: '10', score: '' }], 1],
  ['no stated total: nothing to compare', [], nine(S, W90), 0],
  ['a deduction (扣分项 3) is taken off the indicators\' sum', total('72.04'), [...nine(S, W90), { level1: '扣分项', weight: '10', score: '3' }], 0],
  ['a deduction written as -3 is taken off too', total('72.04'), [...nine(S, W90), { level1: '扣分项', weight: '10', score: '-3' }], 0],
])('score-total: %s', (_name, figures, indicators, count) => {
  it(`→ ${count}`, () => {
    const drafts = checkScoreTotal(makeInput(figures, { indicators }));
    expect(drafts).toHaveLength(count);
    if (count > 0) expect(drafts[0]?.severity).toBe('error');
  });
});

describe.each<[string, IndicatorSpec[], number]>([
  ['weights summing to 90', nine(S, W90), 1],
  ['weights summing to 100', nine(S, ['8', '12', '5', '7', '8', '15', '10', '15', '20']), 0],
  ['a deduction row (扣分项) does not count', [...nine(S, ['8', '12', '5', '7', '8', '15', '10', '15', '20']), { level1: '扣分项', weight: '10' }], 0],
  ['group rows do not count twice', [
    { level1: '产出指标', weight: '50' },
    { level1: '产出指标', level2: '数量指标', level3: '甲', weight: '50', score: '50' },
    { level1: '效益指标', level2: '社会效益', level3: '乙', weight: '50', score: '40' },
  ], 0],
])('weight-total: %s', (_name, indicators, count) => {
  it(`→ ${count}`, () => expect(checkWeightTotal(makeInput([], { indicators }))).toHaveLength(count));
});

describe.each<[string, IndicatorSpec[], number]>([
  ['动态调整 (15分) over 10 + 5 + 5', [
    { level1: '管理', level2: '动态调整', weight: '15' },
    { level1: '管理', level2: '动态调整', level3: '支出控制', weight: '10', score: '10' },
    { level1: '管理', level2: '动态调整', level3: '绩效监控', weight: '5', score: '5' },
    { level1: '管理', level2: '动态调整', level3: '执行进度', weight: '5', score: '4' },
  ], 1],
  ['a group whose indicators add up, two levels deep', [
    { level1: '产出指标', weight: '50' },
    { level1: '产出指标', level2: '数量指标', weight: '17' },
    { level1: '产出指标', level2: '数量指标', level3: '甲', weight: '8', score: '6' },
    { level1: '产出指标', level2: '数量指标', level3: '乙', weight: '9', score: '9' },
    { level1: '产出指标', level2: '质量指标', weight: '33' },
    { level1: '产出指标', level2: '质量指标', level3: '丙', weight: '33', score: '30' },
  ], 0],
  ['a blank weight among the indicators: only a sum above the group is a contradiction', [
    { level1: '产出指标', level2: '数量指标', weight: '17' },
    { level1: '产出指标', level2: '数量指标', level3: '甲', weight: '8', score: '6' },
    { level1: '产出指标', level2: '数量指标', level3: '乙', weight: '', score: '3' },
  ], 0],
  ['a group score against its indicators\' scores', [
    { level1: '产出指标', weight: '20', score: '18' },
    { level1: '产出指标', level3: '甲', weight: '10', score: '10' },
    { level1: '产出指标', level3: '乙', weight: '10', score: '10' },
  ], 1],
])('weight-group: %s', (_name, indicators, count) => {
  it(`→ ${count}`, () => expect(checkWeightGroups(makeInput([], { indicators }))).toHaveLength(count));
});

const row = (quote: string, actual: string, weight: string, score: string): IndicatorSpec => ({ level3: '指标', quote, actual, weight, score });
const SANGONG_RULE = '以100%为标准。三公经费控制率≦100%，计4分；每超过一个百分点扣1分，扣完为止。';

describe.each<[string, IndicatorSpec, number]>([
  ['控制率 104% under "每超过一个百分点扣1分": 0 of 4 is right', row(`${SANGONG_RULE}\n控制率1.04=（实际15639/预算15000）×100%。`, '控制率1.04=（实际15639/预算15000）×100%。', '4', '0'), 0],
  ['控制率 104%, scored 4 of 4: wrong', row(`${SANGONG_RULE}\n控制率1.04=（实际15639/预算15000）×100%。`, '控制率1.04=（实际15639/预算15000）×100%。', '4', '4'), 1],
  ['控制率 82% within the standard: full marks', row('以100%为标准。在职人员控制率≦100%，计4分；每超过一个百分点扣0.4分，扣完为止。控制率0.82=（23/28）×100%', '控制率0.82=（23/28）×100%', '4', '4'), 0],
  ['利用率 95% under "每低于100%一个百分点扣0.2分": 2 of 3', row('每低于100%一个百分点扣0.2分，扣完为止。', '95%', '3', '2'), 0],
  ['利用率 95%, scored 3: wrong', row('每低于100%一个百分点扣0.2分，扣完为止。', '95%', '3', '3'), 1],
  ['得分=执行率×分值: 62.86% of 10 is 6.29', row('得分=预算执行率×分值', '62.86%', '10', '6.29'), 0],
  ['得分=执行率×分值: a whole score rounds (2.855 → 3)', row('得分=预算执行率×分值', '28.55%', '10', '3'), 0],
  ['得分=执行率×分值: 10 for 28.55% is wrong', row('得分=预算执行率×分值', '28.55%', '10', '10'), 1],
  ['no rule stated: nothing to check', row('预算执行率', '28.55%', '10', '10'), 0],
])('score-rule: %s', (_name, indicator, count) => {
  it(`→ ${count}`, () => expect(checkScoreRule(makeInput([], { indicators: [indicator] }))).toHaveLength(count));
});

describe('scoring rules', () => {
  it('reads deductions and pro-rata rules', () => {
    expect(parseScoringRule(SANGONG_RULE)).toMatchObject({ kind: 'deduct', direction: 'above' });
    expect(parseScoringRule('每低于100%一个百分点扣0.5分')).toMatchObject({ kind: 'deduct', direction: 'below' });
    expect(parseScoringRule('得分=执行率*分值')).toEqual({ kind: 'proportional' });
    expect(parseScoringRule('按其实际进度占目标进度的比重计算得分')).toEqual({ kind: 'proportional' });
    expect(parseScoringRule('符合')).toBeNull();
  });

  it('allows whole steps and pro rata deductions within the rate\'s rounding', () => {
    const rule = parseScoringRule(SANGONG_RULE);
    if (!rule) throw new Error('rule not read');
    const e = expectedScore(rule, rat(4n), { lo: rat(1035n, 10n), hi: rat(1045n, 10n) });
    expect([toDecimal(e.lo, 2), toDecimal(e.hi, 2)]).toEqual(['0', '1']);
  });

  it('reads the achieved rate from a formula or a percentage, not from ×100%', () => {
    const i = (actual: string): IndicatorEntry | undefined => makeInput([], { indicators: [{ level3: '指标', actual, quote: actual }] }).indicators[0];
    const rate = (actual: string) => {
      const entry = i(actual);
      const r = entry ? achievedRate(entry) : null;
      return r ? [toDecimal(r.lo, 3), toDecimal(r.hi, 3)] : null;
    };
    expect(rate('控制率1.04=（15639/15000）×100%')).toEqual(['103.5', '104.5']);
    expect(rate('62.86%')).toEqual(['62.855', '62.865']);
    expect(rate('符合')).toBeNull();
  });
});

describe.each<[string, FigureSpec[], IndicatorSpec[], number]>([
  ['a cost target of 485.6元 in a project of 485.6万元', [
    { metric: 'budget_adjusted', value: '485.6', unit: '万元', phase: 'adjusted', scope: '参公医疗补助' },
  ], [{ scope: '参公医疗补助', level3: '结算成本', target: '485.6元', actual: '84.07', weight: '5', score: '5' }], 1],
  ['the same digits in another project are no slip', [
    { metric: 'budget_adjusted', value: '485.6', unit: '万元', phase: 'adjusted', scope: '另一个项目' },
  ], [{ scope: '参公医疗补助', level3: '结算成本', target: '485.6元', weight: '5', score: '5' }], 0],
  ['a target in 元 that matches no amount', [
    { metric: 'budget_adjusted', value: '100', unit: '万元', phase: 'adjusted', scope: '离休' },
  ], [{ scope: '离休', level3: '补助标准', target: '≤1500元', weight: '5', score: '5' }], 0],
])('unit-slip: %s', (_name, figures, indicators, count) => {
  it(`→ ${count}`, () => expect(checkUnitSlip(makeInput(figures, { indicators }))).toHaveLength(count));
});
