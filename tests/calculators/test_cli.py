"""``python -m calculators``: the contract other tools rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from calculators import get
from calculators.figures import CHECKOUT_FIGURES, MAKE_FIGURES
from macros.export import export
from tests.support.build import ROOT, copy_project


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=60
    )


def test_list_json_describes_every_calculator() -> None:
    done = cli("list", "--json")
    assert done.returncode == 0, done.stderr
    listing = json.loads(done.stdout)
    names = [calc["name"] for calc in listing]
    assert "loaded-cost" in names
    for calc in listing:
        assert set(calc) >= {"name", "title", "inputs", "outputs"}
        for field in calc["inputs"]:
            assert set(field) >= {"name", "label", "kind", "required", "unit", "help"}
        for output in calc["outputs"]:
            assert set(output) >= {"name", "label", "kind", "unit"}


RECORD = {"calculator", "answer", "inputs", "outputs", "breakdown", "warnings", "notes"}
OUTPUTS = {
    "loaded-cost": {
        "employer_taxes",
        "benefits",
        "equipment",
        "overhead_amount",
        "effective_overhead_pct",
        "total_annual",
        "monthly",
        "first_year_total",
        "itemised",
        "currency",
        "total_annual_usd",
    },
    "engagement": {
        "full_time_total",
        "freelance_total",
        "agency_total",
        "eor_total",
        "break_even_hours_per_month",
        "break_even_hours_per_year",
        "break_even_within_full_time",
        "cheapest",
    },
    "bad-hire": {
        "total",
        "multiple_of_salary",
        "value_lost",
        "cash_cost",
        "lost_output",
        "empty_seat",
        "team_time",
        "replacement",
        "severance",
        "monthly_salary",
    },
    "equity": {
        "paper_value",
        "exercise_cost",
        "value_at_exit",
        "vested_pct",
        "vested_share_of_grant_pct",
        "vested_value_at_exit",
        "exercise_cost_vested",
        "annual_equity_value",
        "total_comp_annual",
    },
    "scorecard": {
        "candidate",
        "score",
        "weighted_mean",
        "recommendation",
        "recommendation_meaning",
        "red_flags",
        "red_flag_count",
        "knockouts",
        "scored_areas",
    },
    "role": {
        "seniority",
        "seniority_because",
        "engagement",
        "engagement_because",
        "skills",
        "skills_because",
        "interview_areas",
        "interview_areas_because",
        "cost_range",
        "cost_low",
        "cost_high",
        "loaded_cost_low",
        "loaded_cost_high",
    },
}
"""The outputs other tools read, by name: the contract of ``run NAME --json``."""
YES_NO = {("loaded-cost", "itemised"), ("engagement", "break_even_within_full_time")}


def test_every_calculator_is_in_the_contract() -> None:
    done = cli("list", "--json")
    assert done.returncode == 0, done.stderr
    assert {calc["name"] for calc in json.loads(done.stdout)} == set(OUTPUTS)


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_run_json_names_its_outputs(name: str) -> None:
    done = cli("run", name, "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert set(record) == RECORD
    assert record["calculator"] == name
    assert isinstance(record["answer"], str)
    assert record["answer"].strip(), "every calculator answers its page's question in a sentence"
    assert record["answer"] != get(name).summary  # the answer is written from the numbers; summary stays
    assert set(record["outputs"]) == OUTPUTS[name]
    assert isinstance(record["notes"], list)
    assert isinstance(record["warnings"], list)
    for output, value in record["outputs"].items():
        if (name, output) in YES_NO:
            assert value is True or value is False, (output, value)  # JSON true/false, not 1/0
        else:
            assert not isinstance(value, bool), (output, value)


def test_run_json_is_exactly_one_object() -> None:
    done = cli("run", "loaded-cost", "base_salary=150000", "overhead_pct=25", "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert set(record) == RECORD
    assert record["outputs"]["total_annual"] == 187500
    assert record["outputs"]["itemised"] is False
    assert record["notes"] == []
    assert record["inputs"]["level"] == "mid"
    assert '"itemised": false' in done.stdout or '"itemised":false' in done.stdout


def test_run_prints_a_readable_breakdown() -> None:
    done = cli("run", "loaded-cost", "base_salary=$150,000", "overhead_pct=25%")
    assert done.returncode == 0, done.stderr
    assert "$187,500" in done.stdout
    assert "base salary × 25%" in done.stdout


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["run", "loaded-cost", "overhead_pct=500"], "overhead_pct"),
        (["run", "loaded-cost", "base_salary=abc"], "base_salary"),
        (["run", "loaded-cost", "level=staff"], "level"),
        (["run", "loaded-cost", "bonus=1"], "bonus"),
        (["run", "loaded-cost", "level=mid", "level=senior"], "level"),
        (["run", "loaded-cost", "base_salary"], "base_salary"),
        (["run", "no-such-thing"], "calculator"),
    ],
)
def test_bad_input_exits_2_naming_the_field(args: list[str], field: str) -> None:
    done = cli(*args, "--json")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: ")
    assert set(json.loads(done.stdout)["errors"]) == {field}
    plain = cli(*args)
    assert plain.returncode == 2
    assert plain.stdout == ""
    assert "Traceback" not in plain.stderr


@pytest.mark.parametrize("problem", ["missing", "stale", "unreadable"])
def test_missing_or_stale_figures_exit_2_with_one_line(tmp_path: Path, problem: str) -> None:
    project = copy_project(tmp_path / "project")
    figures = project / CHECKOUT_FIGURES
    if problem != "missing":
        export(project)
        if problem == "stale":
            data = project / "data" / "pay.yaml"
            os.utime(data, (figures.stat().st_mtime + 10, figures.stat().st_mtime + 10))
        else:
            figures.write_text("{not json", encoding="utf-8")
    for args in (["list", "--json"], ["run", "loaded-cost", "--json"], ["run", "loaded-cost"]):
        done = subprocess.run(
            [sys.executable, "-m", "calculators", *args],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(project)},
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr
        assert len(done.stderr.splitlines()) == 1, done.stderr
        assert MAKE_FIGURES in done.stderr
        if "--json" in args:
            assert set(json.loads(done.stdout)["errors"]) == {"figures"}
        else:
            assert done.stdout == ""
