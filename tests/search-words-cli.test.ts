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
    expect(run(one, '--threads', '1')).toContain(`added to ${pages} page(s) (1 thread(s))`);
    expect(run(three, '--threads', '3')).toContain(`added to ${pages} page(s) (3 thread(s))`);
    for (const page of htmlFiles(one)) {
      const written = readFileSync(join(one, page), 'utf8');
      expect(written, page).toContain('data-search-words');
      expect(readFileSync(join(three, page), 'utf8'), page).toBe(written);
    }
    // a second run finds every page done
    expect(run(three, '--threads', '3')).toContain('added to 0 page(s)');
  });

  it('refuses a thread count that is not a whole number', () => {
    expect(() => run(join(root, 'none'), '--threads', 'x')).toThrow(/--threads needs a whole number/);
  });
});
