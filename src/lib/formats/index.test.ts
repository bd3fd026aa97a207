import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument, SUPPORTED_EXTENSIONS } from '.';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const templates = join(projectRoot, '..', 'shared', 'realdocs', 'templates');
const templatesMissing = !existsSync(join(templates, 'sh-putuo-2026-unit-budget-template.xls'));
if (templatesMissing) console.warn(`formats/index: ${templates} not found (a clone without ../shared): the template tests are skipped`);

const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const utf8 = (text: string) => new TextEncoder().encode(text);
const scratch = mkdtempSync(join(tmpdir(), 'formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readDocument: what cannot be read says what to do', () => {
  it.each<[what: string, bytes: Uint8Array, name: string, error: RegExp]>([
    ['a Word 97-2003 file', OLE, '决算.doc', /legacy Word 97-2003 file: open it and save it as \.docx \(or PDF\), then run again/],
    ['an Excel 97-2003 file', OLE, '预算表.xls', /legacy Excel 97-2003 file: open it and save it as \.xlsx/],
    ['an old file renamed to .xlsx', OLE, '预算表.xlsx', /legacy Word\/Excel 97-2003 file/],
    ['an unknown extension', utf8('hello'), 'report.odt', /extension this tool does not read \(\.odt\): supported are \.txt, \.md, \.pdf, \.docx, \.xlsx, \.html, \.htm/],
    ['no extension', utf8('hello'), 'README', /\(none\)/],
    ['a .docx that is no ZIP', utf8('plain words'), 'report.docx', /not a \.docx file/],
    ['an empty file', new Uint8Array(), 'report.pdf', /is empty/],
  ])('%s', async (_what, bytes, name, error) => {
    const result = await readDocument(bytes, name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('a missing path and a directory', async () => {
    expect(await readDocument(join(scratch, 'missing.pdf'), 'missing.pdf')).toEqual({ ok: false, error: 'cannot be read (ENOENT)' });
    expect(await readDocument(scratch, 'folder.pdf')).toEqual({ ok: false, error: 'is a directory, not a report file' });
  });

  it('lists every registered extension', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.pdf', '.docx', '.xlsx', '.html', '.htm']);
  });
});

describe('readDocument: formats by extension', () => {
  it('a text report is its own text, from a path or from bytes', async () => {
    const file = join(scratch, 'report.txt');
    writeFileSync(file, '\uFEFF本年收入合计2,946.25万元。\n');
    const fromPath = await readDocument(file, 'report.txt');
    expect(fromPath).toEqual({ ok: true, doc: { text: '本年收入合计2,946.25万元。\n', format: 'text', tables: [] } });
    expect(await readDocument(utf8('本年收入合计2,946.25万元。\n'), 'REPORT.MD')).toEqual(fromPath);
  });

  it('an HTML page by its extension', async () => {
    const result = await readDocument(utf8('<p>单位：万元</p><table><tr><td>合计</td><td>2.85</td></tr></table>'), 'page.htm');
    expect(result.ok && result.doc.text).toBe('单位：万元\n| 合计 | 2.85 |\n');
  });
});

describe.skipIf(templatesMissing)('the official blank templates (../shared/realdocs/templates)', () => {
  it('the .xls template (BIFF8, WPS) gets the legacy-Excel error', async () => {
    const result = await readDocument(join(templates, 'sh-putuo-2026-unit-budget-template.xls'), 'sh-putuo-2026-unit-budget-template.xls');
    expect(result).toEqual({ ok: false, error: 'is a legacy Excel 97-2003 file: open it and save it as .xlsx (or PDF), then run again' });
  });

  it('the .xlsx template reads sheet by sheet into tables', async () => {
    const result = await readDocument(join(templates, 'sh-putuo-2026-dept-budget-template.xlsx'), 'sh-putuo-2026-dept-budget-template.xlsx');
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.format).toBe('xlsx');
    expect(result.doc.tables.length).toBeGreaterThanOrEqual(10);
    expect(result.doc.tables.some((t) => t.unit === '元' || t.unit === '万元')).toBe(true);
    for (const table of result.doc.tables) for (const row of table.rows) for (const cell of row.cells) expect(result.doc.text.slice(cell.start, cell.end)).toBe(cell.text);
  });
});
