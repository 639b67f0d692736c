// Shared by the Playwright specs: a new plan from templates, the stored plan, full storage.
import { expect, Page } from '@playwright/test';

/** A new plan from two template sections; returns its id (from the address). */
export async function newPlan(page: Page, year = '2027'): Promise<string> {
  await page.goto('/');
  await page.locator('#new-plan').click();
  await page.locator('#new-year').fill(year);
  await page.getByRole('button', { name: '全不选' }).click();
  await page.locator('[data-template="party"]').check();
  await page.locator('[data-template="epidemic"]').check();
  await page.locator('#create-from-templates').click();
  await expect(page.locator('.node')).toHaveCount(8);
  return new URL(page.url()).hash.replace('#/plan/', '');
}

/** The title field of the plan's first task. */
export const firstTitle = (page: Page) => page.locator('.node .node-title').nth(1);

/** The plan as stored in this browser. */
export const stored = (page: Page, id: string) =>
  page.evaluate((id) => JSON.parse(localStorage.getItem(`yaodian/plan/${id}`) ?? 'null'), id);

/** Fills localStorage to its quota with junk (down to single characters). */
export const fillStorage = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
      const chunk = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`junk/${n++}`, chunk);
      } catch {
        n--;
      }
    }
    return n;
  });

/** Removes the junk [`fillStorage`] wrote. */
export const clearJunk = (page: Page) =>
  page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('junk/')) localStorage.removeItem(key);
  });
