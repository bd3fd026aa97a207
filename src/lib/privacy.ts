/**
 * Reports attach forms that name private people (survey respondents, the clerk who filled in a form) and
 * print mobile numbers. The site republishes report text, so these are masked before any text reaches a
 * page or an export. Masking keeps the length of the text, so offsets of quotes stay valid.
 */

const MASK = '●';

/** Mainland mobile numbers: 11 digits starting 13–19, not part of a longer number. */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Form labels after which a private person's name is written. Heads of units (单位负责人) are public officials. */
const NAME_LABELS = /(填报人姓名|填报人|联系人|调查人员|调查对象|受访者|被调查人)[ \t]*[:：]?[ \t_＿]*([\u4e00-\u9fa5]{2,4}?)(?=[^\u4e00-\u9fa5]|联系|电话|手机|性别|单位|填报|日期|$)/g;

/** Private names found after form labels. */
export function findPrivateNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(NAME_LABELS)) {
    const name = m[2];
    if (name) names.add(name);
  }
  return [...names];
}

/** Whether a text contains a mobile number or a private name (quotes must not). */
export function containsPersonalData(text: string, privateNames: readonly string[]): boolean {
  MOBILE.lastIndex = 0;
  return MOBILE.test(text) || privateNames.some((n) => text.includes(n));
}

/** The text with mobile numbers and private names (everywhere they occur) masked, same length. */
export function redactPersonalData(text: string): string {
  const names = findPrivateNames(text);
  let out = text.replace(MOBILE, (m) => MASK.repeat(m.length));
  for (const name of names) out = out.split(name).join(MASK.repeat(name.length));
  return out;
}
