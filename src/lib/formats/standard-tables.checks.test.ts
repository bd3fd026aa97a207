import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks';
import { makeInput } from '../checks/fixtures';
import type { DraftFigure } from '../extract';
import { extractReport } from '../extract';
import { DocumentBuilder } from './builder';
import { readDocument } from '.';
import { mergeTableFigures, readStandardTables } from './standard-tables';

/**
 * The 数据核查 rules run on the figures of the standard tables like on any other: the 总表 balances (收入 总计 =
 * 支出 总计, one quantity stated twice), the functional classes add up to their 合计, and a table figure
 * holds the prose of the 说明 to the same value.
 */
const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const realdocs = join(projectRoot, '..', 'shared', 'realdocs');
const seeded = join(realdocs, 'shanghai', 'sh-putuo-czj-2024-final-SEEDED-ERRORS.pdf');
const realdocsMissing = !existsSync(seeded);
if (realdocsMissing)
  console.warn(`formats/standard-tables checks: ${realdocs} not found (a clone without ../shared): the seeded-errors test is skipped`);

function tableDoc(title: string, rows: string[][]) {
  const b = new DocumentBuilder('pdf');
  b.line(title, 1);
  b.line('单位：万元', 1);
  b.table({ rows: rows.map((cells) => ({ cells, page: 1 })) });
  return b.build();
}

function findings(figures: readonly DraftFigure[]) {
  const input = makeInput(
    figures.map((f) => ({ metric: f.metric, value: f.value, unit: f.unit, phase: f.phase, scope: f.scope, item: f.item, quote: f.quote })),
  );
  return checkReport(input.report, input.figures, []).filter((f) => f.rule !== 'fiscal-year');
}

describe('table arithmetic through the rule book', () => {
  it.each<[what: string, incomeTotal: string, rules: string[]]>([
    ['a 收支总表 that balances: no finding', '2,950.05', []],
    ['收入 总计 ≠ 支出 总计: the one quantity stated twice disagrees', '2,960.05', ['same-quantity']],
  ])('%s', (_what, incomeTotal, rules) => {
    const doc = tableDoc('收入支出决算总表', [
      ['项目', '决算数', '项目', '决算数'],
      ['本年收入合计', '2,940.05', '本年支出合计', '2,900.00'],
      ['年初结转和结余', '10.00', '年末结转和结余', '50.05'],
      ['总计', incomeTotal, '总计', '2,950.05'],
    ]);
    expect(findings(readStandardTables(doc).figures).map((f) => f.rule)).toEqual(rules);
  });

  it.each<[what: string, basic: string, rules: string[]]>([
    ['合计 = 基本支出 + 项目支出: no finding', '60.00', []],
    ['a 合计 row whose parts do not add up', '70.00', ['sum-expenditure']],
  ])('支出表: %s', (_what, basic, rules) => {
    const doc = tableDoc('支出决算表', [
      ['科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['合计', '100.00', basic, '40.00'],
    ]);
    expect(findings(readStandardTables(doc).figures).map((f) => f.rule)).toEqual(rules);
  });

  it.each<[what: string, healthClass: string, rules: string[]]>([
    ['classes that add up to the 合计: no finding', '60.00', []],
    ['a 类 that breaks the 合计', '70.00', ['sum-functional']],
  ])('%s', (_what, healthClass, rules) => {
    const doc = tableDoc('一般公共预算财政拨款支出决算表', [
      ['功能分类科目编码', '科目名称', '合计'],
      ['', '合计', '100.00'],
      ['208', '社会保障和就业支出', '40.00'],
      ['20805', '行政事业单位养老支出', '40.00'],
      ['210', '卫生健康支出', healthClass],
    ]);
    expect(findings(readStandardTables(doc).figures).map((f) => f.rule)).toEqual(rules);
  });
});

describe.skipIf(realdocsMissing)('the seeded-errors copy of the 财政局 2024 决算', () => {
  it('holds the 说明’s 收支总计 of 0 万元 against the 收支总表’s 2,995.39', async () => {
    const read = await readDocument(seeded, 'seeded.pdf');
    if (!read.ok) throw new Error(read.error);
    const { figures } = mergeTableFigures(read.doc, extractReport(read.doc.text).figures);
    const conflicts = findings(figures).filter((f) => f.rule === 'same-quantity' && f.message.includes('2,995.39'));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.message).toContain('0 万元');
  });
});
