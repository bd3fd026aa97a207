/**
 * The controlled vocabulary of the dataset: metrics, phases, units of measure and report kinds.
 * Every other module (schemas, validation, extractor, pages, README table) reads these lists; nothing
 * re-declares them.
 */

/** What a unit of measure is: money converts to 元, rates are shares or ratios, counts are people or things. */
export type MeasureKind = 'money' | 'rate' | 'score' | 'count';

/** Units of measure as written in the reports, and the kind of quantity each expresses. */
export const UNITS = {
  元: 'money',
  万元: 'money',
  亿元: 'money',
  '%': 'rate',
  ratio: 'rate',
  分: 'score',
  人: 'count',
  辆: 'count',
  批次: 'count',
  人次: 'count',
  个: 'count',
  台套: 'count',
} as const satisfies Record<string, MeasureKind>;
export type MeasureUnit = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as [MeasureUnit, ...MeasureUnit[]];

/** Budget phases. Amounts of different phases are never added together. */
export const PHASES = {
  budget: '年初预算',
  adjusted: '调整后预算',
  actual: '决算/执行数',
} as const;
export type Phase = keyof typeof PHASES;
export const PHASE_NAMES = Object.keys(PHASES) as [Phase, ...Phase[]];

/** Report kinds, in the words of the 财政部 templates. */
export const REPORT_KINDS = ['部门预算', '部门决算', '部门整体支出绩效自评', '项目支出绩效自评', '三公经费说明'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * Scopes with a fixed meaning. Any other non-empty scope is the name of one project (项目), as printed.
 * `prior_year`: the figure is the previous fiscal year's value.
 * `change_vs_prior`: the figure is the change from the previous year (an amount, signed: a decrease is
 * written with a leading '-'; or a rate of change in %).
 */
export const FIXED_SCOPES = {
  '': '全单位',
  basic: '基本支出',
  project: '项目支出',
  prior_year: '上年',
  change_vs_prior: '较上年变动',
} as const;
export type FixedScope = keyof typeof FIXED_SCOPES;

interface MetricDefinition {
  /** Chinese label shown on the site. */
  label: string;
  /** What the figure is, in one line (English, for developers; shown in README). */
  doc: string;
  /** Which kinds of units of measure the metric may be stated in. */
  measures: readonly MeasureKind[];
  /**
   * The whole this metric is a part of; a share (unit %) of this metric is a share of that whole
   * in the same report, phase and scope. Used by the 数据核查 rules.
   */
  parent?: string;
}

const money = ['money', 'rate'] as const; // an amount, or its stated share (占x%) / rate of change
const count = ['count', 'rate'] as const;

/**
 * The metric vocabulary. Keys from the foundation issue come first; the keys after `capital_expenditure`
 * were added because the reports state figures that none of the original keys covers.
 */
export const METRICS = {
  sangong_total: { label: '“三公”经费合计', doc: 'Total of the three public expenses (三公经费).', measures: money },
  sangong_abroad: { label: '因公出国（境）费', doc: 'Official travel abroad.', measures: money, parent: 'sangong_total' },
  sangong_vehicle_total: { label: '公务用车购置及运行维护费', doc: 'Official vehicles: purchase plus operation.', measures: money, parent: 'sangong_total' },
  sangong_vehicle_purchase: { label: '公务用车购置费', doc: 'Official vehicle purchase.', measures: money, parent: 'sangong_vehicle_total' },
  sangong_vehicle_operation: { label: '公务用车运行维护费', doc: 'Official vehicle operation and maintenance.', measures: money, parent: 'sangong_vehicle_total' },
  sangong_reception: { label: '公务接待费', doc: 'Official reception (item: 国内公务接待 / 外事接待 / one reception).', measures: money, parent: 'sangong_total' },
  reception_batches: { label: '公务接待批次', doc: 'Number of receptions (批次).', measures: count },
  reception_people: { label: '公务接待人次', doc: 'People received (人次).', measures: count },
  income_total: { label: '本年收入合计', doc: 'Total income of the year (本年收入合计 / 年度收入总额).', measures: money },
  expenditure_total: { label: '本年支出合计', doc: 'Total expenditure of the year (本年支出合计 / 支出总额).', measures: money },
  basic_expenditure: { label: '基本支出', doc: 'Basic expenditure (基本支出): staff and running costs.', measures: money, parent: 'expenditure_total' },
  project_expenditure: { label: '项目支出', doc: 'Project expenditure (项目支出).', measures: money, parent: 'expenditure_total' },
  personnel_expenditure: { label: '人员经费', doc: 'Personnel costs within basic expenditure (人员经费).', measures: money, parent: 'basic_expenditure' },
  public_expenditure: { label: '公用经费', doc: 'Running costs within basic expenditure (公用经费 / 日常公用经费).', measures: money, parent: 'basic_expenditure' },
  fiscal_appropriation_total: { label: '财政拨款收支总计', doc: 'Fiscal appropriations (财政拨款收入 / 财政拨款收、支总计).', measures: money },
  general_public_budget_expenditure: { label: '一般公共预算财政拨款支出', doc: 'General public budget appropriation spending.', measures: money, parent: 'expenditure_total' },
  operation_expenditure: { label: '机关运行经费', doc: 'Office running costs (机关运行经费).', measures: money },
  procurement_total: { label: '政府采购支出总额', doc: 'Government procurement total.', measures: money },
  budget_initial: { label: '年初预算数', doc: "A department's or a project's initial budget (年初预算数). Phase budget.", measures: money },
  budget_adjusted: { label: '全年预算数（调整后）', doc: "A department's or a project's adjusted / full-year budget (调整后预算 / 全年预算数). Phase adjusted.", measures: money },
  budget_executed: { label: '全年执行数', doc: "A department's or a project's executed amount (执行数 / 实际支出). Phase actual.", measures: money },
  execution_rate: { label: '预算执行率', doc: 'Budget execution rate as stated (% or ratio); item names the denominator where the report does.', measures: ['rate'] },
  self_eval_score: { label: '绩效自评得分', doc: 'Self-evaluation total score (分).', measures: ['score'] },
  staff_count: { label: '实有人数', doc: 'Staff actually employed (实有人员 / 在职人员); item: 编制 type.', measures: count },
  staff_quota: { label: '编制数', doc: 'Authorised posts (编制数); item: 行政编制 / 事业编制 / 参公编制.', measures: count },
  vehicle_count: { label: '公务用车保有量', doc: 'Official vehicles held (车辆数); item: vehicle type.', measures: count },
  salary_welfare: { label: '工资福利支出', doc: 'Economic class 301 工资福利支出.', measures: money, parent: 'expenditure_total' },
  goods_services: { label: '商品和服务支出', doc: 'Economic class 302 商品和服务支出.', measures: money, parent: 'expenditure_total' },
  individual_household_subsidy: { label: '对个人和家庭的补助', doc: 'Economic class 303 对个人和家庭的补助.', measures: money, parent: 'expenditure_total' },
  capital_expenditure: { label: '资本性支出', doc: 'Economic class 310 资本性支出.', measures: money, parent: 'expenditure_total' },

  grand_total: { label: '收支总计', doc: 'Grand total of income and expenditure including carry-overs (收、支总计).', measures: money },
  income_general_budget: { label: '一般公共预算财政拨款收入', doc: 'Income: general public budget appropriation.', measures: money, parent: 'income_total' },
  income_government_fund: { label: '政府性基金预算财政拨款收入', doc: 'Income: government fund appropriation.', measures: money, parent: 'income_total' },
  income_state_capital: { label: '国有资本经营预算财政拨款收入', doc: 'Income: state capital operation appropriation.', measures: money, parent: 'income_total' },
  income_superior_subsidy: { label: '上级补助收入', doc: 'Income: subsidies from the level above.', measures: money, parent: 'income_total' },
  income_business: { label: '事业收入', doc: 'Income: public-service (事业) income.', measures: money, parent: 'income_total' },
  income_operating: { label: '经营收入', doc: 'Income: operating (经营) income.', measures: money, parent: 'income_total' },
  income_affiliated: { label: '附属单位上缴收入', doc: 'Income: remitted by affiliated units.', measures: money, parent: 'income_total' },
  income_other: { label: '其他收入', doc: 'Income: other (item: e.g. 利息收入).', measures: money, parent: 'income_total' },
  carryover_beginning: { label: '年初结转和结余', doc: 'Carry-over from previous years (年初结转和结余 / 上年结余结转).', measures: money },
  expenditure_to_superior: { label: '上缴上级支出', doc: 'Expenditure: remitted to the level above.', measures: money, parent: 'expenditure_total' },
  business_operating_expenditure: { label: '经营支出', doc: 'Expenditure: operating (经营) expenditure.', measures: money, parent: 'expenditure_total' },
  subsidy_to_affiliated: { label: '对附属单位补助支出', doc: 'Expenditure: subsidies to affiliated units.', measures: money, parent: 'expenditure_total' },
  functional_expenditure: { label: '按功能分类支出', doc: 'Expenditure by functional class; item is the class path 类 / 款 / 项 as printed.', measures: money, parent: 'general_public_budget_expenditure' },
  government_fund_expenditure: { label: '政府性基金预算支出', doc: 'Government fund budget spending.', measures: money },
  state_capital_expenditure: { label: '国有资本经营预算支出', doc: 'State capital operation budget spending.', measures: money },
  funds_allocated: { label: '下达资金', doc: 'Funds allocated to a project by level of government (item: 中央 / 省级 / 本级配套 …).', measures: money },
  procurement_goods: { label: '政府采购货物支出', doc: 'Procurement of goods.', measures: money, parent: 'procurement_total' },
  procurement_works: { label: '政府采购工程支出', doc: 'Procurement of works.', measures: money, parent: 'procurement_total' },
  procurement_services: { label: '政府采购服务支出', doc: 'Procurement of services (item: one purchase).', measures: money, parent: 'procurement_total' },
  procurement_sme: { label: '授予中小企业合同金额', doc: 'Procurement contracts awarded to SMEs.', measures: money, parent: 'procurement_total' },
  procurement_small_micro: { label: '授予小微企业合同金额', doc: 'Procurement contracts awarded to small and micro firms.', measures: money, parent: 'procurement_total' },
  abroad_groups: { label: '因公出国（境）团组数', doc: 'Delegations sent abroad (个).', measures: count },
  abroad_people: { label: '因公出国（境）人次', doc: 'People sent abroad (人 / 人次).', measures: count },
  vehicle_purchase_count: { label: '公务用车购置数', doc: 'Official vehicles bought in the year (辆); item: vehicle type.', measures: count },
  equipment_over_1m: { label: '单价100万元以上设备', doc: 'Equipment items priced at 1,000,000 元 or more (台套).', measures: count },
  assets_total: { label: '资产总额', doc: 'Total assets at year end.', measures: money },
  fixed_assets: { label: '固定资产', doc: 'Fixed assets at year end (a part of total assets).', measures: money, parent: 'assets_total' },
  liabilities_total: { label: '负债总额', doc: 'Total liabilities at year end.', measures: money },
  net_assets: { label: '净资产', doc: 'Net assets at year end.', measures: money },
  budget_adjustment: { label: '预算调整数', doc: 'Mid-year budget adjustment (调增 positive, 调减 written with a leading "-").', measures: money },
  budget_adjustment_rate: { label: '预算调整率', doc: 'Budget adjustment rate (% or ratio).', measures: ['rate'] },
  project_count: { label: '项目个数', doc: 'Number of projects (个).', measures: ['count'] },
} as const satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as [MetricKey, ...MetricKey[]];

/** The measure kind of a unit of measure. */
export function measureOf(unit: MeasureUnit): MeasureKind {
  return UNITS[unit];
}
