/**
 * npm run bench -- --reports N [--reports M …] [--seed S] [--no-bare]: builds the site for synthetic corpora
 * of N reports and measures every stage, beside a bare Astro + Pagefind project with the same pages.
 *
 * For each N: the project is copied into a temporary folder (node_modules symlinked), its data/ replaced by
 * the synthetic corpus (src/lib/synthetic), and `npm run build` run there while its process tree is sampled
 * from /proc every 200 ms: the stage running (data pipeline, Astro, Pagefind) is told by the commands in the
 * tree, and each stage gets its wall time and peak memory (RSS summed over the tree). Then `npm run
 * verify:build` and a second `npm run content` (unchanged sources: the cache must make it cheap). Then the
 * built site: output size, page weight (HTML + the CSS and JS it loads, gzipped) median and largest, JS on
 * pages other than search, search index size, and the bytes a first search fetches in Chromium (every
 * response from typing the term until the network is quiet, summed). Last, a bare Astro 5 project renders
 * the same HTML pages from files (`set:html`), Pagefind indexes them, and the ratio is stated.
 * Results: a table on stdout and bench-results/scale-<sizes>.json.
 */
import { spawn, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  openSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { writeCorpus } from '../src/lib/synthetic/corpus';
import { descendantsOf, parseProcStat, stageOf, type ProcessStat, type Stage } from '../src/lib/bench/process-tree';
import { assetRefs, gzippedSize, inlineScriptBytes, median } from '../src/lib/bench/pages';
import { serveStatic } from '../tests/helpers/static-server';
import { browserUnavailable, launchBrowser } from '../tests/helpers/browser';

const root = process.cwd();
const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
/** The four-character term of the first search. */
const SEARCH_TERM = '三公经费';
/** The memory a bare build may take before it is stopped: twice the target for the whole build. */
const BARE_MAX_RSS_MB = 8000;
/** What the project copy needs to build (data/ comes from the generator; content/, dist/ are built). */
const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'scripts', 'public', 'tests/helpers'];

interface StageMeasure {
  seconds: number;
  peakRssMB: number;
}
interface SampledRun {
  status: number | null;
  /** Set when the run was stopped for passing the memory it was allowed (runSampled's maxRssMB). */
  stoppedAtMB?: number;
  seconds: number;
  peakRssMB: number;
  stages: Partial<Record<Stage | 'other', StageMeasure>>;
  log: string;
}

function processes(): ProcessStat[] {
  const out: ProcessStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) out.push(stat);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return out;
}

const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Runs a command, sampling its process tree; output goes to `log`. With `maxRssMB`, the tree is killed when its
 * memory passes that (a bare Pagefind run over 10,000 reports' pages would take the machine's whole memory).
 */
function runSampled(command: string, args: string[], cwd: string, log: string, maxRssMB = Infinity): Promise<SampledRun> {
  return new Promise((resolvePromise) => {
    const fd = openSync(log, 'w');
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', fd, fd],
      env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const stages: SampledRun['stages'] = {};
    const t0 = performance.now();
    let last = t0;
    let peak = 0;
    let stoppedAtMB: number | undefined;
    const sample = () => {
      if (child.pid === undefined) return;
      const all = processes();
      const tree = descendantsOf(child.pid, all);
      const inTree = new Set(tree);
      const rssMB = (all.filter((p) => inTree.has(p.pid)).reduce((n, p) => n + p.rssPages, 0) * PAGE_BYTES) / 1e6;
      const stage = stageOf(tree.map(commandLine)) ?? 'other';
      const now = performance.now();
      const s = (stages[stage] ??= { seconds: 0, peakRssMB: 0 });
      s.seconds += (now - last) / 1000;
      s.peakRssMB = Math.max(s.peakRssMB, rssMB);
      peak = Math.max(peak, rssMB);
      last = now;
      if (rssMB > maxRssMB && stoppedAtMB === undefined) {
        stoppedAtMB = rssMB;
        for (const pid of tree) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // it ended meanwhile
          }
        }
      }
    };
    const timer = setInterval(sample, 200);
    child.on('exit', (status) => {
      clearInterval(timer);
      closeSync(fd);
      resolvePromise({
        status,
        seconds: (performance.now() - t0) / 1000,
        peakRssMB: peak,
        stages,
        log,
        ...(stoppedAtMB ? { stoppedAtMB } : {}),
      });
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}
const sizeOf = (dir: string) => (existsSync(dir) ? filesUnder(dir).reduce((n, f) => n + statSync(f).size, 0) : 0);

interface SiteMeasure {
  bytes: number;
  htmlPages: number;
  medianPageGzKB: number;
  largestPage: { path: string; gzKB: number };
  medianReportPageGzKB: number;
  largestReportPage: { path: string; gzKB: number };
  maxJsOnNonSearchPage: { path: string; bytes: number };
  searchIndexBytes: number;
}

export function measureSite(dist: string): SiteMeasure {
  const gzCache = new Map<string, number>();
  const assetGz = (file: string) => {
    let n = gzCache.get(file);
    if (n === undefined) gzCache.set(file, (n = existsSync(file) ? gzippedSize(readFileSync(file)) : 0));
    return n;
  };
  const pages = filesUnder(dist).filter((f) => f.endsWith('.html') && !f.includes(`${join(dist, 'pagefind')}/`));
  const weights: { path: string; gz: number }[] = [];
  let maxJs = { path: '', bytes: 0 };
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const { scripts, styles } = assetRefs(html);
    const local = (ref: string) => resolve(dirname(file), ref.split(/[?#]/)[0] ?? ref);
    const gz = gzippedSize(html) + [...scripts, ...styles].reduce((n, ref) => n + assetGz(local(ref)), 0);
    const path = relative(dist, file);
    weights.push({ path, gz });
    if (path !== 'search.html') {
      const js = inlineScriptBytes(html) + scripts.reduce((n, ref) => n + (existsSync(local(ref)) ? statSync(local(ref)).size : 0), 0);
      if (js > maxJs.bytes) maxJs = { path, bytes: js };
    }
  }
  const largest = (ws: typeof weights) => ws.reduce((a, b) => (b.gz > a.gz ? b : a), { path: '', gz: 0 });
  const reports = weights.filter((w) => w.path.startsWith('reports/'));
  const kb = (n: number) => Math.round(n / 102.4) / 10;
  return {
    bytes: sizeOf(dist),
    htmlPages: pages.length,
    medianPageGzKB: kb(median(weights.map((w) => w.gz))),
    largestPage: { path: largest(weights).path, gzKB: kb(largest(weights).gz) },
    medianReportPageGzKB: kb(median(reports.map((w) => w.gz))),
    largestReportPage: { path: largest(reports).path, gzKB: kb(largest(reports).gz) },
    maxJsOnNonSearchPage: maxJs,
    searchIndexBytes: sizeOf(join(dist, 'pagefind')),
  };
}

interface SearchMeasure {
  term: string;
  /** Everything the search page loads before the term is typed (HTML, scripts, and what they preload). */
  pageLoadBytes: number;
  /** Everything fetched from typing the term until the network is quiet. */
  bytes: number;
  requests: number;
  results: string;
  largest: { url: string; bytes: number }[];
  /** Bytes and requests by kind of file (pagefind/*.pf_index, *.pf_fragment, the wasm, scripts …). */
  byKind: Record<string, { bytes: number; requests: number }>;
}

/** Types the term into the real search page in Chromium and sums the responses it causes. */
export async function measureFirstSearch(dist: string): Promise<SearchMeasure | string> {
  const unavailable = browserUnavailable();
  if (unavailable !== null) return unavailable;
  // served as a CDN serves it: text gzipped for a browser that accepts it (Pagefind's own files are gzipped already)
  const site = await serveStatic(dist, '/', { compress: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // every response from the navigation on: what the search page loads for search (its script may load
    // Pagefind's script, wasm and entry early) belongs to the cost of a first search as much as the index
    const responses: Promise<{ url: string; bytes: number; phase: 'load' | 'search' }>[] = [];
    let phase: 'load' | 'search' = 'load';
    let lastActivity = performance.now();
    page.on('request', () => (lastActivity = performance.now()));
    page.on('requestfinished', (request) => {
      lastActivity = performance.now();
      const during = phase;
      responses.push(
        request
          .sizes()
          .then((s) => ({ url: request.url().slice(site.url.length), bytes: s.responseBodySize + s.responseHeadersSize, phase: during })),
      );
    });
    await page.goto(`${site.url}search.html`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#search-form:not([hidden])');
    phase = 'search';
    await page.fill('#search-input', SEARCH_TERM);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#search-results li').length > 0 ||
        /0|没有|无/.test(document.querySelector('#search-status')?.textContent ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    while (performance.now() - lastActivity < 1500) await page.waitForTimeout(250);
    const all = await Promise.all(responses);
    const fetched = all.filter((r) => r.phase === 'search');
    return {
      term: SEARCH_TERM,
      pageLoadBytes: all.filter((r) => r.phase === 'load').reduce((n, r) => n + r.bytes, 0),
      bytes: fetched.reduce((n, r) => n + r.bytes, 0),
      requests: fetched.length,
      results: (await page.textContent('#search-status')) ?? '',
      largest: [...fetched].sort((a, b) => b.bytes - a.bytes).slice(0, 3),
      byKind: fetched.reduce<SearchMeasure['byKind']>((kinds, r) => {
        const kind = /\.(pf_\w+|wasm|js|json)(?:$|\?)/.exec(r.url)?.[1] ?? 'other';
        const k = (kinds[kind] ??= { bytes: 0, requests: 0 });
        k.bytes += r.bytes;
        k.requests++;
        return kinds;
      }, {}),
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

/**
 * The project's packages in a copy, each linked — not node_modules as a whole: Astro keeps its content store in
 * node_modules/.astro/, and builds of two copies sharing it would read each other's collections.
 */
function linkNodeModules(dir: string): void {
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== '.astro') symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
}

/** A bare Astro 5 + Pagefind project that renders the same HTML pages, each from a file. */
function bareProject(dir: string, dist: string): number {
  const pagesDir = join(dir, 'pages-html');
  const pages = filesUnder(dist).filter((f) => f.endsWith('.html') && !f.includes(`${join(dist, 'pagefind')}/`));
  mkdirSync(pagesDir, { recursive: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  for (const file of pages)
    cpSync(
      file,
      join(
        pagesDir,
        `${relative(dist, file)
          .replace(/\.html$/, '')
          .replaceAll('/', '__')}.html`,
      ),
    );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', build: { format: 'file' } });\n",
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[...page].astro'),
    `---
import { readdirSync, readFileSync } from 'node:fs';
export function getStaticPaths() {
  return readdirSync('pages-html').map((f) => ({ params: { page: f.slice(0, -5).replaceAll('__', '/') }, props: { file: f } }));
}
const html = readFileSync(\`pages-html/\${Astro.props.file}\`, 'utf8');
---
<Fragment set:html={html} />
`,
  );
  linkNodeModules(dir);
  return pages.length;
}

export interface ScaleResult {
  reports: number;
  figures: number;
  build: SampledRun;
  verify: SampledRun;
  contentAgain: SampledRun;
  /** `npm run build` again over the same data: what the caches (.cache/content, .cache/search) leave to do. */
  buildAgain?: SampledRun;
  site: SiteMeasure;
  search: SearchMeasure | string;
  bare: { pages: number; build: SampledRun; site: { bytes: number; searchIndexBytes: number } } | null;
}

async function benchOne(n: number, seed: string, withBare: boolean, keep: boolean): Promise<ScaleResult> {
  const dir = mkdtempSync(join(tmpdir(), `mingzhang-bench-${n}-`));
  console.error(`bench: ${n} reports in ${dir}`);
  for (const f of PROJECT_FILES) cpSync(join(root, f), join(dir, f), { recursive: true });
  linkNodeModules(dir);
  const summary = writeCorpus(n, seed, (path, content) => {
    mkdirSync(dirname(join(dir, 'data', path)), { recursive: true });
    writeFileSync(join(dir, 'data', path), content);
  });
  const build = await runSampled('npm', ['run', 'build'], dir, join(dir, 'build.log'));
  if (build.status !== 0) throw new Error(`npm run build failed for ${n} reports (exit ${build.status}); see ${build.log}`);
  const verify = await runSampled('npm', ['run', 'verify:build'], dir, join(dir, 'verify.log'));
  const contentAgain = await runSampled('npm', ['run', 'content'], dir, join(dir, 'content-again.log'));
  const dist = join(dir, 'dist');
  const site = measureSite(dist);
  const search = await measureFirstSearch(dist);
  // after the measures (it writes the same site again): Astro renders every page again, the content step and
  // the search indexes take what did not change from their caches
  const buildAgain = await runSampled('npm', ['run', 'build'], dir, join(dir, 'build-again.log'));
  if (buildAgain.status !== 0) throw new Error(`npm run build failed the second time for ${n} reports; see ${buildAgain.log}`);
  let bare: ScaleResult['bare'] = null;
  if (withBare) {
    const bareDir = join(dir, 'bare');
    mkdirSync(bareDir);
    const pages = bareProject(bareDir, dist);
    const bareBuild = await runSampled(
      'sh',
      ['-c', 'node_modules/.bin/astro build && node_modules/.bin/pagefind --site dist'],
      bareDir,
      join(bareDir, 'build.log'),
      BARE_MAX_RSS_MB,
    );
    // a bare build stopped for its memory is a result (stated in the table), any other failure is the bench's
    if (bareBuild.status !== 0 && bareBuild.stoppedAtMB === undefined)
      throw new Error(`the bare build failed (exit ${bareBuild.status}); see ${bareBuild.log}`);
    bare = {
      pages,
      build: bareBuild,
      site: { bytes: sizeOf(join(bareDir, 'dist')), searchIndexBytes: sizeOf(join(bareDir, 'dist', 'pagefind')) },
    };
  }
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return { reports: n, figures: summary.figures, build, verify, contentAgain, buildAgain, site, search, bare };
}

const s = (x: number | undefined) =>
  x === undefined ? '–' : x >= 60 ? `${Math.floor(x / 60)} m ${String(Math.round(x % 60)).padStart(2, '0')} s` : `${x.toFixed(1)} s`;
const gb = (mb: number | undefined) => (mb === undefined ? '–' : `${(mb / 1000).toFixed(2)} GB`);
const mbOf = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kbOf = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function scaleTable(results: readonly ScaleResult[]): string {
  const rows: string[][] = [
    [
      'reports',
      'data pipeline',
      'astro build',
      'pagefind',
      'total build',
      'verify',
      'data again',
      'build again (same data): total, astro, pagefind',
      'bare astro',
      'bare pagefind',
      'ratio to bare',
      'data + astro ÷ bare astro',
    ],
  ];
  for (const r of results) {
    const st = r.build.stages;
    const bare = r.bare?.build;
    rows.push([
      String(r.reports),
      `${s(st.data?.seconds)}, ${gb(st.data?.peakRssMB)}`,
      `${s(st.astro?.seconds)}, ${gb(st.astro?.peakRssMB)}`,
      `${s(st.pagefind?.seconds)}, ${gb(st.pagefind?.peakRssMB)}`,
      `${s(r.build.seconds)}, ${gb(r.build.peakRssMB)}`,
      s(r.verify.seconds),
      s(r.contentAgain.seconds),
      r.buildAgain
        ? `${s(r.buildAgain.seconds)}, ${s(r.buildAgain.stages.astro?.seconds)}, ${s(r.buildAgain.stages.pagefind?.seconds)}`
        : '–',
      bare ? `${s(bare.stages.astro?.seconds)}, ${gb(bare.stages.astro?.peakRssMB)}` : '–',
      !bare
        ? '–'
        : bare.stoppedAtMB !== undefined
          ? `stopped at ${gb(bare.stoppedAtMB)} after ${s(bare.stages.pagefind?.seconds)}`
          : `${s(bare.stages.pagefind?.seconds)}, ${gb(bare.stages.pagefind?.peakRssMB)}`,
      bare && bare.stoppedAtMB === undefined ? `${(r.build.seconds / bare.seconds).toFixed(2)}×` : '–',
      bare && bare.stages.astro ? `${(((st.data?.seconds ?? 0) + (st.astro?.seconds ?? 0)) / bare.stages.astro.seconds).toFixed(2)}×` : '–',
    ]);
  }
  const sizes: string[][] = [
    [
      'reports',
      'html pages',
      'dist',
      'page gz median / largest',
      'report page gz median / largest',
      'JS on non-search pages',
      'search index',
      `first search “${SEARCH_TERM}”`,
    ],
  ];
  for (const r of results) {
    const search =
      typeof r.search === 'string'
        ? `skipped: ${r.search}`
        : `${kbOf(r.search.bytes)} in ${r.search.requests} requests after ${kbOf(r.search.pageLoadBytes)} of page load (${Object.entries(
            r.search.byKind,
          )
            .sort((a, b) => b[1].bytes - a[1].bytes)
            .map(([kind, k]) => `${kind} ${kbOf(k.bytes)}/${k.requests}`)
            .join(', ')})`;
    sizes.push([
      String(r.reports),
      String(r.site.htmlPages),
      mbOf(r.site.bytes),
      `${r.site.medianPageGzKB} KB / ${r.site.largestPage.gzKB} KB (${r.site.largestPage.path})`,
      `${r.site.medianReportPageGzKB} KB / ${r.site.largestReportPage.gzKB} KB`,
      `${r.site.maxJsOnNonSearchPage.bytes} B max${r.site.maxJsOnNonSearchPage.path ? ` (${r.site.maxJsOnNonSearchPage.path})` : ''}`,
      `${mbOf(r.site.searchIndexBytes)}${r.bare ? ` (bare ${mbOf(r.bare.site.searchIndexBytes)})` : ''}`,
      search,
    ]);
  }
  const md = (t: string[][]) =>
    t.map((row, k) => `| ${row.join(' | ')} |${k === 0 ? `\n|${row.map(() => '---').join('|')}|` : ''}`).join('\n');
  const growth = results.slice(1).map((r, k) => {
    const p = results[k];
    if (!p) return '';
    const f = r.reports / p.reports;
    const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(1)}×` : '–');
    return `${p.reports} → ${r.reports} reports (${f}×): data ${ratio(r.build.stages.data?.seconds, p.build.stages.data?.seconds)}, astro ${ratio(r.build.stages.astro?.seconds, p.build.stages.astro?.seconds)}, pagefind ${ratio(r.build.stages.pagefind?.seconds, p.build.stages.pagefind?.seconds)}, total ${ratio(r.build.seconds, p.build.seconds)}, peak memory ${ratio(r.build.peakRssMB, p.build.peakRssMB)}`;
  });
  return `${md(rows)}\n\n${md(sizes)}\n\n${growth.map((g) => `growth: ${g}`).join('\n')}`;
}

export async function benchScale(sizes: readonly number[], options: { seed: string; bare: boolean; keep: boolean }): Promise<boolean> {
  const results: ScaleResult[] = [];
  for (const n of sizes) {
    results.push(await benchOne(n, options.seed, options.bare, options.keep));
    const out = join(root, 'bench-results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `scale-${sizes.join('-')}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ seed: options.seed, loadAverage: readFileSync('/proc/loadavg', 'utf8').trim(), results }, null, 1)}\n`,
    );
    console.log(`\n${scaleTable(results)}\n\n(written to ${relative(root, file)})`);
  }
  return results.every((r) => r.verify.status === 0);
}
