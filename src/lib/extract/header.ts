import type { ReportKind } from '../../schemas/vocabulary';
import { includesIgnoringSpace } from '../quote';

/**
 * What a report is about: the unit, the fiscal year and the kind, read from its title area and body.
 * Titles mislead (a 2021 self-evaluation titled "2022 年财政支出绩效自评报告", a unit named only
 * "医疗保障局" on the cover), so each answer weighs the whole text, not only the first line.
 */

const HAN = '\\u4e00-\\u9fa5';
const ORG_SUFFIX =
  '(?:医疗保障局(?:[\\u4e00-\\u9fa5]{1,4}分局)?|医保局[\\u4e00-\\u9fa5]{1,4}分局|医疗保障(?:事务|管理服务|服务)中心|医疗保险服务中心|卫生健康委员会|卫生健康局|卫生计生局|卫生和计划生育局|疾病预防控制中心|疾控中心|[\\u4e00-\\u9fa5]{0,4}卫生院|人民医院|人民政府|[\\u4e00-\\u9fa5]{1,8}(?:局|委员会|服务中心|管理中心|事务中心|办公室))';
const PLACE_CHAIN = `(?:[${HAN}]{1,10}?(?:省|自治区|特别行政区))?(?:[${HAN}]{1,10}?(?:市|州|盟|地区))?(?:[${HAN}]{1,12}?(?:新区|开发区|区|县|旗|市))?(?:[（(][${HAN}]{2,20}[)）])?(?:[${HAN}]{1,8}?(?:镇|乡|街道))?`;
const ORG_NAME = new RegExp(`${PLACE_CHAIN}${ORG_SUFFIX}`, 'g');
const LEADING_WORDS = /^(?:根据|按照|依据|对于|对|由|经|在|与|向|将|为|是|纳入|关于|现将|我们|我|本|全|各|和|及|于|的|以下简称|简称)+/;
const LABELLED_UNIT = /(?:部门\s*(?:\(\s*单位\s*\)|（\s*单位\s*）)?\s*单?位?\s*名称|(?:项目)?\s*(?:\(用款\)|（用款）)?\s*单位|填报单位|预算单位|实施单位|主管部门)\s*(?:\(\s*[公盖]章\s*\)|（\s*[公盖]章\s*）)?\s*[:：]\s*[|\t ]*([^\s|\t，,。；;:：]{2,40})/g;

/** Counts occurrences of names in one text, each name once (a long report repeats its candidates). */
function occurrenceCounter(text: string): (name: string) => number {
  const cache = new Map<string, number>();
  return (name) => {
    if (name === '') return 0;
    let n = cache.get(name);
    if (n === undefined) cache.set(name, (n = text.split(name).length - 1));
    return n;
  };
}

/**
 * A regex match may start too early ("形成乐山市市中区医疗保障局"). Of the candidate's tails that still
 * name a place, keep the one the text repeats most (an official name recurs; a clause that happens to
 * precede it does not); at equal counts, the longest ("成都市…" rather than "都市…").
 */
function bestVariant(occurrences: (name: string) => number, raw: string): string {
  const spaced = raw.replace(/\s+/g, '');
  // org names never contain these characters before their suffix: a candidate starts after the last one
  const cut = Math.max(0, ...[...spaced.matchAll(/[年的为是由在对将向从个据照含于即把以等了按设]/g)].map((m) => m.index + 1));
  const squeezed = spaced.slice(cut).replace(/^.*(?:名称|单位|部门)\s*(?:\([公盖]章\))?[:：]?(?=[\u4e00-\u9fa5]{2,}(?:省|自治区|市|州|县|区|旗))/, '');
  let best = squeezed;
  let bestCount = occurrences(squeezed);
  for (let k = 1; k < squeezed.length - 3; k++) {
    const tail = squeezed.slice(k);
    if (!hasPlace(tail)) break;
    if (/[省市县区州旗盟镇乡]$/.test(squeezed.slice(0, k))) continue; // never drop a level of the place name
    const count = occurrences(tail);
    if (count > bestCount) {
      best = tail;
      bestCount = count;
    }
  }
  return best.replace(LEADING_WORDS, '');
}

interface Candidate { name: string; count: number; inTitle: boolean; labelled: boolean }

function hasPlace(name: string): boolean {
  return /[\u4e00-\u9fa5]{2,}(?:省|自治区|市|州|盟|县|区|旗|镇|乡)/.test(name.replace(/(?:医疗保障局|医保局|委员会|中心|局)$/, ''));
}


/** Characters a unit's name never contains: markup, quotes, control characters (a hostile "单位名称：<img …>"). */
const UNSAFE_NAME = /[<>"'`&\\\u0000-\u001f\u007f]/;
/** How organisation names end: the last characters of a unit's name. */
const ORG_END =
  /(?:局|委员会|委|办公室|办|中心|医院|卫生院|院|站|所|学校|中学|小学|学院|幼儿园|大学|馆|队|团|社|会|厅|部|政府|机关|公司|集团|处|科|室)$/;
/** A kind of organisation alone ("医院", "卫生院", "办公室"): it names none. */
const ORG_KIND_ALONE = /^(?:人民|中心|乡镇|社区|机关|本级)?(?:医院|卫生院|中心|学校|办公室|委员会|政府|机关|公司|[局院站所校部办委处科室队])$/;
/** How place names end: an area-wide report names its area ("鄂城区", "奉新县"). */
const PLACE_END = /(?:省|自治区|市|州|盟|地区|自治县|县|区|旗|镇|乡|街道)$/;
/** Words that refer to a unit without naming it. */
const NOT_A_NAME = /^(?:本|我|该|全|各|其|此|上级|下属|所属|部门|单位|区级|县级|市级|省级|州级|机关|预算|财政|主管|年度|以下|上述)/;
const NAME = '[\\u4e00-\\u9fa5][\\u4e00-\\u9fa5()]{1,40}?';
const YEAR = '20\\d\\d\\s*(?:年度|年)?';
/** What a title says after the unit and year: the kind of report ("部门决算", "“三公”经费…", "整体支出…"). */
const TITLE_TOPIC = '(?:的)?\\s*(?:部门|单位|一般公共|财政|政府性|整体|项目|预算|决算|[“"]?\\s*三公|收支|绩效|概况)';
/** A line's lead-in before a name: list markers, "附件2", "名称：", "主要负责：", a table's pipes, 《. */
const LEAD_IN =
  '^[\\s|]*(?:附件\\s*\\d*\\s*[:：]?\\s*)?(?:第[一二三四五六七八九十]+部分\\s*[:：]?\\s*|[一二三四五六七八九十]+\\s*[、.]\\s*|[(（][一二三四五六七八九十\\d]+[)）]\\s*|\\d+\\s*[、.]\\s*|名\\s*称\\s*[:：]\\s*\\|?\\s*|主要负责\\s*[:：]\\s*)?《?';
/** A heading that ends the title area: the body starts there. */
const BODY_START = /^\s*(?:[一二三四五六七八九十]+\s*[、.]|第[一二三四五六七八九十]+部分|[(（][一二三四五六七八九十]+[)）]|目\s*录)/;
/** A line that names the publisher (来源、发布机构 …): the publisher is often another body (a 财政局, the parent 卫健委). */
const PUBLISHER_LABEL = '(?<![\\u4e00-\\u9fa5])(?:来\\s*源|发布机构|发文单位|发布单位|信息来源|责任部门|上传人)';
const PUBLISHER = new RegExp(`${PUBLISHER_LABEL}\\s*(?:[:：|\\]】]|$)`);
const DATE_LINE = /^[\s|]*(?:20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|20\d\d-\d{1,2}-\d{1,2})[\s|]*$/;
/** A line that says what the report is, next to a title line that holds only the unit's name. */
const TITLE_REST = /^\s*(?:20\d\d\s*(?:年度|年)?)?\s*(?:部门|单位|一般公共|整体|项目|预算|决算|[“"]?三公|\(?20\d\d)/;

/**
 * Where reports name their unit, line by line, with how much each place counts. A title is a short line
 * before the body (weight 6); the same shape further down is a sentence about the unit (3).
 */
const LINE_EVIDENCE: readonly { where: string; pattern: RegExp; weight: (inTitle: boolean) => number }[] = [
  {
    where: 'title: name, year, kind ("马关卫生院2021年度部门决算…")',
    pattern: new RegExp(`${LEAD_IN}(${NAME})\\s*(?:关于)?\\s*(?:${YEAR}|[(（]${YEAR}[)）])\\s*(?:${TITLE_TOPIC}|$)`),
    weight: (inTitle) => (inTitle ? 6 : 3),
  },
  {
    where: 'title: year, name, kind ("2014年昌吉州中心血站部门决算")',
    pattern: new RegExp(`${LEAD_IN}${YEAR}\\s*(${NAME})\\s*${TITLE_TOPIC}`),
    weight: (inTitle) => (inTitle ? 6 : 3),
  },
  {
    where: 'heading: "一、X概况", "第一部分 X基本情况"',
    pattern: new RegExp(`${LEAD_IN}(${NAME})\\s*(?:单位)?(?:基本概况|概况|基本情况)(?:及|和|与|说明|\\s*$|\\s*[(（])`),
    weight: () => 3,
  },
  {
    where: 'subject of a sentence that opens a line: "X是…", "X成立于…", "X现有职工…"',
    pattern: new RegExp(`${LEAD_IN}(${NAME})(?:是|为|属于?|成立于|始建于|现有|内设|下设|设有|位于|隶属于?|经编委|实有|共有|[(（]含)`),
    weight: () => 3,
  },
  {
    where: 'news of a publication: "X日前公开“三公经费”", "…,X在其网站公布…"',
    pattern: new RegExp(`(?:^|[,，。])\\s*(${NAME})(?:日前|近日|昨日|今日|今天)?(?:在其?(?:官方)?[网網]站上?)?(?:公开|公布|发布)了?[^。]{0,12}?(?:三公|预算|决算)`),
    weight: () => 3,
  },
  {
    where: 'what 本部门/本单位 includes: "本部门预算包括：X预算"',
    pattern: new RegExp(`(?:本部门|本单位)\\s*(?:${YEAR})?\\s*(?:部门|单位)?(?:预算|决算)?(?:仅)?包括\\s*[:：]?\\s*(${NAME})(?:本级)?(?:预算|决算)?(?=[,，。;；、\\s]|$)`),
    weight: () => 2,
  },
];

/** Labels that name the unit, in a "label：value" line or a table row "| label | value |". */
const LABELLED =
  /((?<![\u4e00-\u9fa5])单位(?=\s*[:：])|单位名称|部门\s*(?:[(（]\s*单位\s*[)）])?\s*名称|部门单位名称|编制单位|填报单位|预算单位|实施\s*(?:[(（]\s*主管\s*[)）])?\s*单位|项目\s*(?:[(（]\s*用款\s*[)）])?\s*单位|主管部门|(?<![\u4e00-\u9fa5])部门)\s*(?:[(（]\s*[公盖]章\s*[)）])?\s*(?:[:：]\s*\|?|\s*\|\s*|\s+(?=\d+-))\s*((?:\d+-)?[\u4e00-\u9fa5()]{2,40})/g;

/** How much a label counts: the unit's own name over the department's (部门：) over the supervisor's (主管部门). */
function labelWeight(label: string): number {
  const squeezed = label.replace(/\s+/g, '');
  if (squeezed === '主管部门') return 2;
  if (squeezed === '部门') return 4;
  return 5;
}

interface Evidence {
  name: string;
  weight: number;
  at: number;
}

/** A name as read, tidied: spaces, a trailing "[单户表]" or "(公章)", a doubled suffix, a trailing 部门/单位. */
function tidyName(raw: string): string {
  const name = raw
    .replace(/\s+/g, '')
    .replace(/^关于/, '')
    .replace(/[[【(（][^\]】)）]*(?:表|章)[\]】)）]$/, '')
    // "X(本级)", "X(汇总)": the unit is X
    .replace(/[(（](?:本级|汇总|部门汇总|单位汇总)[)）]$/, '')
    // a suffix written twice by mistake ("急救中心中心")
    .replace(/(中心|医院|卫生院|局|委员会|办公室)\1$/, '$1');
  // "大英县司法局部门" is the 司法局; "岳阳市本级部门" is an aggregate's own name
  return /本级部门$/.test(name) ? name : name.replace(/(?<=[局委会办院站所校室心府])(?:单位|部门)$/, '');
}

/** Whether a tidied name can be a unit's: an organisation's or an area's name, nothing generic, nothing unsafe. */
function isUnitName(name: string): boolean {
  if (name.length < 2 || name.length > 40 || UNSAFE_NAME.test(name) || NOT_A_NAME.test(name) || ORG_KIND_ALONE.test(name)) return false;
  if ((name.match(/\(/g) ?? []).length !== (name.match(/\)/g) ?? []).length) return false;
  return ORG_END.test(name) || isPlaceName(name);
}

function isPlaceName(name: string): boolean {
  return PLACE_END.test(name) && !/^(?:市|县|区|州|镇|乡)/.test(name);
}

/**
 * Evidence for the unit from where reports name it (LINE_EVIDENCE, labels, a title broken over lines, a
 * signature above the date, a clause that names the area and the year: "…,衢江区2016年一般公共预算…").
 * Publisher lines are not evidence.
 */
function unitEvidence(text: string): Evidence[] {
  const evidence: Evidence[] = [];
  const add = (raw: string | undefined, weight: number, at: number) => {
    const name = tidyName(raw ?? '');
    if (isUnitName(name)) evidence.push({ name, weight, at });
  };
  const lines = text.split('\n');
  let offset = 0;
  let inTitle = true;
  let publisherValue = false;
  lines.forEach((line, i) => {
    const at = offset;
    offset += line.length + 1;
    if (at > 6000) return;
    if (BODY_START.test(line)) inTitle = false;
    // the publisher's line, and the next one where the label stands alone ("发布机构⏎泸西县财政局")
    const skip = publisherValue || PUBLISHER.test(line);
    publisherValue = new RegExp(`${PUBLISHER_LABEL}\\s*[:：]?\\s*$`).test(line);
    if (skip) return;
    const short = line.trim().length <= 60;
    for (const e of LINE_EVIDENCE) add(e.pattern.exec(line)?.[1], e.weight(inTitle && short), at);
    const alone = /^[\s|]*([\u4e00-\u9fa5()]{2,40})[\s|]*$/.exec(line)?.[1];
    if (!alone || !ORG_END.test(alone)) return;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    // a title broken over lines: the name alone, the year or the kind on a line next to it
    const near = [lines[i - 1], lines[i + 1], lines[i + 2]].filter((l): l is string => l !== undefined && l.trim() !== '');
    if (inTitle && near.some((l) => TITLE_REST.test(l))) add(alone, 6, at);
    // a signature: the name alone above the date, where the seal goes
    else if (DATE_LINE.test(next)) add(alone, 3, at);
  });
  for (const m of text.matchAll(LABELLED)) add(m[2]?.replace(/^[\d-]+-/, ''), labelWeight(m[1] ?? ''), m.index);
  const areaClause = new RegExp(`(?:[,，。;；]|公布)\\s*(?:现将|现就|经汇总[,，]?)?\\s*(${NAME})\\s*${YEAR}\\s*${TITLE_TOPIC}`, 'g');
  for (const m of text.slice(0, 3000).matchAll(areaClause)) {
    if (isPlaceName(tidyName(m[1] ?? ''))) add(m[1], 2, m.index);
  }
  return evidence;
}

/** The text without the lines that name its publisher (and a publisher named on the line after its label). */
function withoutPublisher(text: string): string {
  return text.replace(new RegExp(`^.*${PUBLISHER_LABEL}\\s*(?:[:：|\\]】].*|\\n.*)$`, 'gm'), '');
}

/**
 * An area-wide aggregate names itself "X本级部门" where it says what it includes ("迪庆州州本级部门，包括…"), or
 * "X本级" at the start of a line ("2019年度天山区本级一般公共预算…"): that is the unit, not the 财政局 that
 * publishes it. A department's own report that mentions "X本级部门" in passing is no aggregate.
 */
function aggregateName(text: string): string | null {
  const place = '([\\u4e00-\\u9fa5]{1,10}?(?:省|自治区|市|州|盟|县|区|旗)[市州县区]?)';
  // the place starts after the last word that cannot be part of it ("经岳阳市…" → "岳阳市…")
  const name = (m: RegExpExecArray | null) => {
    const raw = m?.[1] ?? '';
    return raw.slice(Math.max(0, ...[...raw.matchAll(/[年度的为是由在对将向从据照经]/g)].map((x) => x.index + 1)));
  };
  const withDepartments = name(new RegExp(`(?:^|[\\s,，:：。])${place}本级部门(?=[,，]?\\s*(?:包括|共))`, 'm').exec(text));
  if (withDepartments.length >= 2) return `${withDepartments}本级部门`;
  for (const m of text.slice(0, 3000).matchAll(new RegExp(`(?:^|\\n)[\\s|]*(?:${YEAR}\\s*)?${place}本级(?!财政|部门)`, 'g'))) {
    const level = name(m);
    if (level.length >= 2) return `${level}本级`;
  }
  return null;
}

/**
 * The unit the report is about, as the text names it: an area-wide aggregate's name; else the name the title,
 * labels, headings and opening sentences give most weight (an organisation before a mere place name; at equal
 * weight the first named); else an organisation the text repeats that names its place; else null — never a
 * phrase that only looks like a name.
 */
export function detectUnit(text: string): string | null {
  const aggregate = aggregateName(text);
  if (aggregate) return aggregate;
  const evidence = unitEvidence(text);
  const organisations = evidence.filter((e) => !isPlaceName(e.name) || ORG_END.test(e.name));
  const pool = organisations.length > 0 ? organisations : evidence;
  if (pool.length === 0) return scannedUnit(text);
  const weights = new Map<string, { weight: number; at: number }>();
  for (const e of pool) {
    const w = weights.get(e.name) ?? { weight: 0, at: e.at };
    w.weight += e.weight;
    w.at = Math.min(w.at, e.at);
    weights.set(e.name, w);
  }
  const ranked = [...weights.entries()].sort((a, b) => b[1].weight - a[1].weight || a[1].at - b[1].at).map(([name]) => name);
  const [best] = ranked;
  if (best === undefined) return null;
  if (hasPlace(best)) return best;
  // a name relative to its place ("区医保局", "市卫生局") yields to a name with the place, if the text gives one
  if (/^(?:市|县|区|省|州)/.test(best)) return ranked.find(hasPlace) ?? best;
  // a name without its place ("医疗保障局" on the cover): the full name the body gives, if any
  const scanned = scannedUnit(text);
  return scanned && scanned.endsWith(best) && scanned !== best ? scanned : best;
}

/**
 * The organisation names the text mentions anywhere, scored by how often it repeats them: the last resort when
 * no title, label or opening sentence names the unit. A name found only in running prose must name its place
 * ("服务大局", "数字中国整体布局" are phrases, not units).
 */
function scannedUnit(fullText: string): string | null {
  const text = withoutPublisher(fullText);
  const titleArea = text.slice(0, 200);
  const candidates = new Map<string, Candidate>();
  const occurrences = occurrenceCounter(text);
  const add = (raw: string, offset: number, labelled: boolean) => {
    const name = labelled ? raw.replace(/\s+/g, '') : bestVariant(occurrences, raw);
    if (name.length < 3 || UNSAFE_NAME.test(name) || /^(?:部门|单位|本部门|本单位|区级|县级|市级)/.test(name)) return;
    const c = candidates.get(name) ?? { name, count: 0, inTitle: false, labelled: false };
    c.count += 1;
    c.inTitle ||= offset < titleArea.length;
    c.labelled ||= labelled;
    candidates.set(name, c);
  };
  for (const m of text.matchAll(ORG_NAME)) add(m[0], m.index, false);
  for (const m of text.matchAll(LABELLED_UNIT)) if (m[1]) add(m[1], m.index, true);
  if (candidates.size === 0) return placeNamed(text);
  const all = [...candidates.values()];
  // A name is also counted wherever a longer candidate ends with it ("医疗保障局" inside the full name).
  const score = (c: Candidate) => {
    const longer = all.filter((o) => o !== c && o.name.endsWith(c.name)).reduce((n, o) => n + o.count, 0);
    return c.count + longer * 0.5 + (c.inTitle ? 3 : 0) + (c.labelled ? 2 : 0) + (hasPlace(c.name) ? 3 : 0) + Math.min(c.name.length, 30) / 15;
  };
  let best = all.reduce((a, b) => (score(b) > score(a) ? b : a));
  // Prefer the full name the body gives for a short name on the cover ("医疗保障局" → "乌鲁木齐…医疗保障局").
  const fuller = all.filter((o) => o.name.length > best.name.length && o.name.endsWith(best.name) && hasPlace(o.name));
  if (fuller.length > 0) best = fuller.reduce((a, b) => (b.count > a.count || (b.count === a.count && b.name.length > a.name.length) ? b : a));
  return best.labelled || hasPlace(best.name) ? best.name : placeNamed(text);
}

/**
 * A report that names no organisation names its place ("2022年度道里区计划生育服务项目…",
 * "现将涪陵区新妙镇2021年度“三公”经费…"): the place chain right before the year or the subject.
 */
function placeNamed(text: string): string | null {
  const head = text.slice(0, 400);
  const m = /((?:[\u4e00-\u9fa5]{2,8}?(?:省|自治区))?(?:[\u4e00-\u9fa5]{2,8}?(?:市|州))?[\u4e00-\u9fa5]{1,8}?(?:自治县|县|区|旗|市)(?:[\u4e00-\u9fa5]{1,6}?(?:镇|乡|街道))?)(?=\s*(?:20\d\d|本级|计划|项目|一般公共|部门|“|"))/.exec(head);
  if (!m?.[1]) return null;
  const cut = Math.max(0, ...[...m[1].matchAll(/[年度的为是由在对将向从个形据照含于即把以等了按设]/g)].map((x) => x.index + 1));
  const name = m[1].slice(cut);
  return name.length >= 2 && !NOT_A_NAME.test(name) ? name : null;
}

/** Lines that state a date of publication or filing, or a document number: their years are not the fiscal year. */
const NOT_FISCAL = /(?:填报|公开|发布|成文|生成|印发|报送)(?:日期|时间)|日期\s*[:：]|[〔【\[(（]\s*20\d\d\s*[〕】\])）]|\d{4}\s*-\s*\d{2}\s*-\s*\d{2}|20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;

/**
 * The fiscal year the figures describe. Years written "XXXX年度" count double; years on date or
 * document-number lines, and years named as the comparison (比2021年, 上年) do not count; a year named in the
 * title counts, but cannot outvote the body.
 */
export function detectYear(text: string): number | null {
  const votes = new Map<number, number>();
  const vote = (year: number, weight: number) => votes.set(year, (votes.get(year) ?? 0) + weight);
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (NOT_FISCAL.test(line)) {
      // still count a year outside the date itself ("2022年度部门决算 发布日期:2023-10-12")
      line = line.replace(/(?:填报|公开|发布|成文|生成|印发|报送)(?:日期|时间)\s*[:：]?\s*\S+(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?/g, '').replace(/[〔【\[(（]\s*20\d\d\s*[〕】\])）]/g, '').replace(/\d{4}\s*-\s*\d{2}\s*-\s*\d{2}/g, '').replace(/20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g, '');
    }
    for (const m of line.matchAll(/(?<![\d])(20\d\d)\s*(年度|年|预算年度)/g)) {
      const before = line.slice(Math.max(0, m.index - 6), m.index);
      if (/(?:比|较|与|上|截至|截止|至)\s*$/.test(before)) continue;
      const after = line.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if (/^\s*\d{1,2}\s*月/.test(after)) continue;
      const weight = (m[2] === '年' ? 1 : 2) * (i < 8 ? 1.5 : 1);
      vote(Number(m[1]), weight);
    }
    // a title may write the year bare ("2015晋中市…概况及决算情况说明", "2016三公经费预算说明")
    const bare = i < 12 ? /^[\s|]*(20\d\d)(?=\s*[“"\u4e00-\u9fa5])(?!\s*[年月])/.exec(line) : null;
    if (bare?.[1]) vote(Number(bare[1]), 2);
    // "2017比2016增减": the year compared is the report's
    for (const m of line.matchAll(/(?<!\d)(20\d\d)\s*(?:年度|年)?\s*(?:比|较)\s*(20\d\d)(?!\d)/g)) {
      if (Number(m[1]) > Number(m[2])) vote(Number(m[1]), 2);
    }
  });
  if (votes.size === 0) return null;
  return [...votes.entries()].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a))[0];
}

// ---------------------------------------------------------------------------------------------------------
// The title: the one title detector, for the kind (the title area) and for ingest (the title as printed)

/**
 * Lines around a title that are not part of it: site chrome and index metadata (breadcrumbs, "您的位置", 索引号 /
 * 发布机构 / 发布日期 rows), attachment numbers, tables of contents, rules and images of a converted file.
 * A breadcrumb is any line with two ">": written `>[^>]*>` (an unanchored `[^>]*>[^>]*>` scans to the end of
 * the line from every position, quadratic on a long line without ">").
 */
const CHROME =
  /^(?:附件\s*\d*[:：]?|目\s*录|您当前|您的位置|当前位置|首页|\[|【|索引号|#+\s*$)|主题分类|体裁分类|发布机构|发布日期|成文日期|发文字号|信息来源|浏览次数|公开目录|>[^>]*>/;
/** Lines before the title: attachment numbers ("附件 2：", "附件四"), contents, chrome, rules, bookmarks and images. */
const BEFORE_TITLE = /^(?:附件\s*[\d一二三四五六七八九十]*\s*[:：]?|目\s*录|您当前.*|当前位置.*|首页.*|\[\s*索引号.*|索引号.*|\[bookmark:.*\]|-{3,}|={3,}|!\[.*)$/;
/** Words of a report title; a title block without one continues into the next block. */
const TITLE_WORD = /报告|决算|预算|说明|自评|评价|公开|绩效|三公|情况/;
/** Headings, labels and dates end a title: "一、部门概况", "公开时间：…", "单位名称:…". */
const NOT_TITLE = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+部分)|^[^:：]{1,16}[:：]|\.{4,}|…{2,}|[。；;]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;
/** Longest title line (characters, white space aside): a longer line is prose. */
const MAX_TITLE_LINE = 60;

/** A line without the Markdown around it ("# 标题", "**标题**"). */
function cleanLine(line: string): string {
  return line.trim().replace(/^#+\s*/, '').replace(/^(?:\*\*|__)\s*/, '').replace(/\s*(?:\*\*|__)$/, '').trim();
}

/** Whether a (clean) line is chrome, contents or an attachment number around a title rather than part of it. */
function isChrome(line: string): boolean {
  return CHROME.test(line) || BEFORE_TITLE.test(line);
}

/** Whether a line may be (part of) a report title: short, and no heading, label, date or sentence. */
export function isTitleLike(line: string): boolean {
  const length = line.replace(/\s+/g, '').length;
  return length >= 2 && length <= MAX_TITLE_LINE && !NOT_TITLE.test(line);
}

/**
 * The title area: the first lines that carry words, up to the first paragraph of prose (a report that opens
 * with prose has no title). Site chrome is skipped; a table of contents counts (its part titles name the kind).
 */
export function titleLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    // a flattened table's title keeps the row's trailing pipes
    const l = cleanLine(raw).replace(/[\s|]+$/, '');
    if (l === '' || isChrome(l)) continue;
    if (l.length > MAX_TITLE_LINE || /[。；;]$/.test(l)) break;
    // table rows are not titles
    if (!/[|\t]/.test(l)) lines.push(l);
    if (lines.length === 8) break;
  }
  return lines;
}

/**
 * The report's title as printed: the first block of title-like lines (joined with spaces, as the manifest
 * writes line breaks), continued into the next block while it has no title word ("株洲市…医疗保障局" ⏎⏎
 * "2022年度…自评报告") and by a parenthesised year line ("(2023 年度)"). Null when the text starts with
 * prose and has no such line; the result always occurs in the text, white space aside.
 */
export function titleOf(text: string): string | null {
  const lines = text.split(/\r?\n/).slice(0, 80).map(cleanLine);
  const parts: string[] = [];
  let i = 0;
  while (i < lines.length && (lines[i] === '' || isChrome(lines[i] ?? ''))) i++;
  for (; i < lines.length && parts.length < 4; i++) {
    const line = lines[i] ?? '';
    if (line === '') {
      if (TITLE_WORD.test(parts.join(''))) break;
      continue;
    }
    if (!isTitleLike(line)) break;
    parts.push(line);
  }
  if (parts.length > 0) {
    let j = i;
    while (j < lines.length && lines[j] === '') j++;
    const next = lines[j] ?? '';
    if (/^[(（]\s*(?:20|19)\d\d\s*年度?\s*[)）]$/.test(next)) parts.push(next);
  }
  // keep as many lines as still occur in the text (Markdown between lines may break the join)
  for (let n = parts.length; n > 0; n--) {
    const title = parts.slice(0, n).join(' ');
    if (includesIgnoringSpace(text, title)) return title;
  }
  return null;
}

function kindOf(line: string): ReportKind | null {
  // budgets by fund ("一般公共预算财政拨款“三公”经费") are not a 部门预算
  const title = line.replace(/一般公共预算|政府性基金预算|国有资本经营预算|财政预算|预决算/g, '');
  if (/三公/.test(title) && !/部门决算(?!表)|单位决算|决算公开说明|部门预算(?!表)/.test(title)) return '三公经费说明';
  if (/整体支出|部门整体|单位整体/.test(title) && /绩效|评价/.test(title)) return '部门整体支出绩效自评';
  if (/项目支出绩效|项目.{0,20}绩效自评|财政支出\s*绩效自评|绩效自评(?:总结)?报告|绩效自评表|支出绩效自评/.test(title)) return '项目支出绩效自评';
  if (/决算/.test(title)) return '部门决算';
  if (/预算/.test(title) && !/执行/.test(title)) return '部门预算';
  return null;
}

/** The report kind, from the title area first and then from what the whole text is mostly about. */
export function detectKind(text: string): ReportKind | null {
  const lines = titleLines(text);
  // the first title line that names a kind decides ("…2023年部门预算公开说明" before body lines about 决算)
  const fromTitle = lines.map(kindOf).find((k) => k !== null) ?? kindOf(lines.join(' '));
  if (fromTitle === '项目支出绩效自评' && /整体支出|部门整体/.test(text.slice(0, 2000)) && !/项目名称/.test(text)) return '部门整体支出绩效自评';
  if (fromTitle) return fromTitle;
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  // without a title, what the text is about: the department's whole budget (收入, 基本支出 …), its 三公 items
  // alone, or a performance evaluation; then whether the figures are a budget or the final accounts — where
  // "决算数" / "预算数" are only columns (a 三公 table has both) and budgets by fund do not count
  const final = count(/决算(?!数)/g);
  const budget = count(/部门预算|单位预算/g) + count(/(?<!一般公共|政府性基金|国有资本经营)预算(?!数|执行)/g);
  const wholeBudget = count(/收入|支出总额|基本支出|项目支出|人员经费|人员支出|公用支出|工资福利/g) + count(/部门预算|单位预算|部门决算|单位决算/g) * 2;
  const scores: [ReportKind, number][] = [
    [final >= budget ? '部门决算' : '部门预算', wholeBudget],
    ['部门整体支出绩效自评', count(/整体支出|部门整体/g) * 3],
    ['项目支出绩效自评', count(/项目支出绩效|项目名称|绩效自评/g) * 2],
    ['三公经费说明', count(/三公|公务接待|公务用车|因公出国/g)],
  ];
  const [kind, n] = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
  return n > 0 ? kind : null;
}

/** Whether the text is a budget disclosure at all (else it yields no figures). */
export function isBudgetReport(text: string): boolean {
  return /预算|决算|三公|绩效|财政拨款/.test(text) && /万元|元|编制|批次|人次|%/.test(text);
}
