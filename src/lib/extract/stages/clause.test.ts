import { describe, expect, it } from 'vitest';
import { clauseStartBefore, lineBreakInsideWords, onlyConnectors } from './clause';

describe('clauseStartBefore: where the clause holding a number starts', () => {
  it.each<[text: string, before: string, clause: string]>([
    ['本年支出合计200万元，其中基本支出150万元', '150', '其中基本支出'],
    ['公务接待费43.77万元、会议费34.10万元', '34.10', '会议费'],
    // a 、 between words joins them
    ['公务接待、会议费共34.10万元', '34.10', '公务接待、会议费共'],
    ['支出合计；  基本支出150万元', '150', '基本支出'],
    // a line break inside a phrase joins it, one before punctuation ends the clause
    ['公务接待\n费1.2万元', '1.2', '公务接待\n费'],
    ['合计:\n基本支出150万元', '150', '基本支出'],
    ['基本支出150万元', '150', '基本支出'],
  ])('«%s» before %s: «%s»', (text, before, clause) => {
    const pos = text.indexOf(before);
    expect(text.slice(clauseStartBefore(text, pos, 0), pos)).toBe(clause);
  });

  it('never goes before the floor', () => {
    const text = '上句。本句基本支出150万元';
    expect(clauseStartBefore(text, text.indexOf('150'), 3)).toBe(3);
  });
});

describe('lineBreakInsideWords', () => {
  it.each<[text: string, inside: boolean]>([
    ['公务\n接待', true],
    ['公务\n\n  接待', true],
    ['1,153.\n8', false],
    ['合计:\n基本', false],
    ['150\n万元', true],
  ])('%j: %s', (text, inside) => {
    expect(lineBreakInsideWords(text, text.indexOf('\n'))).toBe(inside);
  });
});

describe('onlyConnectors: nothing but connecting words between two numbers', () => {
  it.each<[words: string, only: boolean]>([
    ['，占', true],
    ['，较上年减少', true],
    ['万元，比2021年', true],
    ['（不包含陪同人员），共计支出', true],
    ['实     际', true],
    ['，公务接待费', false],
    ['其中基本支出', false],
    ['', true],
  ])('«%s»: %s', (words, only) => {
    expect(onlyConnectors(words)).toBe(only);
  });
});
