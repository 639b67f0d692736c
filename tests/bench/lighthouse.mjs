// Lighthouse (12.2.3 from npm, desktop preset) against Debian's Chromium on the release build
// served as an office's server serves it (scripts/serve.mjs: precompressed, cache headers):
// the plan list of an empty library, on a first visit. Prints each figure beside its target.
//   node tests/bench/lighthouse.mjs [dist]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [dist = 'dist'] = process.argv.slice(2);
const port = 8096;
const server = spawn('node', ['scripts/serve.mjs', dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const out = join(mkdtempSync(join(tmpdir(), 'yaodian-lighthouse-')), 'report.json');
try {
  execFileSync(
    'npx',
    [
      '-y', 'lighthouse@12.2.3', `http://127.0.0.1:${port}/`, '--preset=desktop', '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu', '--output=json', `--output-path=${out}`,
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } },
  );
} finally {
  server.kill();
}
const report = JSON.parse(readFileSync(out, 'utf8'));
const audit = (name) => report.audits[name];
const requests = audit('network-requests').details.items;
const wasm = requests.filter((r) => r.url.endsWith('.wasm')).length;
const ms = (name) => `${Math.round(audit(name).numericValue)} ms`;
console.log(`lighthouse ${report.lighthouseVersion}, desktop, the plan list on a first visit:`);
console.log(`  performance ${report.categories.performance.score} (target ≥ 0.98)`);
console.log(`  largest contentful paint ${ms('largest-contentful-paint')} (target ≤ 800 ms); first contentful paint ${ms('first-contentful-paint')}`);
console.log(`  total blocking time ${ms('total-blocking-time')}; speed index ${ms('speed-index')}`);
console.log(`  requests ${requests.length}, of them ${wasm} .wasm (target ≤ 12); transferred ${(audit('total-byte-weight').numericValue / 1024).toFixed(0)} KiB`);
