import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryCache, runKey } from './content-cache';
import { buildCollections } from './dataset';
import { readDataset } from './dataset-files';
import { runChecks } from './checks';
import { validateDataset } from './validate';
import { writeCorpus } from './synthetic/corpus';

describe('runKey', () => {
  const files = new Map([
    ['data/a.csv', '1'],
    ['data/b.csv', '2'],
  ]);
  it.each([
    ['the same files in another order', new Map([...files].reverse()), 2026, 'code', true],
    ['another file content', new Map([...files, ['data/b.csv', '3']]), 2026, 'code', false],
    ['one more file', new Map([...files, ['data/c.csv', '4']]), 2026, 'code', false],
    ['another year', files, 2027, 'code', false],
    ['other code', files, 2026, 'code2', false],
  ])('%s → same key: %s', (_, other, year, code, same) => {
    expect(runKey(code, other, year) === runKey('code', files, 2026)).toBe(same);
  });
});

describe('buildCollections with a cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'content-cache-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const summary = writeCorpus(24, 'cache', (path, content) => {
    mkdirSync(dirname(join(root, 'data', path)), { recursive: true });
    writeFileSync(join(root, 'data', path), content);
  });
  const { problems, dataset } = validateDataset(readDataset(root), 2026);

  it('gives the findings runChecks gives, in its order', () => {
    expect(problems).toEqual([]);
    const collections = buildCollections(dataset);
    expect(collections.findings).toEqual(runChecks(collections));
    expect(collections.findings.length).toBeGreaterThanOrEqual(summary.planted.length);
  });

  it('takes every report’s results from the cache on a second run, and they are the same', () => {
    const first = memoryCache({});
    const fresh = buildCollections(dataset, first, 'v1');
    expect(first.hits()).toBe(0);
    const second = memoryCache(first.used());
    const again = buildCollections(dataset, second, 'v1');
    expect(second.hits()).toBe(summary.reports);
    expect(again).toEqual(fresh);
    // other code: nothing is taken from the cache
    const third = memoryCache(first.used());
    buildCollections(dataset, third, 'v2');
    expect(third.hits()).toBe(0);
  });

  it('recomputes a report whose figures changed, and only that one', () => {
    const first = memoryCache({});
    buildCollections(dataset, first, 'v1');
    const edited = { ...dataset, figures: dataset.figures.map((f, k) => (k === 0 ? { ...f, row: { ...f.row, note: 'changed' } } : f)) };
    const second = memoryCache(first.used());
    buildCollections(edited, second, 'v1');
    expect(second.hits()).toBe(summary.reports - 1);
  });
});
