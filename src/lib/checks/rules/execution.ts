/**
 * Budget execution: stated execution rates against executed ÷ budget (naming which denominator matches:
 * 年初预算, 调整后/全年预算 or 下达资金), claims of full execution (完成预算100%, 决算数与预算数持平) against
 * the report's own rates, a total rate outside the range of its parts' rates, spending far above budget,
 * and 三公 spending above its budget.
 */
import type { FigureEntry } from '../../../schemas/figure';
import type { MetricKey, Phase } from '../../../schemas/vocabulary';
import { cmp, decimalsOf, div, divideIntervals, intervalOf, isZero, maxOf, minOf, mul, overlaps, rat, scaleInterval, sub, sum, type Interval, type Rational } from '../exact';
import {
  amountOf,
  amountsOf,
  canonicalItem,
  figureRef,
  inSourceOrder,
  isMoney,
  isRate,
  measured,
  nameOf,
  nameWithPhase,
  stated,
  statedText,
  textRef,
  type CheckInput,
  type Draft,
  type RefDraft,
  type Stated,
} from '../context';
import { formatDifference, formatPercent } from '../quantity';
import { occurrences, sentenceAt } from '../text';
import { formatRate } from '../../format';
import { tr } from '../i18n';
import { isProjectScope } from '../../views';

const HUNDRED = rat(100n);

type DenominatorKind = 'budget' | 'adjusted' | 'allocated';

interface Pair {
  executed: Stated;
  denominator: Stated;
  kind: DenominatorKind;
}

const kindOf = (f: FigureEntry): DenominatorKind => (f.metric === 'funds_allocated' ? 'allocated' : f.phase === 'budget' ? 'budget' : 'adjusted');
const kindLabel = (kind: DenominatorKind) => tr(`check.denominator.${kind}`);

/** An item that names what the rate is of ("“三公”经费", "日常公用经费控制率") rather than a line item or a denominator. */
const ITEM_METRICS: ReadonlyArray<readonly [RegExp, MetricKey]> = [
  [/一般公共预算/, 'general_public_budget_expenditure'],
  [/三公/, 'sangong_total'],
  [/因公出国/, 'sangong_abroad'],
  [/公务用车购置(及|和)运行/, 'sangong_vehicle_total'],
  [/公务用车运行/, 'sangong_vehicle_operation'],
  [/公务用车购置/, 'sangong_vehicle_purchase'],
  [/公务用车/, 'sangong_vehicle_total'],
  [/公务接待/, 'sangong_reception'],
  [/机关运行经费/, 'operation_expenditure'],
  [/公用经费/, 'public_expenditure'],
  [/人员经费/, 'personnel_expenditure'],
  [/基本支出/, 'basic_expenditure'],
  [/项目支出/, 'project_expenditure'],
];

export function metricNamedBy(item: string): MetricKey | undefined {
  return ITEM_METRICS.find(([re]) => re.test(item))?.[1];
}

const moneyIn = (input: CheckInput, pred: (f: FigureEntry) => boolean): Stated[] =>
  inSourceOrder(input.figures.filter((f) => isMoney(f) && pred(f))).flatMap((f) => stated(f) ?? []);

const isDenominatorPhase = (f: FigureEntry) => f.phase === 'budget' || f.phase === 'adjusted';

/** Every (executed, denominator) pair the report's amounts offer for a stated rate. */
export function candidatePairs(input: CheckInput, scope: string, rateItem: string): Pair[] {
  const item = canonicalItem(rateItem);
  let executed: Stated[] = [];
  let denominators: Stated[] = [];
  const withItem = item === '' ? [] : moneyIn(input, (f) => f.scope === scope && canonicalItem(f.item) === item);
  const named = item === '' ? undefined : metricNamedBy(item);
  if (withItem.length > 0) {
    executed = withItem.filter((s) => s.figure.phase === 'actual' && s.figure.metric !== 'funds_allocated');
    denominators = withItem.filter((s) => isDenominatorPhase(s.figure) || s.figure.metric === 'funds_allocated');
  } else if (named) {
    executed = moneyIn(input, (f) => f.metric === named && f.scope === scope && canonicalItem(f.item) === '' && f.phase === 'actual');
    denominators = moneyIn(input, (f) => f.metric === named && f.scope === scope && canonicalItem(f.item) === '' && isDenominatorPhase(f));
  } else if (item !== '') {
    // a rate of a part the dataset has no metric for: never compare it with the whole unit's totals
    return [];
  } else {
    const part: MetricKey | undefined = scope === 'basic' ? 'basic_expenditure' : scope === 'project' ? 'project_expenditure' : undefined;
    const inFamily = (f: FigureEntry, metrics: readonly MetricKey[]) =>
      metrics.includes(f.metric) && (f.scope === scope || (part !== undefined && f.metric === part && f.scope === ''));
    const executedMetrics: MetricKey[] = part ? ['budget_executed', part] : scope === '' ? ['budget_executed', 'expenditure_total'] : ['budget_executed'];
    const budgetMetrics: MetricKey[] = part ? ['budget_initial', 'budget_adjusted', part] : scope === '' ? ['budget_initial', 'budget_adjusted', 'expenditure_total'] : ['budget_initial', 'budget_adjusted'];
    executed = moneyIn(input, (f) => f.phase === 'actual' && inFamily(f, executedMetrics));
    denominators = moneyIn(input, (f) => (isDenominatorPhase(f) && inFamily(f, budgetMetrics)) || (f.metric === 'funds_allocated' && f.scope === scope));
  }
  const pairs: Pair[] = [];
  for (const e of executed) {
    for (const d of denominators) {
      if (canonicalItem(e.figure.item) !== canonicalItem(d.figure.item)) continue;
      pairs.push({ executed: e, denominator: d, kind: kindOf(d.figure) });
    }
  }
  // the whole (no item) first; a line item only when the report states no whole
  const whole = pairs.filter((p) => canonicalItem(p.executed.figure.item) === '');
  return whole.length > 0 ? whole : pairs;
}

function rangeOf(pair: Pair): Interval | null {
  const q = divideIntervals(intervalOf(pair.executed.m), intervalOf(pair.denominator.m));
  return q ? scaleInterval(q, HUNDRED) : null;
}

function percentOfPair(pair: Pair): Rational | null {
  const q = div(pair.executed.m.value, pair.denominator.m.value);
  return q ? mul(q, HUNDRED) : null;
}

/** Which denominator the rate's own words name, if any. */
export function namedDenominator(words: string): DenominatorKind | undefined {
  if (/年初/.test(words)) return 'budget';
  if (/调整后|全年预算/.test(words)) return 'adjusted';
  if (/下达/.test(words)) return 'allocated';
  return undefined;
}

const nearest = (pairs: Pair[], offset: number) =>
  pairs.reduce<Pair | undefined>((best, p) => {
    const d = Math.abs(p.executed.figure.quote_offset - offset) + Math.abs(p.denominator.figure.quote_offset - offset);
    const b = best ? Math.abs(best.executed.figure.quote_offset - offset) + Math.abs(best.denominator.figure.quote_offset - offset) : Infinity;
    return d < b ? p : best;
  }, undefined);

export function checkExecutionRates(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  for (const rate of inSourceOrder(input.figures).filter((f) => f.metric === 'execution_rate' && isRate(f))) {
    const s = measured(rate);
    if (!s) continue;
    const pairs = candidatePairs(input, rate.scope, rate.item);
    if (pairs.length === 0) continue;
    const computable = pairs.filter((p) => !isZero(p.denominator.m.value));
    const matching = computable.filter((p) => {
      const r = rangeOf(p);
      return r !== null && overlaps(r, intervalOf(s));
    });
    const decimals = Math.max(0, decimalsOf(rate.value) + (rate.unit === 'ratio' ? -2 : 0));
    const describe = (p: Pair) => {
      const pct = percentOfPair(p);
      return tr('check.executionRate.pair', {
        denominator: kindLabel(p.kind),
        executed: statedText(p.executed.figure),
        budget: statedText(p.denominator.figure),
        rate: pct ? formatPercent(pct, decimals) : tr('check.notComputable'),
      });
    };
    const refsOf = (ps: Pair[]): RefDraft[] => {
      const figs = [rate, ...ps.flatMap((p) => [p.executed.figure, p.denominator.figure])];
      return figs.filter((f, i) => figs.findIndex((g) => g.id === f.id) === i).map(figureRef);
    };
    if (matching.length > 0) {
      const named = namedDenominator(`${rate.item} ${rate.quote}`);
      if (!named || matching.some((p) => p.kind === named) || !pairs.some((p) => p.kind === named)) continue;
      const namedPair = pairs.find((p) => p.kind === named);
      const match = matching[0];
      if (!namedPair || !match) continue;
      const pct = percentOfPair(namedPair);
      out.push({
        severity: 'warning',
        message: tr('check.executionRate.wrongDenominator', {
          name: nameOf(rate),
          rate: statedText(rate),
          named: kindLabel(named),
          namedComputed: describe(namedPair),
          matching: describe(match),
        }),
        refs: refsOf([namedPair, match]),
        stated: statedText(rate),
        computed: pct ? formatPercent(pct, decimals) : '',
        difference: pct ? formatDifference(sub(s.value, pct), rate) : '',
      });
      continue;
    }
    if (computable.length === 0) {
      out.push({
        severity: 'warning',
        message: tr('check.executionRate.zero', { name: nameOf(rate), rate: statedText(rate), pairs: pairs.map(describe).join('；') }),
        refs: refsOf(pairs),
        stated: statedText(rate),
        computed: '',
        difference: '',
      });
      continue;
    }
    const best = nearest(computable, rate.quote_offset);
    const pct = best ? percentOfPair(best) : null;
    const shown = dedupe(computable.map(describe));
    out.push({
      severity: 'error',
      message: tr('check.executionRate.message', { name: nameOf(rate), rate: statedText(rate), pairs: shown.join('；') }),
      refs: refsOf(computable),
      stated: statedText(rate),
      computed: pct ? formatPercent(pct, decimals) : '',
      difference: pct ? formatDifference(sub(s.value, pct), rate) : '',
    });
  }
  return out;
}

const dedupe = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) === i);

/** A rate that claims the whole unit's spending: scope '' and no item, or an item naming the whole budget. */
function isWholeUnitClaim(f: FigureEntry): boolean {
  if (f.metric !== 'execution_rate' || f.scope !== '' || !isRate(f)) return false;
  const item = canonicalItem(f.item);
  if (item === '') return true;
  const named = metricNamedBy(item);
  // 一般公共预算支出 is the unit's whole appropriation spending: a claim about it is a whole-unit claim
  if (item.includes(' / ') || (named && named !== 'general_public_budget_expenditure')) return false;
  return /一般公共预算|财政拨款|部门|整体|全部|总体|本年|预算支出/.test(item);
}

const FLAT = /决算数?与预算数?持平|与预算持平/;

/** The rate of each part of the unit (a project, all projects, basic spending), stated or computed. */
function partRates(input: CheckInput): { scope: string; value: Rational; range: Interval; refs: RefDraft[]; text: string }[] {
  const scopes = [...new Set(input.figures.map((f) => f.scope))].filter((s) => s === 'project' || s === 'basic' || isProjectScope(s));
  const out: { scope: string; value: Rational; range: Interval; refs: RefDraft[]; text: string }[] = [];
  for (const scope of scopes) {
    const rates = inSourceOrder(input.figures.filter((f) => f.metric === 'execution_rate' && f.scope === scope && isRate(f)));
    const rate = rates.find((f) => canonicalItem(f.item) === '' && f.unit === '%') ?? rates.find((f) => canonicalItem(f.item) === '') ?? rates[0];
    const m = rate ? measured(rate) : null;
    if (rate && m) {
      out.push({ scope, value: m.value, range: intervalOf(m), refs: [figureRef(rate)], text: formatRate(rate.value, rate.unit) });
      continue;
    }
    const pair = candidatePairs(input, scope, '')[0];
    if (!pair || isZero(pair.denominator.m.value)) continue;
    const range = rangeOf(pair);
    const pct = percentOfPair(pair);
    if (!range || !pct) continue;
    out.push({ scope, value: pct, range, refs: [figureRef(pair.executed.figure), figureRef(pair.denominator.figure)], text: formatPercent(pct, 0) });
  }
  return out;
}

export function checkExecutionClaims(input: CheckInput): Draft[] {
  const claims = inSourceOrder(input.figures).filter(isWholeUnitClaim).filter((f) => {
    const m = measured(f);
    if (!m) return false;
    const r = intervalOf(m);
    return cmp(r.lo, HUNDRED) <= 0 && cmp(r.hi, HUNDRED) >= 0;
  });
  const claim = claims[0];
  if (!claim) return [];
  const parts = partRates(input);
  const below = parts.filter((p) => cmp(p.range.hi, HUNDRED) < 0);
  if (below.length === 0) return [];
  const above = parts.some((p) => cmp(p.range.lo, HUNDRED) > 0);
  const flat = occurrences(input.report.text, FLAT);
  const lowest = minOf(below.map((p) => p.value));
  const headline = below.find((p) => p.scope === 'project') ?? below.find((p) => lowest && cmp(p.value, lowest) === 0) ?? below[0];
  const partsText = below.map((p) => `${p.scope === 'project' ? tr('check.scope.project') : p.scope === 'basic' ? tr('check.scope.basic') : p.scope} ${p.text}`).join('；');
  const firstFlat = flat[0];
  return [
    {
      severity: above ? 'warning' : 'error',
      message: tr(above ? 'check.executionClaim.offset' : 'check.executionClaim.message', {
        claim: claim.quote.replace(/\s+/g, ''),
        flat: flat.length > 0 ? tr('check.executionClaim.flat', { count: flat.length }) : '',
        parts: partsText,
      }),
      refs: [
        figureRef(claim),
        ...(firstFlat ? [textRef(input.report.text, firstFlat.offset, firstFlat.match.length)] : []),
        ...below.flatMap((p) => p.refs),
      ],
      stated: statedText(claim),
      computed: headline?.text ?? '',
      difference: headline ? `${formatDifferencePoints(sub(headline.value, HUNDRED))}` : '',
    },
  ];
}

const formatDifferencePoints = (x: Rational) => formatDifference(x, { unit: '%' });

/** A total's execution rate must lie between the lowest and the highest rate of the parts that make it up. */
export function checkRateOutsideParts(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  const scopes = new Set(input.figures.filter((f) => f.metric === 'execution_rate').map((f) => f.scope));
  for (const scope of scopes) {
    const rates = inSourceOrder(input.figures.filter((f) => f.metric === 'execution_rate' && f.scope === scope && isRate(f)));
    const total = rates.find((f) => canonicalItem(f.item) === '');
    const totalM = total ? measured(total) : null;
    if (!total || !totalM) continue;
    const budgetPhases: Phase[] = ['adjusted', 'budget'];
    for (const phase of budgetPhases) {
      const metric: MetricKey = phase === 'adjusted' ? 'budget_adjusted' : 'budget_initial';
      const whole = amountOf(input.figures, { metric, phase, scope });
      if (!whole) continue;
      const itemRates = new Map<string, FigureEntry>();
      for (const r of rates) {
        const item = canonicalItem(r.item);
        if (item !== '' && !itemRates.has(item) && amountsOf(input.figures, { metric, phase, scope, item }).length > 0) itemRates.set(item, r);
      }
      if (itemRates.size < 2) continue;
      const budgets = [...itemRates.keys()].flatMap((item) => amountOf(input.figures, { metric, phase, scope, item }) ?? []);
      const budgetSum = sum(budgets.map((b) => b.m.value));
      const budgetHalf = sum(budgets.map((b) => b.m.half));
      // only when the parts are the whole budget: a weighted average lies between its smallest and largest term
      const fits = overlaps(intervalOf(whole.m), { lo: sub(budgetSum, budgetHalf), hi: sum([budgetSum, budgetHalf]) });
      if (!fits) continue;
      const ranges = [...itemRates.values()].flatMap((r) => {
        const m = measured(r);
        return m ? [intervalOf(m)] : [];
      });
      const lo = minOf(ranges.map((r) => r.lo));
      const hi = maxOf(ranges.map((r) => r.hi));
      if (!lo || !hi || overlaps(intervalOf(totalM), { lo, hi })) continue;
      out.push({
        severity: 'warning',
        message: tr('check.rateOutsideParts.message', {
          name: nameOf(total),
          rate: statedText(total),
          parts: [...itemRates.values()].map((r) => `${r.item} ${statedText(r)}`).join('、'),
        }),
        refs: [figureRef(total), ...[...itemRates.values()].map(figureRef), figureRef(whole.figure)],
        stated: statedText(total),
        computed: '',
        difference: '',
      });
      break;
    }
  }
  return out;
}

/** Spending metrics whose executed amount is compared with its own budget. */
const SPENDING: readonly MetricKey[] = [
  'expenditure_total', 'basic_expenditure', 'project_expenditure', 'personnel_expenditure', 'public_expenditure', 'general_public_budget_expenditure',
  'operation_expenditure', 'salary_welfare', 'goods_services', 'individual_household_subsidy', 'capital_expenditure', 'functional_expenditure',
];
const SANGONG: readonly MetricKey[] = ['sangong_total', 'sangong_abroad', 'sangong_vehicle_total', 'sangong_vehicle_purchase', 'sangong_vehicle_operation', 'sangong_reception'];

/** Spending more than this share of its budget is far above it (110%). */
const FAR_ABOVE = rat(11n, 10n);
const CLAIM_NO_DEVIATION = /(没有|未|无|不存在)(出现)?(偏离|超支|超预算)/;

interface Overrun {
  actual: Stated;
  budget: Stated;
}

function overruns(input: CheckInput, metrics: readonly MetricKey[], factor: Rational): Overrun[] {
  const out: Overrun[] = [];
  const seen = new Set<string>();
  for (const f of inSourceOrder(input.figures)) {
    const executedOf = f.metric === 'budget_executed' || metrics.includes(f.metric);
    if (!executedOf || f.phase !== 'actual' || !isMoney(f) || f.scope === 'change_vs_prior' || f.scope === 'prior_year') continue;
    if (f.metric === 'budget_executed' && metrics === SANGONG) continue;
    const item = canonicalItem(f.item);
    const key = `${f.metric}|${f.scope}|${item}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const actual = stated(f);
    if (!actual) continue;
    const refMetric = (phase: Phase): MetricKey => (f.metric === 'budget_executed' ? (phase === 'adjusted' ? 'budget_adjusted' : 'budget_initial') : f.metric);
    const adjusted = amountOf(input.figures, { metric: refMetric('adjusted'), phase: 'adjusted', scope: f.scope, item }, f.quote_offset);
    const budget = adjusted ?? amountOf(input.figures, { metric: refMetric('budget'), phase: 'budget', scope: f.scope, item }, f.quote_offset);
    if (!budget || isZero(budget.m.value)) continue;
    const beyondRounding = cmp(intervalOf(actual.m).lo, intervalOf(budget.m).hi) > 0;
    const far = cmp(actual.m.value, mul(budget.m.value, factor)) > 0;
    if (beyondRounding && far) out.push({ actual, budget });
  }
  return out;
}

export function checkOverBudget(input: CheckInput): Draft[] {
  const found = occurrences(input.report.text, CLAIM_NO_DEVIATION)[0];
  const sentence = found ? sentenceAt(input.report.text, found.offset) : undefined;
  const claim = sentence ? { offset: sentence.start, match: input.report.text.slice(sentence.start, sentence.end).trim() } : undefined;
  return overruns(input, SPENDING, FAR_ABOVE).map(({ actual, budget }) => {
    const pct = mul(div(actual.m.value, budget.m.value) ?? rat(0n), HUNDRED);
    const refs = [figureRef(actual.figure), figureRef(budget.figure)];
    if (claim) refs.push(textRef(input.report.text, claim.offset, claim.match.length));
    return {
      severity: 'warning' as const,
      message: tr('check.overBudget.message', {
        actual: nameWithPhase(actual.figure),
        actualValue: statedText(actual.figure),
        budget: nameWithPhase(budget.figure),
        budgetValue: statedText(budget.figure),
        percent: formatPercent(pct, 0),
        claim: claim ? tr('check.overBudget.claim', { claim: claim.match }) : '',
      }),
      refs,
      stated: statedText(actual.figure),
      computed: formatPercent(pct, 0),
      difference: formatDifference(sub(actual.m.value, budget.m.value), actual.figure),
    };
  });
}

export function checkSangongOverBudget(input: CheckInput): Draft[] {
  return overruns(input, SANGONG, rat(1n)).map(({ actual, budget }) => {
    const pct = mul(div(actual.m.value, budget.m.value) ?? rat(0n), HUNDRED);
    return {
      severity: 'warning' as const,
      message: tr('check.sangongOverBudget.message', {
        actual: nameWithPhase(actual.figure),
        actualValue: statedText(actual.figure),
        budget: nameWithPhase(budget.figure),
        budgetValue: statedText(budget.figure),
        percent: formatPercent(pct, 0),
      }),
      refs: [figureRef(actual.figure), figureRef(budget.figure)],
      stated: statedText(actual.figure),
      computed: formatPercent(pct, 0),
      difference: formatDifference(sub(actual.m.value, budget.m.value), actual.figure),
    };
  });
}
