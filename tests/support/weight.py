"""What a first visit to a page transfers, by kind of file (used by the size report and tests)."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request

CATEGORIES = ("html", "css", "js", "fonts", "images", "pyodide", "search", "other")
PYODIDE_NAMES = ("python_stdlib.zip", "pyodide-lock.json")


def category(url: str, resource_type: str) -> str:
    """The kind of a request: Pyodide's runtime and wheels first, then by type or extension."""
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1]
    if "pyodide" in path.lower() or name.endswith((".wasm", ".whl")) or name in PYODIDE_NAMES:
        return "pyodide"
    if name == "search_index.json":
        return "search"  # Material's search worker fetches the index on every first visit
    if resource_type == "document" or name.endswith(".html"):
        return "html"
    if resource_type == "stylesheet" or name.endswith(".css"):
        return "css"
    if resource_type == "script" or name.endswith((".js", ".mjs")):
        return "js"
    if resource_type == "font" or name.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "fonts"
    if resource_type == "image" or name.endswith((".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico")):
        return "images"
    return "other"


def first_visit(browser: Browser, url: str, *, settle_ms: int = 1500) -> tuple[Counter[str], list[str]]:
    """Load ``url`` in a fresh context (empty cache) and wait for the network to go quiet.

    Returns bytes on the wire (headers + encoded body) by category, and every URL requested.
    """
    context = browser.new_context()
    finished: list[Request] = []
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.on("requestfinished", lambda request: finished.append(request))  # noqa: PLW0108 - Playwright cannot wrap a builtin method
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(settle_ms)
        totals: Counter[str] = Counter(dict.fromkeys(CATEGORIES, 0))
        for request in finished:
            # Skipped: blob/data URLs, and what the site's service worker fetches after the page
            # loaded to keep the site for offline reading (not the page's weight).
            if request.url.startswith(("data:", "blob:")) or request.service_worker:
                continue
            sizes = request.sizes()
            totals[category(request.url, request.resource_type)] += (
                sizes["responseBodySize"] + sizes["responseHeadersSize"]
            )
        return totals, requested
    finally:
        context.close()
