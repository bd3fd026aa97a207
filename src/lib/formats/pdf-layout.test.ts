import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage, type PositionedText } from './pdf-layout';

/** A run as pdf.js gives it: CJK characters one font height wide, digits and ASCII half of that. */
function run(text: string, x: number, y: number, height = 12): PositionedText {
  const ems = [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.5), 0);
  return { text, x, y, width: ems * height, height };
}
/** A right-aligned amount ending at `right`. */
function amount(text: string, right: number, y: number): PositionedText {
  const r = run(text, 0, y);
  return { ...r, x: right - r.width };
}
const tables = (items: PositionedText[]) => layoutPage(items).filter((b) => b.kind === 'table').map((b) => (b.kind === 'table' ? b.rows : []));
const lines = (items: PositionedText[]) => layoutPage(items).filter((b) => b.kind === 'line').map((b) => (b.kind === 'line' ? b.text : ''));

describe('lines from runs', () => {
  it.each<[what: string, items: PositionedText[], expected: string[]]>([
    ['"7." and "74" with no gap are one number', [run('支出决算为', 100, 100), run('7.', 160, 100), run('74', 166, 100), run('万元。', 178, 100)], ['支出决算为7.74万元。']],
    ['runs a little apart are one line with a space', [run('第一部分', 100, 100), run('概况', 154, 100)], ['第一部分 概况']],
    ['lines come top to bottom, runs left to right', [run('第二行。', 100, 130), run('右', 160, 100), run('左', 100, 100.5)], ['左 右', '第二行。']],
    ['page numbers at the foot and head of a page are dropped', [run('- 3 -', 290, 20), run('正文。', 100, 100), run('3', 300, 800)], ['正文。']],
    ['dot leaders of a table of contents are dropped', [run('一、收入支出决算总表', 100, 100), run('……………………', 230, 100), run('6', 400, 100)], ['一、收入支出决算总表 6']],
  ])('%s', (_what, items, expected) => {
    expect(lines(items)).toEqual(expected);
  });
});

describe('tables rebuilt from positions', () => {
  // 收入 | 支出: the two blocks of a 收支总表, the 支出 block longer than the 收入 block
  const twoBlock = [
    run('收入支出决算总表', 200, 60, 16),
    run('单位：万元', 480, 90, 11),
    run('项目', 120, 120), run('决算数', 250, 120), run('项目', 380, 120), run('决算数', 500, 120),
    run('一、一般公共预算财政拨款收入', 40, 140), amount('2,940.05', 295, 140), run('一、一般公共服务支出', 320, 140), amount('2,106.66', 537, 140),
    run('二、上级补助收入', 40, 160), run('二、外交支出', 320, 160),
    run('三、其他收入', 40, 180), amount('6.20', 295, 180), run('三、社会保障和就业支出', 320, 180), amount('326.71', 537, 180),
    run('四、卫生健康支出', 320, 200), amount('60.99', 537, 200),
    run('本年收入合计', 90, 220), amount('2,946.25', 295, 220), run('本年支出合计', 360, 220), amount('2,940.05', 537, 220),
  ];

  it('a two-block 总表: one column per block position, empty cells kept, title and 单位 lines above', () => {
    const blocks = layoutPage(twoBlock);
    expect(blocks.slice(0, 2)).toEqual([{ kind: 'line', text: '收入支出决算总表' }, { kind: 'line', text: '单位：万元' }]);
    expect(tables(twoBlock)).toEqual([
      [
        ['项目', '决算数', '项目', '决算数'],
        ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'],
        ['二、上级补助收入', '', '二、外交支出', ''],
        ['三、其他收入', '6.20', '三、社会保障和就业支出', '326.71'],
        ['', '', '四、卫生健康支出', '60.99'],
        ['本年收入合计', '2,946.25', '本年支出合计', '2,940.05'],
      ],
    ]);
  });

  it('a label wrapped over two lines with its amount centred between them is one row', () => {
    const items = [
      run('类', 40, 100), run('款', 80, 100), run('项', 120, 100), run('科目名称', 160, 100), run('决算数', 330, 100),
      run('208', 40, 130), run('05', 80, 130), run('01', 120, 130), run('行政单位离退休', 160, 130), amount('84.65', 370, 130),
      run('机关事业单位基本养老保险', 160, 152), run('208', 40, 160), run('05', 80, 160), run('05', 120, 160), amount('160.75', 370, 160), run('缴费支出', 160, 168),
      run('208', 40, 190), run('05', 80, 190), run('99', 120, 190), run('其他行政事业单位养老支出', 160, 190), amount('0.94', 370, 190),
    ];
    expect(tables(items)).toEqual([
      [
        ['类', '款', '项', '科目名称', '决算数'],
        ['208', '05', '01', '行政单位离退休', '84.65'],
        ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75'],
        ['208', '05', '99', '其他行政事业单位养老支出', '0.94'],
      ],
    ]);
  });

  it('an amount set a little above its label line, and 类/款/项 set on the first row, land in the right cells', () => {
    const items = [
      run('科目编码', 40, 80), run('科目名称', 160, 80), run('合计', 300, 80), run('基本支出', 380, 80),
      run('类', 40, 102), run('款', 80, 102), amount('2,336.91', 430, 102),
      run('合计', 180, 109), amount('2,940.05', 340, 109),
      run('201', 40, 135), run('一般公共服务支出', 160, 135), amount('2,106.66', 340, 135), amount('1,503.52', 430, 128),
    ];
    expect(tables(items)).toEqual([
      [
        ['科目编码 类', '科目编码 款', '科目名称', '合计', '基本支出'],
        ['', '', '合计', '2,940.05', '2,336.91'],
        ['201', '', '一般公共服务支出', '2,106.66', '1,503.52'],
      ],
    ]);
  });

  it('a label that fills its cell and wraps to a line of its own continues its row', () => {
    const items = [
      run('项目', 60, 100), run('决算数', 240, 100),
      run('一、一般公共预算财政拨款', 40, 120), amount('21.63', 300, 120),
      run('二、政府性基金预算财政拨', 40, 137),
      run('款', 40, 153),
      run('三、其他收入', 40, 170), amount('0.00', 300, 170),
    ];
    expect(tables(items)).toEqual([
      [
        ['项目', '决算数'],
        ['一、一般公共预算财政拨款', '21.63'],
        ['二、政府性基金预算财政拨款', ''],
        ['三、其他收入', '0.00'],
      ],
    ]);
  });

  it('headings over several columns (a three-level header) go to every column under them', () => {
    const items = [
      run('“三公”经费', 169, 60),
      run('合计', 81, 80), run('公务接待费', 285, 80),
      run('预算数', 32, 100), run('决算数', 98, 100), run('预算数', 264, 100), run('决算数', 330, 100),
      amount('0.95', 73, 124), amount('0.95', 305, 124),
    ];
    const heading = (cell: string) => `“三公”经费 ${cell}`;
    expect(tables(items)[0]?.[0]).toEqual(['合计 预算数', '合计 决算数', '公务接待费 预算数', '公务接待费 决算数'].map(heading));
    expect(tables(items)[0]?.[1]).toEqual(['0.95', '', '0.95', '']);
  });

  it('headings centred in their cells head the right-aligned amounts beside them; a heading with no amount under it is an empty column', () => {
    const items = [
      run('合计', 105, 80), run('因公出国(境)费', 179, 80), run('公务接待费', 300, 80), run('会议费', 400, 80),
      amount('10.81', 165, 110), amount('0', 266, 110), amount('0.83', 368, 110),
      amount('9.50', 165, 130), amount('1.20', 266, 130), amount('0.80', 368, 130),
    ];
    expect(tables(items)).toEqual([
      [
        ['合计', '因公出国(境)费', '公务接待费', '会议费'],
        ['10.81', '0', '0.83', ''],
        ['9.50', '1.20', '0.80', ''],
      ],
    ]);
  });

  it('an amount and the next cell (an amount, a label) pdf.js put into one run are split', () => {
    const items = [
      run('项目', 100, 100), run('预算数', 330, 100), run('项目', 480, 100), run('预算数', 690, 100),
      run('一、财政拨款收入', 60, 120), run('96,282,213.44 一、公共安全支出', 340, 120), amount('87,267,272.44', 776, 120),
      run('二、事业收入', 60, 140), run('0.00 二、教育支出', 388, 140), amount('0.00', 776, 140),
    ];
    expect(tables(items)[0]?.slice(1)).toEqual([
      ['一、财政拨款收入', '96,282,213.44', '一、公共安全支出', '87,267,272.44'],
      ['二、事业收入', '0.00', '二、教育支出', '0.00'],
    ]);
    const twoAmounts = [
      run('科目名称', 60, 100), run('合计', 200, 100), run('财政拨款收入', 260, 100),
      run('行政运行', 40, 120), run('12,029,501.84 12,029,501.84', 178, 120),
      run('事业运行', 40, 140), amount('3,807,295.58', 256, 140), amount('3,807,295.58', 342, 140),
    ];
    expect(tables(twoAmounts)[0]?.slice(1)).toEqual([
      ['行政运行', '12,029,501.84', '12,029,501.84'],
      ['事业运行', '3,807,295.58', '3,807,295.58'],
    ]);
    // in running text an amount keeps its unit, and a year its words
    expect(lines([run('支出决算为 449.52 万元，2024 年度持平。', 40, 300)])).toEqual(['支出决算为 449.52 万元，2024 年度持平。']);
    expect(lines([run('（项）支出 371.92 万', 40, 300)])).toEqual(['（项）支出 371.92 万']);
  });
});

describe('a table that runs on over the next page', () => {
  const page1 = [
    run('支出决算表', 200, 40, 16),
    run('科目名称', 60, 80), run('决算数', 300, 80),
    run('一般公共服务支出', 40, 100), amount('2,106.66', 340, 100),
    run('社会保障和就业支出', 40, 120), amount('326.72', 340, 120),
  ];
  const page2 = [run('卫生健康支出', 40, 50), amount('60.99', 340, 50), run('住房保障支出', 40, 70), amount('445.69', 340, 70), run('注：本表金额单位为万元，保留两位小数。', 40, 110)];

  it('stays one table, each row with its own page, and the note after it is a line', () => {
    expect(layoutDocument([page1, page2])).toEqual([
      { kind: 'line', text: '支出决算表', page: 1 },
      {
        kind: 'table',
        rows: [
          { cells: ['科目名称', '决算数'], page: 1 },
          { cells: ['一般公共服务支出', '2,106.66'], page: 1 },
          { cells: ['社会保障和就业支出', '326.72'], page: 1 },
          { cells: ['卫生健康支出', '60.99'], page: 2 },
          { cells: ['住房保障支出', '445.69'], page: 2 },
        ],
      },
      { kind: 'line', text: '注：本表金额单位为万元，保留两位小数。', page: 2 },
    ]);
  });

  it('does not run on when the next page starts with text of its own', () => {
    const heading = run('第三部分 上海市普陀区财政局2024年度部门决算情况说明', 40, 50, 16);
    const blocks = layoutDocument([page1, [heading, ...page2.map((r) => ({ ...r, y: r.y + 40 }))]]);
    expect(blocks.filter((b) => b.kind === 'table')).toHaveLength(2);
  });
});
