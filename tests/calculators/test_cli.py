"""``python -m calculators``: the contract other tools rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_run_json_is_exactly_one_object() -> None:
    done = cli("run", "loaded-cost", "base_salary=150000", "overhead_pct=25", "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert set(record) == {"calculator", "inputs", "outputs", "breakdown", "warnings"}
    assert record["outputs"]["total_annual"] == 187500
    assert record["inputs"]["level"] == "mid"


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
