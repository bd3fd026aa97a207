/**
 * A report's figures grouped by the section of its text that states them: the sections the full text is shown in
 * (src/lib/source-sections.ts). A report with hundreds of figures then reads as its own outline — "七、“三公”经费…
 * (50)" — instead of one list a phone scrolls through for metres, and a group's title is the heading a reader
 * sees when they open the text there.
 */
import type { SourceSection } from './source-sections';

/** Up to this many figures a report's groups start open: a short list is read whole, a long one by its outline. */
export const FIGURE_GROUPS_OPEN_UP_TO = 40;

/** The figures one section of the text states, in the order they were given. */
export interface FigureGroup<T> {
  section: SourceSection;
  rows: T[];
}

/**
 * Groups rows (each with the line of the text where its quote starts) by the section that holds that line, in
 * the order of the sections; sections that state no figure have no group. `sections` must cover every line of
 * the rows' text in order, as `sourceSections` does: a line no section holds is an error, not a dropped figure.
 */
export function groupBySection<T extends { line: number }>(rows: readonly T[], sections: readonly SourceSection[]): FigureGroup<T>[] {
  const bySection = new Map<number, T[]>();
  for (const row of rows) {
    const index = sectionIndex(sections, row.line);
    if (index < 0)
      throw new Error(`figure-groups: no section holds line ${row.line} (sections cover lines 1–${sections.at(-1)?.last ?? 0})`);
    const list = bySection.get(index);
    if (list) list.push(row);
    else bySection.set(index, [row]);
  }
  return [...bySection]
    .sort(([a], [b]) => a - b)
    .flatMap(([index, list]) => {
      const section = sections[index];
      return section ? [{ section, rows: list }] : [];
    });
}

/** Whether the groups start open: when the whole list is short, or when there is only one group to open anyway. */
export function groupsStartOpen(figureCount: number, groupCount: number): boolean {
  return figureCount <= FIGURE_GROUPS_OPEN_UP_TO || groupCount <= 1;
}

/** Index of the section holding a line, by binary search over sections in order; -1 when none does. */
function sectionIndex(sections: readonly SourceSection[], line: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const section = sections[mid];
    if (!section) return -1;
    if (line < section.first) hi = mid - 1;
    else if (line > section.last) lo = mid + 1;
    else return mid;
  }
  return -1;
}
