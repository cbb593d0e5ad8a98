"""employer_cost: one contribution's arithmetic, the like-for-like markup, and properties of
the itemised cost that every calculator and table shares."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.employer_cost import (
    US,
    Choices,
    Group,
    charged_pay,
    contribution_amount,
    contribution_formula,
    default_choices,
    employer_cost,
    like_for_like_markup,
)
from calculators.figures import CompensationCosts, Contribution
from calculators.schema import from_json
from tests.calculators.helpers import figures

COSTS = figures().employer_costs[US]
CURRENCY = figures().currencies[COSTS.currency]


def _rule(**fields: float | str | None) -> Contribution:
    return Contribution(source="editorial", reason="a test rule", label="Test rule", **fields)  # type: ignore[arg-type]


def test_charged_pay_is_the_pay_between_threshold_and_ceiling() -> None:
    assert charged_pay(30_000, None, None) == 30_000
    assert charged_pay(30_000, None, 7_000) == 7_000
    assert charged_pay(5_000, None, 7_000) == 5_000
    assert charged_pay(30_000, 10_000, 50_000) == 20_000
    assert charged_pay(60_000, 10_000, 50_000) == 40_000
    assert charged_pay(5_000, 10_000, 50_000) == 0  # below the threshold nothing is charged


def test_a_percent_contribution_by_hand() -> None:
    rule = _rule(kind="percent", rate_pct=10, threshold=10_000, ceiling=50_000)
    # 10% × (30,000 − 10,000) = 2,000; 10% × (50,000 − 10,000) = 4,000; 5,000 is below the threshold
    assert contribution_amount(rule, 30_000) == pytest.approx(2_000)
    assert contribution_amount(rule, 60_000) == pytest.approx(4_000)
    assert contribution_amount(rule, 5_000) == 0
    assert contribution_formula(rule, CURRENCY) == "10% × (min(base salary, $50,000) − $10,000, if above it)"


def test_a_fixed_contribution_costs_the_same_at_any_pay() -> None:
    rule = _rule(kind="fixed", amount=500)
    assert contribution_amount(rule, 1_000) == contribution_amount(rule, 1_000_000) == 500
    assert contribution_formula(rule, CURRENCY) == "a fixed $500 a year"


@pytest.mark.parametrize(
    ("costs", "markup"),
    [
        # (20 − 5 − 2) ÷ (50 + 5 + 2) × 100 = 13 ÷ 57 × 100 = 22.807...
        ((50, 20, 5, 2, 6, 3, 4), 13 / 57 * 100),
        # BLS's columns: (14.01 − 3.54 − 1.90) ÷ (32.60 + 3.54 + 1.90) = 8.57 ÷ 38.04 = 22.529%.
        ((32.60, 14.01, 3.54, 1.90, 3.62, 1.57, 3.38), 8.57 / 38.04 * 100),
    ],
    ids=["round", "bls"],
)
def test_like_for_like_markup_by_hand(costs: tuple[float, ...], markup: float) -> None:
    columns = ("wages", "benefits", "paid_leave", "supplemental_pay", "insurance", "retirement", "legally_required")
    record = {"source": "editorial", "reason": "a test group", "label": "Test group"}
    group: CompensationCosts = from_json(CompensationCosts, record | dict(zip(columns, costs, strict=True)))
    assert like_for_like_markup(group) == pytest.approx(markup)


def test_like_for_like_markup_is_below_the_bls_share_for_every_group() -> None:
    for group in figures().ecec.groups.values():
        share = group.benefits / (group.wages + group.benefits) * 100
        markup = like_for_like_markup(group)
        assert 0 < markup < group.benefits / group.wages * 100
        assert markup != pytest.approx(share)


def test_a_flat_overhead_replaces_every_line() -> None:
    cost = employer_cost(figures(), 150_000, replace(default_choices(figures()), overhead_pct=25))
    # 150,000 × 25% = 37,500
    assert [line.group for line in cost.lines] == ["flat"]
    assert cost.total == 187_500
    assert cost.overhead == 37_500
    assert cost.overhead_pct == 25
    assert (cost.of("taxes"), cost.of("benefits"), cost.of("equipment")) == (0, 0, 0)
    assert cost.itemised is False


def statutory_taxes(base: float, choices: Choices) -> float:
    """Social Security, Medicare, FUTA and state unemployment, worked out here from the data's
    rates and wage bases (state overrides win)."""
    contributions = COSTS.contributions
    social, medicare, futa = contributions["social-security"], contributions["medicare"], contributions["futa"]
    assert choices.state is not None
    state = COSTS.states[choices.state].unemployment
    state_rate = state.rate_pct if choices.unemployment_pct is None else choices.unemployment_pct
    state_base = state.ceiling if choices.wage_base is None else choices.wage_base
    assert social.ceiling is not None
    assert futa.ceiling is not None
    assert state_base is not None
    return (
        (social.rate_pct or 0) / 100 * min(base, social.ceiling)
        + (medicare.rate_pct or 0) / 100 * base
        + (futa.rate_pct or 0) / 100 * min(base, futa.ceiling)
        + (state_rate or 0) / 100 * min(base, state_base)
    )


CHOICES = st.builds(
    Choices,
    state=st.sampled_from(list(COSTS.states)),
    health_plan=st.sampled_from(["none", "single", "family"]),
    retirement_match_pct=st.floats(min_value=0, max_value=100),
    other_benefits=st.floats(min_value=0, max_value=1_000_000),
    equipment=st.floats(min_value=0, max_value=1_000_000),
    workers_comp_pct=st.floats(min_value=0, max_value=20),
    payroll_fee=st.floats(min_value=0, max_value=1_000_000),
    unemployment_pct=st.none() | st.floats(min_value=0, max_value=20),
    wage_base=st.none() | st.floats(min_value=0, max_value=5_000_000),
)
SALARY = st.floats(min_value=1_000, max_value=5_000_000)


@settings(max_examples=300)
@given(choices=CHOICES, low=SALARY, high=SALARY)
def test_itemised_cost_never_falls_as_salary_rises(choices: Choices, low: float, high: float) -> None:
    low, high = sorted((low, high))
    cheap = employer_cost(figures(), low, choices)
    dear = employer_cost(figures(), high, choices)
    assert cheap.itemised
    assert dear.itemised
    assert dear.total >= cheap.total
    for group in get_args(Group):
        assert dear.of(group) >= cheap.of(group)


@settings(max_examples=300)
@given(choices=CHOICES, base=SALARY)
def test_itemised_cost_is_never_below_base_plus_statutory_taxes(choices: Choices, base: float) -> None:
    cost = employer_cost(figures(), base, choices)
    floor = base + statutory_taxes(base, choices)
    assert cost.total >= floor * (1 - 1e-12)
    assert cost.of("taxes") >= statutory_taxes(base, choices) * (1 - 1e-12)
    assert math.isclose(
        cost.total, cost.base + sum(line.amount for line in cost.lines), rel_tol=1e-12
    )  # every line counts once
    assert math.isclose(cost.overhead, cost.total - base, rel_tol=1e-9, abs_tol=1e-6)
