import { METRICS, type MeasureUnit, type MetricKey, type Phase } from '../../schemas/vocabulary';
import { BUDGETED_PARTS, INCOME_LIKE } from './lexicon';
import { clauseStartBefore, onlyConnectors } from './stages/clause';
import { continuesEnumeration, endsWithRespectively, enumeratedMetric, enumerationLabel } from './stages/enumeration';
import { labelsBefore, labelsIn, lastLabel, readingOf, type LabelHit } from './stages/label';
import { batchesWrittenAsTimes, fits, metricForUnit, unitOfBareNumber } from './stages/measure';
import { aboutFundOrScoring, afterCriterionName, comparesWithBudget, scoreOfCriterion, speculative } from './stages/no-figure';
import {
  breaksDownCount,
  includedPartIsRead,
  openInclusion,
  partInsideAmount,
  partNamedLikeWhole,
  partOfRate,
  splitOfUnnamedAmount,
  unknownItemBefore,
} from './stages/parts';
import { budgetMetricOf, phaseOfMetric, statedPhase } from './stages/phase';
import { metricInProjectSentence, projectNamedIn } from './stages/project';
import { opensWithEarlierYear } from './stages/scope';
import { readStatement } from './stages/statement';
import { percentReading, shareWordAt, statesBound } from './stages/share';
import type { NumberToken } from './tokens';
import type { DraftFigure, ExtractContext } from './types';

/*
 * The prose reader: a sentence's numbers, left to right. Each stage it calls does one job (stages/*.ts):
 * label → metric (label.ts, enumeration.ts), parts and wholes (parts.ts), unit of measure (measure.ts), a change
 * or the previous year (change.ts, scope.ts), shares and rates (share.ts), phase (phase.ts), and what is no
 * figure at all (no-figure.ts). The vocabulary they read is in lexicon.ts.
 */

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
  if (aboutFundOrScoring(sentence)) return { figures: out, current: null };
  const project = projectNamedIn(sentence);
  const sentenceProject = project ? text.slice(start + project.start, start + project.end) : '';
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
    const left = scan.slice(leftFrom, token.start);
    const batchesAsTimes = token.unit === 'other' && batchesWrittenAsTimes(scan.slice(token.end, token.unitEnd), left);
    if ((token.unit === 'other' && !batchesAsTimes) || afterCriterionName(left)) continue;

    if (token.unit === '个' && /^\s*(?:个)?项目/.test(scan.slice(token.unitEnd, token.unitEnd + 4))) {
      const counted = projectCount(ctx, token, start);
      out.push(counted);
      const clauseStart = counted.start;
      current = { metric: 'project_count', scope: '', item: '', clauseStart };
      continue;
    }
    const labelled = labelOfNumber(ctx, { start, leftFrom, token, left, current, out, pending });
    pending = labelled.pending;
    const { hit, phaseHit, enumerated, canInherit, clauseFrom } = labelled;

    let metric: MetricKey;
    let scope: string;
    let item: string;
    let clauseStart: number;
    let why = hit
      ? readingOf(hit, scan, hit === enumerated, hit === phaseHit)
      : { rule: `carried from «${current ? METRICS[current.metric].label : ''}»`, confidence: 0.75 };
    const previousPhase = current?.phase ?? null;
    if (hit) {
      const named = namedByLabel(ctx, {
        hit,
        phaseHit,
        enumerated,
        current,
        carried,
        read: out,
        start,
        token,
        unnamedAmountEnd,
        sentenceProject,
      });
      unnamedAmountEnd = named.unnamedAmountEnd;
      if (named.naming === null) continue;
      ({ metric, scope, item, clauseStart } = named.naming);
      if (named.why) why = named.why;
      if (metric !== 'execution_rate') current = named.naming;
    } else if (current && canInherit) {
      ({ metric, scope, item, clauseStart } = current);
    } else {
      current = null;
      if (token.unit === '万元' || token.unit === '元') unnamedAmountEnd = token.unitEnd;
      continue;
    }

    const read = figureOf(ctx, {
      token,
      left,
      written: batchesAsTimes ? '批次' : token.unit === 'other' ? null : token.unit,
      hit,
      metric,
      scope,
      item,
      clauseStart,
      clauseFrom,
      start,
      sentenceProject,
      aboutEarlierYear,
      previousPhase,
      read: out,
      why,
    });
    if (read === 'part') current = currentBefore;
    if (read === null || read === 'part') continue;
    if (current && hit && read.metric.startsWith('budget_')) current.metric = read.metric;
    if (current && read.metric !== 'execution_rate') current.phase = read.phase;
    out.push(read);
  }
  return { figures: totalsSplitAfter(ctx, scan, out), current };
}

/** "对7个项目编制了绩效目标", "共有2个项目": a count of projects, whatever the words before it. */
function projectCount(ctx: ExtractContext, token: NumberToken, sentenceStart: number): DraftFigure {
  const clauseStart = clauseStartBefore(ctx.text, token.start, sentenceStart);
  const quote = ctx.text.slice(clauseStart, token.unitEnd + 2).replace(/\s+$/, '');
  const why = { reader: 'prose', rule: 'a count of projects (x个项目)', confidence: 0.85 };
  return {
    metric: 'project_count',
    phase: 'actual',
    scope: '',
    item: '',
    value: token.written,
    unit: '个',
    quote,
    start: clauseStart,
    ...why,
  };
}

interface NumberReading {
  token: NumberToken;
  /** The words between the previous number and this one. */
  left: string;
  /** The unit written after the number (receptions written 次 are 批次), or null. */
  written: MeasureUnit | null;
  hit: LabelHit | undefined;
  metric: MetricKey;
  scope: string;
  item: string;
  clauseStart: number;
  clauseFrom: number;
  start: number;
  sentenceProject: string;
  aboutEarlierYear: boolean;
  previousPhase: Phase | null;
  /** The figures the sentence gave so far. */
  read: readonly DraftFigure[];
  why: { rule: string; confidence: number };
}

/**
 * The figure a named number states: its unit of measure, the kind of statement (change, previous year, share,
 * rate), its phase — or null where it is no figure of the vocabulary, and 'part' where it is a part inside a
 * (含…) remark (the sentence's metric stays the whole's).
 */
function figureOf(ctx: ExtractContext, n: NumberReading): DraftFigure | 'part' | null {
  const { scan, text } = ctx;
  const { token, left, hit, clauseStart, clauseFrom, start, sentenceProject } = n;
  let { metric, scope, item } = n;
  const unit =
    n.written ??
    unitOfBareNumber({
      written: token.written,
      wordsBefore: left,
      after: scan.slice(token.end, token.end + 4),
      metric,
      declared: ctx.declaredUnit(token.start),
    });
  if (unit === null) return null;
  metric = metricForUnit(metric, unit);
  if (sentenceProject) metric = metricInProjectSentence(metric);
  if (sentenceProject && scope === '') scope = sentenceProject;
  if (unit === '个' && /^\s*(?:项目|个项目)/.test(scan.slice(token.unitEnd, token.unitEnd + 4))) metric = 'project_count';

  // what kind of statement: a change from last year, a share, a rate, or the amount itself
  // white space out: conversion and blanked pinyin split words ("同比增 加21500 元")
  const sentenceBefore = scan.slice(start, token.start).replace(/\s+/g, '');
  const afterLabel = (hit ? scan.slice(hit.end, token.start) : left).replace(/\s+/g, '');
  const beforeLabel = hit ? scan.slice(clauseStart, hit.start) : '';
  const clause = scan.slice(clauseStart, token.start);
  const statement = readStatement({
    written: token.written,
    minus: token.minus,
    metric,
    scope,
    afterLabel,
    beforeLabel,
    clause,
    sentenceBefore,
    year: ctx.year,
    sentenceAboutEarlierYear: n.aboutEarlierYear,
  });
  scope = statement.scope;

  if (unit === '%' || unit === 'ratio') {
    const reading = percentReading(afterLabel, metric, statement.isChange);
    if (reading === 'unread') return null;
    if (reading === 'execution_rate' && metric !== 'execution_rate') {
      item = METRICS[metric].label;
      metric = 'execution_rate';
    }
  }
  if (metric === 'execution_rate' && item === '') item = partOfRate(n.read.filter((f) => f.start >= start).pop());
  if (!fits(metric, unit)) return null;
  if (metric === 'self_eval_score' && scoreOfCriterion(scan.slice(start, token.start))) return null;

  let phase = statedPhase({
    label: hit ? scan.slice(hit.start, hit.end) : null,
    labelPhase: hit?.rule.phase,
    afterLabel,
    beforeLabel,
    clause: scan.slice(clauseFrom, token.start),
    previousPhase: n.previousPhase,
    listsParts: /其中/.test(scan.slice(start, token.start)),
    defaultPhase: ctx.defaultPhase,
  });
  if (metric.startsWith('budget_') && metric !== 'budget_adjustment' && metric !== 'budget_adjustment_rate' && !hit) {
    metric = budgetMetricOf(phase);
  }
  if ((metric === 'execution_rate' && statesBound(clause)) || speculative(clause)) return null;
  const bracket = openInclusion(scan.slice(start, token.start));
  if (bracket !== null) {
    const parenAt = start + bracket;
    const whole = n.read.filter((f) => f.start < parenAt).pop();
    if (!includedPartIsRead(hit ? scan.slice(parenAt, hit.start) : null, metric, whole?.metric ?? null)) {
      return 'part';
    }
  }
  if (comparesWithBudget(clause)) return null;
  phase = phaseOfMetric(metric) ?? phase;

  const quote = text.slice(clauseStart, token.unitEnd).replace(/\s+$/, '');
  return {
    metric,
    phase,
    scope: scope === '' && ctx.projectScope ? ctx.projectScope : scope,
    item,
    value: statement.value,
    unit,
    quote,
    start: clauseStart,
    reader: 'prose',
    ...n.why,
  };
}

interface Naming {
  hit: LabelHit;
  phaseHit: LabelHit | undefined;
  enumerated: LabelHit | null;
  current: Current | null;
  carried: SentenceState | null;
  /** The figures the sentence gave so far. */
  read: readonly DraftFigure[];
  start: number;
  token: NumberToken;
  /** Where the last amount no label names ends, if one stands before. */
  unnamedAmountEnd: number | null;
  /** The project the sentence is about, or ''. */
  sentenceProject: string;
}

/**
 * What a label makes of a number: its metric, scope, item and clause (as the sentence's new current metric), or
 * null where the number is a part that is no figure (其中 / …中… / the split of an unnamed amount). Also where the
 * last amount no label names now ends, and why the number was read so when that differs from the label alone.
 */
function namedByLabel(
  ctx: ExtractContext,
  n: Naming,
): { naming: Current | null; unnamedAmountEnd: number | null; why: { rule: string; confidence: number } | null } {
  const { scan, text } = ctx;
  const { hit, current, start, token } = n;
  const inherit: MetricKey | null =
    hit.rule.inheritFrom &&
    current &&
    hit.rule.inheritFrom.includes(current.metric) &&
    breaksDownCount(current.parts === true, scan.slice(current.clauseStart, hit.start))
      ? current.metric
      : null;
  let metric = inherit ?? hit.rule.metric;
  const item = hit.item;
  // "基本支出全年预算总额82.00万元，其中：…。实际支出80.10万元": a sentence opening with what was spent speaks
  // of the amount the sentence before budgeted
  const subject = n.carried?.subject;
  const goesOnWithSubject =
    subject &&
    hit === n.phaseHit &&
    n.read.length === 0 &&
    hit.rule.phase === 'actual' &&
    subject.phase !== 'actual' &&
    /^(?:全年|本年度?|当年|(?:20\d\d)?年度?|\s)*$/.test(scan.slice(start, hit.start));
  let why: { rule: string; confidence: number } | null = null;
  if (goesOnWithSubject) {
    metric = subject.metric;
    const label = readingOf(hit, scan, false, true).rule;
    why = { rule: `${label} after «${METRICS[subject.metric].label}» budgeted in the sentence before`, confidence: 0.7 };
  }
  const skip = (unnamedAmountEnd: number | null) => ({ naming: null, unnamedAmountEnd, why });
  if (current !== null && partNamedLikeWhole(current.metric, metric, item, scan.slice(current.clauseStart, hit.start)))
    return skip(n.unnamedAmountEnd);
  if (partInsideAmount(scan.slice(hit.end, token.start))) return skip(n.unnamedAmountEnd);
  if (splitOfUnnamedAmount(metric, n.unnamedAmountEnd === null ? null : scan.slice(n.unnamedAmountEnd, hit.start)))
    return skip(n.unnamedAmountEnd);
  // an amount named by a functional class, or by words no label knows followed by 支出 ("…缴费支出 150384 元"), is
  // such an unnamed amount too; a named amount ("我单位年初预算数为…") ends it
  const unknownWordsThenSpending =
    hit.rule.kind === 'phase' && /^支出/.test(scan.slice(hit.start, hit.end)) && unknownItemBefore(scan.slice(start, hit.start));
  const unnamedAmountEnd = unknownWordsThenSpending || metric === 'functional_expenditure' ? token.unitEnd : null;
  // outside a project's report such an item's spending is no figure of the vocabulary
  if (unknownWordsThenSpending && ctx.projectScope === '' && n.sentenceProject === '' && !current?.metric.startsWith('budget_'))
    return skip(unnamedAmountEnd);
  const scope = goesOnWithSubject
    ? subject.scope
    : hit.rule.scope && metric === 'budget_executed'
      ? hit.rule.scope
      : ctx.sectionScope(token.start, metric, start);
  const clauseStart = clauseStartBefore(text, hit.start, start);
  const listStart = hit === n.enumerated && current ? (current.listStart ?? current.clauseStart) : undefined;
  const naming: Current = { metric, scope, item, clauseStart, parts: inherit !== null, ...(listStart !== undefined ? { listStart } : {}) };
  return { naming, unnamedAmountEnd, why };
}

interface LabelQuery {
  start: number;
  leftFrom: number;
  token: NumberToken;
  left: string;
  current: Current | null;
  out: readonly DraftFigure[];
  pending: LabelHit[];
}

/**
 * The label that names a number: the last label of its own clause, a part's name in an enumeration, the next
 * of the labels a "分别为" hands out, or a phase word where no quantity was named before. Undefined when the
 * number has none (it may keep the sentence's current metric, `canInherit`).
 */
function labelOfNumber(ctx: ExtractContext, q: LabelQuery) {
  const { scan, text } = ctx;
  const { start, leftFrom, token, left, current } = q;
  // "占本年支出合计的95.1%": what follows 占 is the denominator, not the label of the number
  const share = shareWordAt(left);
  const labelTo = share !== null ? leftFrom + share : token.start;
  // A label counts only inside the number's own clause, unless the clause holds nothing but connecting
  // words ("，占26%", "，较上年减少"): then the sentence's current metric carries on.
  const clauseFrom = Math.max(leftFrom, clauseStartBefore(text, token.start, start));
  const hits = labelsIn(scan, onlyConnectors(scan.slice(clauseFrom, labelTo)) ? leftFrom : clauseFrom, labelTo);
  // a part enumerated after 其中 / 包括 keeps the subject of its whole: the next part is enumerated as well
  const enumerated = enumerationLabel(
    scan,
    start,
    current ? (current.listStart ?? current.clauseStart) : start,
    clauseFrom,
    labelTo,
    hits,
    current ? enumeratedMetric(current.metric, q.out) : null,
  );
  if (enumerated) hits.push(enumerated);
  // a label that only follows certain metrics ("金额" after 购置公务用车) does not count elsewhere
  const usable = hits.filter((h) => !h.rule.after || (current !== null && h.rule.after.includes(current.metric)));
  // "基本支出和项目支出分别为150万元和50万元": the labels before 分别 go to the numbers in order
  const respectively = endsWithRespectively(left) ? labelsBefore(usable, leftFrom) : null;
  let pending = q.pending;
  if (respectively && respectively.length >= 2) pending = respectively.slice(1);
  const fromPending = !respectively && pending.length > 0 && onlyConnectors(scan.slice(leftFrom, labelTo)) ? pending[0] : undefined;
  if (fromPending) pending = pending.slice(1);
  const metricHit = respectively && respectively.length >= 2 ? respectively[0] : (fromPending ?? lastLabel(usable, 'metric'));
  const phaseHit = lastLabel(usable, 'phase');
  // a phase word names the budget itself only when no quantity was named before it in this sentence
  const canInherit = current !== null && onlyConnectors(scan.slice(leftFrom, labelTo));
  const phaseNames =
    !current || !canInherit || current.metric.startsWith('budget_') || (ctx.projectScope !== '' && INCOME_LIKE.has(current.metric));
  const hit: LabelHit | undefined = metricHit ?? (phaseHit && phaseNames ? phaseHit : undefined);
  return { hit, phaseHit, enumerated, canInherit, clauseFrom, labelTo, pending };
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
