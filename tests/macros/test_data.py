"""The data loader: good data loads; each kind of bad data stops with file, key and reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data import DataError, load_data
from tests.support.build import ROOT
from tests.support.data_edits import BadData, append, delete, each_case, expect_data_error, replace

DATA = ROOT / "data"
SENIOR = "senior: {min: 140000, max: 200000, currency: USD, per: year"


def test_the_real_data_loads() -> None:
    data = load_data(DATA)
    assert set(data.levels) == {"junior", "mid", "senior"}
    assert data.pay.salary["senior"].min == 140000
    assert data.pay.overhead.min <= data.pay.overhead.max
    assert data.sources["editorial"].kind == "editorial"


# (case, edit, file named, key named, words in the reason)
BAD_DATA: list[BadData] = [
    ("missing file", delete("pay.yaml"), "data/pay.yaml", "(file)", "file is missing"),
    ("yaml syntax", append("pay.yaml", "\nbroken: [unclosed\n"), "data/pay.yaml", "line", "not valid YAML"),
    (
        "missing key",
        replace("pay.yaml", SENIOR, "senior: {min: 140000, currency: USD, per: year"),
        "data/pay.yaml",
        "salary.senior.max",
        "required key is missing",
    ),
    (
        "wrong type",
        replace("pay.yaml", "min: 140000, max: 200000", 'min: "140k", max: 200000'),
        "data/pay.yaml",
        "salary.senior.min",
        "'140k'",
    ),
    (
        "unknown level",
        replace(
            "pay.yaml",
            "  " + SENIOR,
            "  principal: {min: 1, max: 2, currency: USD, per: year, region: US, source: navspace-2026}\n  " + SENIOR,
        ),
        "data/pay.yaml",
        "salary.principal",
        "unknown level",
    ),
    (
        "negative amount",
        replace("pay.yaml", "min: 140000, max: 200000", "min: -140000, max: 200000"),
        "data/pay.yaml",
        "salary.senior.min",
        "greater than or equal to 0",
    ),
    (
        "min above max",
        replace("pay.yaml", "min: 140000, max: 200000", "min: 240000, max: 200000"),
        "data/pay.yaml",
        "salary.senior",
        "min (240000) is larger than max (200000)",
    ),
    (
        "impossible date",
        replace("sources.yaml", "retrieved: 2026-12-02", "retrieved: 2026-13-45"),
        "data/sources.yaml",
        "navspace-2026.retrieved",
        "date",
    ),
    (
        "not a date",
        replace("sources.yaml", "retrieved: 2026-12-02", "retrieved: last spring"),
        "data/sources.yaml",
        "navspace-2026.retrieved",
        "date",
    ),
    (
        "an edition that is not a date",
        replace("sources.yaml", 'published: "2026-06"', 'published: "June 2026"'),
        "data/sources.yaml",
        "navspace-2026.published",
        "should match pattern",
    ),
    (
        "unknown source",
        replace("bad_hire.yaml", "source: navspace-2026", "source: a-blog-post"),
        "data/bad_hire.yaml",
        "cost.source",
        "unknown source 'a-blog-post'",
    ),
    (
        "a source without an address",
        replace("sources.yaml", "  url: https://navspace.dev/resources/how-to-hire-python-developer\n", ""),
        "data/sources.yaml",
        "navspace-2026.url",
        "needs its address",
    ),
    (
        "a source nobody cites",
        append(
            "sources.yaml",
            "\nunused:\n  name: x\n  title: x\n  publisher: x\n  kind: press\n  note: x\n  url: https://x.example/\n",
        ),
        "data/sources.yaml",
        "unused",
        "no figure cites this source",
    ),
    (
        "an assumption without its reason",
        replace(
            "process.yaml",
            "  reason: >-\n    Forty hours a week for 52 weeks: the convention for turning an annual salary into an\n"
            "    hourly figure (paid leave is paid time, so it stays in).\n",
            "",
        ),
        "data/process.yaml",
        "full_time_year.reason",
        "needs a reason",
    ),
    (
        "an assumption read somewhere",
        replace("engagement.yaml", "  source: editorial\n", "  source: editorial\n  via: navspace-2026\n"),
        "data/engagement.yaml",
        "defaults.via",
        "our assumption is not read anywhere",
    ),
    (
        "read in the source itself",
        replace("bad_hire.yaml", "  source: navspace-2026\n", "  source: navspace-2026\n  via: navspace-2026\n"),
        "data/bad_hire.yaml",
        "cost.via",
        "names the source itself",
    ),
    (
        "unknown key",
        replace("bad_hire.yaml", "unit: multiple", "unit: multiple\n  multipel: 3"),
        "data/bad_hire.yaml",
        "cost.multipel",
        "unknown key",
    ),
    (
        "duplicate key",
        replace("bad_hire.yaml", "  min: 2\n", "  min: 2\n  min: 5\n"),
        "data/bad_hire.yaml",
        "cost.min",
        "duplicate key",
    ),
    (
        "alias",
        replace("bad_hire.yaml", "  min: 2\n", "  min: &two 2\n  low: *two\n"),
        "data/bad_hire.yaml",
        "line",
        "aliases",
    ),
    (
        "cliff longer than vesting",
        replace("equity.yaml", "cliff_months: 12", "cliff_months: 60"),
        "data/equity.yaml",
        "vesting",
        "longer than the vesting",
    ),
    (
        "infinite number",
        replace("pay.yaml", "max: 30\n", "max: .inf\n"),
        "data/pay.yaml",
        "overhead.max",
        "finite number",
    ),
    ("not a number", replace("pay.yaml", "min: 20\n", "min: .nan\n"), "data/pay.yaml", "overhead.min", "finite number"),
]


@each_case(BAD_DATA)
def test_bad_data_names_file_key_and_reason(tmp_path: Path, case: BadData) -> None:
    expect_data_error(DATA, tmp_path, case)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    replace("pay.yaml", "min: 140000, max: 200000", "min: -1, max: 200000")(folder)
    replace("bad_hire.yaml", "unit: multiple", "unit: times")(folder)
    with pytest.raises(DataError) as caught:
        load_data(folder)
    files = {problem.file for problem in caught.value.problems}
    assert files == {"data/pay.yaml", "data/bad_hire.yaml"}
