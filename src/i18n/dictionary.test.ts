import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// JSON.parse keeps the last of two equal keys without a word, so a string appended to the dictionary by one change
// can silently replace another's (report.fullTextLabel was defined three times, and the page showed the stale one).
const keysOf = (text: string): string[] => [...text.matchAll(/^\s*"((?:[^"\\]|\\.)*)"\s*:/gmu)].map((m) => m[1] ?? '');

describe('the UI dictionary', () => {
  it('finds a repeated key', () => {
    const keys = keysOf('{\n  "a.b": "1",\n  "c": "2",\n  "a.b": "3"\n}');
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual(['a.b']);
  });

  it('defines each key once', () => {
    const text = readFileSync(new URL('./zh-CN.json', import.meta.url), 'utf8');
    const keys = keysOf(text);
    expect(keys.length).toBe(Object.keys(JSON.parse(text) as object).length + keys.filter((k, i) => keys.indexOf(k) !== i).length);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
