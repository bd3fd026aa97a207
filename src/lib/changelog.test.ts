import { describe, expect, it } from 'vitest';
import { currentVersion, parseChangelog } from './changelog';

const HEADER = 'version,date,changes\n';

describe('parseChangelog', () => {
  it('reads the releases, newest last, and the current version is the last', () => {
    const entries = parseChangelog(`${HEADER}0.1.0,2026-11-24,首批\n0.10.0,2026-12-02,"下载, 数据包"\n`);
    expect(entries.map((e) => [e.id, e.date, e.changes])).toEqual([
      ['0.1.0', '2026-11-24', '首批'],
      ['0.10.0', '2026-12-02', '下载, 数据包'],
    ]);
    expect(currentVersion(entries)).toEqual({ version: '0.10.0', date: '2026-12-02' });
  });

  it.each([
    ['a bad version', `${HEADER}v1,2026-11-24,x\n`, 'data/CHANGELOG.csv:2: version: a version written major.minor.patch'],
    ['a bad date', `${HEADER}0.1.0,24.11.2026,x\n`, 'data/CHANGELOG.csv:2: date: a date written YYYY-MM-DD'],
    [
      'versions out of order',
      `${HEADER}0.2.0,2026-11-24,x\n0.1.9,2026-12-02,y\n`,
      'data/CHANGELOG.csv:3: version and date must follow 0.2.0',
    ],
    ['dates out of order', `${HEADER}0.1.0,2026-12-02,x\n0.2.0,2026-11-24,y\n`, 'data/CHANGELOG.csv:3: version and date must follow 0.1.0'],
    ['no release', HEADER, 'no release listed'],
    ['a wrong header', 'version,changes\n0.1.0,x\n', 'missing column(s) date'],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseChangelog(text)).toThrow(message);
  });
});
