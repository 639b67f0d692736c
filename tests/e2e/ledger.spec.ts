import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expected, importSample } from './helpers';

const expectedLines = (name: string) => expected(`${name}.txt`).trim().split('\n');
const importTongxin = (page: Page) => importSample(page, 'tongxin-2020-plan-task-division', 64);

test('checks find the two flaws of the tongxin sample and jump to them', async ({ page }) => {
  await importTongxin(page);
  await page.getByRole('tab', { name: '检查' }).click();
  const duplicate = page.locator('.finding').filter({ hasText: '与五、（二十）重复' });
  await expect(duplicate.locator('.finding-label')).toHaveText('五、（二十一）');
  const outside = page.locator('.finding').filter({ hasText: '2019年11月' });
  await expect(outside.locator('.finding-label')).toHaveText('九、（四十五）');
  await expect(page.locator('.finding').filter({ hasText: '多种写法' }).first()).toBeVisible();

  // The jump opens the plan with the cursor in the repeated task.
  await duplicate.getByRole('button', { name: '定位' }).click();
  await expect(page.getByRole('tab', { name: '计划正文' })).toHaveAttribute('aria-selected', 'true');
  const focused = page.locator('.node:has(.node-title:focus)');
  await expect(focused.locator('.node-label')).toHaveText('（二十一）');

  // Fixing it removes the finding, live.
  await focused.getByRole('button', { name: '删除' }).click();
  await page.getByRole('tab', { name: '检查' }).click();
  await expect(page.locator('.finding').filter({ hasText: '重复' })).toHaveCount(0);
  await expect(page.locator('.finding').filter({ hasText: '2019年11月' })).toHaveCount(1);
});

test('views by leader, department and deadline show the right tasks and export', async ({ page }) => {
  await importTongxin(page);
  await page.getByRole('tab', { name: '分工视图' }).click();

  // By leader: 杨硕.
  await page.locator('.view-person').selectOption('杨硕');
  await expect(page.locator('.list-title')).toHaveText('2020年全县卫生健康工作要点任务清单（责任领导：杨硕）');
  const yang = expectedLines('view-leader-yangshuo');
  await expect(page.locator('.list-task .task-cell')).toHaveText(yang);
  await expect(page.locator('.group-heading').first()).toHaveText('一、全面加强党的建设');

  const textDownload = page.waitForEvent('download');
  await page.locator('.export-list-text').click();
  const text = readFileSync(await (await textDownload).path(), 'utf8');
  expect(text).toContain('任务清单（责任领导：杨硕）');
  expect(text).toContain('共23项');
  const xlsxDownload = page.waitForEvent('download');
  await page.locator('.export-list-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/杨硕.*\.xlsx$/);
  expect(readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');

  // By department: what 局综合管理岗位 leads, and apart, where it cooperates.
  await page.getByRole('tab', { name: '按科室' }).click();
  await page.locator('.view-person').selectOption('局综合管理岗位');
  await expect(page.locator('.block-heading')).toHaveText(['牵头的任务（12项）', '配合的任务（0项）']);
  await expect(page.locator('.list-task .task-cell')).toHaveText(expectedLines('view-department-zonghe'));

  // By deadline, narrowed to 杨硕: the same tasks, by month; 2020 is long past, so overdue.
  await page.getByRole('tab', { name: '按完成时限' }).click();
  await page.locator('.filter-person').selectOption('杨硕');
  const cells = await page.locator('.list-task .task-cell').allTextContents();
  expect([...cells].sort()).toEqual([...yang].sort());
  await expect(page.locator('.block-heading').first()).toContainText('2020年11月');
  await expect(page.locator('.block-heading').first()).toContainText('逾期');
  await expect(page.locator('.block-heading').last()).toContainText('长期坚持');
  await page.locator('.filter-person').selectOption('');
  await expect(page.locator('.block-heading').first()).toHaveText('2019年11月（1项，逾期1项）');
});

test('statuses and notes survive a reload and make the year-end summary', async ({ page }) => {
  await importTongxin(page);
  await page.getByRole('tab', { name: '台账' }).click();
  await expect(page.locator('.ledger-row')).toHaveCount(54);
  await page.locator('.filter-text').fill('家庭医生');
  await expect(page.locator('.ledger-row')).toHaveCount(3);

  const first = page.locator('.ledger-row').nth(0);
  await first.locator('.status').selectOption('已完成');
  await first.locator('.completion-text').fill('签约服务覆盖率达到68%，建档立卡户全覆盖');
  const second = page.locator('.ledger-row').nth(1);
  await second.locator('.status').selectOption('推进中');
  await second.locator('.note-day-input').fill('2020-06-30');
  await second.locator('.note-input').fill('已完成上半年签约评估');
  await second.locator('.note-input').press('Enter');
  await expect(second.locator('.note')).toHaveText(['2020年6月30日已完成上半年签约评估×']);
  await page.locator('.ledger-row').nth(2).locator('.status').selectOption('滞后');

  // Ctrl+Z takes back the last status, Ctrl+Y puts it again.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.ledger-row').nth(2).locator('.status')).toHaveValue('未启动');
  await page.keyboard.press('Control+y');
  await expect(page.locator('.ledger-row').nth(2).locator('.status')).toHaveValue('滞后');

  await page.reload();
  await page.getByRole('tab', { name: '台账' }).click();
  await page.locator('.filter-status').selectOption('已完成');
  await expect(page.locator('.ledger-row')).toHaveCount(1);
  await expect(page.locator('.ledger-row .completion-text')).toHaveValue('签约服务覆盖率达到68%，建档立卡户全覆盖');
  await page.locator('.filter-clear').click();
  await expect(page.locator('.ledger-row')).toHaveCount(54);
  await expect(page.locator('.ledger-row .note-text')).toHaveText(['已完成上半年签约评估']);

  await page.getByRole('tab', { name: '统计与总结' }).click();
  const total = page.locator('.dashboard-table').first();
  // 未启动, 推进中, 已完成, 滞后, 取消, then overdue (every dated 2020 task by now), total.
  await expect(total.locator('tbody td')).toHaveText(['51', '1', '1', '1', '0', '41', '54', '1%']);
  const preview = page.locator('.summary-preview');
  await expect(preview).toContainText('2020年全县卫生健康工作总结（初稿）');
  await expect(preview).toContainText('（一）已完成的工作\n1.做实做细家庭医生签约服务');
  await expect(preview).toContainText('签约服务覆盖率达到68%，建档立卡户全覆盖');
  await expect(preview).toContainText('（推进中，已逾期；2020年6月30日：已完成上半年签约评估）');
  await expect(preview).toContainText('（滞后，已逾期）');

  const docx = page.waitForEvent('download');
  await page.locator('.summary-docx').click();
  const file = await docx;
  expect(file.suggestedFilename()).toBe('2020年全县卫生健康工作总结（初稿）.docx');
  expect(readFileSync(await file.path()).subarray(0, 2).toString()).toBe('PK');

  // Carried into next year: the review opens the new plan, whose ledger starts empty.
  await page.locator('.summary-next-year').click();
  await expect(page.locator('.plan-title')).toContainText('2021年');
  await expect(page.locator('.requirements')).toHaveValue(/^过去一年，共安排任务54项，已完成1项/);
  await expect(page.locator('.requirements')).toHaveValue(/签约服务覆盖率达到68%/);
  await page.getByRole('tab', { name: '统计与总结' }).click();
  const cells = page.locator('.dashboard-table').first().locator('tbody td');
  await expect(cells.nth(0)).toHaveText('54');
  await expect(cells.nth(2)).toHaveText('0');
});
