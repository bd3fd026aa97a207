import { CONNECTOR_WORDS } from '../lexicon';

/**
 * Clauses of a sentence: the stretch a label names its number in. A clause ends at a comma, a 、, a
 * semicolon or a full stop, or a line break, except where conversion broke a phrase across lines.
 */
const CLAUSE_BREAK = /[，,、；;。！？!?\n]/;

/** A line break (or a run of blank lines) that conversion put inside a phrase: words on both sides. */
export function lineBreakInsideWords(text: string, i: number): boolean {
  let before = i - 1;
  while (before >= 0 && /\s/.test(text[before] ?? '')) before--;
  let after = i + 1;
  while (after < text.length && /\s/.test(text[after] ?? '')) after++;
  return /[\u4e00-\u9fa5\d]/.test(text[before] ?? '') && /[\u4e00-\u9fa5\d]/.test(text[after] ?? '');
}

/**
 * Where the clause holding `pos` starts, not before `floor` (the sentence start). A 、 between words
 * ("公务接待、会议") joins them; after a number or unit ("43.77万元、") it separates the parts of a list.
 */
export function clauseStartBefore(text: string, pos: number, floor: number): number {
  for (let i = pos - 1; i >= floor; i--) {
    const ch = text[i] ?? '';
    const joinsWords =
      (ch === '\n' && lineBreakInsideWords(text, i)) || (ch === '、' && !/[\d%％元辆人次个批分)）台套]/.test(text[i - 1] ?? ''));
    if (CLAUSE_BREAK.test(ch) && !joinsWords) {
      let s = i + 1;
      while (s < pos && /\s/.test(text[s] ?? '')) s++;
      return s;
    }
  }
  return floor;
}

/** Whether nothing but connecting words stands between two positions (so a number keeps the metric before it). */
export function onlyConnectors(text: string): boolean {
  // a remark in brackets ("25人次（不包含陪同人员），共计支出0.25万元") does not change the subject
  // white space first: the blanked pinyin of a mirror site splits words ("实     际")
  return (
    text
      .replace(/\s+/g, '')
      .replace(/[(（][^()（）]{0,30}[)）]/g, '')
      .replace(CONNECTOR_WORDS, '')
      .replace(/[\p{P}\p{S}\s\d.]/gu, '') === ''
  );
}
