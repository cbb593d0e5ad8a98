"""Fixtures for the checks that run against the whole built site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from tests.support.browser import page_paths
from tests.support.server import serve


@pytest.fixture(scope="session")
def pages(site: Path) -> list[str]:
    """Every page of the built site, found from the files, so a new page is covered unasked."""
    found = page_paths(site)
    assert "/" in found
    assert "/404.html" in found
    return found


@pytest.fixture(scope="session")
def hosted_url(site: Path) -> Iterator[str]:
    """The site served under its public path (``site_url``'s, read from the sitemap), as a host
    such as GitHub Pages serves it, ``_headers`` applied: the 404 page's absolute links work."""
    home = re.search(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert home, "the sitemap lists no page"
    with serve(site, mount=urlsplit(home.group(1)).path) as url:
        yield url
