/**
 * Reports attach forms that name private people (survey respondents, the clerk who filled in a form) and
 * print mobile numbers. The site republishes report text, so these are masked before any text reaches a
 * page or an export. Masking keeps the length of the text, so offsets of quotes stay valid.
 */

const MASK = '●';

/**
 * Mainland mobile numbers: 11 digits starting 13–19, optionally after +86, written whole or in 3-4-4 groups
 * separated by a space or a dash; matched on the half-width copy, so full-width digits count too.
 */
const MOBILE = /(?<![\d\w])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g;

/** Form labels after which a private person's name is written. Heads of units (单位负责人) are public officials. */
const NAME_LABEL = /(?:填报人姓名|填报人|联系人|经办人|签字人|调查人员|调查人|调查对象|受访者|被调查人)[ \t]*(?:[(（]\s*(?:签字|签名|签章)\s*[)）])?[ \t]*[:：]?[ \t_＿]*/g;
/** One name: two to four characters, possibly spaced ("张  三"), that ends at a field break. */
const NAME = /^([\u4e00-\u9fa5](?:[ \u3000]{0,2}[\u4e00-\u9fa5]){1,3}?)(?=[^\u4e00-\u9fa5 \u3000]|[ \u3000]*(?:联系|电话|手机|性别|单位|填报|日期|时间|签)|[ \u3000]{2,}|[ \u3000]*$)/;
/** Words that follow such labels but name a group, not a person ("调查对象：参保群众"). */
const NOT_A_NAME = /群众|参保|居民|职工|人员|单位|科室|办公室|患者|对象|代表|医院|机构|企业|农户|学生|服务|社会|公众|部门|本人|全体/;

const halfWidthDigits = (text: string) => text.replace(/[０-９＋－]/g, (ch) => (ch === '＋' ? '+' : ch === '－' ? '-' : String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 48)));

/** Private names found after form labels (a list separated by 、 or ， counts name by name). */
export function findPrivateNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(NAME_LABEL)) {
    let rest = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    for (;;) {
      const name = NAME.exec(rest)?.[1];
      if (!name || NOT_A_NAME.test(name)) break;
      names.add(name);
      rest = rest.slice(name.length);
      const separator = /^[、，,][ \t]*/.exec(rest);
      if (!separator) break;
      rest = rest.slice(separator[0].length);
    }
  }
  return [...names];
}

/** Whether a text contains a mobile number or a private name (quotes must not). */
export function containsPersonalData(text: string, privateNames: readonly string[]): boolean {
  return new RegExp(MOBILE).test(halfWidthDigits(text)) || privateNames.some((n) => text.includes(n));
}

/** The text with mobile numbers and private names (everywhere they occur) masked, same length. */
export function redactPersonalData(text: string): string {
  const names = findPrivateNames(text);
  // the half-width copy has the same length (one code unit per digit), so offsets carry over
  const half = halfWidthDigits(text);
  let out = '';
  let last = 0;
  // a fresh expression: a global one keeps its lastIndex between calls
  for (const m of half.matchAll(new RegExp(MOBILE))) {
    out += text.slice(last, m.index) + MASK.repeat(m[0].length);
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  for (const name of names) out = out.split(name).join(MASK.repeat(name.length));
  return out;
}
