// Keeps the guide readable offline after the first visit: registers the site's service
// worker (service-worker.js, at the site's root, which it serves as its scope).
//
// - It waits for the page to load and, on a calculator page, for the calculators to start
//   (or fail), so keeping the site never competes with what the reader is waiting for.
// - The build (macros/hooks/offline.py) turns it on. `mkdocs serve` leaves it off: then it
//   removes a worker left on the same address by a built site, so a preview never shows
//   kept pages.
// - When a new build takes over during a visit, the next link loads its page in full, so a
//   page is never shown with the scripts of another build.
(() => {
  "use strict";

  const ENABLED = false;
  const script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  const root = new URL("../../", script.src);
  const workerUrl = new URL("service-worker.js", root);
  const container = navigator.serviceWorker;

  if (!ENABLED) {
    container.getRegistration(root.href).then(async (registration) => {
      const worker = registration && (registration.active || registration.waiting || registration.installing);
      if (!worker || worker.scriptURL !== workerUrl.href) return;
      await registration.unregister();
      for (const name of await caches.keys()) if (name.startsWith("hiring-guide-")) await caches.delete(name);
    });
    return;
  }

  container.addEventListener("message", (event) => {
    if (event.data && event.data.type === "offline-failed") {
      console.warn(`The guide could not be kept for offline reading: ${event.data.reason}`);
    }
  });

  let controlled = Boolean(container.controller);
  let anotherBuild = false;
  container.addEventListener("controllerchange", () => {
    anotherBuild = controlled; // the first take-over is this build's own worker
    controlled = true;
  });
  // Material's instant navigation listens on the body; a link clicked after another build
  // took over is left to the browser, which loads the page and its scripts together.
  window.addEventListener(
    "click",
    (event) => {
      const link = anotherBuild && event.target instanceof Element && event.target.closest("a[href]");
      if (link && link.origin === location.origin && !link.target) event.stopPropagation();
    },
    true,
  );

  function register() {
    container.register(workerUrl, { scope: root.href, updateViaCache: "none" }).catch((error) => {
      console.warn(`The guide could not be kept for offline reading: ${error.message}`);
    });
  }

  // The calculators' forms say how their start went in data-state (see calculators.js).
  const SETTLED = new Set(["ready", "error"]);
  const WAIT_MS = 60000;

  function afterCalculators(then) {
    const forms = () => [...document.querySelectorAll("form[data-calculator]")];
    const settled = () => forms().every((form) => SETTLED.has(form.dataset.state));
    if (settled()) {
      then();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!settled()) return;
      observer.disconnect();
      clearTimeout(timer);
      then();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      then();
    }, WAIT_MS);
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  }

  const go = () => afterCalculators(register);
  if (document.readyState === "complete") go();
  else window.addEventListener("load", go, { once: true });
})();
