"""engagement: the three options' totals, the break-even workload, warnings, notes, the chart and its table."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import engagement, loaded_cost
from calculators.charts import render_legend, render_svg
from calculators.employer_cost import setting_value
from calculators.exchange import rate
from calculators.html import results_panel
from calculators.results import present
from tests.calculators.helpers import assert_cli_rejects, check_any_input, cli, errors, figures, raw_fields, record, run

CALC = engagement.build(figures())
LOADED = loaded_cost.build(figures())
FULL_MONTH = figures().quantity(engagement.FULL_TIME_YEAR) / 12
RULE = figures().engagement.misclassification
EMPLOYMENT = "looks like employment"
CROSSING = "cost of living"
GBP_USD = rate(figures(), "GBP", "USD")
CAD_USD = rate(figures(), "CAD", "USD")
EQUIPMENT_GBP = setting_value(figures(), "equipment_per_year", "gb") or 0.0
EQUIPMENT_CAD = setting_value(figures(), "equipment_per_year", "ca-on") or 0.0


def outputs(**fields: str) -> dict[str, Any]:
    got: dict[str, Any] = record(CALC, **fields)["outputs"]
    return got


def test_defaults_come_from_data() -> None:
    got = record(CALC)["inputs"]
    data = figures()
    defaults = data.engagement.defaults
    assert got["level"] == defaults.level
    assert got["months"] == defaults.months
    assert got["freelancer_location"] == defaults.freelancer_location
    assert got["agency_region"] == defaults.agency_region
    assert got["ft_base_salary"] == data.pay.salary[defaults.level].middle
    assert got["freelance_rate"] == data.pay.freelance[defaults.freelancer_location].bands[defaults.level].middle
    assert got["agency_rate"] == data.pay.agency[defaults.agency_region].middle
    assert got["ft_hiring_cost"] == pytest.approx(got["ft_base_salary"] * data.recruiting.fee.value / 100)
    assert got["overhead_pct"] is None
    assert got["hours_per_month"] == round(FULL_MONTH)


def test_rates_follow_the_level_the_location_and_the_region() -> None:
    for location, rates in figures().pay.freelance.items():
        for level, band in rates.bands.items():
            got = record(CALC, level=level, freelancer_location=location)["inputs"]
            assert got["freelance_rate"] == band.middle
    for region, agency in figures().pay.agency.items():
        assert record(CALC, agency_region=region)["inputs"]["agency_rate"] == agency.middle


def test_break_even_beyond_full_time_by_hand() -> None:
    got = outputs(
        level="mid",
        ft_base_salary="100,000",
        overhead_pct="20",
        months="6",
        ft_hiring_cost="$10,000",
        freelance_rate="50",
        hours_per_month="100",
        agency_rate="60",
        freelancer_location="us",
        agency_region="us",
        eor_country="gb",
        eor_base_salary="60,000",
    )
    # Full time: 100,000 × 1.2 × 6 ÷ 12 + 10,000 = 70,000; freelance 50 × 100 × 6 = 30,000;
    # agency 60 × 100 × 6 = 36,000; break-even 70,000 ÷ (6 × 50) = 233.33 hours a month, 2,800 a year,
    # more than a full-time month (2,080 ÷ 12 = 173.33 hours).
    # Abroad, in the UK, with no relief (the provider's) and no payroll provider: £60,000 + National
    # Insurance 15% × (60,000 − 5,000) = 8,250 + pension 3% × (50,270 − 6,240) = 1,320.90 + equipment
    # (US$2,000 in pounds, to whole pounds) = £69,570.90 + equipment a year; × 6 ÷ 12 in dollars at the
    # figures' rate, + US$599 × 6 = 3,594.
    local = 60_000 + 8_250 + 1_320.90 + EQUIPMENT_GBP
    assert got.pop("eor_total") == pytest.approx(local * GBP_USD * 6 / 12 + 3_594, abs=0.01)
    assert got == {
        "full_time_total": 70_000.0,
        "freelance_total": 30_000.0,
        "agency_total": 36_000.0,
        "break_even_hours_per_month": 233.333333,
        "break_even_hours_per_year": 2_800.0,
        "break_even_within_full_time": False,
        "cheapest": "Freelancer",
    }
    assert got["break_even_hours_per_month"] > FULL_MONTH


def test_break_even_within_full_time_by_hand() -> None:
    got = record(
        CALC,
        level="mid",
        ft_base_salary="120,000",
        overhead_pct="25",
        months="12",
        ft_hiring_cost="0",
        freelance_rate="100",
        hours_per_month="160",
        agency_rate="150",
        freelancer_location="us",
        agency_region="us",
        eor_country="ca-on",
        eor_base_salary="200,000",
    )
    # Full time: 120,000 × 1.25 × 12 ÷ 12 = 150,000; freelance 100 × 160 × 12 = 192,000;
    # agency 150 × 160 × 12 = 288,000; break-even 150,000 ÷ (12 × 100) = 125 hours a month (1,500 a year),
    # within a full-time month of 173.33 hours.
    # Abroad, in Ontario, above every ceiling: CPP 5.95% × (74,600 − 3,500) = 4,230.45; CPP2 4% ×
    # (85,000 − 74,600) = 416; EI 1.4 × 1.63% × 68,900 = 1,572.298; EHT 1.95% × 200,000 = 3,900 (no
    # exemption: it is the provider's); CA$209,118.748 + equipment, in dollars, + US$599 × 12 = 7,188.
    local = 200_000 + 4_230.45 + 416 + 1_572.298 + 3_900 + EQUIPMENT_CAD
    eor = got["outputs"].pop("eor_total")
    assert eor == pytest.approx(local * CAD_USD + 7_188, abs=0.01)
    assert got["outputs"] == {
        "full_time_total": 150_000.0,
        "freelance_total": 192_000.0,
        "agency_total": 288_000.0,
        "break_even_hours_per_month": 125.0,
        "break_even_hours_per_year": 1_500.0,
        "break_even_within_full_time": True,
        "cheapest": "Full-time employee",
    }
    assert got["outputs"]["break_even_hours_per_month"] <= FULL_MONTH
    assert any(note.startswith("Above 125 hours a month") for note in got["notes"])


def test_the_itemised_employee_is_loaded_costs_total() -> None:
    # No flat overhead: the employee costs loaded-cost's itemised total with its starting choices.
    for salary in ("60,000", "120,000", "250,000"):
        year = record(LOADED, base_salary=salary)["outputs"]["total_annual"]
        got = outputs(ft_base_salary=salary, months="12", ft_hiring_cost="0")
        assert got["full_time_total"] == pytest.approx(year, abs=0.01)
        six = outputs(ft_base_salary=salary, months="6", ft_hiring_cost="5,000")
        assert six["full_time_total"] == pytest.approx(year / 2 + 5_000, abs=0.01)


def test_a_tie_names_both() -> None:
    got = outputs(freelance_rate="70", agency_rate="70", ft_base_salary="500,000", eor_base_salary="10,000,000")
    assert got["cheapest"] == "Freelancer and Agency (the same cost)"


@pytest.mark.parametrize(
    ("extra_hours", "extra_months", "warns"),
    [(1, 1, True), (0, 1, False), (1, 0, False), (0, 0, False)],
)
def test_misclassification_warning_at_the_datas_thresholds(extra_hours: int, extra_months: int, warns: bool) -> None:
    # More than 120 hours a month for more than 6 months: 121 for 7 warns; 120 for 7 or 121 for 6 does not.
    hours = RULE.hours_per_month + extra_hours
    months = RULE.months + extra_months
    _, result = run(CALC, hours_per_month=f"{hours:g}", months=str(months))
    assert any(EMPLOYMENT in warning for warning in result.warnings) is warns


def test_no_crossing_note_like_for_like() -> None:
    _, result = run(CALC, freelancer_location=engagement.HOME, agency_region=engagement.HOME)
    assert not any(CROSSING in note for note in result.notes)


def test_crossing_borders_note() -> None:
    for location, rates in figures().pay.freelance.items():
        if location == engagement.HOME:
            continue
        _, result = run(CALC, freelancer_location=location, agency_region=engagement.HOME)
        (note,) = [note for note in result.notes if CROSSING in note]
        assert f"a freelancer {rates.label}" in note
    for region, agency in figures().pay.agency.items():
        if region == engagement.HOME:
            continue
        _, result = run(CALC, freelancer_location=engagement.HOME, agency_region=region)
        (note,) = [note for note in result.notes if CROSSING in note]
        assert agency.name in note


def test_the_crossing_note_keeps_the_agencys_proper_names() -> None:
    for region, agency in figures().pay.agency.items():
        if region != engagement.HOME:
            _, result = run(CALC, agency_region=region)
            assert any(agency.name in note for note in result.notes if CROSSING in note), agency.name


def test_warnings_for_rates_outside_the_bands() -> None:
    _, result = run(CALC, level="junior", freelance_rate="200", agency_rate="5", hours_per_month="300")
    text = " ".join(result.warnings)
    assert "freelance rate is outside" in text
    assert "agency rate is outside" in text
    assert "more than one person" in text
    calm = run(CALC, hours_per_month=f"{RULE.hours_per_month:g}")[1]
    assert calm.warnings == ()


def test_a_freelancer_cheaper_at_any_workload_warns() -> None:
    # 500,000 × 1.2 = 600,000 a year ÷ (12 months × 1 an hour) = 50,000 hours a month, more than 744.
    _, result = run(CALC, ft_base_salary="500,000", overhead_pct="20", freelance_rate="1", months="12")
    assert any("at any number of hours" in warning for warning in result.warnings)


def test_bad_input_names_the_field() -> None:
    assert set(errors(CALC, months="0", freelance_rate="abc", agency_region="mars", freelancer_location="moon")) == {
        "months",
        "freelance_rate",
        "agency_region",
        "freelancer_location",
    }


def test_chart_and_table_hold_the_same_months() -> None:
    inputs, result = run(CALC, months="4", ft_hiring_cost="5000")
    (chart,) = result.charts
    (table,) = result.tables
    assert [len(series.points) for series in chart.series] == [5, 5, 5, 5]
    assert [row[0] for row in table.rows] == [1, 2, 3, 4]
    for index, series in enumerate(chart.series):
        assert series.points[0] == (0.0, 5000.0 if index == 0 else 0.0)
        assert [round(y, 2) for _, y in series.points[1:]] == [row[index + 1] for row in table.rows]
    last = table.rows[-1]
    totals = ("full_time_total", "freelance_total", "agency_total", "eor_total")
    assert last[1:] == tuple(round(float(result.outputs[name]), 2) for name in totals)
    svg = render_svg(chart)
    assert svg.count('class="calc-series ') == 4  # four lines, each with its markers
    assert "Full-time employee" in render_legend(chart)
    assert table.chart_data  # folded away after the chart on screen
    assert inputs["months"] == 4


@settings(deadline=None, max_examples=150)
@given(raw_fields(CALC))
def test_any_input_gives_errors_or_finite_outputs(fields: list[tuple[str, str]]) -> None:
    result = check_any_input(CALC, fields)
    if result is not None:
        lines = {line.label: line.amount for line in result.breakdown}
        assert math.isclose(
            lines["Full-time total"],
            lines["Full-time: fully loaded cost"] + lines["Full-time: hiring cost (once)"],
            rel_tol=1e-12,
        )
        assert math.isclose(float(result.outputs["full_time_total"]), lines["Full-time total"], rel_tol=1e-12)
        within = result.outputs["break_even_within_full_time"]
        assert within is (float(result.outputs["break_even_hours_per_month"]) <= FULL_MONTH)


@settings(deadline=None, max_examples=100)
@given(
    months=st.integers(min_value=1, max_value=119),
    hours=st.integers(min_value=1, max_value=744),
    salary=st.integers(min_value=1000, max_value=5_000_000),
    rate=st.integers(min_value=1, max_value=5000),
    overhead=st.none() | st.integers(min_value=0, max_value=200),
)
def test_more_months_never_cost_less_and_break_even_balances(
    months: int, hours: int, salary: int, rate: int, overhead: int | None
) -> None:
    fields = {"ft_base_salary": str(salary), "freelance_rate": str(rate), "hours_per_month": str(hours)}
    if overhead is not None:
        fields["overhead_pct"] = str(overhead)
    shorter = run(CALC, months=str(months), **fields)[1].outputs
    longer = run(CALC, months=str(months + 1), **fields)[1].outputs
    for name in ("full_time_total", "freelance_total", "agency_total"):
        assert float(longer[name]) >= float(shorter[name])
    # At the break-even workload the freelancer costs exactly what the employee does.
    break_even = float(shorter["break_even_hours_per_month"])
    assert math.isclose(break_even * rate * months, float(shorter["full_time_total"]), rel_tol=1e-9)
    assert math.isclose(float(shorter["break_even_hours_per_year"]), break_even * 12, rel_tol=1e-12)


def test_presented_json_is_stable() -> None:
    inputs, result = run(CALC, months="24", level="senior")
    first = results_panel(present(CALC, inputs, result))
    again = results_panel(present(CALC, *run(CALC, months="24", level="senior")))
    assert first == again
    assert '<svg class="calc-chart"' in first


def test_cli_round_trip() -> None:
    code, got, _ = cli("engagement", "months=6", "ft_base_salary=100000", "overhead_pct=20", "ft_hiring_cost=0")
    assert code == 0
    assert got["outputs"]["full_time_total"] == 60_000.0  # 100,000 × 1.2 × 6 ÷ 12
    assert got["outputs"]["break_even_within_full_time"] in {True, False}
    assert got["inputs"]["months"] == 6
    assert set(got) == {"calculator", "answer", "inputs", "outputs", "breakdown", "warnings", "notes"}


@pytest.mark.parametrize(("field", "value"), [("months", "121"), ("agency_region", "moon"), ("hours_per_month", "x")])
def test_cli_rejects_bad_input(field: str, value: str) -> None:
    assert_cli_rejects("engagement", field, value)
