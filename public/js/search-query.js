// How the search page reads a query and which of Pagefind's results it keeps. Pure, so the build
// (src/lib/search-terms.ts) and the tests use the same rules as the browser.
//
// Pagefind treats "…" as an exact phrase over its own (jieba) word positions, which differ from how the browser
// splits the query, so a quoted term found nothing. The page therefore sends Pagefind the words without the
// quotes and then keeps only the results whose text holds each quoted phrase, and, for an unquoted query, prefers
// the results that hold each typed part as it was typed (falling back to Pagefind's own matches when none does).

const QUOTES = /["“”„「」『』]/gu;
const QUOTED = /["“„「『]([^"“”„「」『』]+)["”」』]/gu;

/**
 * The form in which text is compared: full-width letters, digits and brackets folded to their usual forms
 * (NFKC), no quote marks and no white space, so 因公出国（境）费 matches 因公出国(境)费 and "源城区 2022 年"
 * matches 源城区2022年.
 * @param {string} text
 * @returns {string}
 */
export const searchForm = (text) => text.normalize('NFKC').replace(QUOTES, '').replace(/\s+/gu, '');

/**
 * @param {string} raw what the reader typed
 * @returns {{ query: string, phrases: string[], parts: string[] }} the words for Pagefind (no quotes), the quoted
 *   phrases every result must hold, and every typed part (quoted or not) a result should hold, all in searchForm
 */
export function readQuery(raw) {
  const phrases = [...raw.matchAll(QUOTED)].map((m) => searchForm(m[1] ?? '')).filter(Boolean);
  const query = raw.replace(QUOTES, ' ').replace(/\s+/gu, ' ').trim();
  const parts = [...new Set(query.split(' ').map(searchForm).filter(Boolean))];
  return { query, phrases, parts };
}

/**
 * @param {string} content a result's text
 * @param {string[]} parts in searchForm
 */
export const holdsAll = (content, parts) => {
  const text = searchForm(content);
  return parts.every((part) => text.includes(part));
};

/*
 * A filter value as Pagefind 1.5.0 indexes it and as the search page asks for it. Pagefind mangles some values
 * (found in Chromium, tests/hostile-build.test.ts): its search reads the value out of the JSON the browser sends
 * without undoing JSON's escapes, so a value holding " or \ or a control character is looked for as \" or \\
 * and is not found (or, for a backslash, another value is); and its indexer collapses and trims white space and
 * decodes character references twice (a unit named with the text &amp; is indexed as &). A unit's name may hold
 * &, \ and runs of spaces (src/schemas/name.ts refuses " and control characters; a filter need not rely on it).
 * So each of % & \ " and every white-space or control character is written as its UTF-8 %XX, as in a URL, both
 * in the pages (Base.astro) and in a search; every other character (Chinese included) stays as it is, so the
 * filter files do not grow. Values shown to a reader are read back.
 */
const PAGEFIND_FILTER_ESCAPED = /[%&\\"\s\p{Cc}]/gu;

/**
 * @param {string} value a filter value as a reader sees it (a unit's name, a year)
 * @returns {string} the value as it is written into the index and asked for in a search
 */
export const toPagefindFilter = (value) => value.replace(PAGEFIND_FILTER_ESCAPED, (c) => encodeURIComponent(c));

/**
 * The value a reader sees for a filter value read from the index; a value written some other way (a %XX that
 * is not UTF-8) is kept as it is.
 * @param {string} indexed
 * @returns {string}
 */
export const fromPagefindFilter = (indexed) =>
  indexed.replace(/(?:%[0-9A-F]{2})+/gu, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });

/** The folder of the second Pagefind bundle, which also holds the reports' full texts (scripts/build.ts). */
export const FULL_TEXT_BUNDLE = 'pagefind-text';

/** How many of Pagefind's results are read to check their text (each is one small fetch). */
export const MAX_CHECKED = 200;

/** The letters a term's token is written in: Pagefind keeps a run of ASCII letters as one word. */
const TOKEN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The hidden word that stands for a known term in the index (src/lib/search-terms.ts puts it on every page that
 * holds the term): a 53-bit hash of its searchForm in 12 letters after "mz". Looking a term up is then a
 * one-word search, which loads the one index chunk that holds the token, however Pagefind segmented the term
 * and however many pages hold it. Two terms share a token with odds of about 1 in 2^53 per pair.
 * @param {string} term
 */
export function termToken(term) {
  const form = searchForm(term);
  // cyrb53: two 32-bit FNV-like lanes mixed into 53 bits (exact in a double)
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < form.length; i++) {
    const code = form.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  let hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  let letters = '';
  for (let i = 0; i < 12; i++) {
    letters += TOKEN_LETTERS[hash % 26];
    hash = Math.floor(hash / 26);
  }
  return `mz${letters}`;
}

/** Every term token in a text (what termToken writes). */
const TOKENS = /\s*\bmz[a-z]{12}\b\s*(?:·\s*)?/gu;

/** How many characters an excerpt shows before and after the first typed part it holds. */
const EXCERPT_BEFORE = 30;
const EXCERPT_AFTER = 60;

/**
 * An excerpt of a result's text (Pagefind's `content`: HTML-escaped, its words apart by U+200B) around the first
 * typed part it holds, that part marked as Pagefind marks hits (<mark>…</mark>); null when it holds none. A term
 * found through its token would otherwise be shown by Pagefind in the hidden block of words (search-terms.ts).
 * @param {string} content
 * @param {string[]} parts in searchForm
 * @returns {string | null}
 */
export function excerptOf(content, parts) {
  const text = content.replace(/\u200b/gu, '').replace(TOKENS, ' ');
  // the text in searchForm, with the index in `text` of each of its characters
  let form = '';
  const at = [];
  for (let i = 0; i < text.length; i++) {
    const folded = searchForm(text[i] ?? '');
    form += folded;
    for (let k = 0; k < folded.length; k++) at.push(i);
  }
  const hits = parts.map((part) => (part === '' ? -1 : form.indexOf(part))).map((index, k) => [index, parts[k]?.length ?? 0]);
  const [start, length] = hits.filter(([index]) => index >= 0).sort((a, b) => a[0] - b[0])[0] ?? [-1, 0];
  if (start < 0) return null;
  const from = at[start] ?? 0;
  const to = (at[start + length - 1] ?? from) + 1;
  const whole = (piece) => piece.replace(/^[a-z0-9#]{1,8};/iu, '').replace(/&[a-z0-9#]{0,8}$/iu, '');
  const before = whole(text.slice(Math.max(0, from - EXCERPT_BEFORE), from));
  const after = whole(text.slice(to, to + EXCERPT_AFTER));
  return `${from > EXCERPT_BEFORE ? '…' : ''}${before}<mark>${text.slice(from, to)}</mark>${after}${to + EXCERPT_AFTER < text.length ? '…' : ''}`;
}

/** A result's data with an excerpt that shows a typed part, or Pagefind's own without the term tokens. */
const withExcerpt = (data, parts) => ({
  ...data,
  excerpt: excerptOf(String(data.content ?? ''), parts) ?? String(data.excerpt ?? '').replace(TOKENS, ' '),
});

/** The results of the first search, in its order, that every other search also returned. */
const inAll = (searches) => {
  const [first, ...others] = searches;
  if (!first) return [];
  const ids = others.map((s) => new Set(s.results.map((r) => r.id)));
  return first.results.filter((r) => ids.every((set) => set.has(r.id)));
};

/**
 * The pages a query finds. Each typed part is first looked up as a known term (its token: one small chunk of
 * the index). When every part is a known term, the pages holding all of them are the answer, exact without
 * reading a page, and only the first `shown` pages' data are fetched. Otherwise Pagefind's results for the
 * words without the quotes, together with the pages holding every known part, are read (up to MAX_CHECKED)
 * and narrowed to those that hold the quoted phrases (always) and the typed parts (when any result does).
 * @param {{ search: (query: string | null, options: object) => Promise<{ results: { id: string, data: () => Promise<any> }[] }> }} pagefind
 * @param {string} raw
 * @param {Record<string, string>} filters
 * @param {number} shown how many pages' data to return
 * @param {(() => Promise<any>) | null} fullText loads the full-text index (FULL_TEXT_BUNDLE): searched when the
 *   default index finds no page that holds every typed part, so that a phrase only a report's text holds is
 *   still found (the default index's pages stay the answer when the full texts hold it nowhere either)
 * @returns {Promise<{ count: number, pages: any[], fullText: boolean }>} how many pages were found, the data of
 *   the first `shown` (exact matches first, in Pagefind's order), and whether they came from the full texts
 */
export async function findPages(pagefind, raw, filters = {}, shown = Infinity, fullText = null) {
  const { exact, ...found } = await findPagesIn(pagefind, raw, filters, shown);
  if (exact || fullText === null || raw.trim() === '') return { ...found, fullText: false };
  // Pagefind answers a word it does not hold with pages that hold a part of it (an index in shards: 非税收入 found
  // the pages of 收入 in the shard that holds no 非税); such an answer gives way to pages whose full text holds it
  const { exact: inTexts, ...inFullText } = await findPagesIn(await fullText(), raw, filters, shown);
  return inTexts || found.count === 0 ? { ...inFullText, fullText: true } : { ...found, fullText: false };
}

async function findPagesIn(pagefind, raw, filters, shown) {
  const { query, phrases, parts } = readQuery(raw);
  const byTerm = await Promise.all(parts.map((part) => pagefind.search(termToken(part), { filters })));
  const known = parts.filter((_, i) => (byTerm[i]?.results.length ?? 0) > 0);
  const withAllTerms = inAll(byTerm.filter((s) => s.results.length > 0));
  const unchecked = [...parts, ...phrases].filter((part) => !known.includes(part));
  if (parts.length > 0 && unchecked.length === 0 && withAllTerms.length > 0) {
    const pages = await Promise.all(withAllTerms.slice(0, shown).map((r) => r.data()));
    return { count: withAllTerms.length, pages: pages.map((d) => withExcerpt(d, parts)), exact: true };
  }
  const words = await pagefind.search(query || null, { filters });
  const seen = new Set();
  const results = [...words.results, ...withAllTerms].filter((r) => !seen.has(r.id) && seen.add(r.id));
  const data = await Promise.all(results.slice(0, MAX_CHECKED).map((r) => r.data()));
  const withPhrases = data.filter((d) => holdsAll(String(d.content ?? ''), phrases));
  const exact = withPhrases.filter((d) => holdsAll(String(d.content ?? ''), parts));
  const found = exact.length > 0 ? exact : withPhrases;
  return { count: found.length, pages: found.slice(0, shown).map((d) => withExcerpt(d, parts)), exact: exact.length > 0 };
}
