import { describe, expect, it } from 'vitest';
import { EXTRACTOR_UNIT_WORDS, QUOTE_UNIT_WORDS, unitWordAt, type UnitReading } from './unit-words';

type Read = [unit: UnitReading, word: string] | null;
const read = (after: string, options = EXTRACTOR_UNIT_WORDS): Read => {
  const found = unitWordAt(after, options);
  return found ? [found.unit, found.word] : null;
};

describe('unitWordAt: the unit word after a number', () => {
  it.each<[after: string, extractor: Read, quote: Read]>([
    ['万元，', ['万元', '万元'], ['万元', '万元']],
    ['万，剩余资金', ['万元', '万'], ['万元', '万']],
    ['万余元', ['万元', '万'], ['万元', '万']],
    ['亿元', ['亿元', '亿元'], ['亿元', '亿元']],
    ['元', ['元', '元'], ['元', '元']],
    ['%', ['%', '%'], ['%', '%']],
    ['人次', ['人次', '人次'], ['人次', '人次']],
    ['名', ['人', '名'], ['人', '名']],
    ['台（套）', ['台套', '台（套）'], ['台套', '台（套）']],
    ['批次', ['批次', '批次'], ['批次', '批次']],
    ['次', ['other', '次'], ['other', '次']],
    ['分', ['分', '分'], ['分', '分']],
    ['分别为', null, null],
    // 万 before a counted thing or another unit multiplies it: not 万元
    ['万人', ['other', '万人'], ['other', '万人']],
    ['万多户', ['other', '万'], ['other', '万']],
    ['万亿元', ['other', '万'], ['other', '万']],
    ['万辆', ['other', '万'], ['other', '万']],
    ['吨', ['other', '吨'], ['other', '吨']],
    ['千瓦时', ['other', '千瓦时'], ['other', '千瓦时']],
    // the edges: a per-capita standard, a date or ordinal, a bare 亿
    ['元/人', ['other', '元/'], ['元', '元']],
    ['万元每人', ['other', '万元每'], ['万元', '万元']],
    ['年度', ['skip', '年'], null],
    ['号文', ['skip', '号'], null],
    ['亿', ['other', '亿'], null],
    ['', null, null],
    ['是', null, null],
  ])('%j: extractor %j, quote %j', (after, extractor, quote) => {
    expect(read(after, EXTRACTOR_UNIT_WORDS)).toEqual(extractor);
    expect(read(after, QUOTE_UNIT_WORDS)).toEqual(quote);
  });
});
