import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FigureEntry } from '../src/schemas/figure';
import { FIGURE_GROUPS_OPEN_UP_TO } from '../src/lib/figure-groups';
import { browserUnavailable, useBuiltSiteInBrowser } from './helpers/browser';
import { readContent } from './helpers/built-site';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`figure group tests skipped: ${unavailable}`);

const PHONE = { width: 360, height: 740 };

/** Each group of the figure list as the page shows it: whether it is open, the count in its title, its rows' ids. */
const groupsOf = (page: Page) =>
  page.$$eval('#figure-groups details.figure-group', (groups) =>
    groups.map((group) => ({
      open: (group as HTMLDetailsElement).open,
      count: group.querySelector(':scope > summary .group-count')?.textContent ?? '',
      ids: [...group.querySelectorAll('table.figures tbody tr')].map((tr) => tr.id),
    })),
  );

/** Whether an element is drawn on the screen now (not inside a closed <details>) and inside the viewport. */
const onScreen = (page: Page, id: string) =>
  page.locator(`[id="${id}"]`).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return el.checkVisibility() && box.bottom > 0 && box.top < window.innerHeight;
  });

describe.skipIf(unavailable !== null)('the report page groups its figures by the section of the text that states them', () => {
  const site = useBuiltSiteInBrowser();
  let withJs: BrowserContext;
  let noJs: BrowserContext;
  /** Figure ids of each report, in their order. */
  let idsByReport: Map<string, string[]>;
  let longest: string;
  let short: string;

  beforeAll(async () => {
    idsByReport = new Map();
    for (const f of readContent<FigureEntry>('figures')) idsByReport.set(f.report_id, [...(idsByReport.get(f.report_id) ?? []), f.id]);
    const bySize = [...idsByReport].sort((a, b) => b[1].length - a[1].length);
    const most = bySize[0];
    const few = bySize.find(([, ids]) => ids.length <= FIGURE_GROUPS_OPEN_UP_TO && ids.length > 5);
    if (!most || !few) throw new Error('the bundled data needs a report with many figures and one with a few');
    longest = most[0];
    short = few[0];
    expect(most[1].length).toBeGreaterThan(FIGURE_GROUPS_OPEN_UP_TO);
    withJs = await site.browser.newContext({ viewport: PHONE });
    noJs = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  });

  it('a long list starts as its outline on a phone: closed groups whose titles count their figures, every figure once', async () => {
    const page = await noJs.newPage();
    await page.goto(`${site.url}reports/${longest}.html`);
    const groups = await groupsOf(page);
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.filter((g) => g.open)).toEqual([]);
    for (const group of groups) expect(group.count).toBe(`（${group.ids.length} 个数字）`);
    expect(groups.flatMap((g) => g.ids).sort()).toEqual([...(idsByReport.get(longest) ?? [])].sort());
    // the whole closed list fits in a few screens (it was one card per figure: 220 cards)
    const listHeight = await page.locator('#figure-groups').evaluate((el) => el.getBoundingClientRect().height);
    expect(listHeight).toBeLessThan(3 * PHONE.height);
    await page.close();
  });

  it('opens every group with one button, and every figure is then a card that fits the phone', async () => {
    const page = await withJs.newPage();
    await page.goto(`${site.url}reports/${longest}.html`);
    await page.getByRole('button', { name: '展开全部分组' }).click();
    expect((await groupsOf(page)).every((g) => g.open)).toBe(true);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      rows: [...document.querySelectorAll('#figure-groups table.figures tbody tr')].map((tr) => ({
        display: getComputedStyle(tr).display,
        right: tr.getBoundingClientRect().right,
      })),
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(PHONE.width);
    expect(layout.rows.length).toBe(idsByReport.get(longest)?.length);
    expect(layout.rows.filter((r) => r.display === 'table-row' || r.right > PHONE.width)).toEqual([]);
    await page.getByRole('button', { name: '收起全部分组' }).click();
    expect((await groupsOf(page)).some((g) => g.open)).toBe(false);
    await page.close();
  });

  it('a short list shows every group open, without JavaScript', async () => {
    const page = await noJs.newPage();
    await page.goto(`${site.url}reports/${short}.html`);
    const groups = await groupsOf(page);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => g.open)).toBe(true);
    await page.close();
  });

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])("a link to a figure's anchor lands on the figure, its group open (%s)", async (_name, js) => {
    const page = await (js ? withJs : noJs).newPage();
    const ids = idsByReport.get(longest) ?? [];
    // a figure from the middle of the report and one near its end: in different, closed groups
    const [first, second] = [ids[Math.floor(ids.length / 2)] ?? '', ids[ids.length - 3] ?? ''];
    await page.goto(`${site.url}reports/${longest}.html#${first}`);
    await expect.poll(() => onScreen(page, first)).toBe(true);
    expect(await page.locator('tr:target').getAttribute('id')).toBe(first);
    // another figure of the same page, as a link on the page (a headline card, a marked quote) goes there
    await page.evaluate((id) => {
      location.hash = id;
    }, second);
    await expect.poll(() => onScreen(page, second)).toBe(true);
    expect(await page.locator('tr:target').getAttribute('id')).toBe(second);
    await page.close();
  });

  it('report.js opens the group itself where the browser does not (the address changed without a navigation)', async () => {
    const page = await withJs.newPage();
    const ids = idsByReport.get(longest) ?? [];
    const target = ids[Math.floor(ids.length / 3)] ?? '';
    await page.goto(`${site.url}reports/${longest}.html`);
    expect(await onScreen(page, target)).toBe(false);
    // Chromium opens a closed <details> on a fragment navigation; replaceState and a bare hashchange event do not
    await page.evaluate((id) => {
      const before = location.href;
      history.replaceState(null, '', `#${id}`);
      window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: before, newURL: location.href }));
    }, target);
    await expect.poll(() => onScreen(page, target)).toBe(true);
    await page.close();
  });
});
