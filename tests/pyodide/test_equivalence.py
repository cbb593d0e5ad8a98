"""CPython and Pyodide give byte-identical responses to the same requests.

The Node script loads the npm Pyodide and the wheel the built site ships, and runs every
generated request through ``calculators.web.respond``; this test runs the same requests in
CPython and compares the JSON text exactly.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from calculators import registry
from calculators.web import respond
from tests.pyodide.cases import MIN_CASES, generate
from tests.support.build import ROOT

pytestmark = [pytest.mark.pyodide, pytest.mark.slow]

SCRIPT = Path(__file__).with_name("run_cases.mjs")


def test_cases_cover_every_calculator_valid_and_invalid() -> None:
    cases = generate()
    assert len(cases) >= MIN_CASES
    answers = [json.loads(respond(case)) for case in cases]
    named = {json.loads(case).get("calculator") for case in cases if case.startswith("{")}
    assert set(registry()) <= named
    assert sum(answer["ok"] for answer in answers) >= len(cases) // 4
    assert sum(not answer["ok"] for answer in answers) >= len(cases) // 10


def test_pyodide_matches_cpython_byte_for_byte(site: Path, tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for the Pyodide equivalence test"
    cases = generate()
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps(cases), encoding="utf-8")
    done = subprocess.run(
        [node, str(SCRIPT), str(site), str(cases_file)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(done.stdout)
    assert result["python"].startswith("3.1")
    pyodide_answers = result["responses"]
    assert len(pyodide_answers) == len(cases)
    mismatches = [
        (case, expected, got)
        for case, got in zip(cases, pyodide_answers, strict=True)
        if (expected := respond(case)) != got
    ]
    assert not mismatches, f"{len(mismatches)} of {len(cases)} differ; first: {mismatches[0]}"
