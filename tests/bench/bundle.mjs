// Bundle sizes, raw and gzip: the app's first download (the page and what it names: js, css, the
// editor's wasm), what loads later (the export worker: web/src/worker.rs), and a bare Leptos hello
// world built with the same profile. Usage: node tests/bench/bundle.mjs dist target/hello-dist
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [app = 'dist', hello = 'target/hello-dist'] = process.argv.slice(2);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const KINDS = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html' };
const kindOf = (name) => KINDS[name.slice(name.lastIndexOf('.'))];

/** Sizes of `dir`'s files by kind, split into the first download and what loads later. */
function sizes(dir) {
  const out = { first: {}, later: {} };
  for (const name of readdirSync(dir)) {
    const kind = kindOf(name);
    if (!kind || name === 'sw.js') continue; // the service worker is installed after start
    const when = name.startsWith('yaodian-worker') || name === 'export-worker.js' ? 'later' : 'first';
    const bytes = readFileSync(join(dir, name));
    const entry = (out[when][kind] ??= { raw: 0, gzip: 0 });
    entry.raw += bytes.length;
    entry.gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return out;
}
const total = (s) => Object.values(s).reduce((t, x) => ({ raw: t.raw + x.raw, gzip: t.gzip + x.gzip }), { raw: 0, gzip: 0 });
const describe = (s) => Object.entries(s).map(([k, v]) => `${k} ${kb(v.raw)} / ${kb(v.gzip)} gzip`).join(', ');

const a = sizes(app);
const h = sizes(hello);
console.log(`app, first download: ${describe(a.first)}; in all ${kb(total(a.first).raw)} / ${kb(total(a.first).gzip)} gzip`);
console.log(`app, export worker (fetched on first export, or by the service worker after start): ${describe(a.later)}; in all ${kb(total(a.later).raw)} / ${kb(total(a.later).gzip)} gzip`);
console.log(`hello world: ${describe(h.first)}; in all ${kb(total(h.first).raw)} / ${kb(total(h.first).gzip)} gzip`);
console.log(
  `first download of the app: ${kb(total(a.first).gzip)} gzip (target ≤ 150 KB); ` +
    `${(total(a.first).gzip / total(h.first).gzip).toFixed(1)}× a bare Leptos hello world (wasm ${(a.first.wasm.gzip / h.first.wasm.gzip).toFixed(1)}×)`,
);
