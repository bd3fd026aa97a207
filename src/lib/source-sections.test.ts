import { describe, expect, it } from 'vitest';
import { MAX_SECTION_LINES, MAX_TITLE_LENGTH, SPLIT_LONG_AFTER, quoteLocator, sourceSections } from './source-sections';

const body = (n: number, word = '正文') => Array.from({ length: n }, (_, k) => `${word}第${k + 1}句，说明情况。`);
/** Each section as "first-last title". */
const shape = (lines: string[]) => sourceSections(lines).map((s) => `${s.first}-${s.last} ${s.title}`);

describe('sourceSections', () => {
  it.each<[string, string[], string[]]>([
    ['no text', [], []],
    ['a text without headings is one section', ['第一句。', '第二句。'], ['1-2 第一句。']],
    [
      'numbered headings start sections; the title block before them is its own',
      ['某局2022年度部门决算', '第一部分 部门概况', '主要职能如下。', '一、部门职责', '负责医保。', '二、机构设置', '内设三个科室。'],
      ['1-1 某局2022年度部门决算', '2-3 第一部分 部门概况', '4-5 一、部门职责', '6-7 二、机构设置'],
    ],
    [
      'a table of contents (headings with no text between them) stays with the heading above it',
      ['目 录', '一、部门主要职能', '二、部门机构设置', '三、名词解释', '一、部门主要职能', '负责财政。', '二、部门机构设置', '内设科室。'],
      ['1-4 目 录', '5-6 一、部门主要职能', '7-8 二、部门机构设置'],
    ],
    [
      'a contents list with numbered items ends where the text starts',
      [
        '目 录',
        '一、职能',
        '二、预算表',
        '1. 收入预算总表',
        '2．2025年支出预算总表',
        '三、其他',
        '某局主要职能',
        '负责财政。',
        '二、预算表',
        '表。',
      ],
      ['1-6 目 录', '7-8 某局主要职能', '9-10 二、预算表'],
    ],
    ['a heading with a sub-heading under it is one section', ['第一部分 概况', '一、职责', '负责医保。'], ['1-3 第一部分 概况']],
    [
      'dotted contents lines are not headings',
      ['标题', '第一部分 部门概况.....\t1', '一、部门职责.....\t1', '第一部分 部门概况', '正文。'],
      ['1-3 标题', '4-5 第一部分 部门概况'],
    ],
    [
      'a numbered sentence is text, not a heading',
      ['一、部门职责', '说明。', '二、加强党的建设。落实基层党建责任制。', '三、统筹社区发展', '说明。'],
      ['1-3 一、部门职责', '4-5 三、统筹社区发展'],
    ],
    ['Markdown headings', ['# 报告', '正文。', '## 收入', '正文。'], ['1-2 # 报告', '3-4 ## 收入']],
    ['a list number with a decimal is not a heading', ['一、收入', '说明。', '一.5万元为结转', '说明。'], ['1-4 一、收入']],
  ])('%s', (_name, lines, expected) => {
    expect(shape(lines)).toEqual(expected);
  });

  it('splits a long section at a short line of its own, but not a short one', () => {
    const short = ['一、职能', ...body(5), '名词解释', ...body(5)];
    expect(shape(short)).toEqual(['1-12 一、职能']);
    const long = ['一、职能', ...body(SPLIT_LONG_AFTER), '名词解释', ...body(5), '合计'];
    expect(shape(long)).toEqual([`1-${SPLIT_LONG_AFTER + 1} 一、职能`, `${SPLIT_LONG_AFTER + 2}-${SPLIT_LONG_AFTER + 8} 名词解释`]);
  });

  it('never lets a section grow past the cap', () => {
    const lines = ['一、附表', ...Array.from({ length: 2 * MAX_SECTION_LINES + 10 }, (_, k) => `| ${k} | 1.5 |`)];
    const sections = sourceSections(lines);
    expect(sections.map((s) => s.last - s.first + 1)).toEqual([MAX_SECTION_LINES, MAX_SECTION_LINES, 11]);
    expect(sections[1]?.title).toBe(`| ${MAX_SECTION_LINES - 1} | 1.5 |`);
  });

  it('covers every line exactly once, in order, for texts of any shape', () => {
    const texts = [
      [...body(300), '一、收入', ...body(3)],
      ['', '', '一、收入', '', '二、支出', '', ''],
      ['一、收入', '二、支出', '三、结余'],
      Array.from({ length: 500 }, (_, k) => (k % 7 === 0 ? `${'一二三四五六七八九十'[k % 10]}、小标题` : k % 5 === 0 ? '' : `第${k}行。`)),
    ];
    for (const lines of texts) {
      const sections = sourceSections(lines);
      expect(sections[0]?.first).toBe(1);
      expect(sections.at(-1)?.last).toBe(lines.length);
      for (let k = 1; k < sections.length; k++) expect(sections[k]?.first).toBe((sections[k - 1]?.last ?? 0) + 1);
      for (const s of sections) expect(s.last).toBeGreaterThanOrEqual(s.first);
    }
  });

  it('titles a section by its first non-blank line, shortened', () => {
    const long = `一、${'很长的标题'.repeat(20)}`;
    expect(sourceSections(['', '  标题  ', '正文。'])[0]?.title).toBe('标题');
    expect(sourceSections(['', ''])[0]?.title).toBe('');
    expect(sourceSections([long])[0]?.title).toBe(`${long.slice(0, MAX_TITLE_LENGTH)}…`);
    const rare = '𠀀'.repeat(MAX_TITLE_LENGTH + 1);
    expect(sourceSections([rare])[0]?.title).toBe(`${'𠀀'.repeat(MAX_TITLE_LENGTH)}…`);
  });
});

describe('quoteLocator', () => {
  const text = '标题\n一、收入\n收入合计1,153.8万元，支出合计1,100万元。\n\n二、支出';
  const locate = quoteLocator(text);
  it.each<[string, number, string, { line: number; column: number } | null]>([
    ['at the start of the text', 0, '标题', { line: 1, column: 0 }],
    ['inside a line', text.indexOf('支出合计'), '支出合计1,100万元', { line: 3, column: 14 }],
    ['across lines', text.indexOf('一、收入'), '一、收入\n收入合计', { line: 2, column: 0 }],
    ['after a blank line', text.indexOf('二、支出'), '二、支出', { line: 5, column: 0 }],
    ['a quote that is not at its offset', 3, '支出合计', null],
    ['an empty quote', 0, '', null],
    ['an offset past the end', text.length + 5, '标题', null],
  ])('%s', (_name, offset, quote, expected) => {
    expect(locate(offset, quote)).toEqual(expected);
  });

  it('counts a leading line break as a line', () => {
    expect(quoteLocator('\n收入')(1, '收入')).toEqual({ line: 2, column: 0 });
  });
});
