import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe, toCsv } from '../src/lib/csv';
import { projectRoot } from './helpers/built-site';

interface View {
  [name: string]: string | { key: string; direction: 'asc' | 'desc' } | undefined;
}
interface CompareHelpers {
  spreadsheetSafe: (cell: string) => string;
  toSpreadsheetCsv: (header: string[], rows: string[][]) => string;
  compareDecimal: (a: string, b: string) => number;
  readView: (search: string, controls: Record<string, string[]>) => View;
  writeView: (view: View, names: string[]) => string;
  closeGaps: (bands: string[], visible: Set<string>) => { shift: Map<string, number>; closed: number };
}

/** public/js/compare.js run as a browser would load it, in a context without a document: its pure helpers. */
function loadCompareJs(): CompareHelpers {
  const context: { mingzhangCompare?: CompareHelpers; URLSearchParams: typeof URLSearchParams } = { URLSearchParams };
  runInNewContext(readFileSync(join(projectRoot, 'public', 'js', 'compare.js'), 'utf8'), context);
  if (!context.mingzhangCompare) throw new Error('compare.js did not define globalThis.mingzhangCompare');
  return context.mingzhangCompare;
}
const js = loadCompareJs();

// Cells a quote, a unit name or a value can bring: formulas in every spelling, numbers that must stay numbers.
const CELLS = [
  '=HYPERLINK("http://x","y")',
  '+SUM(A1)',
  '-2+3',
  '@cmd',
  '\tTAB',
  '\rCR',
  '=1+1',
  ' =leading space',
  '-0.29',
  '+5',
  '-1,075.5',
  '1,153.8',
  '12',
  '0.628571429',
  '-',
  '+',
  '@',
  '',
  '因公出国（境）费',
  '“三公”经费 1.5 万元',
  '-1,0',
  '1,15',
  '=',
  "'=already",
  'a,b',
  'say "hi"',
  'two\nlines',
  'x ',
  ' x',
];

describe('public/js/compare.js agrees with src/lib/csv.ts', () => {
  it.each(CELLS)('spreadsheetSafe(%j)', (cell) => {
    expect(js.spreadsheetSafe(cell)).toBe(spreadsheetSafe(cell));
  });

  it('writes the same spreadsheet CSV (BOM, neutralised cells, quoting) as toCsv(…, { forSpreadsheets: true })', () => {
    const header = ['单位', '年度', '合计（元）', 'note'];
    const rows = CELLS.map((cell, i) => [`单位${i}`, String(2020 + (i % 5)), cell, CELLS[CELLS.length - 1 - i] ?? '']);
    const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
    const expected = toCsv(header, records, { forSpreadsheets: true });
    expect(js.toSpreadsheetCsv(header, rows)).toBe(expected);
    expect(expected.startsWith('\uFEFF')).toBe(true);
  });
});

describe('compareDecimal (the sort of exact values)', () => {
  it.each<[string, string, number]>([
    ['1', '2', -1],
    ['10', '9', 1],
    ['1153800', '1153800.00', 0],
    ['0.5', '0.49', 1],
    ['-1', '1', -1],
    ['-2', '-1', -1],
    ['-0', '0', 0],
    ['0.00', '-0.01', 1],
    ['12345678901234567.01', '12345678901234567.02', -1],
    ['007', '7', 0],
    ['', '1', 1],
    ['-1', '', -1],
    ['', '', 0],
  ])('%j vs %j', (a, b, expected) => {
    expect(js.compareDecimal(a, b)).toBe(expected);
  });
});

describe('the view in the URL', () => {
  const controls = { year: ['2024', '2022'], phase: ['budget', 'actual'], metric: ['total', 'perStaff'] };
  const names = Object.keys(controls);
  it.each<[string, string, View, string]>([
    [
      'every part',
      '?sort=total-desc&metric=perStaff&year=2024&phase=actual',
      { year: '2024', phase: 'actual', metric: 'perStaff', sort: { key: 'total', direction: 'desc' } },
      '?year=2024&phase=actual&metric=perStaff&sort=total-desc',
    ],
    ['nothing', '', {}, ''],
    ['values a control does not offer are ignored', '?year=1999&phase=%3Cscript%3E&sort=total-sideways', {}, ''],
    ['unknown parameters are dropped', '?utm_source=x&year=2022', { year: '2022' }, '?year=2022'],
  ])('%s', (_name, search, view, written) => {
    const read = js.readView(search, controls);
    // the helpers run in their own realm: compare as plain data
    expect(JSON.parse(JSON.stringify(read))).toEqual(view);
    expect(js.writeView(read, names)).toBe(written);
  });
});

describe('closeGaps (a filtered bar chart closes up)', () => {
  it.each<[string, string[], string[], [string, number][], number]>([
    [
      'every row shown: nothing moves',
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      [
        ['a', 0],
        ['b', 0],
        ['c', 0],
      ],
      0,
    ],
    [
      'a hidden row moves the rows below it up one band',
      ['a', 'b', 'c'],
      ['a', 'c'],
      [
        ['a', 0],
        ['b', 0],
        ['c', 1],
      ],
      1,
    ],
    [
      'hidden rows above add up',
      ['a', 'b', 'c', 'd'],
      ['c', 'd'],
      [
        ['a', 0],
        ['b', 1],
        ['c', 2],
        ['d', 2],
      ],
      2,
    ],
    [
      'no row shown: every band closes',
      ['a', 'b'],
      [],
      [
        ['a', 0],
        ['b', 1],
      ],
      2,
    ],
    [
      'a shown row the chart does not draw changes nothing',
      ['a', 'b'],
      ['a', 'b', 'z'],
      [
        ['a', 0],
        ['b', 0],
      ],
      0,
    ],
  ])('%s', (_name, bands, visible, shift, closed) => {
    // a Set of this realm, read by the script's realm as any iterable with has()
    const gaps = js.closeGaps(bands, new Set(visible));
    expect([...gaps.shift.entries()]).toEqual(shift);
    expect(gaps.closed).toBe(closed);
  });
});
