// The office's font names, chosen in 名册: every export and the preview follow them, the choice
// is stored with the roster (a reload keeps it, another tab sees it), and the preview's notice
// of missing fonts names the fonts chosen and what stands in for them.
import { test, expect, Page } from '@playwright/test';
import { importSample, zipPart } from './helpers';

async function docxXml(page: Page, button: string) {
  await page.getByRole('tab', { name: '导出' }).click();
  const download = page.waitForEvent('download');
  await page.locator(button).click();
  return zipPart((await (await download).path())!, 'word/document.xml');
}

/** The first font of each run in the preview that names one. */
const previewFamilies = (page: Page) =>
  page.locator('.print-area span').evaluateAll((spans) =>
    spans
      .map((s) => (s as HTMLElement).style.fontFamily.split(',')[0].replace(/["']/g, '').trim())
      .filter((f) => f),
  );

test('the font choice in 名册 changes the .docx, the table, the preview, and is kept', async ({ page, context }) => {
  await importSample(page, 'tongxin-2020-plan-task-division', 64);
  // The defaults: 仿宋_GB2312 and 楷体_GB2312, numerals in the Chinese font.
  let xml = await docxXml(page, '#download-docx');
  expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  expect(xml).toContain('w:eastAsia="楷体_GB2312"');
  expect(xml).not.toContain('Times New Roman');
  await page.getByRole('tab', { name: '打印预览' }).click();
  expect(new Set(await previewFamilies(page))).toEqual(new Set(['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']));

  await page.getByRole('tab', { name: '名册' }).click();
  await page.getByLabel('仿宋、楷体（新版 Windows，含 GB2312 以外的生僻字）').check();
  await expect(page.locator('.toast')).toContainText('字体设置已保存');
  await page.getByLabel('数字和西文用 Times New Roman').check();
  await expect(page.locator('#font-latin-times')).toBeChecked();

  // The notice: 仿宋 and 楷体 by their plain names in every run, ASCII in Times New Roman.
  xml = await docxXml(page, '#download-docx');
  expect(xml).toContain('w:eastAsia="仿宋"');
  expect(xml).toContain('w:eastAsia="楷体"');
  expect(xml).not.toContain('_GB2312');
  const asciiFonts = new Set([...xml.matchAll(/w:ascii="([^"]*)"/g)].map((m) => m[1]));
  expect(asciiFonts).toEqual(new Set(['Times New Roman']));
  // The task-division table too.
  const table = await docxXml(page, '#download-table-docx');
  expect(table).toContain('w:eastAsia="仿宋"');
  expect(table).not.toContain('_GB2312');

  // The preview: Times New Roman for ASCII first, then the plain names.
  await page.getByRole('tab', { name: '打印预览' }).click();
  expect(new Set(await previewFamilies(page))).toEqual(new Set(['Yaodian Latin']));
  const family = await page.locator('.print-area .body span').first().evaluate((s) => (s as HTMLElement).style.fontFamily);
  expect(family).toMatch(/^"?Yaodian Latin"?, "?仿宋"?,/);
  // This machine lacks the chosen fonts: the notice names them and what stands in (Times New
  // Roman is here as Liberation Serif, made to its metrics: not missing).
  await expect(page.locator('.font-warning')).toContainText(/、仿宋（以.+代替）/);
  await expect(page.locator('.font-warning')).toContainText(/、楷体（以.+代替）/);
  // 黑体 is missing too; Noto Sans CJK SC (installed by scripts/setup) stands in.
  await expect(page.locator('.font-warning')).toContainText('黑体（以 Noto Sans CJK SC 代替）');
  await expect(page.locator('.font-warning')).not.toContainText('仿宋_GB2312');

  // Kept with the roster: after a reload, and in another tab.
  await page.reload();
  await page.getByRole('tab', { name: '名册' }).click();
  await expect(page.locator('#font-names-plain')).toBeChecked();
  await expect(page.locator('#font-latin-times')).toBeChecked();
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByRole('tab', { name: '名册' }).click();
  await expect(other.locator('#font-names-plain')).toBeChecked();

  // Back to the defaults from the keyboard: the names with _GB2312 return.
  await page.locator('#font-names-gb2312').focus();
  await page.keyboard.press('Space');
  await page.locator('#font-latin-cjk').check();
  xml = await docxXml(page, '#download-docx');
  expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  expect(xml).not.toContain('Times New Roman');
});
