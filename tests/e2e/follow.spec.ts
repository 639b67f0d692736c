import { test, expect, Download, Page } from '@playwright/test';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { importSample } from './helpers';

// The departments' loop as an office meets it: on 2020-06-20 the tongxin plan's packets go to
// three departments (two workbooks, one Yaodian packet); one workbook comes back filled in with
// openpyxl (as Excel would), the packet is filled in by the department in its own browser;
// the office accepts part of each, sees the ledger and 报送情况 change, undoes one acceptance,
// and downloads the 督办通报, read back with python-docx.

const A = '局健康综合岗位';
const B = '局综合医改与信息化岗位';
const C = '局卫生应急岗位';
const ROUND = '2020年第二季度进度';

async function downloads(page: Page, count: number, click: () => Promise<void>): Promise<Download[]> {
  const got: Download[] = [];
  const listener = (d: Download) => got.push(d);
  page.on('download', listener);
  await click();
  await expect.poll(() => got.length).toBe(count);
  page.off('download', listener);
  return got;
}

async function tick(page: Page, names: string[]) {
  for (const n of names) {
    await page.locator('.recipient').filter({ hasText: new RegExp(`^${n}$`) }).locator('input').check();
  }
}

test('packets out, returns reviewed and merged, 报送情况, undo, and the 督办通报', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2020-06-20T10:00:00'));
  await importSample(page, 'tongxin-2020-plan-task-division', 64);
  // What needs attention as the plan opens: the tasks due before 2020-06 are overdue.
  await page.reload();
  await expect(page.locator('.attention')).toContainText('逾期 1 项，本周到期 0 项');
  // And the plan list, as the app opens, says which plans of this year have something to chase.
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await expect(page.locator('.library .attention')).toContainText('2020年全县卫生健康工作要点');
  await expect(page.locator('.library .attention')).toContainText('逾期 1 项，本周到期 0 项');
  await page.locator('.open-attention').click();

  await page.getByRole('tab', { name: '督办' }).click();
  await page.locator('.round-name').fill(ROUND);
  await page.locator('.round-due').fill('2020-06-30');
  await tick(page, [A, C]);
  const sheets = await downloads(page, 2, () => page.locator('.send-xlsx').click());
  const names = sheets.map((d) => d.suggestedFilename()).sort();
  expect(names).toEqual([`${ROUND}-${A}.xlsx`, `${ROUND}-${C}.xlsx`].sort());
  const sheetA = sheets.find((d) => d.suggestedFilename().includes(A))!;
  await tick(page, [B]);
  await page.locator('.recipient').filter({ hasText: new RegExp(`^${A}$`) }).locator('input').uncheck();
  await page.locator('.recipient').filter({ hasText: new RegExp(`^${C}$`) }).locator('input').uncheck();
  const [packetB] = await downloads(page, 1, () => page.locator('.send-packet').click());
  expect(packetB.suggestedFilename()).toBe(`${ROUND}-${B}.json`);

  // 局健康综合岗位 fills in its workbook in Excel (here openpyxl): two tasks.
  const edits = 'test-results/follow-edits.json';
  writeFileSync(edits, JSON.stringify([
    ['#1', '报送状态', '已完成'],
    ['#1', '完成情况', '健康同心建设领导小组已调整充实'],
    ['#2', '报送状态', '推进中'],
    ['#2', '进展情况', '已完成健康细胞建设摸底'],
    ['#2', '申请延期至', '2020年12月31日'],
    ['#2', '延期理由', '受疫情影响'],
  ]));
  const returnA = `test-results/${ROUND}-${A}-回执.xlsx`;
  const blankA = `test-results/${sheetA.suggestedFilename()}`;
  await sheetA.saveAs(blankA);
  execFileSync('.venv/bin/python', ['tests/docx/fill_packet.py', blankA, returnA, edits]);
  // The workbook was saved by the department on 2020-06-20: its return day is the file's date.
  utimesSync(returnA, new Date('2020-06-20T09:00:00'), new Date('2020-06-20T09:00:00'));

  // 局综合医改与信息化岗位 uses Yaodian: it opens the packet in its own browser, fills it in.
  const department = await browser.newContext();
  const other = await department.newPage();
  await other.clock.setFixedTime(new Date('2020-06-22T10:00:00'));
  await other.goto('/');
  await other.locator('#open-packet-file').setInputFiles((await packetB.path())!);
  await expect(other.locator('.packet-task')).toHaveCount(8);
  const firstB = other.locator('.packet-task').first();
  await firstB.locator('.packet-status').selectOption('推进中');
  await firstB.locator('.packet-progress').fill('医共体信息平台已完成招标');
  // What it typed survives a reload.
  await other.reload();
  await expect(other.locator('.packet-task').first().locator('.packet-progress')).toHaveValue('医共体信息平台已完成招标');
  const returned = other.waitForEvent('download');
  await other.locator('.export-return').click();
  const returnB = await returned;
  expect(returnB.suggestedFilename()).toBe(`${ROUND}-${B}-回执.json`);
  const returnBPath = `test-results/${returnB.suggestedFilename()}`;
  await returnB.saveAs(returnBPath);
  await department.close();

  // The office imports both at once.
  await page.locator('#import-returns').setInputFiles([returnA, returnBPath]);
  await expect(page.locator('.toast')).toContainText('已导入 2 份回执');
  const groupA = page.locator(`.return-group[data-department="${A}"]`);
  const groupB = page.locator(`.return-group[data-department="${B}"]`);
  await expect(groupA.locator('.proposal')).toHaveCount(5);
  await expect(groupB.locator('.proposal')).toHaveCount(2);
  // Accept A's first status, turn down its completion note; accept all of B.
  const statusA = groupA.locator('.proposal[data-field="状态"]').first();
  await expect(statusA.locator('.proposed')).toHaveText('已完成');
  await statusA.locator('.accept').click();
  await groupA.locator('.proposal[data-field="完成情况"] .reject').click();
  await groupA.locator('.proposal[data-field="完成时限"] .accept').click();
  await groupB.locator('.accept-department').click();
  await expect(groupB).toHaveCount(0);
  await expect(groupA.locator('.proposal')).toHaveCount(2);

  // The ledger shows what was accepted, with who reported it and the deadline it replaced.
  await page.getByRole('tab', { name: '台账' }).click();
  const rowB = page.locator('.ledger-row').filter({ hasText: '医共体信息平台已完成招标' });
  await expect(rowB.locator('.note-author')).toHaveText(`（${B}报送）`);
  await expect(rowB.locator('.status')).toHaveValue('推进中');
  await expect(page.locator('.extension')).toHaveText([`延期：2020年11月 → 2020年12月31日（2020年6月20日批准；${A}申请：受疫情影响）`]);

  // 报送情况: A and B returned on time, C not yet; the 催报 list names C.
  await page.getByRole('tab', { name: '督办' }).click();
  await expect(page.locator('.standing')).toHaveText([
    `${A}按时报送（2020年6月20日）`,
    `${C}尚未报送`,
    `${B}按时报送（2020年6月22日）`,
  ]);
  await expect(page.locator('.reminder')).toHaveText(`催报：“${ROUND}”尚未报送的单位共1个：${C}。报送截止日期为2020年6月30日，请尽快报送。`);

  // Undo takes the last acceptance (all of B) back; its proposals are in the review again.
  await page.locator('#undo').click();
  await expect(groupB.locator('.proposal')).toHaveCount(2);

  // A task due 2020-06-30 has 7 working days left: 正常 (blue) at 5 warning days, 临期
  // (yellow) at 10; the 2019 deadline is 逾期 (red).
  await page.getByRole('tab', { name: '计划正文' }).click();
  const task = page.locator('.node:has(.deadline-kind)').first();
  await task.locator('.deadline-kind').selectOption('date');
  await task.locator('.deadline-date').fill('2020-06-30');
  await expect(task.locator('.due-badge')).toHaveText('正常');
  await expect(task.locator('.due-badge')).toHaveClass(/due-normal/);
  await expect(page.locator('.due-overdue').first()).toBeVisible();
  await page.getByRole('tab', { name: '督办' }).click();
  await page.locator('.warn-days').fill('10');
  await page.locator('.warn-days').dispatchEvent('change');
  await page.getByRole('tab', { name: '计划正文' }).click();
  await expect(task.locator('.due-badge')).toHaveText('临期');
  await expect(task.locator('.due-badge')).toHaveClass(/due-soon/);

  // The 督办通报, through the notice's .docx pipeline, read back by python-docx.
  await page.getByRole('tab', { name: '督办' }).click();
  const bulletin = page.waitForEvent('download');
  await page.locator('.bulletin-docx').click();
  const docx = await bulletin;
  const text = execFileSync('.venv/bin/python', ['-c',
    'import sys, docx; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', (await docx.path())!]).toString();
  // The title breaks its lines as the notice's does (python-docx reads a break as a newline).
  expect(text.replace(/\n/g, '')).toContain('2020年全县卫生健康工作要点推进情况督办通报');
  expect(text).toContain(`按时报送：${A}、${B}。`);
  expect(text).toContain(`未报送：${C}。`);
  expect(text).toMatch(/逾期未完成的任务/);
  expect(text).toContain('截至2020年6月20日');
});

test('a stale, a foreign and an unreadable return are told apart', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2020-06-20T10:00:00'));
  await importSample(page, 'tongxin-2020-plan-task-division', 64);
  await page.getByRole('tab', { name: '督办' }).click();
  await page.locator('.round-name').fill('第一轮');
  await tick(page, [C]);
  const [first] = await downloads(page, 1, () => page.locator('.send-packet').click());
  await page.locator('.round-name').fill('第二轮');
  await downloads(page, 1, () => page.locator('.send-packet').click());
  const stale = JSON.parse(readFileSync((await first.path())!, 'utf8'));
  stale.tasks[0].answer.progress = '旧一轮的进展';
  stale.returned = { year: 2020, month: 6, day: 20 };
  const foreign = { ...stale, round: '第二轮', plan_id: 'P-另一份计划', plan_name: '2019年工作要点' };
  writeFileSync('test-results/stale.json', JSON.stringify(stale));
  writeFileSync('test-results/foreign.json', JSON.stringify(foreign));
  writeFileSync('test-results/broken.xlsx', 'PK\u0003\u0004 broken');
  // And the packet as it was sent, never filled in, is not a return.
  writeFileSync('test-results/blank.json', readFileSync((await first.path())!, 'utf8'));
  await page.locator('#import-returns').setInputFiles(['test-results/stale.json', 'test-results/foreign.json', 'test-results/broken.xlsx', 'test-results/blank.json']);
  await expect(page.locator('.refusal')).toHaveCount(4);
  await expect(page.locator('.refusal').filter({ hasText: 'blank.json' })).toContainText('还不是回执');
  await expect(page.locator('.refusal').filter({ hasText: 'stale.json' })).toContainText('上一轮“第一轮”');
  await expect(page.locator('.refusal').filter({ hasText: 'foreign.json' })).toContainText('这是“2019年工作要点”的报送表');
  await expect(page.locator('.refusal').filter({ hasText: 'broken.xlsx' })).toContainText('.xlsx');
  await expect(page.locator('.proposal')).toHaveCount(0);
});

test('the holiday table from the State Council notice as a page carries it, kept with the plan', async ({ page }) => {
  await importSample(page, 'tongxin-2020-plan-task-division', 64);
  await page.getByRole('tab', { name: '督办' }).click();
  await page.locator('.holiday-notice').fill(readFileSync('tests/fixtures/holidays/2026-traditional.txt', 'utf8'));
  await page.locator('.read-holiday-notice').click();
  await expect(page.locator('.toast')).toHaveText(/已读取2026年节假日安排：放假33天，调休上班6天/);
  await expect(page.locator('.calendar-text')).toHaveValue(/2026-02-14 班\n2026-02-15 休/);
  await page.reload();
  await page.getByRole('tab', { name: '督办' }).click();
  await expect(page.locator('.calendar-text')).toHaveValue(/2026-10-07 休\n2026-10-10 班/);
  // A line that is not a date is named, and the table is not applied.
  await page.locator('.calendar-text').fill('2026-10-01 休\n十月一日 休');
  await page.locator('.apply-calendar').click();
  await expect(page.locator('.calendar-errors')).toHaveText('第2行：无法识别日期“十月一日”');
});
