import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdf } from './pdf';
import { extractReport } from '../extract';
import { mergeTableFigures, readStandardTables, type TableFigure } from './standard-tables';
import type { ReadDocument } from './types';

/**
 * The standard tables of real published PDFs (../shared/realdocs, read in place; skipped with the reason when
 * absent), against the values a person reads off each PDF's tables (checked against the report's own 说明
 * text where it repeats them). Every figure the reader gives for one of these quantities must be the value
 * written here: a second, different reading of the same quantity fails the test.
 */
const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const realdocs = join(projectRoot, '..', 'shared', 'realdocs');
const realdocsMissing = !existsSync(join(realdocs, 'shanghai', 'sh-putuo-czj-2024-final.pdf'));
if (realdocsMissing)
  console.warn(`formats/standard-tables: ${realdocs} not found (a clone without ../shared): the real-PDF tests are skipped`);

type Expected = [metric: string, phase: string, scope: string, value: string, unit: string];

async function read(path: string): Promise<ReadDocument> {
  const result = await readPdf(new Uint8Array(readFileSync(join(realdocs, path))));
  if (!result.ok) throw new Error(result.error);
  return result.doc;
}

const key = (f: Pick<TableFigure, 'metric' | 'phase' | 'scope'>) => `${f.metric}|${f.phase}|${f.scope}`;

const CASES: [file: string, tables: number, expected: Expected[]][] = [
  [
    'shanghai/sh-putuo-czj-2024-final.pdf',
    10,
    [
      ['grand_total', 'actual', '', '2,995.39', '万元'],
      ['income_total', 'actual', '', '2,946.25', '万元'],
      ['income_general_budget', 'actual', '', '2,940.05', '万元'],
      ['income_other', 'actual', '', '6.20', '万元'],
      ['carryover_beginning', 'actual', '', '49.14', '万元'],
      ['expenditure_total', 'actual', '', '2,940.05', '万元'],
      ['basic_expenditure', 'actual', '', '2,336.91', '万元'],
      ['project_expenditure', 'actual', '', '603.14', '万元'],
      ['general_public_budget_expenditure', 'actual', '', '2,940.05', '万元'],
      ['general_public_budget_expenditure', 'actual', 'basic', '2,336.91', '万元'],
      ['general_public_budget_expenditure', 'actual', 'project', '603.14', '万元'],
      ['sangong_total', 'budget', '', '0.95', '万元'],
      ['sangong_reception', 'budget', '', '0.95', '万元'],
    ],
  ],
  [
    'shanghai/sh-putuo-ghzyj-2024-final.pdf',
    9,
    [
      ['grand_total', 'actual', '', '9859.38', '万元'],
      ['income_total', 'actual', '', '9746.50', '万元'],
      ['carryover_beginning', 'actual', '', '112.88', '万元'],
      ['expenditure_total', 'actual', '', '9759.38', '万元'],
      ['basic_expenditure', 'actual', '', '5377.64', '万元'],
      ['project_expenditure', 'actual', '', '4381.74', '万元'],
      ['general_public_budget_expenditure', 'actual', '', '9746.50', '万元'],
      ['general_public_budget_expenditure', 'actual', 'basic', '5364.75', '万元'],
      ['general_public_budget_expenditure', 'actual', 'project', '4381.74', '万元'],
      ['sangong_total', 'budget', '', '2.85', '万元'],
      ['sangong_total', 'actual', '', '0.39', '万元'],
      ['sangong_abroad', 'budget', '', '0.00', '万元'],
      ['sangong_abroad', 'actual', '', '0.00', '万元'],
      ['sangong_vehicle_total', 'budget', '', '0.00', '万元'],
      ['sangong_vehicle_total', 'actual', '', '0.00', '万元'],
      ['sangong_vehicle_purchase', 'budget', '', '0.00', '万元'],
      ['sangong_vehicle_purchase', 'actual', '', '0.00', '万元'],
      ['sangong_vehicle_operation', 'budget', '', '0.00', '万元'],
      ['sangong_vehicle_operation', 'actual', '', '0.00', '万元'],
      ['sangong_reception', 'budget', '', '2.85', '万元'],
      ['sangong_reception', 'actual', '', '0.39', '万元'],
    ],
  ],
  [
    // totals in 元, the 三公 and 机关运行经费 table in 万元
    'shanghai/sh-putuo-sfj-2026-dept-budget.pdf',
    10,
    [
      ['grand_total', 'budget', '', '96,282,213.44', '元'],
      ['income_total', 'budget', '', '96282213.44', '元'],
      ['expenditure_total', 'budget', '', '96282213.44', '元'],
      ['basic_expenditure', 'budget', '', '25741666.44', '元'],
      ['project_expenditure', 'budget', '', '70540547.00', '元'],
      ['general_public_budget_expenditure', 'budget', '', '96282213.44', '元'],
      ['general_public_budget_expenditure', 'budget', 'basic', '25741666.44', '元'],
      ['general_public_budget_expenditure', 'budget', 'project', '70540547.00', '元'],
      ['sangong_total', 'budget', '', '10.81', '万元'],
      ['sangong_abroad', 'budget', '', '0', '万元'],
      ['sangong_reception', 'budget', '', '0.83', '万元'],
      ['sangong_vehicle_total', 'budget', '', '9.98', '万元'],
      ['sangong_vehicle_purchase', 'budget', '', '0', '万元'],
      ['sangong_vehicle_operation', 'budget', '', '9.98', '万元'],
      ['operation_expenditure', 'budget', '', '217.83', '万元'],
    ],
  ],
  [
    'shanghai/sh-putuo-wanli-2025-dept-budget.pdf',
    11,
    [
      ['grand_total', 'budget', '', '189,767,551', '元'],
      ['income_total', 'budget', '', '189,767,551', '元'],
      ['sangong_total', 'budget', '', '37.91', '万元'],
      ['sangong_abroad', 'budget', '', '0', '万元'],
      ['sangong_reception', 'budget', '', '1.35', '万元'],
      ['sangong_vehicle_total', 'budget', '', '36.56', '万元'],
      ['sangong_vehicle_purchase', 'budget', '', '15', '万元'],
      ['sangong_vehicle_operation', 'budget', '', '21.56', '万元'],
      ['operation_expenditure', 'budget', '', '464.64', '万元'],
    ],
  ],
  [
    // a 单位预算: its tables are titled 预算单位…; read off `pdftotext -layout` of the PDF
    'shanghai/sh-putuo-sfj-2026-unit-budget.pdf',
    9,
    [
      ['grand_total', 'budget', '', '86,959,408.34', '元'],
      ['fiscal_appropriation_total', 'budget', '', '86,959,408.34', '元'],
      ['income_general_budget', 'budget', '', '86,959,408.34', '元'],
      ['income_government_fund', 'budget', '', '0.00', '元'],
      ['income_state_capital', 'budget', '', '0.00', '元'],
      ['income_business', 'budget', '', '0.00', '元'],
      ['income_other', 'budget', '', '0.00', '元'],
      ['income_total', 'budget', '', '86,959,408.34', '元'],
      ['expenditure_total', 'budget', '', '86,959,408.34', '元'],
      // printed so: 0.34 元 short of the 合计 (the 经济分类 table's 合计 is 22,118,861.34)
      ['basic_expenditure', 'budget', '', '22,118,861', '元'],
      ['project_expenditure', 'budget', '', '64,840,547.00', '元'],
      ['general_public_budget_expenditure', 'budget', '', '86,959,408.34', '元'],
      ['sangong_total', 'budget', '', '10.71', '万元'],
      ['sangong_abroad', 'budget', '', '0.00', '万元'],
      ['sangong_reception', 'budget', '', '0.73', '万元'],
      ['sangong_vehicle_total', 'budget', '', '9.98', '万元'],
      ['sangong_vehicle_purchase', 'budget', '', '0.00', '万元'],
      ['sangong_vehicle_operation', 'budget', '', '9.98', '万元'],
      ['operation_expenditure', 'budget', '', '184.59', '万元'],
    ],
  ],
  [
    'jiangsu/js-rdbgt-2019-dept-budget-tables.pdf',
    11,
    [
      // 收支预算总表: 一、财政拨款 18,330.37 = 1.一般公共预算 18,330.37
      ['fiscal_appropriation_total', 'budget', '', '18,330.37', '万元'],
      ['income_general_budget', 'budget', '', '18,330.37', '万元'],
      ['general_public_budget_expenditure', 'budget', '', '18,330.37', '万元'],
      ['sangong_total', 'budget', '', '767.60', '万元'],
      ['sangong_abroad', 'budget', '', '199.25', '万元'],
      ['sangong_vehicle_total', 'budget', '', '183.60', '万元'],
      ['sangong_vehicle_operation', 'budget', '', '183.60', '万元'],
      ['sangong_reception', 'budget', '', '384.75', '万元'],
      ['operation_expenditure', 'budget', '', '1,642.08', '万元'],
      ['procurement_total', 'budget', '', '2,416.43', '万元'],
    ],
  ],
  [
    // 江苏省政协办公厅 2018: read off `pdftotext -layout` of the PDF (公开1表 … 公开10表, 政府采购)
    'jiangsu/js-zxbgt-2018-dept-budget-tables.pdf',
    12,
    [
      ['fiscal_appropriation_total', 'budget', '', '10,070.48', '万元'],
      ['income_general_budget', 'budget', '', '10,070.48', '万元'],
      ['expenditure_total', 'budget', '', '10,150.48', '万元'],
      ['basic_expenditure', 'budget', '', '5,678.17', '万元'],
      ['project_expenditure', 'budget', '', '3,314.68', '万元'],
      ['general_public_budget_expenditure', 'budget', '', '10,070.48', '万元'],
      ['sangong_total', 'budget', '', '675.10', '万元'],
      ['sangong_abroad', 'budget', '', '106.00', '万元'],
      ['sangong_vehicle_total', 'budget', '', '156.60', '万元'],
      ['sangong_vehicle_operation', 'budget', '', '156.60', '万元'],
      ['sangong_reception', 'budget', '', '412.50', '万元'],
      ['operation_expenditure', 'budget', '', '1,115.85', '万元'],
      ['procurement_total', 'budget', '', '1,281.76', '万元'],
    ],
  ],
  [
    'jiangsu/js-swbgt-2019-dept-budget-tables.pdf',
    13,
    [
      ['general_public_budget_expenditure', 'budget', '', '27,664.22', '万元'],
      ['sangong_total', 'budget', '', '508.20', '万元'],
      ['sangong_abroad', 'budget', '', '70.00', '万元'],
      ['sangong_vehicle_total', 'budget', '', '411.20', '万元'],
      ['sangong_vehicle_operation', 'budget', '', '411.20', '万元'],
      ['sangong_reception', 'budget', '', '27.00', '万元'],
      ['procurement_total', 'budget', '', '1,422.50', '万元'],
    ],
  ],
];

describe.skipIf(realdocsMissing)('standard tables of real PDFs: the values a person reads', () => {
  it.each(CASES)('%s', async (file, tableCount, expected) => {
    const doc = await read(file);
    const { tables, figures } = readStandardTables(doc);
    expect(tables).toHaveLength(tableCount);
    const itemless = figures.filter((f) => f.item === '');
    for (const [metric, phase, scope, value, unit] of expected) {
      const found = itemless.filter((f) => key(f) === `${metric}|${phase}|${scope}`);
      expect(found.length, `${metric} ${phase} ${scope}`).toBeGreaterThan(0);
      for (const f of found)
        expect([f.metric, f.phase, f.scope, f.value, f.unit], `${metric} ${phase} ${scope}`).toEqual([metric, phase, scope, value, unit]);
    }
    for (const f of figures) {
      expect(doc.text.slice(f.start, f.start + f.quote.length)).toBe(f.quote);
      expect(doc.text.slice(f.cell, f.cell + f.value.length)).toBe(f.value);
    }
  });

  it('reads the functional classes of the 一般公共预算 table as 类 / 款 / 项 paths of names', async () => {
    const doc = await read('shanghai/sh-putuo-czj-2024-final.pdf');
    const functional = readStandardTables(doc).figures.filter((f) => f.metric === 'functional_expenditure' && f.scope === '');
    expect(functional.map((f) => [f.item, f.value])).toEqual([
      ['一般公共服务支出', '2,106.66'],
      ['一般公共服务支出 / 财政事务', '2,106.66'],
      ['一般公共服务支出 / 财政事务 / 行政运行', '1,511.89'],
      ['一般公共服务支出 / 财政事务 / 一般行政管理事务', '10.00'],
      ['一般公共服务支出 / 财政事务 / 信息化建设', '135.25'],
      ['一般公共服务支出 / 财政事务 / 财政委托业务支出', '449.52'],
      ['社会保障和就业支出', '326.72'],
      ['社会保障和就业支出 / 行政事业单位养老支出', '326.72'],
      ['社会保障和就业支出 / 行政事业单位养老支出 / 行政单位离退休', '84.65'],
      ['社会保障和就业支出 / 行政事业单位养老支出 / 机关事业单位基本养老保险缴费支出', '160.75'],
      ['社会保障和就业支出 / 行政事业单位养老支出 / 机关事业单位职业年金缴费支出', '80.38'],
      ['社会保障和就业支出 / 行政事业单位养老支出 / 其他行政事业单位养老支出', '0.94'],
      ['卫生健康支出', '60.99'],
      ['卫生健康支出 / 行政事业单位医疗', '60.99'],
      ['卫生健康支出 / 行政事业单位医疗 / 行政单位医疗', '60.99'],
      ['住房保障支出', '445.69'],
      ['住房保障支出 / 住房改革支出', '445.69'],
      ['住房保障支出 / 住房改革支出 / 住房公积金', '187.19'],
      ['住房保障支出 / 住房改革支出 / 购房补贴', '258.50'],
    ]);
  });

  it('names a class whose name the PDF broke over two rows or into a header by its full name, found by its code (Word 2010 layout)', async () => {
    const doc = await read('shanghai/sh-putuo-ghzyj-2024-final.pdf');
    const items = new Set(
      readStandardTables(doc)
        .figures.filter((f) => f.metric === 'functional_expenditure')
        .map((f) => f.item),
    );
    expect(items).toContain('社会保障和就业支出');
    expect(items).toContain('社会保障和就业支出 / 行政事业单位养老支出 / 机关事业单位基本养老保险缴费支出');
  });

  it.each<[file: string, phase: string, operation: string, vehicles: string]>([
    ['shanghai/sh-putuo-czj-2024-final.pdf', 'actual', '184.65', '0'],
    ['shanghai/sh-putuo-ghzyj-2024-final.pdf', 'actual', '142.80', '0'],
    ['shanghai/sh-putuo-sfj-2026-dept-budget.pdf', 'budget', '217.83', '3'],
  ])(
    '%s: the 说明 states 机关运行经费 and the vehicle count; merged with the tables they stay',
    async (file, phase, operation, vehicles) => {
      const doc = await read(file);
      const { figures } = mergeTableFigures(doc, extractReport(doc.text).figures);
      const prose = figures.filter((f) => !f.quote.startsWith('|'));
      expect(prose.filter((f) => f.metric === 'operation_expenditure' && f.phase === phase).map((f) => f.value)).toContain(operation);
      const held = prose.filter((f) => f.metric === 'vehicle_count' && /共有车辆\s*\d/.test(f.quote));
      expect(held.map((f) => [f.phase, f.value])).toEqual([[phase, vehicles]]);
    },
  );
});
