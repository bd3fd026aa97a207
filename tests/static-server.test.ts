import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './helpers/static-server';

/** One GET with the given Accept-Encoding: status, Content-Encoding and the body as received. */
const get = (url: string, encoding: string) =>
  new Promise<{ status: number; encoding: string; body: Buffer }>((resolve, reject) => {
    request(url, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? ''), body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });

// The bench weighs a first search as a CDN would serve it; the test server must compress exactly what a CDN does.
describe('the test and bench static server', () => {
  const root = mkdtempSync(join(tmpdir(), 'mz-static-'));
  const script = 'const a = 1;\n'.repeat(200);
  const index = Buffer.from([0x1f, 0x8b, 1, 2, 3, 4]);
  let plain: { url: string; close: () => Promise<void> };
  let compressing: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    writeFileSync(join(root, 'a.js'), script);
    writeFileSync(join(root, 'x.pf_index'), index);
    plain = await serveStatic(root, '/site/');
    compressing = await serveStatic(root, '/site/', { compress: true });
  });
  afterAll(async () => {
    await plain?.close();
    await compressing?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['plain, gzip accepted', () => plain, 'gzip, deflate', ''],
    ['compressing, gzip accepted', () => compressing, 'gzip, deflate', 'gzip'],
    ['compressing, gzip not accepted', () => compressing, 'identity', ''],
  ])('%s: a script is sent %s', async (_name, server, accept, expected) => {
    const res = await get(`${server().url}a.js`, accept);
    expect(res.status).toBe(200);
    expect(res.encoding).toBe(expected);
    const body = expected === 'gzip' ? gunzipSync(res.body) : res.body;
    expect(body.toString('utf8')).toBe(script);
    if (expected === 'gzip') expect(res.body.length).toBeLessThan(script.length / 10);
  });

  it('sends a Pagefind file as it is, even when compressing', async () => {
    const res = await get(`${compressing.url}x.pf_index`, 'gzip');
    expect(res.encoding).toBe('');
    expect(res.body.equals(index)).toBe(true);
  });
});
