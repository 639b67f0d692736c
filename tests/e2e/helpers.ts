// Shared by the Playwright specs: the samples and expected files, a new plan from templates,
// an imported sample, the outline as shown, a download's text, the stored plan, full storage.
import { expect, Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** A real plan under tests/fixtures/samples/ (without its .txt). */
export const sample = (name: string) => readFileSync(`tests/fixtures/samples/${name}.txt`, 'utf8');

/** An expected output under tests/e2e/expected/. */
export const expected = (name: string) => readFileSync(`tests/e2e/expected/${name}`, 'utf8');

/** Imports a sample by pasting it, creates the plan and waits for its `nodes` rows. */
export async function importSample(page: Page, name: string, nodes: number) {
  await page.goto('/');
  await page.locator('#import-plan').click();
  await page.locator('#import-text').fill(sample(name));
  await page.locator('#import-create').click();
  await expect(page.locator('.node')).toHaveCount(nodes);
}

/** The plan's outline as the editor shows it: each row's number and title. */
export const outline = (page: Page) =>
  page.locator('.node').evaluateAll((rows) =>
    rows.map((row) => {
      const label = row.querySelector('.node-label')?.textContent ?? '';
      const title = (row.querySelector('.node-title') as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
      return `${label}${title}`;
    }),
  );

/** The text of a finished download. */
export const downloadText = async (download: Download) => readFileSync((await download.path())!, 'utf8');

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

/** One part of a downloaded .docx or .xlsx (a zip), read with Python's zipfile. */
export const zipPart = (path: string, name: string) =>
  execFileSync('python3', ['-c', 'import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', path, name]).toString();
