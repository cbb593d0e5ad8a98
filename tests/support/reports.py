"""The command line the report scripts on a built site share (``tests/bench/*_report.py``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from tests.support.build import ROOT


def site_arguments(
    doc: str,
    argv: list[str] | None,
    *,
    pages: str,
    more: Callable[[argparse.ArgumentParser], object] = lambda parser: None,
) -> argparse.Namespace | None:
    """``[--site SITE] [PATH ...]`` parsed, described by the first line of ``doc``; ``pages`` says
    which pages no PATH means; ``more`` adds a report's own options. None, with the reason on
    standard error, when SITE holds no built site."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    more(parser)
    parser.add_argument("paths", nargs="*", help=f"pages (default: {pages})")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"error: no built site in {args.site}: run `make build` first", file=sys.stderr)
        return None
    return args
