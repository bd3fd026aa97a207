import { z } from 'zod';
import { t } from '../i18n';
import { escapeXml } from './feeds';
import { formatFigure, formatNumber } from './format';
import { PARTITION_FOLDER, partitionFolder } from './partition';
import { routes } from './paths';
import { groupBy, SANGONG_PARTS } from './views';
import { PHASE_NAMES, PHASES, UNIT_NAMES, type Phase } from '../schemas/vocabulary';
import { slugSchema } from '../schemas/unit';
import { contentSecurityPolicy } from './site';

/**
 * The joined national site (`npm run build -- --join`): one folder per province's partition and, above them, a
 * few pages built only from the partitions' published JSON exports (data/units.json, reports.json,
 * figures.json, findings.json) — never from data/, so a join job needs nothing but the partitions' folders, as
 * the last job of a CI matrix gets them. The exports come from other builds: they are read through schemas,
 * and everything taken from them is escaped.
 */

const exportedUnit = z.object({ id: slugSchema, name: z.string(), province: z.string() });
const exportedReport = z.object({ id: slugSchema, unit_id: slugSchema, unit_name: z.string(), year: z.number().int(), kind: z.string() });
const exportedFigure = z.object({
  report_id: slugSchema,
  metric: z.string(),
  phase: z.enum(PHASE_NAMES),
  scope: z.string(),
  item: z.string(),
  value: z.string(),
  unit: z.enum(UNIT_NAMES),
  /** Exact 元 for an amount, '' for anything else. */
  value_yuan: z.string(),
  quote: z.string(),
  figure_id: slugSchema,
});
export type ExportedReport = z.infer<typeof exportedReport>;
export type ExportedFigure = z.infer<typeof exportedFigure>;

/** The exports of one partition, as read from its folder (`<folder>/data/<table>.json`). */
export interface PartitionExport {
  folder: string;
  province: string;
  units: number;
  reports: ExportedReport[];
  figures: ExportedFigure[];
  findings: number;
}

/** The tables of a partition the join reads, each the parsed JSON of `<folder>/data/<name>.json`. */
export interface JoinedTables {
  units: unknown;
  reports: unknown;
  figures: unknown;
  findings: unknown;
}

function parseTable<T>(schema: z.ZodType<T>, json: unknown, file: string): T[] {
  const parsed = z.array(schema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a table this join can read (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`);
  }
  return parsed.data;
}

/**
 * One partition's exports, checked: the folder is a partition folder, every unit is of one province and the
 * folder is that province's (a folder copied under the wrong name would put one province's links under another's).
 */
export function readPartitionExport(folder: string, tables: JoinedTables): PartitionExport {
  if (!PARTITION_FOLDER.test(folder))
    throw new Error(`${folder}: not a partition folder name (lower-case ASCII letters, digits and hyphens)`);
  const file = (name: string) => `${folder}/data/${name}.json`;
  const units = parseTable(exportedUnit, tables.units, file('units'));
  const provinces = [...new Set(units.map((u) => u.province))];
  const province = provinces[0];
  if (provinces.length !== 1 || province === undefined) {
    throw new Error(
      `${file('units')}: a partition holds the units of one province, this one of ${provinces.length}: ${provinces.join('、')}`,
    );
  }
  if (partitionFolder(province) !== folder)
    throw new Error(`${folder}: holds ${province}, whose partition folder is ${partitionFolder(province)}`);
  return {
    folder,
    province,
    units: units.length,
    reports: parseTable(exportedReport, tables.reports, file('reports')),
    figures: parseTable(exportedFigure, tables.figures, file('figures')),
    findings: parseTable(z.unknown(), tables.findings, file('findings')).length,
  };
}

/** One row of the national 三公 comparison: one report of one partition, one phase. */
export interface NationalSangongRow {
  folder: string;
  province: string;
  report: ExportedReport;
  phase: Phase;
  total?: ExportedFigure;
  abroad?: ExportedFigure;
  vehicle?: ExportedFigure;
  reception?: ExportedFigure;
}

/**
 * 三公经费 stated for the whole unit, per report and phase, over every partition: the rows of each partition's
 * compare/sangong page (the same rule as views.sangongRows: the first amount of the metric and phase with no
 * scope and no item), in one table ordered by year, unit and phase.
 */
export function nationalSangongRows(partitions: readonly PartitionExport[]): NationalSangongRow[] {
  const rows: NationalSangongRow[] = [];
  for (const partition of partitions) {
    const byReport = groupBy(partition.figures, (f) => f.report_id);
    for (const report of partition.reports) {
      const own = byReport.get(report.id) ?? [];
      for (const phase of PHASE_NAMES) {
        const row: NationalSangongRow = { folder: partition.folder, province: partition.province, report, phase };
        for (const [key, metric] of Object.entries(SANGONG_PARTS) as [keyof typeof SANGONG_PARTS, string][]) {
          const figure = own.find(
            (f) => f.metric === metric && f.phase === phase && f.scope === '' && f.item === '' && f.value_yuan !== '',
          );
          if (figure) row[key] = figure;
        }
        if (row.total || row.abroad || row.vehicle || row.reception) rows.push(row);
      }
    }
  }
  return rows.sort(
    (a, b) =>
      a.report.year - b.report.year ||
      a.report.unit_name.localeCompare(b.report.unit_name, 'zh-CN') ||
      PHASE_NAMES.indexOf(a.phase) - PHASE_NAMES.indexOf(b.phase),
  );
}

/** The national site's pages, from its root. */
export const NATIONAL_PAGES = { home: 'index.html', sangong: 'sangong.html', search: 'search.html' } as const;

/** The same policy as every page of the site (src/layouts/Base.astro). */
const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ wasm: true });

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;line-height:1.6}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;padding-top:.75rem;border-bottom:1px solid #ddd}
.brand{font-weight:700;font-size:1.2rem;color:inherit;text-decoration:none}
nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
a{color:#0b57a4}
.muted,footer{color:#555;font-size:.9rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;min-width:100%}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;white-space:nowrap}
.num{text-align:right;white-space:nowrap}
.search-row{display:flex;gap:.5rem;max-width:40rem}
.search-row input{flex:1;min-width:0;font:inherit;padding:.4rem .5rem}
.search-filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin-top:.75rem}
.search-filters label{display:flex;flex-direction:column;font-size:.85rem;color:#555}
.search-results li{margin:0 0 1rem}
.result-title{font-weight:600}
.result-meta,.result-excerpt{margin:.15rem 0;font-size:.9rem;overflow-wrap:anywhere}
.pager{margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}`;

const html = escapeXml;

/**
 * A whole page of the national site. `up` leads from the page's folder back to the national root ('' for a
 * page in the root, '../' for one in sangong/), so that every link stays relative.
 */
function page(title: string, body: string, up = ''): string {
  const nav = [
    [NATIONAL_PAGES.home, t('national.nav.home')],
    [NATIONAL_PAGES.sangong, t('national.nav.sangong')],
    [NATIONAL_PAGES.search, t('national.nav.search')],
  ]
    .map(([href, label]) => `<a href="${up}${href}">${html(label ?? '')}</a>`)
    .join('');
  return (
    `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${html(CONTENT_SECURITY_POLICY)}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${html(title)} · ${html(t('site.name'))}</title><link rel="icon" href="${up}favicon.svg" type="image/svg+xml"><style>${STYLE}</style></head>\n` +
    `<body><header><a class="brand" href="${up}${NATIONAL_PAGES.home}">${html(t('site.name'))}</a><nav aria-label="${html(t('nav.label'))}">${nav}</nav></header>\n` +
    `<main id="main">\n${body}\n</main>\n<footer><p>${html(t('footer.about'))}</p><p>${html(t('footer.privacy'))}</p></footer></body></html>\n`
  );
}

const cell = (text: string, numeric = false) => `<td${numeric ? ' class="num"' : ''}>${html(text)}</td>`;

/** index.html: the partitions, each with what it holds, linked to its own site. */
export function nationalIndexPage(partitions: readonly PartitionExport[]): string {
  const rows = partitions.map(
    (p) =>
      `<tr data-partition="${p.folder}"><td><a href="${p.folder}/${routes.home}">${html(p.province)}</a></td>` +
      [p.units, p.reports.length, p.figures.length, p.findings].map((n) => cell(formatNumber(String(n)), true)).join('') +
      '</tr>',
  );
  const heads = ['national.province', 'national.units', 'national.reports', 'national.figures', 'national.findings'] as const;
  return page(
    t('national.title'),
    `<h1>${html(t('national.title'))}</h1><p>${html(t('national.intro'))}</p>\n` +
      `<div class="table-wrap"><table id="partitions"><thead><tr>${heads.map((k, i) => `<th${i > 0 ? ' class="num"' : ''}>${html(t(k))}</th>`).join('')}</tr></thead>\n` +
      `<tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
  );
}

/** The years of some rows as one span ("2019–2024", "2022"; '' for none); no spread: a province may have 100,000 rows. */
function yearSpan(years: readonly number[]): string {
  if (years.length === 0) return '';
  const first = years.reduce((a, b) => Math.min(a, b));
  const last = years.reduce((a, b) => Math.max(a, b));
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * The most rows one page of the national 三公 comparison holds: a province's rows are split over pages of this
 * many, so no page grows with the country or with one large province (at 500 rows about 40 KB gzipped).
 */
export const SANGONG_ROWS_PER_PAGE = 500;

/** The national 三公 page of a partition's rows, page `n` (from 1), from the national root: sangong/hunan.html, sangong/hunan.p2.html. */
export const nationalSangongPath = (folder: string, n: number) => `sangong/${folder}${n > 1 ? `.p${n}` : ''}.html`;

/**
 * The national 三公 comparison as files (path from the national root → HTML): sangong.html, a summary with one
 * row per partition (its reports stating 三公经费, its rows, its years) linked to the partition's own pages,
 * and sangong/<folder>.html (.p2, .p3 … past SANGONG_ROWS_PER_PAGE rows): that partition's rows, each number
 * linked to its row on its report page. Every page is bounded; only the summary grows, by one row a province.
 */
export function nationalSangongPages(partitions: readonly PartitionExport[]): Map<string, string> {
  const pages = new Map<string, string>();
  const rowsOf = groupBy(nationalSangongRows(partitions), (r) => r.folder);
  const missing = `<span class="muted">${html(t('sangong.notStated'))}</span>`;
  const up = '../';
  const figureCell = (folder: string, figure: ExportedFigure | undefined) =>
    `<td class="num">${figure ? `<a href="${up}${folder}/${routes.report(figure.report_id)}#${figure.figure_id}" title="${html(figure.quote)}">${html(formatFigure(figure))}</a>` : missing}</td>`;
  const heads = [t('national.province'), t('common.unit'), t('common.year'), t('figure.phase')];
  const amounts = [t('sangong.total'), t('sangong.abroad'), t('sangong.vehicle'), t('sangong.reception')];
  const summary: string[] = [];
  for (const partition of partitions) {
    const rows = rowsOf.get(partition.folder) ?? [];
    const pageCount = Math.ceil(rows.length / SANGONG_ROWS_PER_PAGE);
    const own = `<a href="${partition.folder}/${routes.sangong}">${html(t('national.sangong.own'))}</a>`;
    const years = rows.map((r) => r.report.year);
    summary.push(
      `<tr data-partition="${partition.folder}"><td>${rows.length > 0 ? `<a href="${nationalSangongPath(partition.folder, 1)}">${html(partition.province)}</a>` : html(partition.province)}</td>` +
        cell(formatNumber(String(new Set(rows.map((r) => r.report.id)).size)), true) +
        cell(formatNumber(String(rows.length)), true) +
        cell(yearSpan(years)) +
        `<td>${own}</td></tr>`,
    );
    for (let n = 1; n <= pageCount; n++) {
      const body = rows
        .slice((n - 1) * SANGONG_ROWS_PER_PAGE, n * SANGONG_ROWS_PER_PAGE)
        .map(
          (r) =>
            `<tr data-partition="${r.folder}" data-report="${r.report.id}" data-phase="${r.phase}">${cell(r.province)}` +
            `<td><a href="${up}${r.folder}/${routes.unit(r.report.unit_id)}">${html(r.report.unit_name)}</a></td>${cell(String(r.report.year))}${cell(PHASES[r.phase])}` +
            [r.total, r.abroad, r.vehicle, r.reception].map((f) => figureCell(r.folder, f)).join('') +
            '</tr>',
        );
      const pager =
        pageCount > 1
          ? `<nav class="pager" aria-label="${html(t('national.sangong.pages'))}">${Array.from({ length: pageCount }, (_, k) =>
              k + 1 === n ? `<strong>${k + 1}</strong>` : `<a href="${up}${nationalSangongPath(partition.folder, k + 1)}">${k + 1}</a>`,
            ).join(' ')}</nav>`
          : '';
      const title = `${t('national.sangong.title')}：${partition.province}${pageCount > 1 ? ` (${n}/${pageCount})` : ''}`;
      const table =
        `<div class="table-wrap"><table id="sangong-table"><thead><tr>${heads.map((h) => `<th>${html(h)}</th>`).join('')}` +
        `${amounts.map((h) => `<th class="num">${html(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody></table></div>`;
      pages.set(
        nationalSangongPath(partition.folder, n),
        page(
          title,
          `<h1>${html(title)}</h1><p>${html(t('national.sangong.intro'))}</p>\n${pager}${table}${pager}\n` +
            `<p class="muted">${html(t('national.sangong.source'))}<a href="${up}${partition.folder}/${routes.figuresJson}">${html(partition.province)}</a></p>`,
          up,
        ),
      );
    }
  }
  const summaryHeads = [
    t('national.province'),
    t('national.sangong.reports'),
    t('national.sangong.rows'),
    t('common.year'),
    t('national.sangong.ownPage'),
  ];
  const anyRow = partitions.some((p) => (rowsOf.get(p.folder) ?? []).length > 0);
  const table =
    `<div class="table-wrap"><table id="sangong-partitions"><thead><tr>${summaryHeads.map((h, i) => `<th${i === 1 || i === 2 ? ' class="num"' : ''}>${html(h)}</th>`).join('')}</tr></thead>\n` +
    `<tbody>\n${summary.join('\n')}\n</tbody></table></div>`;
  pages.set(
    NATIONAL_PAGES.sangong,
    page(
      t('national.sangong.title'),
      `<h1>${html(t('national.sangong.title'))}</h1><p>${html(t('national.sangong.intro'))}</p><p>${html(t('national.sangong.summary', { rows: String(SANGONG_ROWS_PER_PAGE) }))}</p>\n` +
        `${anyRow ? '' : `<p>${html(t('national.sangong.none'))}</p>\n`}${table}`,
    ),
  );
  return pages;
}

/**
 * search.html: the site's search page (public/js/search.js) over every partition's index at once: the form
 * lists the partitions' folders, and the script merges their Pagefind indexes (Pagefind's multisite search).
 */
export function nationalSearchPage(partitions: readonly PartitionExport[]): string {
  const data = {
    'label-unit': t('search.filter.unit'),
    'label-year': t('search.filter.year'),
    'label-kind': t('search.filter.kind'),
    'label-region': t('search.filter.region'),
    all: t('search.filter.all'),
    searching: t('search.searching'),
    none: t('search.none'),
    count: t('search.count', { count: '{count}', shown: '{shown}' }),
    failed: t('search.failed'),
    'from-full-text': t('search.fromFullText'),
    bundles: JSON.stringify(partitions.map((p) => ({ folder: `${p.folder}/`, name: p.province }))),
  };
  const attributes = Object.entries(data)
    .map(([name, value]) => ` data-${name}="${html(value)}"`)
    .join('');
  return page(
    t('national.search.title'),
    `<h1>${html(t('national.search.title'))}</h1><p>${html(t('national.search.intro'))}</p>\n` +
      `<form id="search-form" role="search" action="${NATIONAL_PAGES.search}" method="get" hidden${attributes}>` +
      `<label for="search-input">${html(t('search.label'))}</label><div class="search-row">` +
      `<input id="search-input" name="q" type="search" autocomplete="off" placeholder="${html(t('search.placeholder'))}">` +
      `<button type="submit">${html(t('search.submit'))}</button></div>` +
      `<label class="search-fulltext"><input id="search-fulltext" name="text" type="checkbox" value="1"> ${html(t('search.fullText'))}</label>` +
      `<div id="search-filters" class="search-filters" hidden></div></form>\n` +
      `<p id="search-status" role="status" aria-live="polite"></p><ol id="search-results" class="search-results"></ol>\n` +
      `<p><button type="button" id="search-more" hidden>${html(t('search.more'))}</button></p>\n` +
      `<p id="search-needs-server" hidden>${html(t('search.needsServer'))}</p><noscript>${html(t('search.noscript'))}</noscript>\n` +
      `<script src="js/search.js"></script>`,
  );
}
