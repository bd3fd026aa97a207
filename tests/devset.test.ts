import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDocumentScore, formatSetScore, totalScore } from '../src/lib/extract/evaluate';
import { scoreLabelledSet } from '../src/lib/extract/labelled-set';

/*
 * The devset (../shared/devset: 50 real excerpts with labelled figures, unit, year and kind), scored as its
 * score.py scores it. A regression guard, not the targets: the floors are the scores measured when this test
 * was written (issue 8), rounded down a little (two documents' worth of header); raise them as the extractor
 * improves. The targets themselves (unit ≥ 90 %, year ≥ 98 %, kind ≥ 95 %) are checked by npm run bench.
 */

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const devset = join(projectRoot, '..', 'shared', 'devset');
const missing =
  existsSync(join(devset, 'docs')) && existsSync(join(devset, 'gold')) ? null : `${devset} not found (a clone without ../shared)`;
if (missing) console.warn(`devset: skipped: ${missing}`);
const python = spawnSync('python3', ['--version']).status === 0;

// A regression guard, not the targets: measured 2026-12-02 after the layout readers and the header stage:
// recall 0.952 (236/248), precision 0.989 (271/274), unit 46/46, year 49/49, kind 49/50.
const FLOOR = { recall: 0.94, precision: 0.98, unit: 0.97, year: 0.97, kind: 0.96 };

describe.skipIf(missing !== null)('devset scores (../shared/devset)', () => {
  const documents = missing ? [] : scoreLabelledSet(devset);
  const total = totalScore(documents);
  const rate = (right: number, of: number) => (of === 0 ? 0 : right / of);

  it('scores every document without a failure and every quote verbatim', () => {
    expect(total.documents).toBeGreaterThanOrEqual(50);
    expect(total.failed).toBe(0);
    expect(total.quotes.ok).toBe(total.quotes.total);
  });

  it(`does not fall below the recall and precision floors (${formatSetScore(total)})`, () => {
    const detail = documents.flatMap(formatDocumentScore).join('\n');
    expect(rate(total.recall.hit, total.recall.total), detail).toBeGreaterThanOrEqual(FLOOR.recall);
    expect(rate(total.precision.ok, total.precision.considered), detail).toBeGreaterThanOrEqual(FLOOR.precision);
  });

  it.each(['unit', 'year', 'kind'] as const)('does not fall below the %s floor', (field) => {
    const wrong = documents
      .filter((d) => d.header[field] === false)
      .map((d) => `${d.id}: ${String(d.emitted[field])} (gold ${String(d.gold[field])})`);
    expect(rate(total.header[field].right, total.header[field].labelled), wrong.join('\n')).toBeGreaterThanOrEqual(FLOOR[field]);
  });

  it.skipIf(!python)('agrees with score.py on the current extractor (skipped where python3 is missing)', { timeout: 300_000 }, () => {
    const printed = execFileSync('python3', [join(devset, 'score.py'), devset, '--verbose'], { cwd: projectRoot, encoding: 'utf8' });
    const ours = [...documents.flatMap(formatDocumentScore), formatSetScore(total)];
    console.log(`score.py:     ${printed.trim().split('\n').at(-1)}\nextract:eval: ${formatSetScore(total)}`);
    // every line: per document recall, precision, header and each missed and wrong figure, then the totals
    expect(ours).toEqual(printed.trim().split('\n'));
  });
});
if (!python) console.warn('devset: python3 not found: the comparison with score.py is skipped');

/* npm run extract:eval -- --set DIR as a user runs it, on a labelled set of two documents made here. */
describe('npm run extract:eval -- --set DIR', () => {
  const set = mkdtempSync(join(tmpdir(), 'labelled-set-'));
  afterAll(() => rmSync(set, { recursive: true, force: true }));
  mkdirSync(join(set, 'docs'));
  mkdirSync(join(set, 'gold'));
  const label = (metric: string, value: number, unit: string, phase: string) => ({ metric, value, unit, quote: '', phase });
  writeFileSync(
    join(set, 'docs', 'X1.txt'),
    '寿县司法局2022年“三公”经费决算情况说明\n2022年“三公”经费支出决算5万元,其中公务接待费2万元。\n',
  );
  writeFileSync(
    join(set, 'gold', 'X1.json'),
    JSON.stringify({
      unit: '寿县司法局',
      year: 2022,
      kind: '三公经费说明',
      figures: [
        label('sangong_total', 5, '万元', 'actual'),
        label('sangong_reception', 2, '万元', 'actual'),
        label('sangong_abroad', 1, '万元', 'actual'),
      ],
    }),
  );
  writeFileSync(join(set, 'docs', 'X2.txt'), '2020年度全区“三公”经费决算情况\n');
  writeFileSync(join(set, 'gold', 'X2.json'), JSON.stringify({ unit: null, year: 2020, kind: '三公经费说明', figures: [] }));
  // labels as a careless or hostile gold file may write them: score.py skips or keys them in its own way
  writeFileSync(join(set, 'docs', 'X3.txt'), '寿县司法局2022年“三公”经费决算情况说明\n2022年“三公”经费支出决算5万元,比上年减少1万元。\n');
  writeFileSync(
    join(set, 'gold', 'X3.json'),
    JSON.stringify({
      unit: ' 寿县司法局 ',
      year: '2022',
      kind: null,
      figures: [
        { metric: 'sangong_total', value: '50,000', unit: '元', phase: 'actual' },
        { metric: 'sangong_total', value: 0.05, unit: 'ratio' },
        { metric: 'sangong_total', value: 1, unit: '万元', scope: 'change_vs_prior' },
        { metric: 'budget_initial', value: 5, unit: '万元', scope: 'Basic' },
        { metric: 'staff_count', value: null, unit: '人' },
        { metric: 'staff_count', value: 3, phase: 'actual' },
        { value: 1, unit: '元' },
        { metric: 'sangong_reception', value: ' 1_0 ', unit: '万' },
      ],
    }),
  );
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/extract-eval.ts', ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('prints score.py’s summary line last', () => {
    const r = run('--set', set);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'recall 0.375 (3/8) precision 1.000 (3/3) header unit2/2 year3/3 kind2/2 quotes-ok 4/4 docs 3 failed 0',
    ]);
  });

  it('with --verbose, lists each document’s missed figures and whether its header is right', () => {
    const r = run('--set', set, '--verbose');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('    missed sangong_abroad 10000.0');
    expect(lines).toContain('    header unit ok year ok kind ok');
    expect(lines).toContain('    header unit unlabelled year ok kind ok');
    expect(lines.at(-1)).toMatch(/^recall 0\.375 /);
  });

  it.skipIf(!python || missing !== null)(
    'agrees with score.py, odd labels included (skipped where python3 or score.py is missing)',
    { timeout: 120_000 },
    () => {
      const printed = execFileSync('python3', [join(devset, 'score.py'), set, '--verbose'], { cwd: projectRoot, encoding: 'utf8' });
      const ours = run('--set', set, '--verbose')
        .stdout.split('\n')
        .filter((l) => !l.startsWith('    header '));
      expect(ours.join('\n').trim()).toBe(printed.trim());
    },
  );

  it('refuses a folder without docs/ and gold/', () => {
    const r = run('--set', join(set, 'docs'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--set needs a folder with docs\/ and gold\//);
  });
});
