import { describe, expect, it } from 'vitest';
import { shardFolders, shardsOf } from './pagefind-shards';

describe('shardsOf', () => {
  it.each([
    [0, 3, []],
    [2, 3, [2]],
    [3, 3, [3]],
    [7, 3, [3, 3, 1]],
    [6, 2, [2, 2, 2]],
  ])('%i pages in shards of %i give shards of %j', (count, size, sizes) => {
    const pages = Array.from({ length: count }, (_, i) => `p${i}.html`);
    const shards = shardsOf(pages, size);
    expect(shards.map((s) => s.length)).toEqual(sizes);
    // every page in exactly one shard, in order
    expect(shards.flat()).toEqual(pages);
  });

  it.each([0, -1, 1.5, NaN])('refuses a shard size of %s', (size) => {
    expect(() => shardsOf(['a'], size)).toThrow(/whole number/);
  });
});

describe('shardFolders', () => {
  it.each([
    [0, ['']],
    [1, ['']],
    [3, ['0/', '1/', '2/']],
  ])('%i shard(s) are listed as %j', (count, folders) => {
    expect(shardFolders(count)).toEqual(folders);
  });
});
