import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  canonicalFilter,
  canonicalMeta,
  decodeCbor,
  encodeCbor,
  readPagefindFile,
  writePagefindFile,
  type Cbor,
} from './pagefind-canonical';

describe('CBOR codec', () => {
  it.each<[string, Cbor, string]>([
    ['small uint', 5, '05'],
    ['one-byte uint', 200, '18c8'],
    ['two-byte uint', 5576, '1915c8'],
    ['four-byte uint', 70000, '1a00011170'],
    ['eight-byte uint', 2 ** 40, '1b0000010000000000'],
    ['negative', -3, '22'],
    ['text', 'kind', '646b696e64'],
    ['Chinese text', '部门', '66e983a8e997a8'],
    ['array', [1, 'a'], '82016161'],
    ['map', { map: [['a', 1]] }, 'a1616101'],
    ['null and booleans', [null, true, false], '83f6f5f4'],
  ])('%s encodes to its shortest form and decodes back', (_, value, hex) => {
    expect(Buffer.from(encodeCbor(value)).toString('hex')).toBe(hex);
    expect(decodeCbor(Buffer.from(hex, 'hex'))).toEqual(value);
  });

  it.each([
    ['trailing bytes', '0101'],
    ['truncated string', '6461'],
    ['indefinite length', '9f'],
    ['float', 'fa3fc00000'],
  ])('refuses %s', (_, hex) => {
    expect(() => decodeCbor(Buffer.from(hex, 'hex'))).toThrow(/CBOR/);
  });
});

describe('Pagefind files', () => {
  const filter: Cbor = [
    'year',
    [
      ['2023', [12]],
      ['2021', [13]],
      ['2022', [15, 16]],
    ],
  ];

  it('reads what it writes, and writes the same bytes for the same value', () => {
    const file = writePagefindFile(filter);
    expect(readPagefindFile(file)).toEqual(filter);
    expect(writePagefindFile(filter).equals(file)).toBe(true);
  });

  it('refuses a file without the Pagefind signature', () => {
    expect(() => readPagefindFile(gzipSync(Buffer.from('not pagefind')))).toThrow(/signature/);
  });

  it('puts filter values in one order, whatever order Pagefind wrote', () => {
    const shuffled: Cbor = [
      'year',
      [
        ['2022', [15, 16]],
        ['2023', [12]],
        ['2021', [13]],
      ],
    ];
    expect(canonicalFilter(filter)).toEqual(canonicalFilter(shuffled));
    expect(canonicalFilter(shuffled)).toEqual([
      'year',
      [
        ['2021', [13]],
        ['2022', [15, 16]],
        ['2023', [12]],
      ],
    ]);
  });

  it('renames and sorts the meta file’s filters, and refuses a filter file it was not given', () => {
    const meta: Cbor = [
      '1.5.0',
      [['zh-cn_p1', 10]],
      [],
      [
        ['year', 'zh-cn_old2'],
        ['kind', 'zh-cn_old1'],
      ],
      [],
      ['title'],
    ];
    const renames = new Map([
      ['zh-cn_old1', 'zh-cn_new1'],
      ['zh-cn_old2', 'zh-cn_new2'],
    ]);
    expect(canonicalMeta(meta, renames)).toEqual([
      '1.5.0',
      [['zh-cn_p1', 10]],
      [],
      [
        ['kind', 'zh-cn_new1'],
        ['year', 'zh-cn_new2'],
      ],
      [],
      ['title'],
    ]);
    expect(() => canonicalMeta(meta, new Map())).toThrow(/zh-cn_old2/);
  });
});
