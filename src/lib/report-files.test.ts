import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCollections } from './dataset';
import { readDataset } from './dataset-files';
import { validateDataset } from './validate';
import { writeCorpus } from './synthetic/corpus';
import { allFigures, allIndicators, BY_REPORT_DIR, figuresOf, indicatorsOf, readReportFile, reportFiles } from './report-files';

describe('per-report files', () => {
  const root = mkdtempSync(join(tmpdir(), 'report-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeCorpus(24, 'files', (path, content) => {
    mkdirSync(dirname(join(root, 'data', path)), { recursive: true });
    writeFileSync(join(root, 'data', path), content);
  });
  const collections = buildCollections(validateDataset(readDataset(root), 2026).dataset);
  mkdirSync(join(root, BY_REPORT_DIR), { recursive: true });
  const files = reportFiles(collections);
  for (const [id, text] of files) writeFileSync(join(root, BY_REPORT_DIR, `${id}.json`), text);

  it('writes one file per report, also for a report without rows', () => {
    expect([...files.keys()].sort()).toEqual(collections.reports.map((r) => r.id).sort());
  });

  it('gives back every figure and indicator in the order of the collections', () => {
    expect(allFigures(root)).toEqual(collections.figures);
    expect(allIndicators(root)).toEqual(collections.indicators);
  });

  it('gives one report its own rows', () => {
    const report = collections.reports.find((r) => collections.indicators.some((i) => i.report_id === r.id));
    if (!report) throw new Error('the corpus has no report with indicators');
    expect(figuresOf(report.id, root)).toEqual(collections.figures.filter((f) => f.report_id === report.id));
    expect(indicatorsOf(report.id, root)).toEqual(collections.indicators.filter((i) => i.report_id === report.id));
  });

  it.each([
    ['a missing file', 'no-such-report', null, /no-such-report\.json is missing: run npm run content/],
    [
      'a figure without its value',
      'broken-report',
      '{"report_id":"broken-report","figures":[{"id":"x"}],"indicators":[]}',
      /broken-report\.json: figures\.0\.\w+: Required/,
    ],
    [
      'the rows of another report',
      'other-report',
      '{"report_id":"someone-else","figures":[],"indicators":[]}',
      /holds the rows of someone-else/,
    ],
  ])('refuses %s, naming the file', (_, id, content, error) => {
    if (content !== null) writeFileSync(join(root, BY_REPORT_DIR, `${id}.json`), content);
    expect(() => readReportFile(id, root)).toThrow(error);
  });

  it('refuses a row of a report that is not in the collections', () => {
    expect(() => reportFiles({ reports: [], figures: collections.figures.slice(0, 1), indicators: [] })).toThrow(/unknown report/);
  });
});
