import type { ReportKind } from '../../schemas/vocabulary';

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

/** The unit that published the report: its full name where the text gives one, else the name it uses. */
export function detectUnit(text: string): string | null {
  const titleArea = text.slice(0, 200);
  const candidates = new Map<string, Candidate>();
  const occurrences = occurrenceCounter(text);
  const add = (raw: string, offset: number, labelled: boolean) => {
    const name = labelled ? raw.replace(/\s+/g, '') : bestVariant(occurrences, raw);
    if (name.length < 3 || /^(?:部门|单位|本部门|本单位|区级|县级|市级)/.test(name)) return;
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
  return best.name;
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
  return name.length >= 2 ? name : null;
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
  });
  if (votes.size === 0) return null;
  return [...votes.entries()].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a))[0];
}

/** The first lines that carry words: the title area. Navigation crumbs and index metadata are skipped. */
function titleLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^(?:附件\s*\d*[:：]?|目\s*录|您当前|当前位置|首页|\[|【|索引号|#+\s*$)/.test(l) && !/主题分类|体裁分类|发布机构|成文日期|发文字号|信息来源|浏览次数/.test(l))
    // table rows are not titles
    .filter((l) => !/[|\t]/.test(l) && l.length <= 60)
    .slice(0, 8);
}

function kindOf(title: string): ReportKind | null {
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
  const scores: [ReportKind, number][] = [
    ['部门决算', count(/决算/g)],
    ['部门整体支出绩效自评', count(/整体支出|部门整体/g) * 3],
    ['项目支出绩效自评', count(/项目支出绩效|项目名称|绩效自评/g) * 2],
    ['三公经费说明', count(/三公/g)],
    ['部门预算', count(/部门预算|单位预算/g) * 2],
  ];
  const [kind, n] = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
  return n > 0 ? kind : null;
}

/** Whether the text is a budget disclosure at all (else it yields no figures). */
export function isBudgetReport(text: string): boolean {
  return /预算|决算|三公|绩效|财政拨款/.test(text) && /万元|元|编制|批次|人次|%/.test(text);
}
