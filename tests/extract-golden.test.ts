import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../src/lib/extract';
import { readReportText } from '../src/lib/extract/read';
import { goldenSnapshot } from './helpers/golden';

/*
 * Golden snapshots of the extractor's output (unit, year, kind, every figure with its quote) for every text the
 * project knows: the bundled reports, the development corpus and the labelled devset. A difference writes
 * tests/golden/<set>/<id>.changed.json beside the snapshot and fails; review the diff
 * (`diff tests/golden/devset/A01.json tests/golden/devset/A01.changed.json`) and accept every change with
 * `npm run golden:update` (UPDATE_GOLDEN=1 vitest run tests/extract-golden.test.ts).
 */

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const goldenRoot = join(projectRoot, 'tests', 'golden');
const shared = join(projectRoot, '..', 'shared');
const update = process.env.UPDATE_GOLDEN === '1';

interface DocumentSet {
  name: string;
  dir: string;
  /** File names of the set's texts, each giving a snapshot named after it. */
  pattern: RegExp;
  /** Why the set is skipped, or null when it is there. */
  missing: string | null;
}

const sets: DocumentSet[] = [
  { name: 'bundled', dir: join(projectRoot, 'data', 'sources'), pattern: /^(.+)\.txt$/, missing: null },
  { name: 'corpus', dir: join(shared, 'corpus'), pattern: /^(\d+)\.txt$/, missing: null },
  { name: 'devset', dir: join(shared, 'devset', 'docs'), pattern: /^(.+)\.txt$/, missing: null },
].map((s) => ({ ...s, missing: existsSync(s.dir) ? null : `${s.dir} not found (a clone without ../shared)` }));

for (const set of sets) {
  if (set.missing) console.warn(`extract-golden: ${set.name} snapshots skipped: ${set.missing}`);
}

describe.each(sets.map((s) => [s.name, s] as const))('golden snapshots: %s', (name, set) => {
  const goldenDir = join(goldenRoot, name);
  const ids = set.missing
    ? []
    : readdirSync(set.dir)
        .map((f) => set.pattern.exec(f)?.[1])
        .filter((id): id is string => id !== undefined)
        .sort();

  it.skipIf(set.missing !== null)('has a snapshot for every text and none for a text that is gone', () => {
    expect(ids.length).toBeGreaterThan(0);
    const snapshots = existsSync(goldenDir)
      ? readdirSync(goldenDir).filter((f) => f.endsWith('.json') && !f.endsWith('.changed.json'))
      : [];
    if (update) {
      for (const f of snapshots) if (!ids.includes(f.replace(/\.json$/, ''))) rmSync(join(goldenDir, f));
      return;
    }
    expect(snapshots.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(ids);
  });

  it.skipIf(set.missing !== null).each(ids)('%s', (id) => {
    const read = readReportText(join(set.dir, `${id}.txt`));
    expect(read.ok, `${id}.txt is readable`).toBe(true);
    const extraction = extractReport(read.ok ? read.text : '');
    const snapshot = goldenSnapshot(extraction);
    // the snapshot is the extraction itself, written out: nothing lost in the writing
    expect(JSON.parse(snapshot)).toEqual({ ...extraction, figures: extraction.figures.map(({ start: _start, ...f }) => f) });

    const file = join(goldenDir, `${id}.json`);
    const changed = join(goldenDir, `${id}.changed.json`);
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, snapshot);
      rmSync(changed, { force: true });
      return;
    }
    const stored = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (stored === snapshot) {
      rmSync(changed, { force: true });
      return;
    }
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(changed, snapshot);
    const what = stored === null ? 'has no snapshot yet' : 'differs from its snapshot';
    expect.fail(
      `${name}/${id}: the extraction ${what}; review tests/golden/${name}/${id}.changed.json and accept with npm run golden:update`,
    );
  });
});
