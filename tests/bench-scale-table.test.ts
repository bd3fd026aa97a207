import { describe, expect, it } from 'vitest';
import { scaleTable, type ScaleResult } from '../scripts/bench-scale';

// The bench's table states a bare build stopped for its memory as such, and gives no ratio to it.
const run = (seconds: number, stages: ScaleResult['build']['stages'], extra: Partial<ScaleResult['build']> = {}): ScaleResult['build'] => ({
  status: 0,
  seconds,
  peakRssMB: Math.max(...Object.values(stages).map((st) => st?.peakRssMB ?? 0)),
  stages,
  log: 'build.log',
  ...extra,
});
const result = (bare: ScaleResult['bare']): ScaleResult => ({
  reports: 10000,
  figures: 1,
  build: run(600, {
    data: { seconds: 60, peakRssMB: 2000 },
    astro: { seconds: 180, peakRssMB: 3400 },
    pagefind: { seconds: 360, peakRssMB: 2000 },
  }),
  verify: run(20, {}),
  contentAgain: run(2, {}),
  site: {
    bytes: 1,
    htmlPages: 1,
    medianPageGzKB: 1,
    largestPage: { path: 'a.html', gzKB: 1 },
    medianReportPageGzKB: 1,
    largestReportPage: { path: 'b.html', gzKB: 1 },
    maxJsOnNonSearchPage: { path: '', bytes: 0 },
    searchIndexBytes: 1,
  },
  search: 'no browser',
  bare,
});

describe('scaleTable', () => {
  it('gives the ratio to a bare build that finished', () => {
    const bare = {
      pages: 1,
      build: run(300, { astro: { seconds: 120, peakRssMB: 1500 }, pagefind: { seconds: 180, peakRssMB: 3000 } }),
      site: { bytes: 1, searchIndexBytes: 1 },
    };
    const table = scaleTable([result(bare)]);
    expect(table).toContain('| 2.00× | 2.00× |');
    expect(table).toContain('3 m 00 s, 3.00 GB');
  });

  it('says a bare build was stopped for its memory, and gives no ratio to it', () => {
    const stopped = run(
      200,
      { astro: { seconds: 120, peakRssMB: 1500 }, pagefind: { seconds: 80, peakRssMB: 8100 } },
      { status: null, stoppedAtMB: 8100 },
    );
    const table = scaleTable([result({ pages: 1, build: stopped, site: { bytes: 1, searchIndexBytes: 1 } })]);
    expect(table).toContain('stopped at 8.10 GB after 1 m 20 s | – | 2.00× |');
  });

  it('gives the build again over the same data, with its Astro and Pagefind stages', () => {
    const again = run(200, { astro: { seconds: 150, peakRssMB: 3000 }, pagefind: { seconds: 30, peakRssMB: 500 } });
    expect(scaleTable([{ ...result(null), buildAgain: again }])).toContain('| 2.0 s | 3 m 20 s, 2 m 30 s, 30.0 s |');
    expect(scaleTable([result(null)])).toContain('| 2.0 s | – |');
  });
});
