import { describe, expect, it } from 'vitest';
import { columnRole, type ColumnRole } from './columns';

describe('columnRole: what a header cell says its column holds', () => {
  it.each<[cell: string, year: number | null, role: ColumnRole | null]>([
    ['年初预算数', 2022, 'budget'],
    ['本年预算数', 2022, 'budget'],
    ['预算数', null, 'budget'],
    ['全年预算数', 2022, 'adjusted'],
    ['调整后预算数', 2022, 'adjusted'],
    ['全年执行数', 2022, 'actual'],
    ['决算数', 2022, 'actual'],
    ['预算执行率', 2022, 'rate'],
    ['执行率', 2022, 'rate'],
    ['分值', 2022, 'weight'],
    ['得分', 2022, 'score'],
    ['金额', 2022, 'stated'],
    ['2023年预算数', 2023, 'budget'],
    ['2022年预算数', 2023, 'prior'],
    ['2023年预算数增减', 2023, 'change'],
    ['2020年度支出 (万元)', 2020, 'actual'],
    ['2020年度数量或人次', 2020, 'stated'],
    ['2024年预算数', 2023, null],
    ['上年决算数', 2022, 'prior'],
    ['支出减少情况(万元)', 2020, 'change'],
    ['支出减少率', 2020, 'change'],
    ['比上年增减', 2022, 'change'],
    ['合 计', 2022, 'stated'],
    ['项目名称', 2022, null],
    ['其中:公共预算财政拨款', 2022, null],
  ])('%s (report year %s) → %s', (cell, year, role) => {
    expect(columnRole(cell, year)).toBe(role);
  });
});
