import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../src/lib/dataset-files';
import { formatProblem, validateDataset } from '../src/lib/validate';
import { buildCollections } from '../src/lib/dataset';
import { isMoneyUnit, toYuanString } from '../src/lib/money';
import { parseStatedNumber } from '../src/lib/numbers';
import { checkQuoteStates } from '../src/lib/quote';

/* The dataset shipped in data/: it must validate, and the properties the site relies on are checked here
 * directly, without going through the validator. */

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const input = readDataset(projectRoot);
const { problems, dataset } = validateDataset(input);

/** The amount in 元, by moving the decimal point of the stated digits (independent of src/lib/money). */
function yuanByHand(value: string, unit: '元' | '万元'): string | null {
  const v = value.replace(/,/g, '');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(v);
  if (!m) return null;
  const [, sign = '', integer = '', fraction = ''] = m;
  const shift = unit === '万元' ? 4 : 0;
  const digits = integer + fraction.padEnd(shift, '0');
  const point = integer.length + shift;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const cents = digits.slice(point).replace(/0+$/, '');
  if (cents.length > 2) return null;
  const out = cents ? `${whole}.${cents}` : whole;
  return sign && out !== '0' ? `-${out}` : out;
}

describe('the bundled dataset', () => {
  it('validates with no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('has the five seed reports and the eleven Shanghai 普陀区 reports, each with a source and figures', () => {
    const ids = dataset.reports.map((r) => r.id).sort();
    expect(ids).toEqual([
      'leshan-shizhong-ybj-2022-final-accounts',
      'lukou-ybj-2022-dept-self-eval',
      'sh-putuo-czj-2024-final-accounts',
      'sh-putuo-czj-2025-budget',
      'sh-putuo-fuliyuan-2024-unit-budget',
      'sh-putuo-ghzyj-2024-final-accounts',
      'sh-putuo-sfj-2026-budget',
      'sh-putuo-sfj-2026-unit-budget',
      'sh-putuo-wanli-2023-budget',
      'sh-putuo-wanli-2024-budget',
      'sh-putuo-wanli-2025-budget',
      'sh-putuo-zfb-2025-budget',
      'sh-putuo-zfb-2025-unit-budget',
      'urumqi-xinshi-ybj-2023-dept-self-eval',
      'yanling-ybj-2020-dept-self-eval',
      'yuancheng-ybj-2021-project-self-eval',
    ]);
    for (const id of ids) {
      expect(input.sources.has(id), `source of ${id}`).toBe(true);
      expect(dataset.figures.filter((f) => f.row.report_id === id).length, `figures of ${id}`).toBeGreaterThan(0);
    }
  });

  it('keeps the original of every Shanghai report, under ~10 MB together, none twice', () => {
    const shanghai = dataset.reports.filter((r) => r.id.startsWith('sh-putuo-'));
    const originals = input.originals;
    if (!originals) throw new Error('readDataset read no data/originals');
    const kept = shanghai.map((r) => originals.get(`${r.id}.${r.original_format}`));
    expect(kept.map((o, i) => o?.sha256 ?? `missing ${shanghai[i]?.id}`)).toEqual(shanghai.map((r) => r.original_sha256));
    expect(new Set(shanghai.map((r) => r.original_sha256)).size).toBe(shanghai.length);
    const bytes = [...originals.values()].reduce((sum, o) => sum + statSync(join(projectRoot, o.file)).size, 0);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
  });

  it('has one unit with three years of the same kind of report (万里街道 预算 2023–2025)', () => {
    const years = dataset.reports.filter((r) => r.unit_id === 'sh-putuo-wanli' && r.kind === '部门预算').map((r) => r.year);
    expect(years.sort()).toEqual([2023, 2024, 2025]);
  });

  it('has every figure of a Shanghai table row checked by the report itself or curated (README "The bundled real dataset")', () => {
    const tableRows = dataset.figures.filter(({ row }) => row.report_id.startsWith('sh-putuo-') && row.quote.includes('|'));
    expect(tableRows.length).toBeGreaterThanOrEqual(360);
    expect(tableRows.filter(({ row }) => row.review === 'machine').map(({ file, line }) => `${file}:${line}`)).toEqual([]);
  });

  it('reads no vehicle held from a 预算安排购置车辆 sentence (the year’s purchases are vehicle_purchase_count)', () => {
    const held = dataset.figures.filter(({ row }) => row.metric === 'vehicle_count');
    for (const { row, file, line } of held) {
      const text = input.sources.get(row.report_id)?.text ?? '';
      const at = text.indexOf(row.quote);
      const purchases = [...text.matchAll(/预算安排购置车辆[\s\S]*?台（套）。/g)].map((m) => [m.index, m.index + m[0].length]);
      expect(
        purchases.some(([start = 0, end = 0]) => at >= start && at < end),
        `${file}:${line} ${row.quote}`,
      ).toBe(false);
    }
  });

  it('quotes every figure and indicator verbatim from its source', () => {
    const rows = [...dataset.figures, ...dataset.indicators];
    expect(rows.length).toBeGreaterThan(0);
    const misses = rows.filter(({ row }) => !(input.sources.get(row.report_id)?.text ?? '').includes(row.quote));
    expect(misses.map((m) => `${m.file}:${m.line}`)).toEqual([]);
  });

  it('converts every money figure to 元 exactly', () => {
    const money = dataset.figures.filter(({ row }) => isMoneyUnit(row.unit));
    expect(money.length).toBeGreaterThan(0);
    for (const { row, file, line } of money) {
      const unit = row.unit === '元' ? '元' : '万元';
      const expected = yuanByHand(row.value, unit);
      expect(expected, `${file}:${line} ${row.value} ${row.unit}`).not.toBeNull();
      expect(toYuanString(row.value, row.unit), `${file}:${line} ${row.value} ${row.unit}`).toBe(expected);
    }
  });

  it('states every value as a number (no NaN, no silent default)', () => {
    for (const { row, file, line } of dataset.figures) expect(parseStatedNumber(row.value), `${file}:${line}`).not.toBeNull();
  });
});

describe('the collections built from it', () => {
  const collections = buildCollections(dataset);
  const textOf = new Map(collections.reports.map((r) => [r.id, r.text]));
  const quotesByOrigin = new Map(dataset.figures.map((f) => [`${f.file}:${f.line}`, f.row.quote]));
  const originalQuote = (origin: string): string => {
    const quote = quotesByOrigin.get(origin);
    if (quote === undefined) throw new Error(`no row at ${origin}`);
    return quote;
  };

  it('has one entry per row, each with a unique id', () => {
    expect(collections.figures).toHaveLength(dataset.figures.length);
    expect(collections.indicators).toHaveLength(dataset.indicators.length);
    const ids = [...collections.figures, ...collections.indicators].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps report texts the length of their sources (masking preserves offsets)', () => {
    for (const report of collections.reports) expect(report.text.length, report.id).toBe(input.sources.get(report.id)?.text.length);
  });

  it('masks the personal data of the sources', () => {
    const all = collections.reports.map((r) => r.text).join('\n');
    expect(all).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    for (const name of ['刘新文', '陈军武', '唐国平', '潘挚', '潘攀']) expect(all).not.toContain(name);
    expect(all).toContain('邱华丽'); // 单位负责人, a public official
  });

  it('records quote offsets that point at the (masked) quote', () => {
    const entries = [...collections.figures, ...collections.indicators];
    const wrong = entries.filter((e) => (textOf.get(e.report_id) ?? '').slice(e.quote_offset, e.quote_offset + e.quote.length) !== e.quote);
    expect(wrong.map((e) => e.origin)).toEqual([]);
    for (const f of collections.figures) {
      const original = originalQuote(f.origin);
      expect(f.quote.length, f.origin).toBe(original.length);
      expect(f.quote_offset, f.origin).toBe(input.sources.get(f.report_id)?.text.indexOf(original));
    }
  });

  it('masks no digit of any quote that states a value', () => {
    for (const f of collections.figures) {
      const original = originalQuote(f.origin);
      const digitsAt = (s: string) => [...s].map((ch, j) => (/[0-9０-９]/.test(original[j] ?? '') ? ch : '')).join('');
      expect(digitsAt(f.quote), f.origin).toBe(digitsAt(original));
      expect(checkQuoteStates(f.quote, f.value, f.unit), f.origin).toEqual({ ok: true });
    }
  });

  it('converts money in the entries too', () => {
    for (const f of collections.figures) {
      if (isMoneyUnit(f.unit)) expect(f.value_yuan, f.origin).toBe(toYuanString(f.value, f.unit));
      else expect(f.value_yuan, f.origin).toBe('');
    }
  });
});
