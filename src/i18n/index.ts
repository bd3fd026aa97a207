import zhCN from './zh-CN.json';

/** A key of the UI dictionary (dotted, e.g. "nav.home"). */
export type MessageKey = keyof typeof zhCN;

/**
 * All user-facing text comes from the dictionary. `{name}` placeholders are filled from `vars`; a missing
 * variable is an error, not an empty string.
 */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template: string = zhCN[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`i18n: message ${key} needs {${name}}`);
    return String(v);
  });
}
