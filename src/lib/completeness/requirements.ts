/**
 * What a disclosure must contain, by report kind.
 *
 * 部门决算: 财政部《地方预决算公开操作规程》(财预〔2016〕143号) and the yearly templates require the nine
 * tables (listed even when a table is empty), the explanations and the 名词解释.
 * 绩效自评 (部门整体 and 项目): the goals, the indicators, the scores, the problems found and the
 * rectification (整改 / 改进措施).
 *
 * Patterns run on the text with white space, quotation marks, asterisks and brackets removed (PDF
 * conversion breaks words across lines; "财政拨款“三公”经费支出决算表" is matched as 财政拨款三公经费支出决算表).
 */
import type { CompletenessItem } from '../../schemas/completeness';

export interface Requirement {
  key: string;
  group: CompletenessItem['group'];
  label: string;
  /**
   * Where the requirement is met, in order of preference: the first pattern that matches gives the place
   * shown (a section heading is preferred to a passing mention).
   */
  patterns: readonly RegExp[];
  /** Further patterns that must all match within `window` characters after the place (e.g. 货物, 工程, 服务). */
  near?: readonly RegExp[];
  window?: number;
}

export const FINAL_ACCOUNTS: readonly Requirement[] = [
  { key: 'table-summary', group: 'table', label: '收入支出决算总表', patterns: [/(?<!拨款)收入支出决算总表/] },
  { key: 'table-income', group: 'table', label: '收入决算表', patterns: [/(?<!拨款|支出)收入决算表/] },
  { key: 'table-expenditure', group: 'table', label: '支出决算表', patterns: [/(?<!拨款|收入|基本|项目)支出决算表/] },
  { key: 'table-fiscal', group: 'table', label: '财政拨款收入支出决算总表', patterns: [/财政拨款收入支出决算总表/] },
  { key: 'table-general-budget', group: 'table', label: '一般公共预算财政拨款支出决算表', patterns: [/一般公共预算财政拨款支出决算表/] },
  { key: 'table-general-budget-basic', group: 'table', label: '一般公共预算财政拨款基本支出决算表', patterns: [/一般公共预算财政拨款基本支出决算(明细)?表/] },
  { key: 'table-sangong', group: 'table', label: '财政拨款“三公”经费支出决算表', patterns: [/三公经费(财政拨款)?支出决算(明细)?表/] },
  { key: 'table-government-fund', group: 'table', label: '政府性基金预算财政拨款收入支出决算表', patterns: [/政府性基金预算财政拨款(收入)?支出决算表/] },
  { key: 'table-state-capital', group: 'table', label: '国有资本经营预算财政拨款支出决算表', patterns: [/国有资本经营预算财政拨款(收入)?支出决算表/] },
  {
    key: 'explain-changes',
    group: 'explanation',
    label: '收入支出决算总体情况及与上年相比的变动原因',
    patterns: [/收入支出决算总体情况/],
    near: [/(增加|减少|增长|下降|持平)/, /原因/],
    window: 800,
  },
  { key: 'explain-sangong-abroad', group: 'explanation', label: '“三公”经费：因公出国（境）团组数和人次', patterns: [/出国境?团组/], near: [/出国境?\d+人/], window: 80 },
  { key: 'explain-sangong-vehicles', group: 'explanation', label: '“三公”经费：公务用车购置数和保有量', patterns: [/购置公务用车\d+辆|公务用车购置数/], near: [/(共有|保有)(公务用)?车(辆)?\d+辆|保有量/], window: 400 },
  { key: 'explain-sangong-reception', group: 'explanation', label: '“三公”经费：公务接待批次和人次', patterns: [/接待[^。]{0,12}\d+批次/], near: [/\d+人次/], window: 40 },
  { key: 'explain-operation', group: 'explanation', label: '机关运行经费', patterns: [/机关运行经费[^。]{0,30}\d/] },
  { key: 'explain-procurement', group: 'explanation', label: '政府采购支出（货物、工程、服务）', patterns: [/政府采购支出/], near: [/货物/, /工程/, /服务/], window: 300 },
  { key: 'explain-procurement-sme', group: 'explanation', label: '政府采购授予中小企业合同金额及占比', patterns: [/中小企业[^。]{0,40}(\d+(\.\d+)?%|占)/] },
  { key: 'explain-assets', group: 'explanation', label: '国有资产占有使用情况', patterns: [/国有资产占(有|用)/] },
  { key: 'explain-performance', group: 'explanation', label: '预算绩效管理情况', patterns: [/预算绩效管理|绩效自评|绩效评价/] },
  { key: 'glossary', group: 'glossary', label: '名词解释', patterns: [/名词解释/] },
];

export const SELF_EVALUATION: readonly Requirement[] = [
  { key: 'part-goals', group: 'part', label: '绩效目标', patterns: [/(绩效|年度|总体|整体|预期)目标/] },
  { key: 'part-indicators', group: 'part', label: '绩效指标', patterns: [/(绩效|一级|二级|三级)指标/, /指标[一二三四五六七八九十\d]|指标值/] },
  { key: 'part-score', group: 'part', label: '自评得分', patterns: [/(自评|综合|总)?得分[^。]{0,20}\d/, /评分[^。]{0,20}\d/] },
  { key: 'part-problems', group: 'part', label: '存在的问题', patterns: [/存在的?(主要)?问题|发现的?问题|问题(及|和)原因/] },
  { key: 'part-rectification', group: 'part', label: '整改或改进措施', patterns: [/整改措施|改进措施|改进建议|整改情况/, /下一步|整改/] },
];
