// Brings the calculators' forms to life. Loaded on every page; does nothing (and downloads
// nothing) on a page without a form[data-calculator].
//
// On a calculator page it starts ONE module worker per visit (it survives Material's
// instant navigation), shows real download progress, moves each form through
// data-state = loading -> ready (or error, with a Retry button), sends the reader's inputs
// to Python on change, swaps in the results HTML Python returns, shows field errors inline,
// and keeps the inputs in the address so a result can be shared. Values from the address
// or the form only ever go into .value / .textContent, never into HTML.
(() => {
  "use strict";

  const scriptUrl = document.currentScript && document.currentScript.src;
  if (!scriptUrl) return;
  const WORKER_URL = new URL("calculator-worker.mjs", scriptUrl);
  // Tests and the benchmark may shorten these before the page loads (window.calculatorConfig).
  // stallMs: no byte for this long while a download is open is a stall. startMs: the bound
  // on the steps with no download open (compiling the runtime, starting Python).
  const defaults = { stallMs: 20000, startMs: 30000, computeMs: 8000, debounceMs: 100 };
  const setting = (name) => (window.calculatorConfig && window.calculatorConfig[name]) || defaults[name];

  const forms = new Set();
  const bound = new WeakSet();
  const runtime = {
    worker: null,
    state: "idle", // idle | loading | ready | error
    message: "",
    downloads: new Map(),
    active: new Set(), // downloads open right now
    stallTimer: 0,
    pending: new Map(),
    nextId: 1,
    drawQueued: false,
  };

  // ---- the runtime (one worker per visit) ----------------------------------------------

  function unsupported() {
    if (location.protocol === "file:") {
      return "The calculator needs the site to be served over the web; it cannot run from a file on disk.";
    }
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      return "This browser cannot run the calculator (it needs WebAssembly and Web Workers).";
    }
    return "";
  }

  function armStallTimer() {
    clearTimeout(runtime.stallTimer);
    const downloading = runtime.active.size > 0;
    runtime.stallTimer = setTimeout(() => {
      fail(
        downloading
          ? "The download stalled: nothing arrived for a while. Check the connection and retry."
          : "The calculator took too long to start.",
      );
    }, setting(downloading ? "stallMs" : "startMs"));
  }

  function start() {
    const reason = unsupported();
    if (reason) {
      runtime.state = "error";
      runtime.message = reason;
      runtime.retry = false;
      redraw();
      return;
    }
    runtime.state = "loading";
    runtime.message = "";
    runtime.retry = true;
    runtime.downloads = new Map();
    runtime.active = new Set();
    let worker;
    try {
      runtime.attempt = (runtime.attempt || 0) + 1;
      const url = new URL(WORKER_URL);
      if (runtime.attempt > 1) url.searchParams.set("attempt", String(runtime.attempt));
      worker = new Worker(url, { type: "module" });
    } catch (error) {
      fail("The calculator could not start in this browser.");
      return;
    }
    runtime.worker = worker;
    worker.addEventListener("message", (event) => {
      if (runtime.worker === worker) onWorkerMessage(event.data);
    });
    worker.addEventListener("error", (event) => {
      if (runtime.worker !== worker) return;
      event.preventDefault();
      if (runtime.state === "ready") replace("The calculator stopped unexpectedly; it is restarting.");
      else fail("The calculator could not start: one of its files is missing or broken.");
    });
    armStallTimer();
    redraw();
  }

  function stop() {
    clearTimeout(runtime.stallTimer);
    if (runtime.worker) runtime.worker.terminate();
    runtime.worker = null;
    for (const { reject, timer } of runtime.pending.values()) {
      clearTimeout(timer);
      reject(new Error("stopped"));
    }
    runtime.pending.clear();
  }

  function fail(message) {
    stop();
    runtime.state = "error";
    runtime.message = message;
    redraw();
  }

  // A worker that crashed or hung on one computation: start a fresh one; the next input works.
  function replace(message) {
    stop();
    runtime.replaced = true; // do not resend the inputs that broke it; the next input goes
    runtime.state = "error";
    runtime.message = message;
    redraw();
    start();
  }

  function onWorkerMessage(message) {
    switch (message.type) {
      case "download":
      case "progress":
        runtime.active.add(message.name);
        runtime.downloads.set(message.name, { loaded: message.loaded || 0, total: message.total || 0 });
        armStallTimer();
        queueRedraw();
        break;
      case "done":
        runtime.active.delete(message.name);
        armStallTimer();
        break;
      case "phase":
        armStallTimer();
        break;
      case "ready":
        clearTimeout(runtime.stallTimer);
        runtime.state = "ready";
        redraw();
        if (!runtime.replaced) for (const form of forms) form.onReady();
        runtime.replaced = false;
        break;
      case "failed":
        fail(message.reason);
        break;
      case "result": {
        const entry = runtime.pending.get(message.id);
        if (!entry) break;
        runtime.pending.delete(message.id);
        clearTimeout(entry.timer);
        if (message.error) entry.reject(new Error(message.error));
        else entry.resolve(JSON.parse(message.response));
        break;
      }
      default:
        break;
    }
  }

  function compute(request) {
    return new Promise((resolve, reject) => {
      if (runtime.state !== "ready" || !runtime.worker) {
        reject(new Error("not ready"));
        return;
      }
      const id = runtime.nextId++;
      const timer = setTimeout(() => {
        runtime.pending.delete(id);
        reject(new Error("timeout"));
        replace("The calculator stopped responding; it is restarting.");
      }, setting("computeMs"));
      runtime.pending.set(id, { resolve, reject, timer });
      runtime.worker.postMessage({ id, request: JSON.stringify(request) });
    });
  }

  function megabytes(bytes) {
    return (bytes / 1e6).toFixed(1);
  }

  function queueRedraw() {
    if (runtime.drawQueued) return;
    runtime.drawQueued = true;
    requestAnimationFrame(() => {
      runtime.drawQueued = false;
      redraw();
    });
  }

  function redraw() {
    for (const form of forms) form.showRuntime();
  }

  // ---- one form ------------------------------------------------------------------------

  class CalculatorForm {
    constructor(form, prefix) {
      this.form = form;
      this.name = form.dataset.calculator;
      this.prefix = prefix;
      this.controls = new Map();
      for (const field of form.querySelectorAll("[data-field]")) {
        const control = field.querySelector("input, select");
        if (control) this.controls.set(field.dataset.field, control);
      }
      this.touched = new Map(); // field -> list of raw values the reader (or the address) set
      this.latest = 0;
      this.debounce = 0;
      this.results = form.querySelector("[data-results]");
      this.statusText = form.querySelector("[data-status-text]");
      this.progress = form.querySelector("[data-progress]");
      this.retryButton = form.querySelector("[data-retry]");
      this.announcer = form.querySelector("[data-announce]");

      form.addEventListener("submit", (event) => event.preventDefault());
      form.addEventListener("input", (event) => {
        if (!this.isControl(event.target) || event.target.type === "checkbox") return;
        this.touch(event.target);
        this.showApplicable();
        clearTimeout(this.debounce);
        this.debounce = setTimeout(() => this.update(true), setting("debounceMs"));
      });
      form.addEventListener("change", (event) => {
        if (!this.isControl(event.target)) return;
        this.touch(event.target);
        this.showApplicable();
        clearTimeout(this.debounce);
        this.update(true);
      });
      this.retryButton.addEventListener("click", () => {
        stop();
        start();
      });
      this.restore();
      this.showApplicable();
      const compare = form.querySelector("[data-compare]");
      if (compare) this.comparison = new Comparison(this, compare);
    }

    // A field that counts only for some values of another (data-applies-if="country=us gb"),
    // written by Python, is hidden while that field holds another value. Nothing is computed here.
    showApplicable() {
      for (const field of this.form.querySelectorAll("[data-applies-if]")) {
        const [name, values] = field.dataset.appliesIf.split("=");
        const control = this.controls.get(name);
        if (control) field.hidden = !values.split(" ").includes(control.value);
      }
    }

    isControl(element) {
      return element && element.name && this.controls.get(element.name) === element;
    }

    rawValue(control) {
      if (control.type === "checkbox") return control.checked ? "yes" : "no";
      return control.value;
    }

    touch(control) {
      this.touched.set(control.name, [this.rawValue(control)]);
    }

    restore() {
      // Fields of the worked example count as set by the reader, so the live result starts
      // from the same example the page shows; the address overrides them.
      for (const [name, control] of this.controls) {
        if (control.hasAttribute("data-preset")) this.touched.set(name, [this.rawValue(control)]);
      }
      const params = new URLSearchParams(location.search);
      for (const [name, control] of this.controls) {
        const values = params.getAll(this.prefix + name);
        if (!values.length) continue;
        this.touched.set(name, values);
        this.setControl(control, values[0]);
      }
      if (this.touched.size) this.form.dataset.stale = "";
    }

    setControl(control, text) {
      if (control.type === "checkbox") control.checked = /^(yes|y|true|on|1)$/i.test(text.trim());
      else control.value = text;
    }

    request() {
      const fields = [];
      for (const [name, values] of this.touched) for (const value of values) fields.push([name, value]);
      return { calculator: this.name, fields, sources_href: this.form.dataset.sourcesHref || "" };
    }

    writeAddress() {
      const params = new URLSearchParams(location.search);
      for (const name of this.controls.keys()) params.delete(this.prefix + name);
      for (const [name, values] of this.touched) for (const value of values) params.append(this.prefix + name, value);
      const query = params.toString();
      const address = location.pathname + (query ? `?${query}` : "") + location.hash;
      if (address !== location.pathname + location.search + location.hash) {
        history.replaceState(history.state, "", address);
      }
    }

    onReady() {
      if (this.touched.size) this.update(false);
      if (this.comparison) this.comparison.draw();
    }

    async update(fromReader) {
      if (fromReader) this.writeAddress();
      if (runtime.state !== "ready") {
        this.form.dataset.stale = "";
        return;
      }
      const id = ++this.latest;
      let response;
      try {
        response = await compute(this.request());
      } catch (error) {
        if (id === this.latest) this.form.dataset.stale = "";
        return;
      }
      if (id !== this.latest || !this.form.isConnected) return;
      if (response.ok) this.showResult(response);
      else this.showErrors(response.errors);
    }

    showResult(response) {
      for (const [name, control] of this.controls) {
        if (!this.touched.has(name) && name in response.fields) this.setControl(control, response.fields[name]);
      }
      this.showApplicable();
      this.showErrors({});
      // The HTML comes from calculators.html.results_panel, which escapes every value.
      this.results.innerHTML = response.html;
      delete this.form.dataset.stale;
      const first = this.results.querySelector("[data-output]");
      const label = first && first.closest(".calc-output")?.querySelector("dt");
      if (first) {
        this.announcer.textContent = `${label ? label.firstChild.textContent : ""}: ${first.textContent}`;
      }
    }

    showErrors(errors) {
      let general = [];
      for (const [name, message] of Object.entries(errors)) {
        if (!this.controls.has(name)) general.push(message);
      }
      for (const slot of this.form.querySelectorAll("[data-error-for]")) {
        const name = slot.dataset.errorFor;
        const message = name ? errors[name] : general.join(" ");
        const control = name ? this.controls.get(name) : null;
        slot.textContent = message || "";
        slot.hidden = !message;
        if (!control) continue;
        const described = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && id !== slot.id);
        if (message) {
          control.setAttribute("aria-invalid", "true");
          described.push(slot.id);
        } else {
          control.removeAttribute("aria-invalid");
        }
        control.setAttribute("aria-describedby", described.join(" "));
      }
      const messages = Object.values(errors);
      if (messages.length) {
        this.form.dataset.stale = "";
        this.announcer.textContent = messages[0];
      }
    }

    showRuntime() {
      const { state } = runtime;
      this.form.dataset.state = state === "idle" ? "static" : state;
      this.retryButton.hidden = !(state === "error" && runtime.retry !== false && !runtime.worker);
      this.progress.hidden = state !== "loading";
      if (state === "loading") {
        let loaded = 0;
        let total = 0;
        for (const item of runtime.downloads.values()) {
          loaded += item.loaded;
          total += Math.max(item.total, item.loaded);
        }
        if (total) {
          this.progress.max = total;
          this.progress.value = loaded;
          this.statusText.textContent = `Loading the calculator: ${megabytes(loaded)} of ${megabytes(total)} MB.`;
        } else {
          this.progress.removeAttribute("value");
          this.statusText.textContent = "Loading the calculator…";
        }
      } else if (state === "ready") {
        this.statusText.textContent = "Ready: change any figure and the results follow.";
      } else if (state === "error") {
        this.statusText.textContent = `${runtime.message} The results below are the worked example with the starting figures.`;
      }
    }
  }

  // ---- results side by side (the scorecard's candidates) --------------------------------
  //
  // The reader adds the form's current fields as one entry; Python scores every entry and
  // returns the table (HTML, escaped) and the same table as CSV. Entries stay in this tab
  // (sessionStorage) and nowhere else.

  class Comparison {
    constructor(calculator, section) {
      this.calculator = calculator;
      this.key = `compare:${calculator.name}`;
      this.table = section.querySelector("[data-compare-table]");
      this.status = section.querySelector("[data-compare-status]");
      this.entries = this.load();
      this.csv = "";
      section.querySelector("[data-compare-add]").addEventListener("click", () => this.add());
      section.querySelector("[data-compare-clear]").addEventListener("click", () => this.clear());
      section.querySelector("[data-compare-csv]").addEventListener("click", () => this.download());
    }

    load() {
      try {
        const stored = JSON.parse(sessionStorage.getItem(this.key) || "[]");
        return Array.isArray(stored) ? stored : [];
      } catch {
        return [];
      }
    }

    save() {
      try {
        sessionStorage.setItem(this.key, JSON.stringify(this.entries));
      } catch {
        // storage refused (private mode): the comparison lasts until the page changes
      }
    }

    async add() {
      const { fields } = this.calculator.request();
      this.entries.push(fields);
      const shown = await this.draw();
      if (!shown) this.entries.pop();
      this.save();
    }

    clear() {
      this.entries = [];
      this.save();
      this.draw();
    }

    async draw() {
      if (runtime.state !== "ready") return false;
      if (!this.entries.length) {
        this.table.textContent = "";
        this.csv = "";
        this.status.textContent = "No one added yet.";
        return true;
      }
      let response;
      try {
        response = await compute({ calculator: this.calculator.name, compare: this.entries });
      } catch {
        this.status.textContent = "The comparison could not be computed; try again.";
        return false;
      }
      if (!response.ok) {
        this.status.textContent = Object.values(response.errors).join(" ");
        return false;
      }
      // The HTML comes from calculators.html.table_html, which escapes every value.
      this.table.innerHTML = response.html;
      this.csv = response.csv;
      this.status.textContent = `${response.count} side by side.`;
      return true;
    }

    download() {
      if (!this.csv) {
        this.status.textContent = "Add someone first: there is nothing to export yet.";
        return;
      }
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([this.csv], { type: "text/csv;charset=utf-8" }));
      link.download = `${this.calculator.name}-comparison.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 0);
    }
  }

  // ---- wiring: every page (Material's instant navigation replaces the page) -------------

  function attach() {
    for (const form of forms) if (!form.form.isConnected) forms.delete(form);
    const found = [...document.querySelectorAll("form[data-calculator]")];
    const shared = found.length > 1;
    for (const element of found) {
      if (bound.has(element)) continue;
      bound.add(element);
      const prefix = element.dataset.urlPrefix || (shared ? `${element.dataset.calculator}.` : "");
      const controller = new CalculatorForm(element, prefix);
      forms.add(controller);
      controller.showRuntime();
      if (runtime.state === "ready") controller.onReady();
    }
    if (found.length && runtime.state === "idle") start();
  }

  // On a full page load the forms are already parsed when this script runs (it sits at the
  // end of the body, and it loads async): start the runtime now instead of waiting for the
  // theme's document$, which emits a few hundred milliseconds later.
  if (document.querySelector("form[data-calculator]")) start();

  // The script loads async, so the theme's bundle may not have run yet; it has by the time
  // the document is parsed.
  function hook() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(attach);
    else attach();
  }
  if (window.document$ || document.readyState !== "loading") hook();
  else document.addEventListener("DOMContentLoaded", hook);
})();
