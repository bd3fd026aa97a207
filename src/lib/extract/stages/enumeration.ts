import { METRICS, type MetricKey } from '../../../schemas/vocabulary';
import { SIBLING_BY_UNIT, WHOLES } from '../lexicon';
import type { DraftFigure } from '../types';
import type { LabelHit } from './label';

/**
 * Enumerations in prose: "其中：A x万元，B y万元", "主要用于…", "按功能科目分类…" lists and "A和B分别为x和y".
 * The parts of such a list are often named by words no label knows; these helpers read the words only, the
 * prose reader decides which metric a part belongs to.
 */

/** Whether a sentence opens by going on with the previous one's list ("…服务支出7.22万元。主要用于A 2.7万元"). */
export function continuesEnumeration(sentence: string): boolean {
  return /^\s*(?:其中|主要用于|包括|具体)/.test(sentence);
}

/** Whether the words before a number end in 分别(为|是): the labels before it go to the numbers in order. */
export function endsWithRespectively(wordsBefore: string): boolean {
  return /分别(?:为|是)?\s*$/.test(wordsBefore);
}

/** Whether words announce the parts of an amount (其中, 主要用于, 包括). */
export function announcesParts(words: string): boolean {
  return /其中|主要用于|包括/.test(words);
}

/** Whether a part's name is rather a comparison or a share ("占…", "较上年减少"), which names no part. */
export function namesComparison(name: string): boolean {
  return /^(?:占|比|较|减少|增加|下降|增长|降低|上升|节约)/.test(name);
}

/**
 * The name of an enumerated part: the clause's words before its number, without the list words in front
 * (其中, 分别为, 一是 …) and the verbs after (为, 支出, 共计 …). Null when what is left is no name: too short or
 * long, or holding digits or punctuation other than quotes and brackets.
 */
export function enumeratedName(clauseWords: string): string | null {
  const name = clauseWords
    .replace(/^(?:[\s:：]|其中|分别为|分别是|包括|主要有|主要用于|用于|一是|二是|三是)+/, '')
    .replace(/(?:为|是|支出了?|共计|合计|[\s:：])+$/, '');
  if (!/^[\u4e00-\u9fa5“”"（）()+A-Za-z]{2,40}$/.test(name) || !/[\u4e00-\u9fa5]{2}/.test(name)) return null;
  return name;
}

/**
 * What a list announced earlier in the sentence enumerates: functional classes ("按功能科目分类"), projects
 * ("按项目名称分类", "项目名称"), whichever the sentence named last, or null when it announced neither.
 */
export function announcedList(sentenceBefore: string): 'functional' | 'project' | null {
  const functional = sentenceBefore.lastIndexOf('功能');
  const project = Math.max(sentenceBefore.lastIndexOf('按项目'), sentenceBefore.lastIndexOf('项目名称'));
  if (functional < 0 && project < 0) return null;
  return functional > project ? 'functional' : 'project';
}

/**
 * In an enumeration announced as "按功能科目分类" or "按项目名称分类", an unknown label before a number is
 * a functional class or a project: "其中其他医疗保障管理事务支出48万元".
 */
export function enumerationLabel(
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
export function enumeratedMetric(current: MetricKey, read: readonly DraftFigure[]): MetricKey {
  const last = read.at(-1)?.metric;
  const siblings: readonly MetricKey[] = Object.values(SIBLING_BY_UNIT[current] ?? {});
  return last !== undefined && siblings.includes(last) ? last : current;
}
