/**
 * A report's full text cut into sections a reader can open one at a time (the report page shows each as a
 * collapsed <details>), and where a quote sits in it (so the page can mark exactly the quoted characters).
 *
 * Report texts come from PDF and Word conversion: headings are numbered ("第一部分", "一、", "# "), or a short
 * line of their own, and the same headings also appear as a table of contents. Sections start at a numbered
 * heading; a table of contents (headings with no text between them) stays one section until a heading it
 * listed comes again or its text starts; an unnumbered short line only splits a section that is already long;
 * and no section grows past a cap, so that opening one never shows the whole report.
 */
import { lineLocator } from './views';

/** One section: the lines `first`…`last` (1-based, inclusive) and the title shown while it is closed. */
export interface SourceSection {
  /** The section's first non-blank line, trimmed and shortened (empty when the section has only blank lines). */
  title: string;
  first: number;
  last: number;
}

/** A numbered heading: 第一部分, 一、 / 十二． (Chinese numerals), Markdown #, or the contents' own 目录. */
const NUMBERED_HEADING = /^\s*(?:目\s*录\s*$|#{1,4}\s+\S|第[一二三四五六七八九十百]+部分|[一二三四五六七八九十]{1,3}\s*[、．.](?!\d))/;
/** A short numbered item ("1. 2025年部门收入预算总表"): in a contents list it is neither text nor a section of its own. */
const LIST_ITEM = /^\s*\d{1,2}\s*[.．、]\s*(?:\D|(?:19|20)\d\d年)/;
/** A line of a table of contents: dotted leaders, or a page number after a tab. */
const CONTENTS_LINE = /\.{4,}|…{2,}|·{4,}|\t\s*\d+\s*$/;
/** A sentence or a cell, not a heading: sentence or clause punctuation, or a table's pipes. */
const NOT_A_HEADING = /[。；;，,：:|]/;
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Longest heading: a numbered sentence ("一、加强党的建设。落实…") is text, not a heading. */
export const MAX_HEADING_LENGTH = 40;
/** A contents list (this many numbered headings before any text) ends where the text starts. */
export const CONTENTS_MIN_HEADINGS = 3;
/** An unnumbered short line ("名词解释") starts a section only when the current one has this many lines. */
export const SPLIT_LONG_AFTER = 40;
/** No section holds more lines than this: a long run without headings continues in the next section. */
export const MAX_SECTION_LINES = 120;
/** Longest title shown on a closed section. */
export const MAX_TITLE_LENGTH = 50;

function isHeadingShaped(line: string, numbering: RegExp): boolean {
  const text = line.trim();
  return text.length <= MAX_HEADING_LENGTH && numbering.test(text) && !CONTENTS_LINE.test(line) && !/[。；;]/.test(text);
}

/** A line standing alone like a title: short, Chinese, no sentence punctuation, not a table cell or a number. */
function isShortTitleLine(line: string): boolean {
  const text = line.trim();
  return text.length >= 2 && text.length <= 20 && HAS_CHINESE.test(text) && !NOT_A_HEADING.test(text) && !CONTENTS_LINE.test(line);
}

function titleOf(lines: readonly string[], first: number, last: number): string {
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? '').trim();
    // by code point: a cut never splits a character outside the BMP
    const chars = [...text];
    if (chars.length > 0) return chars.length > MAX_TITLE_LENGTH ? `${chars.slice(0, MAX_TITLE_LENGTH).join('')}…` : text;
  }
  return '';
}

/** The sections of a text given as its lines; together they cover every line once, in order. */
export function sourceSections(lines: readonly string[]): SourceSection[] {
  const starts: number[] = [];
  let start = 1;
  // whether the current section has a line that is not a heading: until it does, headings are its contents list
  let hasBody = false;
  // the headings a contents list has named: the same heading again is the section itself
  const listed = new Set<string>();
  for (let n = 1; n <= lines.length; n++) {
    const line = lines[n - 1] ?? '';
    const length = n - start;
    const numbered = isHeadingShaped(line, NUMBERED_HEADING);
    const isBody = !numbered && line.trim() !== '' && !isHeadingShaped(line, LIST_ITEM);
    const startsSection =
      n > 1 &&
      (length >= MAX_SECTION_LINES ||
        (numbered && (hasBody || listed.has(line.trim()))) ||
        (isBody && !hasBody && listed.size >= CONTENTS_MIN_HEADINGS) ||
        (hasBody && length >= SPLIT_LONG_AFTER && isShortTitleLine(line)));
    if (startsSection) {
      starts.push(start);
      start = n;
      hasBody = false;
      listed.clear();
    }
    if (numbered) listed.add(line.trim());
    if (isBody) hasBody = true;
  }
  if (lines.length > 0) starts.push(start);
  return starts.map((first, k) => {
    const last = (starts[k + 1] ?? lines.length + 1) - 1;
    return { title: titleOf(lines, first, last), first, last };
  });
}

/** Where a quote starts: its line (1-based) and column (0-based, in UTF-16 code units as the page's DOM counts). */
export interface QuotePosition {
  line: number;
  column: number;
}

/**
 * For one text, the line and column of a quote at an offset, or null when the text there is not the quote (a
 * quote that no longer matches is better shown by its line alone than highlighted wrong).
 */
export function quoteLocator(text: string): (offset: number, quote: string) => QuotePosition | null {
  const lineOf = lineLocator(text);
  return (offset, quote) => {
    if (quote === '' || offset < 0 || text.slice(offset, offset + quote.length) !== quote) return null;
    const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    return { line: lineOf(offset), column: offset - lineStart };
  };
}
