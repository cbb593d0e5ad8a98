"""Every page hands Material's search worker to ours (docs/overrides/main.html's config block):
a Material release that words its configuration otherwise fails here, not in a reader's browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

PREFIX = "assets/js/search-worker.js?material="


def test_every_page_starts_search_through_our_worker(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        config = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(id="__config")
        assert config is not None, page
        search = json.loads(config.get_text())["search"]
        _, found, material = search.partition(PREFIX)
        assert found, f"{page}: Material's search worker is started directly: {search}"
        assert re.fullmatch(r"search\.[0-9a-f]+\.min\.js", material), (page, material)
        assert (site / "assets" / "javascripts" / "workers" / material).is_file(), (page, material)
    assert (site / PREFIX.partition("?")[0]).is_file()
