import { parseStatedNumber } from '../numbers';
import type { DraftFigure, Extraction } from './types';

/** A figure reduced to what the evaluation compares: metric and exact value (trailing zeros aside). */
export function matchKey(metric: string, value: string): string {
  const d = parseStatedNumber(value);
  if (!d) return `${metric}|?${value}`;
  const fraction = d.fraction.replace(/0+$/, '');
  const zero = /^0*$/.test(d.integer) && fraction === '';
  return `${metric}|${d.negative && !zero ? '-' : ''}${d.integer || '0'}${fraction ? `.${fraction}` : ''}`;
}

export interface ReportScore {
  reportId: string;
  curated: number;
  extracted: number;
  /** Curated figures whose metric and value the extractor also found. */
  recalled: number;
  /** Extracted figures whose metric and value a curated figure has. */
  precise: number;
  /** Recalled curated figures that the extractor also gave the same phase. */
  phaseAgrees: number;
  unitOk: boolean;
  yearOk: boolean;
  kindOk: boolean;
  missed: { metric: string; value: string }[];
  spurious: DraftFigure[];
}

export interface Expected {
  reportId: string;
  unitNames: readonly string[];
  year: number;
  kind: string;
  figures: readonly { metric: string; value: string; phase: string }[];
}

/** Compares one extraction with the curated figures of the same report. */
export function scoreReport(expected: Expected, extraction: Extraction): ScoreReportResult {
  const curatedKeys = new Set(expected.figures.map((f) => matchKey(f.metric, f.value)));
  const extractedKeys = new Set(extraction.figures.map((f) => matchKey(f.metric, f.value)));
  const missed = expected.figures.filter((f) => !extractedKeys.has(matchKey(f.metric, f.value)));
  const spurious = extraction.figures.filter((f) => !curatedKeys.has(matchKey(f.metric, f.value)));
  const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');
  const withPhase = new Set(extraction.figures.map((f) => `${matchKey(f.metric, f.value)}|${f.phase}`));
  const phaseAgrees = expected.figures.filter((f) => withPhase.has(`${matchKey(f.metric, f.value)}|${f.phase}`)).length;
  return {
    reportId: expected.reportId,
    curated: expected.figures.length,
    extracted: extraction.figures.length,
    recalled: expected.figures.length - missed.length,
    precise: extraction.figures.length - spurious.length,
    phaseAgrees,
    unitOk: expected.unitNames.some((n) => squash(n) === squash(extraction.unit)),
    yearOk: expected.year === extraction.year,
    kindOk: expected.kind === extraction.kind,
    missed: missed.map((f) => ({ metric: f.metric, value: f.value })),
    spurious,
  };
}
type ScoreReportResult = ReportScore;

/** Recall and precision over several reports (micro-averaged: every figure counts once). */
export function overall(scores: readonly ReportScore[]): { recall: number; precision: number; phase: number; curated: number; extracted: number } {
  const sum = (f: (s: ReportScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const curated = sum((s) => s.curated);
  const extracted = sum((s) => s.extracted);
  const recalled = sum((s) => s.recalled);
  return {
    recall: curated ? recalled / curated : 1,
    precision: extracted ? sum((s) => s.precise) / extracted : 1,
    phase: recalled ? sum((s) => s.phaseAgrees) / recalled : 1,
    curated,
    extracted,
  };
}

/*
 * Scoring a labelled set (../shared/devset): a port of its score.py, which is how the project is judged.
 * Everything below follows score.py line by line, including Python's rounding (half to even on the exact
 * binary value) and its str()/repr() of numbers, so that both print the same numbers for the same extractor.
 */

/** A comparable number: the kind of quantity (money in 元, percent, or the unit as stated) and its value. */
export interface NormalisedValue {
  kind: string;
  value: number;
}

/** What the scorer compares of a figure: canonical metric, normalised value, phase. */
export interface FigureKey {
  metric: string;
  value: NormalisedValue;
  phase: string | null;
}

const MONEY_IN_YUAN: Readonly<Record<string, number>> = { 元: 1, 万元: 10000, 万: 10000, 亿元: 1e8 };
const RATE_METRICS: ReadonlySet<string> = new Set(['execution_rate', 'self_eval_score']);
/** The characters Python's str.strip() removes (str.isspace()). */
const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');

/** Python's str.strip(). */
export function pyStrip(s: string): string {
  return s.replace(PY_STRIP, '');
}

/** The exact decimal expansion of a double, as digits and the position of the decimal point. */
function exactDecimal(x: number): { negative: boolean; digits: string; point: number } {
  const negative = x < 0 || Object.is(x, -0);
  // toFixed(100) is exact for every double the scorer meets (its binary fraction ends within 100 decimals)
  const [integer = '0', fraction = ''] = Math.abs(x).toFixed(100).split('.');
  return { negative, digits: integer + fraction, point: integer.length };
}

/** x rounded to `places` decimals, ties to even, as a decimal string (Python's round() and format(x, '.Nf')). */
export function pyFixed(x: number, places: number): string {
  if (!Number.isFinite(x)) return String(x);
  const { negative, digits, point } = exactDecimal(x);
  const keep = digits.slice(0, point + places);
  const rest = digits.slice(point + places);
  const last = Number(keep.at(-1) ?? '0');
  const up = rest[0] !== undefined && (rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || last % 2 === 1)));
  let kept = keep;
  if (up) {
    // add one in the last kept place, carrying to the left
    const chars = [...kept];
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === '9') chars[i--] = '0';
    if (i >= 0) chars[i] = String(Number(chars[i]) + 1);
    else chars.unshift('1');
    kept = chars.join('');
  }
  const integerLength = kept.length - places;
  const integer = kept.slice(0, integerLength).replace(/^0+(?=\d)/, '') || '0';
  const fraction = kept.slice(integerLength);
  return `${negative ? '-' : ''}${integer}${places > 0 ? `.${fraction}` : ''}`;
}

/** Python's round(x, places) for a float. */
export function pyRound(x: number, places: number): number {
  return Number(pyFixed(x, places));
}

/** Python's str() of a float ("1.0", "1e+16", "1e-05"). */
export function pyFloatStr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${body}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${integer}.${fraction || '0'}`;
}

/** Python's repr() of the values a scorer prints: None, strings (single-quoted unless they hold one), numbers. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e16 ? String(value) : pyFloatStr(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(quote === "'" ? /'/g : /"/g, `\\${quote}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\x00-\x1f\x7f-\xa0\xad]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `${quote}${escaped}${quote}`;
}

/** Python's str() of a JSON value as json.load gives it (integers print without ".0", null as None). */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

/** Python's float() of a JSON value: a number, or a string like " 1_234.5 " / "1e3" / "nan"; else null (ValueError). */
function pyFloat(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const s = pyStrip(value);
  if (/^[+-]?(?:inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return Number.NaN;
  const digits = '\\d(?:_?\\d)*';
  if (!new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:[eE][+-]?${digits})?$`).test(s)) return null;
  return Number(s.replace(/_/g, ''));
}

/** score.py norm_value: money in 元 to the fen, ratios as percent, everything else as stated; null where Python raises. */
export function normValue(value: unknown, unit: unknown): NormalisedValue | null {
  const v = pyFloat(pyStr(value).replace(/,/g, ''));
  if (v === null) return null;
  const money = typeof unit === 'string' ? MONEY_IN_YUAN[unit] : undefined;
  if (money !== undefined) return { kind: 'money', value: pyRound(v * money, 2) };
  if (unit === 'ratio') return { kind: 'pct', value: pyRound(v * 100, 4) };
  if (unit === '%') return { kind: 'pct', value: pyRound(v, 4) };
  return { kind: typeof unit === 'string' ? unit : unit ? pyRepr(unit) : '', value: pyRound(v, 4) };
}

/** score.py same_value: the same kind of quantity, equal to the fen (money), 0.005 points (percent), or exactly. */
export function sameValue(a: NormalisedValue, b: NormalisedValue): boolean {
  if (a.kind !== b.kind) return false;
  const tolerance = a.kind === 'money' ? 0.011 : a.kind === 'pct' ? 0.0051 : 1e-6;
  return Math.abs(a.value - b.value) <= tolerance;
}

/**
 * score.py canon_metric: budget_* scoped to 基本支出/项目支出 are basic/project_expenditure; a change from the
 * previous year, a previous year's value and a money metric's share are keyed apart (no gold label uses them).
 */
export function canonMetric(metric: string, scope: unknown, unit: unknown): string {
  const s = pyStrip(scope ? pyStr(scope) : '').toLowerCase();
  if (s === 'change_vs_prior' || s === 'prior_year') return `${metric}@${s}`;
  if ((unit === '%' || unit === 'ratio') && !RATE_METRICS.has(metric) && !metric.endsWith('_rate')) return `${metric}@share`;
  if (metric === 'budget_initial' || metric === 'budget_adjusted' || metric === 'budget_executed') {
    if (s === 'basic') return 'basic_expenditure';
    if (s === 'project') return 'project_expenditure';
  }
  return metric;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** score.py fig_key: null where a figure lacks a metric, value or unit, or its value is not a number. */
export function figureKey(figure: unknown): FigureKey | null {
  if (!isRecord(figure) || typeof figure.metric !== 'string' || !('value' in figure) || !('unit' in figure)) return null;
  const value = normValue(figure.value, figure.unit);
  if (value === null) return null;
  const phase = figure.phase === undefined || figure.phase === null ? null : pyStr(figure.phase);
  return { metric: canonMetric(figure.metric, figure.scope, figure.unit), value, phase };
}

/** score.py gold_keys: the gold's figures as keys, a metric and value labelled twice counted once (the first). */
export function goldKeys(gold: unknown): FigureKey[] {
  const figures = isRecord(gold) && Array.isArray(gold.figures) ? gold.figures : [];
  const out: FigureKey[] = [];
  for (const figure of figures) {
    const key = figureKey(figure);
    if (key && !out.some((o) => o.metric === key.metric && sameValue(key.value, o.value))) out.push(key);
  }
  return out;
}

const matchesAny = (f: FigureKey, keys: readonly FigureKey[]) => keys.some((g) => f.metric === g.metric && sameValue(f.value, g.value));

/** score.py recall: gold figures some found figure has (same metric and value, any phase). */
export function recallOf(
  gold: readonly FigureKey[],
  found: readonly (FigureKey | null)[],
): { hit: number; total: number; missed: FigureKey[] } {
  const present = found.filter((f): f is FigureKey => f !== null);
  const missed = gold.filter((g) => !matchesAny(g, present));
  return { hit: gold.length - missed.length, total: gold.length, missed };
}

/**
 * score.py precision: among found figures whose metric the gold labels — and, where the gold gives phases, of a
 * labelled (metric, phase) unless the value matches anyway — the share that match a gold figure.
 */
export function precisionOf(
  gold: readonly FigureKey[],
  found: readonly (FigureKey | null)[],
  phase: string | null = null,
): { ok: number; considered: number; wrong: FigureKey[] } {
  const metrics = new Set(gold.map((g) => g.metric));
  const phased = new Set(gold.filter((g) => g.phase !== null).map((g) => `${g.metric}\u0000${g.phase}`));
  const considered = found.filter(
    (f): f is FigureKey =>
      f !== null &&
      metrics.has(f.metric) &&
      (phase === null || f.phase === null || f.phase === phase || f.metric.startsWith('budget_')) &&
      (phased.size === 0 || phased.has(`${f.metric}\u0000${f.phase}`) || matchesAny(f, gold)),
  );
  const wrong = considered.filter((f) => !matchesAny(f, gold));
  return { ok: considered.length - wrong.length, considered: considered.length, wrong };
}

export type HeaderField = 'unit' | 'year' | 'kind';
const HEADER_FIELDS: readonly HeaderField[] = ['unit', 'year', 'kind'];

/** One document of a labelled set, scored. `header[field]` is null where the gold leaves the field null. */
export interface DocumentScore {
  id: string;
  failed: string | null;
  recall: { hit: number; total: number; missed: FigureKey[] };
  precision: { ok: number; considered: number; wrong: FigureKey[] };
  header: Record<HeaderField, boolean | null>;
  quotes: { ok: number; total: number };
  emitted: Record<HeaderField, unknown>;
  gold: Record<HeaderField, unknown>;
}

/**
 * Scores one document as score.py does. `output` is the extractor's JSON as printed and parsed back (so NaN is
 * null, as Python reads it), or an Error where the extractor failed; `text` is the document as Python reads it.
 */
export function scoreDocument(id: string, text: string, gold: unknown, output: unknown): DocumentScore {
  const failed = output instanceof Error ? output.message : null;
  const out = !failed && isRecord(output) ? output : {};
  const figures = Array.isArray(out.figures) ? out.figures : [];
  const found = figures.map(figureKey);
  const keys = goldKeys(gold);
  const g = isRecord(gold) ? gold : {};
  const judge = (field: HeaderField) => {
    const want = g[field];
    const got = out[field];
    return want === null || want === undefined ? null : pyStrip(got ? pyStr(got) : '') === pyStrip(pyStr(want));
  };
  const quoted = figures.filter((f) => isRecord(f) && typeof f.quote === 'string' && f.quote !== '' && text.includes(f.quote));
  return {
    id,
    failed,
    recall: recallOf(keys, found),
    precision: precisionOf(keys, found),
    header: { unit: judge('unit'), year: judge('year'), kind: judge('kind') },
    quotes: { ok: quoted.length, total: figures.length },
    emitted: { unit: out.unit, year: out.year, kind: out.kind },
    gold: { unit: g.unit, year: g.year, kind: g.kind },
  };
}

/** A labelled set's totals, as score.py's last line counts them. */
export interface SetScore {
  recall: { hit: number; total: number };
  precision: { ok: number; considered: number };
  header: Record<HeaderField, { right: number; labelled: number }>;
  quotes: { ok: number; total: number };
  documents: number;
  failed: number;
}

export function totalScore(documents: readonly DocumentScore[]): SetScore {
  const sum = (f: (d: DocumentScore) => number) => documents.reduce((n, d) => n + f(d), 0);
  const count = (field: HeaderField) => ({
    right: sum((d) => (d.header[field] === true ? 1 : 0)),
    labelled: sum((d) => (d.header[field] === null ? 0 : 1)),
  });
  return {
    recall: { hit: sum((d) => d.recall.hit), total: sum((d) => d.recall.total) },
    precision: { ok: sum((d) => d.precision.ok), considered: sum((d) => d.precision.considered) },
    header: { unit: count('unit'), year: count('year'), kind: count('kind') },
    quotes: { ok: sum((d) => d.quotes.ok), total: sum((d) => d.quotes.total) },
    documents: documents.length,
    failed: sum((d) => (d.failed === null ? 0 : 1)),
  };
}

const ratio = (a: number, b: number) => pyFixed(b ? a / b : 0, 3);

/** score.py's summary line, character for character. */
export function formatSetScore(s: SetScore): string {
  const header = HEADER_FIELDS.map((f) => `${f}${s.header[f].right}/${s.header[f].labelled}`).join(' ');
  return (
    `recall ${ratio(s.recall.hit, s.recall.total)} (${s.recall.hit}/${s.recall.total}) ` +
    `precision ${ratio(s.precision.ok, s.precision.considered)} (${s.precision.ok}/${s.precision.considered}) ` +
    `header ${header} quotes-ok ${s.quotes.ok}/${s.quotes.total} docs ${s.documents} failed ${s.failed}`
  );
}

/** score.py's --verbose lines for one document. */
export function formatDocumentScore(d: DocumentScore): string[] {
  const lines: string[] = [];
  if (d.failed !== null) lines.push(`${d.id}: extractor failed: ${d.failed.slice(0, 120)}`);
  const e = d.emitted;
  const g = d.gold;
  lines.push(
    `${d.id}: recall ${d.recall.hit}/${d.recall.total} precision ${d.precision.ok}/${d.precision.considered} ` +
      `unit=${pyRepr(e.unit)} year=${pyStr(e.year)} kind=${pyStr(e.kind)}  (gold: ${pyRepr(g.unit)} ${pyStr(g.year)} ${pyStr(g.kind)})`,
  );
  for (const m of d.recall.missed) lines.push(`    missed ${m.metric} ${pyFloatStr(m.value.value)}`);
  for (const w of d.precision.wrong) lines.push(`    wrong  ${w.metric} ${pyFloatStr(w.value.value)} (${w.phase ?? 'None'})`);
  return lines;
}
