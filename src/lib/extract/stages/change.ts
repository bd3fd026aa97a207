import { CHANGE_CONTEXT, DECREASE, INCREASE } from '../lexicon';

/**
 * Whether a number states a change from the previous year, and its sign. `between` is what stands between the
 * number's label and the number ("较上年减少"), `sentenceBefore` the sentence up to the number; both without
 * white space. A change needs a change word right before the number and a comparison (较上年, 比2021年 …) in
 * the sentence or right there. "增加（减少）0" names both directions and gets no sign; zero never has one.
 */
export function readChange(between: string, sentenceBefore: string, written: string): { isChange: boolean; value: string } {
  const changeWord = DECREASE.test(between) || INCREASE.test(between);
  const isChange =
    changeWord && (CHANGE_CONTEXT.test(sentenceBefore) || /较|比/.test(between) || /(?:减少|下降|降低|增加|增长|上升)-?$/.test(between));
  if (!isChange) return { isChange, value: written };
  const down = DECREASE.test(between) && !INCREASE.test(between);
  const signed = down && !written.startsWith('-') && !/^0+(?:\.0+)?$/.test(written);
  return { isChange, value: signed ? `-${written}` : written };
}
