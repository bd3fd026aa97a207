import { describe, expect, it } from 'vitest';
import { extractReport, type DraftFigure } from './index';
import { checkQuoteStates } from '../quote';
import { toHalfWidth } from '../numbers';
import type { MeasureUnit, MetricKey, Phase } from '../../schemas/vocabulary';

/*
 * The extractor on sentences of our own, one phrasing per table. Each case is a sentence (or a small table)
 * wrapped in a report header, and every figure the extractor should draft from it, as
 * [metric, phase, scope, value as written, unit]. The list must match exactly, in any order: a missing figure
 * and an extra one both fail. Every quote must also be verbatim and state its number.
 */

type Fig = readonly [metric: MetricKey, phase: Phase, scope: string, value: string, unit: MeasureUnit];
type Case = readonly [sentence: string, expected: readonly Fig[]];

/** A 部门决算 header: figures default to phase actual; 2021 is the previous year. */
const FINAL = '平安县医疗保障局2022年度部门决算\n';
/** The same, with a unit note: counts and rates alone carry no currency word, which a budget report has somewhere. */
const FINAL_NOTE = '平安县医疗保障局2022年度部门决算（金额单位：万元）\n';
/** A 部门预算 header: figures default to phase budget. */
const BUDGET = '平安县医疗保障局2023年部门预算\n';
/** A project self-evaluation: every figure belongs to the project. */
const PROJECT = '平安县医疗保障局2022年度项目支出绩效自评表\n';
const P = '医疗救助补助资金';

const brief = (f: DraftFigure): Fig => [f.metric, f.phase, f.scope, f.value, f.unit];
const key = (f: Fig) => f.join('\u0001');
const sorted = (figs: readonly Fig[]) => [...figs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** The quote contract: verbatim, found where `start` says, and stating the value in the unit. */
function expectQuotesHold(text: string, figures: readonly DraftFigure[]) {
  for (const f of figures) {
    expect(text.slice(f.start, f.start + f.quote.length), `quote of ${f.metric} ${f.value}`).toBe(f.quote);
    expect(checkQuoteStates(f.quote, f.value, f.unit), `«${f.quote}» states ${f.value} ${f.unit}`).toEqual({ ok: true });
  }
}

/** Whether the number of a figure is written right after a comparison word (较上年减少x): then it is a change. */
function statedAsChange(f: DraftFigure): boolean {
  const quote = toHalfWidth(f.quote);
  const at = quote.lastIndexOf(toHalfWidth(f.value.replace(/^-/, '')));
  return /(?:较|比|同比|相比)[^，,；;。]*?(?:减少|增加|下降|增长|上升|降低)\s*$/.test(quote.slice(0, Math.max(0, at)));
}

describe.each<[phrasing: string, header: string, cases: readonly Case[]]>([
  ['full-width and ASCII digits and punctuation', FINAL, [
    ['2022年度“三公”经费支出12.5万元。', [['sangong_total', 'actual', '', '12.5', '万元']]],
    ['2022年度“三公”经费支出１２．５万元。', [['sangong_total', 'actual', '', '１２．５', '万元']]],
    ['2022年度"三公"经费支出12.5万元.', [['sangong_total', 'actual', '', '12.5', '万元']]],
    ['2022年度三公经费支出12.5万元。', [['sangong_total', 'actual', '', '12.5', '万元']]],
    ['公务接待费支出0.8万元，较上年减少0.29万元。', [['sangong_reception', 'actual', '', '0.8', '万元'], ['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['公务接待费支出0.8万元,较上年减少0.29万元.', [['sangong_reception', 'actual', '', '0.8', '万元'], ['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['公务接待费支出０．８万元，较上年减少０．２９万元。', [['sangong_reception', 'actual', '', '０．８', '万元'], ['sangong_reception', 'actual', 'change_vs_prior', '-０．２９', '万元']]],
    ['因公出国（境）费0万元。', [['sangong_abroad', 'actual', '', '0', '万元']]],
    ['因公出国(境)费0万元。', [['sangong_abroad', 'actual', '', '0', '万元']]],
    ['因公出国（境）费０万元。', [['sangong_abroad', 'actual', '', '０', '万元']]],
    ['本年支出合计：200万元。', [['expenditure_total', 'actual', '', '200', '万元']]],
    ['本年支出合计:200万元。', [['expenditure_total', 'actual', '', '200', '万元']]],
    ['本年收入合计　120万元。', [['income_total', 'actual', '', '120', '万元']]],
    ['公务接待费支出0.80万元。', [['sangong_reception', 'actual', '', '0.80', '万元']]],
    ['公务接待费支出1.50万元，较上年增加0.10万元。', [['sangong_reception', 'actual', '', '1.50', '万元'], ['sangong_reception', 'actual', 'change_vs_prior', '0.10', '万元']]],
    ['本年支出合计２００万元，其中：基本支出１５０万元，占７５％。', [['expenditure_total', 'actual', '', '２００', '万元'], ['basic_expenditure', 'actual', '', '１５０', '万元'], ['basic_expenditure', 'actual', '', '７５', '%']]],
    ['本年支出合计200万元，其中：基本支出150万元，占75％。', [['expenditure_total', 'actual', '', '200', '万元'], ['basic_expenditure', 'actual', '', '150', '万元'], ['basic_expenditure', 'actual', '', '75', '%']]],
    ['本年支出合计200万元,其中:基本支出150万元,占75%.', [['expenditure_total', 'actual', '', '200', '万元'], ['basic_expenditure', 'actual', '', '150', '万元'], ['basic_expenditure', 'actual', '', '75', '%']]],
  ]],
  ['full-width and ASCII rates', FINAL_NOTE, [
    ['预算执行率为98.5％。', [['execution_rate', 'actual', '', '98.5', '%']]],
    ['预算执行率为98.5%。', [['execution_rate', 'actual', '', '98.5', '%']]],
    ['预算执行率为９８．５％。', [['execution_rate', 'actual', '', '９８．５', '%']]],
  ]],
  ['thousands separators', FINAL, [
    ['2022年度收、支总计1,153.8万元。', [['grand_total', 'actual', '', '1,153.8', '万元'], ['income_total', 'actual', '', '1,153.8', '万元'], ['expenditure_total', 'actual', '', '1,153.8', '万元']]],
    ['2022年度收、支总计１，１５３．８万元。', [['grand_total', 'actual', '', '１，１５３．８', '万元'], ['income_total', 'actual', '', '１，１５３．８', '万元'], ['expenditure_total', 'actual', '', '１，１５３．８', '万元']]],
    ['本年支出合计2,836,283.89元。', [['expenditure_total', 'actual', '', '2,836,283.89', '元']]],
    ['本年收入合计1,125.4万元，较上年减少1,075.5万元。', [['income_total', 'actual', '', '1,125.4', '万元'], ['income_total', 'actual', 'change_vs_prior', '-1,075.5', '万元']]],
    ['与2021年相比，收、支总计各减少1,075.5万元，下降48.2%。', [['grand_total', 'actual', 'change_vs_prior', '-1,075.5', '万元'], ['grand_total', 'actual', 'change_vs_prior', '-48.2', '%']]],
    ['基本支出1,098.99万元，占97.6%。', [['basic_expenditure', 'actual', '', '1,098.99', '万元'], ['basic_expenditure', 'actual', '', '97.6', '%']]],
    ['公务接待费支出16,629.00元。', [['sangong_reception', 'actual', '', '16,629.00', '元']]],
  ]],
  ['元 and 万元', FINAL, [
    ['公务接待费345950元。', [['sangong_reception', 'actual', '', '345950', '元']]],
    ['公务接待费支出345950元，较上年增加5000元。', [['sangong_reception', 'actual', '', '345950', '元'], ['sangong_reception', 'actual', 'change_vs_prior', '5000', '元']]],
    ['基本支出10万元，项目支出4.02万。', [['basic_expenditure', 'actual', '', '10', '万元'], ['project_expenditure', 'actual', '', '4.02', '万元']]],
    ['基本支出10万元，项目支出4.02万，占28.67%。', [['basic_expenditure', 'actual', '', '10', '万元'], ['project_expenditure', 'actual', '', '4.02', '万元'], ['project_expenditure', 'actual', '', '28.67', '%']]],
    ['基本支出合计2836283.89元。', [['basic_expenditure', 'actual', '', '2836283.89', '元']]],
    ['“三公”经费支出0元。', [['sangong_total', 'actual', '', '0', '元']]],
    ['人员经费98.7万元，公用经费12.3万元。', [['personnel_expenditure', 'actual', '', '98.7', '万元'], ['public_expenditure', 'actual', '', '12.3', '万元']]],
    ['人员经费987000元，公用经费123000元。', [['personnel_expenditure', 'actual', '', '987000', '元'], ['public_expenditure', 'actual', '', '123000', '元']]],
    ['本年收入合计3.5亿元。', [['income_total', 'actual', '', '3.5', '亿元']]],
  ]],
  ['numbers and units split by line breaks or spaces', FINAL, [
    ['“三公”经费支出 34.23 万元。', [['sangong_total', 'actual', '', '34.23', '万元']]],
    ['公务用车购置及运行维护费支出 34.23 万元，因公出国出境支出 0元。', [['sangong_vehicle_total', 'actual', '', '34.23', '万元'], ['sangong_abroad', 'actual', '', '0', '元']]],
    ['本年支出合计 4054.93万元，基本支出 938.62万元。', [['expenditure_total', 'actual', '', '4054.93', '万元'], ['basic_expenditure', 'actual', '', '938.62', '万元']]],
    ['本年收入合计 120 万 元。', [['income_total', 'actual', '', '120', '万元']]],
    ['本年收入合计120 万元，事业收入 0 万元。', [['income_total', 'actual', '', '120', '万元'], ['income_business', 'actual', '', '0', '万元']]],
    ['2022年度本单位基本支出合计为1098.99\n万元。', [['basic_expenditure', 'actual', '', '1098.99', '万元']]],
    ['2022年度本单位按照年初预算和实际工作需要安排支出，本年支出合计为\n120.5万元。', [['expenditure_total', 'actual', '', '120.5', '万元']]],
    ['2022年度本单位严格执行中央八项规定精神，全年发生的国内公务接\n\n待费0.25万元。', [['sangong_reception', 'actual', '', '0.25', '万元']]],
    ['2022年度本单位一般公共预算财政拨款“三公”经费支出\n合计5.2万元。', [['sangong_total', 'actual', '', '5.2', '万元']]],
    ['基本支出预算 2476260.58 元,占一般公共预算支出\n的84.06%。', [['basic_expenditure', 'budget', '', '2476260.58', '元'], ['basic_expenditure', 'budget', '', '84.06', '%']]],
  ]],
  ['rates as % and as decimals', FINAL_NOTE, [
    ['预算执行率为98.5%。', [['execution_rate', 'actual', '', '98.5', '%']]],
    ['预算执行率0.628571429。', [['execution_rate', 'actual', '', '0.628571429', 'ratio']]],
    ['预算执行率为0.95。', [['execution_rate', 'actual', '', '0.95', 'ratio']]],
    ['项目资金执行率为100%。', [['execution_rate', 'actual', '', '100', '%']]],
    ['全年执行数95万元，执行率95%。', [['budget_executed', 'actual', '', '95', '万元'], ['execution_rate', 'actual', '', '95', '%']]],
    ['“三公”经费支出4.5万元，完成预算的90%。', [['sangong_total', 'actual', '', '4.5', '万元'], ['execution_rate', 'actual', '', '90', '%']]],
    ['本年支出合计200万元，同比增长3.5%。', [['expenditure_total', 'actual', '', '200', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '3.5', '%']]],
    ['本年支出合计200万元，较上年下降10%。', [['expenditure_total', 'actual', '', '200', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '-10', '%']]],
    ['公用经费10万元，占基本支出的6.67%。', [['public_expenditure', 'actual', '', '10', '万元'], ['public_expenditure', 'actual', '', '6.67', '%']]],
    ['公用经费10万元，占比6.67%。', [['public_expenditure', 'actual', '', '10', '万元'], ['public_expenditure', 'actual', '', '6.67', '%']]],
    ['预算调整率1.75%。', [['budget_adjustment_rate', 'adjusted', '', '1.75', '%']]],
  ]],
  ['“其中：A x万元，占y%；B …” enumerations', FINAL, [
    ['本年支出合计200万元，其中基本支出150万元、项目支出50万元。', [['expenditure_total', 'actual', '', '200', '万元'], ['basic_expenditure', 'actual', '', '150', '万元'], ['project_expenditure', 'actual', '', '50', '万元']]],
    ['本年收入合计300万元，其中：财政拨款收入280万元，占93.33%，较上年增加10万元；其他收入20万元。', [['income_total', 'actual', '', '300', '万元'], ['fiscal_appropriation_total', 'actual', '', '280', '万元'], ['fiscal_appropriation_total', 'actual', '', '93.33', '%'], ['fiscal_appropriation_total', 'actual', 'change_vs_prior', '10', '万元'], ['income_other', 'actual', '', '20', '万元']]],
    ['一般公共预算财政拨款支出200万元，主要用于：卫生健康支出(类)医疗保障管理事务(款)行政运行(项)150万元，占75%；卫生健康支出(类)医疗保障管理事务(款)医疗保障经办事务(项)50万元，占25%。', [['general_public_budget_expenditure', 'actual', '', '200', '万元'], ['functional_expenditure', 'actual', '', '150', '万元'], ['functional_expenditure', 'actual', '', '75', '%'], ['functional_expenditure', 'actual', '', '50', '万元'], ['functional_expenditure', 'actual', '', '25', '%']]],
    ['本年支出合计200万元，其中：基本支出150万元，占75%；项目支出50万元，占25%。', [['expenditure_total', 'actual', '', '200', '万元'], ['basic_expenditure', 'actual', '', '150', '万元'], ['basic_expenditure', 'actual', '', '75', '%'], ['project_expenditure', 'actual', '', '50', '万元'], ['project_expenditure', 'actual', '', '25', '%']]],
    ['“三公”经费支出5万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费3万元，公务接待费2万元。', [['sangong_total', 'actual', '', '5', '万元'], ['sangong_abroad', 'actual', '', '0', '万元'], ['sangong_vehicle_total', 'actual', '', '3', '万元'], ['sangong_reception', 'actual', '', '2', '万元']]],
    ['“三公”经费支出5万元。其中：因公出国（境）费0万元，占0%；公务用车购置及运行维护费3万元，占60%；公务接待费2万元，占40%。', [['sangong_total', 'actual', '', '5', '万元'], ['sangong_abroad', 'actual', '', '0', '万元'], ['sangong_abroad', 'actual', '', '0', '%'], ['sangong_vehicle_total', 'actual', '', '3', '万元'], ['sangong_vehicle_total', 'actual', '', '60', '%'], ['sangong_reception', 'actual', '', '2', '万元'], ['sangong_reception', 'actual', '', '40', '%']]],
    ['本年收入合计300万元，其中：一般公共预算财政拨款收入280万元，占93.33%；事业收入0万元；其他收入20万元，占6.67%。', [['income_total', 'actual', '', '300', '万元'], ['income_general_budget', 'actual', '', '280', '万元'], ['income_general_budget', 'actual', '', '93.33', '%'], ['income_business', 'actual', '', '0', '万元'], ['income_other', 'actual', '', '20', '万元'], ['income_other', 'actual', '', '6.67', '%']]],
    ['本年收入合计300万元。其中：财政拨款收入280万元，占93.33%；其他收入20万元，占6.67%。', [['income_total', 'actual', '', '300', '万元'], ['fiscal_appropriation_total', 'actual', '', '280', '万元'], ['fiscal_appropriation_total', 'actual', '', '93.33', '%'], ['income_other', 'actual', '', '20', '万元'], ['income_other', 'actual', '', '6.67', '%']]],
    ['基本支出150万元，其中：人员经费120万元，公用经费30万元。', [['basic_expenditure', 'actual', '', '150', '万元'], ['personnel_expenditure', 'actual', '', '120', '万元'], ['public_expenditure', 'actual', '', '30', '万元']]],
    ['基本支出150万元，其中：工资福利支出100万元，商品和服务支出40万元，对个人和家庭的补助10万元。', [['basic_expenditure', 'actual', '', '150', '万元'], ['salary_welfare', 'actual', 'basic', '100', '万元'], ['goods_services', 'actual', 'basic', '40', '万元'], ['individual_household_subsidy', 'actual', 'basic', '10', '万元']]],
    ['项目支出50万元，其中：商品和服务支出30万元，资本性支出20万元。', [['project_expenditure', 'actual', '', '50', '万元'], ['goods_services', 'actual', 'project', '30', '万元'], ['capital_expenditure', 'actual', 'project', '20', '万元']]],
    ['公务用车购置及运行维护费3万元，其中：公务用车购置费0万元，公务用车运行维护费3万元。', [['sangong_vehicle_total', 'actual', '', '3', '万元'], ['sangong_vehicle_purchase', 'actual', '', '0', '万元'], ['sangong_vehicle_operation', 'actual', '', '3', '万元']]],
    ['一般公共预算财政拨款支出200万元，按功能分类，其中：卫生健康支出（类）180万元，占90%；社会保障和就业支出（类）20万元，占10%。', [['general_public_budget_expenditure', 'actual', '', '200', '万元'], ['functional_expenditure', 'actual', '', '180', '万元'], ['functional_expenditure', 'actual', '', '90', '%'], ['functional_expenditure', 'actual', '', '20', '万元'], ['functional_expenditure', 'actual', '', '10', '%']]],
    ['2022年度“三公”经费支出合计40.14万元。其中，因公出国(境)费0万元；公务用车购置及运维费30.93万元；公务接待费9.21万元。', [['sangong_total', 'actual', '', '40.14', '万元'], ['sangong_abroad', 'actual', '', '0', '万元'], ['sangong_vehicle_total', 'actual', '', '30.93', '万元'], ['sangong_reception', 'actual', '', '9.21', '万元']]],
  ]],
  ['phases: 年初预算 / 调整预算 / 全年预算 / 决算 / 执行数', FINAL, [
    ['2022年“三公”经费年初预算为5万元。', [['sangong_total', 'budget', '', '5', '万元']]],
    ['“三公”经费支出决算4.5万元，比年初预算减少0.5万元。', [['sangong_total', 'actual', '', '4.5', '万元']]],
    ['“三公”经费财政拨款支出预算为5万元，支出决算为4万元，完成预算的80%。决算数小于预算数的主要原因是厉行节约。', [['sangong_total', 'budget', '', '5', '万元'], ['sangong_total', 'actual', '', '4', '万元'], ['execution_rate', 'actual', '', '80', '%']]],
    ['因公出国（境）费支出预算0万元，决算0万元，与预算持平。', [['sangong_abroad', 'budget', '', '0', '万元'], ['sangong_abroad', 'actual', '', '0', '万元']]],
    ['公务用车购置费预算0万元，决算0万元；公务用车运行维护费预算3万元，决算2.8万元。', [['sangong_vehicle_purchase', 'budget', '', '0', '万元'], ['sangong_vehicle_purchase', 'actual', '', '0', '万元'], ['sangong_vehicle_operation', 'budget', '', '3', '万元'], ['sangong_vehicle_operation', 'actual', '', '2.8', '万元']]],
    ['“三公”经费预算数为5万元，决算数为4.5万元。', [['sangong_total', 'budget', '', '5', '万元'], ['sangong_total', 'actual', '', '4.5', '万元']]],
    ['基本支出全年预算总额82.00万元，实际支出80.10万元，基本支出预算执行率97.68%。', [['basic_expenditure', 'adjusted', '', '82.00', '万元'], ['basic_expenditure', 'actual', '', '80.10', '万元'], ['execution_rate', 'actual', '', '97.68', '%']]],
    ['我单位年初预算数为205.60万元，其中：基本支出年初预算数为67.60万元、项目支出年初预算数为138.00万元。', [['budget_initial', 'budget', '', '205.60', '万元'], ['basic_expenditure', 'budget', '', '67.60', '万元'], ['project_expenditure', 'budget', '', '138.00', '万元']]],
    ['2022年度本单位实际支出180万元。', [['budget_executed', 'actual', '', '180', '万元']]],
    ['我单位年初预算数为205.60万元。', [['budget_initial', 'budget', '', '205.60', '万元']]],
    ['我单位全年预算数为210万元。', [['budget_adjusted', 'adjusted', '', '210', '万元']]],
    ['我单位调整后预算数为210万元。', [['budget_adjusted', 'adjusted', '', '210', '万元']]],
    ['我单位全年执行数为200万元。', [['budget_executed', 'actual', '', '200', '万元']]],
    ['我单位年初预算数205.6万元，全年预算数210万元，全年执行数200万元，预算执行率95.24%。', [['budget_initial', 'budget', '', '205.6', '万元'], ['budget_adjusted', 'adjusted', '', '210', '万元'], ['budget_executed', 'actual', '', '200', '万元'], ['execution_rate', 'actual', '', '95.24', '%']]],
    ['基本支出年初预算150万元，决算145万元。', [['basic_expenditure', 'budget', '', '150', '万元'], ['basic_expenditure', 'actual', '', '145', '万元']]],
    ['“三公”经费年初预算5万元，决算4.5万元。', [['sangong_total', 'budget', '', '5', '万元'], ['sangong_total', 'actual', '', '4.5', '万元']]],
    ['“三公”经费支出预算为30.8万元，支出决算为25.7万元，完成预算的83.44%。', [['sangong_total', 'budget', '', '30.8', '万元'], ['sangong_total', 'actual', '', '25.7', '万元'], ['execution_rate', 'actual', '', '83.44', '%']]],
    ['公务接待费预算数1万元，执行数0.8万元。', [['sangong_reception', 'budget', '', '1', '万元'], ['sangong_reception', 'actual', '', '0.8', '万元']]],
    ['项目支出决算数为50万元。', [['project_expenditure', 'actual', '', '50', '万元']]],
    ['一般公共预算财政拨款支出决算数为200万元。', [['general_public_budget_expenditure', 'actual', '', '200', '万元']]],
    ['公务接待费调整预算1.2万元。', [['sangong_reception', 'adjusted', '', '1.2', '万元']]],
    ['基本支出调整后预算160万元，执行数155万元。', [['basic_expenditure', 'adjusted', '', '160', '万元'], ['basic_expenditure', 'actual', '', '155', '万元']]],
    ['我单位年初批复预算数205.60万元，年中调减数3.60万元，调整后全年预算数202.00万元。', [['budget_initial', 'budget', '', '205.60', '万元'], ['budget_adjustment', 'adjusted', '', '-3.60', '万元'], ['budget_adjusted', 'adjusted', '', '202.00', '万元']]],
    ['全年预算数为202.00万元，全年实际支出资金82.35万元，预算执行率为40.77%。', [['budget_adjusted', 'adjusted', '', '202.00', '万元'], ['budget_executed', 'actual', '', '82.35', '万元'], ['execution_rate', 'actual', '', '40.77', '%']]],
  ]],
  ['phases in a 部门预算 (default phase budget)', BUDGET, [
    ['2023年机关运行经费预算20万元。', [['operation_expenditure', 'budget', '', '20', '万元']]],
    ['本年支出合计300万元，其中：基本支出250万元，项目支出50万元。', [['expenditure_total', 'budget', '', '300', '万元'], ['basic_expenditure', 'budget', '', '250', '万元'], ['project_expenditure', 'budget', '', '50', '万元']]],
    ['2023年“三公”经费预算5万元。', [['sangong_total', 'budget', '', '5', '万元']]],
    ['本年收入合计300万元。', [['income_total', 'budget', '', '300', '万元']]],
    ['基本支出预算 2476260.58 元,占一般公共预算支出的84.06%,同比减少 4966.66 元,下降 0.2%。', [['basic_expenditure', 'budget', '', '2476260.58', '元'], ['basic_expenditure', 'budget', '', '84.06', '%'], ['basic_expenditure', 'budget', 'change_vs_prior', '-4966.66', '元'], ['basic_expenditure', 'budget', 'change_vs_prior', '-0.2', '%']]],
    ['2023年机关运行经费预算20万元，比上年减少1万元。', [['operation_expenditure', 'budget', '', '20', '万元'], ['operation_expenditure', 'budget', 'change_vs_prior', '-1', '万元']]],
  ]],
  ['this year against the previous year', FINAL, [
    ['公务接待费较上年减少了0.29万元。', [['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['本年支出合计200万元，较上年增长10.00%，增加18.18万元。', [['expenditure_total', 'actual', '', '200', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '10.00', '%'], ['expenditure_total', 'actual', 'change_vs_prior', '18.18', '万元']]],
    ['本年支出合计200万元，是上年的110%。', [['expenditure_total', 'actual', '', '200', '万元']]],
    ['工资福利支出100万元，较上年增加5万元，主要原因是调资。', [['salary_welfare', 'actual', '', '100', '万元'], ['salary_welfare', 'actual', 'change_vs_prior', '5', '万元']]],
    ['本年收入合计2.3亿元，较上年增加0.2亿元。', [['income_total', 'actual', '', '2.3', '亿元'], ['income_total', 'actual', 'change_vs_prior', '0.2', '亿元']]],
    ['本年支出合计200万元，比2021年决算数减少10万元。', [['expenditure_total', 'actual', '', '200', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '-10', '万元']]],
    ['公务接待费0.5万元，较上年增加0万元。', [['sangong_reception', 'actual', '', '0.5', '万元'], ['sangong_reception', 'actual', 'change_vs_prior', '0', '万元']]],
    ['因公出国（境）费0万元，与上年持平，主要原因是未安排出国（境）。', [['sangong_abroad', 'actual', '', '0', '万元']]],
    ['公务接待费0.5万元，上年决算数为0.79万元。', [['sangong_reception', 'actual', '', '0.5', '万元'], ['sangong_reception', 'actual', 'prior_year', '0.79', '万元']]],
    ['公务接待费0.5万元，较上年减少0.29万元。', [['sangong_reception', 'actual', '', '0.5', '万元'], ['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['“三公”经费支出5万元，比上年增加1.2万元，增长31.58%。', [['sangong_total', 'actual', '', '5', '万元'], ['sangong_total', 'actual', 'change_vs_prior', '1.2', '万元'], ['sangong_total', 'actual', 'change_vs_prior', '31.58', '%']]],
    ['本年支出合计200万元，较2021年减少10万元，下降4.76%。', [['expenditure_total', 'actual', '', '200', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '-10', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '-4.76', '%']]],
    ['本年支出合计200万元，与2021年相比减少10万元。', [['expenditure_total', 'actual', '', '200', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '-10', '万元']]],
    ['本年支出合计200万元，同比下降5%。', [['expenditure_total', 'actual', '', '200', '万元'], ['expenditure_total', 'actual', 'change_vs_prior', '-5', '%']]],
    ['2021年公务接待费0.8万元。', [['sangong_reception', 'actual', 'prior_year', '0.8', '万元']]],
    ['公务接待费0.5万元，上年为0.79万元。', [['sangong_reception', 'actual', '', '0.5', '万元'], ['sangong_reception', 'actual', 'prior_year', '0.79', '万元']]],
    ['机关运行经费20.5万元，与上年持平。', [['operation_expenditure', 'actual', '', '20.5', '万元']]],
    ['收、支总计较上年决算数增加128.63万元，增长4.76%。', [['grand_total', 'actual', 'change_vs_prior', '128.63', '万元'], ['grand_total', 'actual', 'change_vs_prior', '4.76', '%']]],
    // a difference from the budget is not a change from last year
    ['公务接待费决算0.8万元，比预算减少0.2万元。', [['sangong_reception', 'actual', '', '0.8', '万元']]],
    ['公务接待费支出16.3万元，与2022年度预算相比，增加1.5万元。', [['sangong_reception', 'actual', '', '16.3', '万元']]],
  ]],
  ['a change is never this year’s value', FINAL, [
    ['公务接待费较上年减少0.29万元。', [['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['公务接待费比上年减少0.29万元。', [['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['公务接待费同比减少0.29万元。', [['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['公务接待费较上年度减少0.29万元。', [['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['公务接待费与上年相比减少0.29万元。', [['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['公务接待费较2021年减少0.29万元。', [['sangong_reception', 'actual', 'change_vs_prior', '-0.29', '万元']]],
    ['公务接待费比上年增加0.29万元。', [['sangong_reception', 'actual', 'change_vs_prior', '0.29', '万元']]],
    ['“三公”经费较上年减少2.97万元，下降6.89%。', [['sangong_total', 'actual', 'change_vs_prior', '-2.97', '万元'], ['sangong_total', 'actual', 'change_vs_prior', '-6.89', '%']]],
  ]],
  ['a rate of change is never this year’s rate', FINAL_NOTE, [
    ['“三公”经费较上年下降6.89%。', [['sangong_total', 'actual', 'change_vs_prior', '-6.89', '%']]],
    ['机关运行经费比上年增长12.5%。', [['operation_expenditure', 'actual', 'change_vs_prior', '12.5', '%']]],
    ['本年支出合计同比下降5%。', [['expenditure_total', 'actual', 'change_vs_prior', '-5', '%']]],
    ['公务接待费较2021年下降20%。', [['sangong_reception', 'actual', 'change_vs_prior', '-20', '%']]],
  ]],
  ['change counts', FINAL_NOTE, [
    ['公务用车保有量5辆，较上年减少1辆。', [['vehicle_count', 'actual', '', '5', '辆'], ['vehicle_count', 'actual', 'change_vs_prior', '-1', '辆']]],
    ['国内公务接待5678批次，较上年增加744批次。', [['reception_batches', 'actual', '', '5678', '批次'], ['reception_batches', 'actual', 'change_vs_prior', '744', '批次']]],
  ]],
  ['三公经费 sentences', FINAL, [
    ['公务接待费0.25万元，接待2批次，25人次（不包含陪同人员）。', [['sangong_reception', 'actual', '', '0.25', '万元'], ['reception_batches', 'actual', '', '2', '批次'], ['reception_people', 'actual', '', '25', '人次']]],
    ['公务用车购置费0万元，本年未购置公务用车。', [['sangong_vehicle_purchase', 'actual', '', '0', '万元']]],
    ['“三公”经费支出合计2045.3万元，较上年增加71.65万元。', [['sangong_total', 'actual', '', '2045.3', '万元'], ['sangong_total', 'actual', 'change_vs_prior', '71.65', '万元']]],
    ['公务接待费支出决算为16,629.00元，完成预算的31.98%。', [['sangong_reception', 'actual', '', '16,629.00', '元'], ['execution_rate', 'actual', '', '31.98', '%']]],
    ['因公出国（境）费支出0万元，因公出国（境）团组0个，0人次。', [['sangong_abroad', 'actual', '', '0', '万元'], ['abroad_groups', 'actual', '', '0', '个'], ['abroad_people', 'actual', '', '0', '人次']]],
    ['公务用车购置费0万元，公务用车运行维护费2.8万元。', [['sangong_vehicle_purchase', 'actual', '', '0', '万元'], ['sangong_vehicle_operation', 'actual', '', '2.8', '万元']]],
    ['公务用车购置及运行维护费支出2.8万元，其中：公务用车购置费0万元，公务用车运行维护费2.8万元。', [['sangong_vehicle_total', 'actual', '', '2.8', '万元'], ['sangong_vehicle_purchase', 'actual', '', '0', '万元'], ['sangong_vehicle_operation', 'actual', '', '2.8', '万元']]],
    ['公务接待费支出1.7万元，共接待12批次，145人次。', [['sangong_reception', 'actual', '', '1.7', '万元'], ['reception_batches', 'actual', '', '12', '批次'], ['reception_people', 'actual', '', '145', '人次']]],
    ['全年共接待2批次25人次，共计支出0.25万元。', [['reception_batches', 'actual', '', '2', '批次'], ['reception_people', 'actual', '', '25', '人次'], ['sangong_reception', 'actual', '', '0.25', '万元']]],
    ['“三公”经费财政拨款支出决算为4.5万元，完成预算的90%，比上年减少0.5万元，下降10%。', [['sangong_total', 'actual', '', '4.5', '万元'], ['execution_rate', 'actual', '', '90', '%'], ['sangong_total', 'actual', 'change_vs_prior', '-0.5', '万元'], ['sangong_total', 'actual', 'change_vs_prior', '-10', '%']]],
    ['公务用车运行维护费2.8万元，主要用于1辆执法执勤用车的燃料费、维修费、保险费等。', [['sangong_vehicle_operation', 'actual', '', '2.8', '万元']]],
    ['因公出国（境）费支出决算0万元，占0%；公务接待费支出决算16.3万元，占63.42%；公务用车购置及运行维护费支出决算9.4万元，占36.58%。', [['sangong_abroad', 'actual', '', '0', '万元'], ['sangong_abroad', 'actual', '', '0', '%'], ['sangong_reception', 'actual', '', '16.3', '万元'], ['sangong_reception', 'actual', '', '63.42', '%'], ['sangong_vehicle_total', 'actual', '', '9.4', '万元'], ['sangong_vehicle_total', 'actual', '', '36.58', '%']]],
    ['因公出国(境)费支出决算为38,069.00元，完成预算的10.94%。', [['sangong_abroad', 'actual', '', '38,069.00', '元'], ['execution_rate', 'actual', '', '10.94', '%']]],
  ]],
  ['三公 counts (批次 / 人次 / 团组 / 辆)', FINAL_NOTE, [
    ['全年国内公务接待12批次145人次。', [['reception_batches', 'actual', '', '12', '批次'], ['reception_people', 'actual', '', '145', '人次']]],
    ['其中外事接待0批次，0人次。', [['reception_batches', 'actual', '', '0', '批次'], ['reception_people', 'actual', '', '0', '人次']]],
    ['单价100万元以上设备0台（套）。', [['equipment_over_1m', 'actual', '', '0', '台套']]],
    ['国内公务接待105批次，国内公务接待1150人次。', [['reception_batches', 'actual', '', '105', '批次'], ['reception_people', 'actual', '', '1150', '人次']]],
    ['国内公务接待共312批次，4228人次。', [['reception_batches', 'actual', '', '312', '批次'], ['reception_people', 'actual', '', '4228', '人次']]],
    ['公务用车保有量12 辆。', [['vehicle_count', 'actual', '', '12', '辆']]],
    ['截至2022年末，共有公务用车2辆，其中：执法执勤用车2辆。', [['vehicle_count', 'actual', '', '2', '辆'], ['vehicle_count', 'actual', '', '2', '辆']]],
  ]],
  ['机关运行经费', FINAL, [
    ['机关运行经费支出20.5万元，比年初预算减少1万元。', [['operation_expenditure', 'actual', '', '20.5', '万元']]],
    ['2022年度本单位机关运行经费支出20.5万元。', [['operation_expenditure', 'actual', '', '20.5', '万元']]],
    ['2022年度机关运行经费支出20.5万元，比上年减少1.2万元，下降5.53%。', [['operation_expenditure', 'actual', '', '20.5', '万元'], ['operation_expenditure', 'actual', 'change_vs_prior', '-1.2', '万元'], ['operation_expenditure', 'actual', 'change_vs_prior', '-5.53', '%']]],
    ['2022年度机关运行经费205000元，较上年增加5000元。', [['operation_expenditure', 'actual', '', '205000', '元'], ['operation_expenditure', 'actual', 'change_vs_prior', '5000', '元']]],
    ['本部门机关运行经费支出20.5万元，主要用于办公费、印刷费、水电费等。', [['operation_expenditure', 'actual', '', '20.5', '万元']]],
  ]],
  ['政府采购', FINAL, [
    ['2022年度政府采购支出总额30万元，其中：政府采购货物支出10万元，政府采购工程支出0万元，政府采购服务支出20万元。', [['procurement_total', 'actual', '', '30', '万元'], ['procurement_goods', 'actual', '', '10', '万元'], ['procurement_works', 'actual', '', '0', '万元'], ['procurement_services', 'actual', '', '20', '万元']]],
    ['授予中小企业合同金额30万元，占政府采购支出总额的100%，其中授予小微企业合同金额20万元。', [['procurement_sme', 'actual', '', '30', '万元'], ['procurement_sme', 'actual', '', '100', '%'], ['procurement_small_micro', 'actual', '', '20', '万元']]],
    ['2022年度本单位政府采购支出总额0万元。', [['procurement_total', 'actual', '', '0', '万元']]],
  ]],
  ['编制 and 实有人数', FINAL_NOTE, [
    ['在职人员24人，退休人员5人，遗属1人。', [['staff_count', 'actual', '', '24', '人']]],
    ['编制人数28人，实有人数24人。', [['staff_quota', 'actual', '', '28', '人'], ['staff_count', 'actual', '', '24', '人']]],
    ['实有人数24人，退休人员5人。', [['staff_count', 'actual', '', '24', '人']]],
    ['核定编制28个，其中行政编制9个，事业编制19个。', [['staff_quota', 'actual', '', '28', '个'], ['staff_quota', 'actual', '', '9', '个'], ['staff_quota', 'actual', '', '19', '个']]],
    ['总编制28个。', [['staff_quota', 'actual', '', '28', '个']]],
    ['实有在职人员24人。', [['staff_count', 'actual', '', '24', '人']]],
    ['现有在职人员24人。', [['staff_count', 'actual', '', '24', '人']]],
    ['核定事业编制82人，单位共有在职人员76人。', [['staff_quota', 'actual', '', '82', '人'], ['staff_count', 'actual', '', '76', '人']]],
    ['实有在职人员30人，其中行政编制6名，参公编制16名，事业编制8名。', [['staff_count', 'actual', '', '30', '人'], ['staff_count', 'actual', '', '6', '人'], ['staff_count', 'actual', '', '16', '人'], ['staff_count', 'actual', '', '8', '人']]],
    ['实有行政编制6名，事业编22名。', [['staff_quota', 'actual', '', '6', '人'], ['staff_quota', 'actual', '', '22', '人']]],
    ['年末实有人数23人。', [['staff_count', 'actual', '', '23', '人']]],
    ['本单位编制数12人，实有人数10人。', [['staff_quota', 'actual', '', '12', '人'], ['staff_count', 'actual', '', '10', '人']]],
  ]],
  ['tables: tab-separated lines', FINAL, [
    ['单位：万元\n项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n基本支出\t150\t160\t155\t96.88%\n项目支出\t50\t60\t45\t75%', [['basic_expenditure', 'budget', '', '150', '万元'], ['basic_expenditure', 'adjusted', '', '160', '万元'], ['basic_expenditure', 'actual', '', '155', '万元'], ['execution_rate', 'actual', '', '96.88', '%'], ['project_expenditure', 'budget', '', '50', '万元'], ['project_expenditure', 'adjusted', '', '60', '万元'], ['project_expenditure', 'actual', '', '45', '万元'], ['execution_rate', 'actual', '', '75', '%']]],
    ['“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t5\t4.5\n因公出国（境）费\t0\t0\n公务用车购置及运行维护费\t3\t2.8\n公务接待费\t2\t1.7', [['sangong_total', 'budget', '', '5', '万元'], ['sangong_total', 'actual', '', '4.5', '万元'], ['sangong_abroad', 'budget', '', '0', '万元'], ['sangong_abroad', 'actual', '', '0', '万元'], ['sangong_vehicle_total', 'budget', '', '3', '万元'], ['sangong_vehicle_total', 'actual', '', '2.8', '万元'], ['sangong_reception', 'budget', '', '2', '万元'], ['sangong_reception', 'actual', '', '1.7', '万元']]],
    ['项目\t预算数\t决算数\n公务接待费\t2万元\t1.7万元', [['sangong_reception', 'budget', '', '2', '万元'], ['sangong_reception', 'actual', '', '1.7', '万元']]],
    ['单位：元\n项目\t预算数\t决算数\n公务接待费\t20000\t17000', [['sangong_reception', 'budget', '', '20000', '元'], ['sangong_reception', 'actual', '', '17000', '元']]],
    ['单位：万元\n项目\t年初预算数\t决算数\n本年收入合计\t300\t310\n本年支出合计\t300\t305', [['income_total', 'budget', '', '300', '万元'], ['income_total', 'actual', '', '310', '万元'], ['expenditure_total', 'budget', '', '300', '万元'], ['expenditure_total', 'actual', '', '305', '万元']]],
    ['单位：万元\n项目\t预算数\t决算数\n公务接待费\t1,200.5\t1,100.25', [['sangong_reception', 'budget', '', '1,200.5', '万元'], ['sangong_reception', 'actual', '', '1,100.25', '万元']]],
  ]],
  ['tables: markdown pipes', FINAL, [
    ['单位：万元\n\n| 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |\n|---|---|---|---|---|\n| 基本支出 | 150 | 160 | 155 | 96.88% |\n| 项目支出 | 50 | 60 | 45 | 75% |', [['basic_expenditure', 'budget', '', '150', '万元'], ['basic_expenditure', 'adjusted', '', '160', '万元'], ['basic_expenditure', 'actual', '', '155', '万元'], ['execution_rate', 'actual', '', '96.88', '%'], ['project_expenditure', 'budget', '', '50', '万元'], ['project_expenditure', 'adjusted', '', '60', '万元'], ['project_expenditure', 'actual', '', '45', '万元'], ['execution_rate', 'actual', '', '75', '%']]],
    ['“三公”经费支出决算表\n单位：万元\n\n| 项目 | 预算数 | 决算数 |\n| --- | --- | --- |\n| 合计 | 5 | 4.5 |\n| 因公出国（境）费 | 0 | 0 |\n| 公务接待费 | 2 | 1.7 |', [['sangong_total', 'budget', '', '5', '万元'], ['sangong_total', 'actual', '', '4.5', '万元'], ['sangong_abroad', 'budget', '', '0', '万元'], ['sangong_abroad', 'actual', '', '0', '万元'], ['sangong_reception', 'budget', '', '2', '万元'], ['sangong_reception', 'actual', '', '1.7', '万元']]],
    ['“三公”经费支出表（单位：万元）\n| 项目 | 预算数 | 决算数 |\n|:--|--:|--:|\n| 合计 | 5 | 4.5 |', [['sangong_total', 'budget', '', '5', '万元'], ['sangong_total', 'actual', '', '4.5', '万元']]],
    ['项目 | 预算数 | 决算数\n公务接待费 | 2万元 | 1.7万元', [['sangong_reception', 'budget', '', '2', '万元'], ['sangong_reception', 'actual', '', '1.7', '万元']]],
  ]],
  ['tables: one cell per line', FINAL, [
    ['一般公共预算财政拨款“三公”经费支出决算表\n单位:万元\n项 目 |\n预 算 数 |\n决 算 数 |\n合 计 |\n30.8 |\n25.7 |\n因公出国(境)费 |\n0 |\n0 |\n公务接待费 |\n14.8 |\n16.3 |', [['sangong_total', 'budget', '', '30.8', '万元'], ['sangong_total', 'actual', '', '25.7', '万元'], ['sangong_abroad', 'budget', '', '0', '万元'], ['sangong_abroad', 'actual', '', '0', '万元'], ['sangong_reception', 'budget', '', '14.8', '万元'], ['sangong_reception', 'actual', '', '16.3', '万元']]],
    ['“三公”经费支出决算表\n单位:万元\n项目 |\n预算数 |\n决算数 |\n公务接待费 |\n14.8 |\n16.3 |', [['sangong_reception', 'budget', '', '14.8', '万元'], ['sangong_reception', 'actual', '', '16.3', '万元']]],
  ]],
  ['project self-evaluation tables (年初预算数 / 全年预算数 / 全年执行数 / 执行率 / 得分)', PROJECT, [
    [`项目名称\t${P}\n主管部门\t平安县医疗保障局\t实施单位\t平安县医疗保障局\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t1000\t1155.5\t701.23\t10\t60.7%\t6`, [['budget_initial', 'budget', P, '1000', '万元'], ['budget_adjusted', 'adjusted', P, '1155.5', '万元'], ['budget_executed', 'actual', P, '701.23', '万元'], ['execution_rate', 'actual', P, '60.7', '%']]],
    [`项目名称\t${P}\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t1000\t1155.5\t701.23\t10\t60.7%\t6\n其中：当年财政拨款\t1000\t1155.5\t701.23\t—\t60.7%\t—`, [['budget_initial', 'budget', P, '1000', '万元'], ['budget_adjusted', 'adjusted', P, '1155.5', '万元'], ['budget_executed', 'actual', P, '701.23', '万元'], ['execution_rate', 'actual', P, '60.7', '%'], ['budget_initial', 'budget', P, '1000', '万元'], ['budget_adjusted', 'adjusted', P, '1155.5', '万元'], ['budget_executed', 'actual', P, '701.23', '万元'], ['execution_rate', 'actual', P, '60.7', '%']]],
    [`项目名称\t${P}\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t100\t100\t95\t10\t0.95\t9.5`, [['budget_initial', 'budget', P, '100', '万元'], ['budget_adjusted', 'adjusted', P, '100', '万元'], ['budget_executed', 'actual', P, '95', '万元'], ['execution_rate', 'actual', P, '0.95', 'ratio']]],
    [`项目名称\t${P}\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t1000\t1155.5\t701.23\t10\t60.7%\t6\n总分\t\t\t\t\t100\t94\t良`, [['budget_initial', 'budget', P, '1000', '万元'], ['budget_adjusted', 'adjusted', P, '1155.5', '万元'], ['budget_executed', 'actual', P, '701.23', '万元'], ['execution_rate', 'actual', P, '60.7', '%'], ['self_eval_score', 'actual', P, '94', '分']]],
    [`| 项目名称 | ${P} |\n| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| 年度资金总额 | 1000 | 1155.5 | 701.23 | 10 | 60.7% | 6 |`, [['budget_initial', 'budget', P, '1000', '万元'], ['budget_adjusted', 'adjusted', P, '1155.5', '万元'], ['budget_executed', 'actual', P, '701.23', '万元'], ['execution_rate', 'actual', P, '60.7', '%']]],
    [`项目名称：${P}\n该项目年初预算数1000万元，全年预算数1155.5万元，全年执行数701.23万元，执行率60.7%。`, [['budget_initial', 'budget', P, '1000', '万元'], ['budget_adjusted', 'adjusted', P, '1155.5', '万元'], ['budget_executed', 'actual', P, '701.23', '万元'], ['execution_rate', 'actual', P, '60.7', '%']]],
    [`项目名称：${P}\n项目资金（万元） |\n年初预算数 |\n全年预算数 |\n全年执行数 |\n分值 |\n执行率 |\n得分 |\n年度资金总额 |\n1000 |\n1155.5 |\n701.23 |\n10 |\n60.7% |\n6 |`, [['budget_initial', 'budget', P, '1000', '万元'], ['budget_adjusted', 'adjusted', P, '1155.5', '万元'], ['budget_executed', 'actual', P, '701.23', '万元'], ['execution_rate', 'actual', P, '60.7', '%']]],
    [`项目名称：${P}\n全年执行数701.23万元。该项目自评得分为94分，评价等级为优。`, [['budget_executed', 'actual', P, '701.23', '万元'], ['self_eval_score', 'actual', P, '94', '分']]],
  ]],
  ['income, expenditure and asset lines', FINAL, [
    ['截至2022年12月31日，本单位资产总额20.4万元，其中固定资产15.2万元；负债总额0万元。', [['assets_total', 'actual', '', '20.4', '万元'], ['fixed_assets', 'actual', '', '15.2', '万元'], ['liabilities_total', 'actual', '', '0', '万元']]],
    ['单价100万元（含）以上专用设备0台（套）。', [['equipment_over_1m', 'actual', '', '0', '台套']]],
    ['政府性基金预算财政拨款收入0万元。', [['income_government_fund', 'actual', '', '0', '万元']]],
    ['年初结转和结余10万元。', [['carryover_beginning', 'actual', '', '10', '万元']]],
    ['国有资本经营预算财政拨款支出0万元。', [['state_capital_expenditure', 'actual', '', '0', '万元']]],
    ['上缴上级支出0万元，经营支出0万元，对附属单位补助支出0万元。', [['expenditure_to_superior', 'actual', '', '0', '万元'], ['business_operating_expenditure', 'actual', '', '0', '万元'], ['subsidy_to_affiliated', 'actual', '', '0', '万元']]],
    ['一般公共预算财政拨款支出200万元，占本年支出合计的100%。', [['general_public_budget_expenditure', 'actual', '', '200', '万元'], ['general_public_budget_expenditure', 'actual', '', '100', '%']]],
    ['一般公共预算财政拨款基本支出150万元，其中：人员经费120万元，日常公用经费30万元。', [['basic_expenditure', 'actual', '', '150', '万元'], ['personnel_expenditure', 'actual', '', '120', '万元'], ['public_expenditure', 'actual', '', '30', '万元']]],
    ['本年收入合计300万元，本年支出合计290万元，年末结转和结余10万元。', [['income_total', 'actual', '', '300', '万元'], ['expenditure_total', 'actual', '', '290', '万元']]],
    ['2022年度收入总计300万元，支出总计300万元。', [['grand_total', 'actual', '', '300', '万元'], ['grand_total', 'actual', '', '300', '万元'], ['income_total', 'actual', '', '300', '万元'], ['expenditure_total', 'actual', '', '300', '万元']]],
    ['2022年度收入总计300万元，本年收入合计280万元。', [['grand_total', 'actual', '', '300', '万元'], ['income_total', 'actual', '', '280', '万元']]],
    ['社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)10.5万元，占5.25%。', [['functional_expenditure', 'actual', '', '10.5', '万元'], ['functional_expenditure', 'actual', '', '5.25', '%']]],
    ['2022年1-12月，本单位共支出120万元。', [['budget_executed', 'actual', '', '120', '万元']]],
  ]],
  ['self-evaluation scores', FINAL_NOTE, [
    ['部门整体支出绩效自评得分95.5分。', [['self_eval_score', 'actual', '', '95.5', '分']]],
    ['经综合评价，本部门2022年度整体支出绩效自评得分为95.5分，等级为优。', [['self_eval_score', 'actual', '', '95.5', '分']]],
    ['部门整体绩效自评得分：94.72分', [['self_eval_score', 'actual', '', '94.72', '分']]],
    ['该指标分值10分，得分8分。', []],
  ]],
  ['a decrease written with a minus as well', '平安县科学技术局2018年度部门决算\n', [
    ['“三公”经费支出决算数比2017年减少518,378.24元，下降-81.75%。', [['sangong_total', 'actual', 'change_vs_prior', '-518,378.24', '元'], ['sangong_total', 'actual', 'change_vs_prior', '-81.75', '%']]],
  ]],
  ['headcounts as real reports phrase them (parts after 其中 are not the whole)', FINAL_NOTE, [
    ['刘堡镇卫生院现有职工23人，其中在编人员16人。', [['staff_count', 'actual', '', '23', '人']]],
    ['本单位现有在职职工62人。', [['staff_count', 'actual', '', '62', '人']]],
    ['2022年末在職職工246人。', [['staff_count', 'actual', '', '246', '人']]],
    ['本单位实有在编在职职工28人。', [['staff_count', 'actual', '', '28', '人']]],
    ['年末在岗职工111人。', [['staff_count', 'actual', '', '111', '人']]],
    ['2022年末教职工总人数84人，其中在职在编人员77人。', [['staff_count', 'actual', '', '84', '人']]],
    ['全县财政供养人员共计9,244人。', [['staff_count', 'actual', '', '9,244', '人']]],
  ]],
  ['vehicle holdings as real reports phrase them', FINAL_NOTE, [
    ['实有编制车辆9辆。', [['vehicle_count', 'actual', '', '9', '辆']]],
    ['公务用车保有18辆。', [['vehicle_count', 'actual', '', '18', '辆']]],
    ['全县公务用车总数1,763辆。', [['vehicle_count', 'actual', '', '1,763', '辆']]],
    ['单位现有职工30人，其中公务用车3辆。', [['staff_count', 'actual', '', '30', '人'], ['vehicle_count', 'actual', '', '3', '辆']]],
  ]],
  ['a unit’s own income and expenditure (parts listed after 其中 are left out)', FINAL, [
    ['2022年度部门决算收入955.22万元，部门决算支出955.22万元。', [['income_total', 'actual', '', '955.22', '万元'], ['expenditure_total', 'actual', '', '955.22', '万元']]],
    ['2022年總收入6628.72萬元，其中：財政補助收入2339.68萬元。', [['income_total', 'actual', '', '6628.72', '万元']]],
    ['一般公共预算财政拨款支出总计364.5594万元。', [['general_public_budget_expenditure', 'actual', '', '364.5594', '万元']]],
    ['公车购置及运行费995万元，公务用车运转维护费898.22万元，公務用車維護費5萬元。', [['sangong_vehicle_total', 'actual', '', '995', '万元'], ['sangong_vehicle_operation', 'actual', '', '898.22', '万元'], ['sangong_vehicle_operation', 'actual', '', '5', '万元']]],
  ]],
  ['a unit’s own income and expenditure in a 部门预算', BUDGET, [
    ['部门收入预算919543.7万元，其中:财政拨款79468.4万元。', [['income_total', 'budget', '', '919543.7', '万元'], ['fiscal_appropriation_total', 'budget', '', '79468.4', '万元']]],
    ['(一)收入预算:2023年年初预算数1211.02万元,其中:一般公共预算拨款224.10万元。', [['income_total', 'budget', '', '1211.02', '万元']]],
    ['(二)支出预算:2023年年初预算数1211.02万元,其中:一般公共服务支出预算0万元。', [['expenditure_total', 'budget', '', '1211.02', '万元']]],
    ['平阳县中医院2023年收支总预算46621.39万元。', [['grand_total', 'budget', '', '46621.39', '万元'], ['income_total', 'budget', '', '46621.39', '万元'], ['expenditure_total', 'budget', '', '46621.39', '万元']]],
    ['2023年部门经费预算7464053元。', [['expenditure_total', 'budget', '', '7464053', '元']]],
  ]],
  ['table headers: one titled value column, grouped columns, year columns, a shifted group header, counts', '', [
    ['平安县医疗保障局2022年“三公”经费预算表\n单位:万元\n项 目 | 本年预算数 | 其中:公共预算财政拨款 |\n合 计 | 34.35 | 34.35 |\n2.公务接待费 | 1.70 | 1.70 |\n',
      [['sangong_total', 'budget', '', '34.35', '万元'], ['sangong_reception', 'budget', '', '1.70', '万元']]],
    ['平安县医疗保障局2022年度“三公”经费支出决算表\n单位:万元\n项目 | 预算数 | 决算数 | ||||\n合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 |\n公务接待费 | 8 | 8 | 0 | 2.26 | 2.26 | 0 |\n',
      [['sangong_reception', 'budget', '', '8', '万元'], ['sangong_reception', 'actual', '', '2.26', '万元']]],
    ['平安县2023年“三公”经费预算情况\n单位:万元 | ||||\n项目 | 2022年预算数 | 2023年预算数 | 2023年预算数增减 | 增减原因 |\n2、公务接待费 | 1114.54 | 989.86 | -124.68 | 减少接待 |\n',
      [['sangong_reception', 'budget', '', '989.86', '万元']]],
    ['平安县医疗保障局2022年度项目支出绩效自评表\n项目名称 | 安可替代补助资金项目 | ||\n预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||\n总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | 说明 | ||\n',
      [['budget_initial', 'budget', '安可替代补助资金项目', '0.00', '万元'], ['budget_adjusted', 'adjusted', '安可替代补助资金项目', '3.36', '万元'], ['budget_executed', 'actual', '安可替代补助资金项目', '3.36', '万元'], ['execution_rate', 'actual', '安可替代补助资金项目', '100.00', '%']]],
    ['平安县2020年度全区“三公”经费决算（单位：万元）\n2020年度全区“三公”经费使用情况\n使用项目 |\n2020年度数量或人次 |\n因公出国(境)团组数 |\n0 |\n公务用车保有量 |\n660 |\n国内公务接待批次 |\n486 |\n国内公务接待人次 |\n7371 |\n',
      [['abroad_groups', 'actual', '', '0', '个'], ['vehicle_count', 'actual', '', '660', '辆'], ['reception_batches', 'actual', '', '486', '批次'], ['reception_people', 'actual', '', '7371', '人次']]],
    ['平安县2022年度部门决算 人员情况表\n项 目 | 合 计 | 行政单位 | 事业单位 | ||||\n编制数 | 34 | 34 | ||||||\n在职人数 | 32 | 32 | ||||||\n',
      [['staff_count', 'actual', '', '32', '人']]],
  ]],
  ['statements with line numbers (行次), two side by side', FINAL, [
    ['收入支出决算总表\n单位：万元\n项目 | 行次 | 金额 | 项目 | 行次 | 金额 |\n栏次 | 1 | 栏次 | 2 | ||\n一、财政拨款收入 | 1 | 625.58 | 一、一般公共服务支出 | 28 | |\n二、上级补助收入 | 2 | 二、外交支出 | 29 | ||\n本年收入合计 | 23 | 34846.81 | 本年支出合计 | 50 | 36341.62\n',
      [['fiscal_appropriation_total', 'actual', '', '625.58', '万元'], ['income_total', 'actual', '', '34846.81', '万元'], ['expenditure_total', 'actual', '', '36341.62', '万元']]],
  ]],
  ['space-aligned tables: one number per column, or nothing', FINAL, [
    ['收入支出对比表 单位:元\n项目及编号 2021年度 2022年度 2022比2021增减\n增减值 增减%\n一、收入支出情况对比 (一) 本年收入合计 58596771.09 117154424.7 58557653.59 99.93%\n2. 事业收入 0\n(二) 本年支出合计 68040296.8 73952025.38 5911728.58 8.69%\n',
      [['income_total', 'actual', '', '117154424.7', '元'], ['expenditure_total', 'actual', '', '73952025.38', '元']]],
  ]],
  ['tables run together with prose on one line', FINAL, [
    ['一、2022 年“三公”经费支出决算表 单位:万元 项 目 预算数 决算数 合 计 65.00 64.87 0 0 公务接待费 21.00 21.00 其中:公务用车运行维护费 44.00 43.87 公务用车购置 0 0 因公出国(境)费 二、说明 (一)总体情况。',
      [['sangong_reception', 'budget', '', '21.00', '万元'], ['sangong_reception', 'actual', '', '21.00', '万元'], ['sangong_vehicle_operation', 'budget', '', '44.00', '万元'], ['sangong_vehicle_operation', 'actual', '', '43.87', '万元'], ['sangong_vehicle_purchase', 'budget', '', '0', '万元'], ['sangong_vehicle_purchase', 'actual', '', '0', '万元']]],
  ]],
  ['parts are not the whole: 含 remarks, siblings after 其中, counts in brackets', FINAL, [
    ['“三公”经费预算2729.47万元(含援外医疗队公务用车购置及运行费1199.00万元),实际支出2599.23万元(含援外医疗队支出412.00万元)。',
      [['sangong_total', 'budget', '', '2729.47', '万元'], ['sangong_total', 'actual', '', '2599.23', '万元']]],
    ['单位支出5212.91万元(含人员支出4450.87万元、公用支出762.04万元)。',
      [['expenditure_total', 'actual', '', '5212.91', '万元'], ['personnel_expenditure', 'actual', '', '4450.87', '万元'], ['public_expenditure', 'actual', '', '762.04', '万元']]],
    ['“三公”经费决算数合计为1000.86万元，其中：因公出国(境)费0万元、公务接待费43.77万元、会议费34.10万元、培训费51.37万元。',
      [['sangong_total', 'actual', '', '1000.86', '万元'], ['sangong_abroad', 'actual', '', '0', '万元'], ['sangong_reception', 'actual', '', '43.77', '万元']]],
    ['国内公务接待共330批次(其中外事接待0批次)，1950人次(其中外事接待0人次)。',
      [['reception_batches', 'actual', '', '330', '批次'], ['reception_people', 'actual', '', '1950', '人次']]],
  ]],
  ['基本支出 / 项目支出 after 其中 belong to the amount before them', BUDGET, [
    ['机构运行 1100910.5 元,其中:基本支出 1100910.5 元,项目支出 0元。', []],
    ['机关事业单位基本养老保险缴费支出 150384 元,其中:基本支出 150384 元,项目支出 0元。', []],
    ['机关事业单位基本养老保险缴费支出 150384 元,其中:\n基本支出 150384 元,项目支出 0元。', []],
    ['我单位年初预算数为 205.60 万元，其中：基本支出年初预算数为 67.60 万元、项目支出年初预算数为 138.00 万元。',
      [['budget_initial', 'budget', '', '205.60', '万元'], ['basic_expenditure', 'budget', '', '67.60', '万元'], ['project_expenditure', 'budget', '', '138.00', '万元']]],
    ['2023年部门经费预算7464053元,基本支出4566793元,其中工资福利支出3265013元。',
      [['expenditure_total', 'budget', '', '7464053', '元'], ['basic_expenditure', 'budget', '', '4566793', '元'], ['salary_welfare', 'budget', 'basic', '3265013', '元']]],
  ]],
  ['years: one compared with is not the figure’s, one a sentence opens with is', FINAL, [
    ['公务用车购置及运行费比2010年稍多,为93.08万元。', [['sangong_vehicle_total', 'actual', '', '93.08', '万元']]],
    ['二、2021年的三公经费决算数合计为807.95万元,其中:公务接待费39.43万元。', [['sangong_total', 'actual', 'prior_year', '807.95', '万元'], ['sangong_reception', 'actual', 'prior_year', '39.43', '万元']]],
  ]],
  ['more labels real reports use', BUDGET, [
    ['2023 年一般公共预算拨款支出 1493924.6 元,其中:基本支出 1440224.6 元,项目支出 53700 元。',
      [['general_public_budget_expenditure', 'budget', '', '1493924.6', '元'], ['basic_expenditure', 'budget', '', '1440224.6', '元'], ['project_expenditure', 'budget', '', '53700', '元']]],
    ['“三公”经费预算表\n单位:万元\n项 目 | 本年预算数 |\n3.公务用车费 | 12 |\n(2)公务用车购置 | 0 |\n',
      [['sangong_vehicle_total', 'budget', '', '12', '万元'], ['sangong_vehicle_purchase', 'budget', '', '0', '万元']]],
  ]],
  ['remarks inside a name, a unit as the subject of 支出为', FINAL, [
    ['公务用车(含执勤执法用车)运行支出57.36万元。', [['sangong_vehicle_operation', 'actual', '', '57.36', '万元']]],
    ['基本支出7095.35万元，基本支出中医疗业务支出5868.43万元。', [['basic_expenditure', 'actual', '', '7095.35', '万元']]],
    ['基本支出中，人员经费6000万元。', [['personnel_expenditure', 'actual', '', '6000', '万元']]],
    ['这一因素较上年减少部门支出 1,653 万元。', [['expenditure_total', 'actual', 'change_vs_prior', '-1,653', '万元']]],
    ['（二）公务车购置及运行费0万元。', [['sangong_vehicle_total', 'actual', '', '0', '万元']]],
    ['2022年度,刘堡镇卫生院支出为430.2258万元。', [['expenditure_total', 'actual', '', '430.2258', '万元']]],
  ]],
  ['key–value pairs of a project form', '成安县民政局2022年度预算项目绩效自评表\n项目名称: 百岁老人高龄津贴 金额单位: 万元\n', [
    ['二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)\n预算数 6.84 到位数 6.84 执行数 6.84 100.00\n其中:财政资金 6.84 其中:财政资金 6.84\n',
      [['budget_adjusted', 'adjusted', '百岁老人高龄津贴', '6.84', '万元'], ['budget_executed', 'actual', '百岁老人高龄津贴', '6.84', '万元'], ['execution_rate', 'actual', '百岁老人高龄津贴', '100.00', '%']]],
    ['预算安排情况 资金执行情况\n预算数 5 执行数 4\n', [['budget_initial', 'budget', '百岁老人高龄津贴', '5', '万元'], ['budget_executed', 'actual', '百岁老人高龄津贴', '4', '万元']]],
  ]],
  ['key–value pairs outside a project report are left to others', FINAL_NOTE, [
    ['预算数 6.84 执行数 6.84\n', []],
  ]],
  ['a scoring table’s total after other cells on its row', PROJECT, [
    ['金额单位：元\n| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |\n', [['self_eval_score', 'actual', '', '96', '分']]],
    ['金额单位：元\n| 绩效指标 | 分值 | 得分 | 偏差原因 |\n| 学生满意度 | 10 | 10 | 无 |\n', []],
  ]],
  ['spending split into 基本支出 and 项目支出 is the total; 实际 after a quota; 购置数及保有量', FINAL_NOTE, [
    ['2022全年支出148.87万元,其中基本支出128.99万元,项目支出19.88万元。',
      [['expenditure_total', 'actual', '', '148.87', '万元'], ['basic_expenditure', 'actual', '', '128.99', '万元'], ['project_expenditure', 'actual', '', '19.88', '万元']]],
    ['行政编制0人;事业编制166人;实际166人。', [['staff_quota', 'actual', '', '0', '人'], ['staff_quota', 'actual', '', '166', '人'], ['staff_count', 'actual', '', '166', '人']]],
    ['2022年公务用车购置数及保有量分别为1辆和130辆。', [['vehicle_purchase_count', 'actual', '', '1', '辆'], ['vehicle_count', 'actual', '', '130', '辆']]],
    ['全年国内公务接待批次为1039次,共计接待9195人次。', [['reception_batches', 'actual', '', '1039', '批次'], ['reception_people', 'actual', '', '9195', '人次']]],
    ['国内公务接待15次，接待人数120人次。', [['reception_batches', 'actual', '', '15', '批次'], ['reception_people', 'actual', '', '120', '人次']]],
    ['召开会议15次。', []],
  ]],
  ['in a self-evaluation, spending split after 其中 stays the executed budget', '平安县医疗保障局2022年度部门整体支出绩效自评报告（单位：万元）\n', [
    ['我单位全年预算支出金额共计 82.35 万元，其中：基本支出为 80.10 万元。', [['budget_executed', 'actual', '', '82.35', '万元'], ['basic_expenditure', 'actual', '', '80.10', '万元']]],
  ]],
  ['mirror sites: traditional script with pinyin after characters', FINAL, [
    ['衛(wèi)生部“三公經(jīng)費(fèi)”財政撥款預(yù)算4732.23萬元,實(shí)際支出4296.44萬元。',
      [['sangong_total', 'budget', '', '4732.23', '万元'], ['sangong_total', 'actual', '', '4296.44', '万元']]],
  ]],
  ['numbers that are not figures', FINAL, [
    ['公开时间：2023年10月12日。本单位支出情况如下。', []],
    ['根据《关于做好2022年度部门决算工作的通知》（平财预〔2022〕2号）要求编制本决算。', []],
    ['根据平财预〔2022〕12号文件精神，落实支出责任。', []],
    ['联系电话：0731-22851234，手机13812345678。', []],
    ['城乡居民医保财政补助标准为610元/人。', []],
    ['城乡居民医保人均财政补助标准每人每年610元。', []],
    ['1.因公出国（境）费支出0万元。\n2.公务接待费支出0.8万元。', [['sangong_abroad', 'actual', '', '0', '万元'], ['sangong_reception', 'actual', '', '0.8', '万元']]],
    ['（1）公务接待费支出0.8万元。', [['sangong_reception', 'actual', '', '0.8', '万元']]],
    ['全县参保人数2.68万人，医保基金收入2.09亿元，基金支出1.8亿元。', []],
    ['每超过一个百分点扣0.4分，扣完为止。', []],
    ['本单位下设3个股室，2个事业单位。', []],
    ['2022年度本单位支出情况详见附表1。', []],
    ['2022年12月31日前完成全部支付。', []],
  ]],
])('%s', (_phrasing, header, cases) => {
  it.each(cases)('%s', (sentence, expected) => {
    const text = header + sentence;
    const { figures } = extractReport(text);
    expect(sorted(figures.map(brief))).toEqual(sorted(expected));
    expectQuotesHold(text, figures);
    // every figure says which reader found it, why, and how sure it is
    for (const f of figures) expect([typeof f.reader, typeof f.rule, f.confidence !== undefined && f.confidence > 0 && f.confidence <= 1], `${f.metric} ${f.value}`).toEqual(['string', 'string', true]);
    // a number written right after 较上年减少 / 同比增长 is a change, whatever the metric
    expect(figures.filter((f) => statedAsChange(f) && f.scope !== 'change_vs_prior').map(brief)).toEqual([]);
  });
});

describe('line items', () => {
  it.each<[sentence: string, metric: MetricKey, value: string, item: string]>([
    ['一般公共预算财政拨款支出200万元，按功能分类，其中：卫生健康支出（类）180万元。', 'functional_expenditure', '180', '卫生健康支出'],
    ['卫生健康支出(类)医疗保障管理事务(款)行政运行(项)50万元。', 'functional_expenditure', '50', '卫生健康支出 / 医疗保障管理事务 / 行政运行'],
    ['实有在职人员30人，其中行政编制6名，参公编制16名。', 'staff_count', '16', '参公编制'],
    ['核定编制28个，其中行政编制9个，事业编制19个。', 'staff_quota', '19', '事业编制'],
    ['共有公务用车3辆，其中：执法执勤用车2辆，特种专业技术用车1辆。', 'vehicle_count', '1', '特种专业技术用车'],
    ['外事接待费0万元。', 'sangong_reception', '0', '外事接待费'],
  ])('%s → %s %s', (sentence, metric, value, item) => {
    const text = FINAL_NOTE + sentence;
    const { figures } = extractReport(text);
    const found = figures.filter((f) => f.metric === metric && f.value === value);
    expect(found.map((f) => f.item)).toEqual([item]);
    expectQuotesHold(text, figures);
  });
});

describe('header: unit, fiscal year and kind', () => {
  it.each<[name: string, text: string, expected: { unit: string | null; year: number | null; kind: string | null }]>([
    ['full name in the title', '平安县医疗保障局2022年度部门决算\n一、部门基本情况\n平安县医疗保障局为县政府工作部门。\n本年支出合计200万元。', { unit: '平安县医疗保障局', year: 2022, kind: '部门决算' }],
    ['title abbreviates, body names in full', '医疗保障局\n2023年度部门整体支出绩效自评报告\n一、部门基本情况\n青山市白云区医疗保障局成立于2019年，内设3个股室。青山市白云区医疗保障局主要职责是贯彻执行医疗保障政策。\n我单位年初预算数为205.60万元。', { unit: '青山市白云区医疗保障局', year: 2023, kind: '部门整体支出绩效自评' }],
    ['short name in the title, full name on a labelled line', '区医保局2022年度部门整体支出绩效自评报告\n部门（单位）名称：青山市白云区医疗保障局\n2022年度本单位年初预算数为100万元。', { unit: '青山市白云区医疗保障局', year: 2022, kind: '部门整体支出绩效自评' }],
    ['unit label with 公章', '单位名称（公章）：平安县医疗保障局\n2022年度部门整体支出绩效自评表\n年初预算数100万元。', { unit: '平安县医疗保障局', year: 2022, kind: '部门整体支出绩效自评' }],
    ['填报单位 label', '2022年度项目支出绩效自评表\n填报单位：平安县卫生健康局\n项目名称：基本公共卫生服务项目\n年度资金总额100万元。', { unit: '平安县卫生健康局', year: 2022, kind: '项目支出绩效自评' }],
    ['province, city and county in the name', '湖南省株洲市平安县疾病预防控制中心2021年度部门决算公开说明\n本年收入合计300万元。', { unit: '湖南省株洲市平安县疾病预防控制中心', year: 2021, kind: '部门决算' }],
    ['township government', '新妙镇人民政府2021年度“三公”经费决算情况说明\n经汇总，2021年度全镇“三公”经费支出合计40.14万元。', { unit: '新妙镇人民政府', year: 2021, kind: '三公经费说明' }],
    ['publisher in the navigation, unit in the title', '发布机构：隆德县卫生健康局\n隆德县观庄乡卫生院2022年度部门决算公开说明\n一、基本情况\n隆德县观庄乡卫生院承担辖区内基本医疗服务。\n本年支出合计200万元。', { unit: '隆德县观庄乡卫生院', year: 2022, kind: '部门决算' }],
    ['title names the next year, the body the fiscal year', '平安县医疗保障局2022年财政支出绩效自评报告\n根据要求，现将2021年度医疗救助补助资金项目绩效自评情况报告如下。\n2021年度下达医疗救助资金100万元，2021年度支出90万元，执行率90%。\n填报日期：2022年3月5日', { unit: '平安县医疗保障局', year: 2021, kind: '项目支出绩效自评' }],
    ['publication date and document number do not set the year', '平安县医疗保障局2021年度部门决算\n发布日期：2022-09-30\n根据平财预〔2022〕2号文件，现将2021年度决算公开如下。\n2021年度本年支出合计200万元。', { unit: '平安县医疗保障局', year: 2021, kind: '部门决算' }],
    ['comparison years do not set the year', '平安县医疗保障局2022年度部门决算\n2022年度本年支出合计200万元，比2021年减少10万元，与2021年相比下降4.76%。', { unit: '平安县医疗保障局', year: 2022, kind: '部门决算' }],
    ['year with spaces around it', '平安县医疗保障局 2022 年度 部门决算\n本年支出合计200万元。', { unit: '平安县医疗保障局', year: 2022, kind: '部门决算' }],
    ['year in brackets under the title', '部门单位整体支出绩效 自评报告\n(2023 年度)\n单位名称：平安县医疗保障局\n年初预算数为205.60万元。', { unit: '平安县医疗保障局', year: 2023, kind: '部门整体支出绩效自评' }],
    ['navigation crumbs before the title', '您当前的位置：首页 > 政务公开 > 财政预决算\n平安县医疗保障局2022年度部门决算\n本年支出合计200万元。', { unit: '平安县医疗保障局', year: 2022, kind: '部门决算' }],
    ['决算 titled with 年 rather than 年度', '平安县医疗保障局2022年部门决算公开\n本年支出合计200万元。', { unit: '平安县医疗保障局', year: 2022, kind: '部门决算' }],
    ['a 决算 whose contents list 三公 and 预算 sections', '平安县医疗保障局2022年度部门决算\n目录\n一、收入支出决算总体情况说明\n七、财政拨款“三公”经费支出决算情况说明\n八、政府性基金预算支出决算情况说明\n本年支出合计200万元。', { unit: '平安县医疗保障局', year: 2022, kind: '部门决算' }],
    ['a 三公 section inside a 决算', '平安县医疗保障局2022年度部门决算\n七、财政拨款“三公”经费支出决算情况说明\n“三公”经费支出4.5万元。', { unit: '平安县医疗保障局', year: 2022, kind: '部门决算' }],
    ['部门预算', '平安县医疗保障局2023年部门预算\n2023年收入预算300万元。本年收入合计300万元。', { unit: '平安县医疗保障局', year: 2023, kind: '部门预算' }],
    ['单位预算', '平安县医疗保障局2023年单位预算公开说明\n本年收入合计300万元。', { unit: '平安县医疗保障局', year: 2023, kind: '部门预算' }],
    ['三公经费说明', '平安县医疗保障局2022年度一般公共预算财政拨款“三公”经费支出决算情况说明\n“三公”经费支出4.5万元。', { unit: '平安县医疗保障局', year: 2022, kind: '三公经费说明' }],
    ['部门整体支出绩效评价', '平安县卫生健康局2022年度部门整体支出绩效评价报告\n本年支出合计200万元。', { unit: '平安县卫生健康局', year: 2022, kind: '部门整体支出绩效自评' }],
    ['项目支出绩效自评', '平安县卫生健康局2022年度基本公共卫生服务项目支出绩效自评报告\n项目名称：基本公共卫生服务项目\n年度资金总额100万元。', { unit: '平安县卫生健康局', year: 2022, kind: '项目支出绩效自评' }],
    ['not a report', '今天天气很好，我们去公园散步。', { unit: null, year: null, kind: null }],
  ])('%s', (_name, text, expected) => {
    const { unit, year, kind } = extractReport(text);
    expect({ unit, year, kind }).toEqual(expected);
  });
});

describe('text that is not a budget report', () => {
  it.each<[name: string, text: string]>([
    ['a walk in the park', '今天天气很好，我们去公园散步，买了3个苹果花了10元。'],
    ['a meeting notice', '关于召开全县医疗保障工作会议的通知\n各乡镇：定于2022年3月5日上午9时召开会议，会期1天，请各单位派1名负责人参加。\n联系电话：0731-22851234。'],
    ['statistics bulletin', '平安县2022年国民经济和社会发展统计公报\n全年粮食总产量35万吨，同比增长2.1%。全县常住人口52.3万人。'],
    ['a price list', '医疗服务价格公示\n普通门诊诊查费10元，住院床位费每日40元。'],
    ['empty text', ''],
  ])('%s: no figures', (_name, text) => {
    expect(extractReport(text).figures).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same answer twice on the same text', () => {
    const text = `${FINAL}本年支出合计200万元，其中：基本支出150万元，占75%；项目支出50万元，占25%。\n公务接待费0.5万元，较上年减少0.29万元。`;
    const first = extractReport(text);
    expect(first.figures.length).toBeGreaterThan(0);
    expect(extractReport(text)).toEqual(first);
  });
});
