import type { MetricKey, Phase } from '../../../schemas/vocabulary';
import { FUNCTIONAL_CLASSES, LABEL_RULES, type LabelRule } from '../lexicon';
import { budgetMetricOf, phaseFrom } from './phase';

/*
 * Label → metric: the labels (lexicon.ts) found in the words before a number, which of them names it, and what
 * a label standing alone (a cell, an operand) names.
 */

/** A label found in the text before a number. */
export interface LabelHit {
  rule: LabelRule;
  start: number;
  end: number;
  item: string;
}

const FUNCTIONAL = new RegExp(`(?:${FUNCTIONAL_CLASSES.join('|')})(?=\\s*(?:\\(类\\))?\\s*[\\d占为决支])`, 'g');
// A functional class path as 决算 reports print it: 卫生健康支出(类)医疗保障管理事务(款)行政运行(项)
const FUNCTIONAL_PATH = /([\u4e00-\u9fa5]+?)\s*\(类\)\s*([\u4e00-\u9fa5]+?)\s*\(款\)\s*([\u4e00-\u9fa5]+?)\s*\(项\)/g;

/** Labels in `scan[from, to)`, relative to the whole text. */
export function labelsIn(scan: string, from: number, to: number): LabelHit[] {
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
export function lastLabel(hits: readonly LabelHit[], kind: LabelRule['kind']): LabelHit | undefined {
  return hits
    .filter((h) => h.rule.kind === kind)
    .reduce<LabelHit | undefined>(
      (best, h) => (!best || h.end > best.end || (h.end === best.end && h.start < best.start) ? h : best),
      undefined,
    );
}

/** Metric labels in source order, each once (the ones a "分别为" hands out). */
export function labelsBefore(hits: readonly LabelHit[], from: number): LabelHit[] {
  const metric = hits.filter((h) => h.rule.kind === 'metric' && h.start >= from).sort((a, b) => a.start - b.start || b.end - a.end);
  // keep the longest of overlapping labels
  return metric.filter(
    (h, i) => !metric.some((o, j) => j !== i && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
}

/**
 * Why a number was read as it was, and how sure the reading is: a label of its own clause is surest; a phase
 * word standing for the metric, or a part named only by its place in an enumeration, less so.
 */
export function readingOf(hit: LabelHit, scan: string, enumerated: boolean, phaseOnly: boolean): { rule: string; confidence: number } {
  const label = scan.slice(hit.start, hit.end).replace(/\s+/g, '');
  if (enumerated) return { rule: `enumerated part «${label}»`, confidence: 0.6 };
  if (phaseOnly) return { rule: `phase word «${label}»`, confidence: 0.7 };
  return { rule: `label «${label}»`, confidence: 0.9 };
}

/** What a label standing alone names: a metric, the phase its words give, and whether it is the previous year's. */
export interface NamedMetric {
  metric: MetricKey;
  phase: Phase | null;
  priorYear: boolean;
}

/**
 * Words that may stand around a metric's label without changing what it names: the year (本年度, 上年度), phase
 * words (实际, 预算安排, 决算) and the words that make a label a quantity (支出数, 总额). Anything else — "重点"
 * in 重点项目支出 — names a narrower thing than the metric.
 */
const PLAIN_WORDS = /本年度?|上年度?|当年|全年|实际|执行|决算|预算|安排|支出|金额|总额|合计|数|[“”"'‘’\s]/g;

/**
 * The metric a label names when the label is all there is (a cell, an operand of a formula), or null when it
 * names none or something narrower. A label of phase words only (预算数, 实际支出数) names the budget at that phase.
 */
export function metricNamedBy(label: string): NamedMetric | null {
  const words = label.replace(/\s+/g, '');
  const priorYear = /上年|上一年/.test(words);
  let best: { metric: MetricKey; start: number; end: number; phase: Phase | undefined } | null = null;
  for (const rule of LABEL_RULES) {
    if (rule.after || rule.kind !== 'metric') continue;
    for (const m of words.matchAll(new RegExp(rule.pattern.source, 'g'))) {
      if (m[0].length === 0) continue;
      if (!best || m[0].length > best.end - best.start)
        best = { metric: rule.metric, start: m.index, end: m.index + m[0].length, phase: rule.phase };
    }
  }
  if (best === null) {
    const phase = words.replace(PLAIN_WORDS, '') === '' ? phaseFrom(words) : null;
    return phase === null ? null : { metric: budgetMetricOf(phase), phase, priorYear };
  }
  const rest = words.slice(0, best.start) + words.slice(best.end);
  if (rest.replace(PLAIN_WORDS, '') !== '') return null;
  return { metric: best.metric, phase: best.phase ?? phaseFrom(rest), priorYear };
}
