import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem } from './csv';
import type { FileWrite } from './ingest';

export type WriteResult = { ok: true } | { ok: false; error: string } | { ok: false; problems: Problem[] };

/**
 * Writes every file of a plan under `root`, then runs `check` (validation of the dataset as now on disk).
 * If a write fails, a file changed since it was read, or `check` returns problems, every file is put back
 * as it was — restored byte for byte, or removed if it was new — and so are directories it created.
 */
export function writeOrRollBack(root: string, writes: readonly FileWrite[], check: () => Problem[]): WriteResult {
  const undo: (() => void)[] = [];
  const rollBack = () => {
    for (const step of undo.reverse()) step();
  };
  try {
    for (const w of writes) {
      const full = join(root, w.path);
      const current = existsSync(full) ? readFileSync(full) : null;
      if (w.previous === null && current !== null) throw new Error(`${w.path} appeared while ingesting: nothing written`);
      if (w.previous !== null && (current?.toString('utf8') ?? '') !== w.previous) throw new Error(`${w.path} changed while ingesting: nothing written`);
      const made = mkdirSync(dirname(full), { recursive: true });
      if (made !== undefined) undo.push(() => rmSync(made, { recursive: true, force: true }));
      undo.push(current === null ? () => rmSync(full, { force: true }) : () => writeFileSync(full, current));
      // an appended file keeps its bytes exactly: only the appended part is encoded
      let content = w.content;
      if (current !== null && w.previous !== null && typeof w.content === 'string' && w.content.startsWith(w.previous)) {
        content = Buffer.concat([current, Buffer.from(w.content.slice(w.previous.length), 'utf8')]);
      }
      writeFileSync(full, content, { flag: current === null ? 'wx' : 'w' });
    }
  } catch (e) {
    rollBack();
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  let problems: Problem[];
  try {
    problems = check();
  } catch (e) {
    rollBack();
    return { ok: false, error: `validation failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (problems.length > 0) {
    rollBack();
    return { ok: false, problems };
  }
  return { ok: true };
}
