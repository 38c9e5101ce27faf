// Alliance Recall service worker: keeps the app shell and the study page so study works with no network.
// Signed-in data never goes in these caches: API responses pass straight through, and the cards and reviews a
// device keeps live in IndexedDB (app/study/_components/offline-store.ts). Bump VERSION when this file's
// caching changes; the cached pages themselves are refreshed by the study page on every online visit.
const VERSION = "v2";
const SHELL_CACHE = `alliance-recall-shell-${VERSION}`;
const STATIC_CACHE = `alliance-recall-static-${VERSION}`;
const STUDY_SHELL = "/study/offline";
const OFFLINE_PAGE = "/offline";
const SHELL_PAGES = [STUDY_SHELL, OFFLINE_PAGE];
const SHELL_FILES = ["/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png", "/icons/maskable-512.png", "/icons/apple-touch-icon.png"];
// Build assets have content-hashed names; old builds' files are dropped oldest first past this many.
const MAX_STATIC_ENTRIES = 400;
// On a connection that is up but passes nothing ("lie-fi"), show the offline study page rather than a spinner.
const STUDY_NAVIGATION_TIMEOUT_MS = 6000;
// Message from app/_components/service-worker.ts.
const CACHE_STUDY_SHELL = "cache-study-shell";

/** The /_next/static files a page loads (scripts, styles, fonts), found in its HTML. */
function findAssets(html) {
  return new Set(html.match(/\/_next\/static\/[^"'\s)\\<>]+/g) ?? []);
}

async function trimStaticCache(cache) {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_STATIC_ENTRIES)).map((key) => cache.delete(key)));
}

/** Fetches the shell pages and everything they load, and stores them only if all of it arrived. */
async function cacheShell() {
  const pages = await Promise.all(SHELL_PAGES.map((path) => fetch(path, { credentials: "same-origin", cache: "no-store" })));
  if (pages.some((page) => !page.ok || page.redirected)) return false;
  const assets = new Set();
  for (const page of pages) for (const asset of findAssets(await page.clone().text())) assets.add(asset);
  const staticCache = await caches.open(STATIC_CACHE);
  const stored = await Promise.all(
    [...assets].map(async (asset) => {
      if (await staticCache.match(asset)) return true;
      const response = await fetch(asset);
      if (response.ok) await staticCache.put(asset, response);
      return response.ok;
    }),
  );
  if (stored.includes(false)) return false;
  const files = await Promise.all(SHELL_FILES.map((path) => fetch(path).catch(() => null)));
  const shellCache = await caches.open(SHELL_CACHE);
  await Promise.all(files.map((file, index) => (file?.ok ? shellCache.put(SHELL_FILES[index], file) : undefined)));
  await Promise.all(pages.map((page, index) => shellCache.put(SHELL_PAGES[index], page)));
  await trimStaticCache(staticCache);
  return true;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    cacheShell()
      .catch(() => false)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith("alliance-recall-") && ![SHELL_CACHE, STATIC_CACHE].includes(name)).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type !== CACHE_STUDY_SHELL) return;
  const port = event.ports[0];
  event.waitUntil(
    cacheShell().then(
      (ok) => port?.postMessage({ ok }),
      () => port?.postMessage({ ok: false }),
    ),
  );
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: STATIC_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const storedStudyPage = () => caches.match(STUDY_SHELL, { cacheName: SHELL_CACHE });

/**
 * The device's study page comes from this device first (its links and the outage page lead there, so they work
 * with no network). Other pages come from the network; offline, or while the server answers 503 (its database
 * is down), a study page is the stored study page and the rest a short notice.
 */
async function navigate(request, url) {
  if (url.pathname === STUDY_SHELL) {
    const stored = await storedStudyPage();
    if (stored) return stored;
  }
  const isStudy = url.pathname === "/study" || url.pathname === STUDY_SHELL;
  try {
    const response = await (isStudy ? withTimeout(fetch(request), STUDY_NAVIGATION_TIMEOUT_MS) : fetch(request));
    if (isStudy && response.status === 503) return (await storedStudyPage()) ?? response;
    return response;
  } catch {
    const fallback = isStudy ? await storedStudyPage() : undefined;
    return fallback ?? (await caches.match(OFFLINE_PAGE, { cacheName: SHELL_CACHE })) ?? Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
  } else if (SHELL_FILES.includes(url.pathname)) {
    event.respondWith(fetch(request).catch(() => caches.match(url.pathname, { cacheName: SHELL_CACHE }).then((cached) => cached ?? Response.error())));
  }
});
