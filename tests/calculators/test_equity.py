"""equity: paper value, the cost to exercise, value at an exit, vesting with a cliff, the usual range."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import equity
from calculators.charts import render_svg
from calculators.formatting import percent_range
from calculators.html import results_panel
from calculators.results import present
from tests.calculators.helpers import (
    any_outputs,
    cli,
    errors,
    figures,
    outputs_of,
    raw_fields,
    record,
    run,
)

CALC = equity.build(figures())
HIRES = figures().equity.by_hire.hires
EARLY = figures().equity.early_engineer
UNDERWATER = "underwater"
NORMAL = {
    "grant_pct": "1",
    "valuation": "10,000,000",
    "common_price_pct": "25",
    "exit_valuation": "100,000,000",
    "dilution_pct": "40",
    "vest_years": "4",
    "cliff_months": "12",
    "months_employed": "24",
    "base_salary": "150,000",
    "hire_number": "1",
}


def test_defaults_come_from_data() -> None:
    got = record(CALC)["inputs"]
    defaults = figures().equity.defaults
    assert got["grant_pct"] == HIRES[0].median
    assert got["vest_years"] == figures().equity.vesting.years
    assert got["cliff_months"] == figures().equity.vesting.cliff_months
    assert got["valuation"] == defaults.valuation
    assert got["common_price_pct"] == defaults.common_price_pct
    assert got["exit_valuation"] == defaults.exit_valuation
    assert got["months_employed"] == defaults.months_employed
    assert got["dilution_pct"] == defaults.dilution_pct
    assert got["base_salary"] is None
    assert got["hire_number"] is None


def test_a_normal_grant_by_hand() -> None:
    got = record(CALC, **NORMAL)
    # paper 1% × 10,000,000 = 100,000; exercise 100,000 × 25% = 25,000
    # at exit 1% × (1 − 40%) × 100,000,000 − 25,000 = 600,000 − 25,000 = 575,000
    # vested 24 ÷ 48 = 50%: 0.5% of the company, 287,500 at exit, 12,500 to exercise
    # a year 575,000 ÷ 4 = 143,750; total 150,000 + 143,750 = 293,750
    assert got["outputs"] == {
        "paper_value": 100_000.0,
        "exercise_cost": 25_000.0,
        "value_at_exit": 575_000.0,
        "vested_pct": 0.5,
        "vested_share_of_grant_pct": 50.0,
        "vested_value_at_exit": 287_500.0,
        "exercise_cost_vested": 12_500.0,
        "annual_equity_value": 143_750.0,
        "total_comp_annual": 293_750.0,
    }
    assert not any(UNDERWATER in warning for warning in got["warnings"])


def test_an_underwater_grant_by_hand() -> None:
    got = record(CALC, **(NORMAL | {"common_price_pct": "50", "exit_valuation": "5,000,000"}))
    # paper 100,000; exercise 100,000 × 50% = 50,000
    # at exit max(0, 1% × 60% × 5,000,000 − 50,000) = max(0, 30,000 − 50,000) = 0
    out = got["outputs"]
    assert (out["paper_value"], out["exercise_cost"], out["value_at_exit"]) == (100_000.0, 50_000.0, 0.0)
    assert (out["vested_value_at_exit"], out["annual_equity_value"]) == (0.0, 0.0)
    assert out["exercise_cost_vested"] == 25_000.0  # half vested: what keeping them would still cost
    assert out["total_comp_annual"] == 150_000.0
    assert any(UNDERWATER in warning for warning in got["warnings"])


def test_an_exit_of_zero_is_worth_nothing() -> None:
    got = record(CALC, **(NORMAL | {"exit_valuation": "0"}))
    assert got["outputs"]["value_at_exit"] == 0
    assert any(UNDERWATER in warning for warning in got["warnings"])


@pytest.mark.parametrize(
    ("months", "fraction", "vested"),
    [
        # 4 years = 48 months, 12-month cliff: nothing before it; at it 12 ÷ 48; then monthly; never past all.
        ("11", 0.0, False),
        ("12", 12 / 48, True),
        ("13", 13 / 48, True),
        ("30", 30 / 48, True),
        ("48", 1.0, True),
        ("120", 1.0, True),
    ],
)
def test_vesting_before_at_and_after_the_cliff(months: str, fraction: float, vested: bool) -> None:
    got = record(CALC, **(NORMAL | {"months_employed": months}))
    out = got["outputs"]
    # Of a 1% grant worth 575,000 at the exit that costs 25,000 to exercise in full.
    assert out["vested_share_of_grant_pct"] == round(fraction * 100, 6)
    assert out["vested_pct"] == round(fraction * 1, 6)
    assert out["vested_value_at_exit"] == pytest.approx(575_000 * fraction, abs=0.01)
    assert out["exercise_cost_vested"] == pytest.approx(25_000 * fraction, abs=0.01)
    assert any("Nothing has vested yet" in warning for warning in got["warnings"]) is not vested


def test_no_cliff_vests_monthly_from_the_start() -> None:
    got = record(CALC, cliff_months="0", months_employed="1", vest_years="1")
    assert got["outputs"]["vested_share_of_grant_pct"] == round(100 / 12, 6)
    assert any("without a cliff" in warning for warning in got["warnings"])


def test_cliff_longer_than_vesting_is_refused() -> None:
    assert errors(CALC, vest_years="1", cliff_months="13") == {
        "cliff_months": "Cliff of 13 months is longer than the vesting (1 years = 12 months); enter at most 12"
    }
    assert outputs_of(CALC, vest_years="1", cliff_months="12", months_employed="12")["vested_share_of_grant_pct"] == 100


def _range_warning(warnings: list[str], low: float, high: float) -> bool:
    return any(percent_range(low, high) in warning for warning in warnings)


@pytest.mark.parametrize("hire", range(1, len(HIRES) + 1))
def test_the_range_is_that_hires_quartiles(hire: int) -> None:
    grant = HIRES[hire - 1]
    for value, outside in ((grant.p25, False), (grant.p75, False), (grant.p25 - 0.01, True), (grant.p75 + 0.01, True)):
        warnings = record(CALC, grant_pct=f"{value:.4f}", hire_number=str(hire))["warnings"]
        assert _range_warning(warnings, grant.p25, grant.p75) is outside, (hire, value)
        if outside:
            assert any(f"hire #{hire}" in warning for warning in warnings)


def test_without_a_hire_number_the_range_is_the_widest_band() -> None:
    low = min(grant.p25 for grant in HIRES)
    high = max(grant.p75 for grant in HIRES)
    for value, outside in ((low, False), (high, False), (low - 0.01, True), (high + 0.01, True)):
        warnings = record(CALC, grant_pct=f"{value:.4f}")["warnings"]
        assert _range_warning(warnings, low, high) is outside, value
    # Inside the widest band but outside hire #1's quartiles: only a hire number makes it warn.
    narrow = HIRES[0]
    if low < narrow.p25:
        assert not _range_warning(record(CALC, grant_pct=f"{low:.4f}")["warnings"], low, high)
        one = record(CALC, grant_pct=f"{low:.4f}", hire_number="1")["warnings"]
        assert _range_warning(one, narrow.p25, narrow.p75)


def test_beyond_the_data_the_range_is_the_vendor_articles() -> None:
    beyond = str(len(HIRES) + 1)
    inside = record(CALC, grant_pct=f"{EARLY.middle:.4f}", hire_number=beyond)["warnings"]
    assert not _range_warning(inside, EARLY.min, EARLY.max)
    outside = record(CALC, grant_pct=f"{EARLY.max + 0.01:.4f}", hire_number=beyond)["warnings"]
    assert _range_warning(outside, EARLY.min, EARLY.max)
    assert any("vendor article" in warning for warning in outside)


def test_schedule_table_and_chart() -> None:
    fields = {"grant_pct": "1", "valuation": "1,000,000", "common_price_pct": "0", "exit_valuation": "1,000,000"}
    _, result = run(CALC, dilution_pct="0", months_employed="30", **fields)
    # At exit 1% × 1,000,000 − 0 = 10,000; at the cliff 25% of it.
    (table,) = result.tables
    (chart,) = result.charts
    months = [row[0] for row in table.rows]
    assert months == [0, 6, 11, 12, 18, 24, 30, 36, 42, 48]
    by_month = {row[0]: row for row in table.rows}
    assert by_month[11][1:] == (0.0, 0.0, 0.0)
    assert by_month[12][1:] == (25.0, 0.25, 2500.0)
    assert by_month[48][1:] == (100.0, 1.0, 10000.0)
    (series,) = chart.series
    assert len(series.points) == 49
    assert series.points[11] == (11.0, 0.0)
    assert series.points[12] == (12.0, 2500.0)
    svg = render_svg(chart)
    assert 'role="img"' in svg
    assert "Vested value" in svg


def test_bad_input_names_the_field() -> None:
    found = errors(CALC, grant_pct="101", vest_years="0", dilution_pct="100", hire_number="0", common_price_pct="101")
    assert set(found) == {"grant_pct", "vest_years", "dilution_pct", "hire_number", "common_price_pct"}


@settings(deadline=None, max_examples=150)
@given(raw_fields(CALC))
def test_any_input_gives_errors_or_finite_outputs(fields: list[tuple[str, str]]) -> None:
    out = any_outputs(CALC, fields)
    if out is not None:
        assert out["value_at_exit"] >= 0
        assert out["vested_value_at_exit"] <= out["value_at_exit"] * (1 + 1e-12)
        assert out["exercise_cost_vested"] <= out["exercise_cost"] * (1 + 1e-12)
        assert out["exercise_cost"] <= out["paper_value"] * (1 + 1e-12)
        assert 0 <= out["vested_share_of_grant_pct"] <= 100


@settings(deadline=None, max_examples=200)
@given(
    grant=st.decimals(min_value=0, max_value=100, places=2),
    valuation=st.integers(min_value=0, max_value=equity.MAX_VALUATION),
    strike=st.integers(min_value=0, max_value=100),
    exit_value=st.integers(min_value=0, max_value=equity.MAX_VALUATION),
    dilution=st.integers(min_value=0, max_value=99),
)
def test_value_at_exit_is_never_negative_and_never_falls_with_a_bigger_exit(
    grant: Decimal, valuation: int, strike: int, exit_value: int, dilution: int
) -> None:
    fields = {
        "grant_pct": str(grant),
        "valuation": str(valuation),
        "common_price_pct": str(strike),
        "dilution_pct": str(dilution),
    }
    now = outputs_of(CALC, exit_valuation=str(exit_value), **fields)
    assert now["value_at_exit"] >= 0
    bigger = outputs_of(CALC, exit_valuation=str(min(exit_value * 2 + 1, equity.MAX_VALUATION)), **fields)
    assert bigger["value_at_exit"] >= now["value_at_exit"]
    # Never more than the grant's diluted share of the exit.
    assert now["value_at_exit"] <= float(grant) / 100 * (1 - dilution / 100) * exit_value + 0.01


@settings(deadline=None, max_examples=200)
@given(
    years=st.integers(min_value=1, max_value=10),
    cliff=st.integers(min_value=0, max_value=120),
    months=st.integers(min_value=0, max_value=599),
    grant=st.decimals(min_value=0, max_value=100, places=2),
)
def test_vesting_never_falls_and_never_exceeds_the_grant(years: int, cliff: int, months: int, grant: Decimal) -> None:
    cliff = min(cliff, years * 12)
    fields = {"vest_years": str(years), "cliff_months": str(cliff), "grant_pct": str(grant)}
    now = run(CALC, months_employed=str(months), **fields)[1].outputs
    later = run(CALC, months_employed=str(months + 1), **fields)[1].outputs
    assert float(later["vested_pct"]) >= float(now["vested_pct"])
    assert float(now["vested_pct"]) <= float(str(grant)) * (1 + 1e-12)
    if months < cliff:
        assert now["vested_pct"] == 0
    if months >= years * 12:
        assert math.isclose(float(now["vested_pct"]), float(str(grant)))


def test_presented_json_is_stable() -> None:
    first = results_panel(present(CALC, *run(CALC, months_employed="7")))
    assert first == results_panel(present(CALC, *run(CALC, months_employed="7")))
    assert "<caption>Vesting schedule</caption>" in first


def test_cli_round_trip() -> None:
    code, got, _ = cli("equity", *(f"{name}={value}" for name, value in NORMAL.items()))
    assert code == 0
    assert got["outputs"]["value_at_exit"] == 575_000.0
    assert got["outputs"]["exercise_cost_vested"] == 12_500.0
    assert got["outputs"]["total_comp_annual"] == 293_750.0
    assert got["inputs"]["hire_number"] == 1


def test_cli_rejects_a_cliff_past_the_vesting() -> None:
    code, got, stderr = cli("equity", "vest_years=2", "cliff_months=30")
    assert code == 2
    assert list(got["errors"]) == ["cliff_months"]
    assert "Traceback" not in stderr


def test_present_formats_the_schedule_and_draws_the_chart() -> None:
    fields = {"grant_pct": "1", "valuation": "1,000,000", "common_price_pct": "0", "exit_valuation": "1,000,000"}
    shown = present(CALC, *run(CALC, dilution_pct="0", **fields))
    (table,) = shown.tables
    assert table.columns[0].label == "Month"
    twelve = next(row for row in table.cells if row[0].value == 12)
    assert [cell.display for cell in twelve] == ["12", "25%", "0.25%", "$2,500"]
    (chart,) = shown.charts
    assert chart.svg.startswith('<svg class="calc-chart"')
    assert chart.description in chart.svg
