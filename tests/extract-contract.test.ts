import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/csv';
import { readDataset } from '../src/lib/dataset-files';
import { extractReport } from '../src/lib/extract';
import { toJson, type ExtractionJson } from '../src/lib/extract/output';
import { canonicalDigits, toHalfWidth } from '../src/lib/numbers';
import { checkQuoteStates, findNumbers } from '../src/lib/quote';
import { METRICS, METRIC_KEYS, PHASE_NAMES, REPORT_KINDS, UNITS, UNIT_NAMES } from '../src/schemas/vocabulary';

/*
 * The extractor's contract (issue 3, section 1) on real reports: the five bundled ones, whose manifest says
 * what they are, and the development corpus next to the project (../shared/corpus), which has no gold
 * figures but says each file's unit, year and kind.
 */

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const corpusDir = join(projectRoot, '..', 'shared', 'corpus');

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');
const sortedKeys = (o: object) => Object.keys(o).sort();

/** Every promise of the JSON output that does not depend on knowing the right answer. */
function expectContract(text: string, json: ExtractionJson) {
  expect(sortedKeys(json)).toEqual(['figures', 'kind', 'unit', 'year']);
  expect(json.unit === null || (typeof json.unit === 'string' && json.unit !== '')).toBe(true);
  expect(json.year === null || Number.isInteger(json.year)).toBe(true);
  expect(json.kind === null || (REPORT_KINDS as readonly string[]).includes(json.kind)).toBe(true);
  expect(Array.isArray(json.figures)).toBe(true);
  for (const f of json.figures) {
    const where = `${f.metric} ${f.value} ${f.unit} «${f.quote}»`;
    // the six keys always; why it was read (reader, rule, confidence 0–1) where the extractor says
    expect(sortedKeys(f).filter((k) => !['reader', 'rule', 'confidence'].includes(k)), where).toEqual(['metric', 'phase', 'quote', 'scope', 'unit', 'value']);
    expect(f.reader === undefined || (typeof f.reader === 'string' && f.reader !== ''), where).toBe(true);
    expect(f.rule === undefined || typeof f.rule === 'string', where).toBe(true);
    expect(f.confidence === undefined || (typeof f.confidence === 'number' && f.confidence > 0 && f.confidence <= 1), where).toBe(true);
    expect(METRIC_KEYS, where).toContain(f.metric);
    expect(PHASE_NAMES, where).toContain(f.phase);
    expect(UNIT_NAMES, where).toContain(f.unit);
    // the unit must be one the metric can be stated in (no 编制 in 万元, no 三公 in 人次)
    expect(METRICS[f.metric as keyof typeof METRICS].measures, where).toContain(UNITS[f.unit as keyof typeof UNITS]);
    expect(f.scope === null || (typeof f.scope === 'string' && f.scope.trim() !== '' && f.scope.trim() === f.scope), where).toBe(true);
    expect(Number.isFinite(f.value), where).toBe(true);
    expect(f.quote.trim(), where).not.toBe('');
    expect(text.includes(f.quote), `${where} is not in the text`).toBe(true);
    // the quote states the number: some number token of the quote has the value (a decrease adds only the sign)
    const stated = findNumbers(f.quote).some((t) => Number(canonicalDigits(t.token)) === Math.abs(f.value));
    expect(stated, `${where} does not state the value`).toBe(true);
  }
}

/** The same on the drafts, with the value as written: the quote states it as a whole token, in its unit. */
function expectDraftQuotes(text: string) {
  for (const f of extractReport(text).figures) {
    expect(text.slice(f.start, f.start + f.quote.length), `start of «${f.quote}»`).toBe(f.quote);
    expect(checkQuoteStates(f.quote, f.value, f.unit), `«${f.quote}» states ${f.value} ${f.unit}`).toEqual({ ok: true });
  }
}

/** A number written right after 较上年减少 / 同比增长 is a change from last year, never the year's own figure. */
function expectChangesMarked(text: string) {
  const unmarked = extractReport(text).figures.filter((f) => {
    if (f.scope === 'change_vs_prior') return false;
    const quote = toHalfWidth(f.quote);
    const at = quote.lastIndexOf(toHalfWidth(f.value.replace(/^-/, '')));
    return /(?:较|比|同比|相比)[^，,；;。]*?(?:减少|增加|下降|增长|上升|降低)\s*$/.test(quote.slice(0, Math.max(0, at)));
  });
  expect(unmarked.map((f) => `${f.metric} ${f.value} «${f.quote}»`)).toEqual([]);
}

function expectDeterministic(text: string) {
  const first = JSON.stringify(toJson(extractReport(text)));
  expect(JSON.stringify(toJson(extractReport(text)))).toBe(first);
}

describe('bundled reports (data/sources)', () => {
  const input = readDataset(projectRoot);
  const units = new Map(input.units.records.map((r) => [r.values.id ?? '', r.values]));
  const reports = input.reports.records.map((r) => r.values);

  it('each have their source text', () => {
    expect(reports.length).toBeGreaterThanOrEqual(5);
    expect(reports.map((r) => r.id).sort()).toEqual([...input.sources.keys()].sort());
  });

  describe.each(reports.map((r) => [r.id ?? '', r] as const))('%s', (id, report) => {
    const text = input.sources.get(id)?.text ?? '';
    const json = toJson(extractReport(text));

    it('keeps the JSON contract: keys, vocabulary, finite values, verbatim quotes that state the value', () => {
      expect(text).not.toBe('');
      expect(json.figures.length).toBeGreaterThan(0);
      expectContract(text, json);
      expectDraftQuotes(text);
    });

    it('never reports a change from last year as the year’s figure', () => {
      expectChangesMarked(text);
    });

    it('is deterministic', () => {
      expectDeterministic(text);
    });

    it('names the unit, fiscal year and kind of the manifest', () => {
      const unit = units.get(report.unit_id ?? '');
      expect(unit, `unit ${report.unit_id} in data/units.csv`).toBeDefined();
      expect([squash(unit?.name ?? ''), squash(unit?.short_name ?? '')]).toContain(squash(json.unit));
      expect(json.year).toBe(Number(report.year));
      expect(json.kind).toBe(report.kind);
    });
  });
});

/*
 * Checks on corpus files that fail today: they are gaps in the extractor, reported to its owner and shown
 * here as todo until they are fixed (then remove the entry and the check runs).
 */
const NOT_YET: Readonly<Record<string, readonly ('quotes' | 'unit' | 'year' | 'kind')[]>> = {
  '015': ['unit', 'kind'], // published by 泸西县财政局 for a project of 白水镇; site navigation says 三公
  '016': ['unit'], // only "区卫生健康局"; the body names 广元市昭化区卫生计生局
  '018': ['unit'], // the title's 昆明市科技局 wins (the devset's labels keep the title's form, as 马关卫生院); sources.csv has the body's 昆明市科学技术局
  '020': ['unit'], // the title gives 双桥集镇人民政府; sources.csv has the full name with 安徽省怀远县, which the text gives only later
};

const corpusMissing = !existsSync(join(corpusDir, 'sources.csv'));
if (corpusMissing) console.warn(`extract-contract: ${corpusDir} not found (a clone without ../shared): the corpus tests are skipped`);

describe.skipIf(corpusMissing)('development corpus (../shared/corpus)', () => {
  // a skipped suite is still collected: read nothing when the corpus is not there
  const sources = parseCsv(corpusMissing ? '' : readFileSync(join(corpusDir, 'sources.csv'), 'utf8'), 'sources.csv', ['id', 'source_url', 'unit', 'province', 'year', 'kind', 'notes']);
  const rows = sources.records.map((r) => r.values);
  const files = corpusMissing ? [] : readdirSync(corpusDir).filter((f) => /^\d+\.txt$/.test(f)).sort();

  it('lists every file in sources.csv', () => {
    expect(sources.problems).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    expect(rows.map((r) => `${r.id}.txt`).sort()).toEqual(files);
  });

  describe.each(rows.map((r) => [r.id ?? '', r] as const))('%s', (id, row) => {
    const text = readFileSync(join(corpusDir, `${id}.txt`), 'utf8');
    const json = toJson(extractReport(text));
    const gaps = NOT_YET[id] ?? [];
    const check = (what: (typeof gaps)[number], name: string, fn: () => void) => (gaps.includes(what) ? it.todo(`${name} (extractor gap)`) : it(name, fn));

    check('quotes', 'keeps the JSON contract: keys, vocabulary, finite values, verbatim quotes that state the value', () => {
      expectContract(text, json);
      expectDraftQuotes(text);
    });

    it('never reports a change from last year as the year’s figure', () => {
      expectChangesMarked(text);
    });

    it('is deterministic', () => {
      expectDeterministic(text);
    });

    check('year', `reads the fiscal year ${row.year}`, () => {
      expect(json.year).toBe(Number(row.year));
    });

    if ((REPORT_KINDS as readonly string[]).includes(row.kind ?? '')) {
      check('kind', `reads the kind ${row.kind}`, () => {
        expect(json.kind).toBe(row.kind);
      });
    }

    if (row.unit) {
      // the text may give a fuller name than sources.csv (with the province or city in front), never a shorter one
      // the unit comes back as written, pinyin of a mirror site included ("杜集區(qū)政府辦"); sources.csv leaves it out
      const withoutPinyin = (s: string | null) => squash(s).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g, '');
      check('unit', `reads the unit ${row.unit}`, () => {
        expect(withoutPinyin(json.unit).endsWith(squash(row.unit ?? '')), `unit ${json.unit}`).toBe(true);
      });
    }
  });
});
