import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset-files';
import { validateDataset } from './validate';
import {
  PARTITION_ENV,
  PARTITION_FOLDER,
  PROVINCE_FOLDERS,
  childrenCpuSeconds,
  datasetForBuild,
  partitionDataset,
  partitionFolder,
  partitionReportIds,
  provincesOf,
} from './partition';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const { problems, dataset } = validateDataset(readDataset(root));

describe('partitionFolder', () => {
  it.each([
    ['湖南省', 'hunan'],
    ['四川省', 'sichuan'],
    ['新疆维吾尔自治区', 'xinjiang'],
    ['上海市', 'shanghai'],
    ['山西省', 'shanxi'],
    ['陕西省', 'shaanxi'],
    // outside the table: still ASCII, stable and distinct (the hex of the UTF-8 bytes)
    ['湖南', 'x-e6b996e58d97'],
    ['<b>', 'x-3c623e'],
  ])('%s → %s', (province, folder) => {
    expect(partitionFolder(province)).toBe(folder);
    expect(folder).toMatch(PARTITION_FOLDER);
  });

  it('gives each of the 34 province-level divisions its own folder', () => {
    const folders = Object.values(PROVINCE_FOLDERS);
    expect(folders).toHaveLength(34);
    expect(new Set(folders).size).toBe(34);
    for (const folder of folders) expect(folder).toMatch(PARTITION_FOLDER);
  });
});

describe('provincesOf', () => {
  it.each([
    [[], []],
    [[{ province: '湖南省' }, { province: '湖南省' }], ['湖南省']],
    [
      [{ province: '四川省' }, { province: '湖南省' }, { province: '上海市' }],
      ['湖南省', '上海市', '四川省'],
    ],
  ])('%j → %j (each once, in folder order)', (units, expected) => {
    expect(provincesOf(units)).toEqual(expected);
  });
});

describe('partitionDataset over the bundled data', () => {
  it('starts from a dataset without problems', () => {
    expect(problems).toEqual([]);
  });

  const unitsIn = (province: string) => new Set(dataset.units.filter((u) => u.province === province).map((u) => u.id));
  describe.each(provincesOf(dataset.units))('%s', (province) => {
    const part = partitionDataset(dataset, province);
    const units = unitsIn(province);
    const reports = new Set(dataset.reports.filter((r) => units.has(r.unit_id)).map((r) => r.id));

    it('holds exactly its units and their reports, figures, indicators and texts', () => {
      expect(part.units.map((u) => u.id)).toEqual([...units]);
      expect(part.reports.map((r) => r.id)).toEqual([...reports]);
      expect(part.figures).toEqual(dataset.figures.filter((f) => reports.has(f.row.report_id)));
      expect(part.indicators).toEqual(dataset.indicators.filter((i) => reports.has(i.row.report_id)));
      expect([...part.sources.keys()].sort()).toEqual([...reports].sort());
      expect(part.figures.length).toBeGreaterThan(0);
    });
  });

  it('splits the dataset without losing or repeating a row', () => {
    const parts = provincesOf(dataset.units).map((p) => partitionDataset(dataset, p));
    const count = (pick: (d: typeof dataset) => unknown[]) => parts.reduce((n, p) => n + pick(p).length, 0);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(count((d) => d.units)).toBe(dataset.units.length);
    expect(count((d) => d.reports)).toBe(dataset.reports.length);
    expect(count((d) => d.figures)).toBe(dataset.figures.length);
    expect(count((d) => d.indicators)).toBe(dataset.indicators.length);
    expect(parts.reduce((n, p) => n + p.sources.size, 0)).toBe(dataset.sources.size);
  });

  it.each(['湖南', '', 'hunan'])('refuses %j, naming the provinces there are', (province) => {
    expect(() => partitionDataset(dataset, province)).toThrow(/no unit .* province .*湖南省、上海市/);
  });
});

describe('partitionReportIds', () => {
  const record = (line: number, values: Record<string, string>) => ({ line, values });
  const units = [
    record(2, { id: 'a', province: '湖南省' }),
    record(3, { id: 'b', province: '四川省' }),
    record(4, { id: 'c', province: '湖南省' }),
  ];
  const reports = [
    record(2, { id: 'a-2021-budget', unit_id: 'a' }),
    record(3, { id: 'b-2021-budget', unit_id: 'b' }),
    record(4, { id: 'c-2022-budget', unit_id: 'c' }),
    // a report of no listed unit belongs to no partition (validation of every partition names it)
    record(5, { id: 'x-2021-budget', unit_id: 'x' }),
  ];
  it.each([
    ['湖南省', ['a-2021-budget', 'c-2022-budget']],
    ['四川省', ['b-2021-budget']],
    ['广东省', []],
    ['', []],
  ])('%s → %j', (province, ids) => {
    expect([...partitionReportIds(units, reports, province)]).toEqual(ids);
  });
});

describe('datasetForBuild', () => {
  it.each([
    [{}, dataset.reports.length],
    [{ [PARTITION_ENV]: '' }, dataset.reports.length],
    [{ [PARTITION_ENV]: '四川省' }, 1],
    [{ [PARTITION_ENV]: '上海市' }, dataset.reports.filter((r) => r.unit_id.startsWith('sh-')).length],
  ])('%j → %d reports', (env, reports) => {
    expect(datasetForBuild(dataset, env).reports).toHaveLength(reports);
  });
});

describe('childrenCpuSeconds', () => {
  const stat = (comm: string, cutime: string, cstime: string) =>
    `4242 (${comm}) S 1 4242 4242 0 -1 4194304 99 0 0 0 7 3 ${cutime} ${cstime} 20 0 1 0 1146361 3133440 408 18446744073709551615 0`;
  it.each([
    [stat('node', '1234', '66'), 13],
    [stat('tsx', '0', '0'), 0],
    [stat('a (b) c', '150', '50'), 2],
    ['', null],
    [stat('node', '-1', '5'), null],
    [stat('node', 'x', '5'), null],
  ])('%j → %j', (line, seconds) => {
    expect(childrenCpuSeconds(line)).toBe(seconds);
  });
});
