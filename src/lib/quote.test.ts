import { describe, expect, it } from 'vitest';
import { checkQuoteStates, findNumbers, includesIgnoringSpace, normalizeForNumbers, type QuoteCheck } from './quote';
import type { MeasureUnit } from '../schemas/vocabulary';

const OK: QuoteCheck = { ok: true };
const MISSING: QuoteCheck = { ok: false, reason: 'value-missing' };
const mismatch = (found: string): QuoteCheck => ({ ok: false, reason: 'unit-mismatch', found });

describe('checkQuoteStates', () => {
  describe.each<[string, Array<[quote: string, value: string, unit: MeasureUnit, expected: QuoteCheck]>]>([
    [
      'the value is found',
      [
        ['2022年度收、支总计1,153.8万元', '1,153.8', '万元', OK],
        ['2022年度收、支总计1,153.8万元', '１，１５３．８', '万元', OK],
        ['收入１，１５３．８万元', '1,153.8', '万元', OK],
        ['基本支出合计2836283.89元', '2836283.89', '元', OK],
        ['我单位年初预算数为 205.60 万元', '205.60', '万元', OK],
        ['与2021年相比，收、支总计各减少1,075.5万元', '-1,075.5', '万元', OK],
        ['下降48.2%', '-48.2', '%', OK],
        ['占比97.5％', '97.5', '%', OK],
        ['实有在职人员30人', '30', '人', OK],
        ['其中行政编制6名', '6', '人', OK],
        ['公务用车2辆', '2', '辆', OK],
        ['接待12批次', '12', '批次', OK],
        ['接待45人次', '45', '人次', OK],
        ['自评得分95分', '95', '分', OK],
        ['执行率0.628571429', '0.628571429', 'ratio', OK],
        ['政府性基金预算财政拨款收入0万元', '0', '万元', OK],
      ],
    ],
    [
      'a number is a whole token',
      [
        ['支出10.25万元', '0.25', '万元', MISSING],
        ['支出0.255万元', '0.25', '万元', MISSING],
        ['支出0.25万元', '0.25', '万元', OK],
        ['合计1153.8万元', '153.8', '万元', MISSING],
        ['合计1,153.8万元', '153.8', '万元', MISSING],
        ['合计1,153.8万元', '1,153', '万元', MISSING],
        ['编号1,2345', '1,234', '万元', MISSING],
        ['2021,2022年', '2022', '万元', OK],
        ['国内公务接待批次为1039次', '1039', '批次', OK],
        ['会议1039次', '1039', '人次', { ok: false, reason: 'unit-mismatch', found: 'other' }],
        ['预算数205.60万元', '205.6', '万元', MISSING], // stated decimals are part of the value
        ['预算数205.6万元', '205.60', '万元', MISSING],
        ['比上年增长12.5%', '12', '%', MISSING],
      ],
    ],
    [
      'the unit written after the number must be the row unit',
      [
        ['年中预算调减3.6元', '3.6', '万元', mismatch('元')],
        ['年中预算调减3.6万元', '3.6', '元', mismatch('万元')],
        ['2023 年度支出 4.02万，剩余资金', '4.02', '万元', OK],
        ['全年基金收入2.09亿元', '2.09', '万元', mismatch('亿元')],
        ['全年基金收入2.09亿元', '2.09', '亿元', OK],
        ['全年2.09万亿元', '2.09', '亿元', mismatch('other')],
        ['参保2.68万人', '2.68', '万元', mismatch('other')],
        ['参保2.68万人', '2.68', '人', mismatch('other')],
        ['实有在职人员30人', '30', '万元', mismatch('人')],
        ['占97.5%', '97.5', '万元', mismatch('%')],
        ['支出5万元，支出5元', '5', '元', OK], // one occurrence in the row's unit is enough
        ['追回7万余元', '7', '万元', OK],
      ],
    ],
    [
      'table cells',
      [
        ['年度资金总额\t\t1155.5\t701.23\t10\t60.7%\t6', '701.23', '万元', OK],
        ['年度资金总额\t\t1155.5\t701.23\t10\t60.7%\t6', '60.7', '%', OK],
        ['8\t6', '86', '人', MISSING],
        ['8\t6', '8', '人', OK],
        ['8 6', '86', '人', MISSING],
        ['| 8 | 6 |', '86', '人', MISSING],
        ['12\n34', '1234', '万元', MISSING],
      ],
    ],
    [
      'numbers broken by PDF conversion',
      [
        ['收、支总计1,153.\n8万元', '1,153.8', '万元', OK],
        ['收、支总计1,153\n.8万元', '1,153.8', '万元', OK],
        ['收、支总计1,\n153.8万元', '1,153.8', '万元', OK],
        ['支出1098.99 万元', '1098.99', '万元', OK],
        ['支出1098.99\n万元', '1098.99', '万元', OK],
        ['支出1098.99\t万元', '1098.99', '万元', OK],
        ['支出1098.99 元', '1098.99', '万元', mismatch('元')],
      ],
    ],
    [
      'invalid values never match',
      [
        ['1.2.3万元', '1.2.3', '万元', MISSING],
        ['abc', 'abc', '万元', MISSING],
        ['', '', '万元', MISSING],
        ['1e5元', '1e5', '元', MISSING],
      ],
    ],
  ])('%s', (_group, cases) => {
    it.each(cases)('%j states %j %s', (quote, value, unit, expected) => {
      expect(checkQuoteStates(quote, value, unit)).toEqual(expected);
    });
  });
});

describe('findNumbers', () => {
  it.each<[string, Array<[string, MeasureUnit | 'other' | null]>]>([
    ['收入1,153.8万元，下降48.2%', [['1,153.8', '万元'], ['48.2', '%']]],
    ['８\t６', [['8', null], ['6', null]]],
    ['编制28个，在职24人，接待3人次', [['28', '个'], ['24', '人'], ['3', '人次']]],
    ['0.255', [['0.255', null]]],
    ['1,2345', [['1', null], ['2345', null]]],
    ['2021,2022年', [['2021', null], ['2022', null]]],
    ['1.2.3', [['1.2', null]]],
    ['购置台式电脑3台', [['3', '台套']]],
    ['全年2.29亿元', [['2.29', '亿元']]],
    ['5吨、6千瓦时', [['5', 'other'], ['6', 'other']]],
    ['没有数字', []],
  ])('%j', (text, expected) => {
    expect(findNumbers(text).map((o) => [o.token, o.unitAfter])).toEqual(expected);
  });

  it('reports offsets in the normalised text', () => {
    const text = '总计1,153.\n8万元';
    const [hit] = findNumbers(text);
    expect(hit).toBeDefined();
    const norm = normalizeForNumbers(text);
    expect(norm.slice(hit?.index, (hit?.index ?? 0) + (hit?.token.length ?? 0))).toBe('1,153.8');
  });
});

describe('normalizeForNumbers', () => {
  it.each([
    ['１，１５３．８万元', '1,153.8万元'],
    ['1098.99 万元', '1098.99万元'],
    ['1,153.\n8', '1,153.8'],
    ['12 \n .5', '12.5'],
    ['8\t6', '8\t6'],
    ['8 6', '8 6'],
    ['8\n6', '8\n6'],
    ['30 人', '30 人'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForNumbers(input)).toBe(expected);
  });
});

describe('includesIgnoringSpace', () => {
  it.each([
    ['株洲市渌口区医疗保障局\n2022年度整体支出绩效自评报告', '株洲市渌口区医疗保障局 2022年度整体支出绩效自评报告', true],
    ['部门单位整体支出绩效\n 自评报告\n(2023 年度)', '部门单位整体支出绩效 自评报告 (2023 年度)', true],
    ['源城区 2022 年财政支出\t绩效自评报告', '源城区2022年财政支出绩效自评报告', true],
    ['株洲市渌口区医疗保障局', '炎陵县医疗保障局', false],
    ['2022年度部门决算', '2021年度部门决算', false],
  ])('%j includes %j → %s', (haystack, needle, expected) => {
    expect(includesIgnoringSpace(haystack, needle)).toBe(expected);
  });
});
