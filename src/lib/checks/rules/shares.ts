/**
 * Stated shares (占 x% / 占比 x%) against the share computed from the amounts: part ÷ whole, where the whole is
 * the metric's parent in the same report, phase and scope (inside 基本支出 / 项目支出, that part). The
 * computed share carries the rounding of both amounts; the stated share its own. A share that misses by no
 * more than one unit of its last digit is a rounding adjustment (shares forced to add up to 100%), a note at
 * most; beyond that it is a contradiction.
 */
import { METRICS } from '../../../schemas/vocabulary';
import type { FigureEntry } from '../../../schemas/figure';
import { add, cmp, decimalsOf, div, divideIntervals, gap, intervalOf, isZero, mul, overlaps, rat, scaleInterval, sub, sum, type Rational } from '../exact';
import { amountOf, canonicalItem, figureRef, inSourceOrder, measured, nameWithPhase, statedText, wholeOf, type CheckInput, type Draft } from '../context';
import { formatDifference, formatPercent } from '../quantity';
import { sameBlock } from '../text';
import { baseOf } from '../exact';
import { tr } from '../i18n';

const HUNDRED = rat(100n);

const isShareMetric = (metric: keyof typeof METRICS) => (METRICS[metric].measures as readonly string[]).some((m) => m === 'money' || m === 'count');

/** A % figure that states a share of a whole: its part's metric, not a change and not a rate metric. */
export function isShare(f: FigureEntry): boolean {
  return (f.unit === '%' || f.unit === 'ratio') && f.scope !== 'change_vs_prior' && isShareMetric(f.metric) && wholeOf(f.metric, f.scope) !== null;
}

const wholeKey = (f: FigureEntry) => {
  const w = wholeOf(f.metric, f.scope);
  return w ? `${w.metric}|${f.phase}|${w.scope}` : '';
};

/** The stated shares of the same whole in the same passage, added exactly (null when only one). */
function siblingsTotal(input: CheckInput, share: FigureEntry): Rational | null {
  const key = wholeKey(share);
  const siblings = input.figures.filter((f) => isShare(f) && wholeKey(f) === key && sameBlock(input.report.text, f.quote_offset, share.quote_offset));
  if (siblings.length < 2) return null;
  return sum(siblings.flatMap((f) => measured(f)?.value ?? []));
}

export function checkShares(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  for (const s of inSourceOrder(input.figures).filter(isShare)) {
    const w = wholeOf(s.metric, s.scope);
    const stated = measured(s);
    if (!w || !stated) continue;
    const part = amountOf(input.figures, { metric: s.metric, phase: s.phase, scope: s.scope, item: canonicalItem(s.item) }, s.quote_offset);
    const whole = amountOf(input.figures, { metric: w.metric, phase: s.phase, scope: w.scope }, s.quote_offset);
    if (!part || !whole || baseOf(part.figure.unit) !== baseOf(whole.figure.unit)) continue;
    const refs = [figureRef(s), figureRef(part.figure), figureRef(whole.figure)];
    if (isZero(whole.m.value)) {
      if (isZero(part.m.value) && isZero(stated.value)) continue; // 0 of 0 stated as 0%: nothing to say
      out.push({
        severity: 'warning',
        message: tr('check.share.zeroWhole', { share: statedText(s), part: nameWithPhase(part.figure), whole: nameWithPhase(whole.figure), wholeValue: statedText(whole.figure) }),
        refs,
        stated: statedText(s),
        computed: '',
        difference: '',
      });
      continue;
    }
    const range = divideIntervals(intervalOf(part.m), intervalOf(whole.m));
    const exact = div(part.m.value, whole.m.value);
    if (!range || !exact) continue;
    const computed = scaleInterval(range, HUNDRED);
    const statedRange = intervalOf(stated);
    if (overlaps(computed, statedRange)) continue;
    const percent = mul(exact, HUNDRED);
    const decimals = decimalsOf(s.value) + (s.unit === 'ratio' ? -2 : 0);
    const unitOfLastDigit = add(stated.half, stated.half);
    const adjustment = cmp(gap(computed, statedRange), unitOfLastDigit) <= 0;
    const total = adjustment ? siblingsTotal(input, s) : null;
    const forced = total !== null && cmp(total, HUNDRED) === 0;
    out.push({
      severity: adjustment ? 'info' : 'error',
      message: tr(adjustment ? (forced ? 'check.share.forced' : 'check.share.adjusted') : 'check.share.message', {
        share: statedText(s),
        part: nameWithPhase(part.figure),
        partValue: statedText(part.figure),
        whole: nameWithPhase(whole.figure),
        wholeValue: statedText(whole.figure),
        computed: formatPercent(percent, Math.max(0, decimals)),
      }),
      refs,
      stated: statedText(s),
      computed: formatPercent(percent, Math.max(0, decimals)),
      difference: formatDifference(sub(stated.value, percent), s),
    });
  }
  return out;
}
