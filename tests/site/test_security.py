"""Safe by default: the policy holds on every page, and nothing leaves the site's own origin.

Every page is loaded in Chromium under the ``_headers`` a static host would send (the test
server applies the file) and the page's own meta policy, and then reached again through
Material's instant navigation, which re-runs the next page's inline scripts under the first
page's policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

from macros.hooks.csp import inline_scripts, sha256_source
from tests.support.browser import follow_link
from tests.support.server import headers_for, parse_headers_file

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""
META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


class Recorder:
    """Every request, console error and policy violation of one browser context."""

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.requests: list[str] = []
        self.console: list[str] = []
        context.add_init_script(WATCH_VIOLATIONS)
        context.on("request", self._request)

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def watch(self, page: Page) -> None:
        self.page = page
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            self.console.append(f"{message.type}: {message.text}")

    def foreign(self, origin: str) -> list[str]:
        return [url for url in self.requests if not url.startswith((origin + "/", "data:", "blob:"))]


@pytest.fixture
def recorder(browser: Browser) -> Iterator[Recorder]:
    """A new browser context with its recorder, watching the context's page (``recorder.page``)."""
    context = browser.new_context()
    try:
        recorder = Recorder(context)
        recorder.watch(context.new_page())
        yield recorder
    finally:
        context.close()


def _violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__violations || []"))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.browser
@pytest.mark.slow(seconds=30)
def test_every_page_loads_without_violation_cookie_or_foreign_request(
    recorder: Recorder, hosted_url: str, pages: list[str]
) -> None:
    problems: list[str] = []
    page = recorder.page
    for path in pages:
        response = page.goto(hosted_url + path, wait_until="load")
        assert response is not None
        assert "default-src 'self'" in response.headers.get("content-security-policy", ""), path
        page.wait_for_timeout(100)  # let late scripts (search worker start-up) run
        problems += [f"{path}: {violation}" for violation in _violations(page)]
        assert page.evaluate("document.cookie") == "", path
    assert problems == []
    assert recorder.console == []
    assert recorder.context.cookies() == []
    assert recorder.foreign(_origin(hosted_url)) == []
    assert len(recorder.requests) > len(pages)  # the recorder saw the pages and their assets


@pytest.mark.browser
@pytest.mark.slow(seconds=38)
def test_instant_navigation_to_every_page_keeps_to_the_first_pages_policy(
    recorder: Recorder, hosted_url: str, pages: list[str]
) -> None:
    page = recorder.page
    page.goto(hosted_url + "/", wait_until="load")
    for path in [p for p in pages if p != "/404.html"] + ["/"]:
        target = hosted_url + path
        follow_link(page, target)
        page.wait_for_url(target)
        page.wait_for_load_state("load")
        page.wait_for_timeout(150)
    # Instant navigation keeps one document: violations accumulate in one list.
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert _violations(page) == []
    assert recorder.console == []
    assert recorder.foreign(_origin(hosted_url)) == []


@pytest.mark.browser
def test_the_policy_blocks_a_script_the_site_did_not_ship(browser: Browser, hosted_url: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(WATCH_VIOLATIONS)
        page.goto(hosted_url + "/", wait_until="load")
        page.evaluate(
            """() => { const s = document.createElement("script"); s.textContent = "window.__ran = true";
            document.body.append(s);
            const i = document.createElement("img"); i.src = "http://example.invalid/x.png";
            document.body.append(i); }"""
        )
        page.wait_for_timeout(200)
        assert page.evaluate("window.__ran === true") is False
        violations = _violations(page)
        assert any(v.startswith("script-src") for v in violations), violations
        assert any(v.startswith("img-src") for v in violations), violations
    finally:
        context.close()


def test_every_page_carries_the_policy_with_a_hash_for_each_inline_script(site: Path) -> None:
    headers = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    header_policy = dict(headers_for(headers, "/"))["Content-Security-Policy"]
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found = META_POLICY.findall(text)
        assert len(found) == 1, page
        head = text[: text.index(found[0])]
        assert "<script" not in head and "<link" not in head, f"{page}: the policy must come before any resource"
        script_src = re.search(r"script-src ([^;]+)", found[0])
        assert script_src, page
        assert "'unsafe-inline'" not in script_src.group(1)
        assert "'unsafe-eval'" not in script_src.group(1)
        for script in inline_scripts(text):
            assert sha256_source(script) in script_src.group(1), f"{page}: inline script not hashed"
            assert sha256_source(script) in header_policy
        assert found[0] == header_policy.replace("; frame-ancestors 'none'", "")


def test_headers_cover_every_path_including_worker_scripts(site: Path) -> None:
    rules = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    workers = [p for p in site.rglob("*.js") if "worker" in p.name or "workers" in p.parts]
    assert workers, "Material's search worker should be in the site"
    for path in ["/", "/404.html", *("/" + w.relative_to(site).as_posix() for w in workers)]:
        headers = dict(headers_for(rules, path))
        policy = headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in policy, path
        assert "worker-src 'self'" in policy
        assert "'wasm-unsafe-eval'" in policy
        assert "frame-ancestors 'none'" in policy
        assert headers.get("X-Content-Type-Options") == "nosniff"
        assert headers.get("Referrer-Policy") == "no-referrer"
        assert "camera=()" in headers.get("Permissions-Policy", "")
    assert "http" not in "".join(value for _, rule in rules for _, value in rule), "no other origin is allowed"


def test_the_headers_file_fits_the_hosts_limits(site: Path) -> None:
    """Cloudflare Pages reads at most 100 rules and 2,000 characters a line: a policy that grew
    past that (say, one hash per inline style of a chart) would be dropped by the host."""
    text = (site / "_headers").read_text(encoding="utf-8")
    rules = [line for line in text.splitlines() if line.strip() and not line.startswith((" ", "#"))]
    assert len(rules) <= 100
    longest = max(text.splitlines(), key=len)
    assert len(longest) < 2000, f"{len(longest)} characters: {longest[:80]}..."
