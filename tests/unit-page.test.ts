import { dirname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureEntry } from '../src/schemas/figure';
import type { Unit } from '../src/schemas/unit';
import { formatFigure } from '../src/lib/format';
import { browserUnavailable, openBuiltSite, type SiteInBrowser } from './helpers/browser';
import { readContent, readPage, requireBuild } from './helpers/built-site';

// The unit pages as built: the summary's numbers are the figures they link to, phases stay in their columns,
// and on a 360 px phone nothing scrolls sideways and no chart text is under 11 px.
requireBuild();
const units = readContent<Unit>('units');
const figures = new Map(readContent<FigureEntry>('figures').map((f) => [f.id, f]));
const pageOf = (unit: Unit) => `units/${unit.id}.html`;

/** The page and fragment a link of `page` leads to, relative to dist/. */
function target(page: string, href: string): { file: string; fragment: string } {
  const [path = '', fragment = ''] = href.split('#');
  return { file: normalize(join(dirname(page), path)), fragment };
}

describe('the unit page', () => {
  it('of 万里街道 shows three years of history, newest first, each year in its own row and the summary of 2025', () => {
    const doc = readPage('units/sh-putuo-wanli.html');
    expect(doc.querySelector('#summary h2')?.textContent).toBe('2025年度概况');
    const tables = [...doc.querySelectorAll('#history table')];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect([...table.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-report'))).toEqual([
        'sh-putuo-wanli-2025-budget',
        'sh-putuo-wanli-2024-budget',
        'sh-putuo-wanli-2023-budget',
      ]);
    }
    // the change from 2024 is between the same metric and phase of the two reports
    const change = [...doc.querySelectorAll('#summary p.unit-sentence')].map((p) => p.textContent?.trim());
    expect(change).toContain('与2024年度部门预算相比（同一指标、同一口径）：');
  });

  it.each(units.map((u) => [u.id, u]))('%s: every number of the summary links to the figure it shows, on its report page', (_id, unit) => {
    const page = pageOf(unit);
    const doc = readPage(page);
    const links = [...doc.querySelectorAll('#summary a[data-figure]')];
    for (const a of links) {
      const { file, fragment } = target(page, a.getAttribute('href') ?? '');
      const figure = figures.get(fragment);
      expect(figure, a.getAttribute('href') ?? '').toBeDefined();
      expect(file).toBe(`reports/${figure?.report_id}.html`);
      expect(readPage(file).getElementById(fragment), `${file}#${fragment}`).not.toBeNull();
      expect(a.textContent).toBe(figure && formatFigure(figure));
    }
    // apart from years, a sentence states no number that is neither a linked figure nor marked as computed
    for (const p of doc.querySelectorAll('#summary p.unit-sentence')) {
      const words = p.cloneNode(true) as Element;
      for (const part of words.querySelectorAll('a[data-figure], [data-computed]')) part.remove();
      const numbers = (words.textContent ?? '').match(/\d[\d,.]*/g) ?? [];
      expect(
        numbers.filter((n) => !/^20\d\d$/.test(n)),
        p.textContent ?? '',
      ).toEqual([]);
    }
  });

  it('has summaries with linked figures on the pages of units whose reports state amounts', () => {
    const linked = units.filter((u) => readPage(pageOf(u)).querySelectorAll('#summary a[data-figure]').length > 0);
    expect(linked.length).toBe(units.length);
  });

  it("keeps each phase in its own history column: a cell shows a figure of its column's phase", () => {
    let cells = 0;
    for (const unit of units) {
      for (const td of readPage(pageOf(unit)).querySelectorAll('#history td[data-phase]')) {
        const a = td.querySelector('a');
        if (!a) continue;
        const figure = figures.get(target(pageOf(unit), a.getAttribute('href') ?? '').fragment);
        expect(figure?.phase, a.getAttribute('href') ?? '').toBe(td.getAttribute('data-phase'));
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(20);
  });

  it('draws its charts for a phone: 310 px wide, text of 12 px, each with a caption and a table', () => {
    let charts = 0;
    for (const unit of units) {
      const doc = readPage(pageOf(unit));
      for (const figure of doc.querySelectorAll('#charts figure.chart')) {
        // the chart itself, not a legend swatch (linkedom's selectors do not match the attribute viewBox)
        const svg = [...figure.querySelectorAll('svg')].find((s) => s.getAttribute('viewBox') !== null);
        expect(svg?.getAttribute('width')).toBe('310');
        expect(svg?.getAttribute('style')).toContain('font-size:12px');
        expect(figure.querySelector('figcaption')?.textContent).not.toBe('');
        expect(figure.parentElement?.querySelector('table caption')).not.toBeNull();
        charts++;
      }
    }
    expect(charts).toBeGreaterThanOrEqual(3);
  });

  it('lists its reports with their originals and source links', () => {
    const doc = readPage('units/sh-putuo-wanli.html');
    expect([...doc.querySelectorAll('.provenance a.original')].length).toBe(3);
    expect([...doc.querySelectorAll('.provenance a[href^="https://"]')].length).toBe(3);
  });

  it('lists the findings of its reports, each linked to its place on the report page', () => {
    const doc = readPage('units/leshan-shizhong-ybj.html');
    const links = [...doc.querySelectorAll('#findings .unit-findings a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      const { file, fragment } = target('units/leshan-shizhong-ybj.html', a.getAttribute('href') ?? '');
      expect(readPage(file).getElementById(fragment), a.getAttribute('href') ?? '').not.toBeNull();
    }
  });
});

const unavailable = browserUnavailable();
if (unavailable) console.warn(`unit page browser tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('the unit page on a 360 px phone', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openBuiltSite();
    await site.page.setViewportSize({ width: 360, height: 800 });
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(units.map((u) => [u.id]))('%s: no sideways scroll, chart text at least 11 px as shown', async (id) => {
    await site.page.goto(`${site.url}units/${id}.html`);
    const { scrollWidth, fonts } = await site.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      fonts: [...document.querySelectorAll('figure.chart svg[viewBox]')].flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
      }),
    }));
    expect(scrollWidth).toBeLessThanOrEqual(360);
    expect(fonts.filter((size) => size < 11)).toEqual([]);
  });
});
