"""Every calculator opens its result with one sentence that answers the page's question, written
from its own numbers and rounded as a person would say them."""

from __future__ import annotations

import re
from html import escape

import pytest
from hypothesis import given, settings

from calculators import dom, registry
from calculators.formatting import about, money, money_range
from calculators.html import results_panel
from calculators.results import Presented, present
from calculators.spec import Calculator
from tests.calculators.helpers import check_any_input, cli, figures, raw_fields, run

CALCULATORS = registry()
STATED = {
    "loaded-cost": ("total_annual", "monthly", "first_year_total"),
    "engagement": ("full_time_total", "freelance_total", "agency_total", "eor_total"),
    "bad-hire": ("total",),
    "equity": ("paper_value", "value_at_exit"),
    "scorecard": (),
    "role": ("loaded_cost_low", "loaded_cost_high"),
}
"""The money outputs each answer states (to three significant figures, when it states them)."""
ONLY_WHEN = {("role", "loaded_cost_low"), ("role", "loaded_cost_high")}
"""Stated only when the answer's model is a full-time employee (otherwise it gives the rate)."""


def states(presented: Presented, name: str) -> bool:
    if (presented.calculator.name, name) not in ONLY_WHEN:
        return True
    return presented.outputs["engagement"].value == figures().role.models["full-time"].label


MONEY = re.compile(r"−?(?<![A-Z])\$\d{1,3}(?:,\d{3})*(?:\.\d\d)?")
"""A US-dollar amount (not ``CA$95,000``)."""


def shown(calc: Calculator, **fields: str) -> Presented:
    return present(calc, *run(calc, **fields))


def check_answer(presented: Presented) -> None:
    """One sentence; each money figure in it is an output or an input of the result, as
    :func:`about` rounds it (or exactly, for a figure a reader typed or a band from data);
    the outputs :data:`STATED` are there."""
    calc, answer = presented.calculator, presented.answer
    assert answer.strip()
    assert answer.endswith(".")
    assert "\n" not in answer
    assert not re.search(r"[.!?] [A-Z]", answer), f"more than one sentence: {answer}"
    currency = presented.result.currency or calc.currency
    amounts = [
        (float(item.value), calc.output(name).currency or currency)
        for name, item in presented.outputs.items()
        if calc.output(name).kind == "money" and isinstance(item.value, float)
    ]
    amounts += [
        (float(value), spec.resolved(presented.inputs).currency)
        for name, value in presented.inputs.items()
        if (spec := calc.input(name)).money and value
    ]
    if currency is None:
        assert not MONEY.search(answer)
        return
    allowed = {about(amount, shown_in) for amount, shown_in in amounts if shown_in is not None}
    allowed |= {money(amount, shown_in) for amount, shown_in in amounts if shown_in is not None}
    assert set(MONEY.findall(answer)) <= allowed, answer
    for name in STATED[calc.name]:
        if not states(presented, name):
            continue
        value = presented.outputs[name].value
        assert isinstance(value, float)
        if value > 0:
            assert about(value, calc.output(name).currency or currency) in answer, (name, answer)


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_every_calculator_answers_for_its_defaults(name: str) -> None:
    check_answer(shown(CALCULATORS[name]))


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_the_cli_json_carries_the_answer_and_keeps_the_summary(name: str) -> None:
    code, got, _ = cli(name)
    assert code == 0
    assert got["answer"] == shown(CALCULATORS[name]).answer
    assert got["answer"] != CALCULATORS[name].summary


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_any_input_gives_an_answer_with_figures_from_its_result(name: str) -> None:
    calc = CALCULATORS[name]

    @settings(deadline=None, max_examples=40)
    @given(raw_fields(calc))
    def check(fields: list[tuple[str, str]]) -> None:
        result = check_any_input(calc, fields)
        if result is not None:
            check_answer(shown(calc, **dict(fields)))

    check()


def test_loaded_cost_by_hand() -> None:
    # 150,000 × 1.25 = 187,500 a year -> about $188,000; ÷ 12 = 15,625 -> about $15,600; no fee.
    answer = shown(CALCULATORS["loaded-cost"], base_salary="150000", overhead_pct="25", recruiting_fee="0").answer
    assert answer == (
        "An employee on a base salary of $150,000 costs you about $188,000 a year with a flat 25% overhead on top "
        "of base salary, about $15,600 a month."
    )
    with_fee = shown(CALCULATORS["loaded-cost"], base_salary="150000", overhead_pct="25", recruiting_fee="30000")
    assert with_fee.answer.endswith("; the first year, with the recruiting fee, comes to about $218,000.")  # 217,500


ENGAGEMENT = {
    "months": "12",
    "ft_base_salary": "100000",
    "overhead_pct": "20",
    "ft_hiring_cost": "0",
    "eor_country": "gb",
    "eor_base_salary": "150,000",
}
"""The employee abroad well paid, so that a US option is the cheapest."""


def test_engagement_names_the_cheapest() -> None:
    # Employee: 100,000 × 1.2 = 120,000 a year. Freelancer: 80 × 100 h × 12 = 96,000. Agency: 150 × 100 × 12 = 180,000.
    # The employee abroad: £150,000 and its lines, converted at the day's rate, plus the fee (the engagement tests
    # check that sum by hand).
    got = shown(CALCULATORS["engagement"], **ENGAGEMENT, hours_per_month="100", freelance_rate="80", agency_rate="150")
    abroad = got.outputs["eor_total"].value
    assert isinstance(abroad, float)
    assert abroad > 180_000
    dollars = CALCULATORS["engagement"].currency
    assert dollars is not None
    assert got.answer == (
        "Over 12 months at 100 hours a month, an employee costs about $120,000, a freelancer (in the United States) "
        "about $96,000, an agency (US agencies) about $180,000 and an employee abroad (United Kingdom, through an "
        f"employer of record) about {about(abroad, dollars)}, so the freelancer is the "
        "cheapest for these hours."
    )


def test_engagement_says_when_the_employee_abroad_is_the_cheapest_and_why() -> None:
    answer = shown(CALCULATORS["engagement"], eor_country="in").answer
    assert "so the employee abroad is the cheapest for these hours" in answer
    assert answer.endswith(", though much of the difference is the cost of living where each works.")


def test_engagement_does_not_claim_a_winner_the_rounding_hides() -> None:
    # Employee 120,000; freelancer 100.2 × 100 × 12 = 120,240: both "about $120,000".
    answer = shown(
        CALCULATORS["engagement"], **ENGAGEMENT, hours_per_month="100", freelance_rate="100.2", agency_rate="150"
    ).answer
    assert answer.endswith("so the employee and the freelancer cost about the same, less than the others.")
    assert "cheapest" not in answer


def test_engagement_says_when_a_side_crosses_a_border() -> None:
    answer = shown(CALCULATORS["engagement"], freelancer_location="remote").answer
    assert "(remote, anywhere)" in answer
    assert answer.endswith(", though much of the difference is the cost of living where each works.")
    assert "cost of living" not in shown(CALCULATORS["engagement"], **ENGAGEMENT).answer


def test_bad_hire_by_hand() -> None:
    # L = V = 100,000 (no overhead, output worth 1× its cost), full productivity and no empty
    # seat or team time: only replacing them (20% = 20,000) and a month's severance (8,333.33).
    answer = shown(
        CALCULATORS["bad-hire"],
        base_salary="100000",
        overhead_pct="0",
        output_value_multiple="1",
        productivity_pct="100",
        team_hours_per_week="0",
        recruiting_fee_pct="20",
        severance_months="1",
        months_to_refill="0",
        months_before_exit="6",
    ).answer
    assert answer == (
        "A wrong hire on a base salary of $100,000 who leaves after 6 months costs you about $28,300 more than "
        "hiring the right person would have, 0.28× the base salary."
    )


EQUITY = {"grant_pct": "1", "valuation": "1,000,000", "common_price_pct": "0", "dilution_pct": "0"}


def test_equity_by_hand() -> None:
    # 1% of 1,000,000 = 10,000 on paper and at an exit at the same price; 30 of 48 months = 62.5% -> 63%.
    answer = shown(CALCULATORS["equity"], **EQUITY, exit_valuation="1,000,000", months_employed="30").answer
    assert answer == (
        "A 1% grant is worth about $10,000 on paper; if the company sold for $1,000,000 after 0% dilution, it could "
        "bring about $10,000 before tax once exercised; after 30 months, 63% of it has vested."
    )


def test_equity_underwater_and_before_the_cliff() -> None:
    answer = shown(
        CALCULATORS["equity"], **{**EQUITY, "common_price_pct": "50"}, exit_valuation="0", months_employed="6"
    ).answer
    assert "it would bring nothing: exercising would cost more than the shares would fetch" in answer
    assert answer.endswith("after 6 months, none of it has vested (the cliff is at month 12).")


def test_scorecard_by_hand() -> None:
    calc = CALCULATORS["scorecard"]
    assert shown(calc).answer.startswith("No area is scored yet")
    # Two areas of equal weight scored 4 and 2: mean 3, (3 − 1) ÷ 3 × 100 = 66.7 -> 67, "Hire" from 60.
    scored = {"score_database": "4", "score_system_design": "2"}
    assert shown(calc, **scored, candidate="Ada").answer == "Ada scores 67 out of 100 on 2 of 8 areas: “Hire”."
    capped = shown(calc, **scored, flag_no_questions="yes").answer
    assert (
        capped
        == "This candidate scores 67 out of 100 on 2 of 8 areas, but a knock-out caps the recommendation at “Lean no”."
    )


def test_role_states_the_band_and_the_full_cost() -> None:
    calc = CALCULATORS["role"]
    presented = shown(calc)
    low, high = (presented.outputs[name].value for name in ("cost_low", "cost_high"))
    assert isinstance(low, float)
    assert isinstance(high, float)
    assert calc.currency is not None
    assert money_range(low, high, calc.currency) in presented.answer
    assert presented.answer.startswith("These answers point to a mid-level developer")
    freelance = shown(calc, work="migration").answer
    assert "the model that fits is a freelancer, at $" in freelance
    assert freelance.endswith(" an hour.")


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_the_answer_leads_the_results_panel(name: str) -> None:
    presented = shown(CALCULATORS[name])
    html = results_panel(presented)
    assert html.startswith(
        f'<div class="calc-results-main" id="calc-{name}-result"><p class="calc-answer" {dom.ANSWER}>'
    )
    assert html.index(dom.ANSWER) < html.index(dom.OUTPUT)
    assert escape(presented.answer) in html
