"""The browser's entry point: JSON in, JSON out, never an exception."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators import registry
from calculators.html import results_panel
from calculators.results import calculate, present
from calculators.web import handle, prepare, respond
from tests.pyodide.cases import generate, named_cases
from tests.support.build import ROOT


def test_defaults_follow_the_level_and_fields_come_back_as_text() -> None:
    mid = json.loads(respond(json.dumps({"calculator": "loaded-cost", "fields": []})))
    senior = json.loads(respond(json.dumps({"calculator": "loaded-cost", "fields": [["level", "senior"]]})))
    assert mid["ok"]
    assert senior["ok"]
    assert set(senior) == {"ok", "calculator", "fields", "outputs", "html"}
    assert senior["fields"]["level"] == "senior"
    assert senior["fields"]["base_salary"] != mid["fields"]["base_salary"]
    assert senior["outputs"]["total_annual"] > mid["outputs"]["total_annual"]


def test_the_html_is_the_build_time_panel() -> None:
    for name, calc in registry().items():
        inputs, result = calculate(calc, [])
        answer = handle({"calculator": name, "fields": []})
        assert answer["html"] == results_panel(present(calc, inputs, result))


def test_example_from_the_issue() -> None:
    answer = handle({"calculator": "loaded-cost", "fields": [["base_salary", "150000"], ["overhead_pct", "25"]]})
    assert answer["outputs"]["total_annual"] == 187500


@pytest.mark.parametrize(
    ("request_text", "key"),
    [
        ("nope", "request"),
        ("[1]", "request"),
        ('{"calculator": "nope"}', "calculator"),
        ('{"calculator": "loaded-cost", "fields": {"level": "senior"}}', "request"),
        ('{"calculator": "loaded-cost", "fields": [["level", 3]]}', "request"),
        ('{"calculator": "loaded-cost", "fields": [["level", "x"], ["level", "y"]]}', "level"),
        ('{"calculator": "loaded-cost", "fields": [["base_salary", "150.000"]]}', "base_salary"),
        ("[" * 100_000, "request"),
    ],
)
def test_bad_requests_name_what_is_wrong(request_text: str, key: str) -> None:
    answer = json.loads(respond(request_text))
    assert answer["ok"] is False
    assert key in answer["errors"]
    assert answer["errors"][key]


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.text(max_size=8) | st.integers() | st.just("loaded-cost"),
        lambda inner: st.lists(inner) | st.dictionaries(st.sampled_from(["calculator", "fields", "x"]), inner),
        max_leaves=20,
    )
)
def test_any_json_gets_an_answer(document: object) -> None:
    answer = json.loads(respond(json.dumps(document)))
    assert isinstance(answer["ok"], bool)


def test_compare_sets_results_side_by_side_as_html_and_csv() -> None:
    entries = [
        [["candidate", "Ada"], ["score_database", "4"]],
        [["candidate", "<b>Bob</b>"], ["score_database", "1"], ["flag_no_questions", "yes"]],
    ]
    answer = handle({"calculator": "scorecard", "compare": entries})
    assert answer["ok"], answer
    assert answer["count"] == 2
    assert "&lt;b&gt;Bob&lt;/b&gt;" in answer["html"]
    assert "<b>" not in answer["html"]
    lines = answer["csv"].split("\r\n")
    assert lines[0].startswith("Candidate,Score,Recommendation,Red flags")
    assert lines[1].startswith("Ada,100,")
    assert lines[2].startswith("<b>Bob</b>,0,")


def test_compare_names_the_entry_and_field_that_is_wrong() -> None:
    answer = handle({"calculator": "scorecard", "compare": [[["score_database", "3"]], [["score_database", "9"]]]})
    assert answer == {"ok": False, "errors": {"compare": answer["errors"]["compare"]}}
    assert answer["errors"]["compare"].startswith("Candidate 2: Databases")


@pytest.mark.parametrize(
    "entries",
    [None, "x", [["not", "pairs"]], [[["a", 1]]], [[]] * 21],
)
def test_compare_refuses_malformed_requests(entries: object) -> None:
    answer = handle({"calculator": "scorecard", "compare": entries})
    assert answer["ok"] is False
    assert set(answer["errors"]) <= {"request", "compare"}


def test_only_calculators_with_a_comparison_compare() -> None:
    answer = handle({"calculator": "loaded-cost", "compare": []})
    assert answer["ok"] is False
    assert "no side-by-side view" in answer["errors"]["request"]


NEW_INPUTS = {
    "loaded-cost": {"state", "state_unemployment_pct", "state_wage_base", "health_plan", "overhead_pct"},
    "engagement": {"freelancer_location", "overhead_pct", "hours_per_month", "months"},
    "bad-hire": {"overhead_pct", "output_value_multiple", "months_to_refill"},
    "equity": {"common_price_pct", "exit_valuation", "hire_number"},
    "scorecard": {"flag_no_questions", "score_database", "weight_database"},
}
"""The inputs the rebuilt models read, which the CPython/Pyodide cases must set."""


def test_the_equivalence_cases_set_the_new_inputs_and_get_results() -> None:
    named = [json.loads(case) for case in named_cases()]
    given = {(case["calculator"], name) for case in named for name, _ in case["fields"]}
    for calculator, names in NEW_INPUTS.items():
        assert {(calculator, name) for name in names} <= given, calculator
    overhead = {value for case in named for name, value in case["fields"] if name == "overhead_pct"}
    assert "" in overhead  # blank: itemised
    assert overhead - {""}  # set: one flat line
    assert {case["calculator"] for case in named} == set(registry())
    assert any("sources_href" in case for case in named)
    for case in named_cases():
        answer = json.loads(respond(case))
        assert answer["ok"], (case, answer.get("errors"))
    assert set(named_cases()) <= set(generate())


def test_the_equivalence_cases_reach_the_new_branches() -> None:
    answers = [json.loads(respond(case)) for case in named_cases()]
    outputs = [(answer["calculator"], answer["outputs"]) for answer in answers]
    assert {got["itemised"] for name, got in outputs if name == "loaded-cost"} == {True, False}
    assert {got["break_even_within_full_time"] for name, got in outputs if name == "engagement"} == {True, False}
    assert any(got["value_at_exit"] == 0 for name, got in outputs if name == "equity")
    assert any(got["value_at_exit"] > 0 for name, got in outputs if name == "equity")
    assert any(got["knockouts"] for name, got in outputs if name == "scorecard")
    assert any(not got["knockouts"] and got["scored_areas"] for name, got in outputs if name == "scorecard")
    html = " ".join(answer["html"] for answer in answers)
    assert "looks like employment" in html
    assert "cost of living" in html
    assert "nine in ten" in html
    assert '<a href="../../sources/#source-' in html
    assert "javascript:" not in html


def test_scenarios_come_back_read_and_set_side_by_side() -> None:
    fields = [["base_salary", "100000"], ["overhead_pct", "20"], ["recruiting_fee", "0"]]
    kept = [["s1.name", "<b>Senior</b>"], ["s1.base_salary", "150000"], ["s1.overhead_pct", "20"], ["s7.level", "x"]]
    answer = handle({"calculator": "loaded-cost", "fields": fields, "scenarios": kept})
    assert answer["ok"]
    scenarios = answer["scenarios"]
    assert set(scenarios) == {"kept", "html", "notes"}
    (first,) = scenarios["kept"]
    assert first["name"] == "<b>Senior</b>"  # text: the page puts it into .value, never into HTML
    assert dict(first["fields"])["base_salary"] == "150,000"
    assert len(first["fields"]) == len(registry()["loaded-cost"].inputs)  # every input, to write into the address
    assert scenarios["notes"] == ["Scenario 7 is ignored: scenarios are numbered 1 to 3."]
    assert "&lt;b&gt;Senior&lt;/b&gt;" in scenarios["html"]
    assert "<b>" not in scenarios["html"]
    assert "(+$60,000)" in scenarios["html"]  # 150,000 × 1.2 − 100,000 × 1.2
    # Without the key the response is as before (the pre-rendered panel's contract).
    assert "scenarios" not in handle({"calculator": "loaded-cost", "fields": fields})
    empty = handle({"calculator": "loaded-cost", "fields": fields, "scenarios": []})["scenarios"]
    assert empty == {"kept": [], "html": "", "notes": []}


@pytest.mark.parametrize("kept", ["s1.level=senior", [["s1.level"]], [["s1.level", 1]], [["s1.a", "1"]] * 402])
def test_malformed_scenarios_are_a_bad_request(kept: object) -> None:
    answer = handle({"calculator": "loaded-cost", "fields": [], "scenarios": kept})
    assert answer["ok"] is False
    assert "request" in answer["errors"]


def test_input_errors_win_over_scenarios() -> None:
    answer = handle(
        {"calculator": "loaded-cost", "fields": [["base_salary", "x"]], "scenarios": [["s1.level", "senior"]]}
    )
    assert answer["ok"] is False
    assert "base_salary" in answer["errors"]


# Standard-library modules a first start in the browser would compile from source (Pyodide
# ships its standard library as sources), each for an export or a convenience the worker
# can do without: html (its entity table, ~45 ms), csv (~17 ms, only for an export) and
# hashlib (~9 ms). See calculators/markup.py, scorecard.compare_csv and charts.chart_id.
KEPT_OUT_OF_A_START = ("html", "csv", "hashlib")


def test_importing_the_worker_module_leaves_out_costly_stdlib_modules() -> None:
    probe = (
        f"import sys, calculators.web; print(' '.join(name for name in {KEPT_OUT_OF_A_START!r} if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_prepare_builds_the_calculators_the_first_answer_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calculators, "_shipped", {})
    prepare()
    built = calculators._shipped
    assert set(built) == set(calculators.BUILDERS)
    assert calculators.get("loaded-cost") is built["loaded-cost"]
