"""Lighthouse: accessibility, best practices and SEO at 1.00 on the home page, the longest
guide page and a calculator page, served gzipped (performance is in the report script only:
on a shared machine it depends on the load more than on the site)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench.lighthouse_report import (
    MUST_BE_PERFECT,
    Run,
    cpu_slowdown,
    default_pages,
    lost_points,
    median_run,
    run_lighthouse,
)
from tests.support.server import serve


@pytest.mark.parametrize(
    ("benchmark_index", "slowdown"),
    [(2000, 4), (1500, 4), (1499, 2), (1140, 2), (1000, 2), (800, 2), (799, 1), (125, 1), (50, 1)],
)
def test_the_cpu_slowdown_follows_lighthouses_guide(benchmark_index: float, slowdown: float) -> None:
    assert cpu_slowdown(benchmark_index) == slowdown


def test_the_median_run_is_the_middle_calibrated_score() -> None:
    def run(at_4x: float, calibrated: float) -> Run:
        return (
            {"categories": {"performance": {"score": at_4x}}},
            {"categories": {"performance": {"score": calibrated}}},
            2.0,
        )

    runs = [run(0.5, 0.9), run(0.99, 0.97), run(0.2, 0.84), run(0.6, 0.95), run(0.7, 0.88)]
    assert median_run(runs) is runs[0]  # ranked by the calibrated score, not the 4x one
    assert median_run(runs[:2]) is runs[0]  # of two, the lower
    assert median_run(runs[1:2]) is runs[1]


@pytest.mark.browser
@pytest.mark.slow(seconds=60)
def test_accessibility_best_practices_and_seo_are_perfect(site: Path, tmp_path: Path) -> None:
    pages = [path for path in default_pages(site) if (site / path.lstrip("/") / "index.html").is_file()]
    assert pages[0] == "/"
    assert len(pages) >= 2
    problems: list[str] = []
    with serve(site, compress=True) as url:
        for path in pages:
            report = run_lighthouse(url + path, tmp_path, MUST_BE_PERFECT)
            for name in MUST_BE_PERFECT:
                score = report["categories"][name]["score"]
                if score < 1:
                    problems.append(f"{path} {name} {score:.2f}: {lost_points(report, name)}")
    assert problems == []
