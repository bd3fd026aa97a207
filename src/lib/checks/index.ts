/**
 * The 数据核查 engine: runs every rule on every report and turns the rules' drafts into findings with ids,
 * titles and line numbers. It never throws on odd data: a rule that fails on a report becomes a finding of
 * the `engine` rule naming the rule and the error, so that a defect is visible rather than fatal or hidden.
 */
import { figureEntrySchema, type FigureEntry } from '../../schemas/figure';
import { indicatorEntrySchema, type IndicatorEntry } from '../../schemas/indicator';
import type { ReportWithText } from '../../schemas/report';
import { SEVERITIES, type Finding } from '../../schemas/finding';
import { groupBy, lineLocator } from '../views';
import type { Draft } from './context';
import { tr } from './i18n';
import { ENGINE_RULE, RULES, ruleGroupsOf, type Rule } from './rules';
import type { SumGroup } from './rules/sums';

export { RULES, ENGINE_RULE } from './rules';

export interface CheckData {
  reports: readonly ReportWithText[];
  figures: readonly FigureEntry[];
  indicators: readonly IndicatorEntry[];
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function failed(rule: string, e: unknown): Draft {
  return { severity: 'warning', message: tr('rule.engine.message', { rule, error: errorText(e) }), refs: [], stated: '', computed: '', difference: '' };
}

/** Runs the rules on one report; `rules` defaults to the whole rule book. */
export function checkReport(report: ReportWithText, figures: readonly unknown[], indicators: readonly unknown[], rules: readonly Rule[] = RULES): Finding[] {
  const text = typeof report.text === 'string' ? report.text : '';
  const title = typeof report.title === 'string' ? report.title : '';
  // The rules see only rows of the collections' shape; anything else is counted and reported, not guessed at.
  const readable = <T>(rows: readonly unknown[], schema: { safeParse: (x: unknown) => { success: true; data: T } | { success: false } }) => {
    const ok: T[] = [];
    for (const row of rows) {
      const parsed = schema.safeParse(row);
      if (parsed.success) ok.push(parsed.data);
    }
    return ok;
  };
  const goodFigures = readable<FigureEntry>(figures, figureEntrySchema);
  const goodIndicators = readable<IndicatorEntry>(indicators, indicatorEntrySchema);
  const input = { report: { ...report, text, title }, figures: goodFigures, indicators: goodIndicators };
  const lineOf = lineLocator(text);
  const findings: Finding[] = [];
  const add = (ruleId: string, drafts: readonly Draft[]) => {
    drafts.forEach((d, k) => {
      findings.push({
        id: `${report.id}-${ruleId}-${k + 1}`,
        rule: ruleId,
        severity: d.severity,
        title: tr(`rule.${ruleId}.title`),
        message: d.message,
        report_id: report.id,
        unit_id: report.unit_id,
        unit_name: report.unit_name,
        year: report.year,
        kind: report.kind,
        refs: d.refs.map(({ focus, ...r }) => {
          const offset = Math.max(0, Math.min(Number.isInteger(r.offset) ? r.offset : 0, text.length));
          const at = Math.min(offset + Math.max(0, focus ?? 0), text.length);
          return { ...r, offset, line: lineOf(at) };
        }),
        stated: d.stated,
        computed: d.computed,
        difference: d.difference,
      });
    });
  };
  let groups: readonly SumGroup[] = [];
  const engineDrafts: Draft[] = [];
  const unreadable = figures.length - goodFigures.length + (indicators.length - goodIndicators.length);
  if (unreadable > 0) {
    engineDrafts.push({
      severity: 'warning',
      message: tr('rule.engine.unreadable', { figures: figures.length - goodFigures.length, indicators: indicators.length - goodIndicators.length }),
      refs: [],
      stated: '',
      computed: '',
      difference: '',
    });
  }
  try {
    groups = ruleGroupsOf(input);
  } catch (e) {
    engineDrafts.push(failed('sum-*', e));
  }
  for (const rule of rules) {
    try {
      add(rule.id, rule.check({ ...input, groups }));
    } catch (e) {
      engineDrafts.push(failed(rule.id, e));
    }
  }
  add(ENGINE_RULE, engineDrafts);
  return findings;
}

/** Every finding on every report, reports in id order, then by rule-book order. */
export function runChecks(data: CheckData): Finding[] {
  const figuresBy = groupBy(data.figures, (f) => f.report_id);
  const indicatorsBy = groupBy(data.indicators, (i) => i.report_id);
  return [...data.reports]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((report) => checkReport(report, figuresBy.get(report.id) ?? [], indicatorsBy.get(report.id) ?? []));
}

/** Count of findings by severity (every severity present, 0 when none). */
export function countBySeverity(findings: readonly Finding[]): Record<(typeof SEVERITIES)[number], number> {
  return { error: findings.filter((f) => f.severity === 'error').length, warning: findings.filter((f) => f.severity === 'warning').length, info: findings.filter((f) => f.severity === 'info').length };
}
