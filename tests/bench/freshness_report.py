"""Report: figures whose source is more than 18 months old at today's date (by the source's own
date, or the day we read a page that shows none), and figures read only as restated by a third
party. A report to act on when updating the data, not a test.

    .venv/bin/python -m tests.bench.freshness_report [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from macros.data import DataError, load_data  # noqa: E402 - after the path is set
from macros.freshness import STALE_AFTER_MONTHS, second_hand, stale  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.datetime.now(datetime.UTC).date())
    args = parser.parse_args(argv)
    try:
        figures = load_data(ROOT / "data")
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    old = stale(figures, args.today)
    print(f"Older than {STALE_AFTER_MONTHS} months on {args.today.isoformat()}: {len(old)}")
    for item, day in old:
        source = figures.sources[item.citation.source]
        period = f", {item.citation.period}" if item.citation.period else ""
        print(f"  {day.isoformat()}  {item.where}  ({source.name}{period})")
    restated = second_hand(figures)
    print(f"\nRead only as restated by a third party: {len(restated)}")
    for item in restated:
        source, via = figures.sources[item.citation.source], figures.sources[item.citation.via or ""]
        print(f"  {item.where}  ({source.name}, as reported by {via.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
