import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from './utf8';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('firstInvalidUtf8', () => {
  it.each<[string, Uint8Array, number]>([
    ['ASCII', bytes('id,name\n'), -1],
    ['Chinese, a BOM and a 4-byte character', bytes([0xef, 0xbb, 0xbf], '医保局 𠀀\n'), -1],
    ['empty', bytes(), -1],
    ['a GBK-encoded 局 (0xBE 0xD6) after ASCII', bytes('ab,', [0xbe, 0xd6]), 3],
    ['a lone continuation byte', bytes('x', [0x80]), 1],
    ['a truncated 3-byte sequence at the end', bytes('医', [0xe5, 0x8c]), 3],
    ['a 3-byte sequence cut by ASCII', bytes([0xe5, 0x8c, 0x41]), 0],
    ['an overlong encoding of /', bytes([0xc0, 0xaf]), 0],
    ['an overlong 3-byte sequence', bytes([0xe0, 0x80, 0xaf]), 0],
    ['a UTF-16 surrogate encoded as UTF-8', bytes([0xed, 0xa0, 0x80]), 0],
    ['beyond U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['F5 and above never occur', bytes('a', [0xf5]), 1],
  ])('%s', (_name, input, expected) => {
    expect(firstInvalidUtf8(input)).toBe(expected);
  });
});

describe('decodeUtf8', () => {
  it('decodes well-formed text and keeps a BOM', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '医保\n'))).toEqual({ text: '\uFEFF医保\n', error: null });
  });

  it('names the byte offset and line of the first bad sequence', () => {
    const decoded = decodeUtf8(bytes('id,name\na,甲\nb,', [0xbe, 0xd6], '\nc,', [0xff], '\n'));
    expect(decoded.error).toEqual({ offset: 16, line: 3 });
    expect(decoded.text).toContain('\uFFFD');
  });
});
