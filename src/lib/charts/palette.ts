import type { Phase } from '../../schemas/vocabulary';

/**
 * The one palette of the site's charts. Phases keep their colour on every page (a 决算 bar is the same green
 * on the unit page, the comparison pages and the embeds), and every colour reaches WCAG 2.1's 3:1 against the
 * white chart background (1.4.11, graphical objects); palette.test.ts measures it.
 */

export const CHART_BACKGROUND = '#ffffff';

/** Budget phases: 年初预算 blue, 调整后预算 brown, 决算/执行数 green. */
export const PHASE_COLOURS: Record<Phase, string> = {
  budget: '#2f6497',
  adjusted: '#8a5300',
  actual: '#2e7d32',
};

/** The parts of 三公经费, and a total drawn where a report states no part. */
export const SANGONG_COLOURS = {
  abroad: '#2f6497',
  vehicle: '#b34700',
  reception: '#2e7d32',
  total: '#5f6b76',
} as const;

/** Basic vs project expenditure. */
export const SHARE_COLOURS = {
  basic: '#2f6497',
  project: '#b34700',
} as const;

/** A bar of one value (a rate, an amount per person); a rate above 100% in a warning red. */
export const BAR_COLOUR = '#2f6497';
export const OVER_COLOUR = '#b02a2a';
/** Rules and reference lines. */
export const RULE_COLOUR = '#333333';

function channel(hex: string, at: number): number {
  const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
