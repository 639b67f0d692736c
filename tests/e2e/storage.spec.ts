import { test, expect, Page, BrowserContext } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { newPlan, firstTitle, stored, fillStorage, clearJunk } from './helpers';


test('offline: after a first visit the app opens and works without the network', async ({ page, context }) => {
  // Nothing the page or its service worker asks for is missing on the server.
  const missing: string[] = [];
  context.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  const id = await newPlan(page);
  // Wait until the service worker controls the page and has cached the build.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 100; i++) {
      const cache = await caches.open('yaodian');
      const keys = (await cache.keys()).map((r) => r.url);
      // The editor, every part of it that loads on demand, and the export worker.
      const parts = (await (await fetch('web-pkg/parts.txt')).text()).split('\n').filter(Boolean);
      const files = [...parts.map((p) => `web-pkg/${p}`), 'export-worker.js', 'yaodian-worker.js', 'yaodian-worker_bg.wasm'];
      if (parts.some((p) => p.endsWith('_bg.wasm')) && parts.some((p) => p.startsWith('split_')) && files.every((f) => keys.some((k) => k.endsWith(`/${f}`)))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the build was not cached');
  });
  expect(missing).toEqual([]);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.node')).toHaveCount(8);
  await firstTitle(page).fill('离线时修改的任务');
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await page.locator('#new-plan').click();
  await expect(page.locator('#create-from-templates')).toBeVisible();
  expect((await stored(page, id)).plan.nodes[0].children[0].title).toBe('离线时修改的任务');
  // The tabs that load on demand and the export worker were never used online, yet they open
  // and the notice .docx is made offline.
  await page.goto(`/#/plan/${id}`);
  await page.getByRole('tab', { name: '统计与总结' }).click();
  await expect(page.locator('main.editor')).toContainText('进展统计');
  await page.getByRole('tab', { name: '导出' }).click();
  const download = page.waitForEvent('download');
  await page.locator('#download-docx').click();
  const docx = readFileSync(await (await download).path());
  expect(docx.subarray(0, 2).toString()).toBe('PK');
  // Installable: the manifest and its icons are served (from the cache, while offline).
  const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
  expect(manifest.short_name).toBe('要点');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toContain('512x512');
  await context.setOffline(false);
});

test('full storage: a clear message, the plan kept in memory, one-click export', async ({ page }) => {
  const id = await newPlan(page);
  await fillStorage(page);
  // Long enough not to fit in what is left of the quota.
  const long = '存储已满时输入的标题' + '。'.repeat(3000);
  await firstTitle(page).fill(long);
  const toast = page.locator('.toast.error');
  await expect(toast).toContainText('存储空间已满');
  await expect(page.locator('.saved')).toHaveText('未能保存');
  await expect(firstTitle(page)).toHaveValue(long);
  expect((await stored(page, id)).plan.nodes[0].children[0].title).not.toBe(long);

  const download = page.waitForEvent('download');
  await toast.getByRole('button', { name: '导出计划文件' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(file.format).toBe('yaodian-plan');
  expect(file.plan.nodes[0].children[0].title).toBe(long);

  // The meter shows the storage nearly full.
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await expect(page.locator('.usage-text')).toContainText('浏览器存储已用约');
  // Room again: the next edit saves everything.
  await clearJunk(page);
  await page.locator('.plan-item').first().locator('.plan-name').click();
  await firstTitle(page).fill('有空间后保存的标题');
  // Typing is saved once it pauses.
  await expect.poll(async () => (await stored(page, id)).plan.nodes[0].children[0].title).toBe('有空间后保存的标题');
  await expect(page.locator('.saved')).toHaveText('已自动保存');
});

test('a value that does not parse is set aside, the app starts, the raw value downloads', async ({ page }) => {
  const good = await newPlan(page, '2027');
  const bad = await newPlan(page, '2028');
  const garbage = '{"format":"yaodian-plan","schema":2,"plan":{"nodes":[{"id":1, garbage';
  await page.evaluate(([bad, garbage]) => localStorage.setItem(`yaodian/plan/${bad}`, garbage), [bad, garbage]);
  // Leaving the plan's address (fragment removed) loads the page anew.
  await page.goto('/');
  await expect(page.locator('.toast.error')).toContainText('无法读取');
  await expect(page.locator('.plan-item')).toHaveCount(1);
  await page.locator('.plan-item .plan-name').click();
  await expect(page).toHaveURL(new RegExp(good));
  await page.getByRole('button', { name: '‹ 计划列表' }).click();

  const item = page.locator('.aside-item');
  await expect(item).toContainText(`yaodian/plan/${bad}`);
  const download = page.waitForEvent('download');
  await item.locator('.download-aside').click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(garbage);
  // Nothing overwrote it; deleting it is the user's choice.
  await item.locator('.remove-aside').click();
  await expect(page.locator('.aside-item')).toHaveCount(0);
});

test('two tabs on one plan: the other tab follows, and when both changed both are kept', async ({ context }) => {
  const a = await context.newPage();
  const id = await newPlan(a);
  const b = await context.newPage();
  await b.goto(`/#/plan/${id}`);
  await expect(b.locator('.node')).toHaveCount(8);

  // B edits first (and could undo it); then an edit in A appears in B, and B's undo cannot put
  // its older plan back over A's work.
  await b.locator('.node .node-body').nth(2).fill('二号窗口先改的正文');
  await expect(b.locator('.saved')).toHaveText('已自动保存');
  await expect(b.locator('#undo')).toBeEnabled();
  await expect(a.locator('.node .node-body').nth(2)).toHaveValue('二号窗口先改的正文');
  await firstTitle(a).fill('一号窗口的修改');
  await expect(firstTitle(b)).toHaveValue('一号窗口的修改');
  await expect(b.locator('.toast')).toContainText('已载入最新内容');
  await expect(b.locator('#undo')).toBeDisabled();

  // B changes while its save fails (storage full); then A saves: B has changes A never saw.
  await fillStorage(b);
  const unsaved = '二号窗口未保存的修改' + '。'.repeat(3000);
  await firstTitle(b).fill(unsaved);
  await expect(b.locator('.saved')).toHaveText('未能保存');
  await clearJunk(b);
  await firstTitle(a).fill('一号窗口的第二次修改');
  await expect(b.locator('.toast.error')).toContainText('两份都已保留');
  await expect(firstTitle(b)).toHaveValue('一号窗口的第二次修改');
  await b.getByRole('button', { name: '‹ 计划列表' }).click();
  await expect(b.locator('.plan-item')).toHaveCount(2);
  await expect(b.locator('.plan-item .plan-name').first()).toContainText('本窗口的版本');
  const titles = await b.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('yaodian/plan/'))
      .map((k) => JSON.parse(localStorage.getItem(k)!).plan.nodes[0].children[0].title)
      .sort(),
  );
  expect(titles).toEqual(['一号窗口的第二次修改', unsaved]);
});

test('an edit made just before the page closes is kept', async ({ context }) => {
  const page = await context.newPage();
  const id = await newPlan(page);
  await firstTitle(page).fill('关闭前最后一刻的修改');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(`/#/plan/${id}`);
  await expect(firstTitle(again)).toHaveValue('关闭前最后一刻的修改');
});

test('persistent storage is requested and the answer shown', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.persist-status')).toHaveText(/浏览器(已同意|未同意)持久保存/);
});

test('backup: export, clear, import, and the second export is the same file byte for byte', async ({ page }) => {
  const id = await newPlan(page);
  await firstTitle(page).fill('备份前的修改');
  await page.getByRole('tab', { name: '导出' }).click();
  await page.locator('.snapshot-name').fill('报送稿');
  await page.locator('.save-snapshot').click();
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await newPlan(page, '2028');
  await page.getByRole('button', { name: '‹ 计划列表' }).click();
  await page.locator('.plan-item').last().getByRole('button', { name: '删除' }).click();
  await page.locator('.plan-item').last().getByRole('button', { name: '确定删除' }).click();

  const first = page.waitForEvent('download');
  await page.locator('#export-library').click();
  const firstPath = await (await first).path();
  const backup = readFileSync(firstPath);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText('还没有计划')).toBeVisible();

  await page.locator('#import-library').setInputFiles(firstPath);
  await expect(page.locator('.toast')).toContainText('备份已导入：计划新增 2 个');
  await expect(page.locator('.plan-item:not(.trash .plan-item)')).toHaveCount(1);
  await expect(page.locator('.trash summary')).toHaveText('回收站（1）');
  const second = page.waitForEvent('download');
  await page.locator('#export-library').click();
  expect(readFileSync(await (await second).path()).equals(backup)).toBe(true);

  // Importing it again asks before touching the existing plans.
  await page.locator('#import-library').setInputFiles(firstPath);
  await expect(page.locator('.backup-conflicts')).toContainText('2 个计划在本机已经存在');
  await page.locator('.keep-existing').click();
  await expect(page.locator('.toast')).toContainText('保留原有 2 个');

  // A bad file changes nothing.
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  writeFileSync('test-results/bad-backup.json', '{"format":"yaodian-library","schema":2,"plans":[{"meta":');
  await page.locator('#import-library').setInputFiles('test-results/bad-backup.json');
  await expect(page.locator('.toast.error')).toContainText('未做任何修改');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
  expect(await stored(page, id)).not.toBeNull();
});

test('snapshots: mark 报送稿, change, restore it, and the state before is kept too', async ({ page }) => {
  await newPlan(page);
  await firstTitle(page).fill('报送时的标题');
  await page.getByRole('tab', { name: '导出' }).click();
  await page.locator('.snapshot-name').fill('报送稿');
  await page.locator('.snapshot-name').press('Enter');
  await expect(page.locator('.snapshot-title')).toHaveText(['报送稿']);
  await page.getByRole('tab', { name: '计划正文' }).click();
  await firstTitle(page).fill('报送后又改的标题');
  await page.getByRole('tab', { name: '导出' }).click();
  await page.locator('.snapshot').filter({ hasText: '报送稿' }).locator('.restore-snapshot').click();
  await page.locator('.confirm-restore').click();
  await expect(page.locator('.snapshot-title')).toHaveText(['恢复「报送稿」前的版本', '报送稿']);
  await page.getByRole('tab', { name: '计划正文' }).click();
  await expect(firstTitle(page)).toHaveValue('报送时的标题');
  await page.reload();
  await expect(firstTitle(page)).toHaveValue('报送时的标题');
});

test('a panic shows a notice with the plan to download, and saves nothing more', async ({ page }) => {
  const id = await newPlan(page);
  await firstTitle(page).fill('出错前的标题');
  // Typing is saved once it pauses.
  await expect.poll(async () => (await stored(page, id)).plan.nodes[0].children[0].title).toBe('出错前的标题');
  await page.evaluate(() => {
    try {
      (window as unknown as { wasmBindings: { yaodian_test_panic(): void } }).wasmBindings.yaodian_test_panic();
    } catch {
      // the panic surfaces as a JS error; the notice is what matters
    }
  });
  const notice = page.locator('.panic-overlay');
  await expect(notice).toContainText('程序出错，已停止自动保存');
  const download = page.waitForEvent('download');
  await notice.locator('.panic-download').click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(file.plan.nodes[0].children[0].title).toBe('出错前的标题');
  const revision = (await stored(page, id)).revision;
  await firstTitle(page).fill('出错后的输入', { force: true }).catch(() => {});
  expect((await stored(page, id)).revision).toBe(revision);
  await notice.locator('.panic-reload').click();
  await expect(firstTitle(page)).toHaveValue('出错前的标题');
});

test('hostile text stays text on screen and in the preview', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  await newPlan(page);
  const xss = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';
  await firstTitle(page).fill(xss);
  await page.getByRole('tab', { name: '通知要素' }).click();
  await page.getByLabel('标题').first().fill(xss);
  await page.getByRole('tab', { name: '打印预览' }).click();
  await expect(page.locator('.preview')).toContainText('<img src=x onerror=alert');
  await page.getByRole('tab', { name: '检查' }).click();
  await page.getByRole('tab', { name: '计划正文' }).click();
  await expect(firstTitle(page)).toHaveValue(xss);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('a binary file named .txt and a broken .docx get clear messages', async ({ page }) => {
  await page.goto('/');
  writeFileSync('test-results/picture.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
  writeFileSync('test-results/broken.docx', Buffer.from('PK\x03\x04 this is not really a docx'));
  await page.locator('#import-plan').click();
  await page.locator('#import-file').setInputFiles('test-results/picture.txt');
  await expect(page.locator('.toast.error')).toContainText('不是文本文件');
  await page.locator('#import-file').setInputFiles('test-results/broken.docx');
  await expect(page.locator('.toast.error')).toContainText('不是有效的 .docx');
});

test.describe('the export worker', () => {
  // Without the service worker, so the route below sees the worker's requests.
  test.use({ serviceWorkers: 'block' });

  test('cannot load: a clear message, nothing hangs, and it loads on the next try', async ({ page, context }) => {
    await newPlan(page);
    const wasm = '**/yaodian-worker_bg.wasm';
    await context.route(wasm, (route) => route.abort());
    await page.getByRole('tab', { name: '导出' }).click();
    await page.locator('#download-docx').click();
    await expect(page.locator('.toast.error')).toContainText('导出组件加载失败');
    await context.unroute(wasm);
    const download = page.waitForEvent('download');
    await page.locator('#download-docx').click();
    expect(readFileSync(await (await download).path()).subarray(0, 2).toString()).toBe('PK');
  });

  test('is not fetched before the editor is usable', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await newPlan(page);
    await page.reload();
    await expect(page.locator('.node')).toHaveCount(8);
    expect(fetched.filter((path) => path.includes('worker'))).toEqual([]);
  });
});

test.describe('the parts that load on demand', () => {
  // Without the service worker, so the routes below see the page's requests.
  test.use({ serviceWorkers: 'block' });

  test('cannot load: a clear message, the plan untouched, and it loads on retry', async ({ page, context }) => {
    const id = await newPlan(page);
    const ledger = '**/web-pkg/split_ledger-*.wasm';
    await context.route(ledger, (route) => route.abort());
    await page.getByRole('tab', { name: '台账' }).click();
    await expect(page.locator('.lazy-failed')).toContainText('这一部分未能加载');
    // The rest of the editor goes on working.
    await page.getByRole('tab', { name: '计划正文' }).click();
    await firstTitle(page).fill('加载失败后修改的任务');
    await expect.poll(async () => (await stored(page, id)).plan.nodes[0].children[0].title).toBe('加载失败后修改的任务');
    await page.getByRole('tab', { name: '台账' }).click();
    await expect(page.locator('.lazy-failed')).toBeVisible();
    await context.unroute(ledger);
    await page.locator('.lazy-failed').getByRole('button', { name: '重试' }).click();
    await expect(page.locator('.ledger-row')).toHaveCount(6);
    await expect(page.locator('.panic-overlay')).toHaveCount(0);
  });

  // Which files each part loads (scripts/build-web writes it beside the parts).
  const partFiles = (point: string) =>
    readFileSync('dist/web-pkg/split-points.txt', 'utf8').split('\n').find((l) => l.startsWith(`${point}: `))!.slice(point.length + 2).split(' ').sort();
  const partsOf = (paths: string[]) => paths.filter((p) => /\/(split|chunk)_/.test(p)).map((p) => p.split('/').pop()!).sort();

  test('the editor opens on a stored plan with its own part only, fetched beside the main module', async ({ page }) => {
    const id = await newPlan(page);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto('about:blank');
    await page.goto(`/#/plan/${id}`);
    await expect(page.locator('.node')).toHaveCount(8);
    await firstTitle(page).fill('无需其他部分即可编辑');
    // The editor's part and its chunks, each once (the page preloads them), and no other part.
    expect(partsOf(fetched)).toEqual(partFiles('editor'));
    expect(fetched.filter((path) => /^\/web-pkg\/yaodian-web-\w+_bg\.wasm$/.test(path))).toHaveLength(1);
    // A first visit is a few files: the page, its script, styles and icons, the main module, the
    // loader of parts, the part's files.
    expect(fetched.length).toBeLessThanOrEqual(12);
  });

  test('the plan list opens with its own part only, in a few files', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto('/');
    await expect(page.locator('#new-plan')).toBeVisible();
    await expect(page.locator('.storage-panel')).toBeVisible();
    expect(partsOf(fetched)).toEqual(partFiles('library'));
    expect(fetched.length).toBeLessThanOrEqual(12);
  });

});
