// The guide's service worker: after one visit, every page, asset and the PDF can be read
// offline, and the calculators start offline once they have run here once.
//
// MANIFEST is written by the build (macros/hooks/offline.py); `mkdocs serve` leaves it null
// and the page never registers this worker then. It holds the build's version (a hash of
// every file below), the files to keep at install as [path, sha256] pairs relative to this
// file (the hash only counts in the version), the optional ones (the PDF, which `make build`
// adds after the pages), the folder of the Python runtime and the name of the cache the
// calculators' worker keeps the runtime in (docs/assets/js/calculator-worker.mjs).
//
// - Install: fetch every listed file (revalidated, never from another origin) and keep them
//   in one cache named by the version, all or nothing. Nothing of the Python runtime: a
//   guide page downloads no Python, and this worker never fetches any of it.
// - Activate: delete every cache of an older build (pages and runtime), take over open pages.
// - Fetch: a kept file is answered from the cache (the query string ignored, so shared
//   calculator addresses work offline); a runtime file from the runtime cache once a
//   calculator page has kept it (before that, untouched); a page that is not kept, offline,
//   gets the kept 404 page.
//   Everything else goes to the network untouched.
//
// A new build changes MANIFEST, so the browser installs the new worker on the next visit,
// which replaces the old caches (see offline.js for how the open page follows).

const MANIFEST = null;

const PREFIX = "hiring-guide-";
const ROOT = new URL("./", self.location.href);

if (!MANIFEST) {
  // Not built for offline use: refuse to install, so nothing is ever kept by this copy.
  self.addEventListener("install", () => {
    throw new Error("service-worker.js was not built for offline use (run `make build`)");
  });
} else {
  const PAGES = `${PREFIX}pages-${MANIFEST.version}`;
  const RUNTIME_CACHE = MANIFEST.runtimeCache;
  const RUNTIME_PATH = new URL(MANIFEST.runtime, ROOT).pathname;
  const KEPT = new Set([...MANIFEST.files.map(([path]) => path), ...MANIFEST.optional]);
  const NOT_FOUND = "404.html";

  // Revalidated, so an older copy in the HTTP cache is never kept under this version.
  async function keep(cache, path) {
    const request = new Request(new URL(path, ROOT), { cache: "no-cache" });
    const response = await fetch(request);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    await cache.put(request, response);
  }

  // A failed install is retried by the browser on a later visit; the open pages are told why
  // (offline.js writes it to the console), since a worker's own console is out of sight.
  async function tell(reason) {
    for (const client of await self.clients.matchAll({ includeUncontrolled: true })) {
      client.postMessage({ type: "offline-failed", reason });
    }
  }

  self.addEventListener("install", (event) => {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(PAGES);
        try {
          await Promise.all(MANIFEST.files.map(([path]) => keep(cache, path)));
        } catch (error) {
          await caches.delete(PAGES);
          await tell(String(error?.message ?? error));
          throw error;
        }
        await Promise.all(MANIFEST.optional.map((path) => keep(cache, path).catch(() => {})));
        await self.skipWaiting();
      })(),
    );
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) {
          if (name.startsWith(PREFIX) && name !== PAGES && name !== RUNTIME_CACHE) await caches.delete(name);
        }
        await self.clients.claim();
      })(),
    );
  });

  // The path of a request relative to the site's root, as the manifest lists it.
  function pathOf(url) {
    const path = url.pathname.slice(ROOT.pathname.length);
    return path === "index.html" || path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
  }

  function fromCache(name, key) {
    return caches.match(key, { cacheName: name, ignoreSearch: true, ignoreVary: true });
  }

  async function answer(request, path) {
    const kept = KEPT.has(path) ? await fromCache(PAGES, new URL(path, ROOT).href) : undefined;
    if (kept) return kept;
    try {
      return await fetch(request);
    } catch (error) {
      if (request.mode !== "navigate") throw error;
      const missing = await fromCache(PAGES, new URL(NOT_FOUND, ROOT).href);
      if (!missing) throw error;
      return new Response(missing.body, { status: 404, statusText: "Not Found", headers: missing.headers });
    }
  }

  // Whether the runtime set is kept (the calculators' worker marks it complete, and says so
  // on a BroadcastChannel): until it is, runtime requests go to the network untouched.
  const RUNTIME_COMPLETE = new URL("kept/complete", new URL(MANIFEST.runtime, ROOT)).href;
  let runtimeKept = false;
  function checkRuntime() {
    caches
      .match(RUNTIME_COMPLETE, { cacheName: RUNTIME_CACHE })
      .then((found) => {
        runtimeKept = Boolean(found);
      })
      .catch(() => {});
  }
  checkRuntime();
  new BroadcastChannel("hiring-guide-runtime").addEventListener("message", checkRuntime);

  async function fromRuntime(request) {
    const url = new URL(request.url);
    url.search = "";
    return (await caches.match(url.href, { cacheName: RUNTIME_CACHE, ignoreVary: true })) ?? fetch(request);
  }

  self.addEventListener("fetch", (event) => {
    const { request } = event;
    if (request.method !== "GET") return;
    const url = new URL(request.url);
    if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return;
    if (url.pathname.startsWith(RUNTIME_PATH)) {
      if (runtimeKept) event.respondWith(fromRuntime(request));
      return;
    }
    if (request.mode === "navigate") checkRuntime(); // a worker woken for a new visit
    const path = pathOf(url);
    if (request.mode === "navigate" || KEPT.has(path)) event.respondWith(answer(request, path));
  });
}
