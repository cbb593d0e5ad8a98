"""equity: value of the grant, vesting with a cliff, the schedule as a table and a chart."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import equity
from calculators.charts import render_svg
from calculators.html import results_panel
from calculators.results import present
from tests.calculators.helpers import check_any_input, cli, errors, figures, raw_fields, record, run

CALC = equity.build(figures())


def test_defaults_come_from_data() -> None:
    got = record(CALC)["inputs"]
    assert got["grant_pct"] == figures().equity.early_engineer.middle
    assert got["vest_years"] == figures().equity.vesting.years
    assert got["cliff_months"] == figures().equity.vesting.cliff_months
    assert got["valuation"] == figures().equity.defaults.valuation
    assert got["months_employed"] == figures().equity.defaults.months_employed
    assert got["dilution_pct"] == figures().equity.defaults.dilution_pct
    assert got["base_salary"] is None


def test_hand_computed_example() -> None:
    got = record(
        CALC,
        grant_pct="0.5",
        valuation="$20,000,000",
        vest_years="4",
        cliff_months="12",
        months_employed="18",
        base_salary="150000",
        dilution_pct="20",
    )
    # 0.5% × 20,000,000 × 0.8 = 80,000; 18/48 vested; 80,000 / 4 a year
    assert got["outputs"] == {
        "vested_pct": 0.1875,
        "vested_share_of_grant_pct": 37.5,
        "grant_value": 80000.0,
        "vested_value": 30000.0,
        "annual_equity_value": 20000.0,
        "total_comp_annual": 170000.0,
    }


@pytest.mark.parametrize(
    ("months", "share"),
    [(0, 0.0), (11, 0.0), (12, 25.0), (13, 27.083333), (36, 75.0), (48, 100.0), (120, 100.0)],
)
def test_vesting_with_a_one_year_cliff(months: int, share: float) -> None:
    got = record(CALC, vest_years="4", cliff_months="12", months_employed=str(months))
    assert got["outputs"]["vested_share_of_grant_pct"] == share


def test_no_cliff_vests_monthly_from_the_start() -> None:
    got = record(CALC, cliff_months="0", months_employed="1", vest_years="1")
    assert got["outputs"]["vested_share_of_grant_pct"] == round(100 / 12, 6)
    assert any("without a cliff" in warning for warning in got["warnings"])


def test_cliff_longer_than_vesting_is_refused() -> None:
    assert errors(CALC, vest_years="1", cliff_months="13") == {
        "cliff_months": "Cliff of 13 months is longer than the vesting (1 years = 12 months); enter at most 12"
    }
    assert record(CALC, vest_years="1", cliff_months="12")["outputs"]["grant_value"] > 0


def test_schedule_table_and_chart() -> None:
    _, result = run(CALC, grant_pct="1", valuation="1,000,000", months_employed="30")
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
    assert set(errors(CALC, grant_pct="101", vest_years="0", dilution_pct="100")) == {
        "grant_pct",
        "vest_years",
        "dilution_pct",
    }


@settings(deadline=None, max_examples=150)
@given(raw_fields(CALC))
def test_any_input_gives_errors_or_finite_outputs(fields: list[tuple[str, str]]) -> None:
    result = check_any_input(CALC, fields)
    if result is not None:
        outputs = result.outputs
        assert float(outputs["vested_value"]) <= float(outputs["grant_value"]) * (1 + 1e-12)
        assert 0 <= float(outputs["vested_share_of_grant_pct"]) <= 100


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
    code, got, _ = cli("equity", "grant_pct=0.5%", "valuation=20,000,000", "months_employed=48", "base_salary=100000")
    assert code == 0
    assert got["outputs"]["grant_value"] == 100000.0
    assert got["outputs"]["vested_value"] == 100000.0
    assert got["outputs"]["total_comp_annual"] == 125000.0


def test_cli_rejects_a_cliff_past_the_vesting() -> None:
    code, got, stderr = cli("equity", "vest_years=2", "cliff_months=30")
    assert code == 2
    assert list(got["errors"]) == ["cliff_months"]
    assert "Traceback" not in stderr


def test_present_formats_the_schedule_and_draws_the_chart() -> None:
    shown = present(CALC, *run(CALC, grant_pct="1", valuation="1,000,000"))
    (table,) = shown.tables
    assert table.columns[0].label == "Month"
    twelve = next(row for row in table.rows if row[0].value == 12)
    assert [cell.display for cell in twelve] == ["12", "25%", "0.25%", "$2,500"]
    (chart,) = shown.charts
    assert chart.svg.startswith('<svg class="calc-chart"')
    assert chart.description in chart.svg
