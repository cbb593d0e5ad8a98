"""A fresh browser context per test (the one Chromium of the session is in tests/conftest.py)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

from tests.support.build import ROOT, build
from tests.support.server import serve

READY_TIMEOUT_MS = 30_000


@dataclass
class Session:
    """A page and what it did: every request, console errors and uncaught page errors."""

    page: Page
    context: BrowserContext
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def calculator(self, name: str = "loaded-cost") -> str:
        return f'form[data-calculator="{name}"]'

    def wait_state(self, state: str, name: str = "loaded-cost", timeout: float = READY_TIMEOUT_MS) -> None:
        self.page.wait_for_selector(f'{self.calculator(name)}[data-state="{state}"]', timeout=timeout)

    def output(self, output: str) -> str | None:
        return self.page.get_attribute(f'[data-output="{output}"]', "data-value")

    def wait_output(self, output: str, value: float, timeout: float = 10_000) -> None:
        self.page.wait_for_function(
            '([name, value]) => Number(document.querySelector(`[data-output="${name}"]`)?.dataset.value) === value',
            arg=[output, value],
            timeout=timeout,
        )


@pytest.fixture
def session(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Session]:
    # A test module that intercepts requests sets SERVICE_WORKERS = "block": requests a
    # service worker answers never reach Playwright's routes.
    context = browser.new_context(service_workers=getattr(request.module, "SERVICE_WORKERS", "allow"))
    page = context.new_page()
    record = Session(page=page, context=context)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            record.errors.append(message.text)

    def on_request(request: Request) -> None:
        if request.service_worker is None:  # what the page asked for, not the site's service worker
            record.requests.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: record.errors.append(str(error)))
    context.on("request", on_request)
    yield record
    context.close()


@pytest.fixture(scope="session")
def subpath_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for, and served from, a sub-path on a fixed local port.

    Material's instant navigation only follows links that match the sitemap, whose
    addresses come from ``site_url`` (host and path, port included), so this build's
    ``site_url`` is the very address it is served from.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/hiring/guide/"
    site = tmp_path_factory.mktemp("subpath-site")
    done = build(ROOT, site, extra_env={"SITE_URL": base})
    assert done.returncode == 0, done.stderr[-4000:]
    root = tmp_path_factory.mktemp("subpath-root")
    (root / "hiring").mkdir()
    (root / "hiring" / "guide").symlink_to(site, target_is_directory=True)
    with serve(root, port=port) as url:
        yield f"{url}/hiring/guide"
