import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  excerptOf,
  findPages,
  fromPagefindFilter,
  holdsAll,
  readQuery,
  searchForm,
  termToken,
  toPagefindFilter,
} from '../../public/js/search-query.js';
import { indexedText, knownTerms, placeStem, queryWords, termsIn, withSearchWords } from './search-terms';

describe('searchForm', () => {
  it.each([
    ['因公出国（境）费', '因公出国(境)费'],
    ['“三公”经费', '三公经费'],
    ['源城区 2022 年财政支出', '源城区2022年财政支出'],
    ['"差旅费"', '差旅费'],
    ['ＡＢＣ１２３', 'ABC123'],
  ])('%s → %s', (text, form) => {
    expect(searchForm(text)).toBe(form);
  });
});

describe('toPagefindFilter and fromPagefindFilter', () => {
  // the characters Pagefind 1.5.0 cannot filter on (see toPagefindFilter) become %XX; nothing else changes
  it.each([
    ['某某县医疗保障局', '某某县医疗保障局'],
    ['2023', '2023'],
    ['某某县&amp;医保局', '某某县%26amp;医保局'],
    ['某某\\医保局', '某某%5C医保局'],
    ['某某县  医保局 ', '某某县%20%20医保局%20'],
    ['<img src=x onerror="a">局', '<img%20src=x%20onerror=%22a%22>局'],
    ['甲\t乙\u3000丙\u00a0丁', '甲%09乙%E3%80%80丙%C2%A0丁'],
    ['50%局', '50%25局'],
    ['“甲,乙:丙”（区）', '“甲,乙:丙”（区）'],
  ])('%s → %s and back', (value, indexed) => {
    expect(toPagefindFilter(value)).toBe(indexed);
    expect(fromPagefindFilter(indexed)).toBe(value);
  });

  it('writes no character that Pagefind mangles', () => {
    expect(toPagefindFilter('a"b\\c&d e\u0000f\u2028g%h')).not.toMatch(/["\\&\s\p{Cc}]|%(?![0-9A-F]{2})/u);
  });

  it.each([
    ['a value the pages did not write escaped', '<img>探针单位', '<img>探针单位'],
    ['a %XX that is not UTF-8', '100%FF', '100%FF'],
    ['a bare %', '5%', '5%'],
  ])('reads back %s as it is', (_name, indexed, shown) => {
    expect(fromPagefindFilter(indexed)).toBe(shown);
  });
});

describe('readQuery', () => {
  it.each([
    ['因公出国（境）费', { query: '因公出国（境）费', phrases: [], parts: ['因公出国(境)费'] }],
    ['"因公出国（境）费"', { query: '因公出国（境）费', phrases: ['因公出国(境)费'], parts: ['因公出国(境)费'] }],
    ['“公务用车” 株洲', { query: '公务用车 株洲', phrases: ['公务用车'], parts: ['公务用车', '株洲'] }],
    ['  株洲   株洲 ', { query: '株洲 株洲', phrases: [], parts: ['株洲'] }],
    ['""', { query: '', phrases: [], parts: [] }],
  ])('%s', (raw, read) => {
    expect(readQuery(raw)).toEqual(read);
  });
});

describe('holdsAll', () => {
  it.each([
    ['2022年“三公”经费支出', ['三公经费'], true],
    ['因公出国(境)费 0 万元', ['因公出国(境)费'], true],
    ['三公 · 经费', ['三公经费'], false],
    ['株洲市', ['株洲', '决算'], false],
    ['anything', [], true],
  ])('%s holds %j: %s', (content, parts, holds) => {
    expect(holdsAll(content, parts)).toBe(holds);
  });
});

describe('placeStem', () => {
  it.each([
    ['株洲市', '株洲'],
    ['炎陵县', '炎陵'],
    ['市中区', '市中'],
    ['新疆维吾尔自治区', '新疆'],
    ['湖南省', '湖南'],
    ['渌口区', '渌口'],
    ['某区', '某区'],
    ['乐山', '乐山'],
  ])('%s → %s', (name, stem) => {
    expect(placeStem(name)).toBe(stem);
  });
});

describe('knownTerms', () => {
  it('lists glossary terms, metrics, unit and place names and report titles once each', () => {
    const terms = knownTerms({
      glossary: ['三公经费', '基本支出'],
      metrics: ['基本支出', '公务接待费'],
      units: [{ name: '炎陵县医疗保障局', short_name: '炎陵县医保局', province: '湖南省', city: '株洲市', county: '炎陵县' }],
      reports: [{ title: ' 炎陵县医疗保障局2020年度部门整体支出评价报告 ' }],
    });
    expect(terms).toEqual([
      '三公经费',
      '基本支出',
      '公务接待费',
      '炎陵县医疗保障局',
      '炎陵县医保局',
      '湖南省',
      '湖南',
      '株洲市',
      '株洲',
      '炎陵县',
      '炎陵',
      '炎陵县医疗保障局2020年度部门整体支出评价报告',
    ]);
  });
});

describe('termsIn', () => {
  it('finds terms as the search page compares them (brackets folded, quotes and spaces dropped)', () => {
    const text = '2022年“三公”经费中因公出国(境)费为0；源城区 2022 年';
    expect(termsIn(text, ['三公经费', '因公出国（境）费', '公务接待费', '源城区2022年', ''])).toEqual([
      '三公经费',
      '因公出国（境）费',
      '源城区2022年',
    ]);
  });

  // the same answer as comparing every term with the text, for terms that overlap, repeat, nest or are one character
  it.each([
    [
      '株洲市渌口区医疗保障局',
      ['株洲', '株洲市', '渌口区', '口区医', '局', '医保局', '株', '洲市渌口区医疗保障局', '株洲'],
      ['株洲', '株洲市', '渌口区', '口区医', '局', '株', '洲市渌口区医疗保障局', '株洲'],
    ],
    ['aaab', ['aa', 'aab', 'b', 'ba', 'aaab', 'aaaa'], ['aa', 'aab', 'b', 'aaab']],
    ['', ['a'], []],
    ['末尾一字', ['字', '尾一', '一字x'], ['字', '尾一']],
  ])('%s holds %j → %j', (text, terms, expected) => {
    expect(termsIn(text, terms)).toEqual(expected);
    expect(termsIn(text, terms)).toEqual(terms.filter((term) => text.includes(term)));
  });
});

describe('queryWords', () => {
  it('gives the words of a long text as segmenting it whole does', () => {
    const text = Array.from(
      { length: 40 },
      (_, k) => `第${k}行：公务用车运行维护费${k}万元，乌鲁木齐（新市区）“三公”经费1,234.56万元。\n\n  医疗保障局、Ｅ．１２．５ 2022年度`,
    ).join('');
    const whole = new Set(
      [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)]
        .filter((s) => s.isWordLike && !/^\d+$/.test(s.segment))
        .map((s) => s.segment),
    );
    expect(queryWords([text]).split(' · ')).toEqual([...whole]);
  });

  it('splits as the browser splits a query, without numbers, each word once, never run together', () => {
    const words = queryWords(['公务用车运行维护费 2022 公务用车']).split(' · ');
    expect(words.length).toBeGreaterThan(1);
    expect(new Set(words).size).toBe(words.length);
    expect(words).not.toContain('2022');
    expect(words.join('')).toBe(
      [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment('公务用车运行维护费')].map((s) => s.segment).join(''),
    );
  });
});

const page = (main: string) =>
  `<!doctype html><html><body><header>株洲</header><main id="main" data-pagefind-body>${main}</main></body></html>`;

describe('indexedText', () => {
  it('is the text of data-pagefind-body without its ignored parts, or null for a page that is not indexed', () => {
    expect(indexedText(page('<h1>炎陵县</h1><p data-pagefind-ignore>乌鲁木齐</p>'))).toBe('炎陵县');
    expect(indexedText('<!doctype html><html><body><main>炎陵县</main></body></html>')).toBeNull();
  });

  it('leaves the full text out of the default index and keeps it in the full-text index', () => {
    const html = page('<h1>炎陵县</h1><div data-search-fulltext><p>非税收入</p></div><p>株洲</p>');
    expect(indexedText(html)).toBe('炎陵县株洲');
    expect(indexedText(html, { fullText: true })).toBe('炎陵县非税收入株洲');
  });

  // indexedText reads a page in one pass of htmlparser2; it must read what the DOM's textContent gives (linkedom,
  // which builds its DOM with the same parser), as the search words were read before
  const byDom = (html: string, fullText: boolean): string | null => {
    const { document } = parseHTML(html);
    const body = document.querySelector('[data-pagefind-body]');
    if (!body) return null;
    for (const ignored of body.querySelectorAll('[data-pagefind-ignore], [data-search-words]')) ignored.remove();
    if (!fullText) for (const part of body.querySelectorAll('[data-search-fulltext]')) part.remove();
    return body.textContent ?? '';
  };
  it.each([
    ['entities', '<p>&lt;script&gt; &amp;amp; &quot;株洲&quot; &#x4E09;公</p>'],
    [
      'ignored parts in ignored parts, and their headings',
      '<div data-pagefind-ignore><h1>乌鲁木齐</h1><p data-pagefind-ignore>x</p>y</div><h1>炎陵</h1>',
    ],
    ['unclosed paragraphs and list items', '<p>一<p>二<ul><li>三<li>四</ul>五'],
    ['void elements, comments and breaks', '<p>一<br>二<img alt="图">三<!-- 注释 -->四<input value="五"></p>'],
    [
      'a full-text part inside an ignored one, and ignored inside full text',
      '<div data-pagefind-ignore><div data-search-fulltext>甲</div></div><div data-search-fulltext>乙<span data-pagefind-ignore>丙</span>丁</div>戊',
    ],
    ['the search words of an earlier run', '<p>株洲</p><div hidden data-search-words>株洲 · 医疗</div>'],
    ['a second indexed body', '<p>一</p></main><main data-pagefind-body><p>二</p>'],
    ['svg and tables', '<svg><text>图表</text></svg><table><tr><td>一<td>二</table>'],
  ])('reads %s as the DOM does', (_, main) => {
    const html = page(main);
    expect(indexedText(html)).toBe(byDom(html, false));
    expect(indexedText(html, { fullText: true })).toBe(byDom(html, true));
  });
});

describe('withSearchWords', () => {
  it('adds the held terms (whole, as tokens and segmented) at the end of the indexed body', () => {
    const html = withSearchWords(page('<p>乌鲁木齐高新技术产业开发区医疗保障局</p>'), ['乌鲁木齐', '株洲', '医疗保障局']);
    const block = html.slice(html.indexOf('<div hidden data-search-words'), html.indexOf('</main>'));
    expect(block).toContain(`data-pagefind-weight="0.5">乌鲁木齐 · 医疗保障局 · ${termToken('乌鲁木齐')} · ${termToken('医疗保障局')} · `);
    expect(block).not.toContain('株洲');
    expect(block).not.toContain(termToken('株洲'));
    expect(block).not.toContain('data-pagefind-filter');
    expect(block).not.toContain('data-search-fulltext');
  });

  it('gives the tokens of the terms its heading holds a block of their own, weighted to come first', () => {
    const html = withSearchWords(page('<h1>株洲市医疗保障局</h1><p>乌鲁木齐</p>'), ['株洲', '乌鲁木齐']);
    const [words, heading] = html.slice(html.indexOf('<div hidden data-search-words')).split('</div>');
    expect(words).toContain(termToken('乌鲁木齐'));
    expect(words).not.toContain(termToken('株洲'));
    expect(heading).toBe(`<div hidden data-search-words data-pagefind-weight="10">${termToken('株洲')}`);
  });

  it('puts what only the full text holds in a block of its own, which the default index leaves out', () => {
    const html = withSearchWords(page('<h1>株洲市医疗保障局</h1><div data-search-fulltext><p>株洲的非税收入</p></div>'), [
      '株洲',
      '非税收入',
    ]);
    const [compact, heading, full] = html.slice(html.indexOf('<div hidden data-search-words')).split('</div>');
    expect(heading).toContain(termToken('株洲'));
    expect(compact).not.toContain(termToken('非税收入'));
    expect(full).toContain('data-search-fulltext');
    expect(full).toContain(`非税收入 · ${termToken('非税收入')}`);
    // a word of the default block is not repeated in the full-text block
    expect(full).not.toContain(termToken('株洲'));
    expect(indexedText(html)).toBe('株洲市医疗保障局');
  });

  it('escapes what a hostile report put in, leaves pages it cannot use alone and runs once', () => {
    const hostile = page('<p>&lt;/main&gt;&lt;script&gt;株洲</p>');
    const once = withSearchWords(hostile, ['株洲']);
    expect(once).not.toContain('<script>');
    expect(once.indexOf('data-search-words')).toBeLessThan(once.lastIndexOf('</main>'));
    expect(withSearchWords(once, ['株洲'])).toBe(once);
    const unindexed = '<!doctype html><html><body><main>株洲</main></body></html>';
    expect(withSearchWords(unindexed, ['株洲'])).toBe(unindexed);
  });
});

describe('termToken', () => {
  it('is one ASCII word per term, the same for every spelling the search page treats as the same', () => {
    expect(termToken('三公经费')).toMatch(/^mz[a-z]{12}$/);
    expect(termToken('“三公”经费')).toBe(termToken('三公经费'));
    expect(termToken('因公出国（境）费')).toBe(termToken('因公出国(境)费'));
    const tokens = ['三公经费', '三公经', '公务接待费', '株洲', '株洲市', '洲株', ''].map(termToken);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});

describe('excerptOf', () => {
  it.each([
    ['报告\u200b类型：\u200b因公出国（境）费 为 0', ['因公出国(境)费'], '报告类型：<mark>因公出国（境）费</mark> 为 0'],
    ['甲 · mzabcdefghijkl · 株洲', ['株洲'], '甲 · <mark>株洲</mark>'],
    ['株洲 炎陵', ['炎陵', '株洲'], '<mark>株洲</mark> 炎陵'],
    [`${'前'.repeat(40)}&amp;株洲`, ['株洲'], `…${'前'.repeat(25)}&amp;<mark>株洲</mark>`],
    // an HTML entity cut by the excerpt's edge is left out
    [`${'前'.repeat(40)}&amp;${'后'.repeat(27)}株洲`, ['株洲'], `…${'后'.repeat(27)}<mark>株洲</mark>`],
    ['乌鲁木齐', ['株洲'], null],
    ['乌鲁木齐', [], null],
  ])('%s around %j → %s', (content, parts, excerpt) => {
    expect(excerptOf(content, parts)).toBe(excerpt);
  });
});

/** A stand-in for Pagefind: pages with their words; a search finds the pages holding every word of the query. */
function fakePagefind(pages: Record<string, string>) {
  const searches: (string | null)[] = [];
  const fetched: string[] = [];
  const result = (url: string) => ({
    id: url,
    data: async () => {
      fetched.push(url);
      return { url, content: pages[url] ?? '', excerpt: '' };
    },
  });
  return {
    searches,
    fetched,
    search: async (query: string | null) => {
      searches.push(query);
      const words = (query ?? '').split(' ').filter(Boolean);
      const urls = Object.keys(pages).filter((url) => words.every((w) => (pages[url] ?? '').split(' ').some((pw) => pw.startsWith(w))));
      return { results: urls.map(result) };
    },
  };
}

describe('findPages', () => {
  const site = {
    '/a': `株洲 三公经费 ${termToken('株洲')} ${termToken('三公经费')}`,
    '/b': `株洲 ${termToken('株洲')}`,
    '/c': `三公 经费 ${termToken('三公经费')}`,
    '/d': '医疗 救助',
  };

  it.each([
    ['三公经费', ['/a', '/c'], 1],
    ['株洲 三公经费', ['/a'], 2],
    ['"株洲"', ['/a', '/b'], 1],
  ])('answers %s from the term tokens alone, reading only the pages it returns', async (query, urls, searches) => {
    const pagefind = fakePagefind(site);
    const found = await findPages(pagefind, query, {}, 1);
    expect(found.count).toBe(urls.length);
    expect(found.pages.map((p) => p.url)).toEqual(urls.slice(0, 1));
    expect(pagefind.searches).toHaveLength(searches);
    expect(pagefind.searches.every((q) => /^mz[a-z]{12}$/.test(q ?? ''))).toBe(true);
    expect(pagefind.fetched).toEqual(urls.slice(0, 1));
  });

  it('searches the words and checks the pages when a part is no known term', async () => {
    const pagefind = fakePagefind(site);
    const found = await findPages(pagefind, '医疗', {}, 10);
    expect(found).toMatchObject({ count: 1, fullText: false });
    expect(found.pages.map((p) => p.url)).toEqual(['/d']);
    expect(pagefind.searches).toContain('医疗');
  });

  it('searches the full-text index when the default one finds nothing, and says so', async () => {
    const full = fakePagefind({ '/e': '收入 · 非税收入' });
    const found = await findPages(fakePagefind(site), '非税收入', {}, 10, async () => full);
    expect(found).toMatchObject({ count: 1, fullText: true });
    expect(found.pages.map((p) => p.url)).toEqual(['/e']);
    expect(found.pages[0]?.excerpt).toBe('收入 · <mark>非税收入</mark>');
    const none = await findPages(fakePagefind(site), '三公经费', {}, 10, async () => full);
    expect(none.fullText).toBe(false);
  });

  it('prefers the full texts to default results that only hold a part of the query', async () => {
    // Pagefind answers a word an index does not hold with the pages of a part of it (收入 for 非税收入)
    const partPages = fakePagefind({ '/g': '收入 · 支出' });
    const partial = { ...partPages, search: async (query: string | null) => partPages.search(query === '非税收入' ? '收入' : query) };
    const full = fakePagefind({ '/e': '收入 · 非税收入' });
    const found = await findPages(partial, '非税收入', {}, 10, async () => full);
    expect(found).toMatchObject({ count: 1, fullText: true });
    expect(found.pages.map((p) => p.url)).toEqual(['/e']);
    // and keeps them when the full texts do not hold it either
    const kept = await findPages(partial, '非税收入', {}, 10, async () => fakePagefind({ '/h': '支出' }));
    expect(kept).toMatchObject({ count: 1, fullText: false });
    expect(kept.pages.map((p) => p.url)).toEqual(['/g']);
  });
});
