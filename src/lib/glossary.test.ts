import { describe, expect, it } from 'vitest';
import { t } from '../i18n';
import { GLOSSARY, glossaryAnchor, glossaryEntryFor } from './glossary';
import { METRICS } from '../schemas/vocabulary';

describe('glossaryEntryFor', () => {
  it.each([
    ['“三公”经费合计', 'sangong'],
    ['因公出国（境）费', 'abroad'],
    ['公务用车购置费', 'vehicle'],
    ['基本支出', 'basic-expenditure'],
    ['全年预算数（调整后）', 'budget-adjusted'],
    ['预算执行率', 'execution-rate'],
    ['一般公共预算财政拨款支出', 'general-budget'],
    ['2022年度 部门决算', 'final-accounts'],
    ['资产总额', undefined],
    ['', undefined],
  ])('%s → %s', (label, id) => {
    expect(glossaryEntryFor(label)).toBe(id);
  });
});

describe('GLOSSARY', () => {
  it('has a name and an explanation for every entry, unique anchors, and the words the issue asked for', () => {
    const anchors = GLOSSARY.map((e) => glossaryAnchor(e.id));
    expect(new Set(anchors).size).toBe(anchors.length);
    const names = GLOSSARY.map((e) => t(`glossary.${e.id}.term`));
    for (const e of GLOSSARY) expect(t(`glossary.${e.id}.definition`).length).toBeGreaterThan(10);
    expect(names).toEqual(expect.arrayContaining(['三公经费', '基本支出', '项目支出', '机关运行经费', '财政拨款', '预算执行率', '决算']));
  });

  it('explains the sangong metrics and the basic split of spending', () => {
    for (const metric of [
      'sangong_total',
      'sangong_abroad',
      'sangong_vehicle_total',
      'sangong_reception',
      'basic_expenditure',
      'project_expenditure',
    ] as const) {
      expect(glossaryEntryFor(METRICS[metric].label), metric).toBeDefined();
    }
  });
});
