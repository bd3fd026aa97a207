import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir` with its bytes, keyed by its path relative to `base`: to compare two states exactly. */
export function fileTree(dir: string, base = dir): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) for (const [k, v] of fileTree(full, base)) out.set(k, v);
    else out.set(relative(base, full), readFileSync(full));
  }
  return out;
}

/** The files under `root`/data as base64 strings, keyed by their path relative to `root` (readable in a diff). */
export function dataSnapshot(root: string): Map<string, string> {
  return new Map([...fileTree(join(root, 'data'), root)].map(([k, v]) => [k, v.toString('base64')]));
}
