import { describe, expect, it } from 'vitest';
import { announcedList, announcesParts, continuesEnumeration, endsWithRespectively, enumeratedName, namesComparison } from './enumeration';

describe('enumeratedName: the name of a part in a list', () => {
  it.each<[clauseWords: string, name: string | null]>([
    ['其中：上划资金', '上划资金'],
    ['其中其他医疗保障管理事务支出', '其他医疗保障管理事务'],
    ['一是线下请拨资金为', '线下请拨资金'],
    ['主要用于“健康扶贫”项目共计', '“健康扶贫”项目'],
    ['分别为', null],
    ['A', null],
    ['其中1.配合', null],
    ['设备购置（含软件）', '设备购置（含软件）'],
  ])('«%s»: %s', (clauseWords, name) => {
    expect(enumeratedName(clauseWords)).toBe(name);
  });
});

describe('announcedList: what a list announced earlier enumerates', () => {
  it.each<[sentenceBefore: string, list: 'functional' | 'project' | null]>([
    ['按功能科目分类，', 'functional'],
    ['按项目名称分类，', 'project'],
    ['项目名称：', 'project'],
    ['按功能科目分类，其中按项目', 'project'],
    ['按项目分类，再按功能科目分', 'functional'],
    ['本年支出合计200万元，', null],
  ])('«%s»: %s', (sentenceBefore, list) => {
    expect(announcedList(sentenceBefore)).toBe(list);
  });
});

describe('list words', () => {
  it.each<[sentence: string, continues: boolean]>([
    ['其中：A 2.7万元', true],
    ['  主要用于A', true],
    ['具体内容包括', true],
    ['本年支出', false],
  ])('continuesEnumeration «%s»: %s', (sentence, continues) => {
    expect(continuesEnumeration(sentence)).toBe(continues);
  });
  it.each<[wordsBefore: string, respectively: boolean]>([
    ['基本支出和项目支出分别为', true],
    ['分别是 ', true],
    ['分别', true],
    ['分别用于', false],
  ])('endsWithRespectively «%s»: %s', (wordsBefore, respectively) => {
    expect(endsWithRespectively(wordsBefore)).toBe(respectively);
  });
  it.each<[words: string, parts: boolean]>([
    ['支出共701.23万元，其中上划', true],
    ['主要用于', true],
    ['包括', true],
    ['支出共701.23万元', false],
  ])('announcesParts «%s»: %s', (words, parts) => {
    expect(announcesParts(words)).toBe(parts);
  });
  it.each<[name: string, comparison: boolean]>([
    ['占比', true],
    ['较上年', true],
    ['减少', true],
    ['上划资金', false],
  ])('namesComparison «%s»: %s', (name, comparison) => {
    expect(namesComparison(name)).toBe(comparison);
  });
});
