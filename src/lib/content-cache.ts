/**
 * What `npm run content` keeps between runs (in .cache/content/, not committed), so that a run over unchanged
 * data does no work twice: the key of the whole input (every data file's bytes, the code that reads them and
 * the year validation bounds fiscal years by), and each report's check results under the hash of everything
 * they are computed from (the report with its text, its figures and indicators, and the code).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../schemas/finding';
import type { Completeness } from '../schemas/completeness';
import type { ReportWithText } from '../schemas/report';
import type { FigureEntry } from '../schemas/figure';
import type { IndicatorEntry } from '../schemas/indicator';

/** The results of the checks on one report: its findings and its completeness checklist. */
export interface ReportResults {
  findings: Finding[];
  completeness: Completeness;
}

/** Where buildCollections looks up and stores a report's results; absent, everything is computed. */
export interface ResultCache {
  get(key: string): ReportResults | undefined;
  set(key: string, results: ReportResults): void;
}

/** The sha256 of a list of strings, as a cache key (every cache under .cache/ keys its entries with it). */
export const hashOf = (parts: readonly string[]): string => {
  const hash = createHash('sha256');
  // lengths first, so that ["ab", "c"] and ["a", "bc"] differ
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex');
};

/** The key of a report's results: changes when the report, its text, figures or indicators, or the code change. */
export function reportKey(
  codeVersion: string,
  report: ReportWithText,
  figures: readonly FigureEntry[],
  indicators: readonly IndicatorEntry[],
): string {
  return hashOf([codeVersion, JSON.stringify(report), JSON.stringify(figures), JSON.stringify(indicators)]);
}

/** The key of a whole run: every input file (path and sha256, in path order), the code version and the year. */
export function runKey(codeVersion: string, files: ReadonlyMap<string, string>, year: number): string {
  return hashOf([codeVersion, String(year), ...[...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flat()]);
}

/** A cache held in memory, filled from and saved to a file by the script; it remembers which keys were used. */
export function memoryCache(
  saved: Record<string, ReportResults>,
): ResultCache & { used: () => Record<string, ReportResults>; hits: () => number } {
  const used: Record<string, ReportResults> = {};
  let hits = 0;
  return {
    get: (key) => {
      const found = Object.hasOwn(saved, key) ? saved[key] : undefined;
      if (found) {
        hits++;
        used[key] = found;
      }
      return found;
    },
    set: (key, results) => {
      used[key] = results;
    },
    used: () => used,
    hits: () => hits,
  };
}
