import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatCellNumber, readXlsx } from './xlsx';

describe('formatCellNumber: a number as its cell shows it', () => {
  it.each<[value: number, numFmt: string | undefined, shown: string]>([
    [2940.05, '#,##0.00', '2,940.05'],
    [2940.0500000000002, '#,##0.00', '2,940.05'],
    [96282213.44, '#,##0.00_ ;[Red]-#,##0.00', '96,282,213.44'],
    [6.2, '0.00', '6.20'],
    [160.75, undefined, '160.75'],
    [0.30000000000000004, 'General', '0.3'],
    [0.9821, '0.00%', '98.21%'],
    [-56.95, '0.00', '-56.95'],
    [1234, '0', '1234'],
  ])('%s in "%s" → %s', (value, numFmt, shown) => {
    expect(formatCellNumber(value, numFmt)).toBe(shown);
  });
});

/** A workbook as a finance bureau exports it: a merged title row, a 单位 row, a header, data, a note. */
async function sampleWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1 收支总表');
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = '2026年部门财务收支预算总表';
  ws.getCell('C2').value = '单位：万元';
  ws.addRow(['项目', '预算数', '全年执行数']);
  ws.addRow(['一、财政拨款收入', 2940.05, 2940.05]);
  ws.addRow(['二、其他收入', 6.2, null]);
  ws.addRow(['隐藏的行', 1, 1]).hidden = true;
  ws.addRow(['收入总计', { formula: 'B4+B5', result: 2946.25 }, 2940.05]);
  ws.addRow(['注：本表为示例。']);
  for (const row of [4, 5, 7]) for (const col of [2, 3]) ws.getCell(row, col).numFmt = '#,##0.00';
  ws.getColumn(5).width = 30; // formatting out to column E: no column of the table
  wb.addWorksheet('内部测算').state = 'hidden';
  wb.getWorksheet('内部测算')?.addRow(['不公开的数字', 999]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('title and 单位 rows above, one table of the rest, numbers as the sheet shows them, hidden rows and sheets left out', async () => {
    const result = await readXlsx(await sampleWorkbook());
    if (!result.ok) throw new Error(result.error);
    const { doc } = result;
    expect(doc.text).toBe(
      [
        '2026年部门财务收支预算总表',
        '单位：万元',
        '| 项目 | 预算数 | 全年执行数 |',
        '| 一、财政拨款收入 | 2,940.05 | 2,940.05 |',
        '| 二、其他收入 | 6.20 |  |',
        '| 收入总计 | 2,946.25 | 2,940.05 |',
        '注：本表为示例。',
        '',
      ].join('\n'),
    );
    expect(doc.format).toBe('xlsx');
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]).toMatchObject({ title: '2026年部门财务收支预算总表', unit: '万元' });
  });

  it('a file that is not a workbook: an error, not an exception', async () => {
    const result = await readXlsx(new TextEncoder().encode('PK\u0003\u0004 not really a zip'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/not a readable \.xlsx/);
  });
});
