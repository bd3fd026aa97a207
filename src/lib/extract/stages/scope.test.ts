import { describe, expect, it } from 'vitest';
import { mentionsEarlierYear, opensWithEarlierYear, speaksOfPriorYear, type YearWords } from './scope';

const words = (over: Partial<YearWords>): YearWords => ({
  afterLabel: '',
  beforeLabel: '',
  clause: '',
  year: 2022,
  sentenceAboutEarlierYear: false,
  ...over,
});

describe('speaksOfPriorYear: the number is the previous year’s', () => {
  it.each<[name: string, over: Partial<YearWords>, prior: boolean]>([
    ['上年 between label and number', { afterLabel: '上年为', clause: '公务接待费上年为' }, true],
    ['上一年 between label and number', { afterLabel: '上一年度', clause: '公务接待费上一年度' }, true],
    ['上年 before the label', { beforeLabel: '上年', clause: '上年“三公”经费支出' }, true],
    ['上年度 before the label', { beforeLabel: '上年度', clause: '上年度支出' }, true],
    ['较上年 before the label is a comparison', { beforeLabel: '较上年', clause: '较上年支出' }, false],
    ['比上年 before the label is a comparison', { beforeLabel: '比上年', clause: '比上年支出' }, false],
    ['an earlier year in the clause', { clause: '2021年度为' }, true],
    ['the report’s year in the clause', { clause: '2022年度支出' }, false],
    ['an earlier year compared with', { clause: '比2021年度增加' }, false],
    ['与…相比', { clause: '与2021年相比,增加' }, false],
    ['an earlier year but no report year known', { clause: '2021年度为', year: null }, false],
    ['a sentence about an earlier year', { clause: '其中公务接待费', sentenceAboutEarlierYear: true }, true],
    ['… unless the clause names the report’s year', { clause: '2022年公务接待费', sentenceAboutEarlierYear: true }, false],
    ['no year words', { afterLabel: '为', clause: '公务接待费为' }, false],
  ])('%s', (_name, over, prior) => {
    expect(speaksOfPriorYear(words(over))).toBe(prior);
  });
});

describe('mentionsEarlierYear and opensWithEarlierYear', () => {
  it.each<[clause: string, year: number | null, earlier: boolean]>([
    ['2021年度为', 2022, true],
    ['2022年度为', 2022, false],
    ['比2010年稍多', 2011, false],
    ['同2020年', 2022, false],
    ['2020年度相比', 2022, false],
    ['2021年度为', null, false],
  ])('mentions «%s» (report %s): %s', (clause, year, earlier) => {
    expect(mentionsEarlierYear(clause, year)).toBe(earlier);
  });
  it.each<[sentence: string, year: number | null, opens: boolean]>([
    ['2021年的三公经费决算数合计为807.95万', 2022, true],
    ['（一）2021年三公经费', 2022, true],
    ['2022年三公经费', 2022, false],
    ['本年与2021年相比', 2022, false],
    ['2021年三公经费', null, false],
  ])('opens «%s» (report %s): %s', (sentence, year, opens) => {
    expect(opensWithEarlierYear(sentence, year)).toBe(opens);
  });
});
