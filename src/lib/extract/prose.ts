import { METRICS, UNITS, type MeasureUnit, type MetricKey, type Phase } from '../../schemas/vocabulary';
import { BUDGETED_PARTS, FUNCTIONAL_CLASSES, LABEL_RULES, type LabelRule } from './lexicon';
import { readChange } from './stages/change';
import { clauseStartBefore, onlyConnectors } from './stages/clause';
import {
  announcedList,
  announcesParts,
  continuesEnumeration,
  endsWithRespectively,
  enumeratedName,
  namesComparison,
} from './stages/enumeration';
import { budgetMetricOf, phaseFrom, phaseOfMetric } from './stages/phase';
import { opensWithEarlierYear, speaksOfPriorYear } from './stages/scope';
import { percentReading, shareWordAt, statesBound } from './stages/share';
import type { NumberToken } from './tokens';
import type { DraftFigure, ExtractContext } from './types';

/** A label found in the text before a number. */
interface LabelHit {
  rule: LabelRule;
  start: number;
  end: number;
  item: string;
}

const FUNCTIONAL = new RegExp(`(?:${FUNCTIONAL_CLASSES.join('|')})(?=\\s*(?:\\(类\\))?\\s*[\\d占为决支])`, 'g');
// A functional class path as 决算 reports print it: 卫生健康支出(类)医疗保障管理事务(款)行政运行(项)
const FUNCTIONAL_PATH = /([\u4e00-\u9fa5]+?)\s*\(类\)\s*([\u4e00-\u9fa5]+?)\s*\(款\)\s*([\u4e00-\u9fa5]+?)\s*\(项\)/g;

/** Labels in `scan[from, to)`, relative to the whole text. */
function labelsIn(scan: string, from: number, to: number): LabelHit[] {
  // Labels are matched with spaces, markdown emphasis and short remarks inside a name taken out ("“三公” 经费",
  // "**国内公务接待**支出", "公务用车(含执勤执法用车)运行支出"), then mapped back to the text. A few characters past
  // `to` let lookaheads see the number.
  const raw = scan.slice(from, to + 8);
  const positions: number[] = [];
  let slice = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    const remark = ch === '(' ? /^\((?:含|包括)[^()\d]{1,12}\)(?=[\u4e00-\u9fa5])/.exec(raw.slice(i, i + 16)) : null;
    if (remark && /[\u4e00-\u9fa5]$/.test(slice)) {
      i += remark[0].length - 1;
      continue;
    }
    if (ch === '*' || ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\n' || ch === '\r') continue;
    positions.push(from + i);
    slice += ch;
  }
  positions.push(from + raw.length);
  const at = (i: number) => positions[i] ?? from + raw.length;
  const hits: LabelHit[] = [];
  for (const rule of LABEL_RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of slice.matchAll(rule.pattern)) {
      if (m[0].length === 0) continue;
      hits.push({ rule, start: at(m.index), end: at(m.index + m[0].length - 1) + 1, item: rule.item ? m[0] : '' });
    }
  }
  for (const m of slice.matchAll(FUNCTIONAL_PATH)) {
    const item = [m[1], m[2], m[3]].map((s) => (s ?? '').replace(/^[\d.、\s]+/, '')).join(' / ');
    hits.push({
      rule: { metric: 'functional_expenditure', pattern: FUNCTIONAL_PATH, kind: 'metric' },
      start: at(m.index),
      end: at(m.index + m[0].length - 1) + 1,
      item,
    });
  }
  // a 项 whose 类 and 款 stand in an earlier paragraph (the line was broken by conversion)
  for (const m of slice.matchAll(/([\u4e00-\u9fa5]{2,30})\s*\(项\)/g)) {
    hits.push({
      rule: { metric: 'functional_expenditure', pattern: FUNCTIONAL_PATH, kind: 'metric' },
      start: at(m.index),
      end: at(m.index + m[0].length - 1) + 1,
      item: m[1] ?? '',
    });
  }
  for (const m of slice.matchAll(FUNCTIONAL)) {
    hits.push({
      rule: { metric: 'functional_expenditure', pattern: FUNCTIONAL, kind: 'metric' },
      start: at(m.index),
      end: at(m.index + m[0].length - 1) + 1,
      item: m[0],
    });
  }
  return hits.filter((h) => h.end <= to);
}

/** The label that names the next number: the one ending last, the longest at the same end. */
function lastLabel(hits: readonly LabelHit[], kind: LabelRule['kind']): LabelHit | undefined {
  return hits
    .filter((h) => h.rule.kind === kind)
    .reduce<LabelHit | undefined>(
      (best, h) => (!best || h.end > best.end || (h.end === best.end && h.start < best.start) ? h : best),
      undefined,
    );
}

/** Metric labels in source order, each once (the ones a "分别为" hands out). */
function labelsBefore(hits: readonly LabelHit[], from: number): LabelHit[] {
  const metric = hits.filter((h) => h.rule.kind === 'metric' && h.start >= from).sort((a, b) => a.start - b.start || b.end - a.end);
  // keep the longest of overlapping labels
  return metric.filter(
    (h, i) => !metric.some((o, j) => j !== i && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
}

function fits(metric: MetricKey, unit: MeasureUnit): boolean {
  return (METRICS[metric].measures as readonly string[]).includes(UNITS[unit]);
}

const FUND_OR_RULE =
  /医保基金|基金收入|基金支出|统筹基金|参保率|(?<!自评|综合|最终|项目|部门)[计得扣]\s*\d+(?:\.\d+)?\s*分|不得分|扣完为止/;

/** Income-like metrics: in a project report, "支出x万元" after them is the project's execution, not more income. */
const INCOME_LIKE: ReadonlySet<MetricKey> = new Set([
  'funds_allocated',
  'income_total',
  'income_other',
  'carryover_beginning',
  'fiscal_appropriation_total',
  'income_general_budget',
]);

/**
 * Metrics that name a whole (a total, a headcount): what a sentence lists after "其中" are its parts, which are
 * other facts than the whole, so an unnamed or same-named part is left out rather than read as the whole.
 */
const WHOLES: ReadonlySet<MetricKey> = new Set([
  'income_total',
  'expenditure_total',
  'fiscal_appropriation_total',
  'grand_total',
  'sangong_total',
  'staff_count',
  'vehicle_count',
  'reception_batches',
  'reception_people',
  'abroad_groups',
  'abroad_people',
]);

/** Whether the words before a bare 支出 name an item no label knows (not the unit, a period, or 共/累计). */
function unknownItemBefore(text: string): boolean {
  const words = text.replace(/\s+/g, '');
  return (
    /[\u4e00-\u9fa5]{2}$/.test(words) &&
    !/(?:单位|部门|[院局站所校]|中心|全年|年度|本年|当年|实际|累计|合计|总计|项目|资金)(?:共计|共|累计|实际)?$/.test(words)
  );
}

/** How an amount splits by purpose: stated after 其中 under an amount no label names, they are that amount's. */
const SPLITS: ReadonlySet<MetricKey> = new Set(['basic_expenditure', 'project_expenditure', 'personnel_expenditure', 'public_expenditure']);

/** A count stated in another unit belongs to a sibling metric (接待2批次，25人次 → batches, then people). */
const SIBLING_BY_UNIT: Partial<Record<MetricKey, Partial<Record<MeasureUnit, MetricKey>>>> = {
  reception_batches: { 人: 'reception_people', 人次: 'reception_people', 万元: 'sangong_reception', 元: 'sangong_reception' },
  sangong_reception: { 批次: 'reception_batches', 人次: 'reception_people', 人: 'reception_people' },
  sangong_abroad: { 个: 'abroad_groups', 人: 'abroad_people', 人次: 'abroad_people' },
  sangong_vehicle_total: { 辆: 'vehicle_count' },
  sangong_vehicle_purchase: { 辆: 'vehicle_purchase_count' },
  abroad_groups: { 人: 'abroad_people', 人次: 'abroad_people' },
  reception_people: { 批次: 'reception_batches', 万元: 'sangong_reception', 元: 'sangong_reception' },
  abroad_people: { 个: 'abroad_groups' },
  vehicle_purchase_count: { 万元: 'sangong_vehicle_purchase', 元: 'sangong_vehicle_purchase' },
};

/**
 * In an enumeration announced as "按功能科目分类" or "按项目名称分类", an unknown label before a number is
 * a functional class or a project: "其中其他医疗保障管理事务支出48万元".
 */
function enumerationLabel(
  scan: string,
  sentenceStart: number,
  subjectStart: number,
  clauseFrom: number,
  to: number,
  hits: readonly LabelHit[],
  current: MetricKey | null,
): LabelHit | null {
  if (hits.some((h) => h.start >= clauseFrom && h.rule.kind === 'metric')) return null;
  const label = enumeratedName(scan.slice(clauseFrom, to));
  if (label === null) return null;
  const at = to - label.length;
  const list = announcedList(scan.slice(sentenceStart, clauseFrom));
  if (list === null) {
    // "支出共701.23万元，其中上划…资金292.44万元，线下请拨资金408.79万元": parts of the current amount; a 其中
    // before the current amount's own clause lists its siblings ("其中：公务接待费43.77万元、会议费34.10万元")
    if (
      current &&
      !WHOLES.has(current) &&
      announcesParts(scan.slice(subjectStart, to)) &&
      (METRICS[current].measures as readonly string[]).includes('money') &&
      !namesComparison(label)
    ) {
      return { rule: { metric: current, pattern: /$/, kind: 'metric' }, start: at, end: to, item: label };
    }
    return null;
  }
  if (list === 'functional')
    return { rule: { metric: 'functional_expenditure', pattern: /$/, kind: 'metric' }, start: at, end: to, item: label };
  return { rule: { metric: 'budget_executed', pattern: /$/, kind: 'metric', scope: label }, start: at, end: to, item: '' };
}

/**
 * The metric whose parts a sentence goes on to enumerate: the current one, or the sibling its last number was
 * read as ("接待2批次，25人次，共计支出0.25万元，具体内容包括：1. …，用餐费用1200元": the money, not the batches).
 */
function enumeratedMetric(current: MetricKey, read: readonly DraftFigure[]): MetricKey {
  const last = read.at(-1)?.metric;
  const siblings: readonly MetricKey[] = Object.values(SIBLING_BY_UNIT[current] ?? {});
  return last !== undefined && siblings.includes(last) ? last : current;
}

/** The state carried from number to number inside one sentence. */
interface Current {
  metric: MetricKey;
  scope: string;
  item: string;
  /** The phase the sentence stated last (a later number without phase words keeps it). */
  phase?: Phase;
  /** The sentence is listing the parts of this metric's count (其中 行政编制…, 参公编制…). */
  parts?: boolean;
  /** Where the clause that named the metric starts: quotes of later numbers start there too. */
  clauseStart: number;
  /** The metric is a part enumerated after 其中 / 包括 in the clause starting here (the whole's). */
  listStart?: number;
}

/**
 * Figures stated in one sentence of prose, `[start, end)` of the text. Numbers are read left to right;
 * each takes the metric named just before it, or keeps the sentence's current metric when only
 * connecting words (为, 占, 较上年减少 …) stand between.
 */
export function figuresInSentence(
  ctx: ExtractContext,
  start: number,
  end: number,
  tokens: readonly NumberToken[],
  carried: SentenceState | null = null,
): { figures: DraftFigure[]; state: SentenceState | null } {
  const read = readSentence(ctx, start, end, tokens, carried);
  return {
    figures: read.figures,
    state: { current: read.current, subject: subjectOf(read.figures) ?? (read.figures.length === 0 ? (carried?.subject ?? null) : null) },
  };
}

function readSentence(
  ctx: ExtractContext,
  start: number,
  end: number,
  tokens: readonly NumberToken[],
  carried: SentenceState | null,
): { figures: DraftFigure[]; current: Current | null } {
  const { scan, text } = ctx;
  const out: DraftFigure[] = [];
  const sentence = scan.slice(start, end);
  // the insurance fund's own accounts, and scoring rules ("每超过一个百分点扣0.4分"), are not the unit's figures
  if (FUND_OR_RULE.test(sentence)) return { figures: out, current: null };
  // "项目1：“离休人员医疗费用”项目…当年财政拨款收入100万元，支出28.55万元": a sentence about one project
  const named = /^[^。]{0,20}?[“"]([^”"]{2,40})[”"]\s*项目/.exec(sentence);
  const sentenceProject = named?.[1]
    ? text.slice(
        start + (named.index ?? 0) + named[0].indexOf(named[1]),
        start + (named.index ?? 0) + named[0].indexOf(named[1]) + named[1].length,
      )
    : '';
  // "…服务支出7.22万元。主要用于A 2.7万元；B 4.52万元": a sentence that goes on enumerating keeps the metric
  let current: Current | null = carried?.current && continuesEnumeration(sentence) ? { ...carried.current, clauseStart: start } : null;
  let previousEnd = start;
  // "2021年的三公经费决算数合计为807.95万，其中：…": a sentence that opens with an earlier year speaks of that year
  const aboutEarlierYear = opensWithEarlierYear(sentence, ctx.year);
  let unnamedAmountEnd: number | null = null;
  let pending: LabelHit[] = [];
  for (let k = firstTokenAt(tokens, start); k < tokens.length; k++) {
    const token = tokens[k] as NumberToken;
    if (token.start >= end) break;
    // a date or ordinal ("比2021年") is part of the words before the next number, not a number of its own
    if (token.unit === 'skip') continue;
    const leftFrom = previousEnd;
    const currentBefore = current;
    previousEnd = token.unitEnd;
    // "接待批次为1039次", "国内公务接待15次": receptions counted in 批次, written 次
    const batchesAsTimes =
      token.unit === 'other' &&
      scan.slice(token.end, token.unitEnd).trim() === '次' &&
      /(?:批次|接待(?:共计|共)?)\s*(?:为|共计|共)?\s*$/.test(scan.slice(leftFrom, token.start));
    if (token.unit === 'other' && !batchesAsTimes) continue;
    const left = scan.slice(leftFrom, token.start);
    if (/[:：]\s*$/.test(left) && /(?:指标|标准|序号)\s*\d*\s*[:：]\s*$/.test(left)) continue;

    // "对7个项目编制了绩效目标", "共有2个项目": a count of projects, whatever the words before it
    if (token.unit === '个' && /^\s*(?:个)?项目/.test(scan.slice(token.unitEnd, token.unitEnd + 4))) {
      const clauseStart = clauseStartBefore(text, token.start, start);
      out.push({
        metric: 'project_count',
        phase: 'actual',
        scope: '',
        item: '',
        value: token.written,
        unit: '个',
        quote: text.slice(clauseStart, token.unitEnd + 2).replace(/\s+$/, ''),
        start: clauseStart,
        reader: 'prose',
        rule: 'a count of projects (x个项目)',
        confidence: 0.85,
      });
      current = { metric: 'project_count', scope: '', item: '', clauseStart };
      continue;
    }
    // "占本年支出合计的95.1%": what follows 占 is the denominator, not the label of the number
    const share = shareWordAt(left);
    const labelTo = share !== null ? leftFrom + share : token.start;
    // A label counts only inside the number's own clause, unless the clause holds nothing but connecting
    // words ("，占26%", "，较上年减少"): then the sentence's current metric carries on.
    const clauseFrom = Math.max(leftFrom, clauseStartBefore(text, token.start, start));
    const clauseText = scan.slice(clauseFrom, labelTo);
    const hits = labelsIn(scan, onlyConnectors(clauseText) ? leftFrom : clauseFrom, labelTo);
    // a part enumerated after 其中 / 包括 keeps the subject of its whole: the next part is enumerated as well
    const enumerated = enumerationLabel(
      scan,
      start,
      current ? (current.listStart ?? current.clauseStart) : start,
      clauseFrom,
      labelTo,
      hits,
      current ? enumeratedMetric(current.metric, out) : null,
    );
    if (enumerated) hits.push(enumerated);
    // a label that only follows certain metrics ("金额" after 购置公务用车) does not count elsewhere
    const usable = hits.filter((h) => !h.rule.after || (current !== null && h.rule.after.includes(current.metric)));
    // "基本支出和项目支出分别为150万元和50万元": the labels before 分别 go to the numbers in order
    const respectively = endsWithRespectively(left) ? labelsBefore(usable, leftFrom) : null;
    if (respectively && respectively.length >= 2) pending = respectively.slice(1);
    const fromPending = !respectively && pending.length > 0 && onlyConnectors(scan.slice(leftFrom, labelTo)) ? pending.shift() : undefined;
    const metricHit = respectively && respectively.length >= 2 ? respectively[0] : (fromPending ?? lastLabel(usable, 'metric'));
    const phaseHit = lastLabel(usable, 'phase');
    let hit: LabelHit | undefined = metricHit;
    // a phase word names the budget itself only when no quantity was named before it in this sentence
    const canInherit = current !== null && onlyConnectors(scan.slice(leftFrom, labelTo));
    if (
      !hit &&
      phaseHit &&
      (!current || !canInherit || current.metric.startsWith('budget_') || (ctx.projectScope !== '' && INCOME_LIKE.has(current.metric)))
    )
      hit = phaseHit;

    let metric: MetricKey;
    let scope: string;
    let item: string;
    let clauseStart: number;
    let why = hit
      ? readingOf(hit, scan, hit === enumerated, hit === phaseHit)
      : { rule: `carried from «${current ? METRICS[current.metric].label : ''}»`, confidence: 0.75 };
    const previousPhase = current?.phase ?? null;
    if (hit) {
      // "实有在职人员30人，其中行政编制6名" / "在职人员24人（行政编制8人": the 编制 item breaks down the count before it
      const breaksDown =
        current !== null && (current.parts === true || /其中|[(（][^)）]*$/.test(scan.slice(current.clauseStart, hit.start)));
      const inherit: MetricKey | null =
        hit.rule.inheritFrom && current && breaksDown && hit.rule.inheritFrom.includes(current.metric) ? current.metric : null;
      metric = inherit ?? hit.rule.metric;
      item = hit.item;
      // "基本支出全年预算总额82.00万元，其中：…。实际支出80.10万元": a sentence opening with what was spent speaks
      // of the amount the sentence before budgeted
      const subject = carried?.subject;
      const goesOnWithSubject =
        subject &&
        hit === phaseHit &&
        out.length === 0 &&
        hit.rule.phase === 'actual' &&
        subject.phase !== 'actual' &&
        /^(?:全年|本年度?|当年|(?:20\d\d)?年度?|\s)*$/.test(scan.slice(start, hit.start));
      if (goesOnWithSubject) {
        metric = subject.metric;
        why = { rule: `${why.rule} after «${METRICS[subject.metric].label}» budgeted in the sentence before`, confidence: 0.7 };
      }
      // "现有职工24人，其中在编人员16人": a part of the headcount named like the whole is not the whole
      if (
        current !== null &&
        current.metric === metric &&
        WHOLES.has(metric) &&
        item === '' &&
        /其中/.test(scan.slice(current.clauseStart, hit.start))
      )
        continue;
      // "基本支出中医疗业务支出5868.43万元": a part inside the named amount, which no label names, is not it
      const inside = /^中([\u4e00-\u9fa5]{2,})/.exec(scan.slice(hit.end, token.start).replace(/\s+/g, ''));
      if (inside && !onlyConnectors(inside[1] ?? '')) {
        current = currentBefore;
        continue;
      }
      // "机构运行 1100910.5 元，其中：基本支出 1100910.5 元": the split of an amount no label names (a functional
      // item) is that item's, not the unit's basic or project expenditure
      if (SPLITS.has(metric) && unnamedAmountEnd !== null && /其中/.test(scan.slice(unnamedAmountEnd, hit.start))) continue;
      // an amount named by a functional class, or by words no label knows followed by 支出 ("…缴费支出 150384 元"), is
      // such an item too; a named amount ("我单位年初预算数为…") ends it
      const unknownWordsThenSpending =
        hit.rule.kind === 'phase' && /^支出/.test(scan.slice(hit.start, hit.end)) && unknownItemBefore(scan.slice(start, hit.start));
      unnamedAmountEnd = unknownWordsThenSpending || metric === 'functional_expenditure' ? token.unitEnd : null;
      // outside a project's report such an item's spending is no figure of the vocabulary
      if (unknownWordsThenSpending && ctx.projectScope === '' && sentenceProject === '' && !current?.metric.startsWith('budget_')) {
        current = currentBefore;
        continue;
      }
      scope = goesOnWithSubject
        ? subject.scope
        : hit.rule.scope && metric === 'budget_executed'
          ? hit.rule.scope
          : ctx.sectionScope(token.start, metric, start);
      clauseStart = clauseStartBefore(text, hit.start, start);
      const listStart = hit === enumerated && current ? (current.listStart ?? current.clauseStart) : undefined;
      if (metric !== 'execution_rate')
        current = { metric, scope, item, clauseStart, parts: inherit !== null, ...(listStart !== undefined ? { listStart } : {}) };
    } else if (current && canInherit) {
      ({ metric, scope, item, clauseStart } = current);
    } else {
      current = null;
      if (token.unit === '万元' || token.unit === '元') unnamedAmountEnd = token.unitEnd;
      continue;
    }

    let unit: MeasureUnit | null = batchesAsTimes ? '批次' : token.unit === 'other' ? null : token.unit;
    if (unit === null) {
      // "具体内容包括：1. 配合…": the number of a list item takes no declared unit
      const listNumber = /^\d{1,2}$/.test(token.written) && /^[.．、]\s*[^\d\s]/.test(scan.slice(token.end, token.end + 4));
      if (/[:：]\s*$/.test(left) && !listNumber && ctx.declaredUnit(token.start)) unit = ctx.declaredUnit(token.start);
      else if (metric === 'self_eval_score' && /得分\s*(?:为)?\s*$/.test(left)) unit = '分';
      else if (metric === 'execution_rate' && /率\s*(?:为)?\s*$/.test(left) && /^\d\.\d+$/.test(token.written)) unit = 'ratio';
      else continue;
    }
    if (unit === null) continue;
    metric = SIBLING_BY_UNIT[metric]?.[unit] ?? metric;
    if (sentenceProject && (metric === 'fiscal_appropriation_total' || metric === 'income_total' || metric === 'funds_allocated'))
      metric = 'budget_adjusted';
    if (sentenceProject && scope === '') scope = sentenceProject;
    if (unit === '个' && /^\s*(?:项目|个项目)/.test(scan.slice(token.unitEnd, token.unitEnd + 4))) metric = 'project_count';

    // what kind of statement: a change from last year, a share, a rate, or the amount itself
    // white space out: conversion and blanked pinyin split words ("同比增 加21500 元")
    const sentenceBefore = scan.slice(start, token.start).replace(/\s+/g, '');
    const afterLabel = (hit ? scan.slice(hit.end, token.start) : left).replace(/\s+/g, '');
    // a change: "较上年减少0.29万元", or a change word right before the number ("支出决算减少466,964.80元")
    // "较上年减少部门支出1,653万元": the change words may stand before the label too
    const changedBefore = hit
      ? /(?:较|比)[^,，。；;]{0,10}(?:减少|增加|下降|增长|降低|上升|节约)$/.exec(scan.slice(clauseStart, hit.start).replace(/\s+/g, ''))
      : null;
    const change = readChange((changedBefore?.[0] ?? '') + afterLabel, sentenceBefore, token.written);
    const isChange = change.isChange;
    let value = change.value;
    if (isChange) {
      scope = 'change_vs_prior';
    } else if (token.minus && metric === 'budget_adjustment') {
      value = `-${value}`;
    } else if (
      speaksOfPriorYear({
        afterLabel,
        beforeLabel: hit ? scan.slice(clauseStart, hit.start) : '',
        clause: scan.slice(clauseStart, token.start),
        year: ctx.year,
        sentenceAboutEarlierYear: aboutEarlierYear,
      })
    ) {
      scope = 'prior_year';
    }
    if (metric === 'budget_adjustment' && /调减|减少/.test(scan.slice(clauseStart, token.start)) && !value.startsWith('-'))
      value = `-${value}`;

    if (unit === '%' || unit === 'ratio') {
      const reading = percentReading(afterLabel, metric, isChange);
      if (reading === 'unread') continue;
      if (reading === 'execution_rate' && metric !== 'execution_rate') {
        item = METRICS[metric].label;
        metric = 'execution_rate';
      }
    }
    if (!fits(metric, unit)) continue;
    if (metric === 'self_eval_score' && /该指标|权重|分值/.test(scan.slice(start, token.start))) continue;

    let phase: Phase = ctx.defaultPhase;
    if (hit?.rule.phase) phase = hit.rule.phase;
    else {
      const beforeLabel = hit ? scan.slice(clauseStart, hit.start) : '';
      const budgetBefore = /预算安排|年初预算|预算数|预算总|调整后|全年预算/.exec(beforeLabel);
      // the label may carry the phase itself ("“三公”经费支出预算为…", "支出决算数")
      const labelText = hit ? scan.slice(hit.start, hit.end) : '';
      const words = hit
        ? (phaseFrom(labelText.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '') + afterLabel) ??
          (budgetBefore ? phaseFrom(budgetBefore[0]) : null))
        : phaseFrom(scan.slice(clauseFrom, token.start));
      // parts enumerated after 其中 share the phase of their total ("预算总支出1027.99万元，其中：工资福利支出…")
      const inherited = previousPhase && (!hit || /其中/.test(scan.slice(start, token.start))) ? previousPhase : null;
      if (words) phase = words;
      else if (inherited) phase = inherited;
    }
    if (metric.startsWith('budget_') && metric !== 'budget_adjustment' && metric !== 'budget_adjustment_rate' && !hit) {
      metric = budgetMetricOf(phase);
    }
    if (metric === 'execution_rate' && statesBound(scan.slice(clauseStart, token.start))) continue;
    if (/理论上|预计|可达到|假设/.test(scan.slice(clauseStart, token.start))) continue;
    // "预算2729.47万元(含援外医疗队公务用车购置及运行费1199.00万元)": what a figure includes, named like it (or only
    // by a phase word, or a part of it, not it; a part with a name of its own (含人员支出…) is read
    // by a phase word, or named after whose part it is: 含援外医疗队…) is a part of it, not it; a part named right
    // after 含 (含人员支出…) is read
    const includes = /[(（]\s*(?:含|包含|包括)\s*([^()（）]*)$/.exec(scan.slice(start, token.start));
    if (includes) {
      const parenAt = start + includes.index;
      // the label stands right after 含 or after the part before it ("含人员支出…、公用支出…")
      const namedRight = hit !== undefined && /(?:含|包含|包括|[、,;%\d元])\s*$/.test(scan.slice(parenAt, hit.start));
      const whole = out.filter((f) => f.start < parenAt).pop();
      if (!namedRight || metric.startsWith('budget_') || (whole && whole.metric === metric)) {
        current = currentBefore;
        continue;
      }
    }
    // "较年初预算数减少0.36万元" is the gap between actual and budget, not a figure of the vocabulary
    if (
      /(?:较|比)(?:年初)?预算(?:数)?(?:增加|减少|节约|超支|多|少)|与[^,，。;；]{0,14}预算(?:数)?相比/.test(
        scan.slice(clauseStart, token.start),
      )
    )
      continue;
    phase = phaseOfMetric(metric) ?? phase;

    if (current && hit && metric.startsWith('budget_')) current.metric = metric;
    if (current && metric !== 'execution_rate') current.phase = phase;
    const quote = text.slice(clauseStart, token.unitEnd).replace(/\s+$/, '');
    out.push({
      metric,
      phase,
      scope: scope === '' && ctx.projectScope ? ctx.projectScope : scope,
      item,
      value,
      unit,
      quote,
      start: clauseStart,
      reader: 'prose',
      ...why,
    });
  }
  return { figures: totalsSplitAfter(ctx, scan, out), current };
}

/** Index of the first token at or after `offset` (tokens are sorted by position). */
function firstTokenAt(tokens: readonly NumberToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Why a number was read as it was, and how sure the reading is: a label of its own clause is surest; a phase
 * word standing for the metric, or a part named only by its place in an enumeration, less so.
 */
function readingOf(hit: LabelHit, scan: string, enumerated: boolean, phaseOnly: boolean): { rule: string; confidence: number } {
  const label = scan.slice(hit.start, hit.end).replace(/\s+/g, '');
  if (enumerated) return { rule: `enumerated part «${label}»`, confidence: 0.6 };
  if (phaseOnly) return { rule: `phase word «${label}»`, confidence: 0.7 };
  return { rule: `label «${label}»`, confidence: 0.9 };
}

/**
 * "2015全年支出148.87万元，其中基本支出128.99万元，项目支出19.88万元": outside a self-evaluation, spending
 * named only by 支出 and split after 其中 into basic and project expenditure is the unit's expenditure total.
 */
function totalsSplitAfter(ctx: ExtractContext, scan: string, figures: DraftFigure[]): DraftFigure[] {
  // self-evaluations speak of budget execution: there 支出 stays the executed budget
  if (ctx.projectScope !== '' || ctx.kind === '部门整体支出绩效自评' || ctx.kind === '项目支出绩效自评') return figures;
  const split = figures.find((f) => (f.metric === 'basic_expenditure' || f.metric === 'project_expenditure') && f.scope === '');
  if (!split) return figures;
  return figures.map((f) =>
    f.metric === 'budget_executed' &&
    f.scope === '' &&
    f.start < split.start &&
    /其中/.test(scan.slice(f.start + f.quote.length, split.start + split.quote.length))
      ? { ...f, metric: 'expenditure_total', rule: `${f.rule ?? ''}; split into 基本支出/项目支出 after 其中` }
      : f,
  );
}

/**
 * The amount a sentence is about when it states an amount's budget: "基本支出全年预算总额82.00万元，其中：…". The
 * next sentence of the paragraph may go on to what was spent without naming the amount again ("实际支出80.10万元").
 */
interface Subject {
  metric: MetricKey;
  scope: string;
  phase: Phase;
}

/** The subject of a sentence's figures: its first, a part of the budget (BUDGETED_PARTS) stated as budgeted. */
function subjectOf(figures: readonly DraftFigure[]): Subject | null {
  const first = figures[0];
  if (!first || !BUDGETED_PARTS.has(first.metric) || (first.phase !== 'budget' && first.phase !== 'adjusted')) return null;
  if (first.scope === 'prior_year' || first.scope === 'change_vs_prior') return null;
  return { metric: first.metric, scope: first.scope, phase: first.phase };
}

/** What one sentence hands to the next: the metric a list goes on with, and the amount the paragraph is about. */
export interface SentenceState {
  current: Current | null;
  subject: Subject | null;
}
