"""Offline after the first visit: the service worker and the kept runtime.

Playwright's ``set_offline`` does not cut a service worker's own requests, so "offline" here
is the real thing: the local server is stopped, and the same browser context (its service
worker and caches) goes on at the same address. A new build is another site served on the
same port.
"""

from __future__ import annotations

import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Request

from calculators.web import handle
from macros.hooks.offline import write_manifest
from tests.browser.conftest import Session
from tests.support.offline import (
    COMPLETE,
    NO_SNAPSHOT,
    PAGES_PREFIX,
    RUNTIME_PREFIX,
    SNAPSHOT,
    STALE_SNAPSHOT,
    kept,
    wait_settled,
    wait_until,
)
from tests.support.server import serve
from tests.support.weight import category

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "/calculators/loaded-cost/"
GUIDE = "/red-flags/"  # a guide page with no calculator
FETCHED = "async (url) => { const r = await fetch(url); return [r.status, (await r.blob()).size]; }"
STALE_RUNTIME = "async () => (await caches.open('hiring-guide-runtime-stale')).put('x', new Response(''))"
# The old build's caches are gone and the new build's pages are kept.
REPLACED = """async (old) => {
  const names = await caches.keys();
  return !names.some((name) => old.includes(name) || name.endsWith("stale"))
    && names.some((name) => name.startsWith("hiring-guide-pages-"));
}"""


def expected(**fields: str) -> float:
    answer = handle({"calculator": "loaded-cost", "fields": [[k, v] for k, v in fields.items()]})
    value = answer["outputs"]["total_annual"]
    assert isinstance(value, float)
    return value


@pytest.fixture
def port() -> int:
    """A free local port: the site is served, stopped and served again on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def visit(browser: Browser) -> Iterator[Session]:
    """A browser context with service workers on (as a reader's), recording what it does."""
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    record = Session(page=page, context=context)

    def on_console(message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            record.errors.append(message.text)

    def on_request(request: Request) -> None:
        record.requests.append(f"{request.resource_type} {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: record.errors.append(str(error)))
    context.on("request", on_request)  # the service worker's own requests too
    yield record
    context.close()


def _pyodide_requests(requests: list[str]) -> list[str]:
    """The requests (recorded as "type url") that download any part of the Python runtime."""
    found = []
    for entry in requests:
        kind, url = entry.split(" ", 1)
        if category(url, kind) == "pyodide":
            found.append(url)
    return found


def visit_once(visit: Session, site: Path, port: int) -> str:
    """Open the calculator page while ``site`` is served, until it is ready and the worker has kept
    what it keeps, then stop the server. Returns the site's address, now offline."""
    with serve(site, port=port) as url:
        visit.page.goto(url + PAGE)
        visit.wait_state("ready")
        wait_settled(visit.page)
    return url


@pytest.mark.slow(seconds=26)
def test_a_calculator_page_works_offline_after_one_visit(visit: Session, site: Path, port: int) -> None:
    page = visit.page
    url = visit_once(visit, site, port)
    # The server is gone: everything below comes from what the first visit kept.
    page.reload()
    visit.wait_state("ready")
    page.fill('[name="overhead_pct"]', "27")
    visit.wait_output("total_annual", expected(overhead_pct="27"))
    # A shared address (with a query) and a page never opened before are kept too.
    page.goto(url + PAGE + "?overhead_pct=31")
    visit.wait_state("ready")
    visit.wait_output("total_annual", expected(overhead_pct="31"))
    page.goto(url + "/red-flags/")
    assert "Red flags" in (page.text_content("h1") or "")
    pdf = page.evaluate(FETCHED, url + "/guide.pdf")
    assert pdf[0] == 200
    assert pdf[1] == (site / "guide.pdf").stat().st_size
    assert not visit.errors, visit.errors
    missing = page.goto(url + "/no/such/page/")
    assert missing is not None
    assert missing.status == 404
    assert "Page not found" in page.content()


def test_a_guide_page_visited_first_downloads_no_python(visit: Session, site: Path, port: int) -> None:
    page = visit.page
    with serve(site, port=port) as url:
        page.goto(url + GUIDE)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
        caches = kept(page)
        assert _pyodide_requests(visit.requests) == []
        assert any("/guide.pdf" in entry for entry in visit.requests), "the worker's own requests are recorded"
    [pages] = [paths for name, paths in caches.items() if name.startswith(PAGES_PREFIX)]
    assert not [name for name in caches if name.startswith(RUNTIME_PREFIX)]
    assert not [path for path in pages if category(path, "fetch") == "pyodide"]
    assert {"/", "/calculators/loaded-cost/", "/guide.pdf", "/search/search_index.json"} <= set(pages)
    # Offline, a calculator page whose runtime was never kept says so instead of waiting.
    page.goto(url + PAGE)
    visit.wait_state("error", timeout=15_000)
    message = page.text_content("[data-status-text]") or ""
    assert "once it has run here with a connection" in message
    assert "worked example" in message
    assert visit.output("total_annual") == str(expected())


def test_a_new_build_replaces_the_old_cache_on_the_next_visit(
    visit: Session, site: Path, port: int, tmp_path: Path
) -> None:
    page = visit.page
    first = shutil.copytree(site, tmp_path / "first", ignore=shutil.ignore_patterns("pyodide"))
    second = shutil.copytree(first, tmp_path / "second")
    red_flags = second / "red-flags" / "index.html"
    red_flags.write_text(
        re.sub(r"(<h1[^>]*>)", r"\1Rebuilt: ", red_flags.read_text(encoding="utf-8"), count=1), encoding="utf-8"
    )
    write_manifest(second)
    with serve(first, port=port) as url:
        page.goto(url + "/red-flags/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
        page.evaluate(STALE_RUNTIME)
        old = {name for name in kept(page) if name.startswith(PAGES_PREFIX)}
    with serve(second, port=port) as url:
        page.goto(url + "/red-flags/")  # still the kept page; the browser finds the new worker
        wait_until(page, REPLACED, sorted(old), timeout=30_000)
    page.reload()  # offline again: the new build's copy
    assert (page.text_content("h1") or "").startswith("Rebuilt: ")
    assert not visit.errors, visit.errors


@pytest.mark.slow(seconds=26)
def test_a_stale_snapshot_falls_back_to_a_normal_start(visit: Session, site: Path, port: int) -> None:
    page = visit.page
    visit_once(visit, site, port)
    [runtime] = [paths for name, paths in kept(page).items() if name.startswith(RUNTIME_PREFIX)]
    assert any(path.endswith(SNAPSHOT) for path in runtime), runtime
    assert page.evaluate(STALE_SNAPSHOT)
    page.reload()  # offline: the fallback needs nothing but the kept set
    visit.wait_state("ready")
    page.fill('[name="overhead_pct"]', "23")
    visit.wait_output("total_annual", expected(overhead_pct="23"))
    [runtime] = [paths for name, paths in kept(page).items() if name.startswith(RUNTIME_PREFIX)]
    assert not any(path.endswith(SNAPSHOT) for path in runtime)
    assert any(path.endswith(NO_SNAPSHOT) for path in runtime)
    assert any(path.endswith(COMPLETE) for path in runtime)
    assert not visit.errors, visit.errors
