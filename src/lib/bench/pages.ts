/**
 * What a visitor downloads for one page: the HTML and the scripts and style sheets it loads, gzipped (as
 * any CDN serves them). The bench measures every built page with these.
 */
import { gzipSync } from 'node:zlib';

export const gzippedSize = (bytes: Buffer | string): number => gzipSync(bytes, { level: 9 }).length;

/** Local scripts and style sheets a page loads (src / href as written; absolute URLs are left out). */
export function assetRefs(html: string): { scripts: string[]; styles: string[] } {
  const local = (url: string) => !/^(?:[a-z]+:)?\/\//i.test(url) && !url.startsWith('data:');
  const scripts = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/gi)].map((m) => m[1] ?? '').filter(local);
  const styles = [...html.matchAll(/<link\b(?=[^>]*\srel="stylesheet")[^>]*\shref="([^"]+)"/gi)].map((m) => m[1] ?? '').filter(local);
  return { scripts, styles };
}

/** Bytes of script written inside the page (`<script>…</script>` without src; JSON data blocks excepted). */
export function inlineScriptBytes(html: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = m[1] ?? '';
    if (/\ssrc=/.test(attributes) || /type="application\/(?:ld\+)?json"/.test(attributes)) continue;
    bytes += Buffer.byteLength(m[2] ?? '', 'utf8');
  }
  return bytes;
}

/** The median of a list of numbers (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
