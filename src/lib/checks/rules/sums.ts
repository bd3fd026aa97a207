/**
 * Totals vs parts: a total the report states against the sum of the parts it states in the same report,
 * phase and scope. A part the report does not state is not zero: when parts are missing (or the set of
 * parts is not exhaustive), a sum below the total is only a warning; a sum above the total is always an
 * error, since parts cannot add up to more than their whole.
 */
import type { FigureEntry } from '../../../schemas/figure';
import type { MetricKey, Phase } from '../../../schemas/vocabulary';
import { cmp, gap, intervalOf, isZero, sub, sumMeasured } from '../exact';
import {
  amountOf,
  amountsOf,
  canonicalItem,
  figureRef,
  inSourceOrder,
  isAmount,
  nameWithPhase,
  quantityKey,
  stated,
  statedText,
  type CheckInput,
  type Draft,
  type Stated,
} from '../context';
import { formatDifference, formatLike } from '../quantity';
import { sameBlock } from '../text';
import { tr } from '../i18n';

export type SumRuleId =
  | 'sum-sangong'
  | 'sum-vehicle'
  | 'sum-expenditure'
  | 'sum-basic'
  | 'sum-economic'
  | 'sum-income'
  | 'sum-procurement'
  | 'sum-balance-sheet'
  | 'sum-functional'
  | 'sum-items';

/** A total with the parts stated for it. */
export interface SumGroup {
  rule: SumRuleId;
  whole: Stated;
  parts: Stated[];
  /** The parts are, by definition, all the parts of the whole, and every one of them is stated. */
  complete: boolean;
}

type WholeFor = (scope: string, phase: Phase) => { metrics: MetricKey[]; scope: string } | null;

interface Partition {
  rule: SumRuleId;
  parts: MetricKey[];
  /** Whether the parts exhaust the whole by definition (the template's columns), not just "其中". */
  exhaustive: boolean;
  whole: WholeFor;
}

const same = (metric: MetricKey): WholeFor => (scope) => (scope === 'change_vs_prior' ? null : { metrics: [metric], scope });

/** The unit's total spending of a phase: 本年支出合计, or the budget / executed amount of that phase. */
const spendingTotal = (phase: Phase): MetricKey[] =>
  phase === 'actual' ? ['expenditure_total', 'budget_executed'] : phase === 'budget' ? ['expenditure_total', 'budget_initial'] : ['expenditure_total', 'budget_adjusted'];

/** A whole that depends on the scope: inside 基本支出 / 项目支出 the whole is that part. */
const spendingOfScope: WholeFor = (scope, phase) => {
  if (scope === '' || scope === 'prior_year') return { metrics: spendingTotal(phase), scope };
  if (scope === 'basic') return { metrics: ['basic_expenditure'], scope: '' };
  if (scope === 'project') return { metrics: ['project_expenditure'], scope: '' };
  return null;
};

const PARTITIONS: Partition[] = [
  { rule: 'sum-sangong', parts: ['sangong_abroad', 'sangong_vehicle_total', 'sangong_reception'], exhaustive: true, whole: same('sangong_total') },
  { rule: 'sum-vehicle', parts: ['sangong_vehicle_purchase', 'sangong_vehicle_operation'], exhaustive: true, whole: same('sangong_vehicle_total') },
  {
    rule: 'sum-expenditure',
    parts: ['basic_expenditure', 'project_expenditure', 'expenditure_to_superior', 'business_operating_expenditure', 'subsidy_to_affiliated'],
    exhaustive: true,
    whole: (scope, phase) => (scope === '' || scope === 'prior_year' ? { metrics: spendingTotal(phase), scope } : null),
  },
  { rule: 'sum-basic', parts: ['personnel_expenditure', 'public_expenditure'], exhaustive: true, whole: same('basic_expenditure') },
  {
    rule: 'sum-economic',
    parts: ['salary_welfare', 'goods_services', 'individual_household_subsidy', 'capital_expenditure'],
    // 301 302 303 310 are the usual classes, not all of them (307, 309, 312 … exist)
    exhaustive: false,
    whole: spendingOfScope,
  },
  {
    rule: 'sum-income',
    parts: [
      'income_general_budget', 'income_government_fund', 'income_state_capital', 'income_superior_subsidy', 'income_business',
      'income_operating', 'income_affiliated', 'income_other',
    ],
    exhaustive: true,
    whole: same('income_total'),
  },
  { rule: 'sum-procurement', parts: ['procurement_goods', 'procurement_works', 'procurement_services'], exhaustive: true, whole: same('procurement_total') },
  { rule: 'sum-balance-sheet', parts: ['liabilities_total', 'net_assets'], exhaustive: true, whole: same('assets_total') },
];

/** Metrics whose items are parts of the item-less figure: 编制 types, vehicle types, funding sources, purchases. */
const ITEMIZED: readonly MetricKey[] = [
  'staff_quota', 'staff_count', 'vehicle_count', 'vehicle_purchase_count', 'funds_allocated', 'budget_initial', 'budget_adjusted',
  'budget_executed', 'procurement_services', 'sangong_vehicle_purchase', 'project_expenditure',
];

const PHASE_LIST: Phase[] = ['budget', 'adjusted', 'actual'];

function partitionGroups(input: CheckInput): SumGroup[] {
  const groups: SumGroup[] = [];
  const scopes = [...new Set(input.figures.map((f) => f.scope))];
  for (const spec of PARTITIONS) {
    for (const phase of PHASE_LIST) {
      for (const scope of scopes) {
        const where = spec.whole(scope, phase);
        if (!where) continue;
        const partsExist = spec.parts.some((metric) => amountsOf(input.figures, { metric, phase, scope }).length > 0);
        if (!partsExist) continue;
        const metric = where.metrics.find((m) => amountsOf(input.figures, { metric: m, phase, scope: where.scope }).length > 0);
        if (!metric) continue;
        // The first statement of the total, with the statement of each part nearest to it. Restatements
        // elsewhere are compared with the first by the same-quantity rule, not summed again.
        const whole = amountOf(input.figures, { metric, phase, scope: where.scope });
        if (!whole) continue;
        const parts = spec.parts.flatMap((m) => amountOf(input.figures, { metric: m, phase, scope }, whole.figure.quote_offset) ?? []);
        groups.push({ rule: spec.rule, whole, parts, complete: spec.exhaustive && parts.length === spec.parts.length });
      }
    }
  }
  return groups;
}

const depth = (item: string) => (item === '' ? 0 : item.split(' / ').length);

/** Functional classes (类 / 款 / 项): the classes of each level add up to the class above, the top level to the total. */
function functionalGroups(input: CheckInput): SumGroup[] {
  const groups: SumGroup[] = [];
  const functional = input.figures.filter((f) => f.metric === 'functional_expenditure' && isAmount(f));
  const keys = new Set(functional.map((f) => `${f.phase}|${f.scope}`));
  for (const key of keys) {
    const [phase = 'actual', scope = ''] = key.split('|') as [Phase, string];
    const own = inSourceOrder(functional.filter((f) => f.phase === phase && f.scope === scope));
    const byItem = new Map<string, Stated>();
    for (const f of own) {
      const item = canonicalItem(f.item);
      const s = stated(f);
      if (item !== '' && s && !byItem.has(item)) byItem.set(item, s);
    }
    const childrenOf = (parent: string): Stated[] => {
      const below = [...byItem].filter(([item]) => item !== parent && (parent === '' || item.startsWith(`${parent} / `)));
      const level = Math.min(...below.map(([item]) => depth(item)));
      return below.filter(([item]) => depth(item) === level).map(([, s]) => s);
    };
    const top = childrenOf('');
    const where = spendingOfScope(scope, phase);
    const totals = where ? [...(scope === '' ? ['general_public_budget_expenditure' as MetricKey] : []), ...where.metrics] : [];
    const metric = totals.find((m) => amountsOf(input.figures, { metric: m, phase, scope: where?.scope ?? scope }).length > 0);
    if (metric && top.length > 0 && where) {
      const whole = amountOf(input.figures, { metric, phase, scope: where.scope }, top[0]?.figure.quote_offset);
      if (whole) groups.push({ rule: 'sum-functional', whole, parts: top, complete: false });
    }
    for (const [item, whole] of byItem) {
      const parts = childrenOf(item);
      if (parts.length > 0) groups.push({ rule: 'sum-functional', whole, parts, complete: false });
    }
  }
  return groups;
}

/**
 * Items of one metric against the item-less figure they break down. The parts belong to the total stated
 * last before them in the same block of text (paragraph or table): a report may break the same total down
 * twice in different ways (vehicles by type, then by use), and those are two breakdowns, not one.
 */
function itemGroups(input: CheckInput): SumGroup[] {
  const groups: SumGroup[] = [];
  const text = input.report.text;
  for (const metric of ITEMIZED) {
    const own = inSourceOrder(input.figures.filter((f) => f.metric === metric && isAmount(f) && f.scope !== 'change_vs_prior'));
    const keys = new Set(own.map((f) => `${f.phase}|${f.scope}`));
    for (const key of keys) {
      const list = own.filter((f) => `${f.phase}|${f.scope}` === key);
      const wholes = list.filter((f) => canonicalItem(f.item) === '');
      const byWhole = new Map<FigureEntry, Map<string, Stated>>();
      for (const part of list.filter((f) => canonicalItem(f.item) !== '')) {
        const anchor = wholes.filter((w) => w.quote_offset <= part.quote_offset && sameBlock(text, w.quote_offset, part.quote_offset)).at(-1);
        const s = stated(part);
        if (!anchor || !s) continue;
        const parts = byWhole.get(anchor) ?? new Map<string, Stated>();
        if (!parts.has(canonicalItem(part.item))) parts.set(canonicalItem(part.item), s);
        byWhole.set(anchor, parts);
      }
      for (const [anchor, parts] of byWhole) {
        const whole = stated(anchor);
        if (whole) groups.push({ rule: 'sum-items', whole, parts: [...parts.values()], complete: false });
      }
    }
  }
  return groups;
}

/** Every total with the parts stated for it (including totals with a single part stated). */
export function sumGroups(input: CheckInput): SumGroup[] {
  return [...partitionGroups(input), ...functionalGroups(input), ...itemGroups(input)];
}

/** The finding for one group, or null when its parts add up to its total within their roundings. */
export function checkGroup(group: SumGroup): Draft | null {
  const { whole, parts } = group;
  if (parts.length < 2) return null;
  const total = sumMeasured(parts.map((p) => p.m));
  const distance = gap(intervalOf(whole.m), intervalOf(total));
  if (isZero(distance)) return null;
  const over = cmp(total.value, whole.m.value) > 0;
  const severity = group.complete || over ? 'error' : 'warning';
  const difference = sub(whole.m.value, total.value);
  const note = group.complete ? tr('check.sum.complete') : over ? tr('check.sum.over') : tr('check.sum.partial');
  return {
    severity,
    message: tr('check.sum.message', {
      whole: nameWithPhase(whole.figure),
      wholeValue: statedText(whole.figure),
      parts: parts.map((p) => `${nameWithPhase(p.figure)} ${statedText(p.figure)}`).join('、'),
      count: parts.length,
      sum: formatLike(total.value, whole.figure),
      note,
    }),
    refs: [figureRef(whole.figure), ...parts.map((p) => figureRef(p.figure))],
    stated: statedText(whole.figure),
    computed: formatLike(total.value, whole.figure),
    difference: formatDifference(difference, whole.figure),
  };
}

/** The findings of one sum rule: each total whose stated parts do not add up to it. */
export function checkSums(input: CheckInput, rule: SumRuleId, groups: readonly SumGroup[] = sumGroups(input)): Draft[] {
  // The same total and parts stated twice (a paragraph repeated in a form) is one finding with both passages.
  const byValues = new Map<string, Draft>();
  for (const group of groups.filter((g) => g.rule === rule)) {
    const draft = checkGroup(group);
    if (!draft) continue;
    const signature = [group.whole, ...group.parts].map((s) => `${quantityKey(s.figure)}=${s.figure.value}${s.figure.unit}`).sort().join(',');
    const earlier = byValues.get(signature);
    if (!earlier) {
      byValues.set(signature, draft);
      continue;
    }
    for (const ref of draft.refs) if (!earlier.refs.some((r) => r.id === ref.id)) earlier.refs.push(ref);
  }
  return [...byValues.values()];
}
