import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkReport } from './index';
import { makeInput } from './fixtures';
import { FINDINGS_COLUMNS, FINDINGS_COLUMN_DOCS, QUOTE_SEPARATOR, findingsCsv, findingsJson } from './export';

const input = makeInput([
  { metric: 'assets_total', value: '20.4', unit: '万元', quote: '年末单位资产总额20.4万元' },
  { metric: 'fixed_assets', value: '24.44', unit: '万元', quote: '其中：固定资产24.44万元', sameLine: true },
]);
const findings = checkReport(input.report, input.figures, input.indicators);

describe('the findings export', () => {
  it('starts with the required columns, each documented', () => {
    expect(FINDINGS_COLUMNS.slice(0, 8)).toEqual(['report_id', 'rule', 'severity', 'title', 'message', 'stated', 'computed', 'quotes']);
    for (const c of FINDINGS_COLUMNS) expect(FINDINGS_COLUMN_DOCS[c]).not.toBe('');
  });

  it('writes CSV with a BOM and the quotes joined', () => {
    const csv = findingsCsv(findings);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...FINDINGS_COLUMNS]);
    const row = parsed.data.find((r) => r.rule === 'part-exceeds-whole');
    expect(row?.quotes).toBe(['其中：固定资产24.44万元', '年末单位资产总额20.4万元'].join(QUOTE_SEPARATOR));
    expect(row?.stated).toBe('24.44 万元');
    expect(row?.computed).toBe('20.4 万元');
    expect(row?.lines).toBe('2 | 2');
  });

  it('writes JSON with the quotes as an array', () => {
    const rows = JSON.parse(findingsJson(findings)) as { quotes: unknown; finding_id: string }[];
    expect(rows).toHaveLength(findings.length);
    expect(Array.isArray(rows[0]?.quotes)).toBe(true);
    expect(rows.map((r) => r.finding_id).sort()).toEqual(findings.map((f) => f.id).sort());
  });

  it("neutralises text cells that start like a formula (a leading '), not numbers; the JSON is unchanged", () => {
    const [first] = findings;
    if (!first) throw new Error('the fixture has a finding');
    const hostile = { ...first, message: '=HYPERLINK("http://example.org")', difference: '-3.6 万元', stated: '-3.6', refs: first.refs.map((r) => ({ ...r, quote: '+86 138' })) };
    const parsed = Papa.parse<Record<string, string>>(findingsCsv([hostile]).slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => [r.message, r.difference, r.stated, (r.quotes ?? '').split(QUOTE_SEPARATOR)[0]])).toEqual([
      ['\'=HYPERLINK("http://example.org")', "'-3.6 万元", '-3.6', "'+86 138"],
    ]);
    const json = JSON.parse(findingsJson([hostile])) as { message: string; difference: string }[];
    expect(json.map((r) => [r.message, r.difference])).toEqual([['=HYPERLINK("http://example.org")', '-3.6 万元']]);
  });

  it('writes an empty export as a header only', () => {
    expect(findingsCsv([]).slice(1).trim()).toBe(FINDINGS_COLUMNS.join(','));
    expect(findingsJson([]).trim()).toBe('[]');
  });
});
