import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageTarget, siteBase, siteUrl } from './site';

describe('siteBase', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org/mingzhang', 'https://example.org/mingzhang/'],
    ['https://example.org/mingzhang/?x=1#top', 'https://example.org/mingzhang/'],
    [new URL('http://example.org/a/'), 'http://example.org/a/'],
  ])('%j → %j', (site, expected) => {
    expect(siteBase(site)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'file:///tmp/', 'not a url'])('refuses %j', (site) => {
    expect(() => siteBase(site)).toThrow();
  });
});

describe('siteUrl', () => {
  it.each([
    [null, 'reports/x.html#x-f-1', 'reports/x.html#x-f-1'],
    ['https://example.org/mz/', 'reports/x.html#x-f-1', 'https://example.org/mz/reports/x.html#x-f-1'],
    ['https://example.org/', 'index.html', 'https://example.org/index.html'],
  ])('%j + %j → %j', (base, target, expected) => {
    expect(siteUrl(base, target)).toBe(expected);
  });
});

describe('pageTarget', () => {
  it.each([
    ['/', ''],
    ['/index.html', ''],
    ['/reports/x', 'reports/x.html'],
    ['/reports/x.html', 'reports/x.html'],
    ['/data', 'data.html'],
  ])('%j → %j', (pathname, expected) => {
    expect(pageTarget(pathname)).toBe(expected);
  });
});

describe('contentSecurityPolicy', () => {
  it.each([true, false])('forbids inline and foreign scripts (WebAssembly allowed: %s)', (wasm) => {
    const policy = contentSecurityPolicy({ wasm });
    const scripts = policy.split('; ').find((directive) => directive.startsWith('script-src ')) ?? '';
    expect(scripts).toBe(wasm ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
  });
});
