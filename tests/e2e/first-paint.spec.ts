// The first paint needs no wasm: the page's HTML carries the app's frame (the header, the plan
// list's buttons and a loading line, or "opening" on a plan's address) with the real styles; the
// app takes its place when it starts, and if it cannot start the frame says so.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('without its wasm the page shows the frame, then says the app could not start', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  const frame = page.locator('#frame');
  await expect(frame.locator('.brand')).toHaveText(/要点/);
  await expect(frame.locator('.library-actions .primary')).toHaveText('＋ 新建计划');
  // Styled by the real stylesheet: the header's red rule, the primary button's colour.
  await expect(frame.locator('.topbar')).toHaveCSS('border-bottom-style', 'solid');
  await expect(frame.locator('.library-actions .primary')).toHaveCSS('color', 'rgb(255, 255, 255)');
  await expect(frame).toHaveAttribute('aria-hidden', 'true');
  await expect(frame).toHaveAttribute('inert', '');
  // The wasm cannot load: the frame says so, in place of the loading line.
  await expect(frame.locator('.frame-failed')).toBeVisible();
  await expect(frame.locator('.frame-failed')).toContainText('要点未能启动');
  await expect(frame.locator('.frame-loading')).toBeHidden();
});

test('on a plan address the frame says it is opening the plan', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/#/plan/p1');
  await expect(page.locator('#frame .frame-opening')).toBeVisible();
  await expect(page.locator('#frame .library-actions')).toBeHidden();
  release();
  // The app starts (the plan is not in this browser: it shows the plan list) and the frame goes.
  await expect(page.locator('#new-plan')).toBeVisible();
  await expect(page.locator('#frame')).toHaveCount(0);
});

test('the app replaces the frame: one header, the real buttons, the same introduction', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#new-plan')).toBeVisible();
  await expect(page.locator('#frame')).toHaveCount(0);
  // The frame's introduction is the app's, word for word: the largest text is painted once,
  // from the HTML, and the app's copy of it replaces it in place.
  const frame = /<p class="intro hint">([^<]+)<\/p>/.exec(readFileSync('dist/index.html', 'utf8'))![1];
  await expect(page.locator('.library .intro')).toHaveText(frame);
  await expect(page.locator('.brand')).toHaveCount(1);
  await expect(page.getByText('还没有计划。')).toBeVisible();
});

test('the frame stays until the first page is shown: nothing smaller is painted in between', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // The main module starts; the plan list's part (and its chunks) wait.
  await page.route(/\/web-pkg\/(split|chunk)_[^/]+\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await page.waitForFunction(() => (window as unknown as { wasmBindings?: unknown }).wasmBindings !== undefined);
  await expect(page.locator('#frame .frame-loading')).toBeVisible();
  await expect(page.locator('#frame .intro')).toBeVisible();
  // The app is running below the frame, its own loading line not shown.
  await expect(page.locator('.app:not(#frame)')).toHaveCount(1);
  await expect(page.locator('.lazy-loading')).toHaveCount(1);
  await expect(page.locator('.lazy-loading')).toBeHidden();
  release();
  await expect(page.locator('#new-plan')).toBeVisible();
  await expect(page.locator('#frame')).toHaveCount(0);
});
