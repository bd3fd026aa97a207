/**
 * The memory of a build is the memory of its process tree (npm → sh → node → workers), read from /proc:
 * these functions parse what /proc says and pick a build's descendants; the bench samples them.
 */

/** One process as /proc/<pid>/stat describes it. */
export interface ProcessStat {
  pid: number;
  ppid: number;
  /** Resident set size in pages. */
  rssPages: number;
}

/**
 * Parses /proc/<pid>/stat. The command name (field 2) is in parentheses and may itself contain spaces and
 * parentheses, so the fields are counted from the last ")".
 */
export function parseProcStat(text: string): ProcessStat | null {
  const close = text.lastIndexOf(')');
  const pid = Number.parseInt(text, 10);
  if (close < 0 || !Number.isInteger(pid)) return null;
  // after ")": state(3) ppid(4) … rss(24)
  const rest = text.slice(close + 2).split(' ');
  const ppid = Number(rest[1]);
  const rssPages = Number(rest[21]);
  if (!Number.isInteger(ppid) || !Number.isInteger(rssPages)) return null;
  return { pid, ppid, rssPages };
}

/** `root` and every process below it. */
export function descendantsOf(root: number, processes: readonly ProcessStat[]): number[] {
  const children = new Map<number, number[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    if (pid === undefined || out.includes(pid)) continue;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** The stages of `npm run build`, recognised by the commands its processes run. */
export const STAGES = ['data', 'astro', 'pagefind', 'verify'] as const;
export type Stage = (typeof STAGES)[number];

const STAGE_COMMANDS: readonly [Stage, RegExp][] = [
  ['data', /build-content\.ts/],
  ['astro', /astro(\.js|\.mjs)?\u0000build|astro build/],
  ['pagefind', /search-words\.ts|pagefind|pagefind-canonical\.ts/],
  ['verify', /verify-build\.ts/],
];

/** A shell running a chain of commands (`sh -c "npm run content && astro build && …"`) names every stage at once. */
const isShell = (commandLine: string) => /^(?:\S*\/)?(?:sh|bash|dash)\u0000/.test(commandLine);

/** The stage running, from the command lines (NUL-separated, as /proc/<pid>/cmdline) of a tree's processes. */
export function stageOf(commandLines: readonly string[]): Stage | null {
  const running = commandLines.filter((c) => !isShell(c));
  for (const [stage, pattern] of STAGE_COMMANDS) if (running.some((c) => pattern.test(c))) return stage;
  return null;
}
