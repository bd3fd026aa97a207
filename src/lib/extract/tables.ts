import { METRICS, type MeasureUnit, type MetricKey, type Phase } from '../../schemas/vocabulary';
import { LABEL_RULES } from './lexicon';
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

type Role = Phase | 'rate' | 'weight' | 'score';

function roleOf(cell: string): Role | null {
  const c = cell.replace(/\s+/g, '');
  if (/^(?:预算)?执行率|^完成率|^支出率/.test(c)) return 'rate';
  if (/全年预算数|调整后|调整预算|预算数\(调整后\)|全年预算/.test(c)) return 'adjusted';
  if (/^年初预算数?|^预算数$|^预算$|^年初数$|^预算安排/.test(c)) return 'budget';
  if (/全年执行数|执行数|决算数|^决算$|实际支出|^支出数|^执行\(|^实际数/.test(c)) return 'actual';
  if (/^分值/.test(c)) return 'weight';
  if (/^得分$/.test(c)) return 'score';
  return null;
}

const NUMERIC_CELL = /^\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:%|万元|元)?\s*$/;
const BUDGET_FAMILY: Record<Phase | 'rate', MetricKey> = {
  budget: 'budget_initial',
  adjusted: 'budget_adjusted',
  actual: 'budget_executed',
  rate: 'execution_rate',
};

/** Splits one line of the scan copy into cells at tabs or pipes; null when it is not a table row. */
export function rowOf(scan: string, lineStart: number, lineEnd: number): Row | null {
  const line = scan.slice(lineStart, lineEnd);
  const sep = line.includes('\t') ? '\t' : line.includes('|') ? '|' : null;
  if (!sep) return null;
  const cells: Row = [];
  let pos = 0;
  for (const part of line.split(sep)) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    cells.push({ text, start: lineStart + pos + lead, end: lineStart + pos + lead + text.length });
    pos += part.length + 1;
  }
  if (sep === '|' && /^[\s|:-]*$/.test(line)) return null; // markdown separator
  return cells.filter((c) => c.text !== '').length >= 2 ? cells : null;
}

/** State of the table being read. */
export interface TableState {
  roles: Map<number, Role> | null;
  unit: MeasureUnit | null;
  project: string;
  sangong: boolean;
}

export function newTableState(): TableState {
  return { roles: null, unit: null, project: '', sangong: false };
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
  if (/^(?:年度)?资金总额|^项目资金总额/.test(l)) return { metric: 'budget_executed', item: '', family: true };
  const part = /^(?:其中[:：]?)?((?:当年)?财政拨款|上级追加|上年结余结转资金?|其他资金|上级补助|本级配套)/.exec(l);
  if (part) return { metric: 'budget_executed', item: part[1] ?? '', family: true };
  if (/^合计$|^总计$/.test(l) && state.sangong) return { metric: 'sangong_total', item: '', family: false };
  let best: { metric: MetricKey; end: number; len: number; item: string } | null = null;
  for (const rule of LABEL_RULES) {
    if (rule.kind !== 'metric') continue;
    rule.pattern.lastIndex = 0;
    for (const m of l.matchAll(rule.pattern)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && m[0].length > best.len)) best = { metric: rule.metric, end, len: m[0].length, item: rule.item ? m[0] : '' };
    }
  }
  return best ? { metric: best.metric, item: best.item, family: false } : null;
}

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
    const r = roleOf(t);
    if (r) roles.set(i, r);
  });
  const phaseRoles = [...roles.values()].filter((r) => r !== 'weight' && r !== 'score');
  if (phaseRoles.length >= 2 && !texts.some((t) => NUMERIC_CELL.test(t))) {
    state.roles = roles;
    return [];
  }

  const labelIndex = texts.findIndex((t) => /[\u4e00-\u9fa5]/.test(t));
  if (labelIndex < 0) return [];
  const labelCell = row[labelIndex];
  const label = texts[labelIndex] ?? '';
  if (!labelCell) return [];
  const numbers = row.map((c, i) => ({ c, i })).filter(({ c, i }) => i > labelIndex && NUMERIC_CELL.test(c.text));
  if (numbers.length === 0) return [];
  const quoteOf = (cell: Cell) => ctx.text.slice(labelCell.start, cell.end);
  const draft = (metric: MetricKey, phase: Phase, item: string, cell: Cell, unit: MeasureUnit): DraftFigure => ({
    metric, phase, scope: state.project || ctx.projectScope, item, value: ctx.text.slice(cell.start, cell.end).replace(/\s*(?:%|万元|元)\s*$/, ''), unit, quote: quoteOf(cell), start: labelCell.start,
  });

  // totals of a scoring table: 得分 / 总分 / 合计 followed by the full marks (100) and the score
  if (/^(?:得\s*分|总\s*分|合\s*计|部门整体自评得分|自评得分|综合得分|评价得分)$/.test(label.replace(/\s+/g, ' ').trim()) && !state.sangong) {
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
  const aligned = [...state.roles].filter(([i]) => NUMERIC_CELL.test(row[i]?.text ?? ''));
  if (aligned.length > 0) for (const [i, role] of aligned) roleCells.push([role, row[i] as Cell]);
  else {
    const ordered = [...state.roles.values()];
    numbers.slice(0, ordered.length).forEach(({ c }, k) => roleCells.push([ordered[k] as Role, c]));
  }
  for (const [role, cell] of roleCells) {
    if (role === 'weight' || role === 'score') continue;
    const unit = cellUnit(cell.text, role, state.unit ?? ctx.declaredUnit(cell.start));
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
    if (metric !== 'execution_rate' && !measures.includes('money') && unit !== '分') continue;
    out.push(draft(metric, phase, item, cell, unit));
  }
  return out;
}

/**
 * Tables whose columns are separated only by spaces ("1 城乡居民… 长安区医疗保障局 3543.206 3543.206 0 100"):
 * empty cells leave no trace, so numbers are read left to right against the header's numeric columns, and
 * a last number under a final 得分 column is the score.
 */
export function spaceHeader(line: string): (Role | 'other')[] | null {
  const words = line.trim().split(/\s+/);
  if (words.length < 4 || words.some((w) => /^\d/.test(w))) return null;
  const roles = words.map((w) => (/自评得分|^得分$/.test(w) ? 'score' : roleOf(w))).filter((r): r is Role => r !== null);
  if (roles.filter((r) => r !== 'weight' && r !== 'score').length < 2) return null;
  const numeric = words.filter((w) => roleOf(w) !== null || /自评得分|^得分$|数$|额$|率$/.test(w) && !/^(?:序号|项目名称|单位|项目)/.test(w));
  return numeric.map((w) => (/自评得分|^得分$/.test(w) ? 'score' : (roleOf(w) ?? 'other')));
}

export function figuresInSpaceRow(ctx: ExtractContext, lineStart: number, lineEnd: number, roles: readonly (Role | 'other')[], unit: MeasureUnit | null): DraftFigure[] {
  const line = ctx.scan.slice(lineStart, lineEnd);
  const row = /^\s*\d{1,3}\s+(\S+)/.exec(line);
  if (!row?.[1] || !/[\u4e00-\u9fa5]/.test(row[1])) return [];
  const labelStart = lineStart + line.indexOf(row[1]);
  const numbers = [...line.matchAll(/(?<=\s)-?\d+(?:\.\d+)?(?=\s|$)/g)].map((m) => ({ start: lineStart + m.index, end: lineStart + m.index + m[0].length }));
  if (numbers.length < 2) return [];
  const out: DraftFigure[] = [];
  const scope = ctx.text.slice(labelStart, labelStart + row[1].length);
  const take = (role: Role | 'other', cell: { start: number; end: number }) => {
    if (role === 'other' || role === 'weight') return;
    const value = ctx.text.slice(cell.start, cell.end);
    const quote = ctx.text.slice(labelStart, cell.end);
    if (role === 'score') out.push({ metric: 'self_eval_score', phase: 'actual', scope, item: '', value, unit: '分', quote, start: labelStart });
    else if (role === 'rate') out.push({ metric: 'execution_rate', phase: 'actual', scope, item: '', value, unit: '%', quote, start: labelStart });
    else if (unit) out.push({ metric: BUDGET_FAMILY[role], phase: role, scope, item: '', value, unit, quote, start: labelStart });
  };
  const lastIsScore = roles[roles.length - 1] === 'score';
  const phaseRoles = lastIsScore ? roles.slice(0, -1) : roles;
  const phaseNumbers = lastIsScore && numbers.length > 1 ? numbers.slice(0, -1) : numbers;
  phaseNumbers.slice(0, phaseRoles.length).forEach((cell, k) => take(phaseRoles[k] ?? 'other', cell));
  const last = numbers[numbers.length - 1];
  if (lastIsScore && last) take('score', last);
  return out;
}
