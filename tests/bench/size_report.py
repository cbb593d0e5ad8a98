"""Bytes each page transfers on a first visit, by kind: HTML, CSS, JS, fonts, images, Pyodide
(and Material's search index, which its search worker fetches on every first visit).

Serves the built site (``make build`` first) gzipped, as static hosts serve it, loads every
page in a fresh headless Chromium context (empty cache) and prints a table in KiB.

    .venv/bin/python -m tests.bench.size_report [--site site] [PATH ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.browser import chromium, page_paths  # noqa: E402 - after the path is set
from tests.support.reports import site_arguments  # noqa: E402
from tests.support.server import serve  # noqa: E402
from tests.support.weight import CATEGORIES, first_visit  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = site_arguments(__doc__, argv, pages="every page")
    if args is None:
        return 2
    paths = args.paths or [p for p in page_paths(args.site) if p != "/404.html"]
    header = f"{'page':<32}" + "".join(f"{name:>9}" for name in CATEGORIES) + f"{'total':>10}"
    print("KiB transferred on a first visit (gzip, empty cache)")
    print(header)
    print("-" * len(header))
    with serve(args.site, compress=True) as url, chromium() as browser:
        for path in paths:
            totals, _ = first_visit(browser, url + path)
            cells = "".join(f"{totals[name] / 1024:>9.1f}" for name in CATEGORIES)
            print(f"{path:<32}{cells}{sum(totals.values()) / 1024:>10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
