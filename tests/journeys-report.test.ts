import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureEntry } from '../src/schemas/figure';
import type { ReportEntry } from '../src/schemas/report';
import { lineLocator } from '../src/lib/views';
import { browserUnavailable, useBuiltSiteInBrowser } from './helpers/browser';
import { readContent, readText } from './helpers/built-site';
import { openGroupOf } from './helpers/report-page';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`report journey tests skipped: ${unavailable}`);

/** The report the journey reads: the first one with curated figures, reached from the home page through its unit. */
const UNIT = '乐山市市中区医疗保障局';

interface Cited {
  figure: FigureEntry;
  line: number;
  lineText: string;
}

/** The figures of a report with the line their quote starts on and that line's text. */
function cited(report: ReportEntry, figures: readonly FigureEntry[]): Cited[] {
  const text = readText(report.id);
  const lineOf = lineLocator(text);
  const lines = text.split('\n');
  return figures
    .filter((f) => f.report_id === report.id)
    .map((figure) => {
      const line = lineOf(figure.quote_offset);
      return { figure, line, lineText: lines[line - 1] ?? '' };
    });
}

/** The figure whose line holds the most figures: marking its line would mark all of them. */
function onACrowdedLine(all: Cited[]): Cited {
  const perLine = new Map<number, number>();
  for (const c of all) perLine.set(c.line, (perLine.get(c.line) ?? 0) + 1);
  const crowded = all.filter((c) => !c.figure.quote.includes('\n') && c.figure.quote.length < c.lineText.length);
  const best = crowded.sort((a, b) => (perLine.get(b.line) ?? 0) - (perLine.get(a.line) ?? 0))[0];
  if (!best) throw new Error('no figure shares its line');
  expect(perLine.get(best.line)).toBeGreaterThan(3);
  return best;
}

/** The text of the marked quote as a reader sees it: the marked pieces of each line, one line per row. */
const markedText = (page: Page) =>
  page.evaluate(() => {
    const byLine = new Map<Element, string>();
    for (const mark of document.querySelectorAll('#source-text a.cited')) {
      const line = mark.closest('li');
      if (line) byLine.set(line, (byLine.get(line) ?? '') + (mark.textContent ?? ''));
    }
    return [...byLine.values()].join('\n');
  });

describe.skipIf(unavailable !== null)('reading a report and citing a figure in Chromium', () => {
  const site = useBuiltSiteInBrowser();
  let report: ReportEntry;
  let figures: FigureEntry[];

  beforeAll(async () => {
    figures = readContent<FigureEntry>('figures');
    const reports = readContent<ReportEntry>('reports');
    const found = reports.find((r) => r.unit_name === UNIT && figures.some((f) => f.report_id === r.id && f.review === 'curated'));
    if (!found) throw new Error(`no report of ${UNIT} with curated figures`);
    report = found;
  });

  describe.each([
    ['phone', 360, 740],
    ['desktop', 1280, 900],
  ])('on a %s (%i px)', (_name, width, height) => {
    let page: Page;
    beforeAll(async () => {
      page = await (await site.browser.newContext({ viewport: { width, height } })).newPage();
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it('goes home → unit → report, marks exactly the quoted characters of a figure, links back, and goes back', async () => {
      const target = onACrowdedLine(cited(report, figures));
      await page.goto(`${site.url}index.html`);
      await page.getByRole('link', { name: UNIT, exact: true }).first().click();
      await expect.poll(() => page.url()).toContain(`units/${report.unit_id}.html`);
      await page.locator(`a[href$="reports/${report.id}.html"]`).first().click();
      await expect.poll(() => page.url()).toContain(`reports/${report.id}.html`);
      // the address changes when the navigation commits, before the page is parsed: count its sections once it is
      await page.waitForLoadState('load');

      // the full text starts collapsed: every section closed, the page far shorter than the text
      expect(await page.locator('#source-text details[open]').count()).toBe(0);
      expect(await page.locator('#source-text details').count()).toBeGreaterThan(5);

      const row = page.locator(`tr[id="${target.figure.id}"]`);
      await openGroupOf(page, target.figure.id);
      await row.locator('a.cite').click();
      await expect.poll(() => page.url()).toContain(`#L${target.line}`);
      // exactly the quote, not its line (which holds other figures too)
      await expect.poll(() => markedText(page)).toBe(target.figure.quote);
      expect(target.lineText).not.toBe(target.figure.quote);
      expect(await page.locator(`#L${target.line}`).textContent()).toBe(target.lineText);
      const mark = page.locator('#source-text a.cited').first();
      expect(await mark.isVisible()).toBe(true);
      await expect
        .poll(() =>
          mark.evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          }),
        )
        .toBe(true);
      // only its own section opened
      expect(await page.locator('#source-text details[open]').count()).toBe(1);

      // the marked text links back to the figure's row
      expect(await mark.getAttribute('href')).toBe(`#${target.figure.id}`);
      await mark.click();
      await expect.poll(() => page.url()).toContain(`#${target.figure.id}`);
      expect(await page.locator('tr:target').getAttribute('id')).toBe(target.figure.id);
      expect(await row.isVisible()).toBe(true);

      // browser back: the line again, with the quote still marked
      await page.goBack();
      await expect.poll(() => page.url()).toContain(`#L${target.line}`);
      expect(await page.locator('li:target').getAttribute('id')).toBe(`L${target.line}`);
      expect(await markedText(page)).toBe(target.figure.quote);
    });

    it('marks a quote that runs over several lines, line by line', async () => {
      const all = readContent<ReportEntry>('reports').flatMap((r) => cited(r, figures));
      const target = all.find(
        (c) => /\n/.test(c.figure.quote) && !/\n\s*\n/.test(c.figure.quote) && c.figure.quote.trim() === c.figure.quote,
      );
      if (!target) throw new Error('no figure quotes several lines');
      await page.goto(`${site.url}reports/${target.figure.report_id}.html`);
      await openGroupOf(page, target.figure.id);
      await page.locator(`tr[id="${target.figure.id}"] a.cite`).click();
      await expect.poll(() => markedText(page)).toBe(target.figure.quote);
      expect(await page.locator('#source-text a.cited').count()).toBe(target.figure.quote.split('\n').filter((l) => l !== '').length);
    });

    it("opens the section holding a figure's quote when a link from another page points at the figure", async () => {
      const target = onACrowdedLine(cited(report, figures));
      await page.goto(`${site.url}units/${report.unit_id}.html`);
      await page.goto(`${site.url}reports/${report.id}.html#${target.figure.id}`);
      await expect.poll(() => markedText(page)).toBe(target.figure.quote);
      expect(await page.locator(`#L${target.line}`).isVisible()).toBe(true);
      expect(await page.locator('tr:target').getAttribute('id')).toBe(target.figure.id);
    });
  });

  it("without JavaScript, a figure's link still lands on its line and every section opens by its title", async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const target = onACrowdedLine(cited(report, figures));
      await page.goto(`${site.url}reports/${report.id}.html`);
      await openGroupOf(page, target.figure.id);
      await page.locator(`tr[id="${target.figure.id}"] a[href="#L${target.line}"]`).click();
      await expect.poll(() => page.url()).toContain(`#L${target.line}`);
      expect(await page.locator('li:target').textContent()).toBe(target.lineText);
      // Chromium opens a closed <details> that holds the target of a link
      expect(await page.locator('li:target').isVisible()).toBe(true);
      const section = page.locator('#source-text details').last();
      await section.locator('summary').click();
      expect(await section.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
      expect(await section.locator('li').first().isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
