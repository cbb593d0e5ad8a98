"""engagement: the three options' totals, the break-even workload, the chart and its table."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import engagement
from calculators.charts import render_svg
from calculators.html import results_panel
from calculators.results import present
from tests.calculators.helpers import check_any_input, cli, errors, figures, raw_fields, record, run

CALC = engagement.build(figures())


def test_defaults_come_from_data() -> None:
    got = record(CALC)
    data = figures()
    assert got["inputs"]["level"] == data.engagement.defaults.level
    assert got["inputs"]["months"] == data.engagement.defaults.months
    assert got["inputs"]["ft_base_salary"] == data.pay.salary["mid"].middle
    assert got["inputs"]["freelance_rate"] == data.pay.freelance["mid"].middle
    assert got["inputs"]["agency_rate"] == data.pay.agency[data.engagement.defaults.agency_region].middle
    assert got["inputs"]["overhead_pct"] == data.pay.overhead.middle
    assert got["inputs"]["hours_per_month"] == round(data.quantity("full_time_year") / 12)


def test_yearly_break_even_matches_the_guide_arithmetic() -> None:
    # The guide's table: fully loaded salary at the midpoints ÷ the freelance midpoint = hours a year.
    data = figures()
    loaded = data.pay.salary["mid"].middle * (1 + data.pay.overhead.middle / 100)
    got = record(CALC, level="mid")["outputs"]
    assert got["break_even_hours_per_year"] == round(loaded / data.pay.freelance["mid"].middle, 6)


def test_hand_computed_example() -> None:
    got = record(
        CALC,
        ft_base_salary="100,000",
        overhead_pct="20",
        months="6",
        ft_hiring_cost="$10,000",
        freelance_rate="50",
        hours_per_month="100",
        agency_rate="60",
    )
    # 100,000 × 1.2 × 6 / 12 + 10,000; 50 × 100 × 6; 60 × 100 × 6; 70,000 / (6 × 50)
    assert got["outputs"] == {
        "full_time_total": 70000.0,
        "freelance_total": 30000.0,
        "agency_total": 36000.0,
        "break_even_hours_per_month": 233.333333,
        "break_even_hours_per_year": 2800.0,
        "cheapest": "Freelancer",
    }


def test_full_time_is_cheapest_at_a_heavy_workload() -> None:
    got = record(CALC, ft_base_salary="120000", overhead_pct="25", freelance_rate="100", hours_per_month="200")
    # 150,000 a year vs 100 × 200 × 12 = 240,000
    assert got["outputs"]["cheapest"] == "Full-time employee"
    assert got["outputs"]["break_even_hours_per_month"] == 125.0


def test_a_tie_names_both() -> None:
    got = record(CALC, freelance_rate="70", agency_rate="70", ft_base_salary="500,000")
    assert got["outputs"]["cheapest"] == "Freelancer and Agency (the same cost)"


def test_agency_rate_follows_the_region() -> None:
    regions = figures().pay.agency
    for region, band in regions.items():
        assert record(CALC, agency_region=region)["inputs"]["agency_rate"] == band.middle


def test_chart_and_table_hold_the_same_months() -> None:
    inputs, result = run(CALC, months="4", ft_hiring_cost="5000")
    (chart,) = result.charts
    (table,) = result.tables
    assert [len(series.points) for series in chart.series] == [5, 5, 5]
    assert [row[0] for row in table.rows] == [1, 2, 3, 4]
    for index, series in enumerate(chart.series):
        assert series.points[0] == (0.0, 5000.0 if index == 0 else 0.0)
        assert [round(y, 2) for _, y in series.points[1:]] == [row[index + 1] for row in table.rows]
    last = table.rows[-1]
    outputs = result.outputs
    totals = ("full_time_total", "freelance_total", "agency_total")
    assert last[1:] == tuple(round(float(outputs[name]), 2) for name in totals)
    svg = render_svg(chart)
    assert svg.count('class="calc-series ') == 6  # three lines and three legend samples
    assert "Full-time employee" in svg
    assert inputs["months"] == 4


def test_warnings_for_rates_outside_the_bands() -> None:
    _, result = run(CALC, level="junior", freelance_rate="200", agency_rate="5", hours_per_month="300")
    text = " ".join(result.warnings)
    assert "freelance rate is outside" in text
    assert "agency rate is outside" in text
    assert "more than one person" in text
    assert run(CALC)[1].warnings == ()


def test_bad_input_names_the_field() -> None:
    assert set(errors(CALC, months="0", freelance_rate="abc", agency_region="mars")) == {
        "months",
        "freelance_rate",
        "agency_region",
    }


@settings(deadline=None, max_examples=150)
@given(raw_fields(CALC))
def test_any_input_gives_errors_or_finite_outputs(fields: list[tuple[str, str]]) -> None:
    result = check_any_input(CALC, fields)
    if result is not None:
        lines = {line.label: line.amount for line in result.breakdown}
        assert math.isclose(
            lines["Full-time total"],
            lines["Full-time: salary and overhead"] + lines["Full-time: hiring cost (once)"],
            rel_tol=1e-12,
        )
        assert math.isclose(float(result.outputs["full_time_total"]), lines["Full-time total"], rel_tol=1e-12)


@settings(deadline=None, max_examples=100)
@given(
    months=st.integers(min_value=1, max_value=119),
    hours=st.integers(min_value=1, max_value=744),
    salary=st.integers(min_value=1000, max_value=5_000_000),
    rate=st.integers(min_value=1, max_value=5000),
)
def test_more_months_never_cost_less_and_break_even_balances(months: int, hours: int, salary: int, rate: int) -> None:
    fields = {"ft_base_salary": str(salary), "freelance_rate": str(rate), "hours_per_month": str(hours)}
    shorter = run(CALC, months=str(months), **fields)[1].outputs
    longer = run(CALC, months=str(months + 1), **fields)[1].outputs
    for name in ("full_time_total", "freelance_total", "agency_total"):
        assert float(longer[name]) >= float(shorter[name])
    # At the break-even workload the freelancer costs exactly what the employee does.
    break_even = float(shorter["break_even_hours_per_month"])
    assert math.isclose(break_even * rate * months, float(shorter["full_time_total"]), rel_tol=1e-9)


def test_presented_json_is_stable() -> None:
    inputs, result = run(CALC, months="24", level="senior")
    first = results_panel(present(CALC, inputs, result))
    again = results_panel(present(CALC, *run(CALC, months="24", level="senior")))
    assert first == again
    assert '<svg class="calc-chart"' in first


def test_cli_round_trip() -> None:
    code, got, _ = cli("engagement", "months=6", "ft_base_salary=100000", "overhead_pct=20", "freelance_rate=50")
    assert code == 0
    assert got["outputs"]["full_time_total"] == 60000.0
    assert got["inputs"]["months"] == 6
    assert set(got) == {"calculator", "inputs", "outputs", "breakdown", "warnings"}


@pytest.mark.parametrize(("field", "value"), [("months", "121"), ("agency_region", "moon"), ("hours_per_month", "x")])
def test_cli_rejects_bad_input(field: str, value: str) -> None:
    code, got, stderr = cli("engagement", f"{field}={value}")
    assert code == 2
    assert list(got["errors"]) == [field]
    assert "Traceback" not in stderr
