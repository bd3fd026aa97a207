/**
 * Pagefind indexes Chinese with one word segmenter (jieba) and the browser splits a query with another
 * (Intl.Segmenter), so "公务用车运行维护费" can miss a page that contains it word for word. Each searchable
 * page therefore also carries its words as the browser would split them, space-separated, for the index only.
 */
export function queryWords(texts: readonly string[], locale = 'zh-CN'): string {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const words = new Set<string>();
  for (const text of texts) {
    for (const s of segmenter.segment(text)) if (s.isWordLike && !/^\d+$/.test(s.segment)) words.add(s.segment);
  }
  return [...words].join(' ');
}
