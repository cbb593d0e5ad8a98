"""Every page hands Material's search worker to ours (docs/overrides/main.html's config block),
and ours names Material's (macros/hooks/search_worker.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from macros.hooks.search_worker import MATERIAL, OURS


def test_every_page_starts_search_through_our_worker(site: Path) -> None:
    pages = sorted(path for path in site.rglob("*.html") if path.name != "404.html")
    assert len(pages) > 10
    for page in pages:
        config = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(id="__config")
        assert config is not None, page
        address = urljoin(f"http://x/{page.relative_to(site).as_posix()}", json.loads(config.get_text())["search"])
        assert address == f"http://x/{OURS.as_posix()}", page


def test_our_worker_names_materials(site: Path) -> None:
    ours = (site / OURS).read_text(encoding="utf-8")
    named = re.findall(r'const MATERIAL_WORKER = "([^"]+)";', ours)
    assert len(named) == 1
    assert (site / OURS).parent.joinpath(named[0]).resolve() == next((site / MATERIAL).glob("search.*.min.js")).resolve()
