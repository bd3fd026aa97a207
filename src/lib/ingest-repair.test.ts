import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { readDataset } from './dataset-files';
import { INGEST_NOTE, planIngest, sha256Hex, type IngestInput } from './ingest';
import { planMissingFigures, reportsWithoutFigures } from './ingest-repair';
import { REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS } from './validate';

/*
 * What an interrupted ingest of an older version left: the manifest row and the source of a report, and no
 * figures file. Built in memory from a seed of the project's data/ ingested again under a new id.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const ID = 'ceshi-2022-dept-self-eval';
const bytes = readFileSync(join(root, 'data/sources/lukou-ybj-2022-dept-self-eval.txt'));
const dataset = readDataset(root);
const fresh: IngestInput = {
  bytes,
  text: bytes.toString('utf8'),
  fileName: '渌口区自评.txt',
  options: { id: ID, unit: 'lukou-ybj' },
  dataset,
  unitsCsv: readFileSync(join(root, 'data/units.csv'), 'utf8'),
  reportsCsv: readFileSync(join(root, 'data/reports.csv'), 'utf8'),
};
const plan = planIngest(fresh);
if (plan.status !== 'ready') throw new Error(`the seed does not ingest: ${JSON.stringify(plan)}`);
const reportsAfter = String(plan.writes.find((w) => w.path === 'data/reports.csv')?.content ?? '');
const figuresWrite = plan.writes.find((w) => w.path === `data/figures/${ID}.csv`);

/** The dataset after the interrupted ingest, with `edit` applied to the text of its manifest. */
function interrupted(edit: (reportsCsv: string) => string = (t) => t, sourceBytes: Buffer = bytes): IngestInput {
  const reportsCsv = edit(reportsAfter);
  const sources = new Map(dataset.sources);
  sources.set(ID, { file: `data/sources/${ID}.txt`, text: sourceBytes.toString('utf8'), sha256: sha256Hex(sourceBytes) });
  return {
    ...fresh,
    options: {},
    reportsCsv,
    dataset: { ...dataset, reports: parseCsv(reportsCsv, 'data/reports.csv', REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS), sources },
  };
}

/** An edit of the manifest confined to the row of ID (the bundled reports carry the ingest note too). */
const onOwnRow = (edit: (row: string) => string) => (reportsCsv: string) =>
  reportsCsv
    .split('\n')
    .map((row) => (row.startsWith(`${ID},`) ? edit(row) : row))
    .join('\n');

describe('reportsWithoutFigures', () => {
  it.each([
    ['an ingested report without its figures file', interrupted(), [ID], [ID]],
    ['a report whose note a person changed (reviewed)', interrupted(onOwnRow((row) => row.replace(INGEST_NOTE, '已核对'))), [ID], []],
    ['a report with its figures file', interrupted(), ['lukou-ybj-2022-dept-self-eval'], []],
  ])('%s', (_, input, ids, expected) => {
    expect(reportsWithoutFigures(input.dataset, ids)).toEqual(expected);
  });
});

describe('planMissingFigures', () => {
  it('plans exactly the figures file the ingest would have written, and nothing else', () => {
    expect(figuresWrite).toBeDefined();
    expect(planMissingFigures(interrupted(), ID)).toEqual({
      ok: true,
      writes: [figuresWrite],
      figures: plan.figures.length,
      notes: expect.any(Array),
    });
  });

  it.each([
    [
      'the row was edited since',
      interrupted((t) => t.replace(',,,渌口区自评.txt', ',2023-01-05,公开时间,渌口区自评.txt')),
      /would be ingested differently today \(date, date_label\)/,
    ],
    [
      'the source is another text',
      interrupted(undefined, Buffer.concat([bytes, Buffer.from('\n附注\n')])),
      /data\/sources\/ceshi-2022-dept-self-eval\.txt is missing or is not the text/,
    ],
    ['the row is not there', { ...interrupted(), dataset: dataset }, /is not in data\/reports\.csv/],
  ])('refuses when %s', (_, input, error) => {
    const repair = planMissingFigures(input, ID);
    expect(repair.ok).toBe(false);
    expect(repair.ok ? [] : repair.errors).toEqual([expect.stringMatching(error)]);
  });
});
