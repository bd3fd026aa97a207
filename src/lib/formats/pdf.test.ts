import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locate } from './locate';
import { readPdf } from './pdf';
import type { DocumentTable, ReadDocument } from './types';

/*
 * PDFs as published: the real 普陀区 reports in ../shared/realdocs (read in place; skipped with the reason
 * when the folder is absent), and small PDFs written here for what must hold everywhere.
 */

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const realdocs = join(projectRoot, '..', 'shared', 'realdocs');
const realdocsMissing = !existsSync(join(realdocs, 'shanghai', 'sh-putuo-czj-2024-final.pdf'));
if (realdocsMissing) console.warn(`formats/pdf: ${realdocs} not found (a clone without ../shared): the real-PDF tests are skipped`);

/** A one-page PDF with the given content stream (Helvetica as F1), xref offsets computed. */
function tinyPdf(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

async function read(bytes: Uint8Array): Promise<ReadDocument> {
  const result = await readPdf(bytes);
  if (!result.ok) throw new Error(result.error);
  return result.doc;
}

describe('PDFs written here', () => {
  it('reads the text layer, a number split over two runs joined, the page known', async () => {
    const doc = await read(tinyPdf('BT /F1 12 Tf 72 700 Td (Total 7.) Tj ET BT /F1 12 Tf 110.69 700 Td (74) Tj ET BT /F1 12 Tf 72 680 Td (second line) Tj ET'));
    expect(doc.text).toBe('Total 7.74\nsecond line\n');
    expect(doc.pages).toEqual([{ page: 1, start: 0, end: doc.text.length }]);
  });

  it.each<[what: string, bytes: Uint8Array, error: RegExp]>([
    ['a PDF with no text layer (a scan)', tinyPdf('0 0 1 rg 72 72 200 200 re f'), /no text layer.*OCR/],
    ['bytes that are not a PDF', new TextEncoder().encode('%PDF-1.7\n\u0000\u0000garbage'), /not a readable PDF/],
  ])('%s: an error that says what to do', async (_what, bytes, error) => {
    const result = await readPdf(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

/** The rows of a table as cell texts. */
const grid = (table: DocumentTable | undefined) => table?.rows.map((r) => r.cells.map((c) => c.text)) ?? [];
const rowStarting = (table: DocumentTable | undefined, label: string) => grid(table).find((r) => r[0] === label || r.includes(label));
const tablesTitled = (doc: ReadDocument, title: string) => doc.tables.filter((t) => t.title === title);

describe.skipIf(realdocsMissing)('普陀区财政局 2024 部门决算 (ONLYOFFICE, 25 pages, nine tables)', async () => {
  const bytes = realdocsMissing ? new Uint8Array() : new Uint8Array(readFileSync(join(realdocs, 'shanghai', 'sh-putuo-czj-2024-final.pdf')));
  const started = performance.now();
  const doc = realdocsMissing ? null : await read(bytes);
  console.log(`formats/pdf: sh-putuo-czj-2024-final.pdf (25 pages) read in ${Math.round(performance.now() - started)} ms`);
  if (!doc) return;

  it('收入支出决算总表: two blocks, 万元, the totals in their cells, 总计 continued on page 7', () => {
    const [income, spending] = tablesTitled(doc, '收入支出决算总表');
    expect(income?.unit).toBe('万元');
    expect(income?.page).toBe(6);
    expect(rowStarting(income, '一、一般公共预算财政拨款收入')).toEqual(['一、一般公共预算财政拨款收入', '2,940.05']);
    expect(rowStarting(income, '八、其他收入')).toEqual(['八、其他收入', '6.20']);
    expect(rowStarting(income, '本年收入合计')).toEqual(['本年收入合计', '2,946.25']);
    expect(rowStarting(income, '年初结转和结余')).toEqual(['年初结转和结余', '49.14']);
    expect(rowStarting(spending, '十九、住房保障支出')).toEqual(['十九、住房保障支出', '445.69']);
    expect(rowStarting(spending, '二、外交支出')).toEqual(['二、外交支出', '']);
    expect(rowStarting(spending, '本年支出合计')).toEqual(['本年支出合计', '2,940.05']);
    expect(rowStarting(spending, '年末结转和结余')).toEqual(['年末结转和结余', '55.34']);
    const total = spending?.rows.find((r) => r.cells[0]?.text === '总计')?.cells[1];
    expect(total?.text).toBe('2,995.39');
    expect(locate(doc, total?.start ?? -1)).toMatchObject({ page: 7, column: 2 });
  });

  it('收入决算表: 功能分类 codes in their columns, a wrapped label joined, empty cells kept', () => {
    const [table] = tablesTitled(doc, '收入决算表');
    expect(table?.unit).toBe('万元');
    expect(grid(table)[0]?.slice(4)).toEqual(['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
    expect(rowStarting(table, '合计')).toEqual(['', '', '', '合计', '2,946.25', '2,940.05', '', '', '', '', '6.20']);
    expect(rowStarting(table, '机关事业单位基本养老保险缴费支出')).toEqual(['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', '', '', '', '', '']);
    expect(rowStarting(table, '一般行政管理事务')).toEqual(['201', '06', '02', '一般行政管理事务', '16.19', '10.00', '', '', '', '', '6.19']);
  });

  it('支出决算表: amounts set off their label line land in the label row', () => {
    const [table] = tablesTitled(doc, '支出决算表');
    expect(rowStarting(table, '合计')?.slice(3, 7)).toEqual(['合计', '2,940.05', '2,336.91', '603.14']);
    expect(rowStarting(table, '行政运行')?.slice(3, 7)).toEqual(['行政运行', '1,511.89', '1,503.52', '8.37']);
  });

  it('财政拨款“三公”经费支出决算表: the three-level header over its twelve columns, the values under it, in 万元', () => {
    const [table] = tablesTitled(doc, '财政拨款“三公”经费支出决算表');
    expect(table?.unit).toBe('万元');
    const [header, values] = grid(table);
    expect(header).toHaveLength(12);
    expect(header?.slice(0, 2)).toEqual(['合计 预算数', '合计 决算数']);
    expect(header?.slice(10)).toEqual(['公务接待费 预算数', '公务接待费 决算数']);
    expect(values).toEqual(['0.95', '', '', '', '', '', '', '', '', '', '0.95', '']);
  });

  it('every page is mapped, in order of first appearance, and the running text keeps its sentences', () => {
    const pages = [...new Set(doc.pages?.map((p) => p.page))];
    expect(pages[0]).toBe(1);
    expect(Math.max(...pages)).toBe(25);
    expect(doc.text).toContain('上海市普陀区财政局2024年度收入支出总计2995.39万元。');
    const sentence = doc.text.indexOf('“三公”经费财政拨款支出年初预算为0.95万元');
    expect(locate(doc, sentence)).toEqual({ page: 23 });
  });

  it('is deterministic: a second read gives the same text, pages and tables', async () => {
    expect(await read(bytes)).toEqual(doc);
  });
});

describe.skipIf(realdocsMissing)('other producers: Word 2010 and WPS', () => {
  it('规划和自然资源局 2024 决算 (Word, no ruling lines): totals and the 三公 table', async () => {
    const doc = await read(new Uint8Array(readFileSync(join(realdocs, 'shanghai', 'sh-putuo-ghzyj-2024-final.pdf'))));
    const [income] = tablesTitled(doc, '收入支出决算总表');
    expect(income?.unit).toBe('万元');
    expect(rowStarting(income, '本年收入合计')).toEqual(['本年收入合计', '9746.50']);
    expect(rowStarting(income, '总计')).toEqual(['总计', '9859.38']);
    const [sangong] = tablesTitled(doc, '财政拨款“三公”经费支出决算表');
    expect(grid(sangong)[1]).toEqual(['2.85', '0.39', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '2.85', '0.39']);
  });

  it('江苏省人大常委会办公厅 2019 (Distiller, pages turned landscape): the three-block 收支预算总表 row by row', async () => {
    const doc = await read(new Uint8Array(readFileSync(join(realdocs, 'jiangsu', 'js-rdbgt-2019-dept-budget-tables.pdf'))));
    const [table] = tablesTitled(doc, '收支预算总表');
    expect(table?.unit).toBe('万元');
    expect(rowStarting(table, '一、财政拨款')).toEqual(['一、财政拨款', '18,330.37', '一、一般公共服务支出', '13,907.78', '一、基本支出', '9,312.90']);
    expect(rowStarting(table, '八、社会保障和就业支出')).toEqual(['', '', '八、社会保障和就业支出', '1,121.39', '', '']);
    expect(rowStarting(table, '十八、住房保障支出')?.[3]).toBe('3,301.20');
  });

  it('司法局 2026 部门预算 (WPS, 元): an amount and the next label in one run are two cells', async () => {
    const doc = await read(new Uint8Array(readFileSync(join(realdocs, 'shanghai', 'sh-putuo-sfj-2026-dept-budget.pdf'))));
    const [income, spending] = tablesTitled(doc, '2026年部门财务收支预算总表');
    expect(income?.unit).toBe('元');
    expect(rowStarting(income, '一、财政拨款收入')).toEqual(['一、财政拨款收入', '96,282,213.44']);
    expect(rowStarting(spending, '一、公共安全支出')).toEqual(['一、公共安全支出', '87,267,272.44']);
    expect(rowStarting(spending, '支出总计')).toEqual(['支出总计', '96,282,213.44']);
  });
});
