import type { Page } from 'playwright-core';

/**
 * Opens, as a reader would by its title, the group of the report page's figure list that holds a figure (a long
 * list starts with its groups closed); does nothing when the group is open already.
 */
export async function openGroupOf(page: Page, figureId: string): Promise<void> {
  const group = page.locator('details.figure-group').filter({ has: page.locator(`tr[id="${figureId}"]`) });
  if (await group.evaluate((el) => (el as HTMLDetailsElement).open)) return;
  await group.locator(':scope > summary').click();
}
