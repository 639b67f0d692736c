import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { newPlan, firstTitle, stored, fillStorage, clearJunk } from './helpers';

// Data safety as a user meets it: storage full while leaving the plan, two tabs changing the
// roster, the open plan removed in another tab, a page closed or reloaded with changes not
// stored, two saves at the same moment, a panic, and a backup with values this build cannot read.

/** Titles of the first task of every stored plan. */
const storedTitles = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('yaodian/plan/'))
      .map((k) => JSON.parse(localStorage.getItem(k)!).plan.nodes[0].children[0].title as string)
      .sort(),
  );

const toList = (page: Page) => page.getByRole('button', { name: '‹ 计划列表' }).click();

test('storage full, then leaving the plan: the edit is kept, exported, and saved once there is room', async ({ page }) => {
  const id = await newPlan(page);
  await fillStorage(page);
  const long = '存储已满时的修改' + '。'.repeat(3000);
  await firstTitle(page).fill(long);
  await expect(page.locator('.saved')).toHaveText('未能保存');

  // Leaving keeps it, says so, and the export the message offers works.
  await toList(page);
  const toast = page.locator('.toast.error');
  await expect(toast).toContainText('已保留在本窗口');
  await expect(page.locator('.draft-item')).toContainText('2027年卫生健康工作要点');
  let download = page.waitForEvent('download');
  await toast.getByRole('button', { name: '导出计划文件' }).click();
  expect(JSON.parse(readFileSync(await (await download).path(), 'utf8')).plan.nodes[0].children[0].title).toBe(long);

  // Browser back, forward and a reload keep it too (the reload asks first).
  await page.goBack();
  await expect(firstTitle(page)).toHaveValue(long);
  await page.goForward();
  await expect(page.locator('.draft-item')).toHaveCount(1);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(page.locator('.draft-item')).toContainText('2027年卫生健康工作要点');
  await expect(page.locator('.toast.error')).toContainText('上次未能保存');
  download = page.waitForEvent('download');
  await page.locator('.export-draft').click();
  expect(JSON.parse(readFileSync(await (await download).path(), 'utf8')).plan.nodes[0].children[0].title).toBe(long);

  // Room again: 继续编辑 saves it.
  await clearJunk(page);
  await page.locator('.continue-draft').click();
  await expect(firstTitle(page)).toHaveValue(long);
  await expect(page.locator('.saved')).toHaveText('已自动保存');
  expect((await stored(page, id)).plan.nodes[0].children[0].title).toBe(long);
  await toList(page);
  await expect(page.locator('.draft-item')).toHaveCount(0);
});

test('storage full: opening another plan keeps the unsaved one; deleting still frees space', async ({ page }) => {
  const first = await newPlan(page, '2027');
  await toList(page);
  await newPlan(page, '2028');
  await fillStorage(page);
  await firstTitle(page).fill('二〇二八年未保存的修改' + '。'.repeat(3000));
  await expect(page.locator('.saved')).toHaveText('未能保存');
  await page.goto(`/#/plan/${first}`);
  await expect(page.locator('.toast.error')).toContainText('已保留在本窗口');
  await toList(page);
  await expect(page.locator('.draft-item')).toContainText('2028年卫生健康工作要点');

  // The trash cannot take the 2027 plan, but deleting it for good works and frees space.
  const item = page.locator(`.plan-item[data-plan="${first}"]`);
  await item.getByRole('button', { name: '删除' }).click();
  await item.getByRole('button', { name: '确定删除' }).click();
  const toast = page.locator('.toast.error');
  await expect(toast).toContainText('无法把');
  const download = page.waitForEvent('download');
  await toast.getByRole('button', { name: '下载备份后彻底删除' }).click();
  expect(JSON.parse(readFileSync(await (await download).path(), 'utf8')).format).toBe('yaodian-plan');
  await expect(page.locator(`.plan-item[data-plan="${first}"]`)).toHaveCount(0);
  expect(await stored(page, first)).toBeNull();
});

test('two tabs add names to the roster: both names are kept, and each tab shows both', async ({ context }) => {
  const a = await context.newPage();
  const id = await newPlan(a);
  const b = await context.newPage();
  await b.goto(`/#/plan/${id}`);
  for (const page of [a, b]) await page.getByRole('tab', { name: '名册' }).click();
  const leaders = (page: Page) => page.locator('.roster-list[data-role="leaders"]');
  await leaders(a).getByRole('textbox').fill('一号窗口的领导');
  await leaders(a).getByRole('textbox').press('Enter');
  await leaders(b).getByRole('textbox').fill('二号窗口的领导');
  await leaders(b).getByRole('textbox').press('Enter');
  for (const page of [a, b]) {
    await expect(leaders(page).locator('li')).toHaveText([/一号窗口的领导/, /二号窗口的领导/]);
  }
  const roster = await a.evaluate(() => JSON.parse(localStorage.getItem('yaodian/roster')!).roster.leaders);
  expect(roster).toEqual(['一号窗口的领导', '二号窗口的领导']);
  // A removal in one tab is a change too, not a stale list written back.
  await leaders(b).getByRole('button', { name: '从名册删除一号窗口的领导' }).click();
  await expect(leaders(a).locator('li')).toHaveText([/二号窗口的领导/]);
});

test('two tabs create and delete plans: the list keeps every change of both', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const first = await newPlan(a, '2027');
  const second = await newPlan(b, '2028');
  await toList(a);
  await toList(b);
  await expect(a.locator('.plan-list .plan-item[data-plan]')).toHaveCount(2);
  const item = b.locator(`.plan-item[data-plan="${first}"]`);
  await item.getByRole('button', { name: '删除' }).click();
  await item.getByRole('button', { name: '确定删除' }).click();
  await newPlan(a, '2029');
  await toList(a);
  // A's list, written after B's delete, still has it in the trash, and B's plan.
  await expect(a.locator(`.plan-item[data-plan="${first}"]`)).toHaveCount(0);
  await expect(a.locator(`.plan-item[data-plan="${second}"]`)).toHaveCount(1);
  await expect(a.locator('.trash summary')).toContainText('回收站（1）');
  const index = await a.evaluate(() => JSON.parse(localStorage.getItem('yaodian/index')!).plans);
  expect(index.map((m: { deleted: number | null }) => m.deleted !== null && m.deleted !== undefined).sort()).toEqual([false, false, true]);
});

for (const how of ['deleted and purged', 'cleared'] as const) {
  test(`the open plan ${how} in another tab is kept as exactly one copy`, async ({ context }) => {
    const a = await context.newPage();
    const id = await newPlan(a);
    await firstTitle(a).fill('一号窗口正在编辑');
    await expect.poll(async () => (await stored(a, id))?.plan.nodes[0].children[0].title).toBe('一号窗口正在编辑');
    const b = await context.newPage();
    await b.goto('/');
    if (how === 'cleared') {
      await b.evaluate((id) => localStorage.removeItem(`yaodian/plan/${id}`), id);
    } else {
      const item = b.locator(`.plan-item[data-plan="${id}"]`);
      await item.getByRole('button', { name: '删除' }).click();
      await item.getByRole('button', { name: '确定删除' }).click();
      await b.locator('.trash summary').click();
      await b.locator('.trash').getByRole('button', { name: '彻底删除', exact: true }).click();
      await b.locator('.trash').getByRole('button', { name: '确定彻底删除' }).click();
      await expect.poll(() => stored(b, id)).toBeNull();
    }
    await expect(a.locator('.toast.error')).toContainText('已另存为计划');
    // Saved again and again: still one copy, with every change in it.
    for (const text of ['删除后的第一次修改', '删除后的第二次修改', '删除后的第三次修改']) {
      await firstTitle(a).fill(text);
      await expect.poll(() => storedTitles(a)).toEqual([text]);
    }
    await expect(a.locator('.saved')).toHaveText('已自动保存');
  });
}

test('the open plan replaced by a newer version\'s value in another tab: that value is kept, the edits become one copy', async ({ context }) => {
  const a = await context.newPage();
  const id = await newPlan(a);
  const b = await context.newPage();
  await b.goto('/');
  const newer = '{"format":"yaodian-plan","schema":99,"revision":9,"plan":{"新版本":1}}';
  await b.evaluate(([id, newer]) => localStorage.setItem(`yaodian/plan/${id}`, newer), [id, newer]);
  await a.bringToFront();
  await firstTitle(a).fill('新版本写入后的修改');
  await expect(a.locator('.toast.error')).toContainText('已另存为计划');
  await expect(a.locator('.saved')).toHaveText('已自动保存');
  expect(await a.evaluate((id) => localStorage.getItem(`yaodian/plan/${id}`), id)).toBe(newer);
  const copies = await a.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('yaodian/plan/'))
      .map((k) => JSON.parse(localStorage.getItem(k)!))
      .filter((v) => v.schema < 99)
      .map((v) => v.plan.nodes[0].children[0].title),
  );
  expect(copies).toEqual(['新版本写入后的修改']);
});

test('two saves at the same moment: the check and the write wait for the lock', async ({ context }) => {
  const a = await context.newPage();
  const id = await newPlan(a);
  const b = await context.newPage();
  await b.goto('/');
  // Tab B holds the storage lock…
  await b.evaluate(() => {
    void navigator.locks.request('yaodian/store', () => new Promise<void>((release) => {
      (window as unknown as { release: () => void }).release = release;
    }));
  });
  const before = (await stored(a, id)).revision;
  await a.bringToFront();
  await firstTitle(a).fill('一号窗口的修改');
  // …so A's save waits instead of writing over what B may be writing.
  await a.waitForTimeout(1500);
  expect((await stored(a, id)).revision).toBe(before);
  // B writes a new revision while it holds the lock, then lets go.
  await b.evaluate((id) => {
    const key = `yaodian/plan/${id}`;
    const value = JSON.parse(localStorage.getItem(key)!);
    value.revision += 1;
    value.plan.nodes[0].children[0].title = '二号窗口同时保存的修改';
    localStorage.setItem(key, JSON.stringify(value));
    (window as unknown as { release: () => void }).release();
  }, id);
  // A finds B's revision under the lock: both versions are kept, neither written over.
  await expect(a.locator('.toast.error')).toContainText('两份都已保留', { timeout: 15_000 });
  await expect.poll(() => storedTitles(a)).toEqual(['一号窗口的修改', '二号窗口同时保存的修改'].sort());
});

test('a panic stops every write: the roster, snapshots and plans alike', async ({ page }) => {
  await newPlan(page);
  await page.evaluate(() => {
    try {
      (window as unknown as { wasmBindings: { yaodian_test_panic(): void } }).wasmBindings.yaodian_test_panic();
    } catch {
      // the panic surfaces as a JS error
    }
  });
  await expect(page.locator('.panic-overlay')).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  // The page's own code cannot write any more, whatever it tries.
  await page.evaluate(() => document.querySelector('.panic-overlay')?.remove());
  await page.getByRole('tab', { name: '名册' }).click({ timeout: 2000 }).catch(() => {});
  await page.locator('.roster-list[data-role="leaders"] input').fill('出错后的名字', { timeout: 2000 }).catch(() => {});
  await page.locator('.roster-list[data-role="leaders"] input').press('Enter', { timeout: 2000 }).catch(() => {});
  await page.waitForTimeout(500);
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  expect(after).toBe(before);
});

test('backup carries values set aside and values of a newer version, as they are', async ({ page }) => {
  const id = await newPlan(page);
  await toList(page);
  const garbage = '{"format":"yaodian-plan","schema":2,"plan":{"nodes":[{"id":1, 坏了';
  const newer = '{"format":"yaodian-plan","schema":99,"revision":3,"plan":{"新版本的字段":1}}';
  await page.evaluate(([id, garbage, newer]) => {
    localStorage.setItem('yaodian/plan/bad1', garbage);
    localStorage.setItem('yaodian/plan/new1', newer);
    localStorage.setItem(`yaodian/snapshots/${id}`, '{"schema":99,"snapshots":"新版本"}');
  }, [id, garbage, newer]);
  await page.goto('/');
  await expect(page.locator('.aside-item')).toContainText('yaodian/plan/bad1');
  const download = page.waitForEvent('download');
  await page.locator('#export-library').click();
  const backup = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(backup.raw['yaodian/aside/yaodian/plan/bad1']).toBe(garbage);
  expect(backup.raw['yaodian/plan/new1']).toBe(newer);
  expect(backup.raw[`yaodian/snapshots/${id}`]).toBe('{"schema":99,"snapshots":"新版本"}');
  // The newer version's values were never written over.
  expect(await page.evaluate(() => localStorage.getItem('yaodian/plan/new1'))).toBe(newer);
});

test('every kind of value: a newer version\'s roster is kept as it is, and changing it says why not', async ({ page }) => {
  await newPlan(page);
  const newer = '{"schema":99,"名册":"新版本的格式"}';
  await page.evaluate((newer) => localStorage.setItem('yaodian/roster', newer), newer);
  await page.reload();
  await expect(page.locator('.toast.error')).toContainText('名册数据由较新版本的要点写入');
  await page.getByRole('tab', { name: '名册' }).click();
  const leaders = page.locator('.roster-list[data-role="leaders"]');
  await leaders.getByRole('textbox').fill('新来的领导');
  await leaders.getByRole('textbox').press('Enter');
  await expect(page.locator('.toast.error')).toContainText('名册未能保存');
  await expect(leaders.locator('li')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('yaodian/roster'))).toBe(newer);
});

test('snapshots are bounded: each plan shows what it takes, and old versions can be pruned', async ({ page }) => {
  const id = await newPlan(page);
  await page.getByRole('tab', { name: '导出' }).click();
  for (const name of ['第一稿', '第二稿', '第三稿', '第四稿', '第五稿']) {
    await page.locator('.snapshot-name').fill(name);
    await page.locator('.save-snapshot').click();
    await expect(page.locator('.snapshot-title').first()).toHaveText(name);
  }
  await expect(page.locator('.prune')).toContainText('共 5 个版本');
  await page.locator('.prune-snapshots').click();
  await expect(page.locator('.snapshot-title')).toHaveText(['第五稿', '第四稿', '第三稿']);
  const stored = await page.evaluate((id) => JSON.parse(localStorage.getItem(`yaodian/snapshots/${id}`)!).snapshots.length, id);
  expect(stored).toBe(3);
  await toList(page);
  await expect(page.locator(`.plan-item[data-plan="${id}"] .plan-meta`)).toContainText(/占用 \d+ KB（其中版本 \d+ KB）/);
});

test('a backup import that fails leaves every stored value exactly as it was', async ({ page }) => {
  await newPlan(page, '2027');
  await firstTitle(page).fill('要导入的计划');
  await toList(page);
  const exported = page.waitForEvent('download');
  await page.locator('#export-library').click();
  const backup = readFileSync(await (await exported).path(), 'utf8');
  // Another library: one plan of its own, and storage full.
  await page.evaluate(() => localStorage.clear());
  await newPlan(page, '2030');
  await toList(page);
  await fillStorage(page);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.locator('#import-library').setInputFiles({ name: '备份.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await expect(page.locator('.toast.error')).toContainText('导入备份失败，已逐项核对恢复原状');
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  expect(after).toBe(before);
  await clearJunk(page);
});
