import { test, expect, Page } from '@playwright/test';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPlan, firstTitle } from './helpers';

// A new build deployed while a page is open: the server's files are replaced by the next
// build's (scripts/serve.mjs serves `dist-next` after POST /__test/deploy), the open page
// keeps working from the cache, and its export worker, now of the next build, makes it reload.

/** Makes dist-next from dist: every build file under a new build id, the old ones gone. */
function nextBuild(): { from: string; to: string; files: string } {
  const from = readFileSync('dist/web-pkg/build-id', 'utf8').trim();
  const to = [...from].reverse().join('');
  expect(to).not.toBe(from);
  rmSync('dist-next', { recursive: true, force: true });
  cpSync('dist', 'dist-next', { recursive: true });
  // The precompressed copies would be the old build's: the next one is served as written.
  for (const name of readdirSync('dist-next', { recursive: true })) {
    if (/\.(gz|br)$/.test(String(name))) rmSync(join('dist-next', String(name)));
  }
  const swap = (bytes: Buffer, a: string, b: string) => {
    // Same length: safe inside wasm binaries too.
    const needle = Buffer.from(a);
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) bytes.write(b, at);
    return bytes;
  };
  const pkg = 'dist-next/web-pkg';
  for (const name of readdirSync(pkg)) {
    const bytes = swap(readFileSync(join(pkg, name)), from, to);
    rmSync(join(pkg, name));
    writeFileSync(join(pkg, name.replace(from, to)), bytes);
  }
  const page = readFileSync('dist/index.html', 'utf8');
  const build = page.match(/<meta name="yaodian-build" content="([^"]+)"/)![1];
  const next = [...build].reverse().join('');
  writeFileSync('dist-next/index.html', page.replaceAll(from, to).replace(build, next));
  const worker = readFileSync('dist/export-worker.js', 'utf8');
  expect(worker).toContain(`const BUILD = '${build}';`);
  writeFileSync('dist-next/export-worker.js', worker.replace(build, next));
  // The export worker's module of the next build: the same bytes, a new file.
  for (const name of ['yaodian-worker.js', 'yaodian-worker_bg.wasm']) {
    writeFileSync(`dist-next/${name}`, readFileSync(`dist/${name}`));
  }
  return { from: build, to: next, files: from };
}

const deploy = (page: Page, root: 'next' | 'back') => page.request.post(`/__test/deploy?${root}`);

const runningBuild = (page: Page) =>
  page.evaluate(() => document.querySelector('meta[name="yaodian-build"]')!.getAttribute('content'));

/** Waits until the service worker controls the page and has cached its build. */
async function cached(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 100; i++) {
      const keys = (await (await caches.open('yaodian')).keys()).map((r) => r.url);
      const parts = (await (await fetch('web-pkg/parts.txt')).text()).split('\n').filter(Boolean);
      if (parts.length && parts.every((p) => keys.some((k) => k.endsWith(`/web-pkg/${p}`)))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    const keys = (await (await caches.open('yaodian')).keys()).map((r) => r.url);
    const parts = (await (await fetch('web-pkg/parts.txt')).text()).split('\n').filter(Boolean);
    throw new Error('the build was not cached: ' + keys.length + ' missing ' + parts.filter((p) => !keys.some((k) => k.endsWith('/web-pkg/' + p))).join(' '));
  });
}

test('a new build deployed while a page is open: the page keeps its parts, and reloads for the new export worker', async ({ context }) => {
  test.skip(!existsSync('dist/web-pkg/build-id'), 'needs the release build');
  test.setTimeout(120_000);
  const { from, to, files } = nextBuild();
  const old = await context.newPage();
  try {
    const id = await newPlan(old);
    await firstTitle(old).fill('部署新版本前的修改');
    await cached(old);
    expect(await runningBuild(old)).toBe(from);

    await deploy(old, 'next');
    // Another tab opens the new build, and its service worker caches it.
    const fresh = await context.newPage();
    await fresh.goto('/');
    expect(await runningBuild(fresh)).toBe(to);
    await cached(fresh);
    await fresh.waitForTimeout(500);
    // Only the service worker's cache may keep the old build (not the browser's HTTP cache).
    await (await context.newCDPSession(old)).send('Network.clearBrowserCache');

    // The old page's parts are gone from the server, yet tabs never opened still open.
    for (const [tab, shown] of [['统计与总结', '进展统计'], ['台账', '项任务'], ['检查', '检查随修改即时更新']]) {
      await old.getByRole('tab', { name: tab }).click();
      await expect(old.locator('main.editor')).toContainText(shown);
      await expect(old.locator('.lazy-failed')).toHaveCount(0);
    }

    // The export tab starts the export worker, now the new build's: the page is saved, reloads
    // as the new build, and the export then works.
    await old.getByRole('tab', { name: '导出' }).click();
    await expect.poll(() => runningBuild(old).catch(() => ''), { timeout: 15_000 }).toBe(to);
    await expect(firstTitle(old)).toHaveValue('部署新版本前的修改');
    await old.getByRole('tab', { name: '导出' }).click();
    const download = old.waitForEvent('download');
    await old.locator('#download-docx').click();
    expect(readFileSync(await (await download).path()).subarray(0, 2).toString()).toBe('PK');
    expect(new URL(old.url()).hash).toBe(`#/plan/${id}`);

    // No page runs the old build any more: its files leave the cache.
    await fresh.close();
    await old.reload();
    await expect.poll(async () => (await old.evaluate(async () =>
      (await (await caches.open('yaodian')).keys()).map((r) => r.url))).filter((url) => url.includes(files)), { timeout: 15_000 }).toEqual([]);
  } finally {
    await deploy(old, 'back');
    rmSync('dist-next', { recursive: true, force: true });
  }
});
