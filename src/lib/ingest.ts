/**
 * `npm run ingest` decides here, without touching the disk, what adding one report to the dataset means:
 * which files to create or append to, with which bytes — or why nothing may be written. The plan is checked
 * with the same `validateDataset` as `npm run validate`, in memory, before the script writes a byte.
 * scripts/ingest.ts only reads the files, calls `planIngest` and writes (or rolls back) what it returns.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { z } from 'zod';
import { REPORT_KINDS, type ReportKind } from '../schemas/vocabulary';
import { slugSchema, unitSchema, type Unit } from '../schemas/unit';
import { reportFields, reportSchema, type OriginalFormat, type Report } from '../schemas/report';
import type { FigureRow } from '../schemas/figure';
import { parseCsv, toCsv, type ParsedCsv, type Problem } from './csv';
import {
  FIGURE_COLUMNS,
  FIGURE_OPTIONAL_COLUMNS,
  REPORT_COLUMNS,
  REPORT_OPTIONAL_COLUMNS,
  UNIT_COLUMNS,
  formatProblem,
  validateDataset,
  type DatasetInput,
} from './validate';
import { includesIgnoringSpace } from './quote';
import { toHalfWidth } from './numbers';
import { extractReport, type DraftFigure, type Extraction } from './extract';
import { titleOf } from './extract/header';
import { SUPPORTED_EXTENSIONS } from './formats';
import { confirmedDrafts } from './ingest-checked';

/** The note every ingested report carries in the manifest until a person has reviewed it. */
export const INGEST_NOTE = '由 npm run ingest 导入；数字为程序摘录，未经人工核对。';

/** The part of a report id that names its kind: `<unit id>-<fiscal year>-<kind slug>`. */
export const KIND_SLUGS: Record<ReportKind, string> = {
  部门预算: 'budget',
  部门决算: 'final-accounts',
  部门整体支出绩效自评: 'dept-self-eval',
  项目支出绩效自评: 'project-self-eval',
  三公经费说明: 'sangong',
};

/** Paths of the data files, relative to the project root (as `readDataset` names them in problems). */
export const INGEST_PATHS = {
  units: 'data/units.csv',
  reports: 'data/reports.csv',
  source: (id: string) => `data/sources/${id}.txt`,
  original: (id: string, format: OriginalFormat) => `data/originals/${id}.${format}`,
  figures: (id: string) => `data/figures/${id}.csv`,
  indicators: (id: string) => `data/indicators/${id}.csv`,
};

// ---------------------------------------------------------------------------------------------------------
// Command line

/** What the flags of `npm run ingest` say; every field is the flag's text as given, or absent. */
export interface IngestOptions {
  unit?: string;
  id?: string;
  year?: string;
  kind?: string;
  title?: string;
  url?: string;
  retrieved?: string;
  unitName?: string;
  shortName?: string;
  province?: string;
  city?: string;
  county?: string;
  type?: string;
}

const VALUE_FLAGS = {
  '--unit': 'unit',
  '--id': 'id',
  '--year': 'year',
  '--kind': 'kind',
  '--title': 'title',
  '--url': 'url',
  '--retrieved': 'retrieved',
  '--unit-name': 'unitName',
  '--short-name': 'shortName',
  '--province': 'province',
  '--city': 'city',
  '--county': 'county',
  '--type': 'type',
} as const satisfies Record<string, keyof IngestOptions>;
type ValueFlag = keyof typeof VALUE_FLAGS;

const isValueFlag = (s: string): s is ValueFlag => Object.hasOwn(VALUE_FLAGS, s);
const SUPPORTED_FORMATS = SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(' ');

export const INGEST_USAGE = `usage: npm run ingest -- FILE|DIR … [--unit ID] [--id REPORT_ID] [flags]

  FILE|DIR …         report files in any mix of formats (${SUPPORTED_FORMATS}); a DIR is read with its sub-folders.
                     A PDF/DOCX/XLSX/HTML is kept verbatim in data/originals/, its derived text in data/sources/
  --sources FILE.csv sidecar: file → url, retrieved date, unit, year, kind (columns file,url,retrieved,unit,year,kind;
                     or repo,path_in_repo,commit for a GitHub copy). Default: a SOURCES.csv in a DIR given
  --verbose          print the notes of every file (one file: always)
  --unit ID          unit of the report (default: the unit in data/units.csv whose name the sidecar or the text names)
  --id REPORT_ID     report id (default: <unit id>-<fiscal year>-<kind slug>, -unit-budget for a 单位预算; when another
                     report has it: -revised for a title that says 更正/修订, else -2, -3 …); one FILE only
  --year YYYY        fiscal year (default: the sidecar's, else read from the text)
  --kind KIND        ${REPORT_KINDS.map((k) => `${k} (${KIND_SLUGS[k]})`).join(', ')} (default: the sidecar's, else read from the text)
  --title TITLE      title as printed (default: the first title lines of the text); one FILE only
  --url URL          where the report was published (default: the sidecar's)
  --retrieved DATE   when it was retrieved, YYYY-MM-DD (default: the sidecar's)
  --dry-run          print what would be written and write nothing
  --recheck          no FILE: read the source of every report in data/ again and set review = checked / machine
                     on its drafted rows by today's confirmations (curated rows and hand-edited rows untouched)
  --root DIR         project root (default: the current directory)
 a new unit (when --unit names an id that is not in data/units.csv):
  --unit-name NAME   full official name (default: the name the text gives)
  --short-name NAME  short name (default: the full name)
  --province P --city C --county X   where it is (required)
  --type TYPE        department type (default: 医疗保障局 when the name ends with it)`;

export type ParsedArgs =
  | {
      ok: true;
      help: boolean;
      files: string[];
      options: IngestOptions;
      dryRun: boolean;
      root: string | null;
      /** --sources FILE.csv, or null. */
      sources: string | null;
      verbose: boolean;
      /** --recheck: update the review level of the drafted rows in data/ instead of adding files. */
      recheck: boolean;
    }
  | { ok: false; error: string };

/** Flags that take a value and are not report fields. */
const RUN_FLAGS = ['--root', '--sources'] as const;
const isRunFlag = (s: string): s is (typeof RUN_FLAGS)[number] => (RUN_FLAGS as readonly string[]).includes(s);

/** Parses the command line (`--flag value` or `--flag=value`); unknown flags and missing values are errors. */
export function parseIngestArgs(argv: readonly string[]): ParsedArgs {
  const options: IngestOptions = {};
  const files: string[] = [];
  let dryRun = false;
  let help = false;
  let verbose = false;
  let recheck = false;
  const run: Record<(typeof RUN_FLAGS)[number], string | null> = { '--root': null, '--sources': null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--verbose') verbose = true;
    else if (arg === '--recheck') recheck = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      if (!isRunFlag(name) && !isValueFlag(name)) return { ok: false, error: `unknown flag ${name}` };
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) return { ok: false, error: `${name} needs a value` };
        i++;
      }
      if (isRunFlag(name)) run[name] = value;
      else if (isValueFlag(name)) {
        const key = VALUE_FLAGS[name];
        if (options[key] !== undefined) return { ok: false, error: `${name} is given twice` };
        options[key] = value;
      }
    } else files.push(arg);
  }
  const parsed = { ok: true as const, help, files, options, dryRun, root: run['--root'], sources: run['--sources'], verbose, recheck };
  if (help) return parsed;
  if (recheck && (files.length > 0 || Object.keys(options).length > 0 || run['--sources'] !== null))
    return { ok: false, error: '--recheck rechecks the reports already in data/: give no FILE and no report flags with it' };
  if (files.length === 0 && !recheck) return { ok: false, error: 'no FILE given' };
  return parsed;
}

/** A report kind from `--kind`: the Chinese name or its slug. */
export function kindFromFlag(value: string): ReportKind | null {
  const v = value.trim();
  return REPORT_KINDS.find((k) => k === v || KIND_SLUGS[k] === v) ?? null;
}

export function defaultReportId(unitId: string, year: number, kind: ReportKind): string {
  return `${unitId}-${year}-${KIND_SLUGS[kind]}`;
}

/**
 * Reports a title names beside the unit's own report of the same kind: a 单位预算 (one unit's budget) beside
 * the 部门预算 (the department's, all its units), a 单位决算 beside the 部门决算. Their ids say so whichever is
 * ingested first, so an id does not depend on the order of the files.
 */
const TITLE_VARIANTS: readonly { words: RegExp; unless: RegExp; kind: ReportKind; slug: string }[] = [
  { words: /单位预算/, unless: /部门预算/, kind: '部门预算', slug: 'unit-budget' },
  { words: /单位决算/, unless: /部门决算/, kind: '部门决算', slug: 'unit-final-accounts' },
];
/** Words of a corrected re-issue in a title (更正公告, 修订版). */
const REISSUE = /更正|修订|修正|勘误/;

/**
 * The id of a report when no --id is given: `<unit>-<year>-<kind slug>`, or the title's variant
 * (`<unit>-<year>-unit-budget`). When another report has it already (two reports of one unit, year and kind
 * with different bytes), the next free one of `<id>-revised` (a title that says it corrects) and `<id>-2`,
 * `<id>-3` …; an exact duplicate never gets here (its sha256 is known).
 */
export function reportIdFor(unitId: string, year: number, kind: ReportKind, title: string, taken: (id: string) => boolean): string {
  const variant = TITLE_VARIANTS.find((v) => v.kind === kind && v.words.test(title) && !v.unless.test(title));
  const base = `${unitId}-${year}-${variant ? variant.slug : KIND_SLUGS[kind]}`;
  if (!taken(base)) return base;
  const next = [...(REISSUE.test(title) ? [`${base}-revised`] : []), ...Array.from({ length: 98 }, (_, i) => `${base}-${i + 2}`)];
  return next.find((id) => !taken(id)) ?? base;
}

// ---------------------------------------------------------------------------------------------------------
// What the text says about itself: title and date

// the report's title as printed: the one title detector is the extractor's header stage
export { titleOf };

/** Labels of the date a report states, in the words the reports use. */
const DATE_LABEL = /(公开时间|公开日期|发布日期|发布时间|填报日期|填报时间)[ \t|]*[:：]?[ \t|]*/g;
const DATE_VALUE = /^(\d{4})\s*(?:年|[.\-/])\s*(\d{1,2})\s*(?:月|[.\-/])\s*(\d{1,2})(?!\d)/;

/**
 * The date the text states after 公开时间 / 发布日期 / 填报日期 / 填报时间 (first one with a real date),
 * as YYYY-MM-DD with the label as printed; null when it states none ("填报日期：  年  月  日" is none).
 */
export function statedDate(text: string): { date: string; label: string } | null {
  const scan = toHalfWidth(text);
  for (const m of scan.matchAll(DATE_LABEL)) {
    const d = DATE_VALUE.exec(scan.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (!d) continue;
    const date = `${d[1]}-${(d[2] ?? '').padStart(2, '0')}-${(d[3] ?? '').padStart(2, '0')}`;
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date)) continue;
    return { date, label: m[1] ?? '' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Quotes

function occursOnce(text: string, s: string): boolean {
  const first = text.indexOf(s);
  return first >= 0 && text.indexOf(s, first + 1) < 0;
}

const isDigit = (ch: string | undefined) => ch !== undefined && /[0-9０-９]/.test(ch);

/** Whether the character at `i` ends a clause or a table cell (a comma between digits is a separator). */
function isBoundary(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  if (ch === ',') return !(isDigit(text[i - 1]) && isDigit(text[i + 1]));
  return /[，。；;：:、！？!?\t|\n]/.test(ch);
}

/**
 * A verbatim quote that occurs exactly once in `text` and contains `quote` at its place (`start`, or its
 * first occurrence): the quote itself when it is unique, else the shortest extension found by adding whole
 * clauses (up to the next ，。；、 tab or pipe) to the right within its line, then to the left, then both,
 * then whole lines around it, up to `maxLength` characters. Null when there is none (a table printed twice).
 */
export function uniqueQuote(text: string, quote: string, start: number, maxLength = 300): string | null {
  if (quote === '') return null;
  const at = text.startsWith(quote, start) ? start : text.indexOf(quote);
  if (at < 0) return null;
  if (occursOnce(text, quote)) return quote;
  const end = at + quote.length;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const tryAt = (s0: number, e0: number): string | null => {
    let s = s0;
    let e = e0;
    while (s < at && /\s/.test(text[s] ?? '')) s++;
    while (e > end && /\s/.test(text[e - 1] ?? '')) e--;
    if (e - s > maxLength || (s === at && e === end)) return null;
    const candidate = text.slice(s, e);
    return occursOnce(text, candidate) ? candidate : null;
  };
  const rights: number[] = [];
  for (let e = end + 1; e <= lineEnd && e - at <= maxLength; e++) if (e === lineEnd || isBoundary(text, e)) rights.push(e);
  const lefts: number[] = [];
  for (let s = at - 1; s >= lineStart && end - s <= maxLength; s--) if (s === lineStart || isBoundary(text, s - 1)) lefts.push(s);
  for (const e of rights) {
    const found = tryAt(at, e);
    if (found !== null) return found;
  }
  for (const s of lefts) {
    const found = tryAt(s, end);
    if (found !== null) return found;
    for (const e of rights) {
      const both = tryAt(s, e);
      if (both !== null) return both;
    }
  }
  // the whole line is repeated elsewhere: add the lines around it
  let s = lineStart;
  let e = lineEnd;
  while (e - s <= maxLength && (s > 0 || e < text.length)) {
    if (e < text.length) {
      const next = text.indexOf('\n', e + 1);
      e = next < 0 ? text.length : next;
      const found = tryAt(s, e);
      if (found !== null) return found;
    }
    if (s > 0) {
      s = s >= 2 ? text.lastIndexOf('\n', s - 2) + 1 : 0;
      const found = tryAt(s, e);
      if (found !== null) return found;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// CSV files, appended to byte for byte

/** The header cells of a CSV text, or null when it has none. */
function headerOf(text: string): string[] | null {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return null;
  const first = Papa.parse<string[]>(body, { delimiter: ',', preview: 1 }).data[0];
  return first ? first.map((c) => c.trim()) : null;
}

/**
 * The CSV text with empty columns added at the end of every row (an optional column the file was written
 * without, now that a new row fills it). Every row is written again, its values unchanged.
 */
function withColumns(text: string, added: readonly string[]): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const rows = Papa.parse<string[]>(text.slice(bom.length), { delimiter: ',', newline, skipEmptyLines: true }).data;
  const widened = rows.map((row, i) => [...row, ...(i === 0 ? added : added.map(() => ''))]);
  return `${bom}${Papa.unparse(widened, { newline })}${newline}`;
}

/**
 * The CSV text with rows appended, leaving every existing byte as it is: the file's own column order and
 * line ends are used; a missing final line break is added first; an empty text gets the header.
 */
export function appendCsvRows(text: string, columns: readonly string[], rows: readonly Record<string, string>[]): string {
  const header = headerOf(text);
  if (header === null) return toCsv(columns, rows);
  const lacking = columns.filter((c) => !header.includes(c) && rows.some((r) => (r[c] ?? '') !== ''));
  if (lacking.length > 0) return appendCsvRows(withColumns(text, lacking), columns, rows);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = rows.map((r) => Papa.unparse([header.map((c) => r[c] ?? '')], { newline }));
  const separator = text.endsWith('\n') ? '' : newline;
  return `${text}${separator}${lines.map((l) => `${l}${newline}`).join('')}`;
}

// ---------------------------------------------------------------------------------------------------------
// The plan

/** One file to write: its complete new content. `previous` is its current text (null: a new file). */
export interface FileWrite {
  path: string;
  content: string | Uint8Array;
  previous: string | null;
}

export interface IngestInput {
  /** The source text's bytes: the report file exactly as read, or the UTF-8 of the text derived from `original`. */
  bytes: Uint8Array;
  /** The published file the text was derived from (PDF, DOCX, XLSX, HTML), kept verbatim in data/originals/. */
  original?: { bytes: Uint8Array; format: OriginalFormat };
  /** The unit's name as a sidecar (SOURCES.csv) gives it: preferred to the name the text gives. */
  statedUnit?: string;
  /** The same file as the extractor reads it (`readReportText`: UTF-8, without a BOM). */
  text: string;
  /** The file's base name (manifest column original_filename). */
  fileName: string;
  options: IngestOptions;
  /** The dataset as it is (`readDataset`). */
  dataset: DatasetInput;
  /** Current text of data/units.csv and data/reports.csv ('' when missing), appended to byte for byte. */
  unitsCsv: string;
  reportsCsv: string;
  /** The extractor (tests give a fixed one). */
  extract?: (text: string) => Extraction;
}

export type IngestPlan =
  | { status: 'already-ingested'; reportIds: string[]; notes: string[] }
  | { status: 'refused'; errors: string[]; notes: string[] }
  | {
      status: 'ready';
      reportId: string;
      report: Report;
      unit: Unit;
      unitCreated: boolean;
      figures: FigureRow[];
      writes: FileWrite[];
      notes: string[];
      /** Problems the dataset had before: problems after writing count only beyond these. */
      knownProblems: Problem[];
    };

/**
 * Ids of the reports whose original has this sha256: the published file kept in data/originals/, or the
 * source text when the text is the original (a report is the same when its original bytes are).
 */
export function reportsWithOriginal(dataset: DatasetInput, sha256: string): string[] {
  return dataset.reports.records
    .map((r) => r.values)
    .filter((v) => (v['original_sha256'] ? v['original_sha256'] : v['sha256']) === sha256)
    .map((v) => v['id'] ?? '');
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Problems in `after` that `before` does not have (as a multiset of printed problems). */
export function newProblems(before: readonly Problem[], after: readonly Problem[]): Problem[] {
  const seen = new Map<string, number>();
  for (const p of before) seen.set(formatProblem(p), (seen.get(formatProblem(p)) ?? 0) + 1);
  return after.filter((p) => {
    const key = formatProblem(p);
    const n = seen.get(key) ?? 0;
    if (n > 0) seen.set(key, n - 1);
    return n === 0;
  });
}

const squash = (s: string) => toHalfWidth(s).replace(/\s+/g, '');
const short = (s: string, n = 40) => (s.length > n ? `“${s.slice(0, n)}…”` : `“${s}”`);

/** The flag that sets each unit column, for error messages. */
const UNIT_FLAGS: Record<(typeof UNIT_COLUMNS)[number], string> = {
  id: '--unit',
  name: '--unit-name',
  short_name: '--short-name',
  province: '--province',
  city: '--city',
  county: '--county',
  department_type: '--type',
};
const UNIT_OPTION: Partial<Record<(typeof UNIT_COLUMNS)[number], keyof IngestOptions>> = {
  name: 'unitName',
  short_name: 'shortName',
  province: 'province',
  city: 'city',
  county: 'county',
  department_type: 'type',
};
const REPORT_FLAGS: Partial<Record<(typeof REPORT_COLUMNS)[number], string>> = {
  id: '--id',
  unit_id: '--unit',
  year: '--year',
  kind: '--kind',
  title: '--title',
  original_filename: 'FILE',
  source_url: '--url',
  retrieved: '--retrieved',
};

function schemaErrors(error: z.ZodError, flagOf: (field: string) => string): string[] {
  return error.issues.map((i) => `${flagOf(String(i.path[0] ?? ''))}: expected ${i.message}`);
}

interface UnitChoice {
  unit: Unit;
  created: boolean;
}

/** The unit of the report: named by --unit (created from the flags if new) or found by the name the text gives. */
function chooseUnit(
  options: IngestOptions,
  detected: string | null,
  dataset: DatasetInput,
  errors: string[],
  notes: string[],
): UnitChoice | null {
  const rows = dataset.units.records.map((r) => r.values);
  const asUnit = (v: Record<string, string>): Unit => ({
    id: v['id'] ?? '',
    name: v['name'] ?? '',
    short_name: v['short_name'] ?? '',
    province: v['province'] ?? '',
    city: v['city'] ?? '',
    county: v['county'] ?? '',
    department_type: v['department_type'] ?? '',
  });
  const checkFlags = (unit: Unit) => {
    for (const [column, option] of Object.entries(UNIT_OPTION) as [keyof Unit, keyof IngestOptions][]) {
      const given = options[option];
      if (given !== undefined && given !== unit[column]) {
        errors.push(
          `${UNIT_FLAGS[column]} ${given}: unit ${unit.id} already exists in ${dataset.units.file} with ${column} ${unit[column]}; leave the flag out (or correct ${dataset.units.file} by hand)`,
        );
      }
    }
  };
  if (options.unit === undefined) {
    const hint =
      'pass --unit ID (an id of data/units.csv, or a new id with --province, --city, --county and, if needed, --unit-name and --type)';
    if (detected === null) {
      errors.push(`cannot tell from the text which unit published it: ${hint}`);
      return null;
    }
    const matches = rows.filter((v) => squash(v['name'] ?? '') === squash(detected) || squash(v['short_name'] ?? '') === squash(detected));
    if (matches.length !== 1) {
      errors.push(
        matches.length === 0
          ? `the text names the unit ${detected}, which is not in ${dataset.units.file} (by name or short_name): ${hint}`
          : `the text names the unit ${detected}, which matches ${matches.map((v) => v['id']).join(' and ')}: pass --unit ID`,
      );
      return null;
    }
    const unit = asUnit(matches[0] ?? {});
    checkFlags(unit);
    notes.push(`unit ${unit.id} (${unit.name}), matched by the name the text gives`);
    return { unit, created: false };
  }

  const id = options.unit;
  const slug = slugSchema.safeParse(id);
  if (!slug.success) {
    errors.push(`--unit ${id}: expected ${slug.error.issues[0]?.message ?? 'a slug'}`);
    return null;
  }
  const existing = rows.find((v) => v['id'] === id);
  if (existing) {
    const unit = asUnit(existing);
    checkFlags(unit);
    if (
      detected !== null &&
      ![unit.name, unit.short_name].some((n) => squash(n).includes(squash(detected)) || squash(detected).includes(squash(n)))
    ) {
      notes.push(`the text names the unit ${detected}, but --unit ${id} is ${unit.name}: check that this is the right unit`);
    }
    return { unit, created: false };
  }

  const name = options.unitName ?? detected ?? undefined;
  const type = options.type ?? (name?.endsWith('医疗保障局') ? '医疗保障局' : undefined);
  const missing: [string, string][] = [];
  if (name === undefined) missing.push(['--unit-name', 'its full official name (the text does not say it clearly)']);
  if (options.province === undefined) missing.push(['--province', 'its province, e.g. 湖南省']);
  if (options.city === undefined) missing.push(['--city', "its city, e.g. 株洲市 ('' for a province's own department)"]);
  if (options.county === undefined)
    missing.push(['--county', "its county or district, e.g. 渌口区 ('' for a city's or a province's own department)"]);
  if (type === undefined)
    missing.push(['--type', 'its department type, e.g. 医疗保障局 (the default only for a name ending in 医疗保障局)']);
  for (const [flag, what] of missing) errors.push(`missing ${flag}: unit ${id} is new (not in ${dataset.units.file}) and needs ${what}`);
  if (missing.length > 0 || name === undefined || type === undefined) return null;
  const candidate = {
    id,
    name,
    short_name: options.shortName ?? name,
    province: options.province ?? '',
    city: options.city ?? '',
    county: options.county ?? '',
    department_type: type,
  };
  const parsed = unitSchema.safeParse(candidate);
  if (!parsed.success) {
    errors.push(...schemaErrors(parsed.error, (f) => UNIT_FLAGS[f as keyof typeof UNIT_FLAGS] ?? f));
    return null;
  }
  notes.push(`new unit ${id} (${name}, ${parsed.data.province} ${parsed.data.city} ${parsed.data.county}, ${type})`);
  return { unit: parsed.data, created: true };
}

/** Below this confidence (0–1, the extractor's own estimate) a machine figure is marked for review first. */
export const LOW_CONFIDENCE = 0.7;
/** How the note of a figure to review first begins (a reviewer sorts or searches the figures file by it). */
export const REVIEW_FIRST = '优先核对';

/**
 * A machine figure's note says why the extractor read it (reader, rule, confidence), so a reviewer can judge it;
 * a figure read with low confidence is marked to be reviewed first.
 */
export function reviewNote(f: Pick<DraftFigure, 'reader' | 'rule' | 'confidence'>): string {
  if (f.reader === undefined && f.rule === undefined && f.confidence === undefined) return '';
  const why = [f.reader, f.rule, f.confidence === undefined ? undefined : `置信度 ${f.confidence}`]
    .filter((part) => part !== undefined && part !== '')
    .join('；');
  const low = f.confidence !== undefined && f.confidence < LOW_CONFIDENCE;
  return `${low ? `${REVIEW_FIRST}：` : ''}程序摘录（${why}）`.replace(/[\s\u0000-\u001f]+/g, ' ').trim();
}

/**
 * Drafted rows from the extraction, each with a quote that occurs exactly once (lengthened if needed):
 * review = checked when the document confirms the figure by itself (src/lib/ingest-checked.ts), else machine.
 */
function draftRows(extraction: Extraction, text: string, reportId: string, notes: string[]): FigureRow[] {
  const rows: FigureRow[] = [];
  const confirmed = confirmedDrafts(extraction.figures);
  let lengthened = 0;
  let doubtful = 0;
  for (const [index, f] of extraction.figures.entries()) {
    const quote = uniqueQuote(text, f.quote, f.start);
    const what = `${f.metric} ${f.value} ${f.unit}`;
    if (quote === null) {
      notes.push(
        text.includes(f.quote) && f.quote !== ''
          ? `dropped ${what}: its quote ${short(f.quote)} occurs more than once and no longer verbatim quote around it is unique`
          : `dropped ${what}: its quote ${short(f.quote)} does not occur in the text`,
      );
      continue;
    }
    if (quote !== f.quote) lengthened++;
    const review = confirmed.has(index) ? 'checked' : 'machine';
    const note = review === 'machine' ? reviewNote(f) : '';
    if (note.startsWith(REVIEW_FIRST)) doubtful++;
    rows.push({
      report_id: reportId,
      metric: f.metric,
      phase: f.phase,
      scope: f.scope,
      item: f.item,
      value: f.value,
      unit: f.unit,
      quote,
      review,
      note,
    });
  }
  if (lengthened > 0) notes.push(`lengthened ${lengthened} quote(s) that occur more than once in the text, so that each names one place`);
  if (doubtful > 0)
    notes.push(
      `${doubtful} figure(s) read with low confidence (below ${LOW_CONFIDENCE}): their note starts with ${REVIEW_FIRST}; review them first`,
    );
  return rows;
}

function decodeLikeReadDataset(bytes: Uint8Array): string {
  // readDataset decodes with Buffer#toString('utf8'), which keeps a BOM
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/**
 * Plans adding one report: decides unit, id, manifest row and figure rows, and returns the files to write —
 * or `already-ingested` (the same bytes are in the manifest) or `refused` with every reason at once. A ready
 * plan has been validated in memory with `validateDataset`: it adds no problem to the dataset. Figure rows
 * the validator rejects are dropped, each with a note.
 */
export function planIngest(input: IngestInput): IngestPlan {
  const { options, dataset } = input;
  const notes: string[] = [];
  const errors: string[] = [];
  const refuse = (): IngestPlan => ({ status: 'refused', errors, notes });
  const sha = sha256Hex(input.bytes);
  const originalSha = input.original ? sha256Hex(input.original.bytes) : '';
  const manifest = dataset.reports.records.map((r) => r.values);
  const sameBytes = reportsWithOriginal(dataset, originalSha || sha);
  if (sameBytes.length > 0 && (options.id === undefined || sameBytes.includes(options.id))) {
    return { status: 'already-ingested', reportIds: options.id === undefined ? sameBytes : [options.id], notes };
  }
  if (sameBytes.length > 0)
    notes.push(`the same text is already in the dataset as ${sameBytes.join(', ')}; adding it again as ${options.id} because --id says so`);

  const extraction = (input.extract ?? extractReport)(input.text);
  let kind: ReportKind | null = extraction.kind;
  if (options.kind !== undefined) {
    kind = kindFromFlag(options.kind);
    if (kind === null)
      errors.push(`--kind ${options.kind}: expected one of ${REPORT_KINDS.map((k) => `${k} (${KIND_SLUGS[k]})`).join(', ')}`);
  } else if (kind === null) {
    errors.push(
      `cannot tell the report kind from the text: pass --kind (one of ${REPORT_KINDS.map((k) => `${k} (${KIND_SLUGS[k]})`).join(', ')})`,
    );
  }
  let year: number | null = extraction.year;
  if (options.year !== undefined) {
    year = /^\d{4}$/.test(options.year.trim()) ? Number(options.year.trim()) : null;
    if (year === null) errors.push(`--year ${options.year}: expected a fiscal year such as 2022`);
  } else if (year === null) {
    errors.push('cannot tell the fiscal year from the text: pass --year YYYY (the year the figures describe)');
  }
  for (const [flag, field, value] of [
    ['--url', 'source_url', options.url],
    ['--retrieved', 'retrieved', options.retrieved],
  ] as const) {
    const checked = value === undefined ? null : reportFields.shape[field].safeParse(value);
    if (checked && !checked.success) errors.push(`${flag} ${value}: expected ${checked.error.issues[0]?.message ?? 'a valid value'}`);
  }
  const choice = chooseUnit(options, input.statedUnit ?? extraction.unit, dataset, errors, notes);
  const title = options.title ?? titleOf(input.text);
  if (title === null) errors.push('cannot find a title line at the start of the text: pass --title "TITLE AS PRINTED"');
  else if (options.title !== undefined && !includesIgnoringSpace(input.text, options.title)) {
    errors.push(`--title ${short(options.title)}: expected the title as printed; it does not occur in the text (white space aside)`);
  }
  if (errors.length > 0 || kind === null || year === null || choice === null || title === null) return refuse();

  // the same text from another file (a PDF's derived text saved as .txt) is no second report
  const sameText = manifest.filter((v) => v['sha256'] === sha).map((v) => v['id'] ?? '');
  if (options.id === undefined && sameText.length > 0) {
    errors.push(
      `the same text is already report ${sameText.join(', ')} (from another file): nothing to add; pass --id NEW_ID to add it again`,
    );
    return refuse();
  }
  const listedIds = new Set(manifest.map((v) => v['id'] ?? ''));
  const standardId = defaultReportId(choice.unit.id, year, kind);
  const reportId = options.id ?? reportIdFor(choice.unit.id, year, kind, title, (id) => listedIds.has(id));
  if (options.id === undefined && reportId !== standardId) {
    const why = listedIds.has(standardId) ? `${standardId} is another report (other bytes)` : `the title ${short(title)} names it`;
    notes.push(`id ${reportId}: ${why}; pass --id to choose another`);
  }
  const idCheck = slugSchema.safeParse(reportId);
  if (!idCheck.success) {
    errors.push(`--id ${reportId}: expected ${idCheck.error.issues[0]?.message ?? 'a slug'}`);
    return refuse();
  }
  const listed = manifest.find((v) => v['id'] === reportId);
  const sourcePath = INGEST_PATHS.source(reportId);
  const figuresPath = INGEST_PATHS.figures(reportId);
  if (listed) {
    errors.push(
      `report ${reportId} is already in ${dataset.reports.file} with another text (sha256 ${listed['sha256'] ?? ''}; this file has ${sha}): ` +
        'a report is never replaced by ingest; pass --id NEW_ID to add this file as another report',
    );
  } else {
    if (dataset.sources.has(reportId))
      errors.push(`${sourcePath} already exists (but is not in ${dataset.reports.file}): move it away or pass --id NEW_ID`);
    for (const path of [figuresPath, INGEST_PATHS.indicators(reportId)]) {
      if ([...dataset.figures, ...dataset.indicators].some((f) => f.file === path))
        errors.push(`${path} already exists: move it away or pass --id NEW_ID`);
    }
    for (const file of dataset.originals?.values() ?? []) {
      if (file.file.startsWith(`data/originals/${reportId}.`))
        errors.push(`${file.file} already exists (but is not in ${dataset.reports.file}): move it away or pass --id NEW_ID`);
    }
  }
  const stated = statedDate(input.text);
  const reportValues: Record<(typeof REPORT_COLUMNS)[number], string> = {
    id: reportId,
    unit_id: choice.unit.id,
    year: String(year),
    kind,
    title,
    date: stated?.date ?? '',
    date_label: stated?.label ?? '',
    original_filename: input.fileName,
    sha256: sha,
    source_url: options.url ?? '',
    retrieved: options.retrieved ?? '',
    note: INGEST_NOTE,
    original_sha256: originalSha,
    original_format: input.original?.format ?? '',
  };
  const report = reportSchema.safeParse(reportValues);
  if (!report.success) errors.push(...schemaErrors(report.error, (f) => REPORT_FLAGS[f as keyof typeof REPORT_FLAGS] ?? f));
  if (errors.length > 0 || !report.success) return refuse();

  const unitsCsv = choice.created ? appendCsvRows(input.unitsCsv, UNIT_COLUMNS, [{ ...choice.unit }]) : input.unitsCsv;
  const reportsCsv = appendCsvRows(input.reportsCsv, REPORT_COLUMNS, [reportValues]);
  const sources = new Map(dataset.sources);
  sources.set(reportId, { file: sourcePath, text: decodeLikeReadDataset(input.bytes), sha256: sha });
  const originalPath = input.original ? INGEST_PATHS.original(reportId, input.original.format) : null;
  const originals = dataset.originals || originalPath ? new Map(dataset.originals ?? []) : undefined;
  if (originals && originalPath) originals.set(originalPath.slice('data/originals/'.length), { file: originalPath, sha256: originalSha });
  const known = validateDataset(dataset).problems;
  const prospective = (figuresCsv: string): { figures: ParsedCsv; problems: Problem[] } => {
    const figures = parseCsv(figuresCsv, figuresPath, FIGURE_COLUMNS, FIGURE_OPTIONAL_COLUMNS);
    const next: DatasetInput = {
      units: choice.created ? parseCsv(unitsCsv, dataset.units.file, UNIT_COLUMNS) : dataset.units,
      reports: parseCsv(reportsCsv, dataset.reports.file, REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS),
      figures: [...dataset.figures, figures],
      indicators: dataset.indicators,
      sources,
      ...(originals ? { originals } : {}),
    };
    return { figures, problems: newProblems(known, validateDataset(next).problems) };
  };

  // a file without rows is its header alone (toCsv would add a blank line)
  const figuresCsvOf = (rows: readonly FigureRow[]) => (rows.length > 0 ? toCsv(FIGURE_COLUMNS, rows) : `${FIGURE_COLUMNS.join(',')}\n`);
  let rows = draftRows(extraction, input.text, reportId, notes);
  let figuresCsv = figuresCsvOf(rows);
  // Each pass drops the rows the validator names; a duplicate names only its second row, so this settles.
  for (;;) {
    const { figures, problems } = prospective(figuresCsv);
    const elsewhere = problems.filter((p) => p.file !== figuresPath || !figures.records.some((r) => r.line === p.line));
    if (elsewhere.length > 0) {
      errors.push(...elsewhere.map(formatProblem));
      return refuse();
    }
    if (problems.length === 0) break;
    const bad = new Map<number, string[]>();
    for (const p of problems) {
      const index = figures.records.findIndex((r) => r.line === p.line);
      bad.set(index, [...(bad.get(index) ?? []), `[${p.field}] ${p.message}`]);
    }
    for (const [index, reasons] of bad) {
      const row = rows[index];
      if (row) notes.push(`dropped ${row.metric} ${row.value} ${row.unit} ${short(row.quote)}: ${reasons.join('; ')}`);
    }
    rows = rows.filter((_, i) => !bad.has(i));
    figuresCsv = figuresCsvOf(rows);
  }
  if (rows.length === 0)
    notes.push('no figures: the extractor found none that can be quoted verbatim (the report is added without figures)');

  const writes: FileWrite[] = [
    ...(input.original && originalPath ? [{ path: originalPath, content: input.original.bytes, previous: null }] : []),
    { path: sourcePath, content: input.bytes, previous: null },
    { path: dataset.reports.file, content: reportsCsv, previous: input.reportsCsv },
    ...(choice.created ? [{ path: dataset.units.file, content: unitsCsv, previous: input.unitsCsv }] : []),
    { path: figuresPath, content: figuresCsv, previous: null },
  ];
  return {
    status: 'ready',
    reportId,
    report: report.data,
    unit: choice.unit,
    unitCreated: choice.created,
    figures: rows,
    writes,
    notes,
    knownProblems: known,
  };
}
