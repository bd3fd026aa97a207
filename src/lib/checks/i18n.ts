import zhCN from '../../i18n/zh-CN.json';
import { t, type MessageKey } from '../../i18n';

/** Whether a dictionary key exists (rule texts are looked up by rule id). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/** A message by a key built at run time; a missing key is an error, never an empty string. */
export function tr(key: string, vars: Record<string, string | number> = {}): string {
  if (!isMessageKey(key)) throw new Error(`i18n: no message ${key}`);
  return t(key, vars);
}

/** A rule's title or explanation (`rule.<id>.title` / `rule.<id>.explanation`). */
export function ruleText(ruleId: string, part: 'title' | 'explanation'): string {
  return tr(`rule.${ruleId}.${part}`);
}
