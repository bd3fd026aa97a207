import type { Extraction } from '../../src/lib/extract';

/**
 * The extractor's output for one document as a golden snapshot: unit, year, kind, then one figure per line
 * with a fixed key order, values as written — so a change to the extractor reads as a line diff.
 */
export function goldenSnapshot(extraction: Extraction): string {
  const field = (key: string, value: unknown) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const figures = extraction.figures.map((f) => {
    const fields = [
      field('metric', f.metric),
      field('phase', f.phase),
      field('scope', f.scope),
      field('item', f.item),
      field('value', f.value),
      field('unit', f.unit),
      field('quote', f.quote),
      // why it was read: a change of reader or rule shows in the diff even when the figure stays the same
      ...(['reader', 'rule', 'confidence'] as const).filter((key) => f[key] !== undefined).map((key) => field(key, f[key])),
    ];
    return `    {${fields.join(', ')}}`;
  });
  const header = [field('unit', extraction.unit), field('year', extraction.year), field('kind', extraction.kind)];
  const list = figures.length === 0 ? '[]' : `[\n${figures.join(',\n')}\n  ]`;
  return `{\n${header.map((h) => `  ${h},`).join('\n')}\n  "figures": ${list}\n}\n`;
}
