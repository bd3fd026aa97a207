import { describe, expect, it } from 'vitest';
import { givesReason, lineSpan, occurrences, sameBlock, sentenceAt } from './text';

const text = '第一行，较上年减少0.29万元，下降53.7%，主要原因是勤俭节约。\n因公出国（境）费减少30%。\n\n新段落：支出增加40%，因此加强管理。';

describe('reading the text around a figure', () => {
  it('finds the line of a passage', () => {
    const at = text.indexOf('下降53.7%');
    const { start, end } = lineSpan(text, at, 4);
    expect(text.slice(start, end)).toBe(text.split('\n')[0]);
  });

  it.each<[string, string, boolean]>([
    ['主要原因是 gives a reason', '下降53.7%', true],
    ['因公出国 is no reason', '减少30%', false],
    ['因此 is no reason', '增加40%', false],
  ])('%s', (_name, phrase, expected) => {
    expect(givesReason(text, text.indexOf(phrase), phrase.length)).toBe(expected);
  });

  it('tells whether two offsets are in the same block', () => {
    expect(sameBlock(text, 0, text.indexOf('因公出国'))).toBe(true);
    expect(sameBlock(text, 0, text.indexOf('新段落'))).toBe(false);
  });

  it('finds every occurrence and the sentence around one', () => {
    expect(occurrences(text, /减少/).map((o) => o.offset)).toEqual([text.indexOf('减少'), text.indexOf('减少30%')]);
    const s = sentenceAt(text, text.indexOf('支出增加'));
    expect(text.slice(s.start, s.end)).toBe('新段落：支出增加40%，因此加强管理。');
    expect(occurrences('', /x/)).toEqual([]);
  });
});
