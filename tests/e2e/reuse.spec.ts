// Drafting from the office's years: a section saved as 本单位模板; a new plan from that template,
// a section of an earlier plan and a single task of another; a task of a third plan found and
// inserted while editing, undone and redone; everything as it was after a reload; the template
// shared as a file and kept through export → clear → import of the whole library.
import { test, expect, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { outline, stored } from './helpers';

/** An earlier plan of `year` as a plan file: two sections, two tasks each, owners, deadlines. */
function planFile(year: number): string {
  let id = 1;
  const task = (title: string, lead: string) => ({
    id: id++,
    kind: 'Task',
    title: `${title}${year}`,
    body: `到${year}年底完成。`,
    division: { leaders: [`领导${year}`], leads: [lead], partners: ['办公室'], deadline: { Month: { year, month: 6 } } },
    children: [],
  });
  const heading = (title: string, children: object[]) => ({ id: id++, kind: 'Heading', title, children });
  const nodes = [
    heading('全面加强党的建设', [task('强化理论武装', '党建办'), task('加强行风建设', '纪检组')]),
    heading('提升医疗服务能力', [task('建设胸痛中心', '医政科'), task('改善就医体验', '医政科')]),
  ];
  const plan = { period: { start: year, end: year }, title: `${year}年卫生健康工作要点`, nodes, next_id: id };
  const path = `test-results/plan-${year}.json`;
  writeFileSync(path, JSON.stringify({ format: 'yaodian-plan', schema: 3, plan }));
  return path;
}

async function importPlans(page: Page, years: number[]) {
  for (const year of years) {
    await page.goto('/');
    await page.locator('#import-plan-file').setInputFiles(planFile(year));
    await expect(page.locator('.toast')).toContainText(`已导入「${year}年卫生健康工作要点」`);
  }
}

const created = [
  '一、全面加强党的建设',
  '（一）强化理论武装2025',
  '二、提升医疗服务能力',
  '（二）建设胸痛中心2024',
  '（三）改善就医体验2024',
  '（四）改善就医体验2026',
];

test('draft from the office years: a template, an earlier section, a single task, an insert; undo, reload, backup', async ({ page }) => {
  await importPlans(page, [2023, 2024, 2025, 2026]);

  // Save 2025's 党建 section as a template, without its second task.
  await page.goto('/');
  await page.locator('.plan-item', { hasText: '2025年' }).locator('.plan-name').click();
  await page.locator('.node').first().locator('.save-template').click();
  const dialog = page.locator('.save-template-dialog');
  await dialog.locator('.template-name-input').fill('党建常用');
  await dialog.locator('.template-note-input').fill('每年都有');
  await dialog.locator('input[type=checkbox]').nth(1).uncheck();
  await dialog.locator('.save-template-confirm').click();
  await expect(page.locator('.toast')).toContainText('已存为本单位模板「党建常用」');
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  const item = page.locator('.template-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('党建常用');
  await expect(item).toContainText('1 项任务 · 来自2025年卫生健康工作要点 一、');

  // A 2027 plan from the template, 2024's 医疗 section and 2026's single task, in that order.
  await page.locator('#new-plan').click();
  await page.locator('#new-year').fill('2027');
  await page.getByRole('button', { name: '全不选' }).click();
  await page.locator('.office-template-picks .pick', { hasText: '党建常用' }).locator('input').check();
  const from2024 = page.locator('.source-plan', { hasText: '2024年' });
  await from2024.locator('summary').click();
  await from2024.locator('.source-entry', { hasText: '提升医疗服务能力' }).locator('input').check();
  const from2026 = page.locator('.source-plan', { hasText: '2026年' });
  await from2026.locator('summary').click();
  await from2026.locator('.source-entry', { hasText: '改善就医体验2026' }).locator('input').check();
  await expect(page.locator('.chosen-item')).toHaveText([
    /本单位模板“党建常用”：一、全面加强党的建设/,
    /2024年卫生健康工作要点：二、提升医疗服务能力/,
    /2026年卫生健康工作要点：（四）改善就医体验2026/,
  ]);
  await page.locator('#create-from-templates').click();
  await expect(page.locator('.node')).toHaveCount(created.length);
  expect(await outline(page)).toEqual(created);
  const id = new URL(page.url()).hash.replace('#/plan/', '');
  // Owners kept, deadlines moved to 2027, each copy marked with where it came from, and every
  // old year its text names listed for review.
  const plan = (await stored(page, id)).plan;
  const task2024 = plan.nodes[1].children[0];
  expect(task2024.division.leaders).toEqual(['领导2024']);
  expect(task2024.division.deadline).toEqual({ Month: { year: 2027, month: 6 } });
  expect(task2024.origin.from).toBe('2024年卫生健康工作要点 （三）');
  await expect(page.locator('.node .origin')).toHaveCount(created.length);
  await expect(page.locator('.year-review summary')).toHaveText(
    '正文中仍有 8 处提及往年（2025年、2024年、2026年），请核对是否需要改为新年度',
  );

  // While editing: find 2023's 行风 task by its lead and year, insert it after the selected task.
  await page.locator('.node').nth(1).locator('.node-title').click();
  await page.locator('#open-insert').click();
  await page.locator('#reuse-search').fill('纪检组 2023');
  await expect(page.locator('.reuse-hit')).toHaveCount(1);
  await expect(page.locator('.selected-place')).toContainText('（一）强化理论武装2025');
  await page.locator('.reuse-hit .insert-hit').click();
  const inserted = [...created.slice(0, 2), '（二）加强行风建设2023', '二、提升医疗服务能力',
    '（三）建设胸痛中心2024', '（四）改善就医体验2024', '（五）改善就医体验2026'];
  await expect(page.locator('.node')).toHaveCount(inserted.length);
  expect(await outline(page)).toEqual(inserted);
  await expect(page.locator('.year-review summary')).toContainText('10 处提及往年（2025年、2023年、2024年、2026年）');

  // One undo step takes it out; redo puts it back.
  await page.locator('.toast').getByRole('button', { name: '撤销' }).click();
  await expect(page.locator('.node')).toHaveCount(created.length);
  expect(await outline(page)).toEqual(created);
  await page.locator('#redo').click();
  await expect(page.locator('.node')).toHaveCount(inserted.length);

  // A reload finds everything as it was.
  await page.reload();
  await expect(page.locator('.node')).toHaveCount(inserted.length);
  expect(await outline(page)).toEqual(inserted);
  await expect(page.locator('.node .origin[data-origin^="2023年卫生健康工作要点"]')).toHaveCount(1);

  // The panel finds templates by name, and one saved while it is open.
  await page.locator('#open-insert').click();
  await page.locator('#reuse-search').fill('党建常用');
  await expect(page.locator('.reuse-hit .hit-source')).toHaveText(['本单位模板“党建常用” 2025年', '本单位模板“党建常用” 2025年']);
  await page.locator('.node').nth(3).locator('.save-template').click();
  await page.locator('.save-template-dialog .template-name-input').fill('医疗常用');
  await page.locator('.save-template-dialog .save-template-confirm').click();
  await page.locator('#reuse-search').fill('医疗常用 胸痛');
  await expect(page.locator('.reuse-hit .hit-title')).toHaveText(['（一）建设胸痛中心2024']);

  // The template as a file another office can import: deleted here, brought back from it.
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await expect(page.locator('.template-item')).toHaveCount(2);
  await page.locator('.template-item', { hasText: '医疗常用' }).locator('.delete-template').click();
  await page.locator('.template-item', { hasText: '医疗常用' }).locator('.confirm-delete-template').click();
  await expect(item).toHaveCount(1);
  const shared = page.waitForEvent('download');
  await page.locator('#export-templates').click();
  const sharedPath = await (await shared).path();
  // Deleted: 撤销删除 brings it back; deleted again, the shared file brings it back.
  await item.locator('.delete-template').click();
  await item.locator('.confirm-delete-template').click();
  await expect(page.locator('.toast')).toContainText('已删除模板「党建常用」');
  await expect(page.locator('.template-item')).toHaveCount(0);
  await page.locator('.toast').getByRole('button', { name: '撤销删除' }).click();
  await expect(page.locator('.template-item')).toContainText('党建常用');
  await item.locator('.delete-template').click();
  await item.locator('.confirm-delete-template').click();
  await expect(page.locator('.template-item')).toHaveCount(0);
  await page.locator('#import-templates-file').setInputFiles(sharedPath);
  await expect(page.locator('.toast')).toContainText('已导入 1 个模板');
  await expect(page.locator('.template-item')).toContainText('党建常用');

  // Export → clear → import of the whole library keeps the template.
  const backup = page.waitForEvent('download');
  await page.locator('#export-library').click();
  const backupPath = await (await backup).path();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('.template-item')).toHaveCount(0);
  await page.locator('#import-library').setInputFiles(backupPath);
  await expect(page.locator('.toast')).toContainText('本单位模板 1 个');
  await expect(page.locator('.template-item')).toContainText('党建常用');
  await expect(page.locator('.template-item')).toContainText('每年都有');

  // Renamed (Enter saves), and still so after a reload.
  await page.locator('.rename-template').click();
  await page.locator('.template-item .template-name-input').fill('党建（每年）');
  await page.locator('.template-item .template-name-input').press('Enter');
  await expect(page.locator('.template-item .template-name')).toHaveText('党建（每年）');
  await page.reload();
  await expect(page.locator('.template-item .template-name')).toHaveText('党建（每年）');
});

/** A templates file with one template of one section and one task. */
function templatesFile(id: string, name: string): string {
  const nodes = [{ id: 1, kind: 'Heading', title: name, children: [{ id: 2, kind: 'Task', title: `${name}的任务` }] }];
  const path = `test-results/templates-${id}.json`;
  writeFileSync(path, JSON.stringify({ format: 'yaodian-templates', schema: 3, templates: [{ id, name, note: '', nodes }] }));
  return path;
}

test('two tabs bring in templates at once: both are kept, in both tabs', async ({ context }) => {
  const a = await context.newPage();
  await a.goto('/');
  const b = await context.newPage();
  await b.goto('/');
  await a.locator('#import-templates-file').setInputFiles(templatesFile('ta', '甲模板'));
  await b.locator('#import-templates-file').setInputFiles(templatesFile('tb', '乙模板'));
  await expect(b.locator('.toast')).toContainText('已导入 1 个模板');
  for (const page of [a, b]) {
    await expect(page.locator('.template-item .template-name')).toHaveText(['甲模板', '乙模板']);
  }
});

test('a damaged templates file is refused with a message and changes nothing', async ({ page }) => {
  await page.goto('/');
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  writeFileSync('test-results/bad-templates.json', '{"format":"yaodian-templates","schema":3,"templates":[{"name":"坏","nodes":[]}]}');
  await page.locator('#import-templates-file').setInputFiles('test-results/bad-templates.json');
  await expect(page.locator('.toast.error')).toContainText('无法导入模板文件，未做任何修改');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});
