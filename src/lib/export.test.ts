import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeInput } from './checks/fixtures';
import { EXPORT_COLUMNS, figureExportRows, figuresCsv, figuresJson } from './export';

const HOSTILE = '=HYPERLINK("http://example.org","点击")';
const input = makeInput([
  { metric: 'expenditure_total', value: '-0.29', unit: '万元', scope: 'change_vs_prior', quote: '较上年减少0.29万元' },
  { metric: 'staff_count', value: '+5', unit: '人', item: '@SUM(A1)', quote: '实有人数增加5人' },
]);
const figures = input.figures.map((f, i) => (i === 0 ? { ...f, unit_name: HOSTILE } : f));
const texts = new Map([[input.report.id, input.report.text]]);
const rows = figureExportRows(figures, texts, null);

describe('figures.csv is safe to open in a spreadsheet', () => {
  const parsed = Papa.parse<Record<string, string>>(figuresCsv(rows).slice(1), { header: true, skipEmptyLines: true });

  it('keeps the columns and the BOM', () => {
    expect(figuresCsv(rows).charCodeAt(0)).toBe(0xfeff);
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
    const written = JSON.parse(figuresJson(rows)) as Record<string, unknown>[];
    expect(written.map((r) => [r['unit_name'], r['item'], r['value']])).toEqual([
      [HOSTILE, '', '-0.29'],
      ['测试单位', '@SUM(A1)', '+5'],
    ]);
  });
});

describe('every exported figure can be cited', () => {
  const specs = [
    { metric: 'grand_total', value: '1,153.8', unit: '万元', quote: '收、支总计1,153.8万元' },
    { metric: 'expenditure_total', value: '1,100', unit: '万元', phase: 'budget', quote: '年初预算1,100万元', paragraph: true },
    { metric: 'budget_adjusted', value: '1,120', unit: '万元', phase: 'adjusted', quote: '调整预算1,120万元' },
  ] as const;
  const cited = makeInput(specs, { before: '第一行\n第二行' });
  const citedTexts = new Map([[cited.report.id, cited.report.text]]);

  it.each([
    [null, 'reports/test-report.html#test-report-f-0001'],
    ['https://example.org/mz/', 'https://example.org/mz/reports/test-report.html#test-report-f-0001'],
  ])('site %j: id, line of the quote, no page (plain text), URL and FDP phase', (base, url) => {
    const [first, second, third] = figureExportRows(cited.figures, citedTexts, base);
    expect(first && [first.figure_id, first.line, first.page, first.url, first.fdp_phase]).toEqual(['test-report-f-0001', 4, '', url, 'executed']);
    // a blank line before the second quote: line 6, not 5
    expect(second && [second.line, second.fdp_phase]).toEqual([6, 'approved']);
    expect(third && [third.line, third.fdp_phase]).toEqual([7, 'adjusted']);
  });
});
