import { METRICS, type MetricKey } from '../../../schemas/vocabulary';
import { SPLITS, WHOLES } from '../lexicon';
import { onlyConnectors } from './clause';

/*
 * Parts and wholes in prose: what a sentence lists after 其中, inside a named amount (…中…), or in brackets after
 * 含, is a part of the amount before it — a fact of its own, or none of the vocabulary's, but never that amount.
 * Each rule reads words only; the prose reader passes the words between the positions it knows.
 */

/**
 * "实有在职人员30人，其中行政编制6名" / "在职人员24人（行政编制8人": an item label (行政编制) after a count breaks the
 * count down — `sinceCount` is the text from the count's clause to the label.
 */
export function breaksDownCount(listingParts: boolean, sinceCount: string): boolean {
  return listingParts || /其中|[(（][^)）]*$/.test(sinceCount);
}

/**
 * "现有职工24人，其中在编人员16人": after 其中, a part of a whole named like the whole (no item of its own) is
 * not the whole. `sinceWhole` is the text from the whole's clause to the part's label.
 */
export function partNamedLikeWhole(whole: MetricKey | null, metric: MetricKey, item: string, sinceWhole: string): boolean {
  return whole === metric && WHOLES.has(metric) && item === '' && /其中/.test(sinceWhole);
}

/**
 * "基本支出中医疗业务支出5868.43万元": a part inside the named amount, named by words no label knows, is not the
 * amount. `afterLabel` is the text between the label and the number.
 */
export function partInsideAmount(afterLabel: string): boolean {
  const inside = /^中([\u4e00-\u9fa5]{2,})/.exec(afterLabel.replace(/\s+/g, ''));
  return inside !== null && !onlyConnectors(inside[1] ?? '');
}

/**
 * "机构运行 1100910.5 元，其中：基本支出 1100910.5 元": the split of an amount no label names (a functional item)
 * by purpose is that item's, not the unit's basic or project expenditure. `sinceUnnamed` is the text from the
 * unnamed amount to the label, null when none stands before it.
 */
export function splitOfUnnamedAmount(metric: MetricKey, sinceUnnamed: string | null): boolean {
  return SPLITS.has(metric) && sinceUnnamed !== null && /其中/.test(sinceUnnamed);
}

/** Whether the words before a bare 支出 name an item no label knows (not the unit, a period, or 共/累计). */
export function unknownItemBefore(text: string): boolean {
  const words = text.replace(/\s+/g, '');
  return (
    /[\u4e00-\u9fa5]{2}$/.test(words) &&
    !/(?:单位|部门|[院局站所校]|中心|全年|年度|本年|当年|实际|累计|合计|总计|项目|资金)(?:共计|共|累计|实际)?$/.test(words)
  );
}

/** Where an open bracket of what an amount includes ("(含…", "（包括…") starts in `before`, or null. */
export function openInclusion(before: string): number | null {
  return /[(（]\s*(?:含|包含|包括)\s*([^()（）]*)$/.exec(before)?.index ?? null;
}

/**
 * "预算2729.47万元(含援外医疗队公务用车购置及运行费1199.00万元)": inside such a bracket, a number is read only
 * when a label of its own stands right after 含 or after the part before it (含人员支出…、公用支出…), names no
 * budget phase, and differs from the amount the bracket belongs to; otherwise it is a part, not a figure.
 * `bracketToLabel` is the text from the bracket to the label, null when the number has no label.
 */
export function includedPartIsRead(bracketToLabel: string | null, metric: MetricKey, whole: MetricKey | null): boolean {
  const namedRight = bracketToLabel !== null && /(?:含|包含|包括|[、,;%\d元])\s*$/.test(bracketToLabel);
  return namedRight && !metric.startsWith('budget_') && whole !== metric;
}

/**
 * "公务接待费支出决算为0.39万元，完成预算的13.68%": a 完成预算 rate right after a 三公 amount in the same sentence
 * is that part's rate, not the unit's budget execution; it names the part as its item (as curated rows do).
 * `previous` is the sentence's last figure before the rate; '' when the rate speaks of no 三公 part.
 */
export function partOfRate(previous: { metric: MetricKey } | undefined): string {
  return previous !== undefined && previous.metric.startsWith('sangong_') ? METRICS[previous.metric].label : '';
}
