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


def test_the_loaded_table_sets_the_rule_of_thumb_beside_the_itemised_cost(data: Figures) -> None:
    text = render.loaded_table(data, "sources.md")
    # Senior, rule of thumb: 140,000 x 1.20 and 200,000 x 1.30. Itemised with the starting
    # choices (a state not listed: 3.4% of the first 9,000; single health cover):
    # at 140,000: Social Security 8,680 (6.2%) + Medicare 2,030 (1.45%) + FUTA 42 (0.6% of 7,000)
    #   + state 306 + health 7,885 (9,325 - 1,440) + retirement 4,200 (3%) + workers' comp 420
    #   (0.3%) + other benefits 1,000 + equipment 2,000 + payroll 600 = 27,163 -> 167,163 (19%);
    # at 200,000: Social Security stops at the 184,500 wage base: 11,439; Medicare 2,900;
    #   retirement 6,000; workers' comp 600; the rest as above -> 32,772 -> 232,772 (16%).
    assert "| Senior | $140,000–$200,000 | $168,000–$260,000 | $167,163–$232,772 | 16–19% |" in text
    assert catalogue(data)["loaded.senior"].text == "$167,163–$232,772"


def test_the_break_even_table_divides_loaded_cost_by_the_hourly_rate(data: Figures) -> None:
    text = render.breakeven_table(data, "sources.md")
    # Senior employee at the midpoint, 170,000, itemised as in the test above: Social Security
    # 10,540 + Medicare 2,465 + FUTA 42 + state 306 + health 7,885 + retirement 5,100 + workers'
    # comp 510 + 1,000 + 2,000 + 600 = 30,448 -> 200,448. US agency: 160 an hour -> 1,252.8
    # hours, rounded to 1,250, which is 60% of a 2,080-hour year.
    us = next(line for line in text.splitlines() if line.startswith("| US agencies"))
    assert "| $200,448 | $160 | 1,250 | about 60% |" in us
    # engagement.md's prose says the remote rows (across a border) cost less than a US employee
    # even full time, and a US agency breaks even short of it: if the data changes that, this fails.
    remote = data.pay.freelance["remote"].label
    for level in data.levels.values():
        line = next(line for line in text.splitlines() if line.startswith(f"| {level.label} freelancer {remote}"))
        assert "more than a full-time year" in line, line
    assert "more than a full-time year" not in us


def test_no_figure_turns_the_unsourced_bad_hire_multiple_into_money(data: Figures) -> None:
    figures = catalogue(data)
    assert not [key for key in figures if key.startswith("bad_hire.cost")]
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
