import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeInput } from './checks/fixtures';
import { EXPORT_COLUMNS, figuresCsv, figuresJson } from './export';

const HOSTILE = '=HYPERLINK("http://example.org","点击")';
const input = makeInput([
  { metric: 'expenditure_total', value: '-0.29', unit: '万元', scope: 'change_vs_prior', quote: '较上年减少0.29万元' },
  { metric: 'staff_count', value: '+5', unit: '人', item: '@SUM(A1)', quote: '实有人数增加5人' },
]);
const figures = input.figures.map((f, i) => (i === 0 ? { ...f, unit_name: HOSTILE } : f));

describe('figures.csv is safe to open in a spreadsheet', () => {
  const parsed = Papa.parse<Record<string, string>>(figuresCsv(figures).slice(1), { header: true, skipEmptyLines: true });

  it('keeps the columns and the BOM', () => {
    expect(figuresCsv(figures).charCodeAt(0)).toBe(0xfeff);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...EXPORT_COLUMNS]);
  });

  it("neutralises a text that starts like a formula with a leading ', and leaves numbers alone", () => {
    expect(parsed.data.map((r) => [r.unit_name, r.item, r.value, r.value_yuan, r.year])).toEqual([
      [`'${HOSTILE}`, '', '-0.29', '-2900', '2022'],
      ['测试单位', "'@SUM(A1)", '+5', '', '2022'],
    ]);
  });

  it('writes the JSON unchanged', () => {
    const rows = JSON.parse(figuresJson(figures)) as Record<string, unknown>[];
    expect(rows.map((r) => [r['unit_name'], r['item'], r['value']])).toEqual([
      [HOSTILE, '', '-0.29'],
      ['测试单位', '@SUM(A1)', '+5'],
    ]);
  });
});
