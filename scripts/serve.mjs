// A minimal static server for the release build (dist/), with the right MIME types for wasm and
// Last-Modified / If-Modified-Since, as static servers have (the service worker revalidates the
// export worker's unhashed files with it); precompressed files and cache headers as in
// deploy/nginx.conf, so that what is measured is what an office's server sends. For the test of a deployment, POST /__test/deploy?next
// serves `<root>-next` instead (a newer build), and ?back the build again.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [served = 'dist', port = '8091'] = process.argv.slice(2);
// Files named with their content's hash (the editor's parts, the stylesheet): never change.
const HASHED = /-[0-9a-f]{16}(_bg|_split)?\.(js|wasm|css)$/;
let root = served;
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

createServer(async (req, res) => {
  if (req.method === 'POST' && req.url.startsWith('/__test/deploy')) {
    root = req.url.endsWith('?next') ? `${served}-next` : served;
    res.writeHead(204);
    return res.end();
  }
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
  try {
    const modified = (await stat(file)).mtime.toUTCString();
    if (req.headers['if-modified-since'] === modified) {
      res.writeHead(304, { 'last-modified': modified });
      return res.end();
    }
    // As deploy/nginx.conf serves the build: a precompressed copy when the browser takes it
    // (and it is not older than the file), hashed files cached for good, the others revalidated.
    const accepts = req.headers['accept-encoding'] ?? '';
    let sent = file;
    let encoding;
    for (const [ext, name] of [['br', 'br'], ['gz', 'gzip']]) {
      if (encoding || !accepts.includes(name)) continue;
      const copy = await stat(`${file}.${ext}`).catch(() => null);
      const seconds = (t) => Math.floor(t / 1000);
      if (copy && seconds(copy.mtimeMs) >= seconds((await stat(file)).mtimeMs)) [sent, encoding] = [`${file}.${ext}`, name];
    }
    const body = await readFile(sent);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'last-modified': modified,
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'Accept-Encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
