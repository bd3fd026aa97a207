import { describe, expect, it } from 'vitest';
import { parsePartitionLine, partitionOfCwd } from './partitions';

describe('parsePartitionLine', () => {
  it('reads the steps and the total of a partition, behind the join’s prefix or not', () => {
    const line =
      '[hunan] partition hunan (湖南省): content 6.3 s (CPU 3.4 s), search words 25.0 s (CPU 10.1 s), canonical 1.0 s; total 97.4 s (CPU 37.0 s)';
    const expected = {
      folder: 'hunan',
      province: '湖南省',
      steps: [
        { label: 'content', wall: 6.3, cpu: 3.4 },
        { label: 'search words', wall: 25, cpu: 10.1 },
        { label: 'canonical', wall: 1, cpu: null },
      ],
      wall: 97.4,
      cpu: 37,
    };
    expect(parsePartitionLine(line)).toEqual(expected);
    expect(parsePartitionLine(line.slice('[hunan] '.length))).toEqual(expected);
  });

  it.each([
    ['join: hunan (湖南省) built in 98.9 s'],
    ['[hunan] 11:38:02 [build] Complete!'],
    ['partition hunan (湖南省): content 6.3 s; total soon'],
    ['partition hunan (湖南省): content fast; total 9 s'],
    ['partition Hunan (湖南省): content 6.3 s; total 9 s'],
    [''],
  ])('%j → null', (line) => {
    expect(parsePartitionLine(line)).toBeNull();
  });
});

describe('partitionOfCwd', () => {
  it.each([
    ['/tmp/b/.partitions/hunan', 'hunan'],
    ['/tmp/b/.partitions/hunan/dist', 'hunan'],
    ['/tmp/b/.partitions', null],
    ['/tmp/b/.partitions/', null],
    ['/tmp/b/.partitions-old/hunan', null],
    ['/tmp/b', null],
  ])('%s → %s', (cwd, folder) => {
    expect(partitionOfCwd(cwd, '/tmp/b/.partitions')).toBe(folder);
    expect(partitionOfCwd(cwd, '/tmp/b/.partitions/')).toBe(folder);
  });
});
