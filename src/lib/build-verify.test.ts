import { describe, expect, it } from 'vitest';
import { countShortfall, csvColumn, elementIdsWithPrefix, jsonColumn, missingIds, shortfall } from './build-verify';

describe('missingIds and shortfall', () => {
  it.each([
    [['a', 'b', 'c'], ['a', 'b', 'c'], []],
    [['a', 'b', 'c'], ['a', 'c', 'x'], ['b']],
    [['a', 'b'], [], ['a', 'b']],
  ])('expected %j, found %j → missing %j', (expected, found, missing) => {
    expect(missingIds(expected, new Set(found))).toEqual(missing);
  });

  it('names the file, the counts and the first missing ids', () => {
    const ids = Array.from({ length: 8 }, (_, k) => `r-f-000${k}`);
    expect(shortfall('dist/reports/r.html', 'figures', ids, new Set(['r-f-0000']))).toEqual({
      file: 'dist/reports/r.html',
      message: 'has 1 of the 8 figures the dataset has; missing: r-f-0001, r-f-0002, r-f-0003, r-f-0004, r-f-0005 and 2 more',
    });
    expect(shortfall('x', 'figures', ids, new Set(ids))).toBeNull();
  });

  it.each([
    [10, 10, null],
    [10, 12, null],
    [10, 0, 'has 0 entries, data/figures/*.csv has 10: 10 missing'],
  ])('%d rows in data/, %d entries', (expected, found, message) => {
    expect(countShortfall('content/figures.json', 'entries', expected, found, 'data/figures/*.csv')?.message ?? null).toBe(message);
  });
});

describe('reading what was built', () => {
  it('finds the element ids of a report’s figures, not those of another report or of text', () => {
    const html = '<tr id="r-1-f-0001"><td>r-1-f-0009</td></tr><tr id="r-1-f-0002"></tr><tr id="r-10-f-0001"></tr><a href="#r-1-f-0003">';
    expect([...elementIdsWithPrefix(html, 'r-1-f-')]).toEqual(['r-1-f-0001', 'r-1-f-0002']);
  });

  it('reads a column of a CSV export with a BOM and a quote spanning lines', () => {
    expect(csvColumn('\uFEFFfigure_id,quote\na,"one\ntwo"\nb,x\n', 'figure_id')).toEqual(['a', 'b']);
    expect(csvColumn('id\n', 'figure_id')).toBeNull();
  });

  it('reads a key of a JSON export', () => {
    expect(jsonColumn('[{"id":"a"},{"id":"b"}]', 'id')).toEqual(['a', 'b']);
    expect(jsonColumn('{}', 'id')).toBeNull();
  });
});
