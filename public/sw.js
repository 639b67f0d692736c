// Yaodian's service worker: after a first visit the app opens and works with no network.
//
// The page (index.html) is fetched from the network when there is one, so a new build is
// picked up at once; the build's files have content hashes in their names, so they are served
// from the cache first and fetched once. That includes every part of the editor that loads on
// demand (web-pkg/, scripts/build-web): web-pkg/parts.txt lists them, and they are cached with
// the page, so every tab works offline, even one never opened online. Files of older builds are
// dropped when a new page names different ones.
//
// The export worker (.docx/.xlsx, web/src/worker.rs) is not named by the page and its files have
// no hash in their names: they are cached with the page, so exports work offline too, and
// checked with the server (a conditional request) whenever the page is; so is parts.txt.
const CACHE = 'yaodian';
const SHELL = ['./', './manifest.webmanifest', './icon.svg', './icon-192.png', './icon-512.png'];
const WORKER = ['./export-worker.js', './yaodian-worker.js', './yaodian-worker_bg.wasm'];
const PARTS = './web-pkg/parts.txt';
const scoped = (path) => new URL(path, self.registration.scope).href;
const isRevalidated = (url) => [...WORKER, PARTS].some((path) => scoped(path) === url);

/// Same-origin files the page names (scripts, styles, wasm, icons).
function assetsOf(html) {
  const found = new Set();
  for (const match of html.matchAll(/(?:href|src)=["']([^"'#?]+)["']/g)) {
    const url = new URL(match[1], self.registration.scope);
    if (url.origin === self.location.origin) found.add(url.href);
  }
  for (const match of html.matchAll(/["'](\/?[\w.-]+\.(?:wasm|js))["']/g)) {
    found.add(new URL(match[1], self.registration.scope).href);
  }
  return [...found];
}

/// Caches the page and every file it names; removes cached files of older builds.
async function cachePage(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  await cache.put(new URL('./', self.registration.scope).href, response.clone());
  const parts = await refresh(cache, scoped(PARTS)).then((r) => (r.ok ? r.text() : ''), () => '');
  const named = parts.split('\n').filter(Boolean).map((part) => `./web-pkg/${part}`);
  const wanted = new Set([...assetsOf(html), ...[...SHELL, ...WORKER, PARTS, ...named].map(scoped)]);
  await Promise.all([...wanted].map(async (url) => {
    if (url === scoped(PARTS)) return;
    if (isRevalidated(url)) return refresh(cache, url);
    if (!(await cache.match(url))) {
      const fetched = await fetch(url);
      if (fetched.ok) await cache.put(url, fetched);
    }
  }));
  for (const request of await cache.keys()) {
    if (!wanted.has(request.url)) await cache.delete(request);
  }
}

/// Fetches an unhashed file past the HTTP cache and keeps it unless the cached copy is the same
/// version (same ETag or Last-Modified). Returns the fresh response, or the cached one offline.
async function refresh(cache, url) {
  const cached = await cache.match(url);
  let fetched;
  try {
    fetched = await fetch(url, { cache: 'no-cache' });
  } catch (error) {
    if (cached) return cached;
    throw error;
  }
  if (!fetched.ok) return cached ?? fetched;
  const version = (r) => r.headers.get('etag') ?? r.headers.get('last-modified');
  if (!cached || !version(fetched) || version(fetched) !== version(cached)) {
    await cache.put(url, fetched.clone());
  }
  return fetched;
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(fetch('./', { cache: 'no-cache' }).then((r) => r.ok && cachePage(r)));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const response = await fetch(request, { cache: 'no-cache' });
        if (response.ok) event.waitUntil(cachePage(response.clone()));
        return response;
      } catch {
        const cached = await caches.match(new URL('./', self.registration.scope).href);
        return cached ?? new Response('离线且尚未缓存本页，请联网后打开一次。', {
          status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      }
    })());
    return;
  }
  if (isRevalidated(url.origin + url.pathname)) {
    event.respondWith(caches.open(CACHE).then((cache) => refresh(cache, url.origin + url.pathname)));
    return;
  }
  event.respondWith((async () => {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  })());
});
