// Lighthouse (12.2.3 from npm, desktop preset) against Debian's Chromium on the release build
// served as an office's server serves it (scripts/serve.mjs: precompressed, cache headers), on
// a first visit of the build (nothing cached, no service worker):
//   1. the plan list of an empty library;
//   2. an opened 500-task plan (target/bench-plan-500.json, written by `cargo bench --bench
//      native`): the plan is put into a browser profile's storage first (imported through the
//      page, by Playwright with the same Chromium), the profile's caches and service worker
//      are then cleared, and Lighthouse runs on that profile without resetting its storage.
// Prints each figure beside its target.
//   node tests/bench/lighthouse.mjs [dist]
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [dist = 'dist'] = process.argv.slice(2);
const PLAN = 'target/bench-plan-500.json';
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];
const port = 8096;
const origin = `http://127.0.0.1:${port}`;
const server = spawn('node', ['scripts/serve.mjs', dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const work = mkdtempSync(join(tmpdir(), 'yaodian-lighthouse-'));

/** Lighthouse on `url` (in the profile `profile` with its storage kept, if given). */
function lighthouse(name, url, profile) {
  const out = join(work, `${name}.json`);
  const flags = [...FLAGS, ...(profile ? [`--user-data-dir=${profile}`] : [])];
  execFileSync(
    'npx',
    [
      '-y', 'lighthouse@12.2.3', url, '--preset=desktop', '--quiet', `--chrome-flags=${flags.join(' ')}`,
      ...(profile ? ['--disable-storage-reset'] : []), '--output=json', `--output-path=${out}`,
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: CHROMIUM } },
  );
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** A profile whose storage holds the 500-task plan, and the plan's address. */
async function profileWithPlan() {
  const profile = join(work, 'profile');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/`);
  await page.locator('#import-plan-file').setInputFiles(PLAN);
  await page.locator('.node').first().waitFor();
  const hash = new URL(page.url()).hash;
  // Written (the editor saves at once on import; wait for the plan's key to be there).
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('yaodian/plan/')));
  // A first visit of the build: no service worker, nothing in its caches or the HTTP cache.
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await context.close();
  return { profile, url: `${origin}/${hash}` };
}

/** The figures of one report, each beside its target. */
function report(what, r) {
  const audit = (name) => r.audits[name];
  const requests = audit('network-requests').details.items;
  const wasm = requests.filter((x) => x.url.endsWith('.wasm')).length;
  const ms = (name) => `${Math.round(audit(name).numericValue)} ms`;
  console.log(`lighthouse ${r.lighthouseVersion}, desktop, ${what}:`);
  console.log(`  performance ${r.categories.performance.score} (target ≥ 0.98)`);
  console.log(`  largest contentful paint ${ms('largest-contentful-paint')} (target ≤ 800 ms); first contentful paint ${ms('first-contentful-paint')}`);
  console.log(`  total blocking time ${ms('total-blocking-time')}; speed index ${ms('speed-index')}; ${audit('dom-size').numericValue} elements`);
  console.log(`  requests ${requests.length}, of them ${wasm} .wasm (target ≤ 12); transferred ${(audit('total-byte-weight').numericValue / 1024).toFixed(0)} KiB`);
}

try {
  report('the plan list on a first visit', lighthouse('library', `${origin}/`));
  if (existsSync(PLAN)) {
    const { profile, url } = await profileWithPlan();
    const opened = lighthouse('plan-500', url, profile);
    // The plan was there (its rows, not the plan list): thousands of elements.
    const elements = opened.audits['dom-size'].numericValue;
    if (elements < 5000) throw new Error(`the 500-task plan did not open (${elements} elements on the page)`);
    report('an opened 500-task plan, first visit of the build', opened);
  } else {
    console.log(`(no ${PLAN}: run \`cargo bench --bench native\` first for the 500-task plan's run)`);
  }
} finally {
  server.kill();
}
