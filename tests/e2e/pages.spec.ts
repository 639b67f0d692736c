// The print preview printed to PDF by Chromium, as an office prints it two-sided: the 版记 on the
// last page, which is even; a blank page before it and its own page unnumbered (GB/T 9704 7.5),
// every other page numbered. The preview breaks lines where the .docx does (src/export/pages.rs),
// so its pages are the .docx's: 24 for the tongxin plan (tests/docx/check_pages.py prints the
// .docx with LibreOffice and reads back the same).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSample } from './helpers';

const pageText = (pdf: string, n: number) =>
  execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']).toString();

test('printing the preview puts the 版记 on the last even page, numbered as 7.5 says', async ({ page }) => {
  await importSample(page, 'tongxin-2020-plan-task-division', 64);
  await page.getByRole('tab', { name: '打印预览' }).click();
  await expect(page.locator('.print-area .imprint')).toBeVisible();
  // The text ends on an even page without room: a blank page, then the 版记's.
  await expect(page.locator('.print-area .bare-pages .blank-page')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'yaodian-pages-'));
  const pdf = join(dir, 'preview.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBe(24);
  const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
  const imprintPages = texts.map((t, i) => (/日印发/.test(t) ? i + 1 : 0)).filter((n) => n);
  expect(imprintPages).toEqual([pages]);
  expect(pages % 2).toBe(0);
  const number = (t: string) => /—\s*(\d+)\s*—/.exec(t)?.[1];
  // The blank page: nothing on it, not even a number; the 版记's page: no number.
  expect(texts[pages - 2].trim()).toBe('');
  expect(number(texts[pages - 1])).toBeUndefined();
  for (let n = 1; n <= pages - 2; n++) expect(number(texts[n - 1]), `page ${n}`).toBe(String(n));
  // The 版记 sits at the foot of its page: the 印发 line is the page's last line of text.
  const lines = texts[pages - 1].split('\n').filter((l) => l.trim());
  expect(lines[lines.length - 1]).toMatch(/日印发/);
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(pages), '-l', String(pages), pdf, '-']).toString();
  const bottoms = [...bbox.matchAll(/yMax="([\d.]+)">[^<]*印发</g)].map((m) => Number(m[1]));
  const foot = ((297 - 35) / 25.4) * 72; // the text block's foot, in points
  expect(bottoms.length).toBe(1);
  expect(bottoms[0]).toBeGreaterThan(foot - 579 / 20);
  expect(bottoms[0]).toBeLessThanOrEqual(foot + 1);
  await page.emulateMedia({ media: 'screen' });
  // Lines break where the .docx breaks them: the preview never wraps a line itself.
  await expect(page.locator('.print-area .body').first()).toHaveCSS('white-space', 'nowrap');
});
