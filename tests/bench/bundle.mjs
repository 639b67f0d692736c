// Bundle sizes, raw and gzip: the app's first download (the page and what it names: js, css, the
// editor's wasm), the parts that load on demand (web/src/platform/lazy.rs, scripts/build-web), what loads
// later (the export worker: web/src/platform/worker.rs), and a bare Leptos hello world built with the same
// profile. Usage: node tests/bench/bundle.mjs dist target/hello-dist
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [app = 'dist', hello = 'target/hello-dist'] = process.argv.slice(2);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const KINDS = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html' };
const kindOf = (name) => KINDS[name.slice(name.lastIndexOf('.'))];
const PARTS = 'web-pkg';

/** Raw and gzip size of one file. */
function measure(dir, name) {
  const bytes = readFileSync(join(dir, name));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** When a built file is fetched: with the page, with a part, or with the export worker. */
function whenFetched(name) {
  if (name.startsWith('yaodian-worker') || name === 'export-worker.js') return 'worker';
  if (name.startsWith(`${PARTS}/`) && /\/(split|chunk)_/.test(name)) return 'parts';
  return 'first';
}

/** Sizes of `dir`'s files (and its web-pkg folder's) by kind and by when they are fetched. */
function sizes(dir) {
  const out = { first: {}, parts: {}, worker: {} };
  const names = readdirSync(dir);
  if (existsSync(join(dir, PARTS))) names.push(...readdirSync(join(dir, PARTS)).map((n) => `${PARTS}/${n}`));
  for (const name of names) {
    const kind = kindOf(name);
    if (!kind || name === 'sw.js') continue; // the service worker is installed after start
    const size = measure(dir, name);
    const entry = (out[whenFetched(name)][kind] ??= { raw: 0, gzip: 0 });
    entry.raw += size.raw;
    entry.gzip += size.gzip;
  }
  return out;
}
const total = (s) => Object.values(s).reduce((t, x) => ({ raw: t.raw + x.raw, gzip: t.gzip + x.gzip }), { raw: 0, gzip: 0 });
const describe = (s) => Object.entries(s).map(([k, v]) => `${k} ${kb(v.raw)} / ${kb(v.gzip)} gzip`).join(', ');

/** Each split point with the files it loads (its own and shared chunks) and their gzip size. */
function points(dir) {
  const file = join(dir, PARTS, 'split-points.txt');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [point, list] = line.split(': ');
    const files = list.split(' ');
    return { point, files, gzip: gzipOf(dir, files) };
  });
}
const gzipOf = (dir, files) => [...new Set(files)].reduce((t, f) => t + measure(join(dir, PARTS), f).gzip, 0);
// What a first visit loads after the page: the plan list's part (with its data-safety panel),
// or, on a plan's address, the editor's; each with its chunks.
const FIRST_VISITS = { library: 'the plan list', editor: 'an opened plan' };

const a = sizes(app);
const h = sizes(hello);
console.log(`app, first download: ${describe(a.first)}; in all ${kb(total(a.first).raw)} / ${kb(total(a.first).gzip)} gzip`);
console.log(`app, parts loaded on demand (all of them): ${describe(a.parts)}`);
const split = points(app);
console.log(`  each part with the shared chunks it loads: ${split.map((p) => `${p.point} ${kb(p.gzip)} (${p.files.length} files)`).join(', ')}`);
for (const [point, what] of Object.entries(FIRST_VISITS)) {
  const part = split.find((p) => p.point === point);
  if (!part) continue;
  const gzip = total(a.first).gzip + part.gzip;
  console.log(`  a first visit to ${what}: the first download and ${part.files.length} files of parts, ${kb(gzip)} gzip in all`);
}
console.log(`app, export worker (fetched on first export, or by the service worker after start): ${describe(a.worker)}; in all ${kb(total(a.worker).raw)} / ${kb(total(a.worker).gzip)} gzip`);
console.log(`hello world: ${describe(h.first)}; in all ${kb(total(h.first).raw)} / ${kb(total(h.first).gzip)} gzip`);
console.log(
  `first download of the app (the page, its script and styles, the app's main module): ${kb(total(a.first).gzip)} gzip (target ≤ 200 KB, toward 150 KB); ` +
    `${(total(a.first).gzip / total(h.first).gzip).toFixed(1)}× a bare Leptos hello world (wasm ${(a.first.wasm.gzip / h.first.wasm.gzip).toFixed(1)}×)`,
);
