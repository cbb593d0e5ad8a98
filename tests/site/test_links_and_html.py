"""Every internal link and anchor of the built site resolves, and every page is valid HTML.

Links: linkinator crawls the site as a host serves it (under its public path), following
links, checking ``#anchors`` against the target page and ``url()`` in CSS; other origins are
not fetched (the tests make no request beyond 127.0.0.1). HTML: the Nu validator (vnu.jar,
the W3C's checker) on every HTML file, errors only.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.support.build import ROOT
from tests.support.browser import follow_link
from tests.support.server import serve

LINKINATOR = ROOT / "node_modules" / ".bin" / "linkinator"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ONLY_LOCAL = r"^(?!http://127\.0\.0\.1[:/])"


def check_links(start: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Crawl from ``start``; returns (every link checked, the broken ones)."""
    done = subprocess.run(
        [str(LINKINATOR), *start, "--recurse", "--check-fragments", "--check-css", "--skip", ONLY_LOCAL]
        + ["--format", "json", "--concurrency", "8", "--timeout", "20000"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(done.stdout)
    links = report["links"]
    return links, [link for link in links if link["state"] == "BROKEN"]


def validate_html(folder: Path) -> list[str]:
    java = shutil.which("java")
    assert java, "java is needed for the HTML validator: run `make system`"
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "gnu", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]


def test_every_internal_link_and_anchor_resolves(hosted_url: str, site: Path, pages: list[str]) -> None:
    start = [hosted_url + path for path in pages]
    if (site / "guide.pdf").is_file():
        start.append(hosted_url + "/guide.pdf")
    links, broken = check_links(start)
    assert [f"{link['url']} (from {link.get('parent')}, {link['status']})" for link in broken] == []
    checked = {link["url"] for link in links}
    assert {hosted_url + path for path in pages} <= checked
    assert len(checked) > len(pages)  # and the assets they use


def test_the_link_check_catches_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#nope">x</a> <a href="a/#yes">y</a> <a href="gone/">z</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="yes">Y</h2>')
    with serve(tmp_path) as url:
        _, broken = check_links([url + "/"])
    assert sorted({link["url"].removeprefix(url) for link in broken}) == ["/a/#nope", "/gone/"]


@pytest.mark.slow
def test_every_page_is_valid_html(site: Path) -> None:
    assert validate_html(site) == []


@pytest.mark.slow
def test_the_validator_reports_invalid_html(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=en><title>t</title><p><div></p></span>")
    assert validate_html(tmp_path)


HEADING_TOP = "key => Math.round(document.getElementById(key).getBoundingClientRect().top)"


@pytest.mark.browser
def test_a_link_to_a_source_lands_on_its_heading(browser: Browser, hosted_url: str, site: Path) -> None:
    """The Sources page lays out an entry only near the screen (``content-visibility``), so the
    entries above a source have guessed heights: a link from a page must still land on it, on a
    phone, opened directly or through Material's instant navigation."""
    keys = re.findall(r'<h3 id="(source-[^"]+)"', (site / "sources" / "index.html").read_text(encoding="utf-8"))
    deep = keys[len(keys) * 3 // 4]  # far down, below dozens of entries never laid out
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(f"{hosted_url}/sources/#{deep}", wait_until="load")
        page.wait_for_timeout(300)
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        assert header <= page.evaluate(HEADING_TOP, deep) <= header + 100
        page.goto(f"{hosted_url}/cost/", wait_until="load")
        follow_link(page, f"{hosted_url}/sources/#{deep}")
        page.wait_for_url(f"**/sources/#{deep}")
        page.wait_for_timeout(300)
        assert header <= page.evaluate(HEADING_TOP, deep) <= header + 100
    finally:
        context.close()
