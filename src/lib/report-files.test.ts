import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCollections } from './dataset';
import { readDataset } from './dataset-files';
import { validateDataset } from './validate';
import { writeCorpus } from './synthetic/corpus';
import {
  allChecklists,
  allFigures,
  allFindings,
  allIndicators,
  BY_REPORT_DIR,
  checklistOf,
  figuresOf,
  findingsOf,
  indicatorsOf,
  readReportFile,
  reportFiles,
  textOf,
} from './report-files';

describe('per-report files', () => {
  const root = mkdtempSync(join(tmpdir(), 'report-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeCorpus(24, 'files', (path, content) => {
    mkdirSync(dirname(join(root, 'data', path)), { recursive: true });
    writeFileSync(join(root, 'data', path), content);
  });
  const collections = buildCollections(validateDataset(readDataset(root), 2026).dataset);
  mkdirSync(join(root, BY_REPORT_DIR), { recursive: true });
  const files = new Map(reportFiles(collections));
  for (const [id, { rows, text }] of files) {
    writeFileSync(join(root, BY_REPORT_DIR, `${id}.json`), rows);
    writeFileSync(join(root, BY_REPORT_DIR, `${id}.txt`), text);
  }

  it('writes one file per report, also for a report without rows', () => {
    expect([...files.keys()].sort()).toEqual(collections.reports.map((r) => r.id).sort());
  });

  it('gives back every figure, indicator, finding and checklist in the order of the collections', () => {
    expect(allFigures(root)).toEqual(collections.figures);
    expect(allIndicators(root)).toEqual(collections.indicators);
    expect(allFindings(root)).toEqual(collections.findings);
    expect(allChecklists(root)).toEqual([...collections.completeness].sort((a, b) => a.report_id.localeCompare(b.report_id)));
  });

  /** A copy of the files under another root, which no aggregate has read yet: the one-report readers read it from disk. */
  const unread = () => {
    const copy = mkdtempSync(join(tmpdir(), 'report-files-'));
    cpSync(join(root, 'content'), join(copy, 'content'), { recursive: true });
    return copy;
  };

  // from disk, and (after the aggregate readers above) from the copy they read
  it.each([
    ['from disk', unread],
    ['after the aggregates', () => root],
  ])('gives one report its own rows, findings, checklist and text (%s)', (_, rootOf) => {
    const at = rootOf();
    const report = collections.reports.find(
      (r) => collections.indicators.some((i) => i.report_id === r.id) && collections.findings.some((f) => f.report_id === r.id),
    );
    if (!report) throw new Error('the corpus has no report with indicators and findings');
    expect(figuresOf(report.id, at)).toEqual(collections.figures.filter((f) => f.report_id === report.id));
    expect(indicatorsOf(report.id, at)).toEqual(collections.indicators.filter((i) => i.report_id === report.id));
    expect(findingsOf(report.id, at)).toEqual(collections.findings.filter((f) => f.report_id === report.id));
    expect(checklistOf(report.id, at)).toEqual(collections.completeness.find((c) => c.report_id === report.id));
    expect(textOf(report.id, at)).toBe(report.text);
    if (at !== root) rmSync(at, { recursive: true, force: true });
  });

  it.each([
    ['from disk', unread],
    ['after the aggregates', () => root],
  ])('reads another report after one, and a page sorting what it got changes nothing for the next (%s)', (_, rootOf) => {
    const at = rootOf();
    const [first, second] = collections.reports;
    if (!first || !second) throw new Error('the corpus has fewer than two reports');
    const own = collections.figures.filter((f) => f.report_id === first.id);
    expect(own.length).toBeGreaterThan(1);
    figuresOf(first.id, at).reverse();
    expect(figuresOf(first.id, at)).toEqual(own);
    expect(figuresOf(second.id, at)).toEqual(collections.figures.filter((f) => f.report_id === second.id));
    expect(checklistOf(first.id, at).report_id).toBe(first.id);
    if (at !== root) rmSync(at, { recursive: true, force: true });
  });

  it.each([
    ['a missing file', 'no-such-report', null, /no-such-report\.json is missing: run npm run content/],
    [
      'a figure without its value',
      'broken-report',
      '{"report_id":"broken-report","figures":[{"id":"x"}],"indicators":[],"findings":[],"completeness":{}}',
      /broken-report\.json: figures\.0\.\w+: Required/,
    ],
    [
      'the rows of another report',
      'other-report',
      `{"report_id":"someone-else","figures":[],"indicators":[],"findings":[],"completeness":${JSON.stringify(collections.completeness[0])}}`,
      /holds the rows of someone-else/,
    ],
  ])('refuses %s, naming the file', (_, id, content, error) => {
    if (content !== null) writeFileSync(join(root, BY_REPORT_DIR, `${id}.json`), content);
    expect(() => readReportFile(id, root)).toThrow(error);
  });

  it('refuses a findings file whose finding lost its message, naming the file', () => {
    const [report] = collections.reports;
    if (!report) throw new Error('the corpus has no report');
    const content = JSON.parse(files.get(report.id)?.rows ?? '{}') as { findings: unknown[] };
    content.findings = [{ id: 'x', rule: 'r', severity: 'error' }];
    writeFileSync(join(root, BY_REPORT_DIR, 'lost-message.json'), JSON.stringify({ ...content, report_id: 'lost-message' }));
    expect(() => findingsOf('lost-message', root)).toThrow(/lost-message\.json: findings\.0\.\w+: Required/);
  });

  it('refuses a missing text, naming the file', () => {
    expect(() => textOf('no-such-report', root)).toThrow(/no-such-report\.txt is missing: run npm run content/);
  });

  it('refuses a row of a report that is not in the collections', () => {
    expect(() => [
      ...reportFiles({ reports: [], figures: collections.figures.slice(0, 1), indicators: [], findings: [], completeness: [] }),
    ]).toThrow(/unknown report/);
  });

  it('refuses a report without its completeness checklist', () => {
    expect(() => [...reportFiles({ ...collections, completeness: collections.completeness.slice(1) })]).toThrow(
      /has no completeness checklist/,
    );
  });
});
