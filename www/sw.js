// Parallax's service worker: once the site has loaded, it keeps working with the network off.
// scripts/postbuild.mjs fills in VERSION and FILES at every build (the built site's own files), so a new
// build is a new worker: the browser installs it on the next visit, and it replaces the old cache.
const VERSION = '__PARALLAX_VERSION__';
const FILES = __PARALLAX_FILES__;
const CACHE = `parallax-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('parallax-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: from the network first, so a new version is picked up; the cached copy offline.
    event.respondWith(
      fetch(request).catch(() => caches.match('./', { ignoreSearch: true, cacheName: CACHE })),
    );
    return;
  }
  // Every other file is named by its content: the cached copy first. A built site's data files (in a
  // folder named by their content, fetched as views need them) are kept as they come.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request).then((response) => {
    if (response.ok && /\/data-[0-9a-f]+\//.test(new URL(request.url).pathname)) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  })));
});
