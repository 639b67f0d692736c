import { test, expect } from '@playwright/test';
import { sample } from './helpers';

test('paste a plan, create it, roll it forward, compare the two years', async ({ page }) => {
  await page.goto('/');
  await page.locator('#import-plan').click();
  // Paste the tongxin notice as copied from a PDF: noise, broken lines and all.
  await page.locator('#import-text').fill(sample('tongxin-2020-plan-task-division'));
  await expect(page.locator('.import-counts')).toContainText('识别出 10 个部分、54 项任务');
  await expect(page.locator('.import-counts')).toContainText('已忽略 1 行');
  await expect(page.locator('.import-outline')).toContainText('（五十四） 建立工作台账');
  await expect(page.locator('.import-outline')).toContainText('发文字号：同卫健党组发〔2020〕8号');
  await page.locator('#import-create').click();

  // The plan opens, numbered and with its owners; the roster learned the names.
  await expect(page.locator('.node')).toHaveCount(64);
  await expect(page.locator('.node').nth(1).locator('.node-label')).toHaveText('（一）');
  await expect(page.locator('.node').nth(1).locator('[data-role="leaders"] .chip-name')).toHaveText(['杨少平', '马正录', '杨硕']);
  await expect(page.locator('.node').nth(1).locator('[data-role="leaders"] .chip.unknown')).toHaveCount(0);
  await expect(page.locator('.node').last().locator('.node-label')).toHaveText('（五十四）');

  // Next year from this one.
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await page.locator('.plan-item').first().locator('.next-year').click();
  await expect(page.locator('.plan-title')).toHaveText('关于2021年全县卫生健康工作要点暨任务分工的通知');
  await expect(page.locator('.carried')).toHaveCount(54);
  // Body text naming 2020 is listed for review, not changed.
  await expect(page.locator('.year-review summary')).toContainText('提及2020年');
  await page.getByRole('tab', { name: '通知要素' }).click();
  await expect(page.getByLabel('发文字号')).toHaveValue('同卫健党组发〔2021〕号');
  await expect(page.getByLabel('成文日期')).toHaveValue('');
  await page.getByRole('tab', { name: '计划正文' }).click();
  const fourth = page.locator('.node').nth(5);
  await expect(fourth.locator('.deadline-label')).toHaveText('2021年11月');

  // Change one task and drop another in the new year.
  await fourth.locator('.node-body').fill('将考核纳入全县效能考核，每季度通报一次。');
  await page.locator('.node').nth(6).getByRole('button', { name: '删除' }).click();

  // Compare the two years.
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await page.locator('#compare').click();
  await expect(page.locator('.compare-summary')).toContainText('新增 0 项，删除 1 项，修改 2 项，未变 51 项');
  // The 2019 deadline of the 2020 plan did not move with the year: the comparison says so.
  await expect(page.locator('.owner-changes')).toContainText('完成时限：2019年11月（未随年度顺延）');
  const changed = page.locator('.row-changed').filter({ hasText: '每季度通报一次' });
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('.compare-text')).toContainText('每季度通报一次');
  await expect(changed.locator('ins').first()).toBeVisible();
  await expect(page.locator('.row-dropped .compare-text')).toContainText('落实《同心县人民政府关于健康同心行动实施方案》');
  await page.getByLabel('只看有变化的任务').check();
  await expect(page.locator('.compare-row')).toHaveCount(3);
});

test('a .docx with Word numbering imports like its text', async ({ page }) => {
  await page.goto('/');
  await page.locator('#import-plan').click();
  await page.locator('#import-file').setInputFiles('tests/fixtures/numbered.docx');
  await expect(page.locator('.import-counts')).toContainText('识别出 2 个部分、2 项任务');
  await expect(page.locator('.import-outline')).toContainText('二、 深化医改');
  await page.locator('#import-create').click();
  await expect(page.locator('.node')).toHaveCount(4);
});

test('text without numbered structure gets a clear message', async ({ page }) => {
  await page.goto('/');
  await page.locator('#import-plan').click();
  await page.locator('#import-text').fill('这是一段没有编号的文字。');
  await expect(page.locator('.import-result')).toContainText('没有识别出带编号的部分或任务');
});
