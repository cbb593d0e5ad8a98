"""bad-hire: the cost of a wrong hire against the right one, line by line."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import bad_hire, loaded_cost
from calculators.formatting import about
from calculators.html import results_panel
from calculators.results import present
from tests.calculators.helpers import (
    any_outputs,
    assert_cli_rejects,
    cli,
    errors,
    figures,
    raw_fields,
    record,
    run,
)

CALC = bad_hire.build(figures())
LOADED = loaded_cost.build(figures())
DRIVERS = bad_hire.DRIVERS
YEAR_HOURS = figures().quantity(bad_hire.FULL_TIME_YEAR)
FIVE = ("lost_output", "empty_seat", "team_time", "replacement", "severance")
EVERY_DRIVER = {
    "level": "mid",
    "base_salary": "120,000",
    "overhead_pct": "25",
    "months_before_exit": "6",
    "output_value_multiple": "2",
    "productivity_pct": "50",
    "team_hours_per_week": "5",
    "team_hourly_cost": "60",
    "recruiting_fee_pct": "20",
    "severance_months": "1",
    "months_to_refill": "3",
}


def test_every_driver_default_comes_from_data() -> None:
    got = record(CALC)["inputs"]
    data = figures()
    for name in DRIVERS:
        assert got[name] == data.bad_hire.drivers[name].value
    assert got["months_before_exit"] == data.bad_hire.cost.months_before_exit
    assert got["base_salary"] == data.pay.salary["mid"].middle
    assert got["recruiting_fee_pct"] == data.recruiting.fee.value
    assert got["overhead_pct"] is None


def test_team_hourly_cost_starts_at_the_salarys_loaded_cost_an_hour() -> None:
    for salary in ("80,000", "120,000", "200,000"):
        year = record(LOADED, base_salary=salary)["outputs"]["total_annual"]
        got = record(CALC, base_salary=salary)["inputs"]["team_hourly_cost"]
        assert got == round(year / YEAR_HOURS, 2)


def test_team_hourly_cost_follows_a_flat_overhead() -> None:
    got = record(CALC, base_salary="120,000", overhead_pct="25")["inputs"]["team_hourly_cost"]
    assert got == round(120_000 * 1.25 / YEAR_HOURS, 2)


def test_editorial_drivers_say_they_are_assumptions() -> None:
    ours = figures().sources["editorial"].name
    for name in DRIVERS:
        setting = figures().bad_hire.drivers[name]
        assert setting.source == "editorial"
        assert "our assumption" in CALC.input(name).help
    cited = [item for item in CALC.assumptions if f"Source: {ours}" in item.plain()]
    assert len(cited) == len(DRIVERS)


def test_every_driver_by_hand() -> None:
    got = record(CALC, **EVERY_DRIVER)
    # L = 120,000 × 1.25 = 150,000; V = 2 × L = 300,000
    # output not delivered = 300,000 × (1 − 0.5) × 6 ÷ 12 = 75,000
    # empty seat = (300,000 − 150,000) × 3 ÷ 12 = 37,500
    # others' time = 5 hours × 60 × 6 months × 52 ÷ 12 weeks = 7,800
    # replacing them = 20% × 120,000 = 24,000; severance = 1 × 120,000 ÷ 12 = 10,000
    # value lost = 75,000 + 37,500 = 112,500; cash = 7,800 + 24,000 + 10,000 = 41,800; total 154,300
    assert got["outputs"] == {
        "total": 154_300.0,
        "multiple_of_salary": round(154_300 / 120_000, 6),
        "value_lost": 112_500.0,
        "cash_cost": 41_800.0,
        "lost_output": 75_000.0,
        "empty_seat": 37_500.0,
        "team_time": 7_800.0,
        "replacement": 24_000.0,
        "severance": 10_000.0,
        "monthly_salary": 10_000.0,
    }
    amounts = [line["amount"] for line in got["breakdown"]]
    assert amounts[:7] == [150_000.0, 300_000.0, 75_000.0, 37_500.0, 7_800.0, 24_000.0, 10_000.0]
    assert amounts[7] == 154_300.0
    (note,) = got["notes"]
    assert about(112_500, figures().pay_currency) in note  # to three significant figures
    assert "$41,800" in note


def test_the_itemised_employee_is_loaded_costs_total() -> None:
    for salary in ("80,000", "150,000"):
        year = record(LOADED, base_salary=salary)["outputs"]["total_annual"]
        got = record(CALC, base_salary=salary, output_value_multiple="1", productivity_pct="0", months_to_refill="0")
        lines = {line["label"]: line["amount"] for line in got["breakdown"]}
        assert lines["Employee's cost a year (L)"] == pytest.approx(year, abs=0.01)
        # V = L at a multiple of 1: the empty seat costs nothing, and with no productivity the whole
        # value is lost for the months before exit: L × 6 ÷ 12.
        months = figures().bad_hire.cost.months_before_exit
        assert got["outputs"]["lost_output"] == pytest.approx(year * months / 12, abs=0.01)
        assert got["outputs"]["empty_seat"] == 0


def test_a_perfect_hire_who_leaves_costs_only_the_seat_and_the_cash() -> None:
    got = record(CALC, **(EVERY_DRIVER | {"productivity_pct": "100"}))["outputs"]
    assert got["lost_output"] == 0
    assert got["total"] == 37_500 + 41_800


def test_no_warning_from_the_published_range() -> None:
    # The 2–3× claim is shown as a claim, not checked: no warning names it at any horizon.
    for months in ("1", "6", "24"):
        assert record(CALC, months_before_exit=months)["warnings"] == []


def test_a_salary_below_the_bls_10th_percentile_warns() -> None:
    floor = figures().pay.market.value_at(10)
    assert floor is not None
    assert any("nine in ten" in w for w in record(CALC, level="junior", base_salary=str(floor - 1))["warnings"])


def test_bad_input_names_the_field() -> None:
    found = errors(
        CALC, productivity_pct="101", months_before_exit="2.5", severance_months="-1", output_value_multiple="0.5"
    )
    assert set(found) == {"productivity_pct", "months_before_exit", "severance_months", "output_value_multiple"}


@settings(deadline=None, max_examples=150)
@given(raw_fields(CALC))
def test_any_input_gives_errors_or_finite_outputs(fields: list[tuple[str, str]]) -> None:
    got = any_outputs(CALC, fields)
    if got is not None:
        assert all(got[name] >= 0 for name in FIVE)
        assert math.isclose(got["value_lost"], got["lost_output"] + got["empty_seat"], rel_tol=1e-12)
        assert math.isclose(got["cash_cost"], got["team_time"] + got["replacement"] + got["severance"], rel_tol=1e-12)
        assert math.isclose(got["total"], got["value_lost"] + got["cash_cost"], rel_tol=1e-12)


_percent = st.integers(min_value=0, max_value=100).map(str)


@settings(deadline=None, max_examples=150)
@given(
    months=st.integers(min_value=1, max_value=59),
    salary=st.integers(min_value=1000, max_value=5_000_000),
    productivity=_percent,
    multiple=st.integers(min_value=1, max_value=20).map(str),
    hours=st.integers(min_value=0, max_value=168).map(str),
    refill=st.integers(min_value=0, max_value=36).map(str),
    overhead=st.none() | st.integers(min_value=0, max_value=200).map(str),
)
def test_more_months_never_cost_less(
    *, months: int, salary: int, productivity: str, multiple: str, hours: str, refill: str, overhead: str | None
) -> None:
    fields = {
        "base_salary": str(salary),
        "productivity_pct": productivity,
        "output_value_multiple": multiple,
        "team_hours_per_week": hours,
        "months_to_refill": refill,
    }
    if overhead is not None:
        fields["overhead_pct"] = overhead
    shorter = run(CALC, months_before_exit=str(months), **fields)[1].outputs
    longer = run(CALC, months_before_exit=str(months + 1), **fields)[1].outputs
    assert float(longer["total"]) >= float(shorter["total"])
    assert float(longer["multiple_of_salary"]) >= float(shorter["multiple_of_salary"])


def test_presented_json_is_stable() -> None:
    first = results_panel(present(CALC, *run(CALC, level="senior", months_before_exit="9")))
    assert first == results_panel(present(CALC, *run(CALC, level="senior", months_before_exit="9")))
    assert "our assumption" in first


def test_cli_round_trip() -> None:
    code, got, _ = cli("bad-hire", *(f"{name}={value}" for name, value in EVERY_DRIVER.items()))
    assert code == 0
    assert got["outputs"]["total"] == 154_300.0
    assert [line["label"] for line in got["breakdown"]][2:9] == [
        "Output not delivered",
        "Empty seat",
        "Others' time",
        "Replacing them",
        "Severance",
        "Total",
        "Multiple of annual salary",
    ]


def test_cli_rejects_bad_input() -> None:
    assert_cli_rejects("bad-hire", "productivity_pct", "150%")
