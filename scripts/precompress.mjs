// Writes a .gz (gzip -9) and a .br (brotli, quality 11) beside every file of a built site, with
// the original's modification time, for servers that send precompressed files (nginx's
// gzip_static and brotli_static, scripts/serve.mjs). A copy that would not be smaller than
// the file is not written (and an old one is removed).
//   node scripts/precompress.mjs DIR
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/precompress.mjs DIR');
  process.exit(2);
}
const text = /\.(html|js|css|json|txt|svg|webmanifest)$/;
let count = 0;
for (const name of readdirSync(dir, { recursive: true })) {
  const path = join(dir, String(name));
  if (/\.(gz|br)$/.test(path) || !statSync(path).isFile()) continue;
  const body = readFileSync(path);
  const { atime, mtime } = statSync(path);
  const copies = {
    gz: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: text.test(path) ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  };
  for (const [ext, bytes] of Object.entries(copies)) {
    const copy = `${path}.${ext}`;
    if (bytes.length >= body.length) {
      rmSync(copy, { force: true });
      continue;
    }
    writeFileSync(copy, bytes);
    utimesSync(copy, atime, mtime);
    count++;
  }
}
console.log(`precompress: ${count} .gz and .br files in ${dir}`);
