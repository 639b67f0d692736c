// Browser benchmark: the .docx export of a 500-task plan in the page (release build, Chromium),
// and the peer: docx.js (npm `docx`) generating the same document in the same page, same run.
// Run by scripts/bench after `cargo bench --bench native` has written target/bench-plan-500.json.
import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('docx export of a 500-task plan: Yaodian and docx.js in the same page', async ({ page }) => {
  await page.goto('/');
  await page.locator('#import-plan-file').setInputFiles('target/bench-plan-500.json');
  await page.locator('.node').first().waitFor();
  await page.getByRole('tab', { name: '导出' }).click();
  const ours: number[] = [];
  let size = 0;
  for (let i = 0; i < 9; i++) {
    await page.evaluate(() => performance.clearMeasures());
    const download = page.waitForEvent('download');
    await page.locator('#download-docx').click();
    size = readFileSync(await (await download).path()).length;
    ours.push(await page.evaluate(() => performance.getEntriesByName('yaodian:docx')[0].duration));
  }

  // docx.js: the same notice (A4, margins, fonts named per run, exact 28.95 pt lines, −0.25 pt
  // spacing, headings in 黑体/楷体, fields under each task, page numbers), built and zipped.
  await page.addScriptTag({ path: 'node_modules/docx/dist/index.iife.js' });
  const plan = JSON.parse(readFileSync('target/bench-plan-500.json', 'utf8')).plan;
  const peer = await page.evaluate(async (plan) => {
    const d = (window as unknown as { docx: any }).docx;
    const run = (text: string, font: string) =>
      new d.TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size: 32, characterSpacing: -5 });
    const para = (children: any[], indent = true) =>
      new d.Paragraph({
        children,
        spacing: { line: 579, lineRule: 'exact', before: 0, after: 0 },
        indent: indent ? { firstLine: 640 } : undefined,
        widowControl: false,
      });
    const chinese = (n: number) => '一二三四五六七八九十'[n - 1] ?? String(n);
    const build = () => {
      const children: any[] = [
        new d.Paragraph({ alignment: 'center', children: [new d.TextRun({ text: plan.notice.title, font: '方正小标宋简体', size: 44 })] }),
        para([run(plan.notice.recipients + '：', '仿宋_GB2312')], false),
      ];
      for (const line of (plan.notice.transmittal as string).split('\n')) children.push(para([run(line, '仿宋_GB2312')]));
      let taskNo = 0;
      plan.nodes.forEach((section: any, i: number) => {
        children.push(para([run(`${chinese(i + 1)}、${section.title}`, '黑体')]));
        for (const task of section.children) {
          taskNo += 1;
          children.push(para([run(`（${taskNo}）${task.title}。`, '楷体_GB2312'), run(task.body, '仿宋_GB2312')]));
          const dv = task.division;
          children.push(para([run(`责任领导：${dv.leaders.join('、')}`, '仿宋_GB2312')]));
          children.push(para([run(`牵头科室：${dv.leads.join('、')}`, '仿宋_GB2312')]));
          children.push(para([run(`配合科室（单位）：${dv.partners.join('、')}`, '仿宋_GB2312')]));
          children.push(para([run('完成时限：2020年11月', '仿宋_GB2312')]));
        }
      });
      children.push(para([run(plan.notice.signature, '仿宋_GB2312')], false));
      children.push(para([run(plan.notice.date, '仿宋_GB2312')], false));
      const pageNumber = (alignment: string) =>
        new d.Footer({
          children: [new d.Paragraph({ alignment, children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: '宋体', size: 28 })] })],
        });
      return new d.Document({
        evenAndOddHeaderAndFooters: true,
        sections: [
          {
            properties: {
              page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
            },
            footers: { default: pageNumber('right'), even: pageNumber('left') },
            children,
          },
        ],
      });
    };
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 9; i++) {
      const start = performance.now();
      const blob = await d.Packer.toBlob(build());
      runs.push(performance.now() - start);
      bytes = blob.size;
    }
    return { runs, bytes };
  }, plan);

  const oursMs = median(ours.slice(2));
  const peerMs = median(peer.runs.slice(2));
  console.log(
    `docx export of a 500-task plan in Chromium: Yaodian median ${oursMs.toFixed(1)} ms (${Math.round(size / 1024)} KB), ` +
      `docx.js median ${peerMs.toFixed(1)} ms (${Math.round(peer.bytes / 1024)} KB); ratio ${(oursMs / peerMs).toFixed(2)} ` +
      `(target ≤ 0.50)`,
  );
});
