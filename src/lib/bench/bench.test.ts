import { describe, expect, it } from 'vitest';
import { descendantsOf, parseProcStat, stageOf } from './process-tree';
import { assetRefs, inlineScriptBytes, median } from './pages';

describe('parseProcStat', () => {
  it.each([
    [
      '1234 (node) S 1200 1234 1200 0 -1 4194560 1 0 0 0 5 1 0 0 20 0 11 0 100 900000000 25600 18446744073709551615',
      { pid: 1234, ppid: 1200, rssPages: 25600 },
    ],
    // a command name with spaces and a parenthesis
    ['77 (my (odd) cmd) R 5 77 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 1000 42 0', { pid: 77, ppid: 5, rssPages: 42 }],
  ])('%s', (text, expected) => {
    expect(parseProcStat(text)).toEqual(expected);
  });

  it('refuses what is not a stat line', () => {
    expect(parseProcStat('')).toBeNull();
  });
});

describe('descendantsOf', () => {
  const tree = [
    { pid: 10, ppid: 1, rssPages: 0 },
    { pid: 11, ppid: 10, rssPages: 0 },
    { pid: 12, ppid: 11, rssPages: 0 },
    { pid: 13, ppid: 10, rssPages: 0 },
    { pid: 20, ppid: 1, rssPages: 0 },
  ];
  it.each([
    [10, [10, 11, 12, 13]],
    [11, [11, 12]],
    [20, [20]],
  ])('below %d', (root, expected) => {
    expect(descendantsOf(root, tree).sort()).toEqual(expected);
  });
});

describe('stageOf', () => {
  it.each([
    [['npm\u0000run\u0000build', 'node\u0000/x/node_modules/.bin/tsx\u0000scripts/build-content.ts'], 'data'],
    [['sh\u0000-c\u0000npm run content && astro build', 'node\u0000/x/node_modules/.bin/astro\u0000build'], 'astro'],
    [['node\u0000/x/node_modules/pagefind/lib/runner/bin.cjs\u0000--site\u0000dist'], 'pagefind'],
    [['node\u0000/x/node_modules/.bin/tsx\u0000scripts/search-words.ts\u0000dist'], 'pagefind'],
    [['node\u0000/x/node_modules/.bin/tsx\u0000scripts/verify-build.ts'], 'verify'],
    [['npm\u0000run\u0000build'], null],
    // the shell of `npm run build` names every stage in its command; only what runs counts
    [
      [
        'sh\u0000-c\u0000npm run content && astro build && pagefind --site dist',
        'node\u0000/x/node_modules/.bin/pagefind\u0000--site\u0000dist',
      ],
      'pagefind',
    ],
    [['/bin/sh\u0000-c\u0000node_modules/.bin/astro build && node_modules/.bin/pagefind --site dist'], null],
  ])('%j → %s', (commands, stage) => {
    expect(stageOf(commands)).toBe(stage);
  });
});

describe('page weight helpers', () => {
  it('finds the local scripts and style sheets a page loads', () => {
    const html =
      '<link rel="stylesheet" href="_astro/a.css"><link rel="icon" href="x.svg"><script src="js/search.js"></script>' +
      '<script type="module" src="https://cdn.example/x.js"></script><link href="b.css" rel="stylesheet">';
    expect(assetRefs(html)).toEqual({ scripts: ['js/search.js'], styles: ['_astro/a.css', 'b.css'] });
  });

  it.each([
    ['<p>no script</p>', 0],
    ['<script>let a = 1;</script>', 10],
    ['<script src="x.js"></script><script type="application/ld+json">{"a":1}</script>', 0],
  ])('%s has %d bytes of inline script', (html, bytes) => {
    expect(inlineScriptBytes(html)).toBe(bytes);
  });

  it.each([
    [[], 0],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
