import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { atomFeed, atomId, escapeXml, sitemapXml, type Feed } from './feeds';

const HOSTILE = '</title><script>x</script>&amp; "引号" \u0001\uFFFE结尾';
const feed: Feed = {
  title: '明账：新收录的报告',
  author: '明账',
  subtitle: '说明',
  updated: '2026-12-02',
  entries: [
    {
      key: 'a-2022-final',
      title: HOSTILE,
      target: 'reports/a-2022-final.html',
      updated: '2026-12-02',
      published: '2023-10-12',
      summary: '2022 部门决算',
    },
    { key: 'b-2021-budget', title: '乙', target: 'reports/b-2021-budget.html', updated: '2026-12-02', published: '', summary: '' },
  ],
};
const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<x y="1">', '&lt;x y=&quot;1&quot;&gt;'],
    ["it's", 'it&apos;s'],
    ['控制\u0001字符\u0008', '控制字符'],
    ['孤\uD800代理', '孤代理'],
    ['表\t格\n行', '表\t格\n行'],
    ['𠀀 (U+20000)', '𠀀 (U+20000)'],
  ])('%j → %j', (text, expected) => {
    expect(escapeXml(text)).toBe(expected);
  });
});

describe('atomFeed', () => {
  it.each([
    [null, 'reports/a-2022-final.html'],
    ['https://example.org/mz/', 'https://example.org/mz/reports/a-2022-final.html'],
  ])('site %j: one entry per report, the hostile title kept as text, links %j', (base, href) => {
    const doc = xml(atomFeed(base, feed));
    const entries = doc.querySelectorAll('entry');
    expect(entries.length).toBe(2);
    expect(doc.querySelectorAll('script').length).toBe(0);
    expect(entries[0]?.querySelector('title')?.textContent).toBe('</title><script>x</script>&amp; "引号" 结尾');
    expect(entries[0]?.querySelector('link')?.getAttribute('href')).toBe(href);
    expect(entries[0]?.querySelector('published')?.textContent).toBe('2023-10-12T00:00:00Z');
    expect(entries[1]?.querySelector('published')).toBeNull();
    expect(doc.querySelector('feed > updated')?.textContent).toBe('2026-12-02T00:00:00Z');
  });

  it('gives every entry an absolute, stable id: its URL, or a name-based UUID without a site URL', () => {
    expect(atomId('https://example.org/', 'report:a', 'reports/a.html')).toBe('https://example.org/reports/a.html');
    const id = atomId(null, 'report:a', 'reports/a.html');
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(atomId(null, 'report:a', 'elsewhere.html')).toBe(id);
    expect(atomId(null, 'report:b', 'reports/a.html')).not.toBe(id);
  });
});

describe('sitemapXml', () => {
  it('lists absolute URLs, the home page as the site root', () => {
    const doc = xml(sitemapXml('https://example.org/mz/', ['', 'data.html', 'reports/a&b.html']));
    expect([...doc.querySelectorAll('loc')].map((l) => l.textContent)).toEqual([
      'https://example.org/mz/',
      'https://example.org/mz/data.html',
      'https://example.org/mz/reports/a&b.html',
    ]);
  });
});
