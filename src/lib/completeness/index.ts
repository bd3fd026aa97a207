/**
 * Disclosure completeness: which required parts a report's text contains, where, and a score.
 *
 * Method (also on the methodology page and in the README): each requirement of the report's kind counts
 * once; it is present when its pattern occurs in the text (a heading, a table title or the required
 * statement); the score is present ÷ required, as a percentage rounded to 0.1. Every requirement weighs the
 * same. Kinds without a checklist (部门预算, 三公经费说明) get none and no score.
 */
import type { ReportWithText } from '../../schemas/report';
import type { Completeness, CompletenessItem } from '../../schemas/completeness';
import type { ReportKind } from '../../schemas/vocabulary';
import { formatExcerpt } from '../format';
import { percentOf } from '../rates';
import { lineLocator } from '../views';
import { FINAL_ACCOUNTS, SELF_EVALUATION, type Requirement } from './requirements';

export { FINAL_ACCOUNTS, SELF_EVALUATION } from './requirements';

export function checklistOf(kind: ReportKind): { name: Completeness['checklist']; requirements: readonly Requirement[] } {
  if (kind === '部门决算') return { name: 'final-accounts', requirements: FINAL_ACCOUNTS };
  if (kind === '部门整体支出绩效自评' || kind === '项目支出绩效自评') return { name: 'self-eval', requirements: SELF_EVALUATION };
  return { name: 'none', requirements: [] };
}

/** Characters dropped before matching: white space, quotation marks, emphasis and brackets. */
const DROPPED = /[\s“”"‘’'*（）()【】]/;

/** The text without the dropped characters, and for each kept character its offset in the original. */
export function squash(text: string): { squashed: string; origin: number[] } {
  let squashed = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (DROPPED.test(ch)) continue;
    squashed += ch;
    origin.push(i);
  }
  return { squashed, origin };
}

/** A line of a table of contents: dotted leaders ("一、收入决算表.....38"). */
const TOC_LINE = /\.{4,}|…{2,}|·{4,}/;
/** A heading: numbered (一、 （一） 1. 第一部分), marked up (#), or a short line of its own. */
const HEADING = /^\s*(#+|[-*]\s|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])|^\s*\S.{0,18}$/;

function find(text: string, squashed: string, origin: readonly number[], req: Requirement): number | null {
  const lineAt = (offset: number) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const end = text.indexOf('\n', offset);
    return text.slice(start, end === -1 ? text.length : end);
  };
  for (const pattern of req.patterns) {
    const re = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    // a heading of the report's own text first, then a passage of it, then a table of contents entry
    let inBody: number | null = null;
    let inContents: number | null = null;
    for (const m of squashed.matchAll(re)) {
      const window = squashed.slice(m.index, m.index + m[0].length + (req.window ?? 0));
      if (!(req.near ?? []).every((n) => n.test(window))) continue;
      const offset = origin[m.index] ?? 0;
      const line = lineAt(offset);
      if (TOC_LINE.test(line)) inContents ??= offset;
      else if (HEADING.test(line)) return offset;
      else inBody ??= offset;
    }
    if (inBody !== null) return inBody;
    if (inContents !== null) return inContents;
  }
  return null;
}

export function checkCompleteness(report: Pick<ReportWithText, 'id' | 'kind' | 'text'>): Completeness {
  const text = typeof report.text === 'string' ? report.text : '';
  const { name, requirements } = checklistOf(report.kind);
  const { squashed, origin } = squash(text);
  const lineOf = lineLocator(text);
  const items: CompletenessItem[] = requirements.map((req) => {
    const offset = find(text, squashed, origin, req);
    if (offset === null) return { key: req.key, group: req.group, label: req.label, present: false, offset: null, line: null, excerpt: '' };
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = text.indexOf('\n', offset);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).trim();
    return { key: req.key, group: req.group, label: req.label, present: true, offset, line: lineOf(offset), excerpt: formatExcerpt(line) };
  });
  const present = items.filter((i) => i.present).length;
  return {
    id: report.id,
    report_id: report.id,
    checklist: name,
    items,
    present,
    expected: items.length,
    score: items.length === 0 ? '' : (percentOf(BigInt(present), BigInt(items.length), 1) ?? ''),
  };
}
