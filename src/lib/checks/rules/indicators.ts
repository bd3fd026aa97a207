/**
 * Self-evaluation tables (绩效自评): indicator scores against the stated total, indicator weights against
 * their group's weight and against 100, a score against the scoring rule its row states, and a target in
 * 元 that is a 万元 amount of the same project (a unit slip).
 */
import type { IndicatorEntry } from '../../../schemas/indicator';
import { abs, add, cmp, div, intervalOf, maxOf, measureScore, minOf, mul, overlaps, rat, sub, sumMeasured, ZERO, type Interval, type Measured, type Rational } from '../exact';
import { figureRef, indicatorRef, inSourceOrder, isMoney, type CheckInput, type Draft } from '../context';
import { formatDifference, formatLike } from '../quantity';
import { tr } from '../i18n';
import { canonicalDigits } from '../../numbers';
import { findNumbers } from '../../quote';
import { groupBy } from '../../views';

const levels = (i: IndicatorEntry) => [i.level1, i.level2, i.level3];
const depthOf = (i: IndicatorEntry) => {
  const l = levels(i);
  return l[2] !== '' ? 3 : l[1] !== '' ? 2 : l[0] !== '' ? 1 : 0;
};
export const indicatorName = (i: IndicatorEntry) => i.level3 || i.level2 || i.level1;
/** A deduction row (扣分项) takes points off; its "weight" is the most it can take, not a share of 100. */
export const isDeduction = (i: IndicatorEntry) => /扣分/.test(indicatorName(i));

/** Whether `row` extends `group`: same levels down to the group's depth, and deeper. */
function extendsGroup(row: IndicatorEntry, group: IndicatorEntry): boolean {
  const d = depthOf(group);
  if (d === 0 || depthOf(row) <= d || group.level3 !== '') return false;
  const g = levels(group);
  const r = levels(row);
  return g.slice(0, d).every((v, k) => v === r[k]);
}

export interface IndicatorTable {
  scope: string;
  rows: IndicatorEntry[];
  groups: IndicatorEntry[];
  /** Scored indicators: rows that are no group and no deduction. */
  leaves: IndicatorEntry[];
  /** Deduction rows (扣分项): their scores take points off the total, whatever sign they are written with. */
  deductions: IndicatorEntry[];
}

export function indicatorTablesOf(indicators: readonly IndicatorEntry[]): IndicatorTable[] {
  return [...groupBy(inSourceOrder(indicators), (i) => i.scope)].map(([scope, rows]) => {
    const groups = rows.filter((g) => rows.some((r) => r !== g && extendsGroup(r, g)));
    const leaves = rows.filter((r) => !groups.includes(r) && !isDeduction(r));
    const deductions = rows.filter((r) => !groups.includes(r) && isDeduction(r));
    return { scope, rows, groups, leaves, deductions };
  });
}

const scoreOf = (v: string): Measured | null => (v.trim() === '' ? null : measureScore(v));

interface Total {
  sum: Measured;
  /** Rows that state one of the two (weight or score) but not the other: they may hold the missing points. */
  blanks: number;
}

function totalOf(rows: readonly IndicatorEntry[], field: 'weight' | 'score'): Total | null {
  const other = field === 'weight' ? 'score' : 'weight';
  const values = rows.flatMap((r) => scoreOf(r[field]) ?? []);
  if (values.length === 0) return null;
  const blanks = rows.filter((r) => scoreOf(r[field]) === null && scoreOf(r[other]) !== null).length;
  return { sum: sumMeasured(values), blanks };
}

/** Whether a stated value and a sum agree, and when not, whether the missing (blank) rows could explain it. */
function compare(statedValue: Measured, total: Total): 'agree' | 'differ' | 'unknown' {
  if (overlaps(intervalOf(statedValue), intervalOf(total.sum))) return 'agree';
  if (total.blanks > 0 && cmp(total.sum.value, statedValue.value) < 0) return 'unknown';
  return 'differ';
}

const points = (x: Rational) => formatLike(x, { unit: '分' });

export function checkScoreTotal(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  for (const table of indicatorTablesOf(input.indicators)) {
    const leafTotal = totalOf(table.leaves, 'score');
    const deducted = table.deductions.flatMap((r) => scoreOf(r.score) ?? []);
    const total: Total | null = leafTotal && {
      ...leafTotal,
      sum: deducted.reduce<Measured>((acc, d) => ({ value: sub(acc.value, abs(d.value)), half: add(acc.half, d.half) }), leafTotal.sum),
    };
    const statedTotal = amountOfScore(input, table.scope);
    if (!total || !statedTotal || table.leaves.length < 2) continue;
    if (compare(statedTotal.m, total) !== 'differ') continue;
    out.push({
      severity: 'error',
      message: tr('check.scoreTotal.message', {
        table: table.scope || tr('check.unitTable'),
        count: table.leaves.filter((r) => scoreOf(r.score)).length,
        sum: points(total.sum.value),
        total: `${statedTotal.figure.value} 分`,
      }),
      refs: [figureRef(statedTotal.figure), ...table.leaves.filter((r) => scoreOf(r.score)).map(indicatorRef)],
      stated: `${statedTotal.figure.value} 分`,
      computed: points(total.sum.value),
      difference: formatDifference(sub(statedTotal.m.value, total.sum.value), { unit: '分' }),
    });
  }
  return out;
}

function amountOfScore(input: CheckInput, scope: string) {
  const f = inSourceOrder(input.figures).find((x) => x.metric === 'self_eval_score' && x.scope === scope && x.item === '' && x.unit === '分');
  const m = f ? measureScore(f.value) : null;
  return f && m ? { figure: f, m } : undefined;
}

export function checkWeightGroups(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  for (const table of indicatorTablesOf(input.indicators)) {
    for (const group of table.groups) {
      const members = table.leaves.filter((r) => extendsGroup(r, group));
      for (const field of ['weight', 'score'] as const) {
        const own = scoreOf(group[field]);
        const total = totalOf(members, field);
        if (!own || !total || compare(own, total) !== 'differ') continue;
        out.push({
          severity: 'error',
          message: tr(field === 'weight' ? 'check.weightGroup.message' : 'check.weightGroup.score', {
            group: indicatorName(group),
            own: group[field],
            count: members.length,
            names: members.map((m) => `${indicatorName(m)} ${m[field] || '—'}`).join('、'),
            sum: points(total.sum.value),
          }),
          refs: [indicatorRef(group), ...members.map(indicatorRef)],
          stated: `${group[field]} 分`,
          computed: points(total.sum.value),
          difference: formatDifference(sub(own.value, total.sum.value), { unit: '分' }),
        });
      }
    }
  }
  return out;
}

const HUNDRED_POINTS: Measured = { value: rat(100n), half: ZERO };

export function checkWeightTotal(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  for (const table of indicatorTablesOf(input.indicators)) {
    const total = totalOf(table.leaves, 'weight');
    if (!total || table.leaves.length < 2 || compare(HUNDRED_POINTS, total) !== 'differ') continue;
    out.push({
      severity: 'error',
      message: tr('check.weightTotal.message', { table: table.scope || tr('check.unitTable'), count: table.leaves.filter((r) => scoreOf(r.weight)).length, sum: points(total.sum.value) }),
      refs: table.leaves.filter((r) => scoreOf(r.weight)).map(indicatorRef),
      stated: points(total.sum.value),
      computed: '100 分',
      difference: formatDifference(sub(total.sum.value, rat(100n)), { unit: '分' }),
    });
  }
  return out;
}

/** A scoring rule as a report states it in the indicator's row. */
export type ScoringRule =
  | { kind: 'deduct'; direction: 'above' | 'below'; threshold: Rational; step: Rational; perStep: Rational }
  | { kind: 'proportional' };

const num = (s: string | undefined): Rational | null => {
  const m = s === undefined ? null : measureScore(s);
  return m ? m.value : null;
};

/** Reads "以100%为标准…每超过一个百分点扣1分" or "得分=执行率×分值" from a row's text; null when it states neither. */
export function parseScoringRule(text: string): ScoringRule | null {
  const t = text.replace(/\s+/g, '');
  const deduct = /每(超过|高于|多于|低于|少于|下降)(?:(\d+(?:\.\d+)?)%)?(一|\d+(?:\.\d+)?)个百分点扣(\d+(?:\.\d+)?)分/.exec(t);
  if (deduct) {
    const direction = deduct[1] === '低于' || deduct[1] === '少于' || deduct[1] === '下降' ? 'below' : 'above';
    const inline = num(deduct[2]);
    const standard = /以(\d+(?:\.\d+)?)%为标准/.exec(t) ?? /[≦≤<＜≥≧>＞]=?(\d+(?:\.\d+)?)%/.exec(t) ?? /达到(\d+(?:\.\d+)?)%/.exec(t);
    const threshold = inline ?? num(standard?.[1]) ?? rat(100n);
    const step = deduct[3] === '一' ? rat(1n) : num(deduct[3]);
    const perStep = num(deduct[4]);
    if (!step || !perStep || step.n === 0n) return null;
    return { kind: 'deduct', direction, threshold, step, perStep };
  }
  if (/(执行率|完成率)[×xX*]\(?(分值|权重|\d+)|得分=[^。；]*?(执行率|完成率)|按[^，。；]{0,12}(比例|比重)计(算)?(得)?分/.test(t)) return { kind: 'proportional' };
  return null;
}

/** The rate an indicator reports as achieved, in percent with its rounding, or null when none is legible. */
export function achievedRate(i: IndicatorEntry): Interval | null {
  // "控制率1.04=（实际15639/预算15000）×100%": a ratio written before its formula
  const text = `${i.actual}\n${i.quote}`.replace(/\s+/g, '');
  const formula = /率(\d+(?:\.\d+)?)=[^。；]*?[×xX*]100%/.exec(text);
  if (formula?.[1]) {
    const m = measureScore(formula[1]);
    if (!m) return null;
    const r = intervalOf(m);
    return { lo: mul(r.lo, rat(100n)), hi: mul(r.hi, rat(100n)) };
  }
  const pct = /(?<![×xX*\d.])(\d+(?:\.\d+)?)\s*%/.exec(i.actual);
  if (pct?.[1]) {
    const m = measureScore(pct[1]);
    return m ? intervalOf(m) : null;
  }
  return null;
}

const floor = (x: Rational): Rational => {
  const q = x.n / x.d;
  return rat(x.n < 0n && q * x.d !== x.n ? q - 1n : q);
};
const clamp = (x: Rational, lo: Rational, hi: Rational) => (cmp(x, lo) < 0 ? lo : cmp(x, hi) > 0 ? hi : x);

/** The scores a rule allows for a rate within its rounding (deductions per whole step or pro rata). */
export function expectedScore(rule: ScoringRule, weight: Rational, rate: Interval): Interval {
  if (rule.kind === 'proportional') {
    const at = (r: Rational) => clamp(mul(weight, div(r, rat(100n)) ?? ZERO), ZERO, weight);
    return { lo: at(rate.lo), hi: at(rate.hi) };
  }
  const missBy = (r: Rational) => {
    const d = rule.direction === 'above' ? sub(r, rule.threshold) : sub(rule.threshold, r);
    return cmp(d, ZERO) > 0 ? d : ZERO;
  };
  const misses = [missBy(rate.lo), missBy(rate.hi)];
  const least = minOf(misses) ?? ZERO;
  const most = maxOf(misses) ?? ZERO;
  const steps = (m: Rational) => div(m, rule.step) ?? ZERO;
  const fewest = mul(floor(steps(least)), rule.perStep);
  const mostDeducted = mul(steps(most), rule.perStep);
  return { lo: clamp(sub(weight, mostDeducted), ZERO, weight), hi: clamp(sub(weight, fewest), ZERO, weight) };
}

export function checkScoreRule(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  for (const i of inSourceOrder(input.indicators)) {
    const weight = scoreOf(i.weight);
    const digits = /^-?\d+(?:\.(\d+))?$/.exec(i.score.trim());
    const score = scoreOf(i.score);
    const rule = parseScoringRule(i.quote);
    const rate = achievedRate(i);
    if (!weight || !score || !digits || !rule || !rate) continue;
    const expected = expectedScore(rule, weight.value, rate);
    // a score is written rounded to its last digit, even a whole one (2.855 → 3)
    const half = rat(1n, 2n * 10n ** BigInt(digits[1]?.length ?? 0));
    if (overlaps(expected, { lo: sub(score.value, half), hi: add(score.value, half) })) continue;
    const shown = cmp(expected.lo, expected.hi) === 0 ? points(expected.lo) : `${points(expected.lo)} – ${points(expected.hi)}`;
    out.push({
      severity: 'error',
      message: tr('check.scoreRule.message', { name: indicatorName(i), score: i.score, expected: shown }),
      refs: [indicatorRef(i)],
      stated: `${i.score} 分`,
      computed: shown,
      difference: '',
    });
  }
  return out;
}

export function checkUnitSlip(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  for (const i of inSourceOrder(input.indicators)) {
    for (const field of ['target', 'actual'] as const) {
      for (const n of findNumbers(i[field])) {
        if (n.unitAfter !== '元' && n.unitAfter !== '万元') continue;
        const digits = canonicalDigits(n.token);
        if (digits === '' || Number(digits) < 1) continue;
        const other = n.unitAfter === '元' ? '万元' : '元';
        const figure = inSourceOrder(input.figures).find((f) => isMoney(f) && f.unit === other && f.scope === i.scope && canonicalDigits(f.value) === digits);
        if (!figure) continue;
        out.push({
          severity: 'warning',
          message: tr('check.unitSlip.message', { name: indicatorName(i), value: `${n.token}${n.unitAfter}`, figure: `${figure.value}${figure.unit}` }),
          refs: [indicatorRef(i), figureRef(figure)],
          stated: `${n.token} ${n.unitAfter}`,
          computed: `${figure.value} ${figure.unit}`,
          difference: '',
        });
      }
    }
  }
  return dedupeByRefs(out);
}

function dedupeByRefs(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = d.refs.map((r) => r.id).join(',') + d.stated;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

