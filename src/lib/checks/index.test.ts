import { describe, expect, it } from 'vitest';
import { findingSchema } from '../../schemas/finding';
import { figureEntrySchema, type FigureEntry } from '../../schemas/figure';
import { indicatorEntrySchema, type IndicatorEntry } from '../../schemas/indicator';
import type { ReportWithText } from '../../schemas/report';
import { METRIC_KEYS, UNIT_NAMES, PHASE_NAMES } from '../../schemas/vocabulary';
import { checkReport, countBySeverity, ENGINE_RULE, RULES, runChecks } from './index';
import { isMessageKey } from './i18n';
import { makeInput, makeReport } from './fixtures';

describe('the rule book', () => {
  it('gives every rule a unique id, a title and a plain-Chinese explanation', () => {
    const ids = [...RULES.map((r) => r.id), ENGINE_RULE];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isMessageKey(`rule.${id}.title`), id).toBe(true);
      expect(isMessageKey(`rule.${id}.explanation`), id).toBe(true);
    }
  });
});

describe('the engine', () => {
  const input = makeInput([
    { metric: 'assets_total', value: '20.4', unit: '万元' },
    { metric: 'fixed_assets', value: '24.44', unit: '万元' },
    { metric: 'fixed_assets', value: '20.4', unit: '万元', item: '所有固定资产总额', paragraph: true },
  ]);

  it('turns drafts into findings with ids, titles, report fields and line numbers', () => {
    const findings = checkReport(input.report, input.figures, input.indicators);
    expect(findings.map((f) => f.rule).sort()).toEqual(['part-exceeds-whole', 'same-quantity']);
    for (const f of findings) {
      expect(findingSchema.parse(f)).toEqual(f);
      expect(f.id).toBe(`test-report-${f.rule}-1`);
      for (const ref of f.refs) expect(input.report.text.split('\n')[ref.line - 1]).toContain(ref.quote.split('\n')[0]);
    }
    expect(countBySeverity(findings)).toEqual({ error: 2, warning: 0, info: 0 });
  });

  it('reports a rule that fails instead of throwing', () => {
    const broken = [{ id: 'share', severity: 'error' as const, family: 'shares' as const, check: () => { throw new Error('boom'); } }];
    const findings = checkReport(input.report, input.figures, input.indicators, broken);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.rule).toBe(ENGINE_RULE);
    expect(findings[0]?.message).toContain('boom');
  });

  it('is deterministic', () => {
    const data = { reports: [input.report], figures: input.figures, indicators: input.indicators };
    expect(runChecks(data)).toEqual(runChecks(data));
  });
});

/** Type-valid but odd data: every rule must cope by itself, without the engine's safety net. */
function oddFigures(): FigureEntry[] {
  const values = ['0', '-0', '0.000', '99999999999999999999999.99', '-1', '１２．５', '0.0000001', '1,000,000', '0.5'];
  const scopes = ['', 'basic', 'project', 'prior_year', 'change_vs_prior', '某项目'];
  const out: FigureEntry[] = [];
  let k = 0;
  for (const metric of METRIC_KEYS) {
    for (const unit of UNIT_NAMES) {
      const value = values[k % values.length] ?? '0';
      const base = makeInput([{ metric, value: '0', unit }]).figures[0];
      if (!base) continue;
      out.push({
        ...base,
        id: `odd-${k}`,
        value,
        value_yuan: '',
        phase: PHASE_NAMES[k % PHASE_NAMES.length] ?? 'actual',
        scope: scopes[k % scopes.length] ?? '',
        item: k % 3 === 0 ? '' : k % 3 === 1 ? '所有' : ' / / ',
        quote: k % 5 === 0 ? '' : `第${k}句`,
        quote_offset: k % 7 === 0 ? 100_000 : k * 3,
      });
      k++;
    }
  }
  return out;
}

function oddIndicators(): IndicatorEntry[] {
  const cells = ['', '0', '-3', 'x', '100%', '≥95%', '1.04=（1/0）×100%', '每超过一个百分点扣0分', '得分=执行率×分值'];
  const numbers = ['', '0', '-3', '4.89', '100', '0.15', '12'];
  return cells.flatMap((a, i) =>
    cells.map((b, j) => ({
      id: `odd-i-${i}-${j}`,
      report_id: 'test-report',
      scope: j % 2 ? '' : '某项目',
      level1: i % 3 ? '' : '一级',
      level2: j % 3 ? '' : '二级',
      level3: (i + j) % 2 ? '三级' : '',
      target: a,
      actual: b,
      weight: numbers[i % numbers.length] ?? '',
      score: numbers[(i + j) % numbers.length] ?? '',
      deduction_reason: '',
      quote: `${a}${b}`,
      quote_offset: (i * 10 + j) % 4 === 0 ? 10_000 : i + j,
      review: 'curated' as const,
      origin: 'odd',
    })),
  );
}

describe('odd data', () => {
  it('never throws and no rule fails on type-valid odd data', () => {
    const reports = [makeReport({ text: '' }), makeReport({ id: 'other', text: '2022年度\n\n持平 没有偏离', title: '2019年 报告' })];
    const figures = oddFigures()
      .flatMap((f, k) => [f, { ...f, id: `${f.id}-b`, report_id: k % 2 ? 'other' : 'test-report' }])
      .filter((f) => figureEntrySchema.safeParse(f).success);
    expect(figures.length).toBeGreaterThan(500);
    const indicators = oddIndicators().filter((i) => indicatorEntrySchema.safeParse(i).success);
    expect(indicators.length).toBeGreaterThan(50);
    const findings = runChecks({ reports, figures, indicators });
    expect(findings.filter((f) => f.rule === ENGINE_RULE).map((f) => f.message)).toEqual([]);
    for (const f of findings) findingSchema.parse(f);
  });

  it('never throws on garbage that breaks the types', () => {
    const garbage = JSON.parse(
      '[{"id":1,"metric":"nope","unit":"斤","value":null,"quote_offset":"x"},{},null,{"metric":"sangong_total","phase":"actual","scope":null,"item":null,"value":"1","unit":"万元"}]',
    ) as FigureEntry[];
    const badIndicators = JSON.parse('[{"weight":5,"score":{},"quote":null},{}]') as IndicatorEntry[];
    const report = JSON.parse('{"id":"test-report","title":null,"text":null,"year":"x"}') as ReportWithText;
    expect(() => runChecks({ reports: [report], figures: garbage.filter(Boolean).map((f) => ({ ...f, report_id: 'test-report' })), indicators: badIndicators })).not.toThrow();
    const findings = checkReport(report, garbage, badIndicators);
    // the rows that are not figures or indicators are counted and reported, and no rule trips over them
    expect(findings.map((f) => f.message)).toEqual(['有 4 个数字、2 条指标的格式不符合数据规范，未参与核查。']);
  });
});
