"""Material's search, started through docs/assets/js/search-worker.js: it answers when the reader
opens it at once (before the calculators are ready) and once the page has settled."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Session

pytestmark = [pytest.mark.browser]


def _search(session: Session, query: str) -> int:
    page = session.page
    page.keyboard.press("s")  # Material's shortcut: opens search and focuses its field
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    return page.locator(".md-search-result__item").count()


@pytest.mark.parametrize("path", ["/calculators/loaded-cost/", "/cost/"])
def test_search_answers_when_opened_at_once(session: Session, site_url: str, path: str) -> None:
    session.page.goto(site_url + path, wait_until="domcontentloaded")
    assert _search(session, "salary") > 0
    assert session.errors == []


def test_search_answers_once_the_calculators_are_ready(session: Session, site_url: str) -> None:
    session.page.goto(site_url + "/calculators/loaded-cost/")
    session.wait_state("ready")
    session.page.wait_for_timeout(500)
    assert _search(session, "equity") > 0
    assert session.errors == []
