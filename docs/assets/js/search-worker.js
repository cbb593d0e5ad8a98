// Material's search worker, started once the page has settled or the reader opens search.
//
// Material starts its search worker as every page loads and builds the whole search index in
// it at once. On a two-core machine that competed with the calculators' Python starting: about
// 0.3 s of a 4 s first visit to a calculator page. Material creates this worker instead
// (docs/overrides/main.html names it in the page's configuration; macros/hooks/search_worker.py
// writes Material's own worker's name below). It holds what Material sends until a page script
// says "go" on the "search-index" channel (calculators.js: a second after the calculators are
// ready or once they have failed, once a page without them is idle, and at once when the
// reader opens search), then runs Material's worker and hands it those messages in order. It
// reads none of them.
"use strict";
(() => {
  const MATERIAL_WORKER = "";
  if (!MATERIAL_WORKER) throw new Error("Material's search worker is not named: the build did not run its hooks");
  const material = new URL(MATERIAL_WORKER, self.location.href).href;
  const held = [];
  const hold = (event) => held.push(event.data);
  self.addEventListener("message", hold);
  let started = false;
  function start() {
    if (started) return;
    started = true;
    self.removeEventListener("message", hold);
    importScripts(material);
    for (const data of held) self.dispatchEvent(new MessageEvent("message", { data }));
  }
  // Should no page script say so (one failed to load), search still starts, only later.
  setTimeout(start, 10000);
  if (typeof BroadcastChannel === "function") new BroadcastChannel("search-index").onmessage = start;
  else start();
})();
