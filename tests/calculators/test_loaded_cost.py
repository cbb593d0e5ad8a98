"""loaded-cost: the itemised employer cost line by line, a flat overhead instead, its warnings and notes."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import loaded_cost
from calculators.employer_cost import US
from calculators.formatting import money
from calculators.results import dumps, present
from tests.calculators.helpers import check_any_input, cli, errors, figures, outputs_of, raw_fields, record, run

CALC = loaded_cost.build(figures())
COSTS = figures().employer_costs[US]
SOCIAL = COSTS.contributions["social-security"]
MEDICARE = COSTS.contributions["medicare"]
FUTA = COSTS.contributions["futa"]
NO_EXTRAS = {
    "health_plan": "none",
    "retirement_match_pct": "0",
    "workers_comp_pct": "0",
    "other_benefits_per_year": "0",
    "equipment_per_year": "0",
    "payroll_fee_per_year": "0",
    "recruiting_fee": "0",
}
"""Every employer choice at nothing, so that only the payroll taxes are left."""


def lines(**fields: str) -> dict[str, float]:
    return {line["label"]: line["amount"] for line in record(CALC, **fields)["breakdown"]}


def pct(rate: float | None) -> float:
    assert rate is not None
    return rate / 100


def ceiling(value: float | None) -> float:
    assert value is not None
    return value


def test_defaults_come_from_data() -> None:
    got = record(CALC, level="senior")["inputs"]
    state = COSTS.states[COSTS.start.state]
    assert got["base_salary"] == figures().pay.salary["senior"].middle
    assert got["state"] == COSTS.start.state
    assert got["health_plan"] == COSTS.start.health_plan
    assert got["state_unemployment_pct"] == state.unemployment.rate_pct
    assert got["state_wage_base"] == state.unemployment.ceiling
    assert got["retirement_match_pct"] == COSTS.settings["retirement_match_pct"].value
    assert got["workers_comp_pct"] == COSTS.settings["workers_comp_pct"].value
    assert got["other_benefits_per_year"] == COSTS.settings["other_benefits_per_year"].value
    assert got["equipment_per_year"] == COSTS.settings["equipment_per_year"].value
    assert got["payroll_fee_per_year"] == COSTS.settings["payroll_fee_per_year"].value
    assert got["recruiting_fee"] == pytest.approx(got["base_salary"] * figures().recruiting.fee.value / 100)
    assert got["overhead_pct"] is None  # itemised unless a flat overhead is entered


def test_the_state_sets_its_rate_and_wage_base() -> None:
    for key, state in COSTS.states.items():
        got = record(CALC, state=key)["inputs"]
        assert got["state_unemployment_pct"] == state.unemployment.rate_pct
        assert got["state_wage_base"] == state.unemployment.ceiling


def test_payroll_taxes_below_the_social_security_wage_base() -> None:
    base = 100_000
    texas = COSTS.states["tx"].unemployment
    assert base < ceiling(SOCIAL.ceiling)
    # Social Security 6.2% × 100,000 = 6,200; Medicare 1.45% × 100,000 = 1,450;
    # FUTA 0.6% × 7,000 = 42; Texas 2.7% × 9,000 = 243; taxes 7,935, total 107,935.
    taxes = (
        pct(SOCIAL.rate_pct) * base
        + pct(MEDICARE.rate_pct) * base
        + pct(FUTA.rate_pct) * ceiling(FUTA.ceiling)
        + pct(texas.rate_pct) * ceiling(texas.ceiling)
    )
    got = outputs_of(CALC, base_salary=str(base), state="tx", **NO_EXTRAS)
    assert got["employer_taxes"] == pytest.approx(taxes, abs=0.01)
    assert got["total_annual"] == pytest.approx(base + taxes, abs=0.01)
    assert (got["benefits"], got["equipment"]) == (0, 0)
    assert got["itemised"] is True
    found = lines(base_salary=str(base), state="tx", **NO_EXTRAS)
    assert found[SOCIAL.label] == pytest.approx(pct(SOCIAL.rate_pct) * base, abs=0.01)
    assert found[texas.label] == pytest.approx(pct(texas.rate_pct) * ceiling(texas.ceiling), abs=0.01)
    assert not any("credit reduction" in label for label in found)


def test_payroll_taxes_above_the_social_security_wage_base() -> None:
    base = 250_000
    texas = COSTS.states["tx"].unemployment
    assert base > ceiling(SOCIAL.ceiling)
    # Social Security 6.2% × 184,500 (the wage base, not the salary) = 11,439;
    # Medicare 1.45% × 250,000 = 3,625; FUTA 0.6% × 7,000 = 42; Texas 2.7% × 9,000 = 243; taxes 15,349.
    social = pct(SOCIAL.rate_pct) * ceiling(SOCIAL.ceiling)
    taxes = (
        social
        + pct(MEDICARE.rate_pct) * base
        + pct(FUTA.rate_pct) * ceiling(FUTA.ceiling)
        + pct(texas.rate_pct) * ceiling(texas.ceiling)
    )
    got = outputs_of(CALC, base_salary=str(base), state="tx", **NO_EXTRAS)
    assert got["employer_taxes"] == pytest.approx(taxes, abs=0.01)
    assert lines(base_salary=str(base), state="tx", **NO_EXTRAS)[SOCIAL.label] == pytest.approx(social, abs=0.01)
    # 50,000 more salary above the wage base adds only Medicare: 1.45% × 50,000 = 725.
    more = outputs_of(CALC, base_salary=str(base + 50_000), state="tx", **NO_EXTRAS)
    assert more["employer_taxes"] - got["employer_taxes"] == pytest.approx(pct(MEDICARE.rate_pct) * 50_000, abs=0.01)


def test_california_adds_its_futa_credit_reduction() -> None:
    base = 100_000
    california = COSTS.states["ca"]
    reduction = california.futa_credit_reduction
    assert reduction is not None
    # SS 6,200 + Medicare 1,450 + FUTA 42 + California 3.4% × 7,000 = 238
    # + credit reduction 1.2% × 7,000 = 84: taxes 8,014.
    taxes = (
        pct(SOCIAL.rate_pct) * base
        + pct(MEDICARE.rate_pct) * base
        + pct(FUTA.rate_pct) * ceiling(FUTA.ceiling)
        + pct(california.unemployment.rate_pct) * ceiling(california.unemployment.ceiling)
        + pct(reduction.rate_pct) * ceiling(reduction.ceiling)
    )
    assert outputs_of(CALC, base_salary=str(base), state="ca", **NO_EXTRAS)["employer_taxes"] == pytest.approx(
        taxes, abs=0.01
    )
    found = lines(base_salary=str(base), state="ca", **NO_EXTRAS)
    assert found[reduction.label] == pytest.approx(pct(reduction.rate_pct) * ceiling(reduction.ceiling), abs=0.01)


def test_state_overrides_win() -> None:
    california = COSTS.states["ca"]
    reduction = california.futa_credit_reduction
    assert reduction is not None
    label = california.unemployment.label
    default = lines(base_salary="100,000", state="ca", **NO_EXTRAS)[label]
    assert default == pytest.approx(pct(california.unemployment.rate_pct) * ceiling(california.unemployment.ceiling))
    # Both overrides: 2% × 10,000 = 200 (not California's 238); the credit reduction stays 84.
    both = lines(base_salary="100,000", state="ca", state_unemployment_pct="2", state_wage_base="10,000", **NO_EXTRAS)
    assert both[label] == 200.0
    assert both[reduction.label] == pytest.approx(pct(reduction.rate_pct) * ceiling(reduction.ceiling), abs=0.01)
    # The rate alone: 2% × California's wage base of 7,000 = 140.
    rate_only = lines(base_salary="100,000", state="ca", state_unemployment_pct="2", **NO_EXTRAS)[label]
    assert rate_only == pytest.approx(0.02 * ceiling(california.unemployment.ceiling), abs=0.01)
    # A salary below the wage base is charged in full: 2% × 5,000 = 100.
    low = lines(base_salary="5,000", state="ca", state_unemployment_pct="2", state_wage_base="10,000", **NO_EXTRAS)
    assert low[label] == 100.0
    # A wage base of 0 charges nothing.
    nothing = lines(base_salary="100,000", state="tx", state_wage_base="0", **NO_EXTRAS)
    assert nothing[COSTS.states["tx"].unemployment.label] == 0.0


def test_the_state_line_keeps_its_period_when_nothing_is_overridden() -> None:
    california = COSTS.states["ca"].unemployment
    formulas = {line["label"]: line["formula"] for line in record(CALC, state="ca")["breakdown"]}
    assert formulas[california.label].endswith(f"({california.period})")


@pytest.mark.parametrize("plan", ["none", "single", "family"])
def test_health_plans(plan: str) -> None:
    health = COSTS.plans
    # single: premium 9,325 − worker contribution 1,440 = 7,885; family: 26,993 − 6,850 = 20,143; none: 0
    share = 0.0 if plan == "none" else getattr(health.premiums, plan) - getattr(health.worker_contributions, plan)
    got = outputs_of(CALC, base_salary="100,000", state="tx", **{**NO_EXTRAS, "health_plan": plan})
    assert got["benefits"] == pytest.approx(share, abs=0.01)
    none = outputs_of(CALC, base_salary="100,000", state="tx", **NO_EXTRAS)
    assert got["total_annual"] - none["total_annual"] == pytest.approx(share, abs=0.01)


def test_every_employer_choice_by_hand() -> None:
    fields = {
        "base_salary": "100,000",
        "state": "other",
        "state_unemployment_pct": "3",
        "state_wage_base": "10,000",
        "health_plan": "none",
        "retirement_match_pct": "4",
        "workers_comp_pct": "0.5",
        "other_benefits_per_year": "1,500",
        "equipment_per_year": "2,500",
        "payroll_fee_per_year": "700",
        "recruiting_fee": "20,000",
    }
    # Federal taxes from data: SS 6.2% × 100,000 = 6,200, Medicare 1.45% × 100,000 = 1,450, FUTA 0.6% × 7,000 = 42.
    federal = pct(SOCIAL.rate_pct) * 100_000 + pct(MEDICARE.rate_pct) * 100_000 + pct(FUTA.rate_pct) * 7_000
    # State 3% × 10,000 = 300. Benefits: 4% × 100,000 = 4,000 + 0.5% × 100,000 = 500 + 1,500 = 6,000.
    # Equipment 2,500; payroll 700. Total 100,000 + (federal + 300) + 6,000 + 2,500 + 700.
    total = 100_000 + federal + 300 + 6_000 + 2_500 + 700
    got = outputs_of(CALC, **fields)
    assert got["employer_taxes"] == pytest.approx(federal + 300, abs=0.01)
    assert got["benefits"] == 6_000.0
    assert got["equipment"] == 2_500.0
    assert got["total_annual"] == pytest.approx(total, abs=0.01)
    assert got["overhead_amount"] == pytest.approx(total - 100_000, abs=0.01)
    assert got["effective_overhead_pct"] == pytest.approx((total - 100_000) / 1_000, abs=1e-6)
    assert got["monthly"] == pytest.approx(total / 12, abs=0.01)
    assert got["first_year_total"] == pytest.approx(total + 20_000, abs=0.01)
    found = lines(**fields)
    assert found["Retirement plan match"] == 4_000.0
    assert found["Workers' compensation insurance"] == 500.0
    assert found["Payroll provider"] == 700.0


def test_flat_overhead_by_hand() -> None:
    got = record(CALC, base_salary="150,000", overhead_pct="25", recruiting_fee="15,000")
    # 150,000 × 25% = 37,500 overhead; 187,500 a year; ÷ 12 = 15,625; + 15,000 once = 202,500
    assert got["outputs"] == {
        "employer_taxes": 0.0,
        "benefits": 0.0,
        "equipment": 0.0,
        "overhead_amount": 37_500.0,
        "effective_overhead_pct": 25.0,
        "total_annual": 187_500.0,
        "monthly": 15_625.0,
        "first_year_total": 202_500.0,
        "itemised": False,
        "currency": "USD",
        "total_annual_usd": 187_500.0,  # the guide's own currency: no conversion
    }
    labels = [line["label"] for line in got["breakdown"]]
    assert labels[0] == "Base salary"
    flat = got["breakdown"][1]
    assert flat["amount"] == 37_500.0
    assert "25%" in flat["formula"]
    assert labels[2] == "Fully loaded cost a year"  # one flat line carries the whole overhead
    assert got["notes"] == []


def test_a_flat_overhead_of_zero_is_not_blank() -> None:
    got = outputs_of(CALC, base_salary="100,000", overhead_pct="0")
    assert got["itemised"] is False
    assert got["total_annual"] == 100_000.0
    assert outputs_of(CALC, base_salary="100,000", overhead_pct="")["itemised"] is True


@pytest.mark.parametrize("overhead", [None, "30"])
def test_breakdown_adds_up(overhead: str | None) -> None:
    fields = {"level": "mid", "recruiting_fee": "12,500"} | ({"overhead_pct": overhead} if overhead else {})
    got = record(CALC, **fields)
    amounts = [line["amount"] for line in got["breakdown"]]
    labels = [line["label"] for line in got["breakdown"]]
    year = labels.index("Fully loaded cost a year")
    assert sum(amounts[:year]) == pytest.approx(amounts[year], abs=0.01)
    assert amounts[year] == got["outputs"]["total_annual"]
    assert amounts[year] + amounts[year + 1] == pytest.approx(amounts[year + 2], abs=0.01)
    assert amounts[year + 2] == got["outputs"]["first_year_total"]


def test_rule_of_thumb_note() -> None:
    rule = figures().pay.overhead
    seen = set()
    for base in ("30,000", "120,000", "1,000,000"):
        got = record(CALC, base_salary=base)
        share = got["outputs"]["effective_overhead_pct"]
        (note,) = got["notes"]
        assert f"{round(share)}%" in note
        where = "below" if share < rule.min else "above" if share > rule.max else "inside"
        assert f"{where} the rule of thumb" in note
        seen.add(where)
    assert seen == {"below", "inside", "above"}
    # Far above the Social Security wage base the share falls below the rule, and the note says why.
    high = record(CALC, base_salary="1,000,000")
    assert high["outputs"]["effective_overhead_pct"] < rule.min
    assert money(ceiling(SOCIAL.ceiling), figures().pay_currency) in high["notes"][0]


def test_the_note_does_not_blame_a_health_plan_there_is_not() -> None:
    got = record(CALC, level="junior", base_salary="10,000", health_plan="none")
    assert got["outputs"]["effective_overhead_pct"] > figures().pay.overhead.max
    assert "health plan" not in got["notes"][0]


def test_a_salary_below_the_bls_10th_percentile_warns() -> None:
    floor = figures().pay.market.value_at(10)
    assert floor is not None
    shown = money(floor, figures().pay_currency)
    below = record(CALC, level="junior", base_salary=str(floor - 1))["warnings"]
    assert any(shown in warning and "nine in ten" in warning for warning in below)
    at = record(CALC, level="junior", base_salary=str(floor))["warnings"]
    assert not any("nine in ten" in warning for warning in at)


def test_warnings_name_the_level_band() -> None:
    for key, band in figures().pay.salary.items():
        label = figures().level_label(key)
        above = record(CALC, level=key, base_salary=str(band.max + 1))["warnings"]
        assert any(f"above the {label} band" in warning for warning in above)
        below = record(CALC, level=key, base_salary=str(band.min - 1))["warnings"]
        assert any(f"below the {label} band" in warning for warning in below)
        assert record(CALC, level=key, base_salary=str(band.max))["warnings"] == []


def test_presented_text_matches_the_values() -> None:
    inputs, result = run(CALC, base_salary="150000", overhead_pct="25")
    shown = present(CALC, inputs, result)
    assert shown.outputs["total_annual"].display == "$187,500"
    assert shown.outputs["itemised"].display == "no"
    assert shown.field_texts()["base_salary"] == "150,000"
    assert dumps(shown.record()) == dumps(present(CALC, inputs, result).record())


def test_a_wrong_field_is_named() -> None:
    found = errors(CALC, overhead_pct="250", state="mars", health_plan="gold")
    assert set(found) == {"overhead_pct", "state", "health_plan"}
    assert "from 0 to 200 %" in found["overhead_pct"]


def test_cli_flat_and_itemised() -> None:
    code, got, _ = cli("loaded-cost", "base_salary=150000", "overhead_pct=25")
    assert code == 0
    assert got["outputs"]["itemised"] is False
    assert got["outputs"]["total_annual"] == 187_500
    code, got, _ = cli("loaded-cost", "base_salary=150000")
    assert code == 0
    assert got["outputs"]["itemised"] is True
    assert got["outputs"]["employer_taxes"] > 0
    assert got["notes"]


@settings(deadline=None, max_examples=200)
@given(raw_fields(CALC))
def test_any_input_gives_errors_or_finite_outputs(fields: list[tuple[str, str]]) -> None:
    result = check_any_input(CALC, fields)
    if result is not None:
        got = result.outputs
        assert float(got["total_annual"]) >= 0
        assert float(got["first_year_total"]) >= float(got["total_annual"])
        assert math.isclose(float(got["monthly"]) * 12, float(got["total_annual"]), rel_tol=1e-12)


@settings(deadline=None, max_examples=100)
@given(
    st.integers(min_value=1_000, max_value=5_000_000),
    st.integers(min_value=1_000, max_value=5_000_000),
    st.sampled_from(list(COSTS.states)),
    st.sampled_from(["none", "single", "family"]),
)
def test_a_higher_salary_never_costs_less_and_pays_at_least_the_statutory_taxes(
    low: int, high: int, state: str, plan: str
) -> None:
    low, high = sorted((low, high))
    cheap = outputs_of(CALC, base_salary=str(low), state=state, health_plan=plan)
    dear = outputs_of(CALC, base_salary=str(high), state=state, health_plan=plan)
    assert dear["total_annual"] >= cheap["total_annual"]
    rule = COSTS.states[state].unemployment
    statutory = (
        pct(SOCIAL.rate_pct) * min(high, ceiling(SOCIAL.ceiling))
        + pct(MEDICARE.rate_pct) * high
        + pct(FUTA.rate_pct) * min(high, ceiling(FUTA.ceiling))
        + pct(rule.rate_pct) * min(high, ceiling(rule.ceiling))
    )
    assert dear["total_annual"] >= high + statutory - 0.01


@settings(deadline=None)
@given(
    st.floats(min_value=1000, max_value=5_000_000),
    st.floats(min_value=0, max_value=200),
    st.floats(min_value=0, max_value=200),
)
def test_more_flat_overhead_never_costs_less(base: float, low: float, high: float) -> None:
    low, high = sorted((low, high))
    cheap = outputs_of(CALC, base_salary=f"{base:.2f}", overhead_pct=f"{low:.2f}")
    dear = outputs_of(CALC, base_salary=f"{base:.2f}", overhead_pct=f"{high:.2f}")
    assert dear["total_annual"] >= cheap["total_annual"]
