import type { ZodError, ZodType, ZodTypeDef } from 'zod';
import { unitSchema, type Unit } from '../schemas/unit';
import { reportSchema, type Report } from '../schemas/report';
import { figureRowSchema, type FigureRow } from '../schemas/figure';
import { indicatorRowSchema, type IndicatorRow } from '../schemas/indicator';
import type { ParsedCsv, Problem } from './csv';
import { checkQuoteStates, findNumbers, includesIgnoringSpace } from './quote';
import { canonicalDigits } from './numbers';
import { isMoneyUnit, toFen } from './money';
import { containsPersonalData, findPrivateNames } from './privacy';

/** Column lists of the data files, in order. Optional columns may be left out of a file. */
export const UNIT_COLUMNS = ['id', 'name', 'short_name', 'province', 'city', 'county', 'department_type'] as const;
export const REPORT_COLUMNS = ['id', 'unit_id', 'year', 'kind', 'title', 'date', 'date_label', 'original_filename', 'sha256', 'source_url', 'retrieved', 'note'] as const;
export const FIGURE_COLUMNS = ['report_id', 'metric', 'phase', 'scope', 'item', 'value', 'unit', 'quote', 'review', 'note'] as const;
export const FIGURE_OPTIONAL_COLUMNS = ['note'] as const;
export const INDICATOR_COLUMNS = ['report_id', 'scope', 'level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'deduction_reason', 'quote', 'review'] as const;

/** A source text as found on disk, with its computed sha256. */
export interface SourceText {
  file: string;
  text: string;
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

function zodProblems(error: ZodError, file: string, line: number): Problem[] {
  return error.issues.map((issue) => ({
    file,
    line,
    field: issue.path.join('.') || '',
    message: `expected ${issue.message}`,
  }));
}

function parseRows<T>(csv: ParsedCsv, schema: ZodType<T, ZodTypeDef, unknown>, problems: Problem[]): Located<T>[] {
  const out: Located<T>[] = [];
  for (const rec of csv.records) {
    const parsed = schema.safeParse(rec.values);
    if (parsed.success) out.push({ row: parsed.data, file: csv.file, line: rec.line });
    else problems.push(...zodProblems(parsed.error, csv.file, rec.line));
  }
  return out;
}

function showValue(v: string): string {
  return v.length > 40 ? `“${v.slice(0, 40)}…”` : `“${v}”`;
}

/**
 * Validates the whole dataset and returns every problem at once. The dataset is returned only for use when
 * `problems` is empty; nothing is dropped or defaulted silently: a row that fails is named in `problems`.
 */
export function validateDataset(input: DatasetInput): { problems: Problem[]; dataset: ValidDataset } {
  const problems: Problem[] = [...input.units.problems, ...input.reports.problems];
  for (const f of [...input.figures, ...input.indicators]) problems.push(...f.problems);

  const units = parseRows(input.units, unitSchema, problems);
  const unitIds = new Set<string>();
  for (const u of units) {
    if (unitIds.has(u.row.id)) problems.push({ file: u.file, line: u.line, field: 'id', message: `duplicate unit id ${u.row.id}` });
    unitIds.add(u.row.id);
  }

  const reports = parseRows(input.reports, reportSchema, problems);
  const reportIds = new Set<string>();
  for (const r of reports) {
    const { row } = r;
    if (reportIds.has(row.id)) problems.push({ file: r.file, line: r.line, field: 'id', message: `duplicate report id ${row.id}` });
    reportIds.add(row.id);
    if (!unitIds.has(row.unit_id)) {
      problems.push({ file: r.file, line: r.line, field: 'unit_id', message: `unknown unit ${row.unit_id}: expected an id from ${input.units.file}` });
    }
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

  const figures = input.figures.flatMap((csv) => parseRows(csv, figureRowSchema, problems));
  const seenFigures = new Map<string, string>();
  for (const f of figures) {
    const { row } = f;
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

  const indicators = input.indicators.flatMap((csv) => parseRows(csv, indicatorRowSchema, problems));
  const seenIndicators = new Map<string, string>();
  for (const i of indicators) {
    const { row } = i;
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

