import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from './csv';
import { readDataset, readPartitionScope } from './dataset-files';
import { partitionDataset, provincesOf } from './partition';
import { reportOfFile, validateDataset } from './validate';

/*
 * A partition reads data/units.csv and reports.csv whole and, of the per-report files (figures, indicators,
 * sources, originals), only its province's (issue 11: a partition's cost grows with its province, not with the
 * nation). Each case below breaks one file of a copy of the bundled data/ and compares what the whole dataset's
 * validation says with what each partition's says.
 */

const projectRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const GUANGDONG_REPORT = 'yuancheng-ybj-2021-project-self-eval';
const HUNAN_REPORT = 'lukou-ybj-2022-dept-self-eval';
const SHANGHAI_REPORT = 'sh-putuo-czj-2024-final-accounts';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mingzhang-partition-read-'));
  cpSync(join(projectRoot, 'data'), join(root, 'data'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const wholeProblems = () => validateDataset(readDataset(root)).problems;
const partition = (province: string) => validateDataset(readDataset(root, readPartitionScope(root, province)));
const where = (problems: readonly Problem[]) => problems.map((p) => ({ file: p.file, line: p.line, field: p.field }));

describe('a partition read over the bundled data', () => {
  const whole = validateDataset(readDataset(projectRoot));
  it.each(provincesOf(whole.dataset.units))(
    '%s: the same rows, locations and texts as the whole read, kept to the province',
    (province) => {
      const own = validateDataset(readDataset(projectRoot, readPartitionScope(projectRoot, province)));
      expect(own.problems).toEqual([]);
      expect(partitionDataset(own.dataset, province)).toEqual(partitionDataset(whole.dataset, province));
    },
  );

  it('reads only the files of its own reports', () => {
    const scope = readPartitionScope(projectRoot, '四川省');
    expect([...scope]).toEqual(['leshan-shizhong-ybj-2022-final-accounts']);
    const input = readDataset(projectRoot, scope);
    const files = [...input.figures, ...input.indicators].map((csv) => csv.file);
    expect(files).toEqual([
      'data/figures/leshan-shizhong-ybj-2022-final-accounts.csv',
      'data/figures/leshan-shizhong-ybj-2022-final-accounts.appendix.csv',
      'data/indicators/leshan-shizhong-ybj-2022-final-accounts.csv',
    ]);
    expect([...input.sources.keys()]).toEqual([...scope]);
    expect(input.originals?.size).toBe(0);
    // the manifests are read whole
    expect(input.reports.records).toHaveLength(whole.dataset.reports.length);
    expect(input.units.records).toHaveLength(whole.dataset.units.length);
  });
});

describe('a broken file stops the whole build and its own province, never another province', () => {
  const cases: { name: string; owner: string; breakIt: () => void; file: string; line: number; field: string }[] = [
    {
      name: 'a figure whose quote is not in its source',
      owner: '广东省',
      breakIt: () =>
        appendFileSync(
          join(root, 'data', 'figures', `${GUANGDONG_REPORT}.csv`),
          `${GUANGDONG_REPORT},funds_allocated,actual,,,1.5,万元,不在原文中的1.5万元,curated,\n`,
        ),
      file: `data/figures/${GUANGDONG_REPORT}.csv`,
      line: 35,
      field: 'quote',
    },
    {
      name: 'a source text changed after its sha256 was recorded',
      owner: '广东省',
      breakIt: () => appendFileSync(join(root, 'data', 'sources', `${GUANGDONG_REPORT}.txt`), '多出的一行\n'),
      file: 'data/reports.csv',
      line: 5,
      field: 'sha256',
    },
    {
      name: 'an indicator file that is not UTF-8',
      owner: '广东省',
      breakIt: () => appendFileSync(join(root, 'data', 'indicators', `${GUANGDONG_REPORT}.csv`), Buffer.from([0xff, 0xfe, 0x0a])),
      file: `data/indicators/${GUANGDONG_REPORT}.csv`,
      line: 26,
      field: '',
    },
    {
      name: 'a leftover file beside a report’s figures',
      owner: '广东省',
      breakIt: () => writeFileSync(join(root, 'data', 'figures', `${GUANGDONG_REPORT}.csv.bak`), 'report_id\n'),
      file: `data/figures/${GUANGDONG_REPORT}.csv.bak`,
      line: 0,
      field: '',
    },
    {
      name: 'an original replaced',
      owner: '上海市',
      breakIt: () => appendFileSync(join(root, 'data', 'originals', `${SHANGHAI_REPORT}.pdf`), '%%EOF\n'),
      file: 'data/reports.csv',
      line: 7,
      field: 'original_sha256',
    },
    {
      name: 'a row of another province’s report in a report’s file',
      owner: '湖南省',
      breakIt: () =>
        appendFileSync(
          join(root, 'data', 'figures', `${HUNAN_REPORT}.csv`),
          `${GUANGDONG_REPORT},funds_allocated,actual,医疗救助补助资金,中央下达,86.91,万元,其中中央下达86.91万元,curated,\n`,
        ),
      file: `data/figures/${HUNAN_REPORT}.csv`,
      line: 28,
      field: 'report_id',
    },
  ];

  it.each(cases)('$name: $file [$field]', ({ owner, breakIt, file, line, field }) => {
    expect(wholeProblems()).toEqual([]);
    breakIt();
    const problems = wholeProblems();
    expect(where(problems)[0]).toEqual({ file, line, field });
    // the province whose file it is sees exactly what the whole build sees; every other province nothing
    expect(partition(owner).problems).toEqual(problems);
    for (const other of ['四川省', '新疆维吾尔自治区', '湖南省', '上海市', '广东省'].filter((p) => p !== owner)) {
      expect(partition(other).problems, other).toEqual([]);
    }
  });

  it('a broken row of a manifest stops every partition', () => {
    const reports = join(root, 'data', 'reports.csv');
    appendFileSync(reports, `x-ybj-2021-budget,no-such-unit,2021,部门预算,标题,2021-01-01,填报日期,x.txt,${'0'.repeat(64)},,,,,\n`);
    for (const province of ['四川省', '湖南省', '广东省']) {
      expect(where(partition(province).problems), province).toContainEqual({ file: 'data/reports.csv', line: 18, field: 'unit_id' });
    }
  });
});

describe('reportOfFile', () => {
  it.each([
    ['data/figures/x-2021-budget.csv', 'x-2021-budget'],
    ['data/figures/x-2021-budget.appendix.csv', 'x-2021-budget'],
    ['data/sources/x-2021-budget.txt', 'x-2021-budget'],
    ['x-2021-budget.csv.bak', 'x-2021-budget'],
    ['data/originals/x.pdf', 'x'],
    ['no-dot', 'no-dot'],
  ])('%s → %s', (file, report) => {
    expect(reportOfFile(file)).toBe(report);
  });
});
