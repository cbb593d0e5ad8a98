from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import get
from calculators.figures import shipped
from calculators.parsing import InputErrors
from calculators.results import calculate, dumps, present


def run(**fields: str) -> dict[str, object]:
    calc = get("loaded-cost")
    inputs, result = calculate(calc, list(fields.items()))
    return present(calc, inputs, result).record()


def test_the_issue_example() -> None:
    record = run(base_salary="150000", overhead_pct="25")
    assert record["outputs"] == {
        "total_annual": 187500.0,
        "monthly": 15625.0,
        "first_year_total": 187500.0,
        "overhead_amount": 37500.0,
    }


def test_defaults_come_from_data() -> None:
    figures = shipped()
    record = run(level="senior")
    inputs = record["inputs"]
    assert isinstance(inputs, dict)
    assert inputs["base_salary"] == figures.pay.salary["senior"].middle
    assert inputs["overhead_pct"] == figures.pay.overhead.middle
    assert inputs["recruiting_fee"] == 0.0


def test_recruiting_fee_is_paid_once() -> None:
    outputs = run(base_salary="100,000", overhead_pct="20", recruiting_fee="$15,000")["outputs"]
    assert outputs == {
        "total_annual": 120000.0,
        "monthly": 10000.0,
        "first_year_total": 135000.0,
        "overhead_amount": 20000.0,
    }


def test_money_is_rounded_to_cents() -> None:
    outputs = run(base_salary="100,001", overhead_pct="0")["outputs"]
    assert isinstance(outputs, dict)
    assert outputs["monthly"] == 8333.42


def test_warnings_flag_figures_outside_the_usual_bands() -> None:
    warnings = run(level="junior", base_salary="300,000", overhead_pct="5")["warnings"]
    assert isinstance(warnings, list)
    assert any("above the usual Junior band" in w for w in warnings)
    assert any("outside the usual range" in w for w in warnings)
    assert run(level="mid")["warnings"] == []


def test_breakdown_adds_up() -> None:
    record = run(level="mid", recruiting_fee="12,500")
    lines = {line["label"]: line["amount"] for line in record["breakdown"]}  # type: ignore[attr-defined]
    assert lines["Base salary"] + lines["Overhead"] == lines["Fully loaded cost a year"]
    assert lines["Fully loaded cost a year"] + lines["Recruiting fee (once)"] == lines["First-year cost"]


def test_presented_text_matches_the_values() -> None:
    calc = get("loaded-cost")
    inputs, result = calculate(calc, [("base_salary", "150000"), ("overhead_pct", "25")])
    shown = present(calc, inputs, result)
    assert shown.outputs["total_annual"].display == "$187,500"
    assert shown.field_texts()["base_salary"] == "150,000"
    assert dumps(shown.record()) == dumps(present(calc, inputs, result).record())


FIELD_TEXT = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", " ", "1e308", "NaN", "-0", "0x1F", "150.000", "$1,000,000", "100%", "junior", "senior"]),
)


@settings(max_examples=1500)
@given(
    st.dictionaries(st.sampled_from(["level", "base_salary", "overhead_pct", "recruiting_fee", "bonus"]), FIELD_TEXT)
)
def test_any_input_gives_finite_outputs_or_field_errors(fields: dict[str, str]) -> None:
    calc = get("loaded-cost")
    try:
        inputs, result = calculate(calc, list(fields.items()))
    except InputErrors as problem:
        assert problem.errors
        assert set(problem.errors) <= set(fields)
        assert all(isinstance(m, str) and m for m in problem.errors.values())
        return
    record = present(calc, inputs, result).record()
    for value in record["outputs"].values():
        assert math.isfinite(value)
        assert value >= 0
    assert record["outputs"]["first_year_total"] >= record["outputs"]["total_annual"]


@given(
    st.floats(min_value=1000, max_value=5_000_000),
    st.floats(min_value=0, max_value=200),
    st.floats(min_value=0, max_value=200),
)
def test_more_overhead_never_costs_less(base: float, low: float, high: float) -> None:
    low, high = sorted((low, high))
    cheap = run(base_salary=f"{base:.2f}", overhead_pct=f"{low:.2f}")["outputs"]
    dear = run(base_salary=f"{base:.2f}", overhead_pct=f"{high:.2f}")["outputs"]
    assert dear["total_annual"] >= cheap["total_annual"]  # type: ignore[index]


def test_a_wrong_field_is_named() -> None:
    with pytest.raises(InputErrors) as caught:
        run(overhead_pct="250")
    assert list(caught.value.errors) == ["overhead_pct"]
    assert "from 0 to 200 %" in caught.value.errors["overhead_pct"]
