/*
 * Data files are UTF-8. A file that is not is never decoded with replacement characters in silence: the
 * reader reports the first bad byte sequence, and where it is, so that it can be found in an editor.
 */

/** Where the first ill-formed sequence starts: byte offset in the file and 1-based line. */
export interface Utf8Error {
  offset: number;
  line: number;
}

export interface DecodedText {
  /** The text; ill-formed sequences are replaced by U+FFFD (only ever used alongside `error`). */
  text: string;
  error: Utf8Error | null;
}

/** Allowed range of the second byte after each lead byte (Unicode Table 3-7); later bytes are 80–BF. */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f]; // no surrogates
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f]; // nothing beyond U+10FFFF
  return [0x80, 0xbf];
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0; // a continuation byte, an overlong lead (C0 C1) or F5–FF cannot start a character
}

/** Byte offset of the first ill-formed UTF-8 sequence in `bytes`, or -1 when it is all well-formed. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = sequenceLength(lead);
    if (length === 0) return i;
    const [low, high] = secondByteRange(lead);
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return -1;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes a data file as UTF-8, keeping a BOM (callers strip it where the format allows one). */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes), error: null };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { text: lenient.decode(bytes), error: { offset: Math.max(offset, 0), line } };
  }
}
