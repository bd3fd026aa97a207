import { toHalfWidth } from './numbers';

/**
 * Reports attach forms that name private people (survey respondents, the clerk who filled in a form) and
 * print their phone and ID-card numbers. The site republishes report text, so these are masked before any
 * text reaches a page, the search index, an export or the feed. Masking keeps the length of the text in
 * UTF-16 code units, so offsets of quotes stay valid.
 *
 * The rule (README "Privacy"):
 * - a mobile number is masked wherever it stands, however it is written;
 * - an ID-card number (18 characters with a plausible birth date) is masked wherever it stands;
 * - a landline with an area code is masked only where it belongs to a private person: on a line that names
 *   one after a private label, or on the first phone line within four lines below it. A unit's office
 *   number stays;
 * - a name written after a label that introduces a private person (填表人, 联系人, 姓名, 受访者 …), or in a
 *   table column such a label heads, is masked everywhere in the report. Officials named in their official role (单位负责人, 项目负责人, 局长 …, also
 *   where they sign: "单位负责人签字：") stay: their names are part of the public record.
 */

const MASK = '●';

/** What stands between the digit groups of a number as documents write it: one or two spaces, or a dash, dot, underscore, slash or bracket, with a space around. */
const GROUP_SEPARATOR = '(?:[ \\t]{1,2}|[ \\t]?[.\\-‐‑‒–—―−﹣_＿·・•/\\\\()\\[\\]【】〔〕]{1,2}[ \\t]?)';
/** Digit groups joined by separators; run on the half-width copy of the text. */
const DIGIT_CHAIN = new RegExp(`\\d+(?:${GROUP_SEPARATOR}\\d+)*`, 'g');
/** Country code written before a mobile number, as its own group ("+86 139…", "(0086)139…") or glued ("+86139…"). */
const COUNTRY_CODE = /^(?:0086|86)$/;
const GLUED_COUNTRY_CODE = /^(?:0086|86)(?=1[3-9]\d)/;
const MOBILE_DIGITS = /^1[3-9]\d{9}$/;

/**
 * Mainland ID-card numbers: region (first digit 1–9), birth date 18xx–20xx with a real month and day, three
 * digits and a check character; whole or grouped 6-8-4. Long budget codes do not carry a birth date there.
 */
const ID_CARD = /(?<!\d)[1-9]\d{5}[ \-]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ \-]?\d{3}[\dXxＸｘ](?![\dXxＸｘ])/g;

/** A landline with its area code: "0731-12345678", "(0731)1234567", "0731 3893 981". */
const LANDLINE = /(?<!\d)\(?0\d{2,3}\)?[ \-–—]?\d{3,4}[ \-–—]?\d{3,4}(?!\d)/g;
/** A line that carries a phone number for the person named on the line above. */
const PHONE_LINE = /^[\s|｜]*(?:联系电话|电话|手机|座机|固话|办公电话|tel|phone)/i;

/**
 * Labels that introduce a private person's name on a form. They are nouns for a person, so "经办人员" or
 * "受访人数" are not labels (the next character says so).
 */
export const PRIVATE_LABELS = [
  '填报人', '填表人', '联系人', '经办人', '签字人', '调查人员', '调查人', '调查员', '调查对象', '受访者', '受访人', '被调查人', '被调查者',
  '被访者', '被访人', '访谈对象', '审核人', '复核人', '制表人', '统计人', '记录人',
];
/** Labels of form fields that hold a name whoever it is; they count only as a field ("姓名：", "| 姓名 |"). */
export const FIELD_LABELS = ['姓名', '签名', '签字', '签章'];
/** Roles of officials: a 姓名 / 签字 field right after one of them holds an official's name, which stays public. */
const OFFICIAL_ROLE = /(?:负责人|局长|主任|书记|领导|处长|科长|股长|队长|所长|院长|站长|厅长|部长|法定代表人|法人代表)[ \t]*[(（]?[ \t]*\n?[ \t]*$/;

const LABEL = new RegExp(
  `(${PRIVATE_LABELS.join('|')})(?![员们数次口])(?:姓名|[ \\t]*[(（][ \\t]*(?:签字|签名|签章)[ \\t]*[)）])?|(${FIELD_LABELS.join('|')})`,
  'g',
);
/** After a private label: a colon, a table cell break, spaces or blanks to fill in, or the next line; or nothing (glued). */
const AFTER_PRIVATE_LABEL = /^[ \t\u3000]*(?:[:：][ \t\u3000_＿]*|[|｜\t][ \t\u3000]*|[_＿]+|\n(?:[ \t\u3000]*\n){0,2}[ \t\u3000]*)?/;
/** After a field label, a break is required: "签字确认" is prose, "签字：" is a field. */
const AFTER_FIELD_LABEL = /^(?:[ \t\u3000]*[:：][ \t\u3000_＿]*|[ \t\u3000]*[|｜\t][ \t\u3000]*|[ \t\u3000]*[_＿]+|[ \t\u3000]{2,}|[ \t\u3000]*\n(?:[ \t\u3000]*\n){0,2}[ \t\u3000]*)/;

const HAN = '\\u4e00-\\u9fff';
/** Words that often follow a name on the same form line, and honorifics ("王小明先生"). */
const NEXT_FIELD = '联系|电话|手机|性别|年龄|民族|职务|职称|身份|住址|地址|单位|部门|填报|填表|审核|经办|日期|时间|签|先生|女士|同志';
/**
 * One name that ends at a field break: a name with a middle dot ("买买提·艾力"); two to four characters
 * ending at anything but another character ("王小明 男", "王小明先生"); or characters spaced out by
 * conversion ("张  三"), which end only at a clear break (two spaces, a non-character, the next field).
 */
const NAME = new RegExp(
  `^([${HAN}]{1,8}[·・•][${HAN}]{1,8}(?![${HAN}])` +
    `|[${HAN}]{2,4}?(?=[^${HAN}]|$|${NEXT_FIELD})` +
    `|[${HAN}](?:[ \\u3000]{0,2}[${HAN}]){1,3}?(?=[ \\u3000]*[^${HAN} \\u3000]|[ \\u3000]*(?:${NEXT_FIELD})|[ \\u3000]{2,}|[ \\u3000]*$))`,
);

/**
 * Words that follow such labels but name a group, an office, a post, a form field or a column, not a person
 * ("调查对象：参保群众", "联系人：办公室", "审核人：主管会计", "| 受访人 | 满意度 |"). Masking one of them everywhere
 * would hide report text.
 */
const NOT_A_NAME =
  /群众|参保|居民|职工|人员|单位|科室|办公|患者|对象|代表|医院|机构|企业|农户|学生|服务|社会|公众|部门|本人|全体|姓名|性别|年龄|职务|职称|电话|手机|日期|时间|盖章|签字|签名|填报|填表|审核|意见|备注|序号|编号|人数|次数|数量|金额|比例|满意|评价|得分|分值|情况|结果|内容|说明|类别|类型|项目|名称|指标|合计|负责|主任|书记|会计|出纳|主管|领导|干部|财务|[科股室处局所站办队院委厅长]$/;

/** An office ending in one of these words, written before the name of its contact person. */
const OFFICE_END = new RegExp(`^[${HAN}]{0,10}(?:办公室|科室|中心|[科股室处局所站部队])$`);

/** The length of an office name written before a person's name ("联系人：县医保局办公室 王小明"), or 0. */
function officeBeforeName(rest: string): number {
  for (let end = Math.min(rest.length, 12); end >= 1; end--) {
    if (!OFFICE_END.test(rest.slice(0, end))) continue;
    const start = end + (/^[ \t\u3000]*/.exec(rest.slice(end))?.[0].length ?? 0);
    const name = NAME.exec(rest.slice(start))?.[1];
    if (name && !NOT_A_NAME.test(name)) return start;
  }
  return 0;
}

interface Span {
  start: number;
  end: number;
}

interface PrivateName {
  name: string;
  /** Where the label that introduced it starts. */
  labelAt: number;
}

function namesAfterLabels(text: string): PrivateName[] {
  const found: PrivateName[] = [];
  for (const m of text.matchAll(LABEL)) {
    const labelEnd = m.index + m[0].length;
    if (m[2] !== undefined && OFFICIAL_ROLE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const after = (m[2] === undefined ? AFTER_PRIVATE_LABEL : AFTER_FIELD_LABEL).exec(text.slice(labelEnd, labelEnd + 12));
    if (!after) continue;
    let rest = text.slice(labelEnd + after[0].length, labelEnd + after[0].length + 40);
    rest = rest.slice(officeBeforeName(rest));
    for (;;) {
      const name = NAME.exec(rest)?.[1];
      if (!name || NOT_A_NAME.test(name)) break;
      found.push({ name, labelAt: m.index });
      rest = rest.slice(name.length);
      const separator = /^[ \t]*[、，,;；/][ \t]*/.exec(rest);
      if (!separator) break;
      rest = rest.slice(separator[0].length);
    }
  }
  return found;
}

/** A header cell that heads a column of private people's names ("| 序号 | 姓名 | 性别 |"). */
const NAME_COLUMN = new RegExp(`^(?:${PRIVATE_LABELS.join('|')})?(?:姓名)?$`);
const CELL_BREAK = /[|｜\t]/;

/** Names in the column under a name header of a table written with bars or tabs, row by row. */
function namesInColumns(text: string): PrivateName[] {
  const found: PrivateName[] = [];
  const lines: { start: number; cells: string[] }[] = [];
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    lines.push({ start, cells: text.slice(start, end).split(CELL_BREAK).map((c) => c.trim()) });
    start = end + 1;
  }
  lines.forEach((header, i) => {
    const columns = header.cells.flatMap((cell, k) => (cell !== '' && NAME_COLUMN.test(cell) ? [k] : []));
    if (header.cells.length < 2 || columns.length === 0) return;
    // the rows below, until a line that is not a table row (blank lines between rows are common in conversions)
    for (const row of lines.slice(i + 1, i + 500)) {
      if (row.cells.length === 1 && row.cells[0] === '') continue;
      if (row.cells.length < 2) break;
      for (const k of columns) {
        const cell = row.cells[k] ?? '';
        const name = NAME.exec(cell)?.[1];
        if (name && name.length === cell.length && !NOT_A_NAME.test(name)) found.push({ name, labelAt: row.start });
      }
    }
  });
  return found;
}

function privateNamesIn(text: string): PrivateName[] {
  return [...namesAfterLabels(text), ...namesInColumns(text)];
}

/** Private names found after form labels (a list separated by 、 or ， counts name by name) and in name columns of tables. */
export function findPrivateNames(text: string): string[] {
  return [...new Set(privateNamesIn(text).map((n) => n.name))];
}

/** Mobile numbers in the half-width copy of a text: whole, grouped 3-4-4 and the like, or spaced digit by digit. */
function mobileSpans(half: string): Span[] {
  const spans: Span[] = [];
  for (const chain of half.matchAll(DIGIT_CHAIN)) {
    const runs = [...chain[0].matchAll(/\d+/g)].map((r) => ({ start: chain.index + r.index, end: chain.index + r.index + r[0].length, digits: r[0] }));
    const separatorBefore = (i: number) => {
      const previous = runs[i - 1];
      const run = runs[i];
      return previous && run ? half.slice(previous.end, run.start) : '';
    };
    for (let i = 0; i < runs.length; i++) {
      const end = mobileEnd(runs, i, separatorBefore);
      if (end === undefined) continue;
      let start = runs[i]?.start ?? 0;
      const previous = runs[i - 1];
      if (previous && COUNTRY_CODE.test(previous.digits)) start = previous.start;
      // the country code's plus sign and opening bracket go with it: "(+86)" leaves no half-masked mark
      if (half[start - 1] === '+') start--;
      if (start < (runs[i]?.start ?? 0) && /[(\[【]/.test(half[start - 1] ?? '')) start--;
      spans.push({ start, end: runs[end]?.end ?? start });
      i = end;
    }
  }
  return spans;
}

/**
 * How people group the eleven digits of a mobile number: 139 1234 5678, 139-12345678, 1391234 5678, 1391-234-5678,
 * or one digit at a time as PDF conversion spaces them. Other splits ("1391 2345 678") are numbers in a table row.
 */
const MOBILE_GROUPINGS = new Set(['11', '3-8', '4-7', '7-4', '3-4-4', '4-3-4', '1-1-1-1-1-1-1-1-1-1-1']);

/**
 * The index of the last group of a mobile number that starts at group `i`, if one does. A number that a
 * decimal point continues ("13912345678.00 元", "0.13912345678") is an amount.
 */
function mobileEnd(runs: { digits: string }[], i: number, separatorBefore: (i: number) => string): number | undefined {
  let digits = '';
  const lengths: number[] = [];
  for (let j = i; j < runs.length && digits.length < 11; j++) {
    let group = runs[j]?.digits ?? '';
    if (j === i) group = group.replace(GLUED_COUNTRY_CODE, '');
    digits += group;
    lengths.push(group.length);
    if (!MOBILE_DIGITS.test(digits) || !MOBILE_GROUPINGS.has(lengths.join('-'))) continue;
    const decimalAround = separatorBefore(i) === '.' || separatorBefore(j + 1) === '.';
    return decimalAround ? undefined : j;
  }
  return undefined;
}

/** The line of each private label and the first phone line within the four lines below it: a landline there is that person's. */
function privateLines(text: string, names: PrivateName[]): Span[] {
  const lines: Span[] = [];
  for (const { labelAt } of names) {
    const start = text.lastIndexOf('\n', labelAt) + 1;
    let end = text.indexOf('\n', labelAt);
    if (end < 0) end = text.length;
    lines.push({ start, end });
    // the name's line may run on (one cell per line); the first phone line within the next few lines is theirs
    let next = end;
    for (let k = 0; k < 4 && next < text.length; k++) {
      const lineStart = next + 1;
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      if (PHONE_LINE.test(text.slice(lineStart, lineEnd))) {
        lines.push({ start: lineStart, end: lineEnd });
        break;
      }
      next = lineEnd;
    }
  }
  return lines;
}

function personalSpans(text: string, names: readonly string[]): Span[] {
  const half = toHalfWidth(text);
  const found = privateNamesIn(text);
  const spans = [...mobileSpans(half)];
  for (const m of half.matchAll(ID_CARD)) spans.push({ start: m.index, end: m.index + m[0].length });
  const lines = privateLines(text, found);
  for (const m of half.matchAll(LANDLINE)) {
    if (lines.some((l) => l.start <= m.index && m.index < l.end)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const name of new Set([...names, ...found.map((n) => n.name)])) {
    for (const form of new Set([name, name.replace(/[ \u3000]/g, '')])) {
      if (form.length < 2) continue;
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) spans.push({ start: at, end: at + form.length });
    }
  }
  return spans;
}

/** Whether a text contains a phone or ID-card number or a private name (quotes must not). */
export function containsPersonalData(text: string, privateNames: readonly string[]): boolean {
  return personalSpans(text, privateNames).length > 0;
}

/** The text with personal data masked (names everywhere they occur), same length in UTF-16 code units. */
export function redactPersonalData(text: string): string {
  const spans = personalSpans(text, []).sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const { start, end } of spans) {
    if (end <= last) continue;
    const from = Math.max(start, last);
    out += text.slice(last, from) + MASK.repeat(end - from);
    last = end;
  }
  return out + text.slice(last);
}
