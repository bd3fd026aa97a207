/**
 * Small reports for the rules' tests: figures and indicators written as a list, the report text built from
 * their quotes so that every offset is real. Not used by the site.
 */
import type { FigureEntry } from '../../schemas/figure';
import type { IndicatorEntry } from '../../schemas/indicator';
import type { ReportWithText } from '../../schemas/report';
import type { MeasureUnit, MetricKey, Phase, ReportKind } from '../../schemas/vocabulary';
import { toYuanString } from '../money';
import type { CheckInput } from './context';

export interface FigureSpec {
  metric: MetricKey;
  value: string;
  unit: MeasureUnit;
  phase?: Phase;
  scope?: string;
  item?: string;
  /** The sentence that states it (default: "<metric> <value><unit>"). */
  quote?: string;
  /** Start a new paragraph (a blank line) before this figure's quote. */
  paragraph?: boolean;
  /** Put the quote on the same line as the previous one. */
  sameLine?: boolean;
}

export interface IndicatorSpec {
  level1?: string;
  level2?: string;
  level3?: string;
  target?: string;
  actual?: string;
  weight?: string;
  score?: string;
  scope?: string;
  quote?: string;
}

export interface FixtureOptions {
  indicators?: IndicatorSpec[];
  title?: string;
  year?: number;
  kind?: ReportKind;
  /** Text before the figures' quotes. */
  before?: string;
  /** Text after them. */
  after?: string;
}

export function makeReport(fields: Partial<ReportWithText> = {}): ReportWithText {
  return {
    id: 'test-report',
    unit_id: 'test-unit',
    year: 2022,
    kind: '部门决算',
    title: '2022年度 测试单位 部门决算',
    date: '',
    date_label: '',
    original_filename: 'test.txt',
    sha256: '0'.repeat(64),
    source_url: '',
    retrieved: '',
    note: '',
    unit_name: '测试单位',
    unit_short_name: '测试',
    text: '',
    machine_figures: 0,
    checked_figures: 0,
    original_sha256: '',
    original_format: '',
    curated_figures: 0,
    ...fields,
  };
}

/** A report whose text holds every quote, with figures and indicators pointing at them. */
export function makeInput(specs: readonly FigureSpec[], options: FixtureOptions = {}): CheckInput {
  let text = options.before ? `${options.title ?? ''}\n${options.before}\n` : `${options.title ?? '2022年度 测试单位 部门决算'}\n`;
  const figures: FigureEntry[] = specs.map((s, k) => {
    const quote = s.quote ?? `${s.metric} ${s.value}${s.unit}`;
    if (k > 0) text += s.sameLine ? '，' : s.paragraph ? '\n\n' : '\n';
    const offset = text.length;
    text += quote;
    return {
      id: `test-report-f-${String(k + 1).padStart(4, '0')}`,
      report_id: 'test-report',
      unit_id: 'test-unit',
      unit_name: '测试单位',
      year: options.year ?? 2022,
      kind: options.kind ?? '部门决算',
      metric: s.metric,
      phase: s.phase ?? 'actual',
      scope: s.scope ?? '',
      item: s.item ?? '',
      value: s.value,
      unit: s.unit,
      value_yuan: toYuanString(s.value, s.unit) ?? '',
      quote,
      quote_offset: offset,
      review: 'curated',
      note: '',
      source_sha256: '0'.repeat(64),
      origin: `fixture:${k + 1}`,
    };
  });
  text += '\n';
  const indicators: IndicatorEntry[] = (options.indicators ?? []).map((i, k) => {
    const quote = i.quote ?? [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score].filter((x) => x !== undefined && x !== '').join('\t');
    const offset = text.length;
    text += `${quote}\n`;
    return {
      id: `test-report-i-${String(k + 1).padStart(4, '0')}`,
      report_id: 'test-report',
      scope: i.scope ?? '',
      level1: i.level1 ?? '',
      level2: i.level2 ?? '',
      level3: i.level3 ?? '',
      target: i.target ?? '',
      actual: i.actual ?? '',
      weight: i.weight ?? '',
      score: i.score ?? '',
      deduction_reason: '',
      quote,
      quote_offset: offset,
      review: 'curated',
      origin: `fixture:i${k + 1}`,
    };
  });
  if (options.after) text += `${options.after}\n`;
  const report = makeReport({
    text,
    year: options.year ?? 2022,
    kind: options.kind ?? '部门决算',
    title: options.title ?? '2022年度 测试单位 部门决算',
  });
  return { report, figures, indicators };
}
