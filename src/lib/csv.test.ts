import { describe, expect, it } from 'vitest';
import { lineEndingProblem, parseCsv, spreadsheetSafe, toCsv, type Problem } from './csv';

const COLUMNS = ['id', 'name', 'note'] as const;
const FILE = 'data/x.csv';

describe('parseCsv: records', () => {
  it.each<[string, string, Array<{ line: number; values: Record<string, string> }>]>([
    ['plain rows', 'id,name,note\na,甲,\nb,乙,说明\n', [
      { line: 2, values: { id: 'a', name: '甲', note: '' } },
      { line: 3, values: { id: 'b', name: '乙', note: '说明' } },
    ]],
    ['no final newline', 'id,name,note\na,甲,x', [{ line: 2, values: { id: 'a', name: '甲', note: 'x' } }]],
    ['BOM stripped', '\uFEFFid,name,note\na,甲,\n', [{ line: 2, values: { id: 'a', name: '甲', note: '' } }]],
    ['quoted commas and quotes', 'id,name,note\na,"1,153.8","他说""好"""\n', [
      { line: 2, values: { id: 'a', name: '1,153.8', note: '他说"好"' } },
    ]],
    ['multi-line quoted field keeps later line numbers right', 'id,name,note\na,"第一行\n第二行\n第三行",\nb,乙,\n"c","x","y\nz"\nd,丁,\n', [
      { line: 2, values: { id: 'a', name: '第一行\n第二行\n第三行', note: '' } },
      { line: 5, values: { id: 'b', name: '乙', note: '' } },
      { line: 6, values: { id: 'c', name: 'x', note: 'y\nz' } },
      { line: 8, values: { id: 'd', name: '丁', note: '' } },
    ]],
    ['blank lines skipped, numbering kept', 'id,name,note\n\na,甲,\n\nb,乙,\n', [
      { line: 3, values: { id: 'a', name: '甲', note: '' } },
      { line: 5, values: { id: 'b', name: '乙', note: '' } },
    ]],
    ['tabs and pipes inside fields are not delimiters', 'id,name,note\na,8\t6\t7,x|y|z\nb,1\t2\t3,p|q|r\n', [
      { line: 2, values: { id: 'a', name: '8\t6\t7', note: 'x|y|z' } },
      { line: 3, values: { id: 'b', name: '1\t2\t3', note: 'p|q|r' } },
    ]],
    ['semicolons inside fields are not delimiters', 'id,name,note\na;1;2,b;3;4,c;5;6\n', [
      { line: 2, values: { id: 'a;1;2', name: 'b;3;4', note: 'c;5;6' } },
    ]],
  ])('%s', (_name, text, expected) => {
    const parsed = parseCsv(text, FILE, COLUMNS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.file).toBe(FILE);
    expect(parsed.records).toEqual(expected);
  });

  it('never guesses the delimiter, even when tabs or pipes would look more regular', () => {
    // In a small file with many columns, the final newline makes commas look irregular and a table-row
    // quote makes tabs look regular: a guessing parser would split on tabs.
    const columns = ['report_id', 'metric', 'phase', 'scope', 'item', 'value', 'unit', 'quote', 'review', 'note'];
    for (const sep of ['\t', '|']) {
      const quote = ['年度资金总额', '1155.5', '701.23', '60.7%'].join(sep);
      const row = `r,execution_rate,actual,,,60.7,%,${quote},curated,`;
      const parsed = parseCsv(`${columns.join(',')}\n${row}\n${row}\n`, FILE, columns);
      expect(parsed.problems).toEqual([]);
      expect(parsed.records.map((r) => [r.line, r.values['quote']])).toEqual([[2, quote], [3, quote]]);
    }
  });

  it('fills missing optional trailing columns with ""', () => {
    const parsed = parseCsv('id,name\na,甲\n', FILE, COLUMNS, ['note']);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toEqual([{ line: 2, values: { id: 'a', name: '甲', note: '' } }]);
  });

  it('trims spaces around header names', () => {
    const parsed = parseCsv(' id , name ,note\na,甲,\n', FILE, COLUMNS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records[0]?.values).toEqual({ id: 'a', name: '甲', note: '' });
  });
});

describe('parseCsv: problems', () => {
  const expectedHeader = 'expected id,name,note';
  it.each<[string, string, Problem[], number]>([
    ['empty file', '', [{ file: FILE, line: 0, field: '', message: 'the file is empty: expected a header line' }], 0],
    ['BOM and white space only', '\uFEFF \n\n', [{ file: FILE, line: 0, field: '', message: 'the file is empty: expected a header line' }], 0],
    ['missing column', 'id,name\na,甲\n', [{ file: FILE, line: 1, field: '', message: `header: missing column(s) note; ${expectedHeader}` }], 0],
    ['unknown column', 'id,name,note,extra\na,甲,,x\n', [{ file: FILE, line: 1, field: '', message: `header: unknown column(s) extra; ${expectedHeader}` }], 0],
    ['missing and unknown', 'id,nmae,note\n', [{ file: FILE, line: 1, field: '', message: `header: missing column(s) name; unknown column(s) nmae; ${expectedHeader}` }], 0],
    ['too many fields', 'id,name,note\na,甲,\nb,1,153.8,x\nc,丙,\n', [
      { file: FILE, line: 3, field: '', message: 'row has 4 fields, the header has 3 (id,name,note); quote fields that contain commas' },
    ], 2],
    ['too few fields', 'id,name,note\na,甲\n', [
      { file: FILE, line: 2, field: '', message: 'row has 2 fields, the header has 3 (id,name,note); quote fields that contain commas' },
    ], 0],
    ['wrong field count after a multi-line field', 'id,name,note\na,"一\n二\n三",\nb,乙,x,y\n', [
      { file: FILE, line: 5, field: '', message: 'row has 4 fields, the header has 3 (id,name,note); quote fields that contain commas' },
    ], 1],
    ['wrong field count with CRLF and BOM', '\uFEFFid,name,note\r\na,甲,\r\n\r\nb,乙\r\n', [
      { file: FILE, line: 4, field: '', message: 'row has 2 fields, the header has 3 (id,name,note); quote fields that contain commas' },
    ], 1],
  ])('%s', (_name, text, problems, records) => {
    const parsed = parseCsv(text, FILE, COLUMNS);
    expect(parsed.problems).toEqual(problems);
    expect(parsed.records).toHaveLength(records);
  });

  it('reads CRLF line endings as LF, inside quoted fields too; lineEndingProblem names them once', () => {
    const text = 'id,name,note\r\na,甲,\r\nb,"乙\r\n丙",\r\n';
    expect(lineEndingProblem(text, FILE)).toEqual({ file: FILE, line: 0, field: '', message: expect.stringMatching(/^line endings are CRLF \(Windows\)/) as unknown as string });
    expect(lineEndingProblem('id,name,note\na,甲,\n', FILE)).toBeNull();
    const parsed = parseCsv(text, FILE, COLUMNS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toEqual([
      { line: 2, values: { id: 'a', name: '甲', note: '' } },
      { line: 3, values: { id: 'b', name: '乙\n丙', note: '' } },
    ]);
  });

  it('keeps a lone CR inside a field, on its row (the validator names it)', () => {
    const parsed = parseCsv('id,name,note\na,甲\r乙,\nb,丙,\n', FILE, COLUMNS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => [r.line, r.values['name']])).toEqual([[2, '甲\r乙'], [3, '丙']]);
  });

  it('reports an unclosed quote as malformed CSV on the row where it starts', () => {
    const parsed = parseCsv('id,name,note\na,甲,\nb,"乙,\n', FILE, COLUMNS);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems[0]).toMatchObject({ file: FILE, line: 3, field: '' });
    expect(parsed.problems[0]?.message).toMatch(/^malformed CSV: /);
    expect(parsed.records.map((r) => r.line)).toEqual([2]);
  });
});

describe('parseCsv: a quote character that swallows rows', () => {
  const swallowed = (line: number, closes: number, field: string, hint = ' (only note may span lines)'): Problem => ({
    file: FILE, line, field, message: `a quote character (") opened on line ${line} closes on line ${closes}: the rows between were swallowed${hint}`,
  });
  it.each<[string, string, Problem[], number[]]>([
    ['opened in one row and closed in the next (no other sign of it)', 'id,name,note\na,"甲,\nb,乙",x\nc,丙,\n', [swallowed(2, 3, 'name')], [4]],
    ['opened after a multi-line note', 'id,name,note\na,甲,"一\n二"\nb,"乙,\nc,丙",\nd,丁,\n', [swallowed(4, 5, 'name')], [2, 6]],
    ['closed by the next row\'s quote', 'id,name,note\na,甲,"x\nb,乙,"y"\nc,丙,\n', [swallowed(2, 3, 'note', '')], [4]],
    ['never closed', 'id,name,note\na,"甲,\nb,乙,\nc,丙,\n', [
      { file: FILE, line: 2, field: 'name', message: 'a quote character (") opened on line 2 is never closed: every row after it was swallowed' },
    ], []],
  ])('%s', (_name, text, problems, lines) => {
    const parsed = parseCsv(text, FILE, COLUMNS, [], ['note']);
    expect(parsed.problems).toEqual(problems);
    expect(parsed.records.map((r) => r.line)).toEqual(lines);
  });

  it('lets a text column span lines, and finds a row swallowed inside it', () => {
    expect(parseCsv('id,name,note\na,甲,"一\n二"\n', FILE, COLUMNS, [], ['note']).problems).toEqual([]);
    expect(parseCsv('id,name,note\na,甲,"一\na,乙,二"\n', FILE, COLUMNS, [], ['note']).problems).toEqual([swallowed(2, 3, 'note', '')]);
    // a line that starts like another row of the file (here: c), not only like its own
    expect(parseCsv('id,name,note\na,甲,"一\nc,乙,二"\nc,丙,\n', FILE, COLUMNS, [], ['note']).problems).toEqual([swallowed(2, 3, 'note', '')]);
    // a comma inside a line of text is not a row
    expect(parseCsv('id,name,note\na,甲,"一\n二,三"\n', FILE, COLUMNS, [], ['note']).problems).toEqual([]);
  });

  it('names no column when none may span lines', () => {
    expect(parseCsv('id,name,note\na,"甲\n乙",\n', FILE, COLUMNS, [], []).problems).toEqual([swallowed(2, 3, 'name', ' (no field of this file spans lines)')]);
  });
});

describe('spreadsheetSafe', () => {
  it.each<[string, string]>([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ['=1+1', '\'=1+1'],
    ['@SUM(A1)', '\'@SUM(A1)'],
    ['\tfoo', '\'\tfoo'],
    ['\rfoo', '\'\rfoo'],
    ['+86 138', '\'+86 138'],
    ['-', '\'-'],
    ['-72.13 个百分点', '\'-72.13 个百分点'],
    ['-1+2', '\'-1+2'],
    ['-0.29', '-0.29'],
    ['+5', '+5'],
    ['-1,075.5', '-1,075.5'],
    ['2022', '2022'],
    ['', ''],
    ['测试县=医疗保障局', '测试县=医疗保障局'],
    ['－1,075.5', '－1,075.5'],
  ])('%j → %j', (cell, expected) => {
    expect(spreadsheetSafe(cell)).toBe(expected);
  });
});

describe('toCsv', () => {
  it.each<[string, Record<string, string | number>[], boolean, string]>([
    ['plain', [{ id: 'a', name: '甲', note: '' }], false, 'id,name,note\na,甲,\n'],
    ['quotes what needs quoting', [{ id: 'a', name: '1,153.8', note: '他说"好"\n下一行' }], false, 'id,name,note\na,"1,153.8","他说""好""\n下一行"\n'],
    ['numbers and missing values', [{ id: 1, name: 2 }], false, 'id,name,note\n1,2,\n'],
    ['the dataset\'s own format keeps formula-like text', [{ id: '-', name: '=1+1', note: '@x' }], false, 'id,name,note\n-,=1+1,@x\n'],
    ['BOM for spreadsheets', [{ id: 'a', name: '甲', note: 'x' }], true, '\uFEFFid,name,note\na,甲,x\n'],
    ['formulas neutralised for spreadsheets, numbers kept', [{ id: -5, name: '=HYPERLINK("http://x","点击")', note: '-0.29' }], true,
      '\uFEFFid,name,note\n-5,"\'=HYPERLINK(""http://x"",""点击"")",-0.29\n'],
  ])('%s', (_name, rows, forSpreadsheets, expected) => {
    expect(toCsv(COLUMNS, rows, { forSpreadsheets })).toBe(expected);
  });

  it('neutralises formulas without a BOM for the Data Package copies', () => {
    expect(toCsv(COLUMNS, [{ id: -5, name: '=1+1', note: '甲' }], { forSpreadsheets: true, bom: false })).toBe("id,name,note\n-5,'=1+1,甲\n");
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      { id: 'a', name: '年度资金总额\t\t1155.5\t701.23', note: '一,二\n三' },
      { id: 'b', name: '"引号"', note: '' },
    ];
    const parsed = parseCsv(toCsv(COLUMNS, rows), FILE, COLUMNS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.values)).toEqual(rows);
    expect(parsed.records.map((r) => r.line)).toEqual([2, 4]);
  });
});
