import { METRICS, type MeasureUnit, type MetricKey, type Phase } from '../../schemas/vocabulary';
import { columnRole, LABEL_COLUMN_TITLE, VALUE_ROLES, type ColumnRole } from './columns';
import { FUNCTIONAL_CLASSES, LABEL_RULES } from './lexicon';
import { isLineNumberedHeader, numberedSegments } from './readers/line-numbered';
import type { SpaceRow } from './readers/space-aligned';
import type { DraftFigure, ExtractContext } from './types';

/**
 * Tables as conversion leaves them: tab-separated lines, markdown or flattened pipes, or one cell per line
 * ending in "|". A header row says what each column holds (年初预算数 / 全年预算数 / 全年执行数 / 执行率 …);
 * data rows are read by column position.
 */

export interface Cell {
  text: string;
  start: number;
  end: number;
}
export type Row = Cell[];

type Role = ColumnRole;

const NUMERIC_CELL = /^\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:%|万元|元)?\s*$/;
/** The budget metric a phase column holds for a project or a unit's overall budget. */
export const BUDGET_FAMILY: Record<Phase | 'rate', MetricKey> = {
  budget: 'budget_initial',
  adjusted: 'budget_adjusted',
  actual: 'budget_executed',
  rate: 'execution_rate',
};

/** State of the table being read. */
export interface TableState {
  roles: Map<number, Role> | null;
  /** For a statement with line numbers (行次), the roles of the value columns after each line number. */
  numbered: Role[] | null;
  /** Data rows read since the header (a second header row right after the first refines its columns). */
  rowsSinceHeader: number;
  unit: MeasureUnit | null;
  project: string;
  sangong: boolean;
}

export function newTableState(): TableState {
  return { roles: null, numbered: null, rowsSinceHeader: 0, unit: null, project: '', sangong: false };
}

function cellUnit(cell: string, role: Role, fallback: MeasureUnit | null): MeasureUnit | null {
  if (/%\s*$/.test(cell)) return '%';
  if (/万元\s*$/.test(cell)) return '万元';
  if (/元\s*$/.test(cell)) return '元';
  if (role === 'rate') return /\./.test(cell) && Number(cell) <= 1.5 ? 'ratio' : '%';
  return fallback;
}

function metricOfLabel(label: string, state: TableState): { metric: MetricKey; item: string; family: boolean } | null {
  const l = label.replace(/\s+/g, '');
  if (state.project === '' && state.numbered) return lexiconMetric(l);
  if (/^(?:年度)?资金总额|^项目资金总额|^(?:项目)?总额$/.test(l)) return { metric: 'budget_executed', item: '', family: true };
  const part = /^(?:其中[:：]?)?((?:当年)?财政拨款|上级追加|上年结余结转资金?|其他资金|上级补助|本级配套)/.exec(l);
  if (part) return { metric: 'budget_executed', item: part[1] ?? '', family: true };
  if (/^合计$|^总计$/.test(l) && state.sangong) return { metric: 'sangong_total', item: '', family: false };
  return lexiconMetric(l);
}

/** Whether a metric label of the lexicon spans the whole text ("工资福利支出", not "提前下达…补助资金"). */
function isWholeLabel(text: string): boolean {
  return LABEL_RULES.some((rule) => {
    rule.pattern.lastIndex = 0;
    return rule.kind === 'metric' && !rule.after && [...text.matchAll(rule.pattern)].some((m) => m[0] === text);
  });
}

/** The metric the lexicon gives a label cell: the label ending last, the longest at the same end. */
export function lexiconMetric(l: string): { metric: MetricKey; item: string; family: boolean } | null {
  let best: { metric: MetricKey; end: number; len: number; item: string } | null = null;
  for (const rule of LABEL_RULES) {
    // a label that needs the sentence before it ("金额" after 购置公务用车) means nothing alone in a cell
    if (rule.kind !== 'metric' || rule.after) continue;
    rule.pattern.lastIndex = 0;
    for (const m of l.matchAll(rule.pattern)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && m[0].length > best.len)) best = { metric: rule.metric, end, len: m[0].length, item: rule.item ? m[0] : '' };
    }
  }
  return best ? { metric: best.metric, item: best.item, family: false } : null;
}

/** The label of a scoring table's total row. */
const SCORE_TOTAL = /^(?:得\s*分|总\s*分|合\s*计|部门整体自评得分|自评得分|综合得分|评价得分)$/;

/** Figures in one table row, updating the table state (header, project, unit) as it goes. */
export function figuresInRow(ctx: ExtractContext, row: Row, state: TableState): DraftFigure[] {
  const texts = row.map((c) => c.text);
  const joined = texts.join(' ');
  const unitNote = /单位\s*[:：]\s*(万元|元)|[(（]\s*(万元|元)\s*[)）]/.exec(joined);
  if (unitNote) state.unit = (unitNote[1] ?? unitNote[2]) as MeasureUnit;
  if (/三公/.test(joined)) state.sangong = true;
  const nameCell = texts.findIndex((t) => /^项目名称\s*[:：]?$/.test(t));
  if (nameCell >= 0) {
    const name = texts.slice(nameCell + 1).find((t) => t !== '');
    if (name) state.project = name.replace(/^\d{10,}-/, '');
  }
  const inline = /^项目名称\s*[:：]\s*(.+)$/.exec(texts.find((t) => /^项目名称\s*[:：]\s*\S/.test(t)) ?? '');
  if (inline?.[1]) state.project = inline[1].trim();

  const roles = new Map<number, Role>();
  texts.forEach((t, i) => {
    const r = columnRole(t, ctx.year);
    if (r) roles.set(i, r);
  });
  if (isLineNumberedHeader(texts) && !texts.some((t) => NUMERIC_CELL.test(t))) {
    const at = texts.findIndex((t) => /^行\s*次$/.test(t));
    const following: Role[] = [];
    for (let i = at + 1; i < texts.length && roles.has(i); i++) following.push(roles.get(i) as Role);
    state.numbered = following.length > 0 ? following : null;
    state.roles = null;
    return [];
  }
  if (state.numbered) {
    const read = figuresInNumberedRow(ctx, row, state, state.numbered);
    if (read) return read;
  }
  if (state.roles && state.rowsSinceHeader === 0 && !texts.some((t) => NUMERIC_CELL.test(t))) {
    const grouped = groupedColumns(state.roles, texts);
    if (grouped) {
      state.roles = grouped;
      return [];
    }
  }
  const valueRoles = [...roles.values()].filter((r) => VALUE_ROLES.has(r));
  const titled = LABEL_COLUMN_TITLE.test((texts.find((t) => t !== '') ?? '').replace(/\s+/g, ''));
  // a 合计 column names a phase only under a titled header ("项目 | 合计 | 行政单位 …")
  const phaseNamed = valueRoles.length - (titled ? 0 : texts.filter((t) => /^合\s*计$/.test(t)).length);
  if ((phaseNamed >= 2 || (valueRoles.length >= 1 && titled)) && !texts.some((t) => NUMERIC_CELL.test(t))) {
    state.roles = roles;
    state.rowsSinceHeader = 0;
    return [];
  }
  if (texts.some((t) => NUMERIC_CELL.test(t))) state.rowsSinceHeader++;

  // a scoring table's total may follow other cells on its row ("其他需要说明事项 | 无 | 总分 | 100 | 96 | 优")
  const scoreTotalIndex = texts.findIndex((t, i) => SCORE_TOTAL.test(t.replace(/\s+/g, ' ').trim()) && NUMERIC_CELL.test(texts[i + 1] ?? ''));
  const labelIndex = scoreTotalIndex > 0 && !state.sangong ? scoreTotalIndex : texts.findIndex((t) => /[\u4e00-\u9fa5]/.test(t));
  if (labelIndex < 0) return [];
  const labelCell = row[labelIndex];
  const label = texts[labelIndex] ?? '';
  if (!labelCell) return [];
  const numbers = row.map((c, i) => ({ c, i })).filter(({ c, i }) => i > labelIndex && NUMERIC_CELL.test(c.text));
  if (numbers.length === 0) return [];
  const quoteOf = (cell: Cell) => ctx.text.slice(labelCell.start, cell.end);
  const draft = (metric: MetricKey, phase: Phase, item: string, cell: Cell, unit: MeasureUnit): DraftFigure => ({
    metric, phase, scope: state.project || ctx.projectScope, item, value: ctx.text.slice(cell.start, cell.end).replace(/\s*(?:%|万元|元)\s*$/, ''), unit, quote: quoteOf(cell), start: labelCell.start,
    reader: 'table', rule: `row «${label}»`, confidence: 0.85,
  });

  // totals of a scoring table: 得分 / 总分 / 合计 followed by the full marks (100) and the score
  if (SCORE_TOTAL.test(label.replace(/\s+/g, ' ').trim()) && !state.sangong) {
    const last = numbers[numbers.length - 1];
    if (!last || (numbers.length === 1 && /^100(?:\.0+)?$/.test(last.c.text))) return [];
    if (/(?:元|%)\s*$/.test(last.c.text)) return []; // a 合计 of amounts, not of scores
    if (numbers.length === 1 && !/得分/.test(label)) return [];
    return [draft('self_eval_score', 'actual', '', last.c, '分')];
  }
  // the 预算执行率 row of an indicator table: target 100%, then the actual rate
  if (/^预算执行率/.test(label)) {
    const rates = numbers.filter(({ c }) => /%\s*$/.test(c.text) || /^0?\.\d+$/.test(c.text.trim()));
    const actual = rates.length >= 2 ? rates[rates.length - 1] : undefined;
    if (actual) return [draft('execution_rate', 'actual', '预算执行率指标', actual.c, /%/.test(actual.c.text) ? '%' : 'ratio')];
    return [];
  }

  if (!state.roles) return [];
  const found = metricOfLabel(label, state);
  if (!found) return [];
  const out: DraftFigure[] = [];
  const roleCells: [Role, Cell][] = [];
  const shift = bestShift(state.roles, row);
  if (shift !== null) {
    for (const [i, role] of state.roles) {
      const cell = row[i + shift];
      if (cell && NUMERIC_CELL.test(cell.text)) roleCells.push([role, cell]);
    }
  } else {
    const ordered = [...state.roles.values()];
    numbers.slice(0, ordered.length).forEach(({ c }, k) => roleCells.push([ordered[k] as Role, c]));
  }
  for (const [headerRole, cell] of roleCells) {
    if (!VALUE_ROLES.has(headerRole)) continue;
    const role: Phase | 'rate' = headerRole === 'stated' ? ctx.defaultPhase : (headerRole as Phase | 'rate');
    const countUnit = COUNT_UNIT[found.metric];
    const unit = countUnit && !/[%元]\s*$/.test(cell.text) && /^\d+$/.test(cell.text.trim()) ? countUnit : cellUnit(cell.text, role, state.unit ?? ctx.declaredUnit(cell.start));
    if (!unit) continue;
    let metric: MetricKey;
    let item = found.item;
    if (found.family) metric = BUDGET_FAMILY[role];
    else if (role === 'rate') {
      metric = 'execution_rate';
      item = METRICS[found.metric].label;
    } else metric = found.metric;
    const phase: Phase = role === 'rate' ? 'actual' : role;
    const measures = METRICS[metric].measures as readonly string[];
    if (metric !== 'execution_rate' && !measures.includes('money') && unit !== '分' && !countUnit) continue;
    out.push({ ...draft(metric, phase, item, cell, unit), reader: 'table', rule: `row «${label}» × column ${headerRole}`, confidence: shift === 0 ? 0.9 : 0.8 });
  }
  return out;
}

/**
 * A row of a statement with line numbers, read segment by segment (readers/line-numbered.ts); null when the
 * row is not one (no segment), so the caller reads it otherwise.
 */
function figuresInNumberedRow(ctx: ExtractContext, row: Row, state: TableState, roles: readonly Role[]): DraftFigure[] | null {
  const texts = row.map((c) => c.text);
  const segments = numberedSegments(texts, roles.length);
  if (segments.length === 0) return null;
  const out: DraftFigure[] = [];
  for (const segment of segments) {
    const labelCell = row[segment.label];
    if (!labelCell) continue;
    const label = labelCell.text.replace(/^[一二三四五六七八九十]+[、.]\s*/, '');
    const found = metricOfLabel(label, state);
    if (!found) continue;
    segment.values.forEach((index, k) => {
      const role = roles[k];
      const cell = index === null ? undefined : row[index];
      if (!cell || !role || !VALUE_ROLES.has(role) || role === 'rate') return;
      const phase: Phase = role === 'stated' ? ctx.defaultPhase : (role as Phase);
      const metric = found.family ? BUDGET_FAMILY[phase] : found.metric;
      if (!(METRICS[metric].measures as readonly string[]).includes('money')) return;
      const unit = cellUnit(cell.text, phase, state.unit ?? ctx.declaredUnit(cell.start));
      if (!unit) return;
      out.push({
        metric, phase, scope: state.project || ctx.projectScope, item: found.item, value: ctx.text.slice(cell.start, cell.end).replace(/\s*(?:%|万元|元)\s*$/, ''), unit,
        quote: ctx.text.slice(labelCell.start, cell.end), start: labelCell.start, reader: 'line-numbered table', rule: `row «${label}» line-numbered × column ${role}`, confidence: 0.85,
      });
    });
  }
  return out;
}

/**
 * A row of a space-aligned table (readers/space-aligned.ts) with exactly one number per column: each value
 * column's number under the label's metric. Rows with another count of numbers are left unread.
 */
export function figuresInAlignedRow(ctx: ExtractContext, lineStart: number, row: SpaceRow, roles: readonly Role[]): DraftFigure[] {
  if (row.numbers.length !== roles.length) return [];
  const found = lexiconMetric(row.label.replace(/\s+/g, ''));
  if (!found) return [];
  const labelStart = lineStart + row.labelStart;
  const out: DraftFigure[] = [];
  row.numbers.forEach((n, k) => {
    const role = roles[k];
    if (!role || !VALUE_ROLES.has(role) || role === 'rate' || n.text.endsWith('%')) return;
    const phase: Phase = role === 'stated' ? ctx.defaultPhase : (role as Phase);
    if (!(METRICS[found.metric].measures as readonly string[]).includes('money')) return;
    const unit = ctx.declaredUnit(lineStart + n.start);
    if (!unit) return;
    out.push({
      metric: found.metric, phase, scope: ctx.projectScope, item: found.item, value: ctx.text.slice(lineStart + n.start, lineStart + n.end), unit,
      quote: ctx.text.slice(labelStart, lineStart + n.end), start: labelStart, reader: 'space-aligned table', rule: `row «${row.label}» × column ${role}`, confidence: 0.8,
    });
  });
  return out;
}

/** Counts a table states without a unit word: the unit the metric is counted in. */
const COUNT_UNIT: Partial<Record<MetricKey, MeasureUnit>> = {
  vehicle_count: '辆', vehicle_purchase_count: '辆', reception_batches: '批次', reception_people: '人次', abroad_groups: '个', abroad_people: '人次', staff_count: '人',
};

/**
 * How the header's columns line up with a data row: 0 when by position, -1 or 1 when a group header cell
 * ("年度预算数(万元)" above 年初 / 调整后 / 执行数) or a missing label cell shifts them. A rate column must land on
 * a rate and an amount column on an amount; null when no shift fits.
 */
function bestShift(roles: ReadonlyMap<number, Role>, row: Row): number | null {
  let best: { shift: number; score: number } | null = null;
  for (const shift of [0, -1, 1]) {
    let score = 0;
    for (const [i, role] of roles) {
      if (!VALUE_ROLES.has(role)) continue;
      const text = row[i + shift]?.text ?? '';
      if (!NUMERIC_CELL.test(text)) continue;
      const isRate = /%\s*$/.test(text);
      score += role === 'rate' ? (isRate || /^0?\.\d+$/.test(text.trim()) ? 1 : -2) : isRate ? -2 : 1;
    }
    if (score > 0 && (!best || score > best.score)) best = { shift, score };
  }
  return best?.shift ?? null;
}

/**
 * A second header row under phase columns that each span a group ("预算数 | 决算数" over "合计 | 一般公共预算 |
 * 政府性基金 | 合计 | …"): each phase's figure is its group's first (合计) column. Null when the row is not such a
 * sub-header (as many 合计/小计 cells as phase columns).
 */
function groupedColumns(roles: ReadonlyMap<number, Role>, texts: readonly string[]): Map<number, Role> | null {
  const phases = [...roles].filter(([, r]) => VALUE_ROLES.has(r)).sort((a, b) => a[0] - b[0]);
  const totals = texts.map((t, i) => ({ t: t.replace(/\s+/g, ''), i })).filter(({ t }) => /^(?:合计|小计)$/.test(t)).map(({ i }) => i);
  const first = phases[0];
  const firstTotal = totals[0];
  if (phases.length < 2 || totals.length !== phases.length || first === undefined || firstTotal === undefined) return null;
  const out = new Map<number, Role>();
  phases.forEach(([, role], k) => out.set(first[0] + ((totals[k] ?? 0) - firstTotal), role));
  return out;
}

/**
 * Tables whose columns are separated only by spaces ("1 城乡居民… 长安区医疗保障局 3543.206 3543.206 0 100"):
 * empty cells leave no trace, so numbers are read left to right against the header's numeric columns, and
 * a last number under a final 得分 column is the score.
 */
export function spaceHeader(line: string): (Role | 'other')[] | null {
  const words = line.trim().split(/\s+/);
  // a sentence is no header, however many column words it holds
  if (words.length < 4 || words.some((w) => /^\d/.test(w)) || /[。，,；;]/.test(line)) return null;
  const roles = words.map((w) => (/自评得分|^得分$/.test(w) ? 'score' : columnRole(w, null))).filter((r): r is Role => r !== null);
  if (roles.filter((r) => VALUE_ROLES.has(r) && r !== 'stated').length < 2) return null;
  const numeric = words.filter((w) => columnRole(w, null) !== null || /自评得分|^得分$|数$|额$|率$/.test(w) && !/^(?:序号|项目名称|单位|项目)/.test(w));
  return numeric.map((w) => (/自评得分|^得分$/.test(w) ? 'score' : (columnRole(w, null) ?? 'other')));
}

export function figuresInSpaceRow(ctx: ExtractContext, lineStart: number, lineEnd: number, roles: readonly (Role | 'other')[], unit: MeasureUnit | null): DraftFigure[] {
  const line = ctx.scan.slice(lineStart, lineEnd);
  const row = /^\s*\d{1,3}\s+(\S+)/.exec(line);
  if (!row?.[1] || !/[\u4e00-\u9fa5]/.test(row[1])) return [];
  // rows name projects: a row the lexicon knows (工资福利支出) or a functional class (卫生健康支出) is a line of
  // a statement, whose columns are not a project's budget and execution
  if (FUNCTIONAL_CLASSES.includes(row[1]) || isWholeLabel(row[1])) return [];
  const labelStart = lineStart + line.indexOf(row[1]);
  const numbers = [...line.matchAll(/(?<=\s)-?\d+(?:\.\d+)?(?=\s|$)/g)].map((m) => ({ start: lineStart + m.index, end: lineStart + m.index + m[0].length }));
  if (numbers.length < 2) return [];
  const out: DraftFigure[] = [];
  const scope = ctx.text.slice(labelStart, labelStart + row[1].length);
  const take = (role: Role | 'other', cell: { start: number; end: number }) => {
    if (role === 'other' || role === 'weight' || role === 'change' || role === 'prior') return;
    const phase: Phase | 'rate' | 'score' = role === 'stated' ? ctx.defaultPhase : role;
    const value = ctx.text.slice(cell.start, cell.end);
    const quote = ctx.text.slice(labelStart, cell.end);
    const why = { reader: 'space-aligned table', rule: `row «${scope}» × column ${role}`, confidence: 0.75 };
    if (phase === 'score') out.push({ metric: 'self_eval_score', phase: 'actual', scope, item: '', value, unit: '分', quote, start: labelStart, ...why });
    else if (phase === 'rate') out.push({ metric: 'execution_rate', phase: 'actual', scope, item: '', value, unit: '%', quote, start: labelStart, ...why });
    else if (unit) out.push({ metric: BUDGET_FAMILY[phase], phase, scope, item: '', value, unit, quote, start: labelStart, ...why });
  };
  const lastIsScore = roles[roles.length - 1] === 'score';
  const phaseRoles = lastIsScore ? roles.slice(0, -1) : roles;
  const phaseNumbers = lastIsScore && numbers.length > 1 ? numbers.slice(0, -1) : numbers;
  phaseNumbers.slice(0, phaseRoles.length).forEach((cell, k) => take(phaseRoles[k] ?? 'other', cell));
  const last = numbers[numbers.length - 1];
  if (lastIsScore && last) take('score', last);
  return out;
}
