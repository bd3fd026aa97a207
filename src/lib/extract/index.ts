import type { MeasureUnit, MetricKey, Phase } from '../../schemas/vocabulary';
import { containsPersonalData, findPrivateNames } from '../privacy';
import { checkQuoteStates } from '../quote';
import { detectKind, detectUnit, detectYear, isBudgetReport } from './header';
import { formulaFigures } from './stages/formula';
import { onlyStatedTotals } from './stages/only-total';
import { figuresInSentence, type SentenceState } from './prose';
import { lineReaders, readBlocks } from './readers';
import { rateFormulas } from './readers/formula';
import type { Span } from './readers/one-cell-per-line';
import { asWrittenIn, findTokens, headerCopy, scanCopy } from './tokens';
import type { DraftFigure, ExtractContext, Extraction } from './types';

export type { DraftFigure, Extraction } from './types';

/** A line that starts a new item: headings and list markers end the paragraph before them. */
const ITEM_START = /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+部分|[#*-]+\s|指标[一二三四五六七八九十\d]+|项目\d+[:：])/;
// 。ends a sentence; ；only a clause: "…持平；较上年减少0.29万元" still speaks of the same metric
const SENTENCE_END = /[。！？!?]/;
/** Metrics that break 基本支出 / 项目支出 down: inside such a passage they take its scope. */
const BREAKDOWN: ReadonlySet<MetricKey> = new Set(['salary_welfare', 'goods_services', 'individual_household_subsidy', 'capital_expenditure', 'functional_expenditure']);

/** Longest quote the extractor trusts (characters). */
const MAX_QUOTE = 160;

function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}

/** The last element of a list sorted by `key` whose key is at most `limit` (binary search). */
function lastAtOrBefore<T>(sorted: readonly T[], limit: number, key: (item: T) => number): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = sorted[mid] as T;
    if (key(item) <= limit) {
      found = item;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Reads the figures a budget disclosure states, each with the exact text that states it. */
export function extractReport(text: string): Extraction {
  const scan = scanCopy(text);
  const header = headerCopy(text);
  const detected = detectUnit(header);
  const unit = detected === null ? null : asWrittenIn(text, detected);
  const year = detectYear(header);
  const kind = detectKind(header);
  if (!isBudgetReport(scan)) return { unit, year, kind, figures: [] };

  const unitNotes = [...scan.matchAll(/单位\s*[:：]\s*(万元|元)|[(（]\s*(万元|元)\s*[)）]/g)].map((m) => ({ at: m.index, unit: (m[1] ?? m[2]) as MeasureUnit }));
  const projectName = kind === '项目支出绩效自评' ? (/项目名称\s*[:：]\s*[|\t ]*([^\s|\t，。]{2,40})/.exec(scan)?.[1] ?? '') : '';
  const defaultPhase: Phase = kind === '部门预算' ? 'budget' : 'actual';
  const ctx: ExtractContext = {
    text,
    scan,
    kind,
    year,
    defaultPhase,
    projectScope: projectName ? text.slice(scan.indexOf(projectName), scan.indexOf(projectName) + projectName.length) : '',
    sectionScope: (offset, metric, sentenceStart) => {
      if (!BREAKDOWN.has(metric)) return '';
      // the passage that announces the breakdown: this paragraph ("基本支出部分，工资福利支出…")
      const window = scan.slice(Math.max(0, paragraphStart(sentenceStart), offset - 400), offset);
      const basic = window.lastIndexOf('基本支出');
      const project = window.lastIndexOf('项目支出');
      if (basic < 0 && project < 0) return '';
      return basic > project ? 'basic' : 'project';
    },
    declaredUnit: (offset) => {
      const note = lastAtOrBefore(unitNotes, offset - 1, (n) => n.at);
      return note && offset - note.at < 3000 ? note.unit : null;
    },
  };

  const tokens = findTokens(scan, text);
  const paragraphStarts: number[] = [];
  // paragraphs are flushed in text order, so the list is sorted: the last start at or before offset
  const paragraphStart = (offset: number) => lastAtOrBefore(paragraphStarts, offset, (p) => p) ?? 0;
  const lines = lineSpans(text);
  const figures: DraftFigure[] = [];
  const blocks = readBlocks(ctx, lines);
  figures.push(...blocks.figures);
  const readers = lineReaders(ctx);

  // Walk the lines: a line in a layout a reader knows goes to it (readers/index.ts); the others are joined
  // into paragraphs of prose.
  let paragraph: Span | null = null;
  let blankAfter = false;
  const flush = () => {
    if (!paragraph) return;
    paragraphStarts.push(paragraph.start);
    let sentenceStart = paragraph.start;
    let state: SentenceState | null = null;
    for (let i = paragraph.start; i <= paragraph.end; i++) {
      if (i === paragraph.end || SENTENCE_END.test(scan[i] ?? '')) {
        const read = figuresInSentence(ctx, sentenceStart, i, tokens, state);
        figures.push(...read.figures);
        state = read.state;
        sentenceStart = i + 1;
      }
    }
    paragraph = null;
  };
  lines.forEach((line, index) => {
    if (blocks.consumed.has(index)) {
      flush();
      return;
    }
    const content = scan.slice(line.start, line.end);
    for (const reader of readers) {
      const read = reader.read({ ...line, content });
      if (read) {
        flush();
        figures.push(...read);
        return;
      }
    }
    if (content.trim() === '') {
      // a blank line inside a sentence ("国内公务接⏎⏎待2批次") does not end it: decide at the next line
      if (paragraph) blankAfter = true;
      return;
    }
    if (blankAfter && paragraph) {
      const last = scan.slice(paragraph.start, paragraph.end).split('\n').pop()?.trim() ?? '';
      if (last.length < 18 || /[。：:！？；;!?]\s*$/.test(last) || ITEM_START.test(content)) flush();
    }
    blankAfter = false;
    for (const reader of readers) reader.observe?.({ ...line, content });
    const startsItem = ITEM_START.test(content);
    // a line broken by conversion continues the paragraph; a short line (a heading, a "label：value" line) does not
    const previous = paragraph ? scan.slice(paragraph.start, paragraph.end).split('\n').pop()?.trim() ?? '' : '';
    const headingBefore = ITEM_START.test(previous) && previous.length < 40 && !/\d\s*(?:万元|元|%)/.test(previous);
    if (headingBefore) flush();
    // a line ending in "其中：" goes on in the next one; another colon ends a "label：value" line
    const continues = !/[:：。]\s*$/.test(previous) || /其中\s*[:：]\s*$/.test(previous);
    if (paragraph && !startsItem && previous.length >= 18 && continues) paragraph.end = line.end;
    else {
      flush();
      paragraph = { start: line.start, end: line.end };
    }
  });
  flush();
  figures.push(...scoreTotals(ctx));
  // after the other readers: a formula's bare amounts take their unit from amounts stated elsewhere
  figures.push(...formulaFigures(ctx, rateFormulas(scan), figures));
  figures.push(...onlyStatedTotals(figures));

  // one figure per statement; none whose quote would republish personal data (a private name counts
  // wherever it appears, not only after its label)
  const seen = new Set<string>();
  const privateNames = findPrivateNames(text);
  return {
    unit,
    year,
    kind,
    figures: figures
      .filter((f) => {
        const key = `${f.metric}|${f.value}|${f.unit}|${f.start}|${f.quote}`;
        if (seen.has(key) || containsPersonalData(f.quote, privateNames)) return false;
        seen.add(key);
        // quotes are slices of the text by construction, so they are verbatim; a very long one means the
        // reader lost the sentence's structure (cells run together on a mirror site): leave it out
        return f.quote.trim() !== '' && f.quote.length <= MAX_QUOTE && checkQuoteStates(f.quote, f.value, f.unit).ok;
      })
      .sort((a, b) => a.start - b.start),
  };
}

/** Totals of scoring tables flattened one cell per line: "合计⏎100⏎94.72" (full marks, then the score). */
function scoreTotals(ctx: ExtractContext): DraftFigure[] {
  const out: DraftFigure[] = [];
  for (const m of ctx.scan.matchAll(/(?:^|\n)[ \t]*((?:合\s*计|总\s*分|得\s*分)[ \t]*\n(?:[ \t]*\n)*[ \t]*100[ \t]*\n(?:[ \t]*\n)*[ \t]*(\d{1,3}(?:\.\d+)?))[ \t]*(?=\n|$)/g)) {
    const quote = m[1] ?? '';
    const start = m.index + m[0].indexOf(quote);
    const value = m[2] ?? '';
    out.push({ metric: 'self_eval_score', phase: 'actual', scope: ctx.projectScope, item: '', value, unit: '分', quote: ctx.text.slice(start, start + quote.length), start, reader: 'one cell per line', rule: 'scoring total: 合计/总分 ⏎ 100 ⏎ score', confidence: 0.85 });
  }
  return out;
}
