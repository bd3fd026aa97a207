/**
 * Reading the report text around a figure: its line, its block (the lines between two blank lines),
 * whether it gives a reason, and where a phrase occurs. Offsets are those of the report text.
 */

/** Start and end (exclusive) of the line(s) that contain text[offset, offset + length). */
export function lineSpan(text: string, offset: number, length = 0): { start: number; end: number } {
  const from = Math.max(0, Math.min(offset, text.length));
  const to = Math.max(from, Math.min(offset + Math.max(0, length), text.length));
  const start = text.lastIndexOf('\n', from - 1) + 1;
  const next = text.indexOf('\n', to);
  return { start, end: next === -1 ? text.length : next };
}

/** Whether no blank line separates two offsets (they are in the same paragraph or table). */
export function sameBlock(text: string, a: number, b: number): boolean {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(text.length, Math.max(a, b));
  return !/\n[ \t\u3000]*\n/.test(text.slice(lo, hi));
}

/**
 * Words that introduce a reason. "因" alone counts, except in 因公 (因公出国) and 因此 / 因素, which are no
 * reason.
 */
const REASON = /原因|由于|因为|系因|(?<!原)因(?![公此素])|归因|得益于|受.{1,12}影响/;

/** Whether the line(s) of a passage state a reason (主要原因是 …, 由于 …, 因 …). */
export function givesReason(text: string, offset: number, length: number): boolean {
  const { start, end } = lineSpan(text, offset, length);
  return REASON.test(text.slice(start, end));
}

/** Every occurrence of a pattern (global flag added), with its offset and the matched text. */
export function occurrences(text: string, pattern: RegExp): { offset: number; match: string }[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const re = new RegExp(pattern.source, flags);
  const out: { offset: number; match: string }[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0] === '') continue;
    out.push({ offset: m.index, match: m[0] });
  }
  return out;
}

/** The sentence around an offset: from after the previous 。；！？ or line break to the next one (inclusive). */
export function sentenceAt(text: string, offset: number): { start: number; end: number } {
  const stops = /[。；！？\n]/;
  let start = Math.max(0, Math.min(offset, text.length));
  while (start > 0 && !stops.test(text[start - 1] ?? '')) start--;
  let end = Math.max(start, Math.min(offset, text.length));
  while (end < text.length && !stops.test(text[end] ?? '')) end++;
  return { start, end: Math.min(text.length, end + 1) };
}
