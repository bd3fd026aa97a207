import { Parser } from 'htmlparser2';
import { hashOf } from './content-cache';
import { searchForm, termToken } from '../../public/js/search-query.js';

/**
 * Pagefind indexes Chinese with one word segmenter (jieba) and the browser splits a query with another
 * (Intl.Segmenter), so "公务用车运行维护费" can miss a page that contains it word for word. Each indexed page
 * therefore also carries its words as the browser would split them, for the index only. The words are set apart
 * by spaces (where Pagefind splits words) and a dot, so that, read back as one text without its spaces, they
 * never run together into a phrase the page does not hold (the search page compares texts without their spaces:
 * public/js/search-query.js).
 */
const CLAUSE_BREAK = /[\s\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\uff08\uff09\u201c\u201d]+/;

export function queryWords(texts: readonly string[], locale = 'zh-CN'): string {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const words = new Set<string>();
  // In pieces: V8's segmenter slows down more than linearly on a long string (80,000 characters took 32 s
  // whole and 0.14 s in lines), and a page's indexed text is one line. It is cut at white space and at the
  // punctuation that ends a clause, which no word contains, so the words are the same.
  for (const line of texts.flatMap((text) => text.split(CLAUSE_BREAK))) {
    for (const s of segmenter.segment(line)) if (s.isWordLike && !/^\d+$/.test(s.segment)) words.add(s.segment);
  }
  return [...words].join(' · ');
}

const PLACE_SUFFIXES = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '特别行政区',
  '省',
  '市',
  '县',
  '区',
  '州',
  '盟',
  '旗',
];

/** A place's name without its administrative suffix (株洲市 → 株洲, 新疆维吾尔自治区 → 新疆), or the name itself. */
export function placeStem(name: string): string {
  const suffix = PLACE_SUFFIXES.find((s) => name.endsWith(s) && name.length - s.length >= 2);
  return suffix ? name.slice(0, -suffix.length) : name;
}

/** What a reader is promised to find: glossary terms, metric names, unit and place names, report titles. */
export interface KnownTermSources {
  glossary: readonly string[];
  metrics: readonly string[];
  units: readonly { name: string; short_name: string; province: string; city: string; county: string }[];
  reports: readonly { title: string }[];
}

export function knownTerms(sources: KnownTermSources): string[] {
  const places = sources.units.flatMap((u) => [u.province, u.city, u.county].filter(Boolean).flatMap((p) => [p, placeStem(p)]));
  const all = [
    ...sources.glossary,
    ...sources.metrics,
    ...sources.units.flatMap((u) => [u.name, u.short_name]),
    ...places,
    ...sources.reports.map((r) => r.title),
  ];
  return [...new Set(all.map((term) => term.trim()).filter(Boolean))];
}

/**
 * Finds which of a list of terms a text holds in one pass over the text: the terms are indexed by their first
 * two characters, so each position of the text is compared only with the terms that start there. (Comparing
 * every term with every page made the build grow with pages × terms, and both grow with the reports.)
 */
function termMatcher(terms: readonly string[]): (haystack: string) => Set<string> {
  const byStart = new Map<number, { term: string; needle: string }[]>();
  const single = new Map<number, string[]>();
  for (const term of terms) {
    const needle = searchForm(term);
    if (needle === '') continue;
    if (needle.length === 1) single.set(needle.charCodeAt(0), [...(single.get(needle.charCodeAt(0)) ?? []), term]);
    else {
      const key = needle.charCodeAt(0) * 0x10000 + needle.charCodeAt(1);
      byStart.set(key, [...(byStart.get(key) ?? []), { term, needle }]);
    }
  }
  return (haystack) => {
    const found = new Set<string>();
    for (let i = 0; i < haystack.length; i++) {
      const first = haystack.charCodeAt(i);
      for (const term of single.get(first) ?? []) found.add(term);
      for (const { term, needle } of byStart.get(first * 0x10000 + haystack.charCodeAt(i + 1)) ?? []) {
        if (haystack.startsWith(needle, i)) found.add(term);
      }
    }
    return found;
  };
}
const matchers = new WeakMap<readonly string[], (haystack: string) => Set<string>>();

/** The known terms a text holds, compared as the search page compares them. */
export function termsIn(text: string, terms: readonly string[]): string[] {
  let match = matchers.get(terms);
  if (match === undefined) matchers.set(terms, (match = termMatcher(terms)));
  const found = match(searchForm(text));
  return terms.filter((term) => found.has(term));
}

/**
 * The part of a page that only the full-text index holds (the report's source text, SourceText.astro): the
 * default index leaves it out (scripts/build.ts runs Pagefind with --exclude-selectors on it), so that a first
 * search loads small chunks; the search page searches the full-text index when the reader asks.
 */
export const FULL_TEXT_ATTRIBUTE = 'data-search-fulltext';

/** What indexedTexts reads off a built page. */
interface IndexedTexts {
  /** Whether the page has a data-pagefind-body: Pagefind indexes only those (the texts are empty otherwise). */
  indexed: boolean;
  /** The indexed text without the full-text parts: what the default index holds. */
  compact: string;
  /** The indexed text whole: what the full-text index holds. */
  full: string;
  /** The full-text parts alone (empty when the page has none): what only the full-text index holds. */
  fullOnly: string;
  /** The text of the indexed part's first heading (h1). */
  heading: string;
}

const isIgnored = (attributes: Record<string, string>) => 'data-pagefind-ignore' in attributes || 'data-search-words' in attributes;

/**
 * The texts Pagefind indexes on a built page: its (first) data-pagefind-body without the parts marked
 * data-pagefind-ignore, in the default index (`compact`, without the full-text part) and in the full-text index.
 * Read in one pass of htmlparser2's tokenizer, with the text of
 * each element as the DOM's textContent gives it (linkedom builds its DOM from the same parser): building the
 * DOM of every page took most of this step's time at 10,000 reports.
 */
function indexedTexts(html: string): IndexedTexts {
  let depth = 0;
  // the depth each open region started at (-1: not in one): the indexed body, an ignored part, a full-text
  // part, the first heading
  let body = -1;
  let ignored = -1;
  let fullText = -1;
  let h1 = -1;
  let bodyDone = false;
  let headingDone = false;
  let hasFullText = false;
  const compact: string[] = [];
  const full: string[] = [];
  const fullOnly: string[] = [];
  const heading: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        if (bodyDone) return;
        if (body < 0) {
          if ('data-pagefind-body' in attributes) body = depth;
          return;
        }
        if (ignored >= 0) return;
        if (isIgnored(attributes)) {
          ignored = depth;
          return;
        }
        if (fullText < 0 && FULL_TEXT_ATTRIBUTE in attributes) {
          fullText = depth;
          hasFullText = true;
        }
        if (!headingDone && h1 < 0 && name === 'h1') h1 = depth;
      },
      ontext(text) {
        if (body < 0 || bodyDone || ignored >= 0) return;
        full.push(text);
        if (fullText < 0) compact.push(text);
        else fullOnly.push(text);
        if (h1 >= 0) heading.push(text);
      },
      onclosetag() {
        if (depth === ignored) ignored = -1;
        else if (depth === fullText) fullText = -1;
        if (depth === h1) {
          h1 = -1;
          headingDone = true;
        }
        if (depth === body) bodyDone = true;
        depth--;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.end(html);
  if (body < 0) return { indexed: false, compact: '', full: '', fullOnly: '', heading: '' };
  const whole = full.join('');
  return {
    indexed: true,
    compact: hasFullText ? compact.join('') : whole,
    full: whole,
    fullOnly: fullOnly.join(''),
    heading: heading.join(''),
  };
}

/** The text Pagefind indexes on a built page, in the default index or (fullText) in the full-text index. */
export function indexedText(html: string, { fullText = false } = {}): string | null {
  const texts = indexedTexts(html);
  return texts.indexed ? (fullText ? texts.full : texts.compact) : null;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The hidden words for a set of held terms and a text: the terms whole, their tokens (but those of `headed`,
 * which go in a block of their own), the text's query words.
 */
const wordsFor = (
  held: readonly string[],
  text: string,
  headed: ReadonlySet<string>,
  segment: (text: string) => string,
  already: ReadonlySet<string> = new Set(),
) => {
  // queryWords([text, ...held]): the text's words, then the held terms' that are new (in that order)
  const words = [...new Set([...segment(text).split(' · '), ...queryWords(held).split(' · ')])].filter(
    (word) => word !== '' && !already.has(word),
  );
  const tokens = held.filter((term) => !headed.has(term)).map(termToken);
  return [...held, ...tokens, ...words].join(' · ');
};

/**
 * The browser's segmentation of one text (queryWords), the costly part of a page's search words: most of it is
 * the reports' full texts, which only change with their reports, so scripts/search-words.ts keeps it between
 * builds under the text's hash (segmentKey) and passes its lookup to withSearchWords.
 */
export const segmentText = (text: string): string => queryWords([text]);

/** The key of a text's segmentation: the text and the ICU whose word segmenter splits it. */
export const segmentKey = (text: string): string => hashOf([`icu ${process.versions.icu ?? ''}`, text]);

/** How much more a term token counts on a page whose heading holds the term: those pages come first. */
const HEADING_WEIGHT = 10;

/**
 * A built page with, hidden at the end of its data-pagefind-body: every known term it holds, whole, as its token
 * (public/js/search-query.js, termToken) and in the browser's segmentation, and the segmentation of its indexed
 * text. Pagefind's own segmentation of a page can cut a name apart (乌鲁木齐 → 乌鲁 木齐) so that no query word
 * matches; the token lets the search page find every page that holds a known term with a one-word search. The
 * terms and words that only the full text holds go in a second block, marked as full text, which the default
 * index leaves out. Pages that are not indexed, or already carry the words, come back unchanged.
 */
export function withSearchWords(html: string, terms: readonly string[], segment: (text: string) => string = segmentText): string {
  if (html.includes('data-search-words')) return html;
  const texts = indexedTexts(html);
  const end = html.lastIndexOf('</main>');
  if (!texts.indexed || end < 0) return html;
  const held = termsIn(texts.compact, terms);
  // the held terms whole, too: Pagefind leaves a chart's SVG text out of a result's text, where the search page
  // checks that a result holds the term
  const headed = new Set(termsIn(texts.heading, held));
  const words = wordsFor(held, texts.compact, headed, segment);
  let blocks = `<div hidden data-search-words data-pagefind-weight="0.5">${escapeHtml(words)}</div>`;
  if (headed.size > 0) {
    const tokens = [...headed].map(termToken).join(' · ');
    blocks += `<div hidden data-search-words data-pagefind-weight="${HEADING_WEIGHT}">${tokens}</div>`;
  }
  if (texts.full !== texts.compact) {
    const heldHere = new Set(held);
    // the terms in the whole text (a term can run across the parts); the words of the full-text parts alone, as
    // the compact text's are in the first block already (segmenting the whole text again was a third of this
    // step's time at 1,000 reports)
    const onlyInFull = termsIn(texts.full, terms).filter((term) => !heldHere.has(term));
    const fullWords = wordsFor(onlyInFull, texts.fullOnly, new Set(), segment, new Set(words.split(' · ')));
    if (fullWords !== '')
      blocks += `<div hidden data-search-words ${FULL_TEXT_ATTRIBUTE} data-pagefind-weight="0.5">${escapeHtml(fullWords)}</div>`;
  }
  return html.slice(0, end) + blocks + html.slice(end);
}
