"""Guide pages without a calculator load no Pyodide bytes; the size measure itself works."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.server import serve
from tests.support.weight import category, first_visit

CALCULATOR_MARK = "data-calculator"
"""A page with a calculator lives under calculators/ or carries an element with this attribute."""


def _has_calculator(site: Path, path: str) -> bool:
    if path.startswith("/calculators/"):
        return True
    file = site / (path.lstrip("/") + "index.html" if path.endswith("/") else path.lstrip("/"))
    return CALCULATOR_MARK in file.read_text(encoding="utf-8")


def test_pyodide_files_are_recognised() -> None:
    for url in (
        "http://h/assets/pyodide/pyodide.asm.wasm",
        "http://h/assets/pyodide/pyodide.mjs",
        "http://h/x/python_stdlib.zip",
        "http://h/w/hiring_calculators-0.1.0-py3-none-any.whl",
    ):
        assert category(url, "fetch") == "pyodide", url
    assert category("http://h/assets/javascripts/bundle.js", "script") == "js"
    assert category("http://h/cost/", "document") == "html"
    assert category("http://h/search/search_index.json", "fetch") == "search"


@pytest.mark.browser
def test_guide_pages_without_a_calculator_load_no_pyodide(browser: Browser, site: Path, pages: list[str]) -> None:
    guide_pages = [path for path in pages if path != "/404.html" and not _has_calculator(site, path)]
    assert len(guide_pages) >= 3
    context = browser.new_context()
    requested: list[tuple[str, str]] = []
    context.on("request", lambda request: requested.append((request.url, request.resource_type)))
    try:
        page = context.new_page()
        with serve(site) as url:
            for path in guide_pages:
                page.goto(url + path, wait_until="networkidle")
        pyodide = [address for address, kind in requested if category(address, kind) == "pyodide"]
        assert pyodide == []
        assert len(requested) > len(guide_pages)
    finally:
        context.close()


@pytest.mark.browser
def test_first_visit_counts_compressed_bytes_by_kind(browser: Browser, site: Path) -> None:
    with serve(site, compress=True) as url:
        compressed, _ = first_visit(browser, url + "/", settle_ms=200)
    with serve(site) as url:
        plain, requested = first_visit(browser, url + "/", settle_ms=200)
    assert compressed["html"] > 0
    assert compressed["css"] > 0
    assert compressed["js"] > 0
    assert compressed["html"] < plain["html"] / 2  # gzip on the wire
    assert any(address.endswith(".css") for address in requested)
