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

/** How many of Pagefind's results are read to check their text (each is one small fetch). */
export const MAX_CHECKED = 200;

/** The Pagefind filter listing the known terms each page holds (src/lib/search-terms.ts, TERM_FILTER). */
export const TERM_FILTER = 'term';

/**
 * The known terms among a query's parts, as the index spells them: each is looked up in the "term" filter, which
 * finds every page that holds it even where Pagefind's word segmentation cut it apart.
 * @param {Record<string, Record<string, number>>} available what pagefind.filters() returns
 * @param {string[]} parts in searchForm
 */
export function knownTermsIn(available, parts) {
  const values = Object.keys(available[TERM_FILTER] ?? {});
  return values.filter((value) => parts.includes(searchForm(value)));
}

/**
 * The pages a query finds: Pagefind's results for the words without the quotes, together with every page
 * listed under a known term the query names, narrowed to those that hold the quoted phrases (always) and the
 * typed parts (when any result does).
 * @param {{ search: (query: string | null, options: object) => Promise<{ results: { id: string, data: () => Promise<any> }[] }>, filters: () => Promise<Record<string, Record<string, number>>> }} pagefind
 * @param {string} raw
 * @param {Record<string, string>} filters
 * @returns {Promise<any[]>} the results' data: full-text matches first, in Pagefind's order
 */
export async function findPages(pagefind, raw, filters = {}) {
  const { query, phrases, parts } = readQuery(raw);
  const terms = parts.length > 0 ? knownTermsIn(await pagefind.filters(), parts) : [];
  const searches = await Promise.all([
    pagefind.search(query || null, { filters }),
    ...terms.map((term) => pagefind.search(null, { filters: { ...filters, [TERM_FILTER]: term } })),
  ]);
  const seen = new Set();
  const results = searches.flatMap((s) => s.results).filter((r) => !seen.has(r.id) && seen.add(r.id));
  const data = await Promise.all(results.slice(0, MAX_CHECKED).map((r) => r.data()));
  const withPhrases = data.filter((d) => holdsAll(String(d.content ?? ''), phrases));
  const exact = withPhrases.filter((d) => holdsAll(String(d.content ?? ''), parts));
  return exact.length > 0 ? exact : withPhrases;
}
