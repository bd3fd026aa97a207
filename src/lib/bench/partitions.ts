/**
 * Reading a partitioned build (`npm run build -- --join`) for scripts/bench-partitions.ts: what each partition
 * printed about itself, and which partition a process works for.
 */

/** One step of a partition's build as it printed it (wall seconds; CPU seconds when the system said). */
export interface PartitionStep {
  label: string;
  wall: number;
  cpu: number | null;
}

/** What a partition printed when it finished (scripts/build.ts, buildPartition). */
export interface PartitionTiming {
  folder: string;
  province: string;
  steps: PartitionStep[];
  wall: number;
  cpu: number | null;
}

/** "12.3 s" or "12.3 s (CPU 4.5 s)" */
const TIMING = /^(\d+(?:\.\d+)?) s(?: \(CPU (\d+(?:\.\d+)?) s\))?$/;

function parseTiming(text: string): { wall: number; cpu: number | null } | null {
  const match = TIMING.exec(text.trim());
  if (match === null) return null;
  return { wall: Number(match[1]), cpu: match[2] === undefined ? null : Number(match[2]) };
}

/**
 * The line a partition prints when it is built, e.g. `partition hunan (湖南省): content 6.3 s (CPU 3.4 s), astro
 * 40.6 s (CPU 14.6 s); total 97.4 s (CPU 37.0 s)`, possibly behind the join's `[hunan] ` prefix; null for any
 * other line.
 */
export function parsePartitionLine(line: string): PartitionTiming | null {
  const match = /^(?:\[[a-z0-9-]+\] )?partition ([a-z0-9-]+) \((.+?)\): (.+); total (.+)$/.exec(line.trim());
  if (match === null) return null;
  const [, folder = '', province = '', stepsText = '', totalText = ''] = match;
  const total = parseTiming(totalText);
  if (total === null) return null;
  const steps: PartitionStep[] = [];
  for (const part of stepsText.split(', ')) {
    const step = /^(.+?) (\d.*)$/.exec(part);
    const timing = step?.[2] === undefined ? null : parseTiming(step[2]);
    if (step?.[1] === undefined || timing === null) return null;
    steps.push({ label: step[1], ...timing });
  }
  return { folder, province, steps, ...total };
}

/** The partition folder a process works in, from its working directory (`<work>/<folder>/…`), or null. */
export function partitionOfCwd(cwd: string, work: string): string | null {
  const prefix = work.endsWith('/') ? work : `${work}/`;
  if (!cwd.startsWith(prefix)) return null;
  const folder = cwd.slice(prefix.length).split('/')[0] ?? '';
  return folder === '' ? null : folder;
}
