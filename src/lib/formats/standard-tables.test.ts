import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from './builder';
import { mergeTableFigures, readStandardTables } from './standard-tables';
import { recogniseTitle } from './standard/kinds';
import { readSangongRow } from './standard/sangong';
import type { DraftFigure } from '../extract';

/** A document of lines and tables, as a reader hands them to the builder ('|' rows are table rows). */
function doc(...parts: (string | string[][])[]) {
  const b = new DocumentBuilder('pdf');
  for (const part of parts) {
    if (typeof part === 'string') b.line(part, 1);
    else b.table({ rows: part.map((cells) => ({ cells, page: 1 })) });
  }
  return b.build();
}

type Brief = [metric: string, phase: string, scope: string, item: string, value: string, unit: string];
const brief = (d: ReturnType<typeof doc>): Brief[] =>
  readStandardTables(d).figures.map((f) => [f.metric, f.phase, f.scope, f.item, f.value, f.unit]);

describe('recogniseTitle: the standard tables by title, any region and year', () => {
  it.each<[title: string, kind: string | null, family: string | null]>([
    ['收入支出决算总表', 'summary', 'final'],
    ['2026年部门财务收支预算总表', 'summary', 'budget'],
    ['收支预算总表', 'summary', 'budget'],
    ['收入决算表', 'income', 'final'],
    ['2025年部门收入预算总表', 'income', 'budget'],
    ['支出决算表', 'expenditure', 'final'],
    ['支出预算总表', 'expenditure', 'budget'],
    ['财政拨款收入支出决算总表', 'fiscal-summary', 'final'],
    ['2026年部门财政拨款收支预算总表', 'fiscal-summary', 'budget'],
    ['一般公共预算财政拨款支出决算表', 'general-expenditure', 'final'],
    ['2026年部门一般公共预算支出功能分类预算表', 'general-expenditure', 'budget'],
    ['一般公共预算支出预算表（功能科目）', 'general-expenditure', 'budget'],
    ['一般公共预算财政拨款基本支出决算表', 'general-basic', 'final'],
    ['2026年部门一般公共预算基本支出部门预算经济分类预算表', 'general-basic', 'budget'],
    ['财政拨款“三公”经费支出决算表', 'sangong', 'final'],
    ['2026年部门“三公”经费和机关运行经费预算表', 'sangong', 'budget'],
    // a 上海 单位预算 names its tables 预算单位…
    ['2026年预算单位财务收支预算总表', 'summary', 'budget'],
    ['2024年预算单位收入预算总表', 'income', 'budget'],
    ['“三公”经费、会议费、培训费支出预算表', 'sangong', 'budget'],
    ['一般公共预算机关运行经费支出预算表', 'operation', 'budget'],
    ['政府性基金预算财政拨款收入支出决算表', 'government-fund', 'final'],
    ['国有资本经营预算财政拨款收入支出决算表', 'state-capital', 'final'],
    ['2019年政府采购预算表', 'procurement', 'budget'],
    // not standard tables: the 财政拨款 (all funds) functional table, a unit list, no title
    ['财政拨款支出预算表（功能科目）', null, null],
    ['部门决算单位构成表', null, null],
    ['项目支出绩效目标表', null, null],
  ])('%s → %s', (title, kind, family) => {
    const found = recogniseTitle(title);
    expect(found ? [found.kind, found.family] : [null, null]).toEqual([kind, family]);
  });
});

describe('readSangongRow: the 三公 columns by template order, proved by the row arithmetic', () => {
  it.each<[what: string, cells: string[], read: [string, number][] | null]>([
    [
      '上海 部门预算: 合计, 出国, 接待, 车 (小计, 购置, 运行), 机关运行经费',
      ['10.81', '0', '0.83', '9.98', '0', '9.98', '217.83'],
      [
        ['sangong_total', 0],
        ['sangong_abroad', 1],
        ['sangong_reception', 2],
        ['sangong_vehicle_total', 3],
        ['sangong_vehicle_purchase', 4],
        ['sangong_vehicle_operation', 5],
        ['operation_expenditure', 6],
      ],
    ],
    [
      '江苏: 合计 (with 会议费, 培训费), then the 三公 subtotal first',
      ['1,471.70', '508.20', '70.00', '411.20', '', '411.20', '27.00', '933.50', '30.00'],
      [
        ['sangong_total', 1],
        ['sangong_abroad', 2],
        ['sangong_vehicle_total', 3],
        ['sangong_vehicle_purchase', 4],
        ['sangong_vehicle_operation', 5],
        ['sangong_reception', 6],
      ],
    ],
    ['a row that does not add up in any layout', ['10.81', '0', '0.83', '9.00', '0', '9.98', '217.83'], null],
    ['a width no layout has', ['1.00', '1.00', '', ''], null],
    ['a cell that is not an amount', ['10.81', 'XX', '0.83', '9.98', '0', '9.98', '217.83'], null],
  ])('%s', (_what, cells, read) => {
    const found = readSangongRow(cells);
    expect(found ? found.filter((c) => c.pairIndex === 0).map((c) => [c.metric, c.column]) : null).toEqual(read);
  });

  it('a 决算 row: 预算数 and 决算数 side by side, each pair checked', () => {
    const cells = ['2.85', '0.39', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '2.85', '0.39'];
    expect(readSangongRow(cells)?.map((c) => [c.metric, c.column, c.pairIndex])).toContainEqual(['sangong_reception', 11, 1]);
    expect(readSangongRow(['2.85', '0.50', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '2.85', '0.39'])).toBeNull();
  });
});

describe('readStandardTables: figures from the cells of recognised tables', () => {
  it('a 收支总表 of two blocks: labels to metrics, the 决算 phase, the table unit', () => {
    const d = doc('收入支出决算总表', '单位：万元', [
      ['项目', '决算数', '项目', '决算数'],
      ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'],
      ['本年收入合计', '2,940.05', '本年支出合计', '2,900.00'],
      ['年初结转和结余', '10.00', '年末结转和结余', '50.05'],
      ['总计', '2,950.05', '总计', '2,950.05'],
    ]);
    expect(brief(d)).toEqual([
      ['income_general_budget', 'actual', '', '', '2,940.05', '万元'],
      ['income_total', 'actual', '', '', '2,940.05', '万元'],
      ['carryover_beginning', 'actual', '', '', '10.00', '万元'],
      ['grand_total', 'actual', '', '', '2,950.05', '万元'],
      ['expenditure_total', 'actual', '', '', '2,900.00', '万元'],
      ['grand_total', 'actual', '', '', '2,950.05', '万元'],
    ]);
  });

  it('a table without a 单位 line gives nothing (the unit would be a guess)', () => {
    const d = doc('收入支出决算总表', [
      ['项目', '决算数'],
      ['本年收入合计', '2,940.05'],
    ]);
    expect(brief(d)).toEqual([]);
  });

  it('a 决算 table whose header also names 预算数 mixes phases: nothing', () => {
    const d = doc('收入支出决算总表', '单位：万元', [
      ['项目', '年初预算数', '决算数'],
      ['本年收入合计', '2,000.00', '2,940.05'],
    ]);
    expect(brief(d)).toEqual([]);
  });

  it.each<[what: string, header: string[], basic: string, read: boolean]>([
    ['a header naming each column: read', ['本年支出合计', '基本支出', '项目支出'], '60.00', true],
    [
      'a header naming each column: read even when the row does not add up (the rules report it)',
      ['本年支出合计', '基本支出', '项目支出'],
      '70.00',
      true,
    ],
    [
      'a scrambled header (Word 2010 layout) and a row that adds up: the arithmetic proves the order',
      ['本年支出合计 基本支出', '基本支出', '基本支出 项目支出'],
      '60.00',
      true,
    ],
    [
      'a scrambled header and a row that does not add up: silence',
      ['本年支出合计 基本支出', '基本支出', '基本支出 项目支出'],
      '70.00',
      false,
    ],
  ])('支出表 合计 row: %s', (_what, header, basic, read) => {
    const d = doc('支出决算表', '单位：万元', [
      ['类', '款', '项', '科目名称', ...header],
      ['', '', '', '合计', '100.00', basic, '40.00'],
    ]);
    const expected: Brief[] = [
      ['expenditure_total', 'actual', '', '', '100.00', '万元'],
      ['basic_expenditure', 'actual', '', '', basic, '万元'],
      ['project_expenditure', 'actual', '', '', '40.00', '万元'],
    ];
    expect(brief(d)).toEqual(read ? expected : []);
  });

  it('一般公共预算 table: 类/款/项 codes in columns or in one cell become the class path of names', () => {
    const columns = doc('一般公共预算财政拨款支出决算表', '单位：万元', [
      ['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出'],
      ['208', '', '', '社会保障和就业支出', '30.00', '30.00', ''],
      ['208', '05', '', '行政事业单位养老支出', '30.00', '30.00', ''],
      ['208', '05', '01', '行政单位离退休', '30.00', '30.00', ''],
      ['', '', '', '合计', '30.00', '30.00', ''],
    ]);
    const oneCell = doc('一般公共预算支出预算表（功能科目）', '单位：元', [
      ['功能科目编码', '功能科目名称', '金额'],
      ['', '合计', '300'],
      ['208', '社会保障和就业支出', '300'],
      ['20805', '行政事业单位养老支出', '300'],
      ['', '机关事业单位', ''],
      ['2080505', '基本养老保险缴费支出', '300'],
    ]);
    const path = '社会保障和就业支出 / 行政事业单位养老支出';
    expect(brief(columns).filter(([, , scope]) => scope !== 'project')).toEqual([
      ['general_public_budget_expenditure', 'actual', '', '', '30.00', '万元'],
      ['general_public_budget_expenditure', 'actual', 'basic', '', '30.00', '万元'],
      ['functional_expenditure', 'actual', '', '社会保障和就业支出', '30.00', '万元'],
      ['functional_expenditure', 'actual', '', path, '30.00', '万元'],
      ['functional_expenditure', 'actual', '', `${path} / 行政单位离退休`, '30.00', '万元'],
    ]);
    expect(brief(oneCell)).toEqual([
      ['general_public_budget_expenditure', 'budget', '', '', '300', '元'],
      ['functional_expenditure', 'budget', '', '社会保障和就业支出', '300', '元'],
      ['functional_expenditure', 'budget', '', path, '300', '元'],
      ['functional_expenditure', 'budget', '', `${path} / 机关事业单位基本养老保险缴费支出`, '300', '元'],
    ]);
  });

  it('三公 of a 部门预算 in 万元 while its totals are in 元; a 决算 三公 by 预算数/决算数 column', () => {
    const budget = doc('2026年部门“三公”经费和机关运行经费预算表', '编制部门：某局 单位:万元', [
      ['合计', '因公出国(境)费', '公务接待费', '小计', '购置费', '运行费', '机关运行经费预算'],
      ['10.81', '0', '0.83', '9.98', '0', '9.98', '217.83'],
    ]);
    expect(brief(budget).map(([m, p, , , v, u]) => [m, p, v, u])).toEqual([
      ['sangong_total', 'budget', '10.81', '万元'],
      ['sangong_abroad', 'budget', '0', '万元'],
      ['sangong_reception', 'budget', '0.83', '万元'],
      ['sangong_vehicle_total', 'budget', '9.98', '万元'],
      ['sangong_vehicle_purchase', 'budget', '0', '万元'],
      ['sangong_vehicle_operation', 'budget', '9.98', '万元'],
      ['operation_expenditure', 'budget', '217.83', '万元'],
    ]);
    const final = doc('财政拨款“三公”经费支出决算表', '单位：万元', [
      [
        '合计 全年预算数',
        '合计 决算数',
        '出国 全年预算数',
        '出国 决算数',
        '小计 全年预算数',
        '小计 决算数',
        '购置 全年预算数',
        '购置 决算数',
        '运行 全年预算数',
        '运行 决算数',
        '接待 全年预算数',
        '接待 决算数',
      ],
      ['0.95', '0.50', '', '', '', '', '', '', '', '', '0.95', '0.50'],
    ]);
    expect(brief(final).map(([m, p, , , v]) => [m, p, v])).toEqual([
      ['sangong_total', 'adjusted', '0.95'],
      ['sangong_total', 'actual', '0.50'],
      ['sangong_reception', 'adjusted', '0.95'],
      ['sangong_reception', 'actual', '0.50'],
    ]);
  });

  it('a table continued on the next page without a title keeps the title of the table it continues', () => {
    const d = doc(
      '一般公共预算财政拨款支出决算表',
      '单位：万元',
      [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['208', '社会保障和就业支出', '90.00', '90.00', ''],
      ],
      '单位：万元',
      [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['20805', '行政事业单位养老支出', '90.00', '90.00', ''],
        ['', '合计', '90.00', '90.00', ''],
      ],
      '第三部分 说明',
      '单位：万元',
      [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['', '合计', '99.00', '99.00', ''],
      ],
    );
    expect(readStandardTables(d).tables.map((t) => t.kind)).toEqual(['general-expenditure', 'general-expenditure']);
    expect(brief(d).map(([m, , s, i, v]) => [m, s, i, v])).toEqual([
      ['functional_expenditure', '', '社会保障和就业支出', '90.00'],
      ['general_public_budget_expenditure', '', '', '90.00'],
      ['general_public_budget_expenditure', 'basic', '', '90.00'],
      ['functional_expenditure', '', '社会保障和就业支出 / 行政事业单位养老支出', '90.00'],
    ]);
  });

  it('a part continued on the next page without its own 单位 line keeps the unit of the part it continues', () => {
    const d = doc(
      '2024年部门一般公共预算支出功能分类预算表',
      '编制部门：某街道 单位：元',
      [
        ['类', '款', '项', '功能分类科目名称', '合计', '基本支出', '项目支出'],
        ['201', '', '', '一般公共服务支出', '300', '', '300'],
      ],
      [
        ['类', '款', '项', '功能分类科目名称', '合计', '基本支出', '项目支出'],
        ['201', '05', '', '统计信息事务', '300', '0', '300'],
      ],
    );
    expect(brief(d).map(([m, , , item, v, u]) => [m, item, v, u])).toEqual([
      ['functional_expenditure', '一般公共服务支出', '300', '元'],
      ['functional_expenditure', '一般公共服务支出 / 统计信息事务', '300', '元'],
    ]);
  });

  it.each<[what: string, cells: string[], read: boolean]>([
    ['合计 | 基本支出 | 项目支出', ['2,932,700', '0', '2,932,700'], true],
    [
      'one column split in two by the layout (a blank beside it): the 合计 is still the sum of the rest',
      ['2,932,700', '', '0', '2,932,700'],
      true,
    ],
    ['a first amount that is not the sum of the rest is no 合计 the arithmetic proves', ['2,932,700', '', '0', '2,932,000'], false],
  ])('a class row: %s', (_what, cells, read) => {
    const d = doc('2024年部门一般公共预算支出功能分类预算表', '单位：元', [
      ['类', '款', '项', '功能分类科目名称', '合计', '一般公共预算支出基本支出', '一般公共预算支出 项目支出', '项目支出'].slice(
        0,
        4 + cells.length,
      ),
      ['201', '', '', '一般公共服务支出', ...cells],
    ]);
    expect(readStandardTables(d).figures.map((f) => [f.metric, f.value, f.tableArithmetic === true])).toEqual(
      read ? [['functional_expenditure', '2,932,700', true]] : [],
    );
  });

  it('every quote is the row in the text and holds the value at the cited cell', () => {
    const d = doc('支出预算总表', '部门：某厅 单位：万元', [
      ['合计', '基本支出', '项目支出', '单位预留机动经费'],
      ['27,664.22', '11,700.63', '13,025.38', '2,938.21'],
    ]);
    const { figures } = readStandardTables(d);
    expect(figures.map((f) => [f.metric, f.value])).toEqual([
      ['expenditure_total', '27,664.22'],
      ['basic_expenditure', '11,700.63'],
      ['project_expenditure', '13,025.38'],
    ]);
    for (const f of figures) {
      expect(d.text.slice(f.start, f.start + f.quote.length)).toBe(f.quote);
      expect(d.text.slice(f.cell, f.cell + f.value.length)).toBe(f.value);
    }
  });
});

describe('mergeTableFigures', () => {
  it('drops text figures inside a recognised table, keeps those outside, in text order', () => {
    const d = doc('本年支出合计100.00万元。', '支出决算表', '单位：万元', [
      ['科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['合计', '100.00', '60.00', '40.00'],
    ]);
    const at = (needle: string, from = 0) => d.text.indexOf(needle, from);
    const text = (quote: string, start: number, value: string): DraftFigure => ({
      metric: 'expenditure_total',
      phase: 'actual',
      scope: '',
      item: '',
      value,
      unit: '万元',
      quote,
      start,
    });
    const prose = text('本年支出合计100.00', at('本年支出合计'), '100.00');
    const misread = text('| 合计 | 100.00 | 60.00', at('| 合计'), '60.00');
    const { figures, cells } = mergeTableFigures(d, [prose, misread]);
    expect(figures.map((f) => [f.metric, f.value])).toEqual([
      ['expenditure_total', '100.00'],
      ['expenditure_total', '100.00'],
      ['basic_expenditure', '60.00'],
      ['project_expenditure', '40.00'],
    ]);
    expect(figures[0]).toBe(prose);
    expect(figures.slice(1).map((f) => cells.get(f))).toEqual([at('100.00 |'), at('60.00'), at('40.00')]);
  });
});

describe('tableArithmetic: the figures their own table confirms', () => {
  const confirmed = (d: ReturnType<typeof doc>) =>
    readStandardTables(d).figures.map((f) => [f.metric, f.value, f.tableArithmetic === true] as const);

  it.each<[what: string, parts: string[][], expected: (readonly [string, string, boolean])[]]>([
    [
      'a balanced 总表 whose income parts add up: every total and 年初结转 (总计 = 本年收入合计 + 年初结转) confirmed, 支出 lines not',
      [
        ['项目', '决算数', '项目', '决算数'],
        ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'],
        ['本年收入合计', '2,940.05', '本年支出合计', '2,900.00'],
        ['年初结转和结余', '10.00', '年末结转和结余', '50.05'],
        ['总计', '2,950.05', '总计', '2,950.05'],
      ],
      [
        ['income_general_budget', '2,940.05', true],
        ['income_total', '2,940.05', true],
        ['carryover_beginning', '10.00', true],
        ['grand_total', '2,950.05', true],
        ['expenditure_total', '2,900.00', false],
        ['grand_total', '2,950.05', true],
      ],
    ],
    [
      'a 年初结转 that 总计 − 本年收入合计 does not give: not confirmed',
      [
        ['项目', '决算数', '项目', '决算数'],
        ['本年收入合计', '2,940.05', '本年支出合计', '2,900.00'],
        ['年初结转和结余', '9.00', '年末结转和结余', '50.05'],
        ['总计', '2,950.05', '总计', '2,950.05'],
      ],
      [
        ['income_total', '2,940.05', false],
        ['carryover_beginning', '9.00', false],
        ['grand_total', '2,950.05', true],
        ['expenditure_total', '2,900.00', false],
        ['grand_total', '2,950.05', true],
      ],
    ],
    [
      'a 总表 that does not balance and whose parts miss their total: nothing confirmed',
      [
        ['项目', '决算数', '项目', '决算数'],
        ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'],
        ['本年收入合计', '2,900.00', '本年支出合计', '2,900.00'],
        ['总计', '2,950.05', '总计', '2,950.06'],
      ],
      [
        ['income_general_budget', '2,940.05', false],
        ['income_total', '2,900.00', false],
        ['grand_total', '2,950.05', false],
        ['expenditure_total', '2,900.00', false],
        ['grand_total', '2,950.06', false],
      ],
    ],
  ])('%s', (_what, rows, expected) => {
    expect(confirmed(doc('收入支出决算总表', '单位：万元', rows))).toEqual(expected);
  });

  it.each<[what: string, parts: string[][], expected: (readonly [string, string, boolean])[]]>([
    [
      'a 部门预算 总表: 财政拨款收入 = its three funds, 收入总计 = 财政拨款收入 + the other incomes (blanks are zero)',
      [
        ['本年收入 项目', '本年收入 预算数'],
        ['一、财政拨款收入', '86,959,408.34'],
        ['1、一般公共预算', '86,959,408.34'],
        ['2、政府性基金预算', '0.00'],
        ['3、国有资本经营预算', ''],
        ['二、事业收入', '0.00'],
        ['四、其他收入', ''],
        ['收入总计', '86,959,408.34'],
      ],
      [
        ['fiscal_appropriation_total', '86,959,408.34', true],
        ['income_general_budget', '86,959,408.34', true],
        ['income_government_fund', '0.00', true],
        ['income_business', '0.00', true],
        ['grand_total', '86,959,408.34', true],
      ],
    ],
    [
      '江苏 收支预算总表: 一、财政拨款 = 1.一般公共预算',
      [
        ['项目名称', '金额', '功能科目名称', '金额'],
        ['一、财政拨款', '18,330.37', '一、一般公共服务支出', '13,907.78'],
        ['1.一般公共预算', '18,330.37', '二、外交支出', ''],
      ],
      [
        ['fiscal_appropriation_total', '18,330.37', true],
        ['income_general_budget', '18,330.37', true],
      ],
    ],
    [
      'a 部门预算 总表 whose funds miss 财政拨款收入 and whose incomes miss 收入总计: nothing confirmed',
      [
        ['本年收入 项目', '本年收入 预算数'],
        ['一、财政拨款收入', '86,959,408.34'],
        ['1. 一般公共预算资金', '86,959,400.00'],
        ['二、事业收入', '0.00'],
        ['收入总计', '86,959,400.00'],
      ],
      [
        ['fiscal_appropriation_total', '86,959,408.34', false],
        ['income_general_budget', '86,959,400.00', false],
        ['income_business', '0.00', false],
        ['grand_total', '86,959,400.00', false],
      ],
    ],
  ])('%s', (_what, rows, expected) => {
    expect(confirmed(doc('2026年预算单位财务收支预算总表', '编制单位：某局 单位：元', rows))).toEqual(expected);
  });

  it.each<[what: string, total: string, read: boolean]>([
    ['a 合计 row that adds up confirms its three cells', '100.00', true],
    ['a 合计 row the header names but that does not add up is read and confirms nothing', '99.00', false],
  ])('%s', (_what, total, holds) => {
    const d = doc('支出决算表', '单位：万元', [
      ['项目', '本年支出合计', '基本支出', '项目支出'],
      ['合计', total, '60.00', '40.00'],
    ]);
    expect(confirmed(d)).toEqual([
      ['expenditure_total', total, holds],
      ['basic_expenditure', '60.00', holds],
      ['project_expenditure', '40.00', holds],
    ]);
  });

  it('三公: the parts of a stated 合计 confirmed, the 机关运行经费 beside them not; a pair without a 合计 not', () => {
    const budget = doc('2026年部门“三公”经费和机关运行经费预算表', '单位:万元', [
      ['合计', '因公出国(境)费', '公务接待费', '小计', '购置费', '运行费', '机关运行经费预算'],
      ['10.81', '0', '0.83', '9.98', '0', '9.98', '217.83'],
    ]);
    expect(confirmed(budget).map(([m, , c]) => [m, c])).toEqual([
      ['sangong_total', true],
      ['sangong_abroad', true],
      ['sangong_reception', true],
      ['sangong_vehicle_total', true],
      ['sangong_vehicle_purchase', true],
      ['sangong_vehicle_operation', true],
      ['operation_expenditure', false],
    ]);
  });

  it('mergeTableFigures keeps the mark on the drafts it returns', () => {
    const d = doc('支出决算表', '单位：万元', [
      ['项目', '本年支出合计', '基本支出', '项目支出'],
      ['合计', '100.00', '60.00', '40.00'],
    ]);
    expect(mergeTableFigures(d, []).figures.map((f) => f.tableArithmetic)).toEqual([true, true, true]);
  });
});
