// Brings the calculators' forms to life. Loaded on every page; does nothing (and downloads
// nothing) on a page without a form[data-calculator].
//
// On a calculator page it starts ONE module worker per visit (it survives Material's
// instant navigation), shows real download progress, moves each form through
// data-state = loading -> ready (or error, with a Retry button), sends the reader's inputs
// to Python on change, swaps in the results HTML Python returns, shows field errors inline,
// and keeps the inputs in the address so a result can be shared. Values from the address
// or the form only ever go into .value / .textContent, never into HTML.
//
// It computes nothing: the answer the results open with, the phone's answer bar (a copy of
// that answer, as text) and the scenarios table all come from Python; this file moves inputs
// to the worker and puts what Python returns into the page.
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
      startSearch();
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
    startSearch();
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
        setTimeout(startSearch, SEARCH_AFTER_READY_MS);
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
      this.lastFields = null; // every input as text, from Python's last result
      const scenarios = form.querySelector("[data-scenario-save]");
      if (scenarios) this.scenarios = new Scenarios(this, scenarios.closest("section"));
      this.restore();
      this.showApplicable();
      const compare = form.querySelector("[data-compare]");
      if (compare) this.comparison = new Comparison(this, compare);
      this.bar = form.querySelector("[data-answer-bar]");
      if (this.bar) this.watchEditing();
    }

    // ---- the phone's answer bar: a copy of the answer while a field is being edited --------

    watchEditing() {
      this.barText = this.bar.querySelector("[data-answer-bar-text]");
      this.editing = false;
      this.form.addEventListener("focusin", (event) => {
        if (!this.isControl(event.target)) return;
        this.editing = true;
        this.placeBar();
      });
      this.form.addEventListener("focusout", (event) => {
        const next = event.relatedTarget;
        if (this.isControl(next) || (next && this.bar.contains(next))) return;
        this.editing = false;
        this.placeBar();
      });
    }

    placeBar() {
      if (!this.bar) return;
      const view = window.visualViewport;
      const bottom = view ? view.offsetTop + view.height : window.innerHeight;
      let show = false;
      if (this.editing) {
        const answer = this.results.querySelector("[data-answer]");
        const header = document.querySelector(".md-header");
        const top = header ? header.getBoundingClientRect().bottom : 0;
        const box = answer && answer.getBoundingClientRect();
        show = Boolean(box) && (box.top < top || box.bottom > bottom);
      }
      if (this.bar.hidden === show) this.bar.hidden = !show;
      // Above the on-screen keyboard: the layout viewport's bottom is under it.
      const keyboard = Math.max(0, Math.round(window.innerHeight - bottom));
      this.bar.style.setProperty("--calc-keyboard", `${keyboard}px`);
      // The field being edited stays visible above the bar.
      const active = document.activeElement;
      if (show && this.isControl(active)) {
        const overlap = active.getBoundingClientRect().bottom - this.bar.getBoundingClientRect().top;
        if (overlap > -8) window.scrollBy(0, overlap + 8);
      }
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
        if (control.hasAttribute("data-private")) continue; // never read from (or written to) the address
        const values = params.getAll(this.prefix + name);
        if (!values.length) continue;
        this.touched.set(name, values);
        this.setControl(control, values[0]);
        const folded = control.closest("details");
        if (folded) folded.open = true; // a value from the address shows where it is
      }
      if (this.scenarios) this.scenarios.restore(params);
      if (this.touched.size || (this.scenarios && this.scenarios.pending())) this.form.dataset.stale = "";
    }

    // The parameters of this form's kept scenarios in the address (sN.field, after the prefix).
    isScenarioKey(key) {
      return key.startsWith(this.prefix) && /^s[0-9]+\./.test(key.slice(this.prefix.length));
    }

    setControl(control, text) {
      if (control.type === "checkbox") control.checked = /^(yes|y|true|on|1)$/i.test(text.trim());
      else control.value = text;
    }

    request() {
      const fields = [];
      for (const [name, values] of this.touched) for (const value of values) fields.push([name, value]);
      const request = { calculator: this.name, fields, sources_href: this.form.dataset.sourcesHref || "" };
      if (this.scenarios) request.scenarios = this.scenarios.parameters();
      return request;
    }

    // Every input as text, for keeping as a scenario: Python's last result, else the fields.
    currentFields() {
      if (this.lastFields) return Object.entries(this.lastFields);
      return [...this.controls].map(([name, control]) => [name, this.rawValue(control)]);
    }

    writeAddress() {
      const params = new URLSearchParams(location.search);
      for (const name of this.controls.keys()) params.delete(this.prefix + name);
      for (const [name, values] of this.touched) {
        if (this.controls.get(name).hasAttribute("data-private")) continue;
        for (const value of values) params.append(this.prefix + name, value);
      }
      if (this.scenarios) {
        for (const key of [...params.keys()]) if (this.isScenarioKey(key)) params.delete(key);
        for (const [key, value] of this.scenarios.parameters()) params.append(this.prefix + key, value);
      }
      const query = params.toString();
      const address = location.pathname + (query ? `?${query}` : "") + location.hash;
      if (address !== location.pathname + location.search + location.hash) {
        history.replaceState(history.state, "", address);
      }
    }

    onReady() {
      if (this.touched.size || (this.scenarios && this.scenarios.pending())) this.update(false);
      if (this.comparison) this.comparison.draw();
    }

    // Answers to requests sent before now are out of date: they are dropped when they arrive,
    // and the form shows it is waiting for the next one.
    supersede() {
      this.latest += 1;
      this.form.dataset.stale = "";
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
      this.lastFields = response.fields;
      // The answer is announced once, through the one live region (the answer itself and the
      // bar are not live), and only when it says something new.
      const answer = this.results.querySelector("[data-answer]");
      const text = answer ? answer.textContent : "";
      if (text && this.announcer.textContent !== text) this.announcer.textContent = text;
      if (this.barText) this.barText.textContent = text;
      this.placeBar();
      if (this.scenarios) this.scenarios.show(response.scenarios);
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
        const folded = message && slot.closest("details");
        if (folded) folded.open = true; // an error in a folded group shows
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

  // ---- scenarios: kept inputs side by side ---------------------------------------------
  //
  // A scenario is every input as text plus a name; the page keeps them in the address
  // (sN.field=value, sN.name=...) and sends them with every request. Python reads them
  // (ignoring, with a note, what it cannot), computes each one and returns the table with the
  // differences, and the scenarios as it read them, which become the page's list.

  class Scenarios {
    constructor(calculator, section) {
      this.calculator = calculator;
      this.saveButton = section.querySelector("[data-scenario-save]");
      this.max = Number(this.saveButton.dataset.scenarioSave) || 3;
      this.list = section.querySelector("[data-scenario-list]");
      this.status = section.querySelector("[data-scenario-status]");
      this.view = section.querySelector("[data-scenario-view]");
      this.kept = []; // [{name, fields: [[name, text], ...]}], as Python last read them
      this.fromAddress = null; // the address's parameters, until Python has read them
      this.typing = 0;
      this.saveButton.addEventListener("click", () => this.save());
      this.list.addEventListener("input", (event) => {
        const number = Number(event.target.dataset.scenarioName);
        if (!number || !this.kept[number - 1]) return;
        this.kept[number - 1].name = event.target.value;
        // An answer already on its way carries the name as it was: it must not bring it back.
        this.calculator.supersede();
        clearTimeout(this.typing);
        this.typing = setTimeout(() => this.calculator.update(true), setting("debounceMs"));
      });
      this.list.addEventListener("click", (event) => {
        const button = event.target.closest("[data-scenario-remove]");
        if (!button) return;
        const number = Number(button.dataset.scenarioRemove);
        const [gone] = this.kept.splice(number - 1, 1);
        this.drawList();
        this.status.textContent = gone ? `Removed “${gone.name}”.` : "";
        this.calculator.update(true);
      });
    }

    restore(params) {
      const found = [];
      for (const [key, value] of params) {
        if (this.calculator.isScenarioKey(key)) found.push([key.slice(this.calculator.prefix.length), value]);
      }
      this.fromAddress = found.length ? found : null;
    }

    pending() {
      return Boolean(this.fromAddress);
    }

    parameters() {
      if (this.fromAddress) return this.fromAddress;
      const params = [];
      this.kept.forEach((scenario, index) => {
        params.push([`s${index + 1}.name`, scenario.name]);
        for (const [name, text] of scenario.fields) params.push([`s${index + 1}.${name}`, text]);
      });
      return params;
    }

    save() {
      if (this.kept.length >= this.max) {
        this.status.textContent = `At most ${this.max} scenarios are kept: remove one first.`;
        return;
      }
      const fields = this.calculator
        .currentFields()
        .filter(([name]) => !this.calculator.controls.get(name)?.hasAttribute("data-private"));
      const name = `Scenario ${this.kept.length + 1}`;
      this.kept.push({ name, fields });
      this.drawList();
      this.status.textContent = `Kept as “${name}”. Change any figure to compare.`;
      this.calculator.update(true);
    }

    // Python's reading of the scenarios: the list follows it (names the reader is typing stay).
    show(answer) {
      if (!answer) return;
      this.fromAddress = null;
      const count = this.kept.length;
      this.kept = answer.kept.map((scenario, index) => ({
        name: this.isTyping(index + 1) ? this.kept[index].name : scenario.name,
        fields: scenario.fields,
      }));
      if (this.kept.length !== count || !this.list.children.length) this.drawList();
      // The HTML comes from calculators.scenarios, which escapes every value (names included).
      this.view.innerHTML = answer.html;
      this.view.hidden = !answer.html;
    }

    isTyping(number) {
      const active = document.activeElement;
      return Boolean(active && this.list.contains(active) && Number(active.dataset.scenarioName) === number);
    }

    drawList() {
      const base = `${this.calculator.form.id}-scenario`;
      const items = this.kept.map((scenario, index) => {
        const number = index + 1;
        const item = document.createElement("li");
        const label = document.createElement("label");
        label.htmlFor = `${base}-${number}`;
        label.textContent = `Name of scenario ${number}`;
        const input = document.createElement("input");
        input.type = "text";
        input.id = `${base}-${number}`;
        input.maxLength = Number(this.list.dataset.scenarioList) || 60;
        input.autocomplete = "off";
        input.value = scenario.name; // text, never markup
        input.dataset.scenarioName = String(number);
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "md-button";
        remove.dataset.scenarioRemove = String(number);
        remove.textContent = "Remove";
        remove.setAttribute("aria-label", `Remove scenario ${number}`);
        item.append(label, input, " ", remove);
        return item;
      });
      this.list.replaceChildren(...items);
      this.saveButton.disabled = this.kept.length >= this.max;
      if (!this.kept.length) {
        this.view.textContent = "";
        this.view.hidden = true;
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

  // ---- the answer bars follow scrolling, resizing and the on-screen keyboard -------------

  let barQueued = false;
  function queueBars() {
    if (barQueued) return;
    barQueued = true;
    requestAnimationFrame(() => {
      barQueued = false;
      for (const form of forms) form.placeBar();
    });
  }
  window.addEventListener("scroll", queueBars, { passive: true });
  window.addEventListener("resize", queueBars);
  if (window.visualViewport) {
    window.visualViewport.addEventListener("resize", queueBars);
    window.visualViewport.addEventListener("scroll", queueBars);
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

  // Material's search index is built once the page has settled (assets/js/search-worker.js
  // waits for this): a second after the calculators are ready, so that it does not compete with
  // their first answers, or once they have failed; once a page without them is idle after
  // loading; and at once when the reader opens search.
  const SEARCH_AFTER_READY_MS = 1000;
  const searchIndex = typeof BroadcastChannel === "function" ? new BroadcastChannel("search-index") : null;
  function startSearch() {
    searchIndex?.postMessage("go");
  }
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches("[data-md-component=search-query]")) startSearch();
  });
  function whenSettled() {
    if (document.querySelector("form[data-calculator]")) return; // startSearch() on ready or failure
    if (typeof requestIdleCallback === "function") requestIdleCallback(startSearch, { timeout: 2000 });
    else setTimeout(startSearch, 500);
  }
  if (document.readyState === "complete") whenSettled();
  else window.addEventListener("load", whenSettled, { once: true });

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
