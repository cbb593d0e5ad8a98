// The calculators' worker: starts Pyodide once, puts the calculators' wheel on Python's path
// and answers requests with calculators.web.respond (the same Python the build runs). Started
// by calculators.js as a module worker; every address is relative to this file, so the site
// works from any sub-path.
//
// The wheel is not installed with pyodide.loadPackage: it is downloaded beside the runtime,
// checked against the sha256 the lock file records (the browser's subresource integrity, as
// loadPackage does) and imported from the zip as it is (a wheel of bytecode is a valid entry
// of sys.path). Installing would unpack it with Python modules that are not yet imported at
// that point (tarfile, email, importlib.metadata: about 200 ms of a first start here).
//
// Messages out: {type: "download", name, total} when a request starts (total once known),
// {type: "progress", name, loaded, total} as bytes arrive, {type: "done", name} at the end,
// {type: "phase", phase} between steps, {type: "ready"}, {type: "failed", reason} when the
// runtime cannot start, and {type: "result", id, response} (or {type: "result", id, error})
// for each request {id, request}.
//
// Kept for the next visit (when the browser offers Cache Storage): the first start that
// reaches ready keeps every runtime file it used (the runtime, the lock file, the wheel) in
// one cache named by RUNTIME_SET, all or nothing, and beside them a memory snapshot of the
// interpreter, copied right after ready. Later starts read the set from there (the site's
// service worker answers the two module imports from it too, so this works offline) and
// restore the snapshot instead of starting Python afresh. The snapshot API is Pyodide's
// private one and is tied to one exact runtime build: a snapshot the runtime refuses is
// dropped (and not made again for this set) and the start goes on the normal way; a start
// from the kept set that fails drops the set.

const RUNTIME = new URL("../pyodide/", import.meta.url);
// Written by the build (macros/hooks/pyodide_assets.py): the folder holding the wheel and its
// lock file, named by their content, and the identity of the whole runtime set.
const PACKAGES = "calculators-unbuilt/";
const RUNTIME_SET = "unbuilt";
const PACKAGE_URL = new URL(PACKAGES, RUNTIME);
const LOCK_FILE = new URL("pyodide-lock.json", PACKAGE_URL);
const PACKAGE = "hiring-calculators"; // the wheel's entry in the lock file
const WHEELS = "/home/pyodide/wheels/"; // where the wheel is written in Python's file system
const KEPT = `hiring-guide-runtime-${RUNTIME_SET}`;
const KEPT_PREFIX = "hiring-guide-runtime-";
// Entries of the kept set that are never fetched (no such files): written and read here only.
const COMPLETE = new URL("kept/complete", RUNTIME).href;
const SNAPSHOT = new URL("kept/memory-snapshot", RUNTIME).href;
const NO_SNAPSHOT = new URL("kept/no-snapshot", RUNTIME).href;
const MODULES = ["pyodide.mjs", "pyodide.asm.mjs"]; // imported, not fetched: kept by a fetch after ready

// A retry asks for fresh copies under a new address: a stalled earlier request may still
// hold the browser's cache entry for the old one.
const ATTEMPT = Number(new URL(import.meta.url).searchParams.get("attempt")) || 1;
const post = (message) => self.postMessage(message);
let failed = false;
let kept = null; // the complete kept set this start reads from, or null
const fresh = new Map(); // address -> copy of each runtime file downloaded, kept once ready

function fail(reason) {
  if (failed) return;
  failed = true;
  post({ type: "failed", reason });
  // A kept set that did not start is not kept: the retry downloads afresh.
  if (kept) self.caches.delete(KEPT).catch(() => {});
}

function isRuntime(url) {
  return url.href.startsWith(RUNTIME.href);
}

function keyOf(url) {
  const key = new URL(url);
  key.search = "";
  return key.href;
}

// Count the bytes of every download the runtime makes so the page can show real progress,
// and report a missing file at once instead of waiting on a promise that never settles.
// Runtime files come from the kept set when there is one; the wheel and the lock file sit
// in a folder named by their content, so a rebuilt site never pairs a new wheel with an old
// lock file (Pyodide checks the wheel's hash against the lock file).
const networkFetch = self.fetch.bind(self);
self.fetch = async (resource, init = {}) => {
  const url = new URL(resource instanceof Request ? resource.url : String(resource), self.location.href);
  const name = decodeURIComponent(url.pathname.split("/").pop() || url.pathname);
  post({ type: "download", name, total: 0 });
  let response = kept && isRuntime(url) ? await kept.match(keyOf(url)) : undefined;
  if (!response) {
    if (ATTEMPT > 1 && isRuntime(url)) {
      url.searchParams.set("attempt", String(ATTEMPT));
      resource = url.href;
    }
    try {
      response = await networkFetch(resource, init);
    } catch (error) {
      fail(`${name} could not be downloaded or did not match its checksum.`);
      throw error;
    }
    if (!response.ok) {
      fail(`${name} could not be downloaded (HTTP ${response.status}).`);
      return response;
    }
    if (self.caches && isRuntime(url)) fresh.set(keyOf(url), response.clone());
  }
  if (!response.body) {
    post({ type: "done", name });
    return response;
  }
  const total = Number(response.headers.get("Content-Length")) || 0;
  post({ type: "download", name, total });
  let loaded = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      post({ type: "progress", name, loaded, total });
      controller.enqueue(chunk);
    },
    flush() {
      post({ type: "done", name });
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

// Pyodide only logs a failed wasm instantiation and never settles its load promise. While a
// snapshot is being restored, that ends the attempt instead (see restore()).
let onInstantiationFailed = () =>
  fail("The Python runtime could not start (its WebAssembly file is damaged or blocked).");
const warn = console.warn.bind(console);
console.warn = (...args) => {
  if (typeof args[0] === "string" && args[0].includes("wasm instantiation failed")) {
    onInstantiationFailed();
    return;
  }
  warn(...args);
};
self.addEventListener("unhandledrejection", (event) => {
  fail(`The Python runtime could not start: ${event.reason?.message ?? event.reason}`);
});

// ---- the kept set -----------------------------------------------------------------------

async function openKept() {
  if (!self.caches) return null;
  try {
    return (await self.caches.match(COMPLETE, { cacheName: KEPT })) ? await self.caches.open(KEPT) : null;
  } catch {
    return null; // storage refused (private mode, quota): start from the network
  }
}

// All or nothing: the files first, then the mark that makes the set usable.
async function keepSet() {
  const cache = await self.caches.open(KEPT);
  for (const name of MODULES) {
    const url = new URL(name, RUNTIME).href;
    if (!fresh.has(url)) fresh.set(url, await networkFetch(url, { cache: "force-cache" }));
  }
  for (const [url, response] of fresh) {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    await cache.put(url, response);
  }
  fresh.clear();
  await cache.put(COMPLETE, new Response(RUNTIME_SET));
  for (const name of await self.caches.keys()) {
    if (name.startsWith(KEPT_PREFIX) && name !== KEPT) await self.caches.delete(name);
  }
  new BroadcastChannel("hiring-guide-runtime").postMessage(KEPT); // the service worker answers from it now
  return cache;
}

// ---- the memory snapshot ----------------------------------------------------------------

async function readSnapshot(cache) {
  if (await cache.match(NO_SNAPSHOT)) return null;
  const stored = await cache.match(SNAPSHOT);
  return stored ? new Uint8Array(await stored.arrayBuffer()) : null;
}

async function restore(loadPyodide, options, snapshot) {
  const refused = new Promise((_, reject) => {
    onInstantiationFailed = () => reject(new Error("wasm instantiation failed"));
  });
  try {
    return await Promise.race([loadPyodide({ ...options, _loadSnapshot: snapshot }), refused]);
  } finally {
    onInstantiationFailed = () =>
      fail("The Python runtime could not start (its WebAssembly file is damaged or blocked).");
  }
}

// Python's memory once the calculators are imported. Only the imported modules are in it,
// not the wheel's file: a restored interpreter has it written again (see importCalculators).
function makeSnapshot(pyodide, heapAtStart) {
  // A heap that grew past its starting size does not restore (pyodide issue 6254).
  if (pyodide._module.HEAP8.length > heapAtStart) return null;
  return pyodide.makeMemorySnapshot();
}

// ---- the calculators' wheel -------------------------------------------------------------

// Subresource integrity wants the digest in base64; the lock file records it in hex.
function integrity(sha256) {
  const bytes = sha256.match(/../g).map((pair) => Number.parseInt(pair, 16));
  return `sha256-${btoa(String.fromCharCode(...bytes))}`;
}

// The wheel's bytes and its file name, downloaded while the runtime starts. A file that does
// not match its hash rejects the fetch, which reports it (see self.fetch above).
async function downloadPackage(lockFile) {
  const entry = (await lockFile).packages[PACKAGE];
  if (!entry) throw new Error(`the lock file has no entry for ${PACKAGE}`);
  const response = await self.fetch(new URL(entry.file_name, PACKAGE_URL).href, {
    integrity: integrity(entry.sha256),
  });
  if (!response.ok) throw new Error(`${entry.file_name}: HTTP ${response.status}`);
  return { name: entry.file_name, bytes: new Uint8Array(await response.arrayBuffer()) };
}

// Writes the wheel into Python's file system, puts it first on sys.path (once: a restored
// snapshot has it there already and needs only the file) and imports the calculators.
function importCalculators(pyodide, wheel) {
  pyodide.FS.mkdirTree(WHEELS);
  pyodide.FS.writeFile(WHEELS + wheel.name, wheel.bytes);
  const globals = pyodide.toPy({ WHEEL: WHEELS + wheel.name });
  try {
    pyodide.runPython("import sys\nif WHEEL not in sys.path: sys.path.insert(0, WHEEL)", { globals });
  } finally {
    globals.destroy();
  }
  try {
    return pyodide.pyimport("calculators.web");
  } catch (error) {
    console.error(error); // the traceback, for whoever opens the console
    throw new Error("the calculators' package could not be imported");
  }
}

// ---- starting and answering -------------------------------------------------------------

let respond = null;

async function start() {
  post({ type: "phase", phase: "downloading" });
  const imported = import(new URL("pyodide.mjs", RUNTIME).href).catch(() => {
    throw new Error(
      "its files could not be downloaded. Offline, a calculator works once it has run here with a connection.",
    );
  });
  kept = await openKept();
  const { loadPyodide } = await imported;
  // Both downloads start now, beside the runtime's; Pyodide reads the same lock file. Not
  // before the import: offline with nothing kept, that failure is the one that explains it.
  const lockFile = self.fetch(LOCK_FILE.href).then((response) => response.json());
  const wheel = downloadPackage(lockFile);
  wheel.catch(() => {}); // awaited below; reported by self.fetch, or by start's caller
  const options = {
    indexURL: RUNTIME.href,
    lockFileContents: lockFile,
    packageBaseUrl: PACKAGE_URL.href,
    stdout: () => {},
    stderr: () => {},
  };
  let pyodide = null;
  const snapshot = kept ? await readSnapshot(kept) : null;
  if (snapshot) {
    try {
      pyodide = await restore(loadPyodide, options, snapshot);
    } catch (error) {
      // Refused (another runtime build) or broken: never try this one again.
      await kept.delete(SNAPSHOT);
      await kept.put(NO_SNAPSHOT, new Response(String(error?.message ?? error)));
      post({ type: "phase", phase: "snapshot-refused" });
    }
  }
  const snapshotWanted = Boolean(self.caches) && !pyodide && !(kept && (await kept.match(NO_SNAPSHOT)));
  pyodide ??= await loadPyodide({ ...options, _makeSnapshot: snapshotWanted });
  const heapAtStart = pyodide._module.HEAP8.length;
  post({ type: "phase", phase: "installing" });
  const web = importCalculators(pyodide, await wheel);
  respond = web.respond;
  post({ type: "ready" });
  if (self.caches) await keepRuntime(pyodide, heapAtStart, snapshotWanted);
  // What the first answer would do first (read the figures, build the calculators), done
  // while the reader is still reading: a change 1.5 s after ready was answered in a median
  // 44 ms instead of 127 (7 runs). A Python error is left for that answer to report.
  try {
    web.prepare();
  } catch (error) {
    if (!(error instanceof pyodide.ffi.PythonError)) throw error;
  }
}

// Keeps the runtime set (on a start from the network) and the memory snapshot (when wanted).
async function keepRuntime(pyodide, heapAtStart, snapshotWanted) {
  // Copied at once, before the first answer: the heap has not grown yet (see makeSnapshot).
  let snapshotBytes = null;
  if (snapshotWanted) {
    try {
      snapshotBytes = makeSnapshot(pyodide, heapAtStart);
    } catch {
      snapshotBytes = null; // Pyodide would not copy this interpreter: no snapshot for this set
    }
  }
  const cache = kept ?? (await keepSet().catch(() => null));
  if (cache && snapshotWanted) {
    const entry = snapshotBytes ? [SNAPSHOT, new Response(snapshotBytes)] : [NO_SNAPSHOT, new Response("not made")];
    await cache.put(...entry).catch(() => {});
  }
}

self.addEventListener("message", (event) => {
  const { id, request } = event.data;
  if (!respond) {
    post({ type: "result", id, error: "not ready" });
    return;
  }
  try {
    post({ type: "result", id, response: respond(request) });
  } catch (error) {
    post({ type: "result", id, error: String(error?.message ?? error) });
  }
});

start().catch((error) => fail(`The Python runtime could not start: ${error?.message ?? error}`));
