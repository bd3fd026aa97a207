import type { MeasureUnit, MetricKey, Phase } from '../../schemas/vocabulary';

/**
 * How Chinese budget disclosures name what they measure. Patterns run on text whose full-width
 * punctuation has been turned into ASCII (same length), so "（" is written "(" here; quotes are written
 * as they are (“三公”, "三公", 三公).
 *
 * A `metric` label names a quantity (基本支出, 公务接待费). A `phase` label (年初预算数, 全年执行数) names
 * a budget phase and becomes a metric (budget_initial …) only when no quantity was named before it in the
 * same sentence; after a quantity it only sets the phase (基本支出年初预算数 = basic_expenditure, budget).
 */
export interface LabelRule {
  metric: MetricKey;
  pattern: RegExp;
  kind: 'metric' | 'phase';
  /** Phase the label itself implies (年初预算数 → budget). */
  phase?: Phase;
  /** Scope the label implies (基本支出 inside an enumeration is scope basic for its parts). */
  scope?: string;
  /** The label names an item of the metric (e.g. a vehicle type), taken from the match. */
  item?: boolean;
  /** A label that only counts when the sentence's current metric is one of these (编制 after 实有人员). */
  after?: readonly MetricKey[];
  /** A label whose item inherits the current count metric (轿车 after 公务用车保有量). */
  inheritFrom?: readonly MetricKey[];
}

const Q = '[“"”‘’\']?'; // optional quote mark around 三公
const SG = `${Q}三公${Q}\\s*经费`;
const ABROAD = '因公出(?:国|境)\\s*(?:\\(\\s*境\\s*\\)|出境|境)?';

function m(metric: MetricKey, source: string, extra: Partial<LabelRule> = {}): LabelRule {
  return { metric, pattern: new RegExp(source, 'g'), kind: 'metric', ...extra };
}
function p(metric: MetricKey, source: string, phase: Phase): LabelRule {
  return { metric, pattern: new RegExp(source, 'g'), kind: 'phase', phase };
}

/** Functional classes (功能分类 类) as the 2022 government revenue and expenditure classification names them. */
export const FUNCTIONAL_CLASSES = [
  '一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出',
  '文化体育与传媒支出', '社会保障和就业支出', '社会保险基金支出', '卫生健康支出', '医疗卫生与计划生育支出', '节能环保支出',
  '城乡社区支出', '农林水支出', '交通运输支出', '资源勘探工业信息等支出', '商业服务业等支出', '金融支出',
  '援助其他地区支出', '自然资源海洋气象等支出', '住房保障支出', '粮油物资储备支出', '灾害防治及应急管理支出',
  '国有资本经营预算支出', '债务付息支出', '其他支出',
];

export const VEHICLE_TYPES = '一般公务用车|轿车|越野车|小型载客汽车|大中型载客汽车|其他车型|副部\\(省\\)级及以上领导用车|主要领导干部用车|机要通信用车|应急保障用车|执法执勤用车|特种专业技术用车|离退休干部用车|其他用车';

/**
 * Label rules. Among the labels found before a number, the one ending last wins; at the same end, the
 * longest (most specific) wins.
 */
export const LABEL_RULES: readonly LabelRule[] = [
  // 三公经费
  m('sangong_total', `${SG}(?:财政拨款)?(?:支出)?(?:决算|预算)?(?:数|总额|合计|汇总数)?`),
  m('sangong_total', `${SG}(?:总额|合计|汇总数)`),
  m('sangong_abroad', `${ABROAD}(?:经?费用?|支出)?`),
  m('sangong_vehicle_total', '公(?:务用?)?车(?:辆)?购置及运(?:行|转)?(?:维护|维)?费?|公务用车费(?:用)?(?!\\s*\\d+(?:\\.\\d+)?\\s*辆)'),
  m('sangong_vehicle_purchase', '公务用车购置(?:费|支出)|公务用车购置$'),
  m('sangong_vehicle_operation', '公务用车运(?:行|转)(?:及)?(?:维护|维修)?(?:费|支出)?(?:用)?|公务用车(?:维护|维修)费'),
  m('sangong_vehicle_operation', '公车运行维护费'),
  m('sangong_reception', '(?:国内)?公务接待(?:费|支出)|(?<!接待)招待费'),
  m('sangong_reception', '(?:国内)?公务接待(?=支出|费用)', { item: false }),
  m('sangong_reception', '外事接待(?:费|支出)', { item: true }),
  m('reception_batches', '(?:国内|外事)?(?:公务)?接待(?:共计|共)?\\s*(?=\\d)', {}),
  m('abroad_groups', `(?:安排)?${ABROAD}团组`),
  m('abroad_people', `${ABROAD}(?:人次|人数)`),
  m('reception_batches', '(?:国内|外事)?(?:公务)?接待批次(?:数)?'),
  m('reception_people', '(?:国内|外事)?(?:公务)?接待人(?:次|数)'),
  m('abroad_people', `出国\\s*\\(\\s*境\\s*\\)(?=\\s*\\d)`),
  m('vehicle_purchase_count', '(?:更新)?购置公务用车|公务用车购置(?:数量?)?(?=\\s*\\d)|公务用车购置数(?=及保有量)'),
  m('vehicle_count', '(?:共有|实有|保有)公务用车|公务用车(?:保有量?|总数|数量)|(?:共有|实有|保有)(?:编制)?车辆|车辆总数|(?<=购置数?及)保有量|公务用车(?=\\s*\\d[\\d,]*\\s*辆)'),
  m('vehicle_count', `(?:${VEHICLE_TYPES})`, { item: true, inheritFrom: ['vehicle_count', 'vehicle_purchase_count'] }),
  m('sangong_vehicle_purchase', '金额(?=\\s*\\d)', { after: ['vehicle_purchase_count'] }),
  m('equipment_over_1m', '(?:\\(含\\))?\\s*以上(?:的)?(?:通用|专用)?设备'),

  // income and expenditure totals
  m('grand_total', '(?<!拨款)收\\s*[、,]?\\s*支总(?:计|预算)|(?<!拨款)收入总计|(?<!拨款)支出总计'),
  m('income_total', '(?:本年|年度)?收入(?:决算)?(?:合计|总额)|本年收入|(?<!收)入合计|(?<=^|[年位局,:)])收入预算(?:总额|合计)?|(?:部门|单位)(?:决算|预算)?收入(?:预算|决算)?|(?<=^|[年度,:)])总收入'),
  m('expenditure_total', '(?:本年|年度)?支出(?:决算)?(?:合计|总额|总金额)|本年支出|部门整体支出|(?:预算)?总支出|(?<=^|[年位局,:)])支出预算(?:总额|合计)?|(?:部门|单位)(?:决算|预算)?支出(?:预算|决算)?|(?:部门|单位)经费预算(?:总额)?|(?<=院|局|中心|站|学校|委员会|办公室|馆)支出(?=为)'),
  m('fiscal_appropriation_total', '财政拨款收\\s*[、,]?\\s*支总计|(?:当年)?财政拨款收入|(?<=其中[:]?)财政拨款(?=\\s*\\d)'),
  m('income_general_budget', '一般公共预算财政拨款收入|一般公共预算财政拨款(?=\\s*\\d)|公共财政拨款(?:收入)?'),
  m('general_public_budget_expenditure', '一般公共预算(?:财政)?拨款支出|一般公共预算支出(?:决算数?)?'),
  m('income_government_fund', '政府性基金预算财政拨款收入|政府性基金拨款'),
  m('income_state_capital', '国有资本经营预算财政拨款收入'),
  m('income_superior_subsidy', '上级补助收入'),
  m('income_business', '事业收入'),
  m('income_operating', '经营收入'),
  m('income_affiliated', '附属单位上缴收入'),
  m('income_other', '其他收入|利息收入'),
  m('carryover_beginning', '年初结转和结余|上年结余结转(?:资金)?|上年结转'),
  m('expenditure_to_superior', '上缴上级支出'),
  m('business_operating_expenditure', '(?<!非)经营支出'),
  m('subsidy_to_affiliated', '对附属单位补助支出'),
  m('government_fund_expenditure', '政府性基金预算(?:财政)?拨款支出'),
  m('state_capital_expenditure', '国有资本经营预算(?:财政)?拨款支出'),

  // parts of expenditure
  m('basic_expenditure', '基本支出(?:合计)?', { scope: 'basic' }),
  m('project_expenditure', '项目(?:总)?支出(?:合计|总额)?|项目总(?:金)?额', { scope: 'project' }),
  m('personnel_expenditure', '人员经费|人员支出'),
  m('public_expenditure', '(?:日常)?公用(?:经费|支出)'),
  m('salary_welfare', '工资福利支出'),
  m('goods_services', '商品和服务?支出'),
  m('individual_household_subsidy', '对个人和家庭(?:的)?补助(?:支出)?'),
  m('capital_expenditure', '(?:其他)?资本性支出'),
  m('operation_expenditure', '机关运行经费'),

  // procurement
  m('procurement_total', '政府采购支出总额|政府采购(?:支出|预算)?(?:总额|合计)'),
  m('procurement_goods', '政府采购货物支出|采购货物'),
  m('procurement_works', '政府采购工程支出|采购工程'),
  m('procurement_services', '政府采购服务支出|采购服务'),
  m('procurement_sme', '授予中小企业合同金额'),
  m('procurement_small_micro', '授予小微企业合同金额'),

  // assets
  m('assets_total', '资产总额'),
  m('fixed_assets', '固定资产(?:总额)?'),
  m('liabilities_total', '负债总额'),
  m('net_assets', '净资产(?:总额)?'),

  // budget phases of a department or project
  p('budget_initial', '年初(?:批复)?预算(?:数|资金|安排)?|预算安排|预算金额|批复预算(?:数)?', 'budget'),
  p('budget_adjusted', '调整后(?:的)?(?:全年)?预算(?:数)?|全年预算(?:数|总额)?(?!支出)', 'adjusted'),
  p('budget_executed', '(?:全年)?(?:实际)?执行(?:数|金额)|实际支出(?:资金)?|全年执行数|支出决算|支出(?:共|合计|总额)?(?=\\s*(?:为|共计|共)?\\s*\\d)|预算支出(?:金额)?', 'actual'),
  m('budget_adjustment', '年中调[减增](?:数)?|预算调整数'),
  m('budget_adjustment_rate', '预算调整率'),
  m('project_expenditure', '总(?:金)?额', { after: ['project_count'] }),
  m('execution_rate', '(?:预算|项目|资金)?执行率|完成预算(?:的)?|支出率|(?<!资金)完成率|(?:三公经费[”"]?|公用经费)控制率'),
  m('funds_allocated', '下达(?:[\\u4e00-\\u9fa5]{0,6})?资金(?:合计)?|下达|配套资金'),

  // scores, staff, projects
  m('self_eval_score', '(?:自评|综合|总|项目|部门|整体)得分(?:为)?|自评分数|得分合计|评价得分|自评总分(?:为)?'),
  m('staff_quota', '(?:总|核定|人员)?编制(?:数)?'),
  m('staff_quota', '(?:行政|事业|参公|工勤)编制?(?=\\s*\\d)', { item: true, inheritFrom: ['staff_quota', 'staff_count'] }),
  m('staff_count', '(?:年末|现有|实有|在职|在编|在岗|财政供养)+(?:在职|在编|在岗)*(?:教职工|职工|人员|人数)(?:总人数|总数|人数)?|(?:教职工|职工)总?人数|实有(?=\\s*\\d)'),
  // "事业编制166人;实际166人": after a quota, 实际 is the headcount
  m('staff_count', '实际(?=\\s*\\d+\\s*[人名])', { after: ['staff_quota'] }),
  m('project_count', '项目(?=\\s*\\d+\\s*个)|共计(?=\\s*\\d+\\s*个项目)'),
];

/**
 * Words that may stand between a label and its number without changing what the number is measured in
 * (为, 其中, 决算数, 较上年减少 …). After removing them and punctuation, nothing may be left.
 */
export const CONNECTOR_WORDS =
  /截至|截止|年底|年末|年度|相比|比|较|与|累计|总计|其中|分别|实际|决算数?|预算数?|执行数?|全年|年初|调整后|支出|费用?|总额|金额|合计|共计|安排|完成|本年度?|当年|较上年|比上年|同比|上年|增加|减少|增长|下降|上升|降低|持平|占比?|达到|约|为|是|计|了|的|和|及|与|共|有|各|至|年|万元|元|[\s,，、:：;；()（）“”"'\-—]/g;

/** Words that mark a comparison with the previous year (the number after them is a change). */
export const CHANGE_CONTEXT = /较上年|比上年|同比|与上年|较\s*20\d\d\s*年|比\s*20\d\d\s*年|与\s*20\d\d\s*年(?:度)?相比|较上一年度|上年决算数/;
export const DECREASE = /减少|下降|降低|减幅|调减|节约|下调|压减/;
export const INCREASE = /增加|增长|上升|提高|增幅|调增|上涨/;

/** Phase words in the text between a label and its number. */
export const PHASE_WORDS: readonly [RegExp, Phase][] = [
  [/调整后|全年预算|调整预算/, 'adjusted'],
  [/年初预算|预算数|预算为|预算安排|预算金额|预算资金|批复预算|预算总|预算\s*$/, 'budget'],
  [/决算|执行数|实际|执行金额|完成/, 'actual'],
];

/**
 * Parts of a budget whose spending a report states after their budget, in the next sentence, without naming
 * them again ("基本支出全年预算总额82.00万元…。实际支出80.10万元"). The totals are not among them: after a total's
 * budget, 实际支出 stays the executed budget.
 */
export const BUDGETED_PARTS: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'basic_expenditure', 'project_expenditure', 'personnel_expenditure', 'public_expenditure',
  'sangong_total', 'sangong_reception', 'sangong_abroad', 'sangong_vehicle_total', 'sangong_vehicle_operation', 'sangong_vehicle_purchase',
]);

/**
 * Sentences about the health-insurance fund's own accounts, or scoring rules ("每超过一个百分点扣0.4分"): their
 * numbers are not the unit's figures.
 */
export const FUND_OR_RULE = /医保基金|基金收入|基金支出|统筹基金|参保率|(?<!自评|综合|最终|项目|部门)[计得扣]\s*\d+(?:\.\d+)?\s*分|不得分|扣完为止/;

/** Income-like metrics: in a project report, "支出x万元" after them is the project's execution, not more income. */
export const INCOME_LIKE: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'funds_allocated', 'income_total', 'income_other', 'carryover_beginning', 'fiscal_appropriation_total', 'income_general_budget',
]);

/** What a sentence about one project ("“离休人员医疗费用”项目…当年财政拨款收入100万元") says the project was given: its budget. */
export const PROJECT_FUNDING: ReadonlySet<MetricKey> = new Set<MetricKey>(['fiscal_appropriation_total', 'income_total', 'funds_allocated']);

/**
 * Metrics that name a whole (a total, a headcount): what a sentence lists after "其中" are its parts, which are
 * other facts than the whole, so an unnamed or same-named part is left out rather than read as the whole.
 */
export const WHOLES: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'income_total', 'expenditure_total', 'fiscal_appropriation_total', 'grand_total', 'sangong_total',
  'staff_count', 'vehicle_count', 'reception_batches', 'reception_people', 'abroad_groups', 'abroad_people',
]);

/** How an amount splits by purpose: stated after 其中 under an amount no label names, they are that amount's. */
export const SPLITS: ReadonlySet<MetricKey> = new Set<MetricKey>(['basic_expenditure', 'project_expenditure', 'personnel_expenditure', 'public_expenditure']);

/** A count stated in another unit belongs to a sibling metric (接待2批次，25人次 → batches, then people). */
export const SIBLING_BY_UNIT: Partial<Record<MetricKey, Partial<Record<MeasureUnit, MetricKey>>>> = {
  reception_batches: { 人: 'reception_people', 人次: 'reception_people', 万元: 'sangong_reception', 元: 'sangong_reception' },
  sangong_reception: { 批次: 'reception_batches', 人次: 'reception_people', 人: 'reception_people' },
  sangong_abroad: { 个: 'abroad_groups', 人: 'abroad_people', 人次: 'abroad_people' },
  sangong_vehicle_total: { 辆: 'vehicle_count' },
  sangong_vehicle_purchase: { 辆: 'vehicle_purchase_count' },
  abroad_groups: { 人: 'abroad_people', 人次: 'abroad_people' },
  reception_people: { 批次: 'reception_batches', 万元: 'sangong_reception', 元: 'sangong_reception' },
  abroad_people: { 个: 'abroad_groups' },
  vehicle_purchase_count: { 万元: 'sangong_vehicle_purchase', 元: 'sangong_vehicle_purchase' },
};
