import { describe, expect, it } from 'vitest';
import { extractReport } from './index';
import { checkQuoteStates } from '../quote';

// Cases the extractor once got wrong (found by the table-driven suite in extract.test.ts); each row is the
// input sentence and the figures it must yield, as [metric, phase, scope, value, unit].
const DECISION = '平安县医疗保障局2022年度部门决算（金额单位：万元）\n';
const BUDGET = '平安县医疗保障局2023年部门预算公开说明\n';
const SELF_EVAL = '平安县医疗保障局2023年度部门整体支出绩效自评报告\n';
type Expected = [string, string, string, string, string];

const CASES: [string, string, string, Expected[]][] = [
  ['number broken after its decimal point', DECISION, '2022年度本单位收、支总计为1,153.\n8万元。', [['grand_total', 'actual', '', '1,153.8', '万元'], ['income_total', 'actual', '', '1,153.8', '万元'], ['expenditure_total', 'actual', '', '1,153.8', '万元']]],
  ['number broken before its decimal point', DECISION, '2022年度本单位收、支总计为1,153\n.8万元。', [['grand_total', 'actual', '', '1,153.8', '万元'], ['income_total', 'actual', '', '1,153.8', '万元'], ['expenditure_total', 'actual', '', '1,153.8', '万元']]],
  ['number broken after a thousands separator', DECISION, '2022年度本单位收、支总计为1,\n153.8万元。', [['grand_total', 'actual', '', '1,153.8', '万元'], ['income_total', 'actual', '', '1,153.8', '万元'], ['expenditure_total', 'actual', '', '1,153.8', '万元']]],
  ['分别为 hands labels out in order', DECISION, '基本支出和项目支出分别为150万元和50万元。', [['basic_expenditure', 'actual', '', '150', '万元'], ['project_expenditure', 'actual', '', '50', '万元']]],
  ['项目支出总额 is project expenditure', DECISION, '本单位2022年度共有项目5个，项目支出总额50万元。', [['project_count', 'actual', '', '5', '个'], ['project_expenditure', 'actual', '', '50', '万元']]],
  ['上年 before the label is the previous year', DECISION, '上年“三公”经费支出5.5万元。', [['sangong_total', 'actual', 'prior_year', '5.5', '万元']]],
  ['比2021年度增加 is a change', DECISION, '本年支出合计200万元，比2021年度增加10万元。', [['expenditure_total', 'actual', '', '200', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '10', '万元']]],
  ['a value named by an earlier year', DECISION, '2022年度“三公”经费支出4.5万元，2021年度为5万元。', [['sangong_total', 'actual', '', '4.5', '万元'], ['sangong_total', 'actual', 'prior_year', '5', '万元']]],
  ['增加（减少）0 has no sign', DECISION, '本年支出合计200万元，较上年增加（减少）0万元。', [['expenditure_total', 'actual', '', '200', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '0', '万元']]],
  ['vehicle purchases and holdings', DECISION, '公务用车购置数0辆，公务用车保有量12辆。', [['vehicle_purchase_count', 'actual', '', '0', '辆'], ['vehicle_count', 'actual', '', '12', '辆']]],
  ['people sent abroad after the groups', DECISION, '全年共组织因公出国（境）团组1个，累计2人次。', [['abroad_groups', 'actual', '', '1', '个'], ['abroad_people', 'actual', '', '2', '人次']]],
  ['编制 and 实有 side by side', DECISION, '行政编制9名，实有9人；事业编制19名，实有15人。', [['staff_quota', 'actual', '', '9', '人'], ['staff_count', 'actual', '', '9', '人'], ['staff_quota', 'actual', '', '19', '人'], ['staff_count', 'actual', '', '15', '人']]],
  ['a project score', DECISION, '经自评，该项目得分94分。', [['self_eval_score', 'actual', '', '94', '分']]],
  ['收入预算 and 支出预算 in a budget', BUDGET, '2023年本单位收入预算300万元，支出预算300万元。', [['income_total', 'budget', '', '300', '万元'], ['expenditure_total', 'budget', '', '300', '万元']]],
  ['政府采购预算总额', BUDGET, '2023年本单位政府采购预算总额30万元。', [['procurement_total', 'budget', '', '30', '万元']]],
  ['a comparison with the budget is no change from last year', DECISION, '公务接待费支出16.3万元，与2022年度预算相比，增加1.5万元。', [['sangong_reception', 'actual', '', '16.3', '万元']]],
  ['a sentence whose blanked pinyin leaves many words is no space-aligned table header', DECISION, '“三公”經(jīng)費支出預(yù)算為49.9萬元,支出決算為7.69萬元,完成預算的15.41%,決算數(shù)小于預算數(shù)的原因是外出學習活動減少。', [['sangong_total', 'budget', '', '49.9', '万元'], ['sangong_total', 'actual', '', '7.69', '万元'], ['execution_rate', 'actual', '', '15.41', '%']]],
  ['numbered project rows under a space-separated header', DECISION, '单位:万元\n序号 项目名称 项目实施单位 预算数(调整后) 执行数(至2023年底) 结余数 结余交回财政数 自评得分\n1 城乡居民医疗保险补贴资金 长安区医疗保障局 3543.206 3543.206 0 100\n', [['budget_adjusted', 'adjusted', '城乡居民医疗保险补贴资金', '3543.206', '万元'], ['budget_executed', 'actual', '城乡居民医疗保险补贴资金', '3543.206', '万元'], ['self_eval_score', 'actual', '城乡居民医疗保险补贴资金', '100', '分']]],
  ['a statement line under such a header names no project', DECISION, '单位:万元\n序号 项目名称 项目实施单位 预算数(调整后) 执行数(至2023年底) 结余数 结余交回财政数 自评得分\n1 社会保障和就业支出 326.72 326.72\n2 工资福利支出 100 100\n', []],
  ['reception costs listed item by item after the total', DECISION, '公务接待2批次，25人次，共计支出0.25万元，具体内容包括：1. 配合调研工作，用餐费用1200元；2. 协助实地考察调研，用餐费用1300元。', [['reception_batches', 'actual', '', '2', '批次'], ['reception_people', 'actual', '', '25', '人次'], ['sangong_reception', 'actual', '', '0.25', '万元'], ['sangong_reception', 'actual', '', '1200', '元'], ['sangong_reception', 'actual', '', '1300', '元']]],
  ['a change word after 其中 is a change, not a part', DECISION, '“三公”经费支出100万元，其中：公务用车购置费25万元，较上年31万元减少6万元，下降19.35%。', [['sangong_total', 'actual', '', '100', '万元'], ['sangong_vehicle_purchase', 'actual', '', '25', '万元'], ['sangong_vehicle_purchase', 'actual', 'prior_year', '31', '万元'], ['sangong_vehicle_purchase', 'actual', 'change_vs_prior', '-6', '万元'], ['sangong_vehicle_purchase', 'actual', 'change_vs_prior', '-19.35', '%']]],
  ['实际支出 opening a sentence is the spending of the part budgeted before it', SELF_EVAL, '2023年本单位基本支出全年预算总额82.00万元，其中：人员经费72.18万元，公用经费9.82万元。实际支出80.10万元，基本支出预算执行率97.68%。', [['basic_expenditure', 'adjusted', '', '82.00', '万元'], ['personnel_expenditure', 'adjusted', '', '72.18', '万元'], ['public_expenditure', 'adjusted', '', '9.82', '万元'], ['basic_expenditure', 'actual', '', '80.10', '万元'], ['execution_rate', 'actual', '', '97.68', '%']]],
  ['… after 全年 too', SELF_EVAL, '项目支出年初预算数为138.00万元。全年实际支出2.25万元。', [['project_expenditure', 'budget', '', '138.00', '万元'], ['project_expenditure', 'actual', '', '2.25', '万元']]],
  ['… but after a total’s budget it stays the executed budget', SELF_EVAL, '我单位年初预算数为205.60万元。实际支出82.35万元。', [['expenditure_total', 'budget', '', '205.60', '万元'], ['budget_executed', 'actual', '', '82.35', '万元']]],
  ['… and not across paragraphs', SELF_EVAL, '基本支出全年预算82万元。\n实际支出80万元。', [['basic_expenditure', 'adjusted', '', '82', '万元'], ['budget_executed', 'actual', '', '80', '万元']]],
  ['a rate formula’s amounts in the unit the report states them elsewhere', SELF_EVAL, '2023年“三公”经费支出1.56万元。\n“三公经费”控制率1.04=（“三公经费”实际支出数15639/“三公经费”预算安排数15000）×100%。\n', [['sangong_total', 'actual', '', '1.56', '万元'], ['sangong_total', 'actual', '', '15639', '元'], ['sangong_total', 'budget', '', '15000', '元'], ['execution_rate', 'actual', '', '1.04', 'ratio']]],
  ['… and none where it does not', SELF_EVAL, '“三公经费”控制率1.04=（“三公经费”实际支出数15639/“三公经费”预算安排数15000）×100%。\n', [['execution_rate', 'actual', '', '1.04', 'ratio']]],
  ['not a budget report', '', '平安县统计局：2022年全县居民人均可支配收入3.2万元，人均消费支出2.1万元，同比增长5%。', []],
];

describe.each(CASES)('%s', (_name, header, sentence, expected) => {
  const text = header + sentence + '\n';
  const figures = extractReport(text).figures;
  it('yields exactly the expected figures', () => {
    const got = figures.map((f) => [f.metric, f.phase, f.scope, f.value, f.unit]).sort();
    expect(got).toEqual([...expected].sort());
  });
  it('quotes each from the text, with its number', () => {
    for (const f of figures) {
      expect(text.slice(f.start, f.start + f.quote.length)).toBe(f.quote);
      expect(checkQuoteStates(f.quote, f.value, f.unit).ok).toBe(true);
    }
  });
});

describe('header', () => {
  it.each([
    ['full-width digits in the year', '平安县医疗保障局２０２２年度部门决算\n本年支出合计200万元。', 2022, '部门决算'],
    ['the budget title outweighs body lines about 决算', '平安县医疗保障局2023年部门预算公开说明\n2023年收入预算300万元，比2022年决算数增加10万元。2022年执行数290万元。', 2023, '部门预算'],
    ['traditional characters', '平安縣醫療保障局2022年度部門決算\n本年支出合計200萬元。', 2022, '部门决算'],
  ])('%s', (_name, text, year, kind) => {
    const r = extractReport(text);
    expect(r.year).toBe(year);
    expect(r.kind).toBe(kind);
  });
  it.each([
    ['traditional characters', '平安縣醫療保障局2022年度部門決算\n本年支出合計200萬元。', '平安縣醫療保障局'],
    ['pinyin a mirror site put inside the name', '7月15日,衛(wèi)生部在其網(wǎng)站公布“三公經(jīng)費(fèi)”情況。2010年,衛(wèi)生部“三公經(jīng)費(fèi)”財政撥款預(yù)算4732.23萬元。', '衛(wèi)生部'],
  ])('the unit as the text writes it: %s', (_name, text, unit) => {
    expect(extractReport(text).unit).toBe(unit);
  });
});
