// Usable by everyone in the office: axe-core finds no WCAG 2 A/AA violation (nor a breach of
// its best practices: landmarks, heading order) on any screen.
import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { importSample, sample } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function noViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.nodes.length}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect.soft(found, `${screen}:\n${found.join('\n')}`).toEqual([]);
}

const TABS = ['计划正文', '检查', '台账', '分工视图', '统计与总结', '督办', '通知要素', '名册', '编号样式', '打印预览', '导出'];

test('the plan list, the new-plan and import dialogs, every editor tab and the comparison', async ({ page }) => {
  test.setTimeout(120_000);
  await importSample(page, 'tongxin-2020-plan-task-division', 64);
  // Every editor tab, with the imported plan open.
  for (const name of TABS) {
    await page.getByRole('tab', { name, exact: true }).click();
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    await page.waitForTimeout(300); // parts that load on demand
    await noViolations(page, `tab ${name}`);
  }

  // Next year's plan from it, so the list has two plans and the comparison has two years.
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await page.locator('.plan-item').first().locator('.next-year').click();
  await expect(page.locator('.carried').first()).toBeVisible();
  await noViolations(page, 'a rolled-forward plan');
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await expect(page.locator('.plan-item')).toHaveCount(2);
  await noViolations(page, 'plan list');

  await page.locator('#new-plan').click();
  await noViolations(page, 'new-plan dialog');
  await page.keyboard.press('Escape');
  await page.goto('/');

  await page.locator('#import-plan').click();
  await page.locator('#import-text').fill(sample('suining-2022-plan-notice'));
  await expect(page.locator('.import-outline')).toBeVisible();
  await noViolations(page, 'import dialog');
  await page.goto('/');

  await page.locator('#compare').click();
  await expect(page.locator('.compare-summary')).toBeVisible();
  await noViolations(page, 'comparison');
});

test('the review of returns and the page a department fills a packet in on', async ({ page }) => {
  await importSample(page, 'tongxin-2020-plan-task-division', 64);
  await page.getByRole('tab', { name: '督办', exact: true }).click();
  await page.locator('.recipient').filter({ hasText: /^局健康综合岗位$/ }).locator('input').check();
  const sent = page.waitForEvent('download');
  await page.locator('.send-packet').click();
  const path = (await (await sent).path())!;
  const packet = JSON.parse(readFileSync(path, 'utf8'));
  packet.returned = { year: 2020, month: 6, day: 20 };
  packet.tasks[0].answer = { status: 'Done', progress: '已完成', completion: '', extend_to: '2020年12月', extend_reason: '理由', wording: '', comment: '' };
  writeFileSync('test-results/a11y-return.json', JSON.stringify(packet));
  await page.locator('#import-returns').setInputFiles('test-results/a11y-return.json');
  await expect(page.locator('.proposal').first()).toBeVisible();
  await noViolations(page, 'the review of returns');
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await page.locator('#open-packet-file').setInputFiles(path);
  await expect(page.locator('.packet-task').first()).toBeVisible();
  await noViolations(page, 'a packet being filled in');
});
