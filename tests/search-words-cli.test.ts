import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlFiles, projectRoot, requireBuild } from './helpers/built-site';

const run = (dir: string, ...args: string[]) =>
  execFileSync(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/search-words.ts', dir, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
  });

// scripts/search-words.ts shares the pages among worker threads; what it writes must not depend on how many.
describe('search-words over worker threads', () => {
  const root = mkdtempSync(join(tmpdir(), 'mz-search-words-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the same pages with one thread and with three, and adds the words to every page that has none', () => {
    requireBuild();
    const pages = 12;
    const one = join(root, 'one');
    for (let i = 0; i < pages; i++) {
      mkdirSync(join(one, 'p'), { recursive: true });
      writeFileSync(
        join(one, 'p', `${i}.html`),
        `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body><h1>第${i}页</h1><p>公务接待费 ${i} 万元，因公出国（境）费。</p></main></body></html>`,
      );
    }
    const three = join(root, 'three');
    cpSync(one, three, { recursive: true });
    expect(run(one, '--threads', '1', '--no-cache')).toContain(`added to ${pages} page(s) (1 thread(s))`);
    expect(run(three, '--threads', '3', '--no-cache')).toContain(`added to ${pages} page(s) (3 thread(s))`);
    for (const page of htmlFiles(one)) {
      const written = readFileSync(join(one, page), 'utf8');
      expect(written, page).toContain('data-search-words');
      expect(readFileSync(join(three, page), 'utf8'), page).toBe(written);
    }
    // a second run finds every page done
    expect(run(three, '--threads', '3', '--no-cache')).toContain('added to 0 page(s)');
  });

  it('segments again only the texts an earlier build did not, and writes the same pages', () => {
    requireBuild();
    const cache = join(root, 'cache', 'words.json');
    const first = join(root, 'first');
    mkdirSync(join(first, 'p'), { recursive: true });
    for (let i = 0; i < 6; i++)
      writeFileSync(
        join(first, 'p', `${i}.html`),
        `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body><h1>第${i}页</h1><p>公务接待费 ${i} 万元。</p><div data-search-fulltext><p>原文第${i}段：医疗救助支出。</p></div></main></body></html>`,
      );
    const again = join(root, 'again');
    const changed = join(root, 'changed');
    const broken = join(root, 'broken');
    for (const dir of [again, changed, broken]) cpSync(first, dir, { recursive: true });
    // each page has two texts to segment (the default index's and the full text's); a second build segments none
    expect(run(first, '--threads', '2', '--cache', cache)).toContain('; 0 text(s) segmented by an earlier build');
    expect(run(again, '--threads', '1', '--cache', cache)).toContain('; 12 text(s) segmented by an earlier build');
    for (const page of htmlFiles(first))
      expect(readFileSync(join(again, page), 'utf8'), page).toBe(readFileSync(join(first, page), 'utf8'));
    // one page's full text changed: that text alone is segmented again
    const zero = join(changed, 'p', '0.html');
    writeFileSync(zero, readFileSync(zero, 'utf8').replace('医疗救助', '公费医疗'));
    expect(run(changed, '--threads', '1', '--cache', cache)).toContain('; 11 text(s) segmented by an earlier build');
    expect(readFileSync(zero, 'utf8')).toMatch(/data-search-fulltext[^>]*>[^<]*公费/);
    // an unreadable cache (a build stopped while writing it) is ignored, and written again whole
    writeFileSync(cache, '{"half');
    expect(run(broken, '--threads', '1', '--cache', cache)).toContain('; 0 text(s) segmented by an earlier build');
    expect(Object.keys(JSON.parse(readFileSync(cache, 'utf8')) as object)).toHaveLength(12);
  });

  it('refuses a thread count that is not a whole number', () => {
    expect(() => run(join(root, 'none'), '--threads', 'x')).toThrow(/--threads needs a whole number/);
  });
});
