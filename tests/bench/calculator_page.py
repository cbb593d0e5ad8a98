"""Benchmark (a script, not a test): the calculator page against the floor Pyodide sets.

    .venv/bin/python -m tests.bench.calculator_page [--runs 5]

Builds the site into a temporary folder, adds a bare "floor" page that starts the same
Pyodide in a module worker and computes 1 + 1, serves it on 127.0.0.1 and drives headless
Chromium through interleaved cold runs (a fresh browser context each, so nothing is
cached) of: (a) the floor page, (b) the loaded-cost page to data-state="ready", then the
time from an input change to the updated output, and (c) a guide page. It prints medians,
the ratio (b)/(a), the longest main-thread long task on the calculator page and the guide
page, and whether the guide page downloaded any Pyodide bytes.

Targets (issue 4): ready within 1.2x the floor; input to output under 50 ms; no long task
of the calculator's own over 50 ms beyond what the theme shows on a guide page.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from tests.support.browser import CHROMIUM_FLAGS
from tests.support.build import ROOT, build
from tests.support.server import serve

FLOOR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pyodide floor</title></head>
<body><p>Floor</p><script src="floor.js"></script></body></html>
"""
FLOOR_SCRIPT = """
const worker = new Worker(new URL("floor-worker.mjs", document.currentScript.src), { type: "module" });
worker.onmessage = (event) => { window.__done = performance.now(); window.__result = event.data; };
"""
FLOOR_WORKER = """
const runtime = new URL("../assets/pyodide/", import.meta.url).href;
const { loadPyodide } = await import(runtime + "pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: runtime });
self.postMessage(pyodide.runPython("1 + 1"));
"""
WATCH = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
new MutationObserver(() => {
  const form = document.querySelector("form[data-calculator]");
  if (form && form.dataset.state === "ready" && window.__readyAt === undefined) window.__readyAt = performance.now();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""
INPUT_TO_OUTPUT = """
async (value) => {
  const input = document.querySelector('[name="base_salary"]');
  const output = document.querySelector('[data-output="total_annual"]');
  const before = output.dataset.value;
  const changed = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const now = document.querySelector('[data-output="total_annual"]');
      if (now && now.dataset.value !== before) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(document.querySelector("[data-results]"), { subtree: true, childList: true, attributes: true });
  });
  const timeout = new Promise((resolve) => setTimeout(() => resolve(Number.NaN), 5000));
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  return (await Promise.race([changed, timeout])) - start;
}
"""


def _floor(browser: Browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "/bench/floor.html")
    page.wait_for_function("() => window.__done !== undefined", timeout=60_000)
    assert page.evaluate("window.__result") == 2
    done = float(page.evaluate("window.__done"))
    context.close()
    return done


def _calculator(browser: Browser, url: str, run: int) -> tuple[float, list[float], float]:
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(url + "/calculators/loaded-cost/")
    page.wait_for_function("() => window.__readyAt !== undefined", timeout=60_000)
    ready = float(page.evaluate("window.__readyAt"))
    latencies = [float(page.evaluate(INPUT_TO_OUTPUT, f"{100_500 + 1_000 * (run * 10 + i):,}")) for i in range(5)]
    page.wait_for_timeout(500)
    longest = max(page.evaluate("window.__longTasks") or [0.0])
    context.close()
    return ready, latencies, float(longest)


def _guide(browser: Browser, url: str) -> tuple[float, int]:
    context = browser.new_context()
    context.add_init_script(WATCH)
    pyodide_bytes: list[str] = []
    context.on("request", lambda request: pyodide_bytes.append(request.url) if "/pyodide/" in request.url else None)
    page = context.new_page()
    page.goto(url + "/red-flags/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    longest = max(page.evaluate("window.__longTasks") or [0.0])
    context.close()
    return float(longest), len(pyodide_bytes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="cold runs of each page (at least 5)")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        site = Path(scratch) / "site"
        done = build(ROOT, site)
        if done.returncode != 0:
            print(done.stderr[-4000:], file=sys.stderr)
            return 1
        bench = site / "bench"
        bench.mkdir()
        (bench / "floor.html").write_text(FLOOR_PAGE, encoding="utf-8")
        (bench / "floor.js").write_text(FLOOR_SCRIPT, encoding="utf-8")
        (bench / "floor-worker.mjs").write_text(FLOOR_WORKER, encoding="utf-8")
        floor: list[float] = []
        ready: list[float] = []
        latency: list[float] = []
        calc_tasks: list[float] = []
        guide_tasks: list[float] = []
        guide_pyodide = 0
        executable = shutil.which("chromium")
        with serve(site) as url, sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
            _floor(browser, url)  # warm the server and the OS file cache, not the browser's
            for run in range(runs):
                floor.append(_floor(browser, url))
                took, latencies, longest = _calculator(browser, url, run)
                ready.append(took)
                latency.extend(latencies)
                calc_tasks.append(longest)
                guide_longest, fetched = _guide(browser, url)
                guide_tasks.append(guide_longest)
                guide_pyodide += fetched
                print(
                    f"run {run + 1}: floor {floor[-1]:.0f} ms, calculator ready {took:.0f} ms, "
                    f"input->output {statistics.median(latencies):.1f} ms, longest task {longest:.0f} ms "
                    f"(guide page {guide_longest:.0f} ms)"
                )
            browser.close()
    floor_median, ready_median = statistics.median(floor), statistics.median(ready)
    print()
    print(f"(a) floor, Pyodide in a module worker computing 1 + 1: median {floor_median:.0f} ms")
    print(f"(b) calculator page to ready:                          median {ready_median:.0f} ms")
    print(f"    ratio (b)/(a): {ready_median / floor_median:.2f} (target <= 1.2)")
    print(f"    input -> output: median {statistics.median(latency):.1f} ms, max {max(latency):.1f} ms (target < 50)")
    print(
        f"(c) longest main-thread task: calculator page median {statistics.median(calc_tasks):.0f} ms, "
        f"guide page median {statistics.median(guide_tasks):.0f} ms"
    )
    print(f"    Pyodide requests from the guide page: {guide_pyodide}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
