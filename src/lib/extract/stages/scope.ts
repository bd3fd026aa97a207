/**
 * Whose year a number speaks of, from the words around it (white space removed by the caller where conversion
 * splits words): the report's own year, or the previous year ('prior_year'). A change from the previous year
 * is read by stages/change.ts.
 */
export interface YearWords {
  /** Between the number's label and the number ("上年", "为"); the clause before the number when it has no label. */
  afterLabel: string;
  /** From the start of the number's clause to its label ("上年" in "上年“三公”经费支出"); '' when it has no label. */
  beforeLabel: string;
  /** From the start of the number's clause to the number. */
  clause: string;
  /** The report's fiscal year, when known. */
  year: number | null;
  /** The sentence opens with a year before the report's ("2021年的三公经费决算数合计为…"). */
  sentenceAboutEarlierYear: boolean;
}

/** A year before the report's named in a clause, other than a year compared with ("比2010年稍多", "与2021年相比"). */
export function mentionsEarlierYear(clause: string, year: number | null): boolean {
  if (year === null) return false;
  return [...clause.matchAll(/(?<![比较与同]\s*)(20\d\d)\s*年(?!度?\s*相比)/g)].some((m) => Number(m[1]) < year);
}

/** Whether a sentence opens with a year before the report's: then it speaks of that year. */
export function opensWithEarlierYear(sentence: string, year: number | null): boolean {
  const opening = /^\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.]\s*)?(20\d\d)\s*年/.exec(sentence);
  return opening !== null && year !== null && Number(opening[1]) < year;
}

/**
 * Whether the number is the previous year's: 上年 between label and number, 上年 before the label (but not
 * 较上年 / 比上年, a comparison), an earlier year named in the clause, or a sentence about an earlier year whose
 * clause does not name the report's year.
 */
export function speaksOfPriorYear(words: YearWords): boolean {
  return (
    /上年|上一年/.test(words.afterLabel) ||
    /(?<![较比与])上(?:一)?年(?:度)?/.test(words.beforeLabel) ||
    mentionsEarlierYear(words.clause, words.year) ||
    (words.sentenceAboutEarlierYear && !words.clause.includes(String(words.year)))
  );
}
