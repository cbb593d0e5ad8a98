"""Rendering the rubric, red flags and derived cost tables from data."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.figures import Figures
from macros import render
from macros.data import load_data
from macros.figures import UnknownFigure, catalogue
from tests.support.build import ROOT, build, copy_project


@pytest.fixture(scope="module")
def data() -> Figures:
    return load_data(ROOT / "data")


def test_fill_puts_figures_into_data_text(data: Figures) -> None:
    figures = catalogue(data)
    assert render.fill("a session of {process.paired_session}.", figures) == "a session of 60 minutes."
    assert render.fill("query  on\n {process.slow_query_rows}", figures) == "query on 1,000,000 rows"


def test_fill_refuses_an_unknown_figure(data: Figures) -> None:
    with pytest.raises(UnknownFigure, match=r"process\.paired_session"):
        render.fill("{process.paired_sesion}", catalogue(data))


def test_every_area_renders_a_four_level_table_and_its_follow_ups(data: Figures) -> None:
    figures = catalogue(data)
    levels = [f"{level.label} ({level.score})" for level in data.interview.scale.levels]
    for key, area in data.interview.areas.items():
        text = render.interview_area(data, key, figures, "sources.md")
        assert text.startswith(f"### {area.title} {{ #{key} }}")
        rows = [line for line in text.splitlines() if line.startswith("| ") and "(" in line.split("|")[1]]
        assert [row.split("|")[1].strip() for row in rows] == levels
        assert text.count("\n- ") == len(area.follow_ups)
        assert "{" not in text.replace(f"{{ #{key} }}", "")
        assert "sources.md#source-editorial" in text


def test_areas_by_kind_keep_rubric_order(data: Figures) -> None:
    figures = catalogue(data)
    text = render.interview_areas(data, "interview", figures, "sources.md")
    interviews = [key for key, area in data.interview.areas.items() if area.kind == "interview"]
    positions = [text.index(f"{{ #{key} }}") for key in interviews]
    assert positions == sorted(positions)
    assert "#work-sample" not in text
    with pytest.raises(ValueError, match="no interview area of kind"):
        render.interview_areas(data, "lunch", figures, "sources.md")


def test_red_flags_link_to_the_interview_areas_where_they_show(data: Figures) -> None:
    text = render.red_flags(data, "interview.md", "sources.md")
    assert text.count('!!! tip "Confirm or clear it"') == len(data.red_flags)
    assert "(interview.md#references)" in text
    summary = render.red_flag_summary(data, "red-flags.md", "interview.md")
    assert summary.count("(red-flags.md#") == len(data.red_flags)


def test_the_loaded_cost_adds_the_overhead_range(data: Figures) -> None:
    text = render.loaded_table(data, "sources.md")
    # Senior: 140,000 x 1.20 and 200,000 x 1.30.
    assert "| Senior | $140,000–$200,000 | $168,000–$260,000 |" in text
    assert catalogue(data)["loaded.senior"].text == "$168,000–$260,000"


def test_the_break_even_table_divides_loaded_cost_by_the_hourly_rate(data: Figures) -> None:
    text = render.breakeven_table(data, "sources.md")
    # Senior employee at the midpoints: 170,000 x 1.25 = 212,500. US agency: 160 an hour
    # -> 1,328 hours, rounded to 1,330, which is 64% of a 2,080-hour year.
    us = next(line for line in text.splitlines() if line.startswith("| US agencies"))
    assert "| $212,500 | $160 | 1,330 | about 64% |" in us
    # engagement.md's prose says remote freelancers cost less than a US employee even full
    # time, and a US agency breaks even well short of it: if the data changes that, this fails.
    for level in ("Junior", "Mid-level", "Senior"):
        line = next(line for line in text.splitlines() if line.startswith(f"| {level} freelancer"))
        assert "more than a full-time year" in line, line


def test_the_cost_of_a_wrong_hire_spans_the_band_times_the_multiple(data: Figures) -> None:
    figures = catalogue(data)
    assert figures["bad_hire.cost.senior"].text == "$280,000–$600,000"
    assert figures["process.time_to_hire"].text == "4–8 weeks"


@pytest.mark.slow
def test_an_unknown_figure_in_data_text_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "interview.yaml"
    text = path.read_text(encoding="utf-8")
    assert "{process.paired_session}" in text
    path.write_text(text.replace("{process.paired_session}", "{process.pair_session}"), encoding="utf-8")
    done = build(project, tmp_path / "site")
    assert done.returncode != 0
    assert "interview.md" in done.stderr
    assert "no figure named 'process.pair_session'" in done.stderr
