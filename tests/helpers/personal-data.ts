/**
 * An independent detector of personal data, for tests. It is written without the masker's code and is
 * broader than the masker: any split of the digits, any short run of separators between groups, any
 * 18-character number with a year where an ID card has the birth date. What it must not flag are the
 * numbers budget reports are made of: decimals and numbers with thousands separators.
 */

export interface Finding {
  kind: 'mobile' | 'id-card' | 'name';
  /** The text as written. */
  found: string;
}

/** Every full-width ASCII character and the ideographic space, as ASCII; one code unit each. */
const ascii = (text: string) => text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/**
 * Digit groups joined by up to three spaces, dashes of any kind, dots, underscores, slashes, brackets, plus
 * signs or colons, in any mix and any grouping (the masker accepts fewer characters and only the usual groupings).
 */
const CHAIN = /\d+(?:[ \t\u00a0.\-‐‑‒–—―−﹣_·・•/\\()[\]【】〔〕+:]{1,3}\d+)*/g;

export function findMobileNumbers(text: string): Finding[] {
  const plain = ascii(text);
  // "84.055" is one amount, its fraction not a group of a phone; a dotted phone has two dots ("139.1234.5678")
  const isFraction = (at: number, length: number) => plain[at - 1] === '.' && /\d/.test(plain[at - 2] ?? '') && !/^\.\d/.test(plain.slice(at + length, at + length + 2));
  const continuesAsDecimal = (end: number) => plain[end] === '.' && /\d/.test(plain[end + 1] ?? '') && !/^\.\d+\.\d/.test(plain.slice(end));
  const findings: Finding[] = [];
  for (const chain of plain.matchAll(CHAIN)) {
    const groups = [...chain[0].matchAll(/\d+/g)].map((g) => ({ digits: g[0], at: chain.index + g.index }));
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 15; j++) {
        const group = groups[j];
        if (!group || isFraction(group.at, group.digits.length)) break;
        digits += group.digits;
        const end = group.at + group.digits.length;
        if (/^(?:0086|86)?1[3-9]\d{9}$/.test(digits) && !continuesAsDecimal(end)) {
          findings.push({ kind: 'mobile', found: text.slice(groups[i]?.at ?? 0, end) });
          i = j;
          break;
        }
      }
    }
  }
  return findings;
}

/** 17 digits and a check character, in groups of three or more split by single separators, with 18xx–20xx where the birth year goes. */
export function findIdCards(text: string): Finding[] {
  const plain = ascii(text);
  const findings: Finding[] = [];
  // no dots: "18130176.4496" is an amount
  for (const m of plain.matchAll(/(?<![\dA-Za-z.])(?:\d[ \-_]?){17}[\dXx](?![\dA-Za-z]|\.\d)/g)) {
    const digits = m[0].replace(/[^\dXx]/g, '');
    const grouped = m[0].split(/[ \-_]/).every((group) => group.length >= 3);
    if (grouped && /^\d{6}(?:18|19|20)/.test(digits)) findings.push({ kind: 'id-card', found: text.slice(m.index, m.index + m[0].length) });
  }
  return findings;
}

/** Labels after which a private person's name is written on forms. */
const PRIVATE_LABEL = /(?:填表人|填报人|联系人|经办人|审核人|复核人|受访人|受访者|被访者|调查对象|调查人员|被调查人|姓名|签名|签字)/g;
/** What may follow such a label and still not be a person: groups, offices, form fields. */
const NOT_A_PERSON = /群众|参保|居民|职工|人员|单位|科|股|室|办|局|所|对象|代表|企业|农户|学生|公众|部门|全体|性别|年龄|日期|时间|电话|手机|姓名|盖章|确认|意见|填报|审核|后|员|数/;
/** A label right after an official's role ("单位负责人签字") introduces an official, whose name stays. */
const OFFICIAL_BEFORE = /(?:负责人|局长|主任|书记|领导)[\s(（]*$/;

const NAME_AFTER = (breaks: string) =>
  new RegExp(`^(?:[(（][^)）]{0,4}[)）])?[\\s:：|｜_＿]{${breaks}}((?:[\\u4e00-\\u9fff][ \\u3000]?){2,4}|[\\u4e00-\\u9fff]+·[\\u4e00-\\u9fff]+)(?![\\u4e00-\\u9fff])`);
const NAME_AFTER_LABEL = NAME_AFTER('0,6');
/** 姓名 / 签名 / 签字 are a label only as a field: "签字完成的…" is prose. */
const NAME_AFTER_FIELD = NAME_AFTER('1,6');

export function findNamesAfterLabels(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(PRIVATE_LABEL)) {
    if (OFFICIAL_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const name = (/^(?:姓名|签名|签字)$/.test(m[0]) ? NAME_AFTER_FIELD : NAME_AFTER_LABEL).exec(after)?.[1]?.trim();
    if (name && !NOT_A_PERSON.test(name)) findings.push({ kind: 'name', found: name });
  }
  return findings;
}

/** Every piece of personal data the detector sees in a text. */
export function findPersonalData(text: string): Finding[] {
  return [...findMobileNumbers(text), ...findIdCards(text), ...findNamesAfterLabels(text)];
}
