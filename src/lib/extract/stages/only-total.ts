import type { DraftFigure } from '../types';

/**
 * A report's income and expenditure totals are 本年收入合计 / 本年支出合计 where it states them; a report that
 * states only 收入总计 / 支出总计 / 收、支总计 / 收支总预算 (which add the carry-over) has nothing else to offer, and that grand
 * total is then its only stated total. Reads the grand totals this way only when no reader found the metric
 * itself, so a stated 本年合计 always wins.
 */
export function onlyStatedTotals(figures: readonly DraftFigure[]): DraftFigure[] {
  const stated = (metric: DraftFigure['metric']) => figures.some((f) => f.metric === metric && f.scope === '');
  const wantIncome = !stated('income_total');
  const wantExpenditure = !stated('expenditure_total');
  const out: DraftFigure[] = [];
  for (const f of figures) {
    if (f.metric !== 'grand_total' || f.scope !== '') continue;
    const label = f.quote.replace(/\s+/g, '');
    const both = /收[、,，]?支总(?:计|预算)/.test(label);
    const promoted = { ...f, rule: `only stated total (${f.rule ?? 'grand total'})`, confidence: Math.min(f.confidence ?? 1, 0.7) };
    if (wantIncome && (both || /收入总计/.test(label))) out.push({ ...promoted, metric: 'income_total' });
    if (wantExpenditure && (both || /支出总计/.test(label))) out.push({ ...promoted, metric: 'expenditure_total' });
  }
  return out;
}
