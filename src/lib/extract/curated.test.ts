import { describe, expect, it } from 'vitest';
import { figureRowSchema, REVIEW_LEVELS } from '../../schemas/figure';
import { reportSchema } from '../../schemas/report';
import { unitSchema } from '../../schemas/unit';
import type { ValidDataset } from '../validate';
import { scoreCurated } from './curated';
import type { DraftFigure, Extraction } from './types';

type Review = (typeof REVIEW_LEVELS)[number];

const unit = unitSchema.parse({
  id: 'shou-sfj',
  name: '寿县司法局',
  short_name: '县司法局',
  province: '安徽省',
  city: '淮南市',
  county: '寿县',
  department_type: '司法局',
});

function report(id: string) {
  return reportSchema.parse({
    id,
    unit_id: unit.id,
    year: '2022',
    kind: '部门决算',
    title: '寿县司法局2022年部门决算',
    date: '',
    date_label: '',
    original_filename: `${id}.txt`,
    sha256: '0'.repeat(64),
    source_url: '',
    retrieved: '',
    note: '',
    original_sha256: '',
    original_format: '',
  });
}

function figure(reportId: string, value: string, review: Review) {
  const row = figureRowSchema.parse({
    report_id: reportId,
    metric: 'sangong_total',
    phase: 'actual',
    scope: '',
    item: '',
    value,
    unit: '万元',
    quote: `“三公”经费支出${value}万元`,
    review,
    note: '',
  });
  return { row, file: `data/figures/${reportId}.csv`, line: 2 };
}

const dataset = (figures: ReturnType<typeof figure>[], reportIds: readonly string[]): ValidDataset => ({
  units: [unit],
  reports: reportIds.map(report),
  figures,
  indicators: [],
  sources: new Map(),
});

/** An extractor that reads the same two figures from every text: 5 and 7 万元. */
function extractsFiveAndSeven(): Extraction {
  const read = (value: string): DraftFigure => ({
    metric: 'sangong_total',
    phase: 'actual',
    scope: '',
    item: '',
    value,
    unit: '万元',
    quote: value,
    start: 0,
  });
  return { unit: '寿县司法局', year: 2022, kind: '部门决算', figures: [read('5'), read('7')] };
}

describe('scoreCurated: the extractor against curated figures only', () => {
  it.each<[name: string, figures: ReturnType<typeof figure>[], reports: string[], scored: string[], skipped: [string, string][]]>([
    ['a report with curated figures is scored', [figure('a-2022', '5', 'curated')], ['a-2022'], ['a-2022'], []],
    [
      'a report whose figures are all machine or checked is skipped, with its figures by review level',
      [
        figure('a-2022', '5', 'curated'),
        figure('b-2022', '5', 'machine'),
        figure('b-2022', '7', 'checked'),
        figure('b-2022', '8', 'machine'),
      ],
      ['a-2022', 'b-2022'],
      ['a-2022'],
      [['b-2022', 'not curated throughout (1 checked, 2 machine)']],
    ],
    ['a report without figures is skipped', [], ['c-2022'], [], [['c-2022', 'not curated throughout (no figures at all)']]],
  ])('%s', (_name, figures, reports, scored, skipped) => {
    const result = scoreCurated(dataset(figures, reports), extractsFiveAndSeven);
    expect(result.scores.map((s) => s.reportId)).toEqual(scored);
    expect(result.skipped.map((s) => [s.reportId, s.reason])).toEqual(skipped);
    // the header of a skipped report is judged all the same
    for (const s of result.skipped) expect([s.unitOk, s.yearOk, s.kindOk]).toEqual([true, true, true]);
  });

  it('skips a report where a person curated only a few rows beside machine-read ones', () => {
    const figures = [figure('a-2022', '5', 'curated'), figure('a-2022', '7', 'machine'), figure('a-2022', '9', 'checked')];
    const result = scoreCurated(dataset(figures, ['a-2022']), extractsFiveAndSeven);
    expect(result.scores).toEqual([]);
    expect(result.skipped.map((s) => [s.reportId, s.reason])).toEqual([
      ['a-2022', 'not curated throughout (1 curated, 1 checked, 1 machine)'],
    ]);
  });

  it('compares a scored report with its curated figures: what it misses and what it reads that no one stated', () => {
    const figures = [figure('a-2022', '5', 'curated'), figure('a-2022', '9', 'curated')];
    const [score] = scoreCurated(dataset(figures, ['a-2022']), extractsFiveAndSeven).scores;
    expect(score).toMatchObject({ curated: 2, recalled: 1, extracted: 2, precise: 1, unitOk: true, yearOk: true, kindOk: true });
    expect(score?.spurious.map((f) => f.value)).toEqual(['7']);
  });
});
