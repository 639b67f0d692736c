// Browser benchmark: the .docx export of a 500-task plan in the page (release build, Chromium).
// Run by scripts/bench after `cargo bench --bench native` has written target/bench-plan-500.json.
import { test } from '@playwright/test';

test('docx export of a 500-task plan in the browser', async ({ page }) => {
  await page.goto('/');
  await page.locator('#import-plan-file').setInputFiles('target/bench-plan-500.json');
  await page.locator('.node').first().waitFor();
  await page.getByRole('tab', { name: '导出' }).click();
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    await page.evaluate(() => performance.clearMeasures());
    const download = page.waitForEvent('download');
    await page.locator('#download-docx').click();
    await download;
    runs.push(await page.evaluate(() => performance.getEntriesByName('yaodian:docx')[0].duration));
  }
  const warm = runs.slice(2).sort((a, b) => a - b);
  console.log(
    `browser docx export of a 500-task plan: median ${warm[Math.floor(warm.length / 2)].toFixed(1)} ms ` +
      `(min ${warm[0].toFixed(1)}, ${warm.length} warm runs)`,
  );
});
