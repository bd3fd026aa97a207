import { describe, expect, it } from 'vitest';
import { checkCompleteness, squash } from './index';
import { makeReport } from '../checks/fixtures';
import type { ReportKind } from '../../schemas/vocabulary';

const FULL_FINAL = `目录
一、收入支出决算总表.....38
第二部分 情况说明
一、收入支出决算总体情况说明
2022年度收、支总计1,153.8万元。与2021年相比，减少1,075.5万元，主要变动原因是项目经费减少。
全年安排因公出国（境）团组0个，出国（境）0人。
全年按规定更新购置公务用车0辆。截至12月底，本部门共有公务用车0辆。
国内公务接

待2批次，25人次（不包含陪同人员）。
（一）机关运行经费支出情况
机关运行经费支出34.41万元。
（二）政府采购支出情况
政府采购支出总额7.22万元，其中：政府采购货物支出0万元、政府采购工程支出0万元、政府采购服务支出7.22万元。授予中小企业合同金额0万元，占政府采购支出总额的0%。
（三）国有资产占有使用情况
（四）预算绩效管理情况
第三部分 名词解释
第五部分 附表
一、收入支出决算总表
二、收入决算表
三、支出决算表
四、财政拨款收入支出决算总表
五、一般公共预算财政拨款支出决算表
六、一般公共预算财政拨款基本支出决算表
七、财政拨款“三公”经费支出决算表
八、政府性基金预算财政拨款收入支出决算表
九、国有资本经营预算财政拨款支出决算表
`;

const check = (kind: ReportKind, text: string) => checkCompleteness(makeReport({ kind, text }));

describe('completeness of a 部门决算', () => {
  it('finds all nine tables, the explanations and the glossary', () => {
    const c = check('部门决算', FULL_FINAL);
    expect(c.items.filter((i) => !i.present).map((i) => i.key)).toEqual([]);
    expect([c.present, c.expected, c.score]).toEqual([19, 19, '100']);
  });

  it('prefers the report\'s own heading to its table of contents', () => {
    const c = check('部门决算', FULL_FINAL);
    const summary = c.items.find((i) => i.key === 'table-summary');
    expect(summary?.excerpt).toBe('一、收入支出决算总表');
    expect(summary?.line).toBe(FULL_FINAL.split('\n').indexOf('一、收入支出决算总表') + 1);
  });

  it('reads words broken across lines and quotation marks', () => {
    const reception = check('部门决算', FULL_FINAL).items.find((i) => i.key === 'explain-sangong-reception');
    expect(reception?.present).toBe(true);
    expect(check('部门决算', '财政拨款“三 公”经费支出决算表').items.find((i) => i.key === 'table-sangong')?.present).toBe(true);
  });

  it.each<[string, string, string]>([
    ['the 三公 table', '七、财政拨款“三公”经费支出决算表\n', 'table-sangong'],
    ['procurement by goods, works and services', '政府采购支出总额7.22万元，其中：政府采购货物支出0万元、政府采购工程支出0万元、政府采购服务支出7.22万元。', 'explain-procurement'],
    ['the glossary', '第三部分 名词解释', 'glossary'],
  ])('misses %s when it is not there', (_name, removed, key) => {
    const c = check('部门决算', FULL_FINAL.replace(removed, ''));
    expect(c.items.find((i) => i.key === key)?.present).toBe(false);
    expect(c.present).toBe(18);
    expect(c.score).toBe('94.7');
  });

  it('does not take 财政拨款收入支出决算总表 for 收入支出决算总表', () => {
    const c = check('部门决算', '四、财政拨款收入支出决算总表');
    expect(c.items.find((i) => i.key === 'table-fiscal')?.present).toBe(true);
    expect(c.items.find((i) => i.key === 'table-summary')?.present).toBe(false);
    expect(c.items.find((i) => i.key === 'table-expenditure')?.present).toBe(false);
  });
});

describe('completeness of a self-evaluation', () => {
  it.each<[string, string, string]>([
    ['all five parts', '一、绩效目标\n二、绩效指标\n自评得分94分\n四、存在的问题\n五、整改措施', '100'],
    ['no indicators and no score (the 渌口 report)', '偏离绩效目标\n四、存在的问题及原因分析\n五、下一步改进措施', '60'],
    ['nothing', '', '0'],
  ])('%s → %s%%', (_name, text, score) => {
    expect(check('部门整体支出绩效自评', text).score).toBe(score);
  });

  it('has no checklist for a 部门预算 yet', () => {
    const c = check('部门预算', FULL_FINAL);
    expect([c.checklist, c.expected, c.score, c.items]).toEqual(['none', 0, '', []]);
  });
});

describe('squash', () => {
  it('keeps the original offset of every character it keeps', () => {
    const { squashed, origin } = squash('收 入\n“决算”');
    expect(squashed).toBe('收入决算');
    expect(origin).toEqual([0, 2, 5, 6]);
  });
});
