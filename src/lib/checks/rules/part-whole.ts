/**
 * A part larger than its whole: 其中 行政编制 4 of 编制 3, 固定资产 24.44 of 资产总额 20.4. Parts that belong
 * to a breakdown of two or more stated parts are left to the sum rules, which say more (what the parts add
 * up to), so that one contradiction is reported once.
 */
import type { MetricKey } from '../../../schemas/vocabulary';
import { cmp, intervalOf, sub } from '../exact';
import {
  amountOf,
  canonicalItem,
  figureRef,
  inSourceOrder,
  isAmount,
  nameWithPhase,
  quantityKey,
  stated,
  statedText,
  wholeOf,
  type CheckInput,
  type Draft,
  type Stated,
} from '../context';
import { formatDifference, formatLike } from '../quantity';
import { tr } from '../i18n';
import type { SumGroup } from './sums';

/** Metrics whose items are not parts of the item-less figure. */
const COUNTED_NOT_PARTS: readonly MetricKey[] = ['project_count'];

export function checkPartExceedsWhole(input: CheckInput, groups: readonly SumGroup[]): Draft[] {
  const inBreakdown = new Set(groups.filter((g) => g.parts.length >= 2).flatMap((g) => g.parts.map((p) => quantityKey(p.figure))));
  const seen = new Set<string>();
  const out: Draft[] = [];
  for (const f of inSourceOrder(input.figures)) {
    if (!isAmount(f) || f.scope === 'change_vs_prior' || f.metric === 'budget_adjustment') continue;
    // the items of a project count name what was counted (评估, 监控 …), not parts of the projects
    if (canonicalItem(f.item) !== '' && COUNTED_NOT_PARTS.includes(f.metric)) continue;
    const key = quantityKey(f);
    if (seen.has(key) || inBreakdown.has(key)) continue;
    seen.add(key);
    const part = stated(f);
    if (!part) continue;
    let whole: Stated | undefined;
    if (canonicalItem(f.item) !== '') {
      whole = amountOf(input.figures, { metric: f.metric, phase: f.phase, scope: f.scope }, f.quote_offset);
    } else {
      const w = wholeOf(f.metric, f.scope);
      whole = w ? amountOf(input.figures, { metric: w.metric, phase: f.phase, scope: w.scope }, f.quote_offset) : undefined;
    }
    if (!whole || whole.figure.id === f.id) continue;
    // larger beyond both roundings: the smallest the part can be exceeds the largest the whole can be
    if (cmp(intervalOf(part.m).lo, intervalOf(whole.m).hi) <= 0) continue;
    out.push({
      severity: 'error',
      message: tr('check.partExceedsWhole.message', {
        part: nameWithPhase(f),
        partValue: statedText(f),
        whole: nameWithPhase(whole.figure),
        wholeValue: statedText(whole.figure),
      }),
      refs: [figureRef(f), figureRef(whole.figure)],
      stated: statedText(f),
      computed: formatLike(whole.m.value, f),
      difference: formatDifference(sub(part.m.value, whole.m.value), f),
    });
  }
  return out;
}
