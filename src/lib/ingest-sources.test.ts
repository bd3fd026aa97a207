import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { githubUrl, kindOfSidecar, parseSidecar, sidecarEntry } from './ingest-sources';

describe('kindOfSidecar', () => {
  it.each<[string, string | undefined]>([
    ['部门预算', '部门预算'],
    ['部门预算 (9 tables incl. 三公和机关运行经费表 + 项目经费说明)', '部门预算'],
    ['部门决算 (MODIFIED)', '部门决算'],
    ['部门决算 TEMPLATE (blank 样张)', undefined],
    ['单位预算 (事业单位)', undefined],
    ['', undefined],
  ])('%s', (value, expected) => expect(kindOfSidecar(value)).toBe(expected));
});

describe('parseSidecar', () => {
  it('reads url, retrieved, unit, year and kind by column name', () => {
    const csv =
      'kind,file,url,retrieved,unit,year\n部门决算,a/x.pdf,https://example.gov.cn/x.pdf,2025-01-02,甲县财政局,2024\n,y.html,,,,20x4\n';
    const sidecar = parseSidecar(csv);
    expect(sidecar).toEqual({
      ok: true,
      entries: new Map([
        [
          'a/x.pdf',
          {
            options: { url: 'https://example.gov.cn/x.pdf', retrieved: '2025-01-02', year: '2024', kind: '部门决算' },
            unitName: '甲县财政局',
          },
        ],
        ['y.html', { options: {} }],
      ]),
    });
  });
  it('builds the URL of a GitHub copy from repo, path_in_repo and commit', () => {
    const sidecar = parseSidecar('file,repo,path_in_repo,commit\nx.pdf,o/r,samples/上海 a.pdf,abc123\n');
    expect(sidecar.ok && sidecar.entries.get('x.pdf')?.options.url).toBe(githubUrl('o/r', 'abc123', 'samples/上海 a.pdf'));
    expect(githubUrl('o/r', 'abc123', 'samples/上海 a.pdf')).toBe('https://github.com/o/r/blob/abc123/samples/%E4%B8%8A%E6%B5%B7%20a.pdf');
  });
  it('refuses a CSV without a file column', () => {
    expect(parseSidecar('name,url\nx.pdf,https://a.b/\n')).toEqual({ ok: false, error: 'has no column file (columns: name, url)' });
  });
  const realdocs = '../shared/realdocs/SOURCES.csv';
  it.skipIf(!existsSync(realdocs))('reads ../shared/realdocs/SOURCES.csv (skipped: ../shared/realdocs is absent)', () => {
    const sidecar = parseSidecar(readFileSync(realdocs, 'utf8'));
    if (!sidecar.ok) throw new Error(sidecar.error);
    const entry = sidecarEntry(sidecar.entries, 'sh-putuo-sfj-2026-dept-budget.pdf');
    expect(entry?.unitName).toBe('上海市普陀区司法局');
    expect(entry?.options).toMatchObject({ year: '2026', kind: '部门预算' });
    expect(entry?.options.url).toMatch(/^https:\/\/github\.com\/zxj6827111-blip\/GovBudgetChecker\/blob\/6926e63/);
  });
});

describe('sidecarEntry', () => {
  const entries = new Map([
    ['shanghai/a.pdf', { options: { year: '2024' } }],
    ['x/b.pdf', { options: { year: '2023' } }],
    ['y/b.pdf', { options: { year: '2022' } }],
  ]);
  it.each<[string, string | undefined]>([
    ['shanghai/a.pdf', '2024'],
    ['a.pdf', '2024'],
    ['b.pdf', undefined], // two entries end in b.pdf: neither is taken
    ['x/b.pdf', '2023'],
    ['c.pdf', undefined],
  ])('%s', (path, year) => expect(sidecarEntry(entries, path)?.options.year).toBe(year));
});
