import type { Finding, Severity } from '../../schemas/finding';
import { SEVERITIES } from '../../schemas/finding';
import { ENGINE_RULE, RULES } from './rules';

/** Read-only views of the findings for the pages: ordering, counts and filter options. */

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_RANK = new Map([...RULES.map((r) => r.id), ENGINE_RULE].map((id, k) => [id, k]));
const numberOf = (id: string) => Number(/-(\d+)$/.exec(id)?.[1] ?? 0);

/** Most severe first, then in rule-book order, then as the rule found them. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.report_id.localeCompare(b.report_id) ||
    (RULE_RANK.get(a.rule) ?? 99) - (RULE_RANK.get(b.rule) ?? 99) ||
    numberOf(a.id) - numberOf(b.id)
  );
}

/** Report by report, in rule-book order: the order of the export. */
export function byReport(a: Finding, b: Finding): number {
  return a.report_id.localeCompare(b.report_id) || (RULE_RANK.get(a.rule) ?? 99) - (RULE_RANK.get(b.rule) ?? 99) || numberOf(a.id) - numberOf(b.id);
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> & { total: number } {
  const counts = { error: 0, warning: 0, info: 0, total: findings.length };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The values the findings page filters on, each in a stable order. */
export function filterOptions(findings: readonly Finding[]): {
  severities: Severity[];
  rules: { id: string; title: string }[];
  units: string[];
  years: number[];
} {
  const rules = new Map<string, string>();
  for (const f of [...findings].sort(byReport)) if (!rules.has(f.rule)) rules.set(f.rule, f.title);
  return {
    severities: SEVERITIES.filter((s) => findings.some((f) => f.severity === s)),
    rules: [...rules].map(([id, title]) => ({ id, title })).sort((a, b) => (RULE_RANK.get(a.id) ?? 99) - (RULE_RANK.get(b.id) ?? 99)),
    units: [...new Set(findings.map((f) => f.unit_name))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    years: [...new Set(findings.map((f) => f.year))].sort((a, b) => b - a),
  };
}
