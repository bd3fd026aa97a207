/**
 * Changes from the previous year: a stated rate of change against change ÷ previous year's value (the
 * previous value is stated, or is this year's value less the stated change), and a large change stated
 * without a reason.
 */
import type { FigureEntry } from '../../../schemas/figure';
import { abs, cmp, decimalsOf, div, divideIntervals, intervalOf, isZero, mul, overlaps, rat, scaleInterval, sub, type Interval, type Rational } from '../exact';
import { amountOf, canonicalItem, figureRef, inSourceOrder, isAmount, measured, nameOf, statedText, type CheckInput, type Draft, type RefDraft, type Stated } from '../context';
import { formatDifference, formatPercent } from '../quantity';
import { givesReason } from '../text';
import { tr } from '../i18n';

const HUNDRED = rat(100n);
/** A change of at least this many percent is large enough to need a stated reason. */
export const LARGE_CHANGE_PERCENT = 30n;

interface Change {
  /** The figure that names the quantity (the rate, the change or the previous value). */
  anchor: FigureEntry;
  rate?: FigureEntry;
  change?: Stated;
  current?: Stated;
  prior?: Stated;
}

function changesOf(input: CheckInput): Change[] {
  const byKey = new Map<string, Change>();
  for (const f of inSourceOrder(input.figures)) {
    if (f.scope !== 'change_vs_prior' && f.scope !== 'prior_year') continue;
    const key = `${f.metric}|${f.phase}|${canonicalItem(f.item)}`;
    if (byKey.has(key)) continue;
    const where = { metric: f.metric, phase: f.phase, item: canonicalItem(f.item) };
    const rate = input.figures.find((g) => g.scope === 'change_vs_prior' && g.unit === '%' && g.metric === f.metric && g.phase === f.phase && canonicalItem(g.item) === where.item);
    const near = rate?.quote_offset ?? f.quote_offset;
    const change: Change = { anchor: rate ?? f };
    if (rate) change.rate = rate;
    const amount = amountOf(input.figures, { ...where, scope: 'change_vs_prior' }, near);
    const current = amountOf(input.figures, { ...where, scope: '' }, near);
    const prior = amountOf(input.figures, { ...where, scope: 'prior_year' }, near);
    if (amount) change.change = amount;
    if (current) change.current = current;
    if (prior) change.prior = prior;
    byKey.set(key, change);
  }
  return [...byKey.values()];
}

/** The previous value and the change, exact and as intervals, from whichever two of them the report states. */
function previousAndChange(c: Change): { prior: Rational; change: Rational; priorRange: Interval; changeRange: Interval } | null {
  if (c.prior && c.current) {
    const p = intervalOf(c.prior.m);
    const v = intervalOf(c.current.m);
    const change = c.change ?? undefined;
    return {
      prior: c.prior.m.value,
      change: change ? change.m.value : sub(c.current.m.value, c.prior.m.value),
      priorRange: p,
      changeRange: change ? intervalOf(change.m) : { lo: sub(v.lo, p.hi), hi: sub(v.hi, p.lo) },
    };
  }
  if (c.change && c.current) {
    const a = intervalOf(c.change.m);
    const v = intervalOf(c.current.m);
    return { prior: sub(c.current.m.value, c.change.m.value), change: c.change.m.value, priorRange: { lo: sub(v.lo, a.hi), hi: sub(v.hi, a.lo) }, changeRange: a };
  }
  return null;
}

const refsOf = (c: Change): RefDraft[] =>
  [c.rate, c.change?.figure, c.current?.figure, c.prior?.figure].filter((f): f is FigureEntry => f !== undefined).map(figureRef);

export function checkChangeRate(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  for (const c of changesOf(input)) {
    const rate = c.rate ? measured(c.rate) : null;
    const values = previousAndChange(c);
    if (!c.rate || !rate || !values || (c.change && !isAmount(c.change.figure))) continue;
    if (isZero(values.prior)) {
      out.push({
        severity: 'warning',
        message: tr('check.changeRate.zeroPrior', { name: nameOf(c.rate), rate: statedText(c.rate) }),
        refs: refsOf(c),
        stated: statedText(c.rate),
        computed: '',
        difference: '',
      });
      continue;
    }
    const range = divideIntervals(values.changeRange, values.priorRange);
    const exact = div(values.change, values.prior);
    if (!range || !exact) continue;
    if (overlaps(scaleInterval(range, HUNDRED), intervalOf(rate))) continue;
    const percent = mul(exact, HUNDRED);
    const computed = formatPercent(percent, decimalsOf(c.rate.value));
    out.push({
      severity: 'error',
      message: tr('check.changeRate.message', { name: nameOf(c.rate), rate: statedText(c.rate), computed }),
      refs: refsOf(c),
      stated: statedText(c.rate),
      computed,
      difference: formatDifference(sub(rate.value, percent), c.rate),
    });
  }
  return out;
}

export function checkChangeWithoutReason(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  const text = input.report.text;
  for (const c of changesOf(input)) {
    let percent: Rational | null = null;
    const rate = c.rate ? measured(c.rate) : null;
    if (rate) percent = rate.value;
    else {
      const values = previousAndChange(c);
      const q = values && !isZero(values.prior) ? div(values.change, values.prior) : null;
      if (q) percent = mul(q, HUNDRED);
    }
    if (!percent || cmp(abs(percent), rat(LARGE_CHANGE_PERCENT)) < 0) continue;
    const passages = [c.rate, c.change?.figure, c.prior?.figure].filter((f): f is FigureEntry => f !== undefined);
    if (passages.some((f) => givesReason(text, f.quote_offset, f.quote.length))) continue;
    const shown = c.rate ? statedText(c.rate) : formatPercent(percent, 0);
    out.push({
      severity: 'warning',
      message: tr('check.changeWithoutReason.message', { name: nameOf(c.anchor), rate: shown, threshold: LARGE_CHANGE_PERCENT.toString() }),
      refs: refsOf(c),
      stated: c.rate ? statedText(c.rate) : '',
      computed: c.rate ? '' : shown,
      difference: '',
    });
  }
  return out;
}
