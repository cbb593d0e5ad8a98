"""Headless Chromium for tests, started the one way that works offline, the site's pages, and
following a link as a reader does.

Never lets Playwright fetch a browser: it drives the system's ``chromium`` with the flags that
keep it from calling home. Playwright's ``launch`` gives it a fresh temporary profile each time
(it refuses ``--user-data-dir``; that is what ``launch_persistent_context`` is for).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# (name, viewport) pairs the accessibility checks run at.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@contextmanager
def chromium() -> Iterator[Browser]:
    """One headless Chromium for a test session, closed afterwards."""
    executable = shutil.which("chromium")
    if executable is None:
        raise RuntimeError("chromium is not installed: run `make system`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def page_paths(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path (``/``, ``/cost/``, ``/404.html``)."""
    paths: list[str] = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative == "index.html":
            paths.append("/")
        elif relative.endswith("/index.html"):
            paths.append("/" + relative.removesuffix("index.html"))
        else:
            paths.append("/" + relative)
    return paths


def follow_link(page: Page, href: str) -> None:
    """Click a link to ``href`` added to the page's content, as a reader clicks one: Material's
    instant navigation takes it (one document, the next page's content swapped in) when it is
    a page of the site."""
    page.evaluate(
        """href => { const a = document.createElement("a"); a.href = href; a.textContent = "go";
        document.querySelector(".md-content").append(a); a.click(); }""",
        href,
    )
