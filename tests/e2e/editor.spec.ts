import { test, expect, Page } from '@playwright/test';
import { expected, importSample, newPlan, outline, stored, zipPart } from './helpers';
import { readFileSync } from 'node:fs';


test('draft a plan from templates, assign, move, undo, reload, export', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('还没有计划')).toBeVisible();

  // New plan from two ticked template sections.
  await page.locator('#new-plan').click();
  await page.locator('#new-year').fill('2027');
  await page.locator('#new-office').fill('同心县卫生健康局');
  await page.getByRole('button', { name: '全不选' }).click();
  await page.locator('[data-template="party"]').check();
  await page.locator('[data-template="epidemic"]').check();
  await page.locator('#create-from-templates').click();

  await expect(page.locator('.plan-title')).toHaveText('2027年卫生健康工作要点');
  await expect.poll(() => outline(page)).toEqual([
    '一、全面加强党的建设',
    '（一）强化理论武装',
    '（二）落实公立医院党委领导下的院长负责制',
    '（三）加强党风廉政建设和行风建设',
    '二、抓好传染病防控和卫生应急',
    '（四）完善监测预警体系',
    '（五）做好重点传染病防治',
    '（六）提升卫生应急处置能力',
  ]);

  // A new task after the first one, from the keyboard; the cursor lands in it.
  await page.locator('.node-title').nth(1).click();
  await page.keyboard.press('Control+Enter');
  const title = page.locator('.node-title:focus');
  await expect(title).toHaveCount(1);
  await page.keyboard.type('着力重点专科建设');
  const task = page.locator('.node').nth(2);
  await task.locator('.node-body').fill('围绕外转较多的病种，建设一批县级临床重点专科。');

  // Two leaders (one typed, one from a list separated by 、), a lead and a cooperating department.
  const leaders = task.locator('[data-role="leaders"] .people-input');
  await leaders.fill('杨少平');
  await leaders.press('Enter');
  await leaders.fill('马正录');
  await leaders.press('Enter');
  await task.locator('[data-role="leads"] .people-input').fill('局医政药政管理岗位');
  await task.locator('[data-role="leads"] .people-input').press('Enter');
  await task.locator('[data-role="partners"] .people-input').fill('各公立医院');
  await task.locator('[data-role="partners"] .people-input').press('Enter');
  // A name not in the roster can be added to it on the spot.
  await task.locator('[data-role="leaders"] .add-roster').first().click();
  await expect(task.locator('[data-role="leaders"] .chip.unknown')).toHaveCount(1);
  await task.locator('.deadline-kind').selectOption('month');
  await task.locator('.deadline-month').fill('2027-11');
  await expect(task.locator('.deadline-label')).toHaveText('2027年11月');

  await expect.poll(() => outline(page)).toEqual([
    '一、全面加强党的建设',
    '（一）强化理论武装',
    '（二）着力重点专科建设',
    '（三）落实公立医院党委领导下的院长负责制',
    '（四）加强党风廉政建设和行风建设',
    '二、抓好传染病防控和卫生应急',
    '（五）完善监测预警体系',
    '（六）做好重点传染病防治',
    '（七）提升卫生应急处置能力',
  ]);

  // Move it down, across into the second section, every number following.
  const moved = () => page.locator('.node').filter({ has: page.locator('.node-title:focus') });
  await task.locator('.node-title').click();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(moved().locator('.node-label')).toHaveText('（四）');
  // Rows are moved, not rebuilt: let the page settle before clicking in the moved row.
  await expect.poll(() => outline(page)).toContain('（四）着力重点专科建设');
  await moved().getByRole('button', { name: '下移' }).click();
  await expect.poll(() => outline(page)).toEqual([
    '一、全面加强党的建设',
    '（一）强化理论武装',
    '（二）落实公立医院党委领导下的院长负责制',
    '（三）加强党风廉政建设和行风建设',
    '二、抓好传染病防控和卫生应急',
    '（四）完善监测预警体系',
    '（五）着力重点专科建设',
    '（六）做好重点传染病防治',
    '（七）提升卫生应急处置能力',
  ]);

  // Undo the last move (Ctrl+Z): back to first in the second section.
  await page.keyboard.press('Control+z');
  const afterUndo = [
    '一、全面加强党的建设',
    '（一）强化理论武装',
    '（二）落实公立医院党委领导下的院长负责制',
    '（三）加强党风廉政建设和行风建设',
    '二、抓好传染病防控和卫生应急',
    '（四）着力重点专科建设',
    '（五）完善监测预警体系',
    '（六）做好重点传染病防治',
    '（七）提升卫生应急处置能力',
  ];
  await expect.poll(() => outline(page)).toEqual(afterUndo);

  // Notice fields.
  await page.getByRole('tab', { name: '通知要素' }).click();
  await page.getByLabel('发文字号').fill('同卫健发〔2027〕3号');
  await page.getByLabel('主送机关').fill('各医疗卫生单位，局机关各岗位');
  await page.getByLabel('成文日期').fill('2027年3月1日');
  await page.getByLabel('印发日期').fill('2027年3月2日');

  // Close the browser tab and come back: everything is as it was.
  await page.reload();
  await expect(page.locator('.plan-title')).toHaveText('2027年卫生健康工作要点');
  await expect.poll(() => outline(page)).toEqual(afterUndo);
  const kept = page.locator('.node').nth(5);
  await expect(kept.locator('.node-title')).toHaveValue('着力重点专科建设');
  await expect(kept.locator('[data-role="leaders"] .chip-name')).toHaveText(['杨少平', '马正录']);
  await expect(kept.locator('[data-role="leads"] .chip-name')).toHaveText(['局医政药政管理岗位']);
  await expect(kept.locator('[data-role="partners"] .chip-name')).toHaveText(['各公立医院']);
  await expect(kept.locator('.deadline-label')).toHaveText('2027年11月');

  // Export the notice as text: the page shows it, the download holds it.
  await page.getByRole('tab', { name: '导出' }).click();
  await expect(page.locator('#export-text')).toHaveValue(expected('notice-2027.txt'));
  const download = page.waitForEvent('download');
  await page.locator('#download-text').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('2027年卫生健康工作要点.txt');
  expect(readFileSync(await file.path(), 'utf8')).toBe(expected('notice-2027.txt'));

  // The GB/T 9704 .docx: a real Word file holding the notice.
  const docxDownload = page.waitForEvent('download');
  await page.locator('#download-docx').click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toBe('2027年卫生健康工作要点.docx');
  const xml = zipPart(await docx.path(), 'word/document.xml');
  expect(xml).toContain('同卫健发〔2027〕3号');
  expect(xml).toContain('着力重点专科建设。');
  expect(xml).toContain('责任领导：杨少平、马正录');
  expect(xml).toContain('w:eastAsia="方正小标宋简体"');

  // The task-division table, as .xlsx and as .csv.
  const xlsxDownload = page.waitForEvent('download');
  await page.locator('#download-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe('2027年卫生健康工作要点任务分工表.xlsx');
  const strings = zipPart(await xlsx.path(), 'xl/sharedStrings.xml');
  expect(strings).toContain('（四）着力重点专科建设。围绕外转较多的病种');
  expect(strings).toContain('杨少平、马正录');
  const csvDownload = page.waitForEvent('download');
  await page.locator('#download-csv').click();
  const csvText = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csvText.startsWith('\ufeff序号,工作任务,责任领导,牵头科室,配合科室,完成时限\r\n')).toBe(true);
  expect(csvText).toContain('4,（四）着力重点专科建设。围绕外转较多的病种，建设一批县级临床重点专科。,杨少平、马正录,局医政药政管理岗位,各公立医院,2027年11月\r\n');

  // ... and the clipboard holds it after 复制到剪贴板.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('#copy-text').click();
  await expect(page.locator('.toast')).toContainText('已复制到剪贴板');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected('notice-2027.txt'));

  // Level two as "1." restarting in each section: every label follows at once.
  await page.getByRole('tab', { name: '编号样式' }).click();
  await page.locator('tr[data-level="2"] .number-style').selectOption('arabic-dot');
  await page.locator('tr[data-level="2"] .continuous').uncheck();
  await page.getByRole('tab', { name: '计划正文' }).click();
  await expect.poll(() => outline(page)).toEqual([
    '一、全面加强党的建设',
    '1.强化理论武装',
    '2.落实公立医院党委领导下的院长负责制',
    '3.加强党风廉政建设和行风建设',
    '二、抓好传染病防控和卫生应急',
    '1.着力重点专科建设',
    '2.完善监测预警体系',
    '3.做好重点传染病防治',
    '4.提升卫生应急处置能力',
  ]);

  // Deleting a task offers the way back.
  await page.locator('.node').nth(5).getByRole('button', { name: '删除' }).click();
  await expect(page.locator('.node')).toHaveCount(8);
  await page.locator('.toast').getByRole('button', { name: '撤销' }).click();
  await expect(page.locator('.node')).toHaveCount(9);
  await expect(page.locator('.node').nth(5).locator('.node-title')).toHaveValue('着力重点专科建设');
});

test('library: import a plan file, duplicate, rename, delete and take it back', async ({ page }) => {
  await page.goto('/');
  await page.locator('#import-plan-file').setInputFiles('tests/fixtures/tongxin-excerpt.json');
  // The imported plan opens; its export equals what the CLI exports from the same file.
  await expect(page.locator('.node')).toHaveCount(6);
  await page.getByRole('tab', { name: '导出' }).click();
  await expect(page.locator('#export-text')).toHaveValue(readFileSync('tests/fixtures/tongxin-excerpt.txt', 'utf8'));

  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  const items = page.locator('.library > .plan-list > .plan-item');
  await expect(items).toHaveCount(1);
  await items.first().getByRole('button', { name: '复制' }).click();
  await expect(items).toHaveCount(2);
  await expect(items.first().locator('.plan-name')).toHaveText('关于2020年全县卫生健康工作要点暨任务分工的通知（副本）');

  await items.first().getByRole('button', { name: '重命名' }).click();
  await page.getByLabel('新名称').fill('2020年要点（修订）');
  await page.getByLabel('新名称').press('Enter');
  await expect(items.first().locator('.plan-name')).toHaveText('2020年要点（修订）');

  // Delete asks first; the message offers the way back; the trash keeps it too.
  await items.first().getByRole('button', { name: '删除' }).click();
  await items.first().getByRole('button', { name: '确定删除' }).click();
  await expect(items).toHaveCount(1);
  await page.getByRole('button', { name: '撤销删除' }).click();
  await expect(items).toHaveCount(2);
  await items.first().getByRole('button', { name: '删除' }).click();
  await items.first().getByRole('button', { name: '确定删除' }).click();
  await page.locator('.trash summary').click();
  await page.locator('.trash').getByRole('button', { name: '恢复' }).click();
  await expect(items).toHaveCount(2);
  await expect(page.locator('.trash')).toHaveCount(0);

  // A file that is not a plan gets a clear message and changes nothing.
  await page.locator('#import-plan-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.locator('.toast.error')).toContainText('这不是要点导出的计划文件');
  await expect(items).toHaveCount(2);
});

test('print preview on A4, copy to Word as rich text, and the landscape table', async ({ page, context }) => {
  await page.goto('/');
  await page.locator('#import-plan-file').setInputFiles('tests/fixtures/tongxin-excerpt.json');
  await page.getByRole('tab', { name: '打印预览' }).click();
  // Pages of 210 mm side by side; the text block of each is 156 × 225 mm (96 px per inch).
  const mm = (x: number) => Math.round((x / 25.4) * 96);
  const area = (await page.locator('.print-area').boundingBox())!;
  expect(Math.round(area.width)).toBe(mm(156));
  expect(Math.round(area.height)).toBe(mm(225));
  const pages = await page.locator('.paper').evaluate((el) => Math.round((el.scrollWidth / ((210 / 25.4) * 96))));
  expect(pages).toBeGreaterThanOrEqual(2);
  // Every line sits on the 28.95 pt grid: 22 lines fill a page.
  await expect(page.locator('.print-area .body').first()).toHaveCSS('line-height', '38.6px');
  await expect(page.locator('.print-area .mark')).toHaveText('中共同心县卫生健康局党组文件');
  await expect(page.locator('.print-area .mark')).toHaveCSS('color', 'rgb(255, 0, 0)');
  await expect(page.locator('.print-area .task').first()).toContainText('（一）认真学习习近平新时代中国特色社会主义思想。');
  // This machine has none of the official fonts: the preview says which are missing.
  await expect(page.locator('.font-warning')).toContainText('仿宋_GB2312');
  // Printing to PDF from the browser gives A4 pages.
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
  expect(box).not.toBeNull();
  expect(Math.abs(Number(box![1]) - 595.3)).toBeLessThan(2);
  expect(Math.abs(Number(box![2]) - 841.9)).toBeLessThan(2);

  await page.getByRole('tab', { name: '导出' }).click();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('#copy-to-word').click();
  await expect(page.locator('.toast')).toContainText('已复制');
  const html = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    return await (await items[0].getType('text/html')).text();
  });
  expect(html).toContain('font-size:22pt');
  expect(html).toContain('仿宋_GB2312');
  expect(html).toContain('关于2020年全县卫生健康工作要点暨');
  expect(html).toContain('任务分工的通知');

  const download = page.waitForEvent('download');
  await page.locator('#download-table-docx').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('2020年全县卫生健康工作要点暨任务分工表.docx');
  const xml = zipPart(await file.path(), 'word/document.xml');
  expect(xml).toContain('w:orient="landscape"');
  expect(xml).toContain('局综合管理岗位');
});

test('owners and deadlines as typed: names split as the importer splits them, dates checked', async ({ page }) => {
  await newPlan(page);
  const task = page.locator('.node').nth(1);
  // A name with 、 inside brackets is one name; the list around it is split.
  await task.locator('[data-role="partners"] .people-input').fill('各县（市、区）卫生健康局、疾控中心');
  await task.locator('[data-role="partners"] .people-input').press('Enter');
  await expect(task.locator('[data-role="partners"] .chip-name')).toHaveText(['各县（市、区）卫生健康局', '疾控中心']);
  // A deadline typed as text that is a month becomes a month (as the text export reads it back).
  await task.locator('.deadline-kind').selectOption('text');
  await expect(task.locator('.deadline-text')).toHaveValue('年底前');
  await task.locator('.deadline-text').fill('2027年6月');
  await task.locator('.deadline-text').press('Tab');
  await expect(task.locator('.deadline-label')).toHaveText('2027年6月');
  await expect(task.locator('.deadline-kind')).toHaveValue('month');
  // An end year before the start is refused with a message; the period stays.
  await page.locator('#period-end').fill('2026');
  await page.locator('#period-end').press('Tab');
  await expect(page.locator('.toast.error')).toContainText('结束年份不能早于开始年份');
  await expect(page.locator('#period-end')).toHaveValue('2027');
});

test('a long plan opens with its first rows and the rest arrive frame by frame; leaving the tab meanwhile is safe', async ({ page }) => {
  await importSample(page, 'tongxin-2020-plan-task-division', 64);
  const id = new URL(page.url()).hash;
  // A slow computer: the rows take long enough to arrive for the tabs to be switched meanwhile.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  for (let round = 0; round < 3; round++) {
    await page.goto('about:blank');
    await page.goto(`/${id}`);
    // Editable at once: the first rows, the tree still busy with the others.
    await page.locator('.tree[aria-busy=true] .node').first().waitFor();
    // Leaving the tab (and coming back, and leaving again) while rows are still being added.
    await page.getByRole('tab', { name: '名册' }).click();
    await page.getByRole('tab', { name: '计划正文' }).click();
    await page.getByRole('tab', { name: '通知要素' }).click();
    await page.waitForTimeout(300);
    await expect(page.locator('.panic-overlay')).toHaveCount(0);
    await page.getByRole('tab', { name: '计划正文' }).click();
    await expect(page.locator('.node')).toHaveCount(64);
    await expect(page.locator('.tree')).toHaveAttribute('aria-busy', 'false');
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

test('a jump from another tab reaches a task near the end of a long plan whose rows are still arriving', async ({ page }) => {
  // The tongxin plan's sections eight times over (fresh ids): 512 rows.
  await importSample(page, 'tongxin-2020-plan-task-division', 64);
  const one = await stored(page, new URL(page.url()).hash.replace('#/plan/', ''));
  let next = 1;
  const renumber = (node: { id: number; children: unknown[] }): unknown => ({
    ...node,
    id: next++,
    children: node.children.map((c) => renumber(c as { id: number; children: unknown[] })),
  });
  const sections = one.plan.nodes as { id: number; children: unknown[] }[];
  const nodes = Array.from({ length: 8 }, () => sections.map(renumber)).flat();
  const long = { format: 'yaodian-plan', schema: one.schema, plan: { ...one.plan, nodes, next_id: next } };
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await page.locator('#import-plan-file').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(long)) });
  await expect(page.locator('.node').first()).toBeVisible();
  const id = new URL(page.url()).hash;
  // A slow computer: the rows take seconds to arrive.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto('about:blank');
  await page.goto(`/${id}`);
  await page.getByRole('tab', { name: '检查' }).click();
  const outside = page.locator('.finding').filter({ hasText: '2019年11月' });
  await expect(outside).toHaveCount(8);
  // 九、（四十五） of the last copy: the task's own number is after the section's.
  const label = (await outside.last().locator('.finding-label').textContent())!.split('、').pop()!;
  await outside.last().getByRole('button', { name: '定位' }).click();
  // The plan tab starts again with its first rows; the cursor lands in the task once it is there.
  const focused = () =>
    page.evaluate(() => document.activeElement?.closest('.node')?.querySelector('.node-label')?.textContent);
  await expect.poll(focused, { timeout: 20_000 }).toBe(label);
  expect(await page.evaluate(() => document.activeElement?.classList.contains('node-title'))).toBe(true);
  const rows = await page.locator('.node .node-label').allTextContents();
  expect(rows.length).toBe(512);
  expect(rows.indexOf(label)).toBeGreaterThan(450);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});
