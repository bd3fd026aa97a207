import { describe, expect, it } from 'vitest';
import { detectKind, detectUnit, detectYear, isTitleLike, titleLines, titleOf } from './header';
import { titleOf as ingestTitleOf } from '../ingest';
import { headerCopy } from './tokens';

// The header is read from the header copy of a text, as extractReport reads it. Each row is one kind of
// evidence (or of trap) found in real disclosures; the texts are shortened and the names changed where it
// does not matter.
const unit = (text: string) => detectUnit(headerCopy(text));
const year = (text: string) => detectYear(headerCopy(text));
const kind = (text: string) => detectKind(headerCopy(text));

describe('detectUnit: where reports name their unit', () => {
  it.each<[name: string, text: string, expected: string | null]>([
    [
      'the title before the year, over a variant in the body',
      '马关卫生院2021年度部门决算公开说明\n一、马关卫生院单位基本概况\n马关镇中心卫生院现有职工19人。',
      '马关卫生院',
    ],
    [
      'the title after the year, not the publisher',
      '2014年昌吉州中心血站部门决算\n发布日期: 2015-02-20 来源:昌吉州人民政府\n第一部分 昌吉州中心血站概况及决算说明',
      '昌吉州中心血站',
    ],
    [
      'a title broken over lines',
      '天津市红桥区人民法院\n2017年度一般公共预算财政拨款\n“三公”经费决算情况说明\n2017年“三公”经费决算20.2万元。',
      '天津市红桥区人民法院',
    ],
    [
      'the title in an index row "名称："',
      '| 发布机构: | 沙坪坝区卫生健康委 | 生成日期: | 2026-02-06 |\n| 名称: | 重庆市沙坪坝区磁器口社区卫生服务中心2026年部门预算情况说明 |\n一、单位基本情况\n沙坪坝区磁器口社区卫生服务中心是政府举办的事业单位。',
      '重庆市沙坪坝区磁器口社区卫生服务中心',
    ],
    [
      'a 概况 heading, not a duty that names another body',
      '一、平阳县中医院概况 (一)主要职能\n(4).承担县委县政府及县卫生局交办的其他卫生工作。',
      '平阳县中医院',
    ],
    [
      'the subject of the opening sentence',
      '一、部门基本情况\n(一)重庆市沙坪坝区人民检察院是国家法律监督机关。\n(二)设立有职务犯罪侦查局、侦查监督科等13个内设机构。',
      '重庆市沙坪坝区人民检察院',
    ],
    [
      'a suffix written twice',
      '一、部门(单位)主要职责\n二、机构设置情况\n鄂州市急救中心中心为公益一类事业单位,共设5个科室。',
      '鄂州市急救中心',
    ],
    [
      "a title that marks the unit's own level",
      '平安县卫生健康局(本级)2021年度部门决算公开说明\n本年支出合计200万元。',
      '平安县卫生健康局',
    ],
    ['编制单位 with a table note', '2017年医疗卫生计生机构收支决算总表 |\n编制单位:汨罗市中医院[单户表] |\n金额单位:元 |', '汨罗市中医院'],
    [
      '实施单位 over 主管部门',
      '2022年度项目支出绩效自评表 |\n| 项目名称 | 营养改善计划专项资金 | 主管部门 | 永德县教育体育局 | 实施单位 | 永德县明朗中学 |',
      '永德县明朗中学',
    ],
    [
      'an area-wide aggregate, not the 财政局 that adds it up',
      '2016年市本级财政拨款“三公”经费情况说明\n来源:市财政局\n经岳阳市财政局汇总,岳阳市本级部门,包括市级行政单位、事业单位和其他单位。',
      '岳阳市本级部门',
    ],
    [
      'a department that mentions 本级部门 in passing',
      '株洲市渌口区医疗保障局\n2022年度整体支出绩效自评报告\n根据要求,按照株洲市渌口区本级部门、单位绩效自评工作的安排,现将自评情况报告如下。',
      '株洲市渌口区医疗保障局',
    ],
    [
      'an aggregate named "X本级"',
      '乌鲁木齐市天山区2019年度“三公”经费公开说明\n2019年度天山区本级一般公共预算财政拨款“三公”经费公开说明\n2019年度天山区本级共127个一级预算部门。',
      '天山区本级',
    ],
    [
      'an area named with the year in a clause',
      '根据国务院关于推进政府预算信息公开的决策部署,衢江区2016年一般公共预算安排“三公”经费决算数2364万元。',
      '衢江区',
    ],
    [
      'news of a publication',
      '■ 相关新闻\n中医药局“三公”预算与去年持平\n国家中医药管理局日前公开“三公经费”,其中2011年“三公经费”财政拨款预算数总计374.08万元。',
      '国家中医药管理局',
    ],
    [
      'a signature above the date',
      '2017年部门预算公开说明\n本年收入合计300万元。\n盘龙区人大常委会办公室\n2017年3月23日',
      '盘龙区人大常委会办公室',
    ],
    [
      'what 本部门 includes',
      '一、概况\n(二)部门预算单位构成\n从预算单位构成看,本部门预算包括:平阳县中医院预算\n二、收支预算情况',
      '平阳县中医院',
    ],
    [
      'a publisher named on the line after its label',
      '  • 发布机构\n    泸西县财政局\n  • 发布日期\n2020年村级计划生育宣传员生活补助资金项目绩效评价自评报告\n白水镇财政所负责报账资料核对。',
      null,
    ],
    [
      '资金来源 is no publisher',
      '整体支出绩效自评表(2021年度)评价部门名称南昌县黄马乡蚕茶卫生院下属单位个数0 资金来源:(1)财政拨款',
      '南昌县黄马乡蚕茶卫生院',
    ],
    ['an area report that names no area', '2020年度全区“三公”经费决算情况\n公务接待费 | 71.53 |', null],
    ['phrases that end like a name', '坚持服务大局,推进数字中国整体布局,全年“三公”经费支出4.5万元。', null],
    ['a unit named only as 本单位', '本单位2022年度收入合计100万元,本部门支出合计90万元。', null],
    ['markup in the unit label', '单位名称：<img/src/onerror=alert(1)>\n2022年度部门决算\n本年支出合计200万元。', null],
    ['markup in the 填报单位 label', '填报单位：<img/src/onerror=alert(1)>\n2022年度项目支出绩效自评表', null],
    ['quotes and script in the 部门名称 label', '部门名称："><script>alert(1)</script>\n2022年度部门决算', null],
    ['a kind of organisation alone', '医院2021年度部门决算公开说明\n医院现有职工19人。', null],
  ])('%s', (_name, text, expected) => {
    expect(unit(text)).toBe(expected);
  });
});

describe('detectYear', () => {
  it.each<[name: string, text: string, expected: number | null]>([
    ['a bare year before the title', '2015晋中市紧急医疗救援中心概况 及决算情况说明\n来源: 发布时间:2016-11-01', 2015],
    ['a bare year before 三公', '2016三公经费预算说明\n三公经费:2016-公务接待费42万元。', 2016],
    ['"2017比2016": the year compared', '项目及编号 2016年度 2017年度 2017比2016增减\n收入合计 | 100 | 120 | 20', 2017],
    ['a year named after 比 is not the report’s', '2022年本年支出合计200万元,比2021年减少10万元。', 2022],
    ['no year', '本年支出合计200万元。', null],
  ])('%s', (_name, text, expected) => {
    expect(year(text)).toBe(expected);
  });
});

describe('detectKind', () => {
  it.each<[name: string, text: string, expected: string | null]>([
    [
      'breadcrumbs that name 三公 before a 部门预算 title',
      '您的位置: 首页 >政府财政预决算公开专栏>部门预决算及部门“三公”经费预决算>其他部门>详细内容\n\n晋中市中医院2018年度部门预算公开',
      '部门预算',
    ],
    [
      'a 三公 title whose line on the fund says 一般公共预算',
      '天津市红桥区人民法院\n2017年度一般公共预算财政拨款\n“三公”经费决算情况说明',
      '三公经费说明',
    ],
    [
      'a flattened table’s title with its trailing pipes',
      '2015年桂林市司法局部门“三公”经费情况统计表 | ||\n? | 单位:万元 | |\n项 目 | 本年预算数 | 其中:公共预算财政拨款 |',
      '三公经费说明',
    ],
    [
      'a 三公 report that opens with prose: its 决算数 are columns, not a 部门决算',
      '根据国务院关于推进政府预算信息公开的决策部署,衢江区2016年一般公共预算安排“三公”经费决算数2364万元,比上年决算数下降16.77%。分项情况是:因公出国(境)经费12万元;公务接待费1356万元;公车购置及运行费995万元(其中公务用车购置费38万元)。\n2016年决算数与2015年决算数对比情况',
      '三公经费说明',
    ],
    [
      'a whole-department evaluation that opens with prose after index rows',
      '索引号 | 01525527-6 | 发布机构 | 保山市水务局 |\n公开目录 | 自评报告 | 发布日期 | 2021-06-30 |\n为规范预算资金管理行为,根据有关要求,保山市水务局组织对2020年部门整体支出完成了绩效自评。现将评价情况报告如下:\n一、 部门基本情况',
      '部门整体支出绩效自评',
    ],
    [
      'a 部门预算 that opens with prose and also states its 三公 budget',
      '苍溪县林业和园林局总编制134名,在职人员总数134人,退休人员51人,遗属补助13人,固定资产总额1928万元,下设林业站所13个。\n苍溪县林业和园林局2016年部门预算收入总额4169万元,人员支出1256万元,公用支出89万元,项目支出45万元。\n苍溪县林业和园林局2016年“三公”经费财政拨款预算控制数为55万元,其中:公务接待费15万元。',
      '部门预算',
    ],
  ])('%s', (_name, text, expected) => {
    expect(kind(text)).toBe(expected);
  });
});

// One title detector: ingest names a report by titleOf, the kind is read from titleLines; both skip the same
// chrome and read lines the same way (titleOf's own table is in src/lib/ingest.test.ts).
describe('the title: titleOf and titleLines read lines alike', () => {
  it.each<[name: string, text: string, title: string | null, area: string[]]>([
    [
      'a breadcrumb before the title',
      '您的位置：首页 > 信息公开 > 预决算\n甲县医疗保障局2023年度部门决算\n\n一、部门概况',
      '甲县医疗保障局2023年度部门决算',
      ['甲县医疗保障局2023年度部门决算', '一、部门概况'],
    ],
    [
      'index metadata and a rule',
      '索引号：123-456\n---\n# 甲县医疗保障局2023年部门预算公开说明\n\n正文。',
      '甲县医疗保障局2023年部门预算公开说明',
      ['甲县医疗保障局2023年部门预算公开说明'],
    ],
    [
      'an attachment number in words',
      '附件四\n\n**甲县2023年“三公”经费说明**\n\n正文',
      '甲县2023年“三公”经费说明',
      ['甲县2023年“三公”经费说明', '正文'],
    ],
    ['prose first', '今年以来，我局认真贯彻落实上级决策部署，全年支出100万元，较上年有所减少，主要是压减一般性支出。\n', null, []],
  ])('%s', (_name, text, title, area) => {
    expect(titleOf(text)).toBe(title);
    expect(titleLines(text)).toEqual(area);
  });

  it.each<[line: string, titleLike: boolean]>([
    ['甲县医疗保障局2023年度部门决算', true],
    ['一、部门概况', false],
    ['公开时间：2023年10月12日', false],
    ['本单位全年支出100万元。', false],
    ['甲', false],
  ])('isTitleLike «%s»: %s', (line, titleLike) => {
    expect(isTitleLike(line)).toBe(titleLike);
  });

  it('is the one ingest uses', () => {
    expect(ingestTitleOf).toBe(titleOf);
  });
});
