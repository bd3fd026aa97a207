import { z } from 'zod';

/*
 * Names of units, places and projects come from the reports themselves (a `单位名称：` line, a 项目名称 cell),
 * and every byte of a report is hostile input. A real name never contains markup characters or control
 * characters, and it has a length a name can have: anything else is refused where the data enters, with
 * the file, row and field, whatever the pages do to escape it.
 */

/**
 * Longest full unit name. The longest in the data is 28 characters (乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）医疗保障局,
 * a development zone and a district in one name); twice that leaves room for longer official names.
 */
export const MAX_UNIT_NAME = 60;
/** Longest short name of a unit (the data's longest is 8, 市医保局源城分局): a short name is short. */
export const MAX_SHORT_NAME = 30;
/**
 * Longest province, city or county name. The longest real ones have 15 characters (积石山保安族东乡族撒拉族自治县,
 * 双江拉祜族佤族布朗族傣族自治县); 新疆维吾尔自治区 has 8.
 */
export const MAX_PLACE_NAME = 20;
/** Longest kind of department (医疗保障局, 人力资源和社会保障局 …). */
export const MAX_DEPARTMENT_TYPE = 30;
/**
 * Longest project name. The data's longest is 22 characters (破产改制企业退休人员医药门诊历史遗留医药费用) and the corpus
 * has 34 (51092322T000000431595-城乡居民监管工作经费, a project code and its name); a name beyond 80 is a
 * sentence or a table row taken for a name.
 */
export const MAX_PROJECT_NAME = 80;

/** Characters that open or quote markup in HTML and attributes, and template literals. */
const MARKUP_CHARACTERS = ['<', '>', '"', "'", '`'] as const;

/** A character as Unicode writes it, e.g. U+0000: how messages name a character that cannot be shown. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What a name of at most `max` characters should be, when `value` is not one (read after "expected", as
 * the validator prints it), or null when `value` is fine.
 */
export function nameFault(value: string, max: number): string | null {
  const markup = MARKUP_CHARACTERS.find((c) => value.includes(c));
  if (markup !== undefined)
    return `a name without markup characters (${MARKUP_CHARACTERS.join(' ')}): it contains the markup character ${markup}`;
  const control = /\p{Cc}/u.exec(value);
  if (control) return `a name without control characters: it contains the control character ${codePoint(control[0])}`;
  const length = [...value].length;
  if (length > max) return `a name of at most ${max} characters: it has ${length}, longer than a name can be`;
  return null;
}

/** A name (unit, place, project) of at most `max` characters; `short` is the message for one shorter than `min`. */
export function safeName(max: number, min = 0, short = 'a name') {
  return z
    .string()
    .min(min, short)
    .superRefine((value, ctx) => {
      const fault = nameFault(value, max);
      if (fault !== null) ctx.addIssue({ code: z.ZodIssueCode.custom, message: fault });
    });
}
