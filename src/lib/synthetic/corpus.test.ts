import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-files';
import { buildCollections } from '../dataset';
import { formatProblem, validateDataset } from '../validate';
import { writeCorpus, type CorpusSummary } from './corpus';
import { PROVINCES } from './places';

function inMemory(n: number, seed: string): { files: Map<string, string>; summary: CorpusSummary } {
  const files = new Map<string, string>();
  const summary = writeCorpus(n, seed, (path, content) => files.set(path, content));
  return { files, summary };
}

describe('the synthetic corpus', () => {
  it('is the same, byte for byte, for the same seed and differs for another seed', () => {
    const a = inMemory(30, 'seven');
    const b = inMemory(30, 'seven');
    const c = inMemory(30, 'eight');
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    for (const [path, content] of a.files) expect(b.files.get(path), path).toBe(content);
    expect(c.files.get('reports.csv')).not.toBe(a.files.get('reports.csv'));
  });

  it('writes the layout of data/: manifests, one source per report, its figures and indicators', () => {
    const { files, summary } = inMemory(30, 's');
    expect(summary.reports).toBe(30);
    expect([...files.keys()].filter((p) => p.startsWith('sources/'))).toHaveLength(30);
    expect([...files.keys()].filter((p) => p.startsWith('figures/'))).toHaveLength(30);
    expect(files.has('units.csv') && files.has('reports.csv') && files.has('CHANGELOG.csv')).toBe(true);
    expect(summary.indicators).toBeGreaterThan(0);
    // both layouts the extractor reads: table rows and prose clauses, quoted as written
    const figureCsvs = [...files]
      .filter(([p]) => p.startsWith('figures/'))
      .map(([, c]) => c)
      .join('');
    expect(figureCsvs).toMatch(/\| 本年支出合计 \| [\d,.]+ \|/);
    expect(figureCsvs).toMatch(/“三公”经费财政拨款(预算|决算)为[\d,.]+万元/);
  });

  it('spreads its units over the provinces and gives a unit several reports', () => {
    const { summary, files } = inMemory(600, 'spread');
    expect(summary.units).toBe(200);
    const units = files.get('units.csv') ?? '';
    const provinces = PROVINCES.filter(([, name]) => units.includes(`,${name},`));
    expect(provinces.length).toBe(PROVINCES.length);
  });

  it('never writes a report twice', () => {
    const { files } = inMemory(300, 'ids');
    const ids = (files.get('reports.csv') ?? '')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(new Set(ids).size).toBe(300);
  });

  describe('validated and checked like the real dataset', () => {
    const root = mkdtempSync(join(tmpdir(), 'synthetic-corpus-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const { summary } = (() => {
      const result = writeCorpus(90, 'checked', (path, content) => {
        const file = join(root, 'data', path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      });
      return { summary: result };
    })();
    const { problems, dataset } = validateDataset(readDataset(root), 2026);

    it('passes validation: every quote is verbatim and unique in its source, every value stated in its quote', () => {
      expect(problems.map(formatProblem)).toEqual([]);
      expect(dataset.figures).toHaveLength(summary.figures);
    });

    it('plants contradictions that the checks find, and only those', () => {
      expect(summary.planted.length).toBeGreaterThan(3);
      const { findings } = buildCollections(dataset);
      const errors = findings.filter((f) => f.severity === 'error');
      for (const { reportId, rule } of summary.planted) {
        expect(
          errors.some((f) => f.report_id === reportId && f.rule === rule),
          `${reportId}: ${rule}`,
        ).toBe(true);
      }
      const plantedIds = new Set(summary.planted.map((p) => p.reportId));
      expect(errors.filter((f) => !plantedIds.has(f.report_id)).map((f) => `${f.report_id} ${f.rule}: ${f.message}`)).toEqual([]);
    });
  });
});
