"""bad-hire: five drivers, their sum, and the published 2-3x range at the starting values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import bad_hire
from calculators.html import results_panel
from calculators.results import present
from tests.calculators.helpers import check_any_input, cli, errors, figures, raw_fields, record, run

CALC = bad_hire.build(figures())
DRIVERS = bad_hire.DRIVERS


def test_every_driver_default_comes_from_data() -> None:
    got = record(CALC)["inputs"]
    for name in DRIVERS:
        assert got[name] == figures().bad_hire.drivers[name].value
    assert got["months_before_exit"] == figures().bad_hire.cost.months_before_exit
    assert got["base_salary"] == figures().pay.salary["mid"].middle


def test_editorial_drivers_say_they_are_assumptions() -> None:
    for name in DRIVERS:
        setting = figures().bad_hire.drivers[name]
        assert setting.source == "editorial"
        assert "our assumption" in CALC.input(name).help
    assert sum("(our assumption)" in text for text in CALC.assumptions) == len(DRIVERS)


def test_hand_computed_example() -> None:
    got = record(
        CALC,
        base_salary="120,000",
        months_before_exit="6",
        overhead_pct="25",
        output_value_multiple="3",
        productivity_pct="50",
        team_hours_per_week="5",
        team_hourly_cost="75",
        recruiting_fee_pct="20",
        severance_months="1",
        months_to_refill="3",
    )
    amounts = [line["amount"] for line in got["breakdown"]]
    # monthly 10,000: 10,000×1.25×6; 10,000×3×0.5×6; 5×75×52/12×6; 0.2×120,000 + 1×10,000; 10,000×3×3
    assert amounts[:5] == [75000.0, 90000.0, 9750.0, 34000.0, 90000.0]
    assert got["outputs"]["total"] == 298750.0
    assert got["outputs"]["multiple_of_salary"] == round(298750 / 120000, 6)


@pytest.mark.parametrize("level", ["junior", "mid", "senior"])
def test_six_months_at_the_starting_values_lands_in_the_published_range(level: str) -> None:
    published = figures().bad_hire.cost
    got = record(CALC, level=level, months_before_exit="6")
    assert published.min <= got["outputs"]["multiple_of_salary"] <= published.max
    assert got["warnings"] == []


def test_warns_outside_the_published_range() -> None:
    low = run(CALC, months_before_exit="1", output_value_multiple="0", months_to_refill="0")[1]
    assert any("below" in warning for warning in low.warnings)
    high = run(CALC, months_before_exit="24")[1]
    assert any("above" in warning for warning in high.warnings)


def test_bad_input_names_the_field() -> None:
    assert set(errors(CALC, productivity_pct="101", months_before_exit="2.5", severance_months="-1")) == {
        "productivity_pct",
        "months_before_exit",
        "severance_months",
    }


@settings(deadline=None, max_examples=150)
@given(raw_fields(CALC))
def test_any_input_gives_errors_or_finite_outputs(fields: list[tuple[str, str]]) -> None:
    result = check_any_input(CALC, fields)
    if result is not None:
        lines = [line.amount for line in result.breakdown]
        assert all(amount >= 0 for amount in lines)
        assert math.isclose(sum(lines[:5]), float(result.outputs["total"]), rel_tol=1e-12)


_number = st.integers(min_value=0, max_value=100).map(str)


@settings(deadline=None, max_examples=150)
@given(
    months=st.integers(min_value=1, max_value=59),
    salary=st.integers(min_value=1000, max_value=5_000_000),
    productivity=_number,
    multiple=st.integers(min_value=0, max_value=20).map(str),
    hours=_number,
    overhead=st.integers(min_value=0, max_value=200).map(str),
)
def test_more_months_never_cost_less(
    *, months: int, salary: int, productivity: str, multiple: str, hours: str, overhead: str
) -> None:
    fields = {
        "base_salary": str(salary),
        "productivity_pct": productivity,
        "output_value_multiple": multiple,
        "team_hours_per_week": hours,
        "overhead_pct": overhead,
    }
    shorter = run(CALC, months_before_exit=str(months), **fields)[1].outputs
    longer = run(CALC, months_before_exit=str(months + 1), **fields)[1].outputs
    assert float(longer["total"]) >= float(shorter["total"])
    assert float(longer["multiple_of_salary"]) >= float(shorter["multiple_of_salary"])


def test_presented_json_is_stable() -> None:
    first = results_panel(present(CALC, *run(CALC, level="senior", months_before_exit="9")))
    assert first == results_panel(present(CALC, *run(CALC, level="senior", months_before_exit="9")))
    assert "our assumption" in first


def test_cli_round_trip() -> None:
    code, got, _ = cli("bad-hire", "base_salary=$120,000", "months_before_exit=6")
    assert code == 0
    assert got["outputs"]["total"] == 298750.0
    assert [line["label"] for line in got["breakdown"]][:5] == [
        "Pay while employed",
        "Output not delivered",
        "Others' time",
        "Replacing them",
        "Empty seat",
    ]


def test_cli_rejects_bad_input() -> None:
    code, got, stderr = cli("bad-hire", "productivity_pct=150%")
    assert code == 2
    assert list(got["errors"]) == ["productivity_pct"]
    assert "Traceback" not in stderr
