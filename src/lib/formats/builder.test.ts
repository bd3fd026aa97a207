import { describe, expect, it } from 'vitest';
import { blockColumns, cellText, declaredUnit, DocumentBuilder } from './builder';
import { locate } from './locate';

describe('blockColumns: side-by-side blocks of a table', () => {
  it.each<[what: string, rows: string[][], blocks: [number, number][]]>([
    [
      '收入 | 支出: 项目 repeats over a column of labels',
      [['项目', '决算数', '项目', '决算数'], ['一、财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'], ['', '', '二、外交支出', '']],
      [[0, 2], [2, 4]],
    ],
    [
      'a heading over two levels repeats by its lowest level',
      [['收入 项目', '收入 决算数', '支出 项目', '支出 合计', '支出 一般公共预算'], ['一、一般公共预算', '2,940.05', '一、一般公共服务支出', '2,106.66', '2,106.66']],
      [[0, 2], [2, 5]],
    ],
    [
      'blocks that start with a code column split before it',
      [['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'], ['301', '工资福利支出', '2,082.85', '302', '商品和服务支出', '171.07']],
      [[0, 3], [3, 6]],
    ],
    [
      'three blocks, the middle one headed differently (收入 | 功能分类 | 支出用途)',
      [
        ['收入 项目名称', '收入 金额', '功能分类 功能科目名称', '功能分类 金额', '支出 项目名称', '支出 金额'],
        ['一、财政拨款', '27,664.22', '一、一般公共服务支出', '22,395.50', '一、基本支出', '11,700.63'],
      ],
      [[0, 2], [2, 4], [4, 6]],
    ],
    ['预算数 | 决算数 repeated over amounts is one table', [['合计 预算数', '合计 决算数', '公务接待费 预算数', '公务接待费 决算数'], ['0.95', '', '0.95', '']], [[0, 4]]],
    ['a table without repeats is one block', [['项目', '年初预算数', '全年执行数'], ['项目支出', '10.00', '9.50']], [[0, 3]]],
  ])('%s', (_what, rows, blocks) => {
    expect(blockColumns(rows)).toEqual(blocks);
  });
});

describe('helpers', () => {
  it.each([
    ['单位：万元', '万元'],
    ['编制部门：上海市普陀区司法局 单位：元', '元'],
    ['单位:元', '元'],
    ['预算单位：上海市普陀区财政局', undefined],
  ])('declaredUnit(%s) = %s', (line, unit) => {
    expect(declaredUnit(line)).toBe(unit);
  });

  it('a cell is one line and never holds a pipe', () => {
    expect(cellText(' 一般公共\n预算 | 财政拨款 ')).toBe('一般公共 预算 ｜ 财政拨款');
  });
});

describe('DocumentBuilder', () => {
  function sample() {
    const b = new DocumentBuilder('pdf');
    b.line('第二部分 部门决算表', 1);
    b.line('收入支出决算总表', 2);
    b.line('单位：万元', 2);
    b.table({
      rows: [
        { cells: ['项目', '决算数', '项目', '决算数'], page: 2 },
        { cells: ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'], page: 2 },
        { cells: ['本年收入合计', '2,946.25', '本年支出合计', '2,940.05'], page: 3 },
      ],
    });
    b.line('注：本表无数据的行已省略。', 3);
    return b.build();
  }

  it('writes lines and pipe rows, one block after the other', () => {
    expect(sample().text).toBe(
      [
        '第二部分 部门决算表',
        '收入支出决算总表',
        '单位：万元',
        '| 项目 | 决算数 |',
        '| 一、一般公共预算财政拨款收入 | 2,940.05 |',
        '| 本年收入合计 | 2,946.25 |',
        '',
        '| 项目 | 决算数 |',
        '| 一、一般公共服务支出 | 2,106.66 |',
        '| 本年支出合计 | 2,940.05 |',
        '注：本表无数据的行已省略。',
        '',
      ].join('\n'),
    );
  });

  it('every cell, row and table points at its own text; each block is a table with the title and unit above', () => {
    const doc = sample();
    expect(doc.tables).toHaveLength(2);
    for (const table of doc.tables) {
      expect(table.title).toBe('收入支出决算总表');
      expect(table.unit).toBe('万元');
      expect(table.page).toBe(2);
      expect(doc.text.slice(table.start, table.end)).toBe(table.rows.map((r) => doc.text.slice(r.start, r.end)).join('\n'));
      for (const row of table.rows) for (const cell of row.cells) expect(doc.text.slice(cell.start, cell.end)).toBe(cell.text);
    }
    expect(doc.tables[1]?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '决算数'],
      ['一、一般公共服务支出', '2,106.66'],
      ['本年支出合计', '2,940.05'],
    ]);
  });

  it('maps every character to its page, a page recurring when a block runs back to it', () => {
    const doc = sample();
    expect(doc.pages?.map((p) => p.page)).toEqual([1, 2, 3, 2, 3]);
    expect(doc.pages?.[0]?.start).toBe(0);
    expect(doc.pages?.[doc.pages.length - 1]?.end).toBe(doc.text.length);
    doc.pages?.forEach((p, i) => expect(p.start).toBe(i === 0 ? 0 : doc.pages?.[i - 1]?.end));
  });

  it('no unit line, no title: the table says nothing about them; a sentence is not a title', () => {
    const b = new DocumentBuilder('html');
    b.line('下表列出各项支出。');
    b.table({ rows: [{ cells: ['项目', '金额'] }, { cells: ['办公费', '21.21'] }] });
    const doc = b.build();
    expect(doc.tables[0]?.title).toBeUndefined();
    expect(doc.tables[0]?.unit).toBeUndefined();
    expect(doc.pages).toBeUndefined();
  });
});

describe('locate', () => {
  const b = new DocumentBuilder('pdf');
  b.line('收入决算表', 4);
  b.line('单位：万元', 4);
  b.table({ rows: [{ cells: ['科目名称', '本年收入合计', '财政拨款收入'], page: 4 }, { cells: ['行政运行', '1,511.90', '1,511.89'], page: 5 }] });
  b.line('说明文字。', 5);
  const doc = b.build();
  const at = (needle: string) => doc.text.indexOf(needle);

  it.each<[needle: string, location: object]>([
    ['收入决算表', { page: 4 }],
    ['本年收入合计', { page: 4, table: 1, row: 1, column: 2 }],
    ['1,511.89', { page: 5, table: 1, row: 2, column: 3 }],
    ['说明文字', { page: 5 }],
  ])('%s', (needle, location) => {
    expect(locate(doc, at(needle))).toEqual(location);
  });

  it('the pipes between cells belong to the row but to no column', () => {
    const pipe = doc.text.indexOf(' | 1,511.90');
    expect(locate(doc, pipe)).toEqual({ page: 5, table: 1, row: 2 });
  });
});
