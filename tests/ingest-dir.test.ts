import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSnapshot } from './helpers/file-tree';
import { projectRoot } from './helpers/built-site';
import { readDataset } from '../src/lib/dataset-files';
import { parseCsv } from '../src/lib/csv';
import { sha256Hex } from '../src/lib/ingest';
import { FIGURE_COLUMNS, REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS, validateDataset } from '../src/lib/validate';

/*
 * `npm run ingest -- DIR` end to end, into a copy of data/ in a temporary directory: a download folder with a
 * text report, an HTML page, a PDF from ../shared/realdocs (left out, with a reason, when that folder is
 * absent), a broken file and a copy of a report already in the dataset, and a SOURCES.csv beside them.
 */

const TSX = join(projectRoot, 'node_modules/.bin/tsx');
const SCRIPT = join(projectRoot, 'scripts/ingest.ts');
const REALDOC = join(projectRoot, '../shared/realdocs/shanghai/sh-putuo-ghzyj-2024-final.pdf');
const HAS_PDF = existsSync(REALDOC);
if (!HAS_PDF) console.warn(`tests/ingest-dir.test.ts: the PDF part is skipped: ${REALDOC} is absent`);

const TEXT_REPORT = [
  '甲县医疗保障局',
  '2023年度部门整体支出绩效自评报告',
  '',
  '一、基本情况',
  '实有在职人员30人。年初预算数100万元，全年执行数95万元，执行率95%。',
  '',
].join('\n');
// the total is stated in two sentences: no table row confirms it, so it stays `machine`
const HTML_REPORT = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>乙县医疗保障局2023年度部门决算</title></head>
<body>
<h1>乙县医疗保障局2023年度部门决算</h1>
<h2>一、收入支出决算总体情况说明</h2>
<p>2023年度本年支出合计120.5万元。</p>
<h2>二、支出决算情况说明</h2>
<p>本年支出合计为1,205,000元，其中：基本支出100万元。</p>
</body></html>
`;
const SIDECAR = [
  'file,url,retrieved,unit,year,kind',
  'yi-2023.html,https://example.gov.cn/yi/2023.html,2024-06-01,乙县医疗保障局,2023,部门决算',
  'ghzyj.pdf,https://example.gov.cn/ghzyj.pdf,2025-02-03,上海市普陀区规划和自然资源局,2024,部门决算',
  '',
].join('\n');
const UNITS = [
  'jia-ybj,甲县医疗保障局,甲县医保局,湖南省,株洲市,甲县,医疗保障局',
  'yi-ybj,乙县医疗保障局,乙县医保局,湖南省,株洲市,乙县,医疗保障局',
  'sh-putuo-ghzyj,上海市普陀区规划和自然资源局,普陀区规划资源局,上海市,上海市,普陀区,规划和自然资源局',
  '',
].join('\n');
const DUPLICATE_OF = 'lukou-ybj-2022-dept-self-eval';

let root = '';
let inbox = '';

function ingest(...args: string[]) {
  const run = spawnSync(TSX, [SCRIPT, ...args, '--root', root], { encoding: 'utf8', cwd: root });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const snapshot = () => dataSnapshot(root);

const reportRows = () =>
  parseCsv(readFileSync(join(root, 'data/reports.csv'), 'utf8'), 'reports', REPORT_COLUMNS, REPORT_OPTIONAL_COLUMNS).records.map(
    (r) => r.values,
  );
const figureRows = (id: string) =>
  parseCsv(readFileSync(join(root, 'data/figures', `${id}.csv`), 'utf8'), 'figures', FIGURE_COLUMNS).records.map((r) => r.values);

/** The copy without the bundled 上海 reports and units, so that the PDF is ingested afresh (not as a duplicate). */
function withoutBundledShanghai(data: string) {
  for (const manifest of ['units.csv', 'reports.csv']) {
    const path = join(data, manifest);
    const kept = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('sh-putuo-'));
    writeFileSync(path, kept.join('\n'));
  }
  for (const folder of ['figures', 'sources', 'originals', 'indicators'])
    for (const file of existsSync(join(data, folder)) ? readdirSync(join(data, folder)) : [])
      if (file.startsWith('sh-putuo-')) rmSync(join(data, folder, file));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mingzhang-ingest-dir-'));
  cpSync(join(projectRoot, 'data'), join(root, 'data'), { recursive: true });
  withoutBundledShanghai(join(root, 'data'));
  appendFileSync(join(root, 'data/units.csv'), UNITS);
  inbox = join(root, 'inbox');
  mkdirSync(join(inbox, 'sub'), { recursive: true });
  writeFileSync(join(inbox, 'jia-2023.txt'), TEXT_REPORT);
  writeFileSync(join(inbox, 'sub', 'yi-2023.html'), HTML_REPORT);
  writeFileSync(join(inbox, 'broken.docx'), 'not a zip container');
  cpSync(join(projectRoot, 'data/sources', `${DUPLICATE_OF}.txt`), join(inbox, 'copy-of-a-seed.txt'));
  writeFileSync(join(inbox, 'SOURCES.csv'), SIDECAR.replace('yi-2023.html', 'sub/yi-2023.html'));
  if (HAS_PDF) cpSync(REALDOC, join(inbox, 'ghzyj.pdf'));
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm run ingest -- DIR: a download folder of mixed formats', () => {
  const added = HAS_PDF ? 3 : 2;
  const files = added + 2;
  let first: ReturnType<typeof ingest>;

  it('adds every good file, skips the duplicate, goes past the broken one and says so per file and in a summary', () => {
    first = ingest(inbox);
    expect(first.status, first.stderr).toBe(1); // one file failed
    const lines = first.stderr.split('\n').filter((l) => /^\[\d+\/\d+\]/.test(l));
    expect(lines).toHaveLength(files);
    expect(lines.find((l) => l.includes('broken.docx'))).toMatch(/… failed: is not a \.docx file/);
    expect(lines.find((l) => l.includes('copy-of-a-seed.txt'))).toMatch(new RegExp(`… skipped: duplicate of ${DUPLICATE_OF}$`));
    expect(lines.find((l) => l.includes('jia-2023.txt'))).toMatch(/… added as jia-ybj-2023-dept-self-eval \(\d+ figures, \d+ checked/);
    expect(lines.find((l) => l.includes('yi-2023.html'))).toMatch(/… added as yi-ybj-2023-final-accounts \(3 figures, 0 checked/);
    if (HAS_PDF)
      expect(lines.find((l) => l.includes('ghzyj.pdf'))).toMatch(
        /… added as sh-putuo-ghzyj-2024-final-accounts \(\d+ figures, [1-9]\d* checked, 30 pages/,
      );
    expect(first.stderr).toMatch(
      new RegExp(
        `ingest: ${files} file\\(s\\): ${added} added \\(\\d+ figures, \\d+ checked\\), 1 skipped as duplicate, 0 completed, 1 failed`,
      ),
    );
    expect(first.stderr).toMatch(/ingest: {3}failed .*broken\.docx: is not a \.docx file/);
    expect(validateDataset(readDataset(root)).problems).toEqual([]);
  });

  it('keeps a published file verbatim in data/originals/ beside its derived text; a text file is its own original', () => {
    const rows = reportRows();
    const html = rows.find((r) => r['id'] === 'yi-ybj-2023-final-accounts');
    const original = readFileSync(join(root, 'data/originals/yi-ybj-2023-final-accounts.html'));
    expect(original.toString('utf8')).toBe(HTML_REPORT);
    expect(html).toMatchObject({
      original_filename: 'yi-2023.html',
      original_format: 'html',
      original_sha256: sha256Hex(original),
      sha256: sha256Hex(readFileSync(join(root, 'data/sources/yi-ybj-2023-final-accounts.txt'))),
      source_url: 'https://example.gov.cn/yi/2023.html',
      retrieved: '2024-06-01',
    });
    expect(readFileSync(join(root, 'data/sources/yi-ybj-2023-final-accounts.txt'), 'utf8')).toContain('2023年度本年支出合计120.5万元');
    const text = rows.find((r) => r['id'] === 'jia-ybj-2023-dept-self-eval');
    expect(text).toMatchObject({ original_sha256: '', original_format: '', sha256: sha256Hex(TEXT_REPORT) });
    expect(readdirSync(join(root, 'data/originals')).sort()).toEqual(
      HAS_PDF ? ['sh-putuo-ghzyj-2024-final-accounts.pdf', 'yi-ybj-2023-final-accounts.html'] : ['yi-ybj-2023-final-accounts.html'],
    );
    if (HAS_PDF)
      expect(readFileSync(join(root, 'data/originals/sh-putuo-ghzyj-2024-final-accounts.pdf')).equals(readFileSync(REALDOC))).toBe(true);
  });

  it('marks checked a figure stated in a table row and again in a sentence, machine one stated in two sentences', () => {
    const html = figureRows('yi-ybj-2023-final-accounts').map((r) => [r['metric'], r['value'], r['review']]);
    expect(html).toContainEqual(['expenditure_total', '120.5', 'machine']);
    expect(html).toContainEqual(['expenditure_total', '1,205,000', 'machine']);
    if (!HAS_PDF) return;
    const pdf = figureRows('sh-putuo-ghzyj-2024-final-accounts');
    // the 收入支出决算总表 row and the 说明 sentence "本年收入合计 9746.50 万元"
    const income = pdf
      .filter((r) => r['metric'] === 'income_total' && r['value'] === '9746.50' && r['review'] === 'checked')
      .map((r) => r['quote']);
    expect(income).toContainEqual(expect.stringContaining('本年收入合计 9746.50 万元'));
    // the table reader quotes the whole pipe row of the 总表
    expect(income).toContainEqual(expect.stringMatching(/^\|? *本年收入合计 \| 9746\.50/));
  });

  it('a second run changes nothing: every file added before is a duplicate now', () => {
    const before = snapshot();
    const again = ingest(inbox);
    expect(again.status).toBe(1); // the broken file still fails
    expect(again.stderr).toMatch(
      new RegExp(
        `ingest: ${files} file\\(s\\): 0 added \\(0 figures, 0 checked\\), ${added + 1} skipped as duplicate, 0 completed, 1 failed`,
      ),
    );
    expect(snapshot()).toEqual(before);
  });

  it('validate names an original that was changed and one that no report names', () => {
    const path = join(root, 'data/originals/yi-ybj-2023-final-accounts.html');
    const kept = readFileSync(path);
    try {
      writeFileSync(path, HTML_REPORT.replace('120.5', '120.6'));
      writeFileSync(join(root, 'data/originals/stray.pdf'), '%PDF-1.4');
      const messages = validateDataset(readDataset(root)).problems.map((p) => `${p.file}: ${p.message}`);
      expect(messages).toContainEqual(
        expect.stringMatching(/^data\/reports\.csv: data\/originals\/yi-ybj-2023-final-accounts\.html has sha256 \w+, the manifest says/),
      );
      expect(messages).toContainEqual(
        'data/originals/stray.pdf: original has no entry in data/reports.csv (id and original_format): add it to the manifest or remove the file',
      );
      writeFileSync(join(root, 'data/originals/notes.txt'), 'x');
      expect(validateDataset(readDataset(root)).problems.map((p) => `${p.file}: ${p.message}`)).toContainEqual(
        expect.stringMatching(
          /^data\/originals\/notes\.txt: is not read: data\/originals\/ holds only \.pdf \.docx \.xlsx \.html \.htm files/,
        ),
      );
    } finally {
      writeFileSync(path, kept);
      rmSync(join(root, 'data/originals/stray.pdf'), { force: true });
      rmSync(join(root, 'data/originals/notes.txt'), { force: true });
    }
    expect(validateDataset(readDataset(root)).problems).toEqual([]);
  });
});
