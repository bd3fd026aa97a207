/**
 * One synthetic report: its verbatim text and the dataset rows that read it, written together so that every
 * figure's quote is a verbatim, unique passage of the text that states the figure's value. Two layouts the
 * extractor reads are used (prose clauses and pipe tables), and some reports carry a planted contradiction
 * that the 数据核查 rules must find (named in the report's note).
 */
import type { Unit } from '../../schemas/unit';
import type { ReportKind, MetricKey, Phase, MeasureUnit } from '../../schemas/vocabulary';
import { formatHundredths, shareHundredths, splitWhole } from './amounts';
import type { Random } from './random';

/** A figure row as written to data/figures/*.csv. */
export interface FigureCsvRow {
  report_id: string;
  metric: MetricKey;
  phase: Phase;
  scope: string;
  item: string;
  value: string;
  unit: MeasureUnit;
  quote: string;
  review: 'curated' | 'machine' | 'checked';
  note: string;
}

/** An indicator row as written to data/indicators/*.csv. */
export interface IndicatorCsvRow {
  report_id: string;
  scope: string;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
  deduction_reason: string;
  quote: string;
  review: 'curated' | 'machine' | 'checked';
}

/** A contradiction planted in a report and the rule of src/lib/checks that must report it. */
export const PLANTED = {
  'sum-sangong': '“三公”经费合计与分项之和不符',
  'same-quantity': '正文与表格所列本年支出合计不一致',
  share: '基本支出占比与金额不符',
  'score-total': '自评总分与各指标得分之和不符',
  'execution-rate': '预算执行率与执行数、预算数不符',
} as const;
export type PlantedRule = keyof typeof PLANTED;

export interface SyntheticReport {
  id: string;
  unit: Unit;
  year: number;
  kind: ReportKind;
  title: string;
  date: string;
  dateLabel: string;
  text: string;
  figures: FigureCsvRow[];
  indicators: IndicatorCsvRow[];
  /** The contradiction planted in it, if any. */
  planted: PlantedRule | null;
}

/** General sentences of the 部门职能 and 名词解释 parts: what makes a real report long without numbers. */
const FILLER = [
  '贯彻执行国家和省、市有关方针政策和法律法规，研究拟订{county}相关发展规划和政策措施并组织实施。',
  '负责{unit}职责范围内的行政审批、监督检查和公共服务工作，推进政务服务标准化、规范化、便利化。',
  '统筹推进本领域改革发展，加强对所属单位的业务指导和监督管理，完善内部控制制度。',
  '组织开展本系统干部队伍建设和教育培训工作，落实党风廉政建设责任制。',
  '按照“放管服”改革要求，优化办事流程，压减办理时限，提升群众满意度。',
  '加强预算绩效管理，建立全过程预算绩效管理链条，提高财政资金使用效益。',
  '严格执行中央八项规定精神，厉行节约，从严控制一般性支出和“三公”经费。',
  '配合做好{county}防汛防台、安全生产、疫情防控等重点工作，保障人民群众生命财产安全。',
  '推进信息化建设，完善业务信息系统，实现数据共享和业务协同。',
  '做好政务公开和信息发布工作，主动接受人大监督、政协民主监督和社会监督。',
  '完成{county}党委、政府交办的其他任务。',
  '基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。',
  '项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。',
  '“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。',
  '机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务等的各项资金。',
  '年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。',
  '政府采购：指各级国家机关、事业单位和团体组织使用财政性资金采购依法制定的集中采购目录以内的或者采购限额标准以上的货物、工程和服务的行为。',
  '本部门坚持以人民为中心的发展思想，聚焦主责主业，统筹发展和安全，各项工作取得新进展。',
  '围绕年度重点任务，细化工作措施，明确责任分工，确保各项目标任务按期完成。',
  '持续深化作风建设，认真落实意识形态工作责任制，营造风清气正的政治生态。',
];

const PROJECTS = [
  '城乡居民医疗救助',
  '基层服务能力提升',
  '信息化系统运维',
  '专项业务工作经费',
  '农村公路养护',
  '职业技能培训补贴',
  '困难群众临时救助',
  '安全生产专项检查',
];
const INDICATORS: readonly (readonly [string, string, string, string])[] = [
  ['产出指标', '数量指标', '服务对象覆盖人数', '人'],
  ['产出指标', '数量指标', '开展专项检查次数', '次'],
  ['产出指标', '质量指标', '资金拨付准确率', '%'],
  ['产出指标', '时效指标', '资金拨付及时率', '%'],
  ['效益指标', '社会效益指标', '政策知晓率', '%'],
  ['效益指标', '可持续影响指标', '长效管理机制健全性', '%'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '%'],
];

const PUBLISHED: Record<ReportKind, { month: number; label: string; yearOffset: number }> = {
  部门预算: { month: 2, label: '公开时间', yearOffset: 0 },
  部门决算: { month: 9, label: '公开时间', yearOffset: 1 },
  部门整体支出绩效自评: { month: 6, label: '填报日期', yearOffset: 1 },
  项目支出绩效自评: { month: 5, label: '填报日期', yearOffset: 1 },
  三公经费说明: { month: 9, label: '公开时间', yearOffset: 1 },
};

const TITLES: Record<ReportKind, string> = {
  部门预算: '部门预算',
  部门决算: '部门决算',
  部门整体支出绩效自评: '部门整体支出绩效自评报告',
  项目支出绩效自评: '项目支出绩效自评报告',
  三公经费说明: '“三公”经费支出情况说明',
};

/** Builds a report's text line by line and records each figure with the passage that states it. */
class ReportWriter {
  readonly lines: string[] = [];
  readonly figures: FigureCsvRow[] = [];
  readonly indicators: IndicatorCsvRow[] = [];
  constructor(
    readonly reportId: string,
    readonly random: Random,
  ) {}

  line(text: string): void {
    this.lines.push(text);
  }

  figure(
    metric: MetricKey,
    phase: Phase,
    value: string,
    unit: MeasureUnit,
    quote: string,
    more: Partial<Pick<FigureCsvRow, 'scope' | 'item' | 'review'>> = {},
  ): void {
    const review = more.review ?? this.random.pick(['curated', 'machine', 'machine'] as const);
    this.figures.push({
      report_id: this.reportId,
      metric,
      phase,
      scope: more.scope ?? '',
      item: more.item ?? '',
      value,
      unit,
      quote,
      review,
      note: '',
    });
  }

  /** A few paragraphs of general sentences, about `bytes` long. */
  filler(bytes: number, words: Record<string, string>): void {
    let written = 0;
    while (written < bytes) {
      const sentences = Array.from({ length: this.random.int(2, 5) }, () =>
        this.random.pick(FILLER).replace(/\{(\w+)\}/g, (_, k: string) => words[k] ?? ''),
      );
      const paragraph = sentences.join('');
      this.lines.push(paragraph);
      written += Buffer.byteLength(paragraph, 'utf8');
    }
  }

  /** The text; throws if a quote is not a unique passage of it (a defect of the generator, never shipped). */
  finish(): string {
    const text = `${this.lines.join('\n')}\n`;
    for (const { quote } of [...this.figures, ...this.indicators]) {
      const first = text.indexOf(quote);
      if (first < 0 || text.indexOf(quote, first + 1) >= 0)
        throw new Error(`${this.reportId}: quote “${quote}” is not one passage of the text`);
    }
    return text;
  }
}

/** An amount in 万元 hundredths between `min` and `max` 万元. */
const amount = (random: Random, min: number, max: number) => random.int(min * 100, max * 100);

function moneyAndStaff(w: ReportWriter, year: number, kind: '部门预算' | '部门决算', planted: PlantedRule | null, sep: boolean): void {
  const { random } = w;
  const phase: Phase = kind === '部门预算' ? 'budget' : 'actual';
  const word = kind === '部门预算' ? '预算' : '决算';
  const fmt = (n: number) => formatHundredths(n, sep);

  const quota = random.int(8, 120);
  const [admin = 0, service = 0] = splitWhole(quota, [random.int(1, 5), random.int(1, 5)]);
  const staff = random.int(Math.floor(quota * 0.7), quota);
  w.line('二、部门机构设置');
  w.line(`本部门核定编制${quota}个，其中：行政编制${admin}个，事业编制${service}个；年末实有在职人员${staff}人。`);
  w.figure('staff_quota', 'actual', String(quota), '个', `本部门核定编制${quota}个`);
  w.figure('staff_quota', 'actual', String(admin), '个', `行政编制${admin}个`, { item: '行政编制' });
  w.figure('staff_quota', 'actual', String(service), '个', `事业编制${service}个`, { item: '事业编制' });
  w.figure('staff_count', 'actual', String(staff), '人', `年末实有在职人员${staff}人`);

  const expenditure = amount(random, 300, 30000);
  const [basic = 0, project = 0] = splitWhole(expenditure, [random.int(3, 8), random.int(2, 8)]);
  const [personnel = 0, running = 0] = splitWhole(basic, [random.int(6, 9), random.int(1, 4)]);
  const income = expenditure - random.int(0, Math.floor(expenditure / 50));
  const [general = 0, business = 0, other = 0] = splitWhole(income, [random.int(70, 95), random.int(0, 20), random.int(1, 5)]);
  const carryover = expenditure - income + random.int(0, 5000);
  const grand = income + carryover;
  const change = random.int(-Math.floor(grand / 4), Math.floor(grand / 4));
  const previous = grand - change;
  const changeRate = Math.sign(change) * shareHundredths(Math.abs(change), previous);

  w.line(`三、${year}年度收入支出${word}总体情况说明`);
  w.line(`${year}年度收、支总计${fmt(grand)}万元。`);
  w.figure('grand_total', phase, fmt(grand), '万元', `${year}年度收、支总计${fmt(grand)}万元`);
  const moved = change >= 0 ? ['增加', '增长'] : ['减少', '下降'];
  const changeQuote = `与${year - 1}年相比，收、支总计各${moved[0]}${fmt(Math.abs(change))}万元，${moved[1]}${formatHundredths(Math.abs(changeRate), false)}%`;
  w.line(`${changeQuote}，主要原因是${change >= 0 ? '新增专项工作任务' : '部分项目按计划完成'}。`);
  w.figure('grand_total', phase, fmt(change), '万元', changeQuote.slice(0, changeQuote.lastIndexOf('，')), { scope: 'change_vs_prior' });
  w.figure('grand_total', phase, formatHundredths(changeRate, false), '%', changeQuote, { scope: 'change_vs_prior' });

  const share = (part: number, whole: number) => formatHundredths(shareHundredths(part, whole), false);
  w.line(
    `本年收入合计${fmt(income)}万元，其中：一般公共预算财政拨款收入${fmt(general)}万元，占${share(general, income)}%；事业收入${fmt(business)}万元；其他收入${fmt(other)}万元。`,
  );
  w.figure('income_total', phase, fmt(income), '万元', `本年收入合计${fmt(income)}万元`);
  w.figure(
    'income_general_budget',
    phase,
    share(general, income),
    '%',
    `一般公共预算财政拨款收入${fmt(general)}万元，占${share(general, income)}%`,
  );
  w.figure('income_business', phase, fmt(business), '万元', `事业收入${fmt(business)}万元`);
  w.figure('income_other', phase, fmt(other), '万元', `其他收入${fmt(other)}万元`);

  const basicShare =
    planted === 'share' ? formatHundredths(Math.max(0, shareHundredths(basic, expenditure) - 731), false) : share(basic, expenditure);
  const expenditureClause = `本年支出合计${fmt(expenditure)}万元`;
  w.line(
    `${expenditureClause}，其中：基本支出${fmt(basic)}万元，占${basicShare}%；项目支出${fmt(project)}万元，占${share(project, expenditure)}%。`,
  );
  w.figure('expenditure_total', phase, fmt(expenditure), '万元', expenditureClause);
  w.figure('basic_expenditure', phase, fmt(basic), '万元', `基本支出${fmt(basic)}万元`);
  w.figure('basic_expenditure', phase, basicShare, '%', `基本支出${fmt(basic)}万元，占${basicShare}%`);
  w.figure('project_expenditure', phase, fmt(project), '万元', `项目支出${fmt(project)}万元`);

  // The same figures in the statement table (pipe layout), as the PDF readers write a table.
  const tableTotal = planted === 'same-quantity' ? expenditure + random.int(100, 5000) : expenditure;
  w.line(`四、${year}年度财务收支${word}总表`);
  w.line('单位：万元');
  w.line(`| 项目 | ${word}数 |`);
  w.line('| --- | --- |');
  const rows: [MetricKey, string, number][] = [
    ['income_general_budget', '一、一般公共预算财政拨款收入', general],
    ['income_business', '二、事业收入', business],
    ['income_other', '三、其他收入', other],
    ['income_total', '本年收入合计', income],
    ['carryover_beginning', '年初结转和结余', carryover],
    ['basic_expenditure', '基本支出', basic],
    ['project_expenditure', '项目支出', project],
    ['expenditure_total', '本年支出合计', tableTotal],
  ];
  for (const [metric, label, value] of rows) {
    const row = `| ${label} | ${formatHundredths(value, sep)} |`;
    w.line(row);
    w.figure(metric, phase, formatHundredths(value, sep), '万元', row, { review: 'checked' });
  }

  w.line(`五、一般公共预算财政拨款基本支出${word}情况说明`);
  w.line(
    `基本支出中，人员经费${fmt(personnel)}万元，主要包括基本工资、津贴补贴、奖金、社会保障缴费等；公用经费${fmt(running)}万元，主要包括办公费、印刷费、水电费、差旅费等。`,
  );
  w.figure('personnel_expenditure', phase, fmt(personnel), '万元', `人员经费${fmt(personnel)}万元`);
  w.figure('public_expenditure', phase, fmt(running), '万元', `公用经费${fmt(running)}万元`);

  sangong(w, year, phase, word, planted, sep);

  const operation = amount(random, 5, 400);
  w.line('七、机关运行经费');
  w.line(`${year}年度本部门机关运行经费${word}为${fmt(operation)}万元。`);
  w.figure('operation_expenditure', phase, fmt(operation), '万元', `机关运行经费${word}为${fmt(operation)}万元`);
  const vehicles = random.int(0, 12);
  w.line('八、国有资产占用情况');
  w.line(`截至${year}年12月31日，本部门共有车辆${vehicles}辆，其中一般公务用车和执法执勤用车按规定配备。`);
  w.figure('vehicle_count', 'actual', String(vehicles), '辆', `共有车辆${vehicles}辆`);
}

function sangong(w: ReportWriter, year: number, phase: Phase, word: string, planted: PlantedRule | null, sep: boolean): void {
  const { random } = w;
  const fmt = (n: number) => formatHundredths(n, sep);
  const abroad = random.chance(0.2) ? amount(random, 1, 30) : 0;
  const purchase = random.chance(0.2) ? amount(random, 10, 30) : 0;
  const operation = amount(random, 1, 40);
  const reception = amount(random, 0, 20);
  const vehicle = purchase + operation;
  const total = abroad + vehicle + reception + (planted === 'sum-sangong' ? random.int(50, 900) : 0);
  const batches = random.int(0, 80);
  w.line('六、“三公”经费财政拨款情况说明');
  const abroadClause = `因公出国（境）费${fmt(abroad)}万元`;
  const vehicleClause = `公务用车购置及运行维护费${fmt(vehicle)}万元`;
  const purchaseClause = `公务用车购置费${fmt(purchase)}万元`;
  const operationClause = `公务用车运行维护费${fmt(operation)}万元`;
  const receptionClause = `公务接待费${fmt(reception)}万元`;
  const totalClause = `${year}年度“三公”经费财政拨款${word}为${fmt(total)}万元`;
  w.line(
    `${totalClause}，其中：${abroadClause}，${vehicleClause}（其中：${purchaseClause}，${operationClause}），${receptionClause}。全年共接待国内公务接待${batches}批次。`,
  );
  w.figure('sangong_total', phase, fmt(total), '万元', totalClause);
  w.figure('sangong_abroad', phase, fmt(abroad), '万元', abroadClause);
  w.figure('sangong_vehicle_total', phase, fmt(vehicle), '万元', vehicleClause);
  w.figure('sangong_vehicle_purchase', phase, fmt(purchase), '万元', purchaseClause);
  w.figure('sangong_vehicle_operation', phase, fmt(operation), '万元', operationClause);
  w.figure('sangong_reception', phase, fmt(reception), '万元', receptionClause);
  w.figure('reception_batches', phase, String(batches), '批次', `国内公务接待${batches}批次`);
}

function selfEvaluation(w: ReportWriter, year: number, scope: string, planted: PlantedRule | null, sep: boolean): void {
  const { random } = w;
  const fmt = (n: number) => formatHundredths(n, sep);
  const initial = amount(random, 20, 5000);
  const adjusted = initial + random.int(-Math.floor(initial / 10), Math.floor(initial / 5));
  const executed = adjusted - random.int(0, Math.floor(adjusted / 8));
  const rate = shareHundredths(executed, adjusted);
  const statedRate = formatHundredths(planted === 'execution-rate' ? Math.max(0, rate - random.int(300, 2000)) : rate, false);
  const subject = scope === '' ? '部门整体支出' : `${scope}项目`;
  w.line('二、绩效目标实现情况');
  const budgetClause = `${year}年度${subject}年初预算数${fmt(initial)}万元`;
  const adjustedClause = `全年预算数${fmt(adjusted)}万元`;
  const executedClause = `全年执行数${fmt(executed)}万元`;
  const rateClause = `预算执行率为${statedRate}%`;
  w.line(`${budgetClause}，${adjustedClause}，${executedClause}，${rateClause}。`);
  w.figure('budget_initial', 'budget', fmt(initial), '万元', budgetClause, { scope });
  w.figure('budget_adjusted', 'adjusted', fmt(adjusted), '万元', adjustedClause, { scope });
  w.figure('budget_executed', 'actual', fmt(executed), '万元', executedClause, { scope });
  w.figure('execution_rate', 'actual', statedRate, '%', rateClause, { scope });

  w.line('三、绩效指标完成情况');
  w.line('| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |');
  w.line('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const chosen = INDICATORS.filter(() => random.chance(0.8));
  const used = chosen.length > 0 ? chosen : INDICATORS.slice(0, 3);
  const weights = splitWhole(
    90,
    used.map(() => random.int(2, 6)),
  );
  let total = 10;
  const executionRow = `| 产出指标 | 成本指标 | 预算执行率 | 100% | ${statedRate}% | 10 | 10 |  |`;
  w.line(executionRow);
  w.indicators.push({
    report_id: w.reportId,
    scope,
    level1: '产出指标',
    level2: '成本指标',
    level3: '预算执行率',
    target: '100%',
    actual: `${statedRate}%`,
    weight: '10',
    score: '10',
    deduction_reason: '',
    quote: executionRow,
    review: 'machine',
  });
  used.forEach(([level1, level2, level3, unit], k) => {
    const weight = weights[k] ?? 0;
    const target = unit === '%' ? random.int(85, 100) : random.int(10, 5000);
    const reached = random.chance(0.8);
    const actual = reached ? target + random.int(0, 5) : Math.floor(target * 0.8);
    const score = reached ? weight : Math.max(0, weight - random.int(1, weight));
    const reason = reached ? '' : '受客观因素影响，部分工作推进不及预期';
    total += score;
    const row = `| ${level1} | ${level2} | ${level3} | ≥${target}${unit} | ${actual}${unit} | ${weight} | ${score} | ${reason} |`;
    w.line(row);
    w.indicators.push({
      report_id: w.reportId,
      scope,
      level1,
      level2,
      level3,
      target: `≥${target}${unit}`,
      actual: `${actual}${unit}`,
      weight: String(weight),
      score: String(score),
      deduction_reason: reason,
      quote: row,
      review: 'machine',
    });
  });
  const statedTotal = planted === 'score-total' ? total - random.int(3, 9) : total;
  const scoreClause = `自评总得分${statedTotal}分`;
  w.line(`四、自评结论：经综合评价，${scoreClause}，评价等级为${statedTotal >= 90 ? '优' : '良'}。`);
  w.figure('self_eval_score', 'actual', String(statedTotal), '分', scoreClause, { scope });
}

/** Which contradictions a report of this kind can carry. */
const PLANTABLE: Record<ReportKind, readonly PlantedRule[]> = {
  部门预算: ['sum-sangong', 'same-quantity', 'share'],
  部门决算: ['sum-sangong', 'same-quantity', 'share'],
  部门整体支出绩效自评: ['score-total', 'execution-rate'],
  项目支出绩效自评: ['score-total', 'execution-rate'],
  三公经费说明: ['sum-sangong'],
};

/**
 * Writes one report of `unit`. `random` decides everything else; about one report in eight carries a planted
 * contradiction. The text is typically 8–45 KB, as long as the published reports are.
 */
export function syntheticReport(unit: Unit, year: number, kind: ReportKind, slug: string, random: Random): SyntheticReport {
  const id = `${unit.id}-${year}-${slug}`;
  const w = new ReportWriter(id, random);
  const planted = random.chance(0.125) ? random.pick(PLANTABLE[kind]) : null;
  const sep = random.chance(0.5);
  const scope = kind === '项目支出绩效自评' ? random.pick(PROJECTS) : '';
  const title = `${unit.name}${year}年度${scope}${TITLES[kind]}`;
  const published = PUBLISHED[kind];
  const date = `${year + published.yearOffset}-${String(published.month).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const words = { unit: unit.name, county: unit.county };

  w.line(title);
  w.line(`${published.label}：${date}`);
  w.line('一、部门主要职能');
  w.filler(random.int(3, 20) * 1000, words);
  if (kind === '部门预算' || kind === '部门决算') moneyAndStaff(w, year, kind, planted, sep);
  else if (kind === '三公经费说明') sangong(w, year, 'actual', '决算', planted, sep);
  else selfEvaluation(w, year, scope, planted, sep);
  w.line('名词解释');
  w.filler(random.int(2, 12) * 1000, words);
  return {
    id,
    unit,
    year,
    kind,
    title,
    date,
    dateLabel: published.label,
    text: w.finish(),
    figures: w.figures,
    indicators: w.indicators,
    planted,
  };
}
