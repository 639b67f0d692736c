// Browser benchmark: importing 1 MB of plan text in the page (release build, Chromium).
// Run by scripts/bench after `cargo bench --bench native` has written target/bench-plan-1mb.txt.
// The text is put into the import box as a paste would leave it (value + input event), so the
// figures are the importer in wasm, the whole input handler, and the layout that follows.
import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('import 1 MB of plan text in the browser', async ({ page }) => {
  const text = readFileSync('target/bench-plan-1mb.txt', 'utf8');
  await page.goto('/');
  await page.locator('#import-plan').click();
  await page.locator('#import-text').waitFor(); // the importer loads on demand
  const runs: number[][] = [];
  for (let i = 0; i < 9; i++) {
    const variant = text + '\n'.repeat(i + 1); // a new value each run
    runs.push(
      await page.evaluate((value) => {
        performance.clearMeasures();
        const box = document.getElementById('import-text') as HTMLTextAreaElement;
        box.value = value;
        const start = performance.now();
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const handled = performance.now();
        void document.body.offsetHeight; // layout of the result
        const laidOut = performance.now();
        const importMs = performance.getEntriesByName('yaodian:import')[0].duration;
        return [importMs, handled - start, laidOut - handled];
      }, variant),
    );
  }
  const warm = runs.slice(2); // the first runs include wasm warm-up
  const median = (i: number) => [...warm.map((r) => r[i])].sort((a, b) => a - b)[Math.floor(warm.length / 2)];
  const count = await page.locator('.import-counts').textContent();
  console.log(
    `browser import of ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB of plan text (${count}): ` +
      `import in wasm median ${median(0).toFixed(1)} ms, whole input handler ${median(1).toFixed(1)} ms, ` +
      `layout after ${median(2).toFixed(1)} ms (median of ${warm.length} warm runs)`,
  );
});
