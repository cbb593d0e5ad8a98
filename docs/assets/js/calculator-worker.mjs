// The calculators' worker: starts Pyodide once, installs the calculators' wheel and answers
// requests with calculators.web.respond (the same Python the build runs). Started by
// calculators.js as a module worker; every address is relative to this file, so the site
// works from any sub-path.
//
// Messages out: {type: "download", name, total} when a request starts (total once known),
// {type: "progress", name, loaded, total} as bytes arrive, {type: "done", name} at the end,
// {type: "phase", phase} between steps, {type: "ready"}, {type: "failed", reason} when the
// runtime cannot start, and {type: "result", id, response} (or {type: "result", id, error})
// for each request {id, request}.

const RUNTIME = new URL("../pyodide/", import.meta.url);
// A retry asks for fresh copies under a new address: a stalled earlier request may still
// hold the browser's cache entry for the old one.
const ATTEMPT = Number(new URL(import.meta.url).searchParams.get("attempt")) || 1;
const post = (message) => self.postMessage(message);
let failed = false;

function fail(reason) {
  if (failed) return;
  failed = true;
  post({ type: "failed", reason });
}

// Count the bytes of every download the runtime makes so the page can show real progress,
// and report a missing file at once instead of waiting on a promise that never settles.
// The lock file and the wheel are revalidated, so a rebuilt site is never paired with a
// stale cached copy (Pyodide checks the wheel's hash against the lock file).
const networkFetch = self.fetch.bind(self);
self.fetch = async (resource, init = {}) => {
  const url = new URL(resource instanceof Request ? resource.url : String(resource), self.location.href);
  const name = decodeURIComponent(url.pathname.split("/").pop() || url.pathname);
  const options = /\.(json|whl)$/.test(name) ? { ...init, cache: "no-cache" } : init;
  if (ATTEMPT > 1 && url.href.startsWith(RUNTIME.href)) {
    url.searchParams.set("attempt", String(ATTEMPT));
    resource = url.href;
  }
  post({ type: "download", name, total: 0 });
  let response;
  try {
    response = await networkFetch(resource, options);
  } catch (error) {
    fail(`${name} could not be downloaded or did not match its checksum.`);
    throw error;
  }
  if (!response.ok) {
    fail(`${name} could not be downloaded (HTTP ${response.status}).`);
    return response;
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

// Pyodide only logs a failed wasm instantiation and never settles its load promise.
const warn = console.warn.bind(console);
console.warn = (...args) => {
  if (typeof args[0] === "string" && args[0].includes("wasm instantiation failed")) {
    fail("The Python runtime could not start (its WebAssembly file is damaged or blocked).");
  }
  warn(...args);
};
self.addEventListener("unhandledrejection", (event) => {
  fail(`The Python runtime could not start: ${event.reason?.message ?? event.reason}`);
});

let respond = null;

async function start() {
  post({ type: "phase", phase: "downloading" });
  const { loadPyodide } = await import(new URL("pyodide.mjs", RUNTIME).href);
  const pyodide = await loadPyodide({
    indexURL: RUNTIME.href,
    lockFileURL: new URL("pyodide-lock.json", RUNTIME).href,
    packageBaseUrl: RUNTIME.href,
    stdout: () => {},
    stderr: () => {},
  });
  post({ type: "phase", phase: "installing" });
  const problems = [];
  await pyodide.loadPackage("hiring-calculators", {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  // loadPackage can resolve even when the install failed: the import is the real check.
  try {
    respond = pyodide.pyimport("calculators.web").respond;
  } catch {
    throw new Error(problems.join(" ") || "the calculators' package did not install");
  }
  post({ type: "ready" });
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
