"""What a host and a crawler see: the sitemap lists every page, robots.txt points at it, a
missing address gets a helpful 404 page that works at any depth."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a local test server
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_the_sitemap_lists_every_page_and_robots_points_at_it(site: Path, pages: list[str]) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    home = re.search(r"<loc>([^<]+)</loc>", sitemap)
    assert home
    base = urlsplit(home.group(1)).path
    expected = {base.rstrip("/") + path for path in pages if path != "/404.html"}
    assert listed == expected
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {home.group(1)}sitemap.xml" in robots


def test_a_missing_address_gets_the_helpful_404_page(hosted_url: str, pages: list[str]) -> None:
    status, body = _fetch(hosted_url + "/no/such/page/")
    assert status == 404
    assert "Page not found" in body
    base = urlsplit(hosted_url).path
    for path in pages:
        if path != "/404.html":
            assert f'href="{base}{path}"' in body, path  # absolute links: right at any depth
    assert '<meta name="robots" content="noindex">' in body
