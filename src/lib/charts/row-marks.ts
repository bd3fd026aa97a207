import type { RenderFunction } from '@observablehq/plot';

/**
 * The marks of a comparison chart carry the key of the table row they draw (`data-row`, the same key as the
 * row's <tr data-row>), so that public/js/compare.js can show only the rows the table's filters leave. A bar
 * chart also says how to close the gaps the hidden rows leave: its band labels in order (`data-bands`), the
 * height of a band (`data-step`), the axis below the bands (`data-below`) and the lines across them
 * (`data-span`). Everything is written at build time; the page works whole without the script.
 */

/**
 * A Plot render transform that writes `keys[i]` as `data-row` on the element drawn for datum i (Plot draws one
 * child per datum of the filtered index, in index order; a bar with a link is an <a> around its <rect>).
 * `bands` marks the group whose children are the band labels, in band order.
 */
export function markRows(keys: readonly (string | undefined)[], options: { bands?: boolean } = {}): RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const group = next ? next(index, scales, values, dimensions, context) : null;
    if (!group || !keys.some((k) => k !== undefined)) return group;
    const children = [...group.children];
    // a mark that drew a different number of elements than its index cannot be matched to rows
    if (children.length !== index.length) return group;
    children.forEach((child, i) => {
      const key = keys[index[i] ?? -1];
      if (key !== undefined) child.setAttribute('data-row', key);
    });
    if (options.bands) group.setAttribute('data-bands', '');
    return group;
  };
}

/** Plot's names (aria-label) of the x axis' parts below the bands, and of the marks drawn across every band. */
const BELOW = new Set(['x-axis tick', 'x-axis tick label', 'x-axis label']);
const ACROSS = new Set(['x-grid', 'rule']);

/**
 * Marks the parts of a rendered bar chart that move when compare.js closes the gap of a hidden row. Call it
 * before the inner aria-labels are taken off (Chart.astro), on an SVG whose rows are marked (markRows, bands):
 * anything else is left as it is. `step` is the y scale's band step in px.
 */
export function markRowLayout(svg: Element, step: number | undefined): void {
  if (!svg.querySelector('[data-bands]') || step === undefined || !(step > 0)) return;
  svg.setAttribute('data-step', String(step));
  for (const group of svg.children) {
    const name = group.tagName.toLowerCase() === 'g' ? (group.getAttribute('aria-label') ?? '') : '';
    if (BELOW.has(name)) group.setAttribute('data-below', '');
    else if (ACROSS.has(name)) group.setAttribute('data-span', '');
  }
}
