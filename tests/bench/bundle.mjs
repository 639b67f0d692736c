// Bundle sizes: the app's first download (wasm + js + css + page) raw and gzip, and a bare Leptos
// hello world built with the same profile. Usage: node tests/bench/bundle.mjs dist target/hello-dist
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [app = 'dist', hello = 'target/hello-dist'] = process.argv.slice(2);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function sizes(dir) {
  const out = {};
  for (const name of readdirSync(dir)) {
    const kind = name.endsWith('.wasm') ? 'wasm' : name.endsWith('.js') && name !== 'sw.js' ? 'js' : name.endsWith('.css') ? 'css' : name.endsWith('.html') ? 'html' : null;
    if (!kind) continue;
    const bytes = readFileSync(join(dir, name));
    out[kind] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return out;
}
const a = sizes(app);
const h = sizes(hello);
const total = (s) => Object.values(s).reduce((t, x) => ({ raw: t.raw + x.raw, gzip: t.gzip + x.gzip }), { raw: 0, gzip: 0 });
for (const [name, s] of [['app', a], ['hello world', h]]) {
  const parts = Object.entries(s).map(([k, v]) => `${k} ${kb(v.raw)} / ${kb(v.gzip)} gzip`).join(', ');
  console.log(`${name}: ${parts}; first download ${kb(total(s).raw)} / ${kb(total(s).gzip)} gzip`);
}
console.log(
  `first download of the app: ${kb(total(a).gzip)} gzip (target ≤ 150 KB); ` +
    `${(total(a).gzip / total(h).gzip).toFixed(1)}× a bare Leptos hello world (wasm ${(a.wasm.gzip / h.wasm.gzip).toFixed(1)}×)`,
);
