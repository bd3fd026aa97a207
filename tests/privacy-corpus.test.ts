import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, PRIVATE_LABELS, redactPersonalData } from '../src/lib/privacy';
import { distDir, projectRoot, requireBuild } from './helpers/built-site';
import { findIdCards, findMobileNumbers, findNamesAfterLabels, findPersonalData } from './helpers/personal-data';

/*
 * Issue 7: every text the project knows goes through the site's masking (the function the content build
 * applies to report texts and quotes), and an independent, broader detector finds no personal data left.
 */

const textsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

function expectMasked(file: string, text: string) {
  const masked = redactPersonalData(text);
  expect(masked.length, `${file}: masking changed the length`).toBe(text.length);
  expect(findPersonalData(masked), file).toEqual([]);
}

describe('bundled reports (data/sources)', () => {
  const sources = textsIn(join(projectRoot, 'data', 'sources'));

  it.each(sources.map((s) => [s.file, s.text]))('%s: nothing personal left after masking', (file, text) => {
    expectMasked(file, text);
  });

  it('the detector sees what the 炎陵 survey forms print (so an empty result means something)', () => {
    const yanling = sources.find((s) => s.file.startsWith('yanling'))?.text ?? '';
    expect(findMobileNumbers(yanling).map((f) => f.found)).toEqual(['18974113296']);
    expect(findNamesAfterLabels(yanling).map((f) => f.found)).toEqual(expect.arrayContaining(['刘新文', '陈军武', '唐国平']));
  });
});

const shared = join(projectRoot, '..', 'shared');
for (const [label, dir] of [
  ['development corpus', join(shared, 'corpus')],
  ['labelled development set', join(shared, 'devset', 'docs')],
] as const) {
  const missing = !existsSync(dir);
  if (missing) console.warn(`privacy-corpus: ${dir} not found (a clone without ../shared): the ${label} is skipped`);
  describe.skipIf(missing)(`${label} (${dir.slice(shared.length - 'shared'.length)})`, () => {
    // a skipped suite is still collected: read nothing when the folder is not there
    const texts = missing ? [] : textsIn(dir);
    it('has texts', () => expect(texts.length).toBeGreaterThan(0));
    it.each(texts.map((s) => [s.file, s.text]))('%s: nothing personal left after masking', (file, text) => {
      expectMasked(file, text);
    });
  });
}

describe('a hostile text with every format the issue lists', () => {
  const mobiles = [
    '_13912345671_',
    'Tel13912345673',
    'TEL：13912345674',
    '手机13912345675',
    '13912345676电话',
    '139.1234.5677',
    '139-1234-5678',
    '139–1234–5679',
    '139—1234—5670',
    '139——1234——5611',
    '139_1234_5612',
    '139 1234 5613',
    '１３９１２３４５６１４',
    '１３９　１２３４　５６１５',
    '１３９－１２３４－５６１６',
    '+86 139 1234 5617',
    '+8613912345618',
    '0086 13912345619',
    '(+86)139-1234-5620',
    '（＋８６）１３９１２３４５６２１',
    '[13912345622]',
    '【139 1234 5623】',
    '(139)1234-5624',
    '139/1234/5625',
    '139·1234·5626',
    '139 - 1234 - 5627',
    '1 3 9 1 2 3 4 5 6 2 8',
    '1391234 5629',
  ];
  const text = [
    '附件：满意度调查问卷',
    `填表人：王小明  联系电话：${mobiles[0]}`,
    '| 姓名 | 李大伟 | 性别 | 男 | 身份证号 | 43012119900307123X |',
    '审核人：赵晓燕\n受访人：钱多多\n调查对象：孙二娘\n被调查人：周八\n签名：吴九\n经办人：郑十一',
    '联系人：冯雪\n联系电话：0731-12345678',
    '身份证 430121 19900307 1234；身份证号码：４３０１２１１９９００３０７１２３Ｘ',
    ...mobiles.map((m, i) => `${i + 1}. 联系方式${m}；`),
    '王小明、李大伟在报告中又出现了一次。',
  ].join('\n');

  it('the detector finds every planted item in the raw text', () => {
    expect(findMobileNumbers(text)).toHaveLength(mobiles.length);
    expect(findIdCards(text)).toHaveLength(3);
    expect(findNamesAfterLabels(text).map((f) => f.found)).toEqual(['王小明', '李大伟', '赵晓燕', '钱多多', '孙二娘', '周八', '吴九', '郑十一', '冯雪']);
  });

  it('nothing of it survives the masking, which keeps the length', () => {
    const masked = redactPersonalData(text);
    expect(masked).toHaveLength(text.length);
    expect(findPersonalData(masked)).toEqual([]);
    for (const name of ['王小明', '李大伟']) expect(masked).not.toContain(name);
    expect(masked).not.toContain('0731-12345678');
    expect(masked).toContain('附件：满意度调查问卷');
  });
});

describe('the README states the rule the code applies', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Privacy'), readme.indexOf('\n## ', readme.indexOf('### Privacy')));

  it.each([...PRIVATE_LABELS, ...FIELD_LABELS])('names the label %s', (label) => {
    expect(section).toContain(label);
  });
});

describe('the built site: pages, search index, exports, feeds', () => {
  const filesIn = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)]));
  /** What a reader or a search can get from a built file; pagefind's files are gzipped, its words split by U+200B. */
  const readable = (file: string): string | null => {
    if (/\.pf_(?:fragment|index|meta|filter)$/.test(file)) return gunzipSync(readFileSync(file)).toString('utf8').replace(/\u200b/g, '');
    if (/\.(?:html|csv|json|xml|rss|atom|txt)$/.test(file)) return readFileSync(file, 'utf8');
    return null;
  };

  it('carries none of the personal data printed in the bundled sources, nor any phone or ID-card number', () => {
    requireBuild();
    const sources = textsIn(join(projectRoot, 'data', 'sources')).map((s) => s.text);
    const secrets = [...new Set(sources.flatMap((text) => findPersonalData(text).map((f) => f.found)))];
    expect(secrets).toEqual(expect.arrayContaining(['18974113296', '刘新文', '潘攀']));
    const files = filesIn(distDir).flatMap((file) => {
      const content = readable(file);
      return content === null ? [] : [{ file: file.slice(distDir.length + 1), content }];
    });
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['index.html', 'data/figures.csv', 'data/figures.json']));
    expect(files.some((f) => f.file.endsWith('.pf_fragment'))).toBe(true);
    for (const { file, content } of files) {
      for (const secret of secrets) expect(content, `${file} republishes ${secret}`).not.toContain(secret);
      expect([...findMobileNumbers(content), ...findIdCards(content)], file).toEqual([]);
    }
  });
});
