// The build served as an office's intranet server serves it: nginx from Debian with the example
// configuration (deploy/nginx.conf) over dist/, and scripts/serve.mjs (what `scripts/run` and
// the other tests use), which must send the same: .wasm as application/wasm, the precompressed
// .br (or .gz) copies, hashed files cached for good, the page, parts.txt and the workers
// revalidated. The app then starts from nginx and works.
import { test, expect, APIRequestContext } from '@playwright/test';
import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PORT = 8093;
const NGINX = `http://127.0.0.1:${PORT}`;
let nginx: ChildProcess;

test.beforeAll(async () => {
  const prefix = mkdtempSync(join(tmpdir(), 'yaodian-nginx-'));
  const server = readFileSync('deploy/nginx.conf', 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${PORT};`)
    .replace('root /srv/yaodian;', `root ${resolve('dist')};`);
  expect(server).toContain(`root ${resolve('dist')};`);
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${server}
}
`,
  );
  nginx = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: 'inherit' });
  for (let i = 0; i < 50; i++) {
    const up = await fetch(`${NGINX}/`).then(() => true, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not start');
});

test.afterAll(() => {
  nginx?.kill();
});

/** The files a first visit fetches, from the build: the page's script and wasm, a part. */
function files() {
  const parts = readFileSync('dist/web-pkg/parts.txt', 'utf8').split('\n').filter((l) => l);
  const wasm = parts.find((p) => /^yaodian-web-[0-9a-f]{16}_bg\.wasm$/.test(p))!;
  const part = parts.find((p) => /^chunk_.*\.wasm$/.test(p))!;
  const css = readFileSync('dist/index.html', 'utf8').match(/main-[0-9a-f]{16}\.css/)![0];
  return { wasm: `/web-pkg/${wasm}`, part: `/web-pkg/${part}`, css: `/${css}` };
}

async function headersOf(request: APIRequestContext, url: string, encoding: string) {
  const response = await request.get(url, { headers: { 'accept-encoding': encoding } });
  expect(response.status(), url).toBe(200);
  return response.headers();
}

for (const [name, base] of [
  ['nginx with deploy/nginx.conf', NGINX],
  ['scripts/serve.mjs', ''],
]) {
  test(`${name} sends the build precompressed, with its types and cache headers`, async ({ request, baseURL }) => {
    const origin = base || baseURL!;
    const { wasm, part, css } = files();
    for (const [url, type] of [
      [wasm, 'application/wasm'],
      [part, 'application/wasm'],
      [css, 'text/css'],
    ]) {
      const br = await headersOf(request, origin + url, 'gzip, deflate, br');
      expect(br['content-type'], url).toContain(type);
      expect(br['content-encoding'], url).toBe('br');
      expect(br['cache-control'], url).toContain('immutable');
      const gz = await headersOf(request, origin + url, 'gzip');
      expect(gz['content-encoding'], url).toBe('gzip');
    }
    for (const url of ['/', '/web-pkg/parts.txt', '/sw.js', '/export-worker.js', '/yaodian-worker_bg.wasm']) {
      const headers = await headersOf(request, origin + url, 'gzip, deflate, br');
      expect(headers['cache-control'], url).toBe('no-cache');
      expect(headers['content-encoding'], url).toBe('br');
    }
    // A client that takes no compression gets the file itself.
    const plain = await request.get(origin + wasm, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect((await plain.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
  });
}

test('the app starts from nginx and makes a plan', async ({ page }) => {
  const encodings: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) encodings.push(r.headers()['content-encoding'] ?? '');
  });
  await page.goto(`${NGINX}/`);
  await page.locator('#new-plan').click();
  await page.locator('#new-year').fill('2027');
  await page.getByRole('button', { name: '全不选' }).click();
  await page.locator('[data-template="party"]').check();
  await page.locator('#create-from-templates').click();
  await expect(page.locator('.node').first()).toBeVisible();
  expect(encodings.length).toBeGreaterThan(0);
  expect(new Set(encodings)).toEqual(new Set(['br']));
});
