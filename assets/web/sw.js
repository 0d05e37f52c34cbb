// MicroFab Planner's service worker: when the app is served over http(s) (a team's static
// URL), it keeps the page in the browser's cache so the app opens again with no network.
// The page is one self-contained file, so caching it (and this folder's manifest and icon)
// is all there is. Cache first, then the network in the background to pick up a new build:
// the next visit after an update gets it. Not used from file:// (browsers do not allow it there).
'use strict';
const CACHE = 'microfab-planner-v1';
const FILES = ['microfab-planner.html', 'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The address of a share link differs only in its fragment, which never reaches here.
  const key = url.pathname.endsWith('/') ? new Request('microfab-planner.html') : event.request;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const cached = await cache.match(key, { ignoreSearch: true });
    const fresh = fetch(event.request).then((r) => {
      if (r.ok) cache.put(key, r.clone());
      return r;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => undefined));
      return cached;
    }
    return fresh;
  }));
});
