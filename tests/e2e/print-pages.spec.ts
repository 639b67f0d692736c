// The print preview printed to PDF by Chromium, as an office prints it two-sided: every page
// holds the lines the page model gives it (src/export/pages.rs, `yaodian export --format
// pages`), which are the .docx's (tests/docx/check_pages.py reads LibreOffice's print of the
// .docx back against the same model); the 版记 on the last page, which is even, at its foot; a
// blank page before it and its own page unnumbered when it comes after one (GB/T 9704 7.5),
// every other page numbered. Three plans: the tongxin sample, and two cuts of it that end the
// text on the other kinds of page.
import { test, expect, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sample } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'yaodian-pages-'));

/** The model's pages (each page's lines, spaces left out) and where it puts the 版记. */
function model(text: string) {
  const source = join(dir, `plan-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(source, text);
  const out = execFileSync('target/debug/yaodian', ['export', source, '--format', 'pages']).toString();
  const pages: string[][] = [];
  let imprint = { page: 0, place: '', numbered: true };
  for (const line of out.split('\n')) {
    if (line.startsWith('===')) pages.push([]);
    else if (line.startsWith('版记')) {
      const [, page, place, numbered] = line.split('\t');
      imprint = { page: Number(/\d+/.exec(page)![0]), place, numbered: numbered === '有页码' };
    } else if (line.trim()) pages[pages.length - 1].push(line.replace(/\s/g, ''));
  }
  return { pages, imprint };
}

/** The sample cut after its `keep` first tasks, its head and close kept (as check_pages.py). */
function cut(text: string, keep: number) {
  const lines = text.split('\n');
  const tasks = lines.flatMap((l, i) => (/^[（(][一二三四五六七八九十]+[）)]/.test(l) ? [i] : []));
  const close = lines.findIndex((l) => l.startsWith('（备注'));
  return [...lines.slice(0, tasks[keep]), ...lines.slice(close)].join('\n');
}

async function printPreview(page: Page, text: string) {
  await page.goto('/');
  await page.locator('#import-plan').click();
  await page.locator('#import-text').fill(text);
  await page.locator('#import-create').click();
  await expect(page.locator('.node').first()).toBeVisible();
  await page.getByRole('tab', { name: '打印预览' }).click();
  await expect(page.locator('.print-area .imprint')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = join(dir, `preview-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

const pageText = (pdf: string, n: number) =>
  execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']).toString();
const number = (t: string) => /—\s*(\d+)\s*—/.exec(t)?.[1];

const text = sample('tongxin-2020-plan-task-division');
// The whole plan, and the first cuts whose text ends on the two other kinds of page.
const plans = (() => {
  const whole = { name: 'tongxin', text, ...model(text) };
  const found = [whole];
  for (let keep = 1; keep < 54 && found.length < 3; keep++) {
    const t = cut(text, keep);
    const m = model(t);
    if (!found.some((f) => f.imprint.place === m.imprint.place)) found.push({ name: `tongxin-${keep}`, text: t, ...m });
  }
  return found;
})();

test('the cuts cover all three places of the 版记', () => {
  expect(new Set(plans.map((p) => p.imprint.place)).size).toBe(3);
});

for (const plan of plans) {
  test(`printing the preview of ${plan.name} (${plan.imprint.place}) gives the model's pages, the 版记 last and even`, async ({ page }) => {
    const pdf = await printPreview(page, plan.text);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
    expect(pages).toBe(plan.imprint.page);
    expect(pages % 2).toBe(0);
    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    // Every page's lines are the model's (page numbers and the 版记 aside).
    plan.pages.forEach((lines, i) => {
      const printed = texts[i]
        .split('\n')
        .map((l) => l.replace(/\s/g, ''))
        .filter((l) => l && !/^—\d+—$/.test(l) && !/^(抄送|抄报)：|日印发$/.test(l));
      expect(printed, `page ${i + 1}`).toEqual(lines);
    });
    const imprintPages = texts.map((t, i) => (/日印发/.test(t) ? i + 1 : 0)).filter((n) => n);
    expect(imprintPages).toEqual([pages]);
    const blank = plan.imprint.place === '空白页后';
    expect(plan.imprint.numbered).toBe(!blank);
    for (let n = 1; n <= pages; n++) {
      const bare = blank && n >= pages - 1;
      expect(number(texts[n - 1]), `page ${n}`).toBe(bare ? undefined : String(n));
    }
    if (blank) expect(texts[pages - 2].trim()).toBe('');
    // The 版记 at the foot: the 印发 line is its page's last line of text, on the text
    // block's last line.
    const lines = texts[pages - 1].split('\n').filter((l) => l.trim() && !/^\s*—\s*\d+\s*—\s*$/.test(l));
    expect(lines[lines.length - 1]).toMatch(/日印发/);
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(pages), '-l', String(pages), pdf, '-']).toString();
    const bottoms = [...bbox.matchAll(/yMax="([\d.]+)">[^<]*印发</g)].map((m) => Number(m[1]));
    const foot = ((297 - 35) / 25.4) * 72; // the text block's foot, in points
    expect(bottoms.length).toBe(1);
    expect(bottoms[0]).toBeGreaterThan(foot - 579 / 20);
    expect(bottoms[0]).toBeLessThanOrEqual(foot + 1);
  });
}
