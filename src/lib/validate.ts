import type { ZodError, ZodType, ZodTypeDef } from 'zod';
import { unitSchema, type Unit } from '../schemas/unit';
import { reportSchema, type Report } from '../schemas/report';
import { codePoint } from '../schemas/name';
import { figureRowSchema, type FigureRow } from '../schemas/figure';
import { indicatorRowSchema, type IndicatorRow } from '../schemas/indicator';
import type { ParsedCsv, Problem } from './csv';
import { checkQuoteStates, findNumbers, includesIgnoringSpace } from './quote';
import { canonicalDigits } from './numbers';
import { isMoneyUnit, toFen } from './money';
import { containsPersonalData, findPrivateNames } from './privacy';

/** Column lists of the data files, in order. Optional columns may be left out of a file. */
export const UNIT_COLUMNS = ['id', 'name', 'short_name', 'province', 'city', 'county', 'department_type'] as const;
export const REPORT_COLUMNS = [
  'id', 'unit_id', 'year', 'kind', 'title', 'date', 'date_label', 'original_filename', 'sha256', 'source_url', 'retrieved', 'note',
  'original_sha256', 'original_format',
] as const;
/** A manifest written before originals were kept has no original columns: its reports' texts are their originals. */
export const REPORT_OPTIONAL_COLUMNS = ['original_sha256', 'original_format'] as const;
export const FIGURE_COLUMNS = ['report_id', 'metric', 'phase', 'scope', 'item', 'value', 'unit', 'quote', 'review', 'note'] as const;
export const FIGURE_OPTIONAL_COLUMNS = ['note'] as const;
export const INDICATOR_COLUMNS = ['report_id', 'scope', 'level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'deduction_reason', 'quote', 'review'] as const;
/**
 * Columns that hold text copied from the report as written: they may span lines and contain tabs (a table
 * row, a cell of several lines). No other value may: a line break elsewhere is a stray quote character.
 */
export const FIGURE_TEXT_COLUMNS = ['quote'] as const;
export const INDICATOR_TEXT_COLUMNS = ['target', 'actual', 'deduction_reason', 'quote'] as const;

/** A source text as found on disk, with its computed sha256. */
export interface SourceText {
  file: string;
  text: string;
  sha256: string;
}

/** A published file kept verbatim in data/originals/ (`<report id>.<format>`), with its computed sha256. */
export interface OriginalFile {
  file: string;
  sha256: string;
}

/** Everything the validator reads, already parsed as CSV (files are read by the caller). */
export interface DatasetInput {
  units: ParsedCsv;
  reports: ParsedCsv;
  figures: ParsedCsv[];
  indicators: ParsedCsv[];
  /** Source texts by report id (the file name without `.txt`). */
  sources: Map<string, SourceText>;
  /** Problems found while reading the files: files that are not read, files that are not UTF-8. */
  problems?: Problem[];
  /** Originals by file name (`<report id>.<format>`); left out, originals are not checked. */
  originals?: Map<string, OriginalFile>;
  /**
   * The reports whose own files (figures, indicators, source, original) were read, when not all were: one
   * province's partition. The manifests are still validated whole; a report outside the scope is checked as a
   * manifest row only (its source and original were not read, so they are not looked for).
   */
  scope?: ReadonlySet<string>;
}

/**
 * The report a file of data/figures, data/indicators, data/sources or data/originals belongs to: its name up to
 * the first dot (`x.csv`, `x.appendix.csv`, `x.txt`, `x.pdf` → x; report ids are slugs, without dots). A
 * partition reads only its reports' files by this name, so validation holds every row to its file's report.
 */
export function reportOfFile(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** A validated row with where it came from. */
export interface Located<T> {
  row: T;
  file: string;
  line: number;
}

export interface ValidDataset {
  units: Unit[];
  reports: Report[];
  figures: Located<FigureRow>[];
  indicators: Located<IndicatorRow>[];
  sources: Map<string, SourceText>;
}

function zodProblems(error: ZodError, file: string, line: number, reported: ReadonlySet<string>): Problem[] {
  // a field already named for a stray character or a space is not named again for the schema it then fails
  return error.issues.filter((issue) => !reported.has(String(issue.path[0] ?? ''))).map((issue) => ({
    file,
    line,
    field: issue.path.join('.') || '',
    message: `expected ${issue.message}`,
  }));
}

const CONTROL_NAMES: Record<string, string> = {
  '\u0000': 'a NUL character (U+0000)',
  '\r': 'a stray carriage return (CR, U+000D)',
  '\n': 'a line break',
  '\t': 'a tab',
};

/**
 * What is wrong with a value of any data file, whatever its column: a control character (line breaks and
 * tabs are allowed in text copied as written), or white space around it. Null when nothing is.
 */
export function valueFault(value: string, asWritten: boolean): string | null {
  for (const [ch] of value.matchAll(/\p{Cc}/gu)) {
    if (asWritten && (ch === '\n' || ch === '\t')) continue;
    return `contains ${CONTROL_NAMES[ch] ?? `the control character ${codePoint(ch)}`}: remove it`;
  }
  if (/^\s|\s$/u.test(value)) return `${showValue(value)} starts or ends with white space: trim it`;
  return null;
}

function parseRows<T>(csv: ParsedCsv, schema: ZodType<T, ZodTypeDef, unknown>, problems: Problem[], asWritten: readonly string[] = []): Located<T>[] {
  const out: Located<T>[] = [];
  for (const rec of csv.records) {
    const faulty = new Set<string>();
    for (const [field, value] of Object.entries(rec.values)) {
      const fault = valueFault(value, asWritten.includes(field));
      if (fault === null) continue;
      faulty.add(field);
      problems.push({ file: csv.file, line: rec.line, field, message: fault });
    }
    const parsed = schema.safeParse(rec.values);
    if (!parsed.success) problems.push(...zodProblems(parsed.error, csv.file, rec.line, faulty));
    else if (faulty.size === 0) out.push({ row: parsed.data, file: csv.file, line: rec.line });
  }
  return out;
}

/**
 * Each report that names an original has it, byte for byte (its sha256), and data/originals/ holds no file
 * that no manifest row names (also rows that failed their schema: one problem, not two).
 */
function originalProblems(
  reports: readonly Located<Report>[],
  originals: ReadonlyMap<string, OriginalFile>,
  records: ParsedCsv['records'],
  manifest: string,
  scope: ReadonlySet<string> | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const { row, file, line } of reports) {
    if (row.original_format === '' || (scope !== undefined && !scope.has(row.id))) continue;
    const name = `${row.id}.${row.original_format}`;
    const original = originals.get(name);
    if (!original) problems.push({ file, line, field: 'original_format', message: `no original data/originals/${name} for report ${row.id}` });
    else if (original.sha256 !== row.original_sha256) {
      problems.push({
        file,
        line,
        field: 'original_sha256',
        message: `${original.file} has sha256 ${original.sha256}, the manifest says ${row.original_sha256}: the original was changed or replaced (originals are kept verbatim)`,
      });
    }
  }
  const named = new Set(records.map((r) => `${r.values['id'] ?? ''}.${r.values['original_format'] ?? ''}`));
  for (const [name, original] of originals) {
    if (!named.has(name)) problems.push({ file: original.file, line: 0, field: '', message: `original has no entry in ${manifest} (id and original_format): add it to the manifest or remove the file` });
  }
  return problems;
}

function showValue(v: string): string {
  return v.length > 40 ? `“${v.slice(0, 40)}…”` : `“${v}”`;
}

/**
 * A four-digit year (19xx, 20xx) that the report id names and that is not `year`, or null. The unit id at
 * the start of the report id may contain a year-like token of its own; only the part after it counts.
 */
function yearInId(id: string, unitId: string, year: number): number | null {
  const ownPart = id.startsWith(`${unitId}-`) ? id.slice(unitId.length + 1) : id;
  const years = ownPart.split('-').filter((token) => /^(?:19|20)\d\d$/.test(token)).map(Number);
  return years.find((y) => y !== year) ?? null;
}

/**
 * Validates the whole dataset and returns every problem at once. The dataset is returned only for use when
 * `problems` is empty; nothing is dropped or defaulted silently: a row that fails is named in `problems`.
 * `currentYear` bounds the fiscal years (a report describes at most next year's budget).
 */
export function validateDataset(input: DatasetInput, currentYear = new Date().getFullYear()): { problems: Problem[]; dataset: ValidDataset } {
  const problems: Problem[] = [...(input.problems ?? []), ...input.units.problems, ...input.reports.problems];
  for (const f of [...input.figures, ...input.indicators]) problems.push(...f.problems);

  const units = parseRows(input.units, unitSchema, problems);
  const unitIds = new Set<string>();
  for (const u of units) {
    if (unitIds.has(u.row.id)) problems.push({ file: u.file, line: u.line, field: 'id', message: `duplicate unit id ${u.row.id}` });
    unitIds.add(u.row.id);
  }
  // Ids listed in units.csv, also on rows that failed: a unit name refused is one problem, not one per report.
  const listedUnitIds = new Set(input.units.records.map((u) => u.values['id'] ?? ''));

  const reports = parseRows(input.reports, reportSchema, problems);
  const reportIds = new Set<string>();
  for (const r of reports) {
    const { row } = r;
    if (reportIds.has(row.id)) problems.push({ file: r.file, line: r.line, field: 'id', message: `duplicate report id ${row.id}` });
    reportIds.add(row.id);
    if (row.year > currentYear + 1) {
      problems.push({ file: r.file, line: r.line, field: 'year', message: `expected a fiscal year up to next year (${currentYear + 1}): ${row.year} has not begun` });
    }
    const idYear = yearInId(row.id, row.unit_id, row.year);
    if (idYear !== null) {
      problems.push({
        file: r.file,
        line: r.line,
        field: 'id',
        message: `the id names the year ${idYear}, the year column ${row.year}: an id is <unit id>-<fiscal year>-<kind>; correct one of them`,
      });
    }
    if (!listedUnitIds.has(row.unit_id)) {
      problems.push({ file: r.file, line: r.line, field: 'unit_id', message: `unknown unit ${row.unit_id}: expected an id from ${input.units.file}` });
    }
    if (input.scope !== undefined && !input.scope.has(row.id)) continue;
    const source = input.sources.get(row.id);
    if (!source) {
      problems.push({ file: r.file, line: r.line, field: 'id', message: `no source text data/sources/${row.id}.txt for report ${row.id}` });
      continue;
    }
    if (source.sha256 !== row.sha256) {
      problems.push({
        file: r.file,
        line: r.line,
        field: 'sha256',
        message: `${source.file} has sha256 ${source.sha256}, the manifest says ${row.sha256}: the source was changed or replaced (sources are kept verbatim)`,
      });
    }
    if (!includesIgnoringSpace(source.text, row.title)) {
      problems.push({ file: r.file, line: r.line, field: 'title', message: `title ${showValue(row.title)} does not occur in ${source.file} (spaces and line breaks aside)` });
    }
  }
  if (input.originals) problems.push(...originalProblems(reports, input.originals, input.reports.records, input.reports.file, input.scope));
  // Ids listed in the manifest, also on rows that failed their schema: a bad `kind` on a report is one
  // problem, not an "unknown report" for each of its figures and a source "without an entry".
  const listedIds = new Set(input.reports.records.map((r) => r.values['id'] ?? ''));
  for (const [id, source] of input.sources) {
    if (!listedIds.has(id)) problems.push({ file: source.file, line: 0, field: '', message: `source has no entry in ${input.reports.file}: add it to the manifest or remove the file` });
  }

  const privateNames = new Map<string, string[]>();
  const namesIn = (reportId: string, text: string) => {
    let names = privateNames.get(reportId);
    if (!names) privateNames.set(reportId, (names = findPrivateNames(text)));
    return names;
  };
  const checkQuote = (reportId: string, quote: string, file: string, line: number): string | null => {
    const source = input.sources.get(reportId);
    if (!listedIds.has(reportId) || !source) {
      problems.push({ file, line, field: 'report_id', message: `unknown report ${reportId}: expected an id from ${input.reports.file}` });
      return null;
    }
    if (!source.text.includes(quote)) {
      problems.push({ file, line, field: 'quote', message: `quote ${showValue(quote)} is not a verbatim substring of ${source.file}` });
      return null;
    }
    const second = source.text.indexOf(quote, source.text.indexOf(quote) + 1);
    if (second >= 0) {
      problems.push({ file, line, field: 'quote', message: `quote ${showValue(quote)} occurs more than once in ${source.file}: lengthen it so that it names one place` });
    }
    if (containsPersonalData(quote, namesIn(reportId, source.text))) {
      problems.push({ file, line, field: 'quote', message: 'quote contains a mobile number or a private name: choose a quote without personal data' });
    }
    return source.text;
  };

  /**
   * Whether a row of a listed report sits in another report's file (a partition reads a report's rows only from
   * the files named after it). Such a row is named once and not checked further: in another report's file it
   * could not be checked the same way by every build.
   */
  const misfiled = (reportId: string, file: string, line: number): boolean => {
    if (!listedIds.has(reportId) || reportOfFile(file) === reportId) return false;
    problems.push({
      file,
      line,
      field: 'report_id',
      message: `${file} holds the rows of report ${reportOfFile(file)} (its name up to the first dot), not of ${reportId}: move the row to its report's file, ${reportId}.csv`,
    });
    return true;
  };

  const figures = input.figures.flatMap((csv) => parseRows(csv, figureRowSchema, problems, FIGURE_TEXT_COLUMNS));
  const seenFigures = new Map<string, string>();
  for (const f of figures) {
    const { row } = f;
    if (misfiled(row.report_id, f.file, f.line)) continue;
    const key = [row.report_id, row.metric, row.phase, row.scope, row.item, row.unit, row.quote].join('\u0000');
    const first = seenFigures.get(key);
    if (first !== undefined) {
      problems.push({ file: f.file, line: f.line, field: '', message: `duplicate row: same report, metric, phase, scope, item, unit and quote as ${first}` });
    } else seenFigures.set(key, `${f.file}:${f.line}`);
    if (checkQuote(row.report_id, row.quote, f.file, f.line) === null) continue;
    for (const field of ['item', 'note'] as const) {
      if (containsPersonalData(row[field], namesIn(row.report_id, input.sources.get(row.report_id)?.text ?? ''))) {
        problems.push({ file: f.file, line: f.line, field, message: 'contains a mobile number or a private name: the site shows this field' });
      }
    }
    const stated = checkQuoteStates(row.quote, row.value, row.unit);
    if (!stated.ok && stated.reason === 'value-missing') {
      problems.push({ file: f.file, line: f.line, field: 'value', message: `value ${row.value} does not occur as a number in the quote ${showValue(row.quote)}` });
    } else if (!stated.ok) {
      problems.push({ file: f.file, line: f.line, field: 'unit', message: `the quote writes ${row.value} with unit ${stated.found}, but the row says ${row.unit}` });
    }
    if (isMoneyUnit(row.unit) && toFen(row.value, row.unit) === null) {
      problems.push({ file: f.file, line: f.line, field: 'value', message: `${row.value} ${row.unit} is not a whole number of fen (分): more decimals than money can have` });
    }
  }

  const indicators = input.indicators.flatMap((csv) => parseRows(csv, indicatorRowSchema, problems, INDICATOR_TEXT_COLUMNS));
  const seenIndicators = new Map<string, string>();
  for (const i of indicators) {
    const { row } = i;
    if (misfiled(row.report_id, i.file, i.line)) continue;
    const key = [row.report_id, row.scope, row.level1, row.level2, row.level3, row.quote].join('\u0000');
    const first = seenIndicators.get(key);
    if (first !== undefined) problems.push({ file: i.file, line: i.line, field: '', message: `duplicate row: same report, scope, levels and quote as ${first}` });
    else seenIndicators.set(key, `${i.file}:${i.line}`);
    if (checkQuote(row.report_id, row.quote, i.file, i.line) === null) continue;
    const names = namesIn(row.report_id, input.sources.get(row.report_id)?.text ?? '');
    for (const field of ['target', 'actual', 'deduction_reason', 'level3'] as const) {
      if (containsPersonalData(row[field], names)) {
        problems.push({ file: i.file, line: i.line, field, message: 'contains a mobile number or a private name: the site shows this field' });
      }
    }
    const tokens = new Set(findNumbers(row.quote).map((o) => canonicalDigits(o.token)));
    for (const field of ['weight', 'score'] as const) {
      if (row[field] !== '' && !tokens.has(canonicalDigits(row[field]))) {
        problems.push({ file: i.file, line: i.line, field, message: `${field} ${row[field]} does not occur as a number in the quote ${showValue(row.quote)}` });
      }
    }
  }

  return {
    problems,
    dataset: {
      units: units.map((u) => u.row),
      reports: reports.map((r) => r.row),
      figures,
      indicators,
      sources: input.sources,
    },
  };
}

/** One line per problem: `file:line field: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line > 0 ? `:${p.line}` : ''}${p.field ? ` [${p.field}]` : ''} ${p.message}`;
}

