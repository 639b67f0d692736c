// Yaodian's service worker: after a first visit the app opens and works with no network, and a
// new build deployed while a tab is open never strands that tab.
//
// The page (index.html) is fetched from the network when there is one, so a new build is
// picked up at once; the build's files have content hashes in their names, so they are served
// from the cache first and fetched once. That includes every part of the editor that loads on
// demand (web-pkg/, scripts/build-web): web-pkg/parts.txt lists them, and they are cached with
// the page, so every tab works offline, even one never opened online.
//
// Builds: each page names its build (`<meta name="yaodian-build">`, written by scripts/build-web)
// and tells this worker which build it runs. The files of every build are listed in the cache
// (BUILDS); a build's files are removed only once no open page runs it, so a tab of an older
// build can still load its parts after a newer build was deployed.
//
// The export worker (.docx/.xlsx, web/src/platform/worker.rs) is not named by the page and its files have
// no hash in their names: they are cached with the page, so exports work offline too, and
// checked with the server (a conditional request) whenever the page is; so is parts.txt. A page
// of an older build that starts a newer export worker is told so by the worker, and reloads.
const CACHE = 'yaodian';
const SHELL = ['./', './manifest.webmanifest', './icon.svg', './icon-192.png', './icon-512.png'];
const WORKER = ['./export-worker.js', './yaodian-worker.js', './yaodian-worker_bg.wasm'];
const PARTS = './web-pkg/parts.txt';
const BUILDS = './__yaodian-builds.json';
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

const buildOf = (html) => html.match(/<meta name="yaodian-build" content="([^"]+)"/)?.[1] ?? 'unnamed';

/// What this worker knows of builds: the files of each, which page runs which, the newest.
async function readBuilds(cache) {
  const stored = await cache.match(scoped(BUILDS));
  const builds = stored ? await stored.json().catch(() => null) : null;
  return builds ?? { files: {}, pages: {}, newest: null };
}

async function writeBuilds(cache, builds) {
  await cache.put(scoped(BUILDS), new Response(JSON.stringify(builds), { headers: { 'content-type': 'application/json' } }));
}

// Changes to the list of builds, one at a time.
let queue = Promise.resolve();
const changeBuilds = (change) => (queue = queue.then(async () => {
  const cache = await caches.open(CACHE);
  const builds = await readBuilds(cache);
  await change(builds, cache);
  await prune(cache, builds);
  await writeBuilds(cache, builds);
}).catch(() => {}));

/// Caches the page and every file it names, as one build.
async function cachePage(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const parts = await refresh(cache, scoped(PARTS)).then((r) => (r.ok ? r.text() : ''), () => '');
  const named = parts.split('\n').filter(Boolean).map((part) => `./web-pkg/${part}`);
  const wanted = [...new Set([...assetsOf(html), ...[...SHELL, ...WORKER, ...named].map(scoped)])];
  const build = buildOf(html);
  // Listed first, so that no pruning meanwhile removes what is being fetched.
  await changeBuilds((builds) => {
    builds.files[build] = [...new Set([...(builds.files[build] ?? []), ...wanted])];
  });
  await Promise.all(wanted.map(async (url) => {
    if (url === scoped('./')) return;
    if (isRevalidated(url)) return refresh(cache, url);
    if (!(await cache.match(url))) {
      const fetched = await fetch(url);
      if (fetched.ok) await cache.put(url, fetched);
    }
  }));
  // The page last, once what it names is there.
  await cache.put(scoped('./'), response.clone());
  await changeBuilds((builds) => {
    builds.newest = build;
  });
}

/// Removes the files of builds no open page runs (never the newest). While an open page has not
/// yet said which build it runs, nothing is removed.
async function prune(cache, builds) {
  const open = await self.clients.matchAll({ type: 'window' });
  for (const id of Object.keys(builds.pages)) {
    if (!open.some((client) => client.id === id)) delete builds.pages[id];
  }
  if (open.some((client) => !builds.pages[client.id])) return;
  const running = new Set([builds.newest, ...Object.values(builds.pages)].filter(Boolean));
  // A page of a build whose files are not listed (cached before this worker knew builds).
  if ([...running].some((build) => !builds.files[build])) return;
  for (const build of Object.keys(builds.files)) {
    if (!running.has(build)) delete builds.files[build];
  }
  const kept = new Set([scoped(BUILDS), scoped(PARTS), ...Object.values(builds.files).flat()]);
  for (const request of await cache.keys()) {
    if (!kept.has(request.url)) await cache.delete(request);
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

// A page says which build it runs (on start, and when this worker takes it over).
self.addEventListener('message', (event) => {
  const build = event.data?.yaodianBuild;
  const id = event.source?.id;
  if (typeof build !== 'string' || !id) return;
  event.waitUntil(changeBuilds((builds) => {
    builds.pages[id] = build;
  }));
});

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
        const cached = await caches.match(scoped('./'));
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
