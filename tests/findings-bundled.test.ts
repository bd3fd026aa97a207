import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../src/lib/dataset-files';
import { validateDataset } from '../src/lib/validate';
import { buildCollections } from '../src/lib/dataset';
import { runChecks, ENGINE_RULE } from '../src/lib/checks';
import { findingSchema, type Finding, type Severity } from '../src/schemas/finding';
import { parseStatedNumber } from '../src/lib/numbers';
import { formatExcerpt } from '../src/lib/format';

/*
 * The engine on the five bundled reports. The contradictions below were found by reading the reports (see
 * the README, "数据核查"); each must be reported by the rule that says what it is, with the passages that
 * show it. Nothing here is the engine's output copied: findings are matched by rule, report and quotes.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const { dataset } = validateDataset(readDataset(root));
const collections = buildCollections(dataset);
const findings = runChecks(collections);

const LESHAN = 'leshan-shizhong-ybj-2022-final-accounts';
const YANLING = 'yanling-ybj-2020-dept-self-eval';
const YUANCHENG = 'yuancheng-ybj-2021-project-self-eval';
const URUMQI = 'urumqi-xinshi-ybj-2023-dept-self-eval';
const LUKOU = 'lukou-ybj-2022-dept-self-eval';

interface Known {
  report: string;
  rule: string;
  severities: Severity[];
  /** Every one of these must be in (at least) one of the finding's quotes. */
  quotes: string[];
}

const KNOWN: [string, Known][] = [
  ['乐山: 完成预算100% and 决算数与预算数持平 while the projects spent 27.87% (62.86 / 28.55 / 71.09 / 17.31%)', {
    report: LESHAN, rule: 'execution-claim', severities: ['error'], quotes: ['完成预算100%', '持平', '项目执行率为27.87%', '预算执行率17.31%', '0.628571429'],
  }],
  ['乐山: 动态调整 (15分) over indicators of 10 + 5 + 5', { report: LESHAN, rule: 'weight-group', severities: ['error'], quotes: ['动态调整 (15分)'] }],
  ['乐山: 信息公开 (5分) over 自评公开 10', { report: LESHAN, rule: 'weight-group', severities: ['error'], quotes: ['信息公开 (5分)', '自评公开'] }],
  ['乐山: a cost target of 485.6元 in a project of 485.6万元', { report: LESHAN, rule: 'unit-slip', severities: ['warning'], quotes: ['485.6元', '485.6万元'] }],
  ['炎陵: 固定资产24.44万元 > 资产总额20.4万元', { report: YANLING, rule: 'part-exceeds-whole', severities: ['error'], quotes: ['固定资产24.44万元', '资产总额20.4万元'] }],
  ['炎陵: 固定资产 24.44 vs 所有固定资产总额20.4万元', { report: YANLING, rule: 'same-quantity', severities: ['error'], quotes: ['固定资产24.44万元', '所有固定资产总额20.4万元'] }],
  ['炎陵: functional classes of 基本支出 sum to 10279873.89 ≠ 2836283.89', {
    report: YANLING, rule: 'sum-functional', severities: ['error'], quotes: ['基本支出合计2836283.89元', '卫生健康支出8318637.88元'],
  }],
  ['炎陵: 预算总支出1027.99万元 其中 215.14 + 47.07 + 19.2 + 2.21', {
    report: YANLING, rule: 'sum-economic', severities: ['warning', 'error'], quotes: ['预算总支出1027.99万元', '工资福利支出215.14万元', '资本性支出2.21万元'],
  }],
  ['炎陵: 2019年度 三公 1.56万元 vs 上年度 三公 0', { report: YANLING, rule: 'same-quantity', severities: ['error'], quotes: ['2019年度决算“三公”经费1.56万元', '上年度“三公经费”总额0'] }],
  ['炎陵: 三公 15639 above its budget 15000', { report: YANLING, rule: 'sangong-over-budget', severities: ['warning'], quotes: ['15639', '预算安排数15000'] }],
  ['炎陵: 经济效益 scored 12 of 4', { report: YANLING, rule: 'out-of-range', severities: ['error'], quotes: ['经济效益'] }],
  ['源城: the title says 2022 but the report describes 2021年度', { report: YUANCHENG, rule: 'fiscal-year', severities: ['warning'], quotes: ['2022 年财政支出', '2021年度'] }],
  ['源城: funding lines at 0.0% but the total at 60.7%', { report: YUANCHENG, rule: 'rate-outside-parts', severities: ['warning'], quotes: ['60.7%', '上级追加'] }],
  ['乌鲁木齐: 机关行政编制3名，其中：行政编制4名', { report: URUMQI, rule: 'part-exceeds-whole', severities: ['error'], quotes: ['机关行政编制3名', '行政编制4名'] }],
  ['乌鲁木齐: nine weights sum to 90', { report: URUMQI, rule: 'weight-total', severities: ['error'], quotes: ['权重分值为 8 分', '权重分值为 12 分'] }],
  ['乌鲁木齐: scores sum to 75.04 but 综合得分 79.12', { report: URUMQI, rule: 'score-total', severities: ['error'], quotes: ['综合得分 79.12 分', '自评得分 4.89 分'] }],
  ['渌口: 基本支出 621.16 vs 年初预算 490.40 while "没有偏离"', { report: LUKOU, rule: 'over-budget', severities: ['warning'], quotes: ['621.16万元', '490.40万元', '没有偏离'] }],
  ['渌口: 项目支出 323 vs 100', { report: LUKOU, rule: 'over-budget', severities: ['warning'], quotes: ['预算执行数323万元', '年初预算数100万元'] }],
];

const quotesOf = (f: Finding) => f.refs.map((r) => r.quote.replace(/\s+/g, ' '));
const holds = (f: Finding, needle: string) => quotesOf(f).some((q) => q.includes(needle));

describe('the engine on the bundled reports', () => {
  it('writes findings of the documented shape, and no rule fails', () => {
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) findingSchema.parse(f);
    expect(findings.filter((f) => f.rule === ENGINE_RULE)).toEqual([]);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(collections.findings).toEqual(findings);
  });

  it.each(KNOWN)('reports %s', (_name, known) => {
    const match = findings.find(
      (f) => f.report_id === known.report && f.rule === known.rule && known.quotes.every((q) => holds(f, q)),
    );
    expect(match, `${known.rule} on ${known.report}: ${findings.filter((f) => f.report_id === known.report).map((f) => `${f.rule} ${f.message}`).join('\n')}`).toBeDefined();
    expect(known.severities).toContain(match?.severity);
    expect(match?.message).not.toBe('');
  });

  it('does not call 基本支出 300.11 (body) and 300.1 (appendix) a contradiction', () => {
    const both = findings.filter((f) => f.report_id === LESHAN && holds(f, '基本支出300.11万元') && holds(f, '基本支出300.1万元'));
    expect(both).toEqual([]);
  });

  it('calls 渌口 资本性支出 1.63% (1.6228%) a rounding adjustment, a note at most', () => {
    const share = findings.filter((f) => f.report_id === LUKOU && f.rule === 'share');
    expect(share.map((f) => f.severity)).toEqual(['info']);
    expect(share[0]?.computed).toBe('1.6228%');
  });

  it('reports no contradiction whose difference is within the rounding of the stated value', () => {
    for (const f of findings.filter((x) => x.severity === 'error' && x.difference !== '')) {
      const stated = parseStatedNumber(f.stated.replace(/[^\d.,-].*$/, ''));
      const diff = parseStatedNumber(f.difference.replace(/[^\d.,-].*$/, ''));
      if (!stated || !diff) continue;
      // |difference| > half a unit of the stated value's last digit, compared as exact decimals
      const scale = Math.max(stated.fraction.length + 1, diff.fraction.length);
      const magnitude = BigInt(`${diff.integer || '0'}${diff.fraction.padEnd(scale, '0')}`);
      const halfUnit = 5n * 10n ** BigInt(scale - stated.fraction.length - 1);
      expect(magnitude > halfUnit, `${f.id}: ${f.stated} vs ${f.computed}`).toBe(true);
    }
  });

  it('finds something in every bundled report but never compares two reports', () => {
    for (const r of collections.reports) expect(findings.some((f) => f.report_id === r.id), r.id).toBe(true);
    for (const f of findings) {
      for (const ref of f.refs) {
        if (ref.kind === 'figure') expect(collections.figures.find((x) => x.id === ref.id)?.report_id).toBe(f.report_id);
        if (ref.kind === 'text') expect(collections.reports.find((r) => r.id === f.report_id)?.text.slice(ref.offset, ref.offset + ref.quote.length)).toBe(ref.quote);
      }
    }
  });
});

describe('completeness of the bundled reports', () => {
  it('scores each report by its checklist and says where each part is', () => {
    const byId = new Map(collections.completeness.map((c) => [c.report_id, c]));
    expect(byId.get(LESHAN)?.checklist).toBe('final-accounts');
    expect(byId.get(LESHAN)?.expected).toBe(19);
    // 渌口's self-evaluation states no indicator and no score
    expect(byId.get(LUKOU)?.items.filter((i) => !i.present).map((i) => i.key)).toEqual(['part-indicators', 'part-score']);
    for (const c of collections.completeness) {
      const report = collections.reports.find((r) => r.id === c.report_id);
      for (const item of c.items.filter((i) => i.present)) {
        // the excerpt is its line, shortened and without Markdown emphasis (**…**)
        expect(item.excerpt, `${c.report_id} ${item.key}`).toBe(formatExcerpt(report?.text.split('\n')[(item.line ?? 0) - 1]?.trim() ?? ''));
        expect(item.excerpt, `${c.report_id} ${item.key}`).not.toContain('**');
      }
    }
  });
});
