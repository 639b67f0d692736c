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

// A page copied with its site furniture: breadcrumb, information block, counters, print links.
const PAGE = [
  '首页 > 政务公开 > 通知公告',
  '索引号：11330782329949043U/2021-374107 发布机构：义乌市卫生健康局',
  '文号：义卫发〔2021〕5号 公开方式：主动公开',
  '访问次数：1024 字体大小：大 中 小',
  '关于印发2021年全市卫生健康工作要点的通知',
  '各科室：',
  '现将《2021年全市卫生健康工作要点》印发给你们，请认真贯彻执行。',
  '义乌市卫生健康局',
  '2021年3月1日',
  '2021年全市卫生健康工作要点',
  '一、加强党的建设',
  '（一）落实全面从严治党责任。全年推进。',
  '牵头科室：办公室',
  '二、提升急救能力',
  '（二）完善院前急救体系。',
  '实时掌握救护车当前位置',
  '牵头科室：医政科',
  '【打印】【关闭】',
].join('\n');

test('check an import field by field: correct a field, take a dropped line back, create exactly that', async ({ page }) => {
  await page.goto('/');
  await page.locator('#import-plan').click();
  await page.locator('#import-text').fill(PAGE);

  // The fields found, each with the line it came from; the number from the information block.
  const number = page.locator('#import-field-docnumber');
  await expect(number).toHaveValue('义卫发〔2021〕5号');
  await expect(page.locator('.import-field').filter({ has: number }).locator('.field-source')).toHaveText(/^第3行：/);
  const recipients = page.locator('#import-field-recipients');
  await expect(recipients).toHaveValue('各科室');
  await expect(page.locator('.import-field').filter({ has: recipients }).locator('.field-source')).toHaveText('第6行：各科室：');

  // The dropped lines, a task's line among them (it names 当前位置, a word of site furniture).
  const dropped = page.locator('.import-dropped');
  await dropped.locator('summary').click();
  await expect(dropped.locator('li').filter({ hasText: '访问次数' })).toHaveCount(1);
  await dropped.getByRole('button', { name: '恢复第16行' }).click();
  await expect(dropped.locator('.taken-back')).toContainText('实时掌握救护车当前位置');

  // Correct 主送; the outline shows it at once.
  await recipients.fill('局机关各科室、各直属单位');
  await recipients.press('Tab');
  await expect(page.locator('.import-outline')).toContainText('主送：局机关各科室、各直属单位');
  await expect(page.locator('#import-field-recipients')).toHaveValue('局机关各科室、各直属单位');
  await expect(page.locator('.import-field.corrected .field-source')).toHaveText('已修改');
  // Taking the line back kept the correction.
  await expect(page.locator('.import-dropped li').filter({ hasText: '实时掌握' })).toHaveCount(1);
  await expect(page.locator('.import-dropped .taken-back li')).toHaveCount(1);
  await page.locator('#import-create').click();

  // The plan has exactly that: the corrected field, the line taken back, nothing dropped.
  await expect(page.locator('.node')).toHaveCount(4);
  await expect(page.locator('.node').nth(3).locator('.node-body')).toHaveValue('实时掌握救护车当前位置');
  await expect(page.locator('.node').nth(1).locator('.node-body')).toHaveValue('全年推进。');
  await page.getByRole('tab', { name: '通知要素' }).click();
  await expect(page.getByLabel('主送机关')).toHaveValue('局机关各科室、各直属单位');
  await expect(page.getByLabel('发文字号')).toHaveValue('义卫发〔2021〕5号');
  await expect(page.getByLabel('成文日期')).toHaveValue('2021年3月1日');
  await expect(page.locator('body')).not.toContainText('访问次数');
});

test('an .xlsx task table made in Excel imports with its columns', async ({ page }) => {
  await page.goto('/');
  await page.locator('#import-plan').click();
  // Made with openpyxl (tests/fixtures/make-foreign-xlsx.py): merged group cells, a date cell.
  await page.locator('#import-file').setInputFiles('tests/fixtures/foreign-division.xlsx');
  await expect(page.locator('.import-counts')).toContainText('识别出 2 个部分、3 项任务');
  await expect(page.locator('.import-outline')).toContainText('牵头科室：医政医管科；配合科室：各乡镇卫生院、县人民医院；完成时限：2024年6月30日');
  await expect(page.locator('#import-text')).toHaveValue(/^2024年卫生健康重点工作任务分解表/);
  await page.locator('#import-create').click();
  await expect(page.locator('.node')).toHaveCount(5);
  const first = page.locator('.node').nth(1);
  await expect(first.locator('[data-role="leads"] .chip-name')).toHaveText(['医政医管科']);
  await expect(first.locator('[data-role="partners"] .chip-name')).toHaveText(['各乡镇卫生院', '县人民医院']);
  await expect(page.locator('.node').nth(2).locator('.node-body')).toHaveValue('备注：按季度报送进展');
});
