import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Pagefind writes its filter files and its meta file from Rust hash maps, so two runs over the same pages give
 * the same content in another order, under other hashed file names. These helpers put that content in one
 * order and name the files after it, so that two builds of the same data are byte-identical.
 *
 * A Pagefind data file is gzip of the signature `pagefind_dcd` followed by one CBOR value (RFC 8949) in the
 * shortest encoding; the decoder here reads the types Pagefind writes, and the encoder writes them back the way
 * Pagefind does, so an untouched file round-trips to its own bytes (checked before anything is rewritten).
 */

const SIGNATURE = Buffer.from('pagefind_dcd', 'utf8');

/** A decoded CBOR value. Maps are kept as ordered key–value pairs. */
export type Cbor = number | string | boolean | null | Uint8Array | Cbor[] | { map: [Cbor, Cbor][] };

export function decodeCbor(bytes: Uint8Array): Cbor {
  let pos = 0;
  const byte = () => {
    if (pos >= bytes.length) throw new Error('CBOR: unexpected end of data');
    return bytes[pos++] as number;
  };
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new Error(`CBOR: unsupported length encoding ${info} at byte ${pos - 1}`);
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + byte();
    if (!Number.isSafeInteger(n)) throw new Error('CBOR: length beyond the safe integer range');
    return n;
  };
  const item = (): Cbor => {
    const head = byte();
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      throw new Error(`CBOR: unsupported simple value ${info}`);
    }
    const n = length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        if (pos + n > bytes.length) throw new Error('CBOR: string beyond the end of data');
        const slice = bytes.slice(pos, pos + n);
        pos += n;
        return major === 2 ? slice : new TextDecoder('utf-8', { fatal: true }).decode(slice);
      }
      case 4:
        return Array.from({ length: n }, item);
      case 5:
        return { map: Array.from({ length: n }, () => [item(), item()] as [Cbor, Cbor]) };
      default:
        throw new Error(`CBOR: unsupported major type ${major}`);
    }
  };
  const value = item();
  if (pos !== bytes.length) throw new Error(`CBOR: ${bytes.length - pos} trailing byte(s)`);
  return value;
}

function head(major: number, n: number): number[] {
  if (n < 24) return [(major << 5) | n];
  if (n < 0x100) return [(major << 5) | 24, n];
  if (n < 0x10000) return [(major << 5) | 25, n >> 8, n & 0xff];
  if (n < 0x100000000) return [(major << 5) | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const bytes: number[] = [];
  for (let rest = BigInt(n), i = 0; i < 8; i++, rest >>= 8n) bytes.unshift(Number(rest & 0xffn));
  return [(major << 5) | 27, ...bytes];
}

export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const put = (v: Cbor): void => {
    if (v === false) out.push(0xf4);
    else if (v === true) out.push(0xf5);
    else if (v === null) out.push(0xf6);
    else if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error(`CBOR: cannot encode the non-integer ${v}`);
      out.push(...(v >= 0 ? head(0, v) : head(1, -1 - v)));
    } else if (typeof v === 'string') {
      const bytes = new TextEncoder().encode(v);
      out.push(...head(3, bytes.length), ...bytes);
    } else if (v instanceof Uint8Array) out.push(...head(2, v.length), ...v);
    else if (Array.isArray(v)) {
      out.push(...head(4, v.length));
      v.forEach(put);
    } else {
      out.push(...head(5, v.map.length));
      for (const [k, val] of v.map) {
        put(k);
        put(val);
      }
    }
  };
  put(value);
  return Uint8Array.from(out);
}

/** Reads a Pagefind data file (gzip, signature, CBOR); throws if it is not one. */
export function readPagefindFile(gzipped: Uint8Array): Cbor {
  const raw = gunzipSync(gzipped);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a Pagefind data file: the signature is missing');
  const body = raw.subarray(SIGNATURE.length);
  const value = decodeCbor(body);
  if (!Buffer.from(encodeCbor(value)).equals(body)) throw new Error('a Pagefind data file does not round-trip through this CBOR codec');
  return value;
}

/** Writes a Pagefind data file: the same gzip output for the same value on every run. */
export function writePagefindFile(value: Cbor): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, encodeCbor(value)]), { level: 9 });
}

/** A content hash in Pagefind's file-name style: `<language>_<hex>`. */
export function contentName(language: string, content: Uint8Array, hexDigits: number): string {
  return `${language}_${createHash('sha256').update(content).digest('hex').slice(0, hexDigits)}`;
}

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** A filter file is `[name, [[value, [page, …]], …]]`: its values in byte order of their text. */
export function canonicalFilter(value: Cbor): Cbor {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !Array.isArray(value[1])) {
    throw new Error('unexpected Pagefind filter file: expected [name, values]');
  }
  const values = value[1].map((entry) => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') throw new Error('unexpected Pagefind filter value: expected [text, pages]');
    return entry;
  });
  values.sort((a, b) => byBytes(a[0] as string, b[0] as string));
  return [value[0], values];
}

/**
 * The meta file is `[version, pages, index chunks, filters, sorts, meta fields]`; `filters` is a list of
 * `[name, file hash]`. Returns the meta with the filters renamed (by `renames`, old hash → new) and sorted.
 */
export function canonicalMeta(meta: Cbor, renames: ReadonlyMap<string, string>): Cbor {
  if (!Array.isArray(meta) || meta.length < 4 || !Array.isArray(meta[3]))
    throw new Error('unexpected Pagefind meta file: expected a filter list at position 4');
  const filters = meta[3].map((entry) => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string')
      throw new Error('unexpected Pagefind meta filter entry');
    const renamed = renames.get(entry[1]);
    if (renamed === undefined) throw new Error(`the meta file names the filter file ${entry[1]}, which was not found`);
    return [entry[0], renamed];
  });
  filters.sort((a, b) => byBytes(a[0] as string, b[0] as string));
  return meta.map((part, i) => (i === 3 ? filters : part));
}
