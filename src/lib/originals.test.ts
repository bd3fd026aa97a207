import { describe, expect, it } from 'vitest';
import { ORIGINAL_CONTENT_TYPES, originalFileName } from './originals';
import { ORIGINAL_FORMATS, type OriginalFormat } from '../schemas/report';

describe('originalFileName', () => {
  it.each<[format: OriginalFormat | '', expected: string | null]>([
    ['pdf', 'sh-putuo-wanli-2023-budget.pdf'],
    ['docx', 'sh-putuo-wanli-2023-budget.docx'],
    ['', null],
  ])('format %j → %j', (format, expected) => {
    expect(originalFileName({ id: 'sh-putuo-wanli-2023-budget', original_format: format })).toBe(expected);
  });
});

describe('ORIGINAL_CONTENT_TYPES', () => {
  it('names a media type for every format ingest keeps', () => {
    for (const format of ORIGINAL_FORMATS) expect(ORIGINAL_CONTENT_TYPES[format]).toMatch(/^[a-z]+\/[\w.+-]+/);
  });
});
