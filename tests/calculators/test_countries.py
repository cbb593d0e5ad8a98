"""Employer cost abroad: each country's lines by hand from the data pack's rules, below and above
each ceiling; properties of every country's cost; loaded-cost's country, relief and optional
fields; amounts read and written in each currency's own format."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import loaded_cost
from calculators.employer_cost import (
    Choices,
    contribution_amount,
    default_choices,
    employer_cost,
    is_due,
    setting_value,
    statutory,
)
from calculators.exchange import convert, rate
from calculators.parsing import InputErrors, parse_number, unparse
from calculators.spec import Input, Inputs
from macros.forms import calculator_form
from tests.calculators.helpers import cli, figures, record

CALC = loaded_cost.build(figures())
COUNTRIES = list(figures().employer_costs)
ABROAD = [key for key in COUNTRIES if key != "us"]
NOTHING_ELSE = {"equipment_per_year": "0", "payroll_fee_per_year": "0", "recruiting_fee": "0"}
"""The employer's choices abroad at nothing, so that only the statutory lines are left."""


def lines(country: str, base: str, **fields: str) -> dict[str, float]:
    got = record(CALC, country=country, base_salary=base, **{**NOTHING_ELSE, **fields})
    return {line["label"]: line["amount"] for line in got["breakdown"]}


def total(country: str, base: str, **fields: str) -> float:
    got: float = record(CALC, country=country, base_salary=base, **{**NOTHING_ELSE, **fields})["outputs"][
        "total_annual"
    ]
    return got


def beyond_pay(country: str, base: str, **fields: str) -> float:
    """What the employer pays on top of ``base`` (written as the country writes it), a year."""
    return total(country, base, **fields) - parse_number(_base(country), base)


def label(country: str, key: str) -> str:
    return figures().employer_costs[country].contributions[key].label


# --- By hand, from the pack's rules ----------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "nic", "pension"),
    [
        # below the £5,000 secondary threshold: no NI; below the £10,000 trigger: no pension
        ("4,000", 0.0, 0.0),
        # 15% × (8,000 − 5,000) = 450; still below the trigger, so no pension
        ("8,000", 450.0, 0.0),
        # 15% × (30,000 − 5,000) = 3,750; 3% × (30,000 − 6,240) = 712.80
        ("30,000", 3_750.0, 712.80),
        # 15% × (100,000 − 5,000) = 14,250; pension stops at £50,270: 3% × (50,270 − 6,240) = 1,320.90
        ("100,000", 14_250.0, 1_320.90),
    ],
)
def test_united_kingdom_by_hand(base: str, nic: float, pension: float) -> None:
    got = lines("gb", base, employer_relief="no")
    assert got[label("gb", "employer-nic")] == pytest.approx(nic, abs=0.005)
    assert got[label("gb", "workplace-pension")] == pytest.approx(pension, abs=0.005)
    assert got["Employment Allowance (employer relief)"] == 0


def test_the_employment_allowance_is_capped_and_never_more_than_the_tax() -> None:
    # 15% × (100,000 − 5,000) = 14,250, less the £10,500 allowance = 3,750 net;
    # 100,000 + 3,750 + pension 1,320.90 = 105,070.90
    assert lines("gb", "100,000", employer_relief="yes")["Employment Allowance (employer relief)"] == -10_500
    assert total("gb", "100,000", employer_relief="yes") == pytest.approx(105_070.90)
    assert total("gb", "100,000", employer_relief="no") == pytest.approx(115_570.90)
    # 15% × (30,000 − 5,000) = 3,750, all of it offset: 30,000 + 712.80
    assert total("gb", "30,000", employer_relief="yes") == pytest.approx(30_712.80)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        # Below both ceilings: 9.3% + 1.3% + 7.3% + 0.5 × 2.9% + 1.8% + 0.15% = 21.3% of 60,000 = 12,780
        ("60.000", 12_780.0),
        # Between: pension-side lines on 80,000 (9.3% + 1.3% + 0.15% = 10.75% → 8,600), health-side on
        # 69,750 (5,812.50 × 12; 7.3% + 1.45% + 1.8% = 10.55% → 7,358.625): 15,958.625
        ("80.000", 15_958.625),
        # Above both: 10.75% × 101,400 (8,450 × 12) = 10,900.50; 10.55% × 69,750 = 7,358.625: 18,259.125
        ("120.000", 18_259.125),
    ],
)
def test_germany_by_hand_around_both_monthly_ceilings(base: str, expected: float) -> None:
    assert beyond_pay("de", base) == pytest.approx(expected, abs=0.006)


def test_germanys_additional_health_rate_is_the_employers_half() -> None:
    # 0.5 × 2.9% × 60,000 = 870
    assert lines("de", "60.000")[label("de", "zusatzbeitrag")] == pytest.approx(870)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        # Below the PLN 282,600 cap: 9.76% + 6.5% + 1.67% + 2.45% + 0.1% = 20.48% of 200,000 = 40,960
        ("200 000", 40_960.0),
        # Above: 16.26% × 282,600 = 45,950.76 for pension and disability; 4.22% × 400,000 = 16,880
        # for the rest, which have no cap: 62,830.76
        ("400 000", 62_830.76),
    ],
)
def test_poland_by_hand_around_the_yearly_cap(base: str, expected: float) -> None:
    assert beyond_pay("pl", base) == pytest.approx(expected, abs=0.005)


def test_polands_ppk_counts_only_when_asked() -> None:
    ppk = label("pl", "ppk")
    assert lines("pl", "200 000")[ppk] == 0
    # 1.5% × 200,000 = 3,000
    assert lines("pl", "200 000", optional_contributions="yes")[ppk] == pytest.approx(3_000)
    assert total("pl", "200 000", optional_contributions="yes") == pytest.approx(200_000 + 40_960 + 3_000)


@pytest.mark.parametrize(
    ("base", "cpp", "cpp2", "ei"),
    [
        # below the CA$3,500 exemption: no CPP; EI 1.4 × 1.63% × 3,000 = 68.46
        ("3,000", 0.0, 0.0, 68.46),
        # 5.95% × (50,000 − 3,500) = 2,766.75; no CPP2 below the YMPE; EI 2.282% × 50,000 = 1,141
        ("50,000", 2_766.75, 0.0, 1_141.0),
        # 5.95% × (74,600 − 3,500) = 4,230.45 (the CRA's maximum); CPP2 4% × (80,000 − 74,600) = 216;
        # EI stops at 68,900: 2.282% × 68,900 = 1,572.298 (ESDC's employer maximum, 1,572.30)
        ("80,000", 4_230.45, 216.0, 1_572.298),
        # CPP2 stops at the YAMPE: 4% × (85,000 − 74,600) = 416 (the CRA's maximum)
        ("90,000", 4_230.45, 416.0, 1_572.298),
    ],
)
def test_ontario_by_hand_around_each_ceiling(base: str, cpp: float, cpp2: float, ei: float) -> None:
    got = lines("ca-on", base, employer_relief="no")
    assert got[label("ca-on", "cpp")] == pytest.approx(cpp, abs=0.005)
    assert got[label("ca-on", "cpp2")] == pytest.approx(cpp2, abs=0.005)
    assert got[label("ca-on", "ei")] == pytest.approx(ei, abs=0.005)
    # EHT 1.95% of all pay without the exemption
    assert got[label("ca-on", "eht")] == pytest.approx(float(base.replace(",", "")) * 0.0195, abs=0.005)


def test_ontarios_eht_exemption_covers_the_first_million() -> None:
    # 1.95% × 90,000 = 1,755, all exempt; at 1,200,000: 23,400 − 1.95% × 1,000,000 = 3,900 left
    assert lines("ca-on", "90,000", employer_relief="yes")["EHT exemption (employer relief)"] == pytest.approx(-1_755)
    big = lines("ca-on", "1,200,000", employer_relief="yes")
    assert big[label("ca-on", "eht")] + big["EHT exemption (employer relief)"] == pytest.approx(3_900)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        # below the ₹15,000-a-month EPF ceiling: 12% + 0.5% + 0.5% = 13% of 1,50,000 = 19,500, and ESI
        # 3.25% × 1,50,000 = 4,875 (pay is within ₹21,000 a month): 24,375
        ("1,50,000", 24_375.0),
        # at the ESI limit, 21,000 × 12 = 2,52,000: 13% × 1,80,000 = 23,400 + 3.25% × 2,52,000 = 8,190
        ("2,52,000", 31_590.0),
        # one rupee above it: no ESI at all, 23,400
        ("2,52,001", 23_400.0),
        # a developer's pay: EPF lines on the ceiling only, 23,400
        ("15,00,000", 23_400.0),
    ],
)
def test_india_by_hand_around_the_ceiling_and_the_esi_limit(base: str, expected: float) -> None:
    assert beyond_pay("in", base) == pytest.approx(expected, abs=0.005)


def test_brazil_by_hand_with_the_13th_salary() -> None:
    # 13th: 120,000 ÷ 12 = 10,000; INSS 20% and FGTS 8% of (120,000 + 10,000): 26,000 and 10,400
    got = lines("br", "120.000")
    assert got[figures().employer_costs["br"].extra_salaries["thirteenth"].label] == pytest.approx(10_000)
    assert got[label("br", "inss-patronal")] == pytest.approx(26_000)
    assert got[label("br", "fgts")] == pytest.approx(10_400)
    assert total("br", "120.000") == pytest.approx(166_400)


# --- The CLI, for every country ---------------------------------------------------------------


@pytest.mark.parametrize("country", COUNTRIES)
def test_the_cli_costs_every_country_line_by_line(country: str) -> None:
    status, got, stderr = cli("loaded-cost", f"country={country}", "base_salary=100000")
    assert status == 0, stderr
    costs = figures().employer_costs[country]
    labels = [line["label"] for line in got["breakdown"]]
    for rule in costs.contributions.values():
        assert labels.count(rule.label) == 1, rule.label  # one line per statutory contribution, as named
    assert got["outputs"]["currency"] == costs.currency
    usd = got["outputs"]["total_annual"] * rate(figures(), costs.currency, "USD")
    assert got["outputs"]["total_annual_usd"] == pytest.approx(usd, abs=0.01)


def test_us_only_fields_are_ignored_abroad_with_a_note() -> None:
    got = record(CALC, country="gb", state="ca", health_plan="family", retirement_match_pct="5")
    assert got["inputs"]["state"] is None
    assert got["inputs"]["health_plan"] is None
    (note,) = [note for note in got["notes"] if "ignored" in note]
    assert "US state where the employee works" in note
    assert "Health plan" in note
    assert not any("Health insurance" in line["label"] for line in got["breakdown"])
    # A bad value for a field that does not count is not an error either.
    assert record(CALC, country="de", state="atlantis")["inputs"]["state"] is None


def test_a_relief_or_an_optional_line_given_where_there_is_none_is_ignored() -> None:
    got = record(CALC, country="us", employer_relief="yes", optional_contributions="yes")
    assert got["inputs"]["employer_relief"] is None
    assert any("ignored" in note for note in got["notes"])


def test_relief_starts_as_the_data_says() -> None:
    for key, costs in figures().employer_costs.items():
        started = record(CALC, country=key)["inputs"]["employer_relief"]
        assert started == (costs.relief.default.claimed if costs.relief is not None else None), key


def test_salaries_abroad_start_at_the_published_pay() -> None:
    # Germany: 6,097 a month × 12 = 73,164; Ontario: 45.64 an hour × 2,080 = 94,931.20, to the
    # dollar 94,931; India: the middle of 9.7–20.7 lakh = 15,20,000
    assert record(CALC, country="de")["inputs"]["base_salary"] == pytest.approx(73_164)
    assert record(CALC, country="ca-on")["inputs"]["base_salary"] == 94_931
    assert record(CALC, country="in")["inputs"]["base_salary"] == pytest.approx(1_520_000)
    # The level sets the salary only where the data has bands for the country (the United States).
    assert record(CALC, country="de", level="senior")["inputs"]["base_salary"] == pytest.approx(73_164)


def test_us_dollar_defaults_abroad_convert_at_the_dated_rate() -> None:
    # The US$2,000 equipment placeholder in pounds at the figures' rate, to whole pounds.
    got = record(CALC, country="gb")["inputs"]["equipment_per_year"]
    assert got == round(convert(figures(), 2_000, "USD", "GBP"))
    assert got == setting_value(figures(), "equipment_per_year", "gb")


# --- Properties -------------------------------------------------------------------------------

SALARY = st.floats(min_value=1_000, max_value=10_000_000)
EXTRAS = st.floats(min_value=0, max_value=100_000)


def _choices(country: str, relief: bool, optional: bool, equipment: float, payroll: float) -> Choices:
    start = default_choices(figures(), country)
    return replace(start, equipment=equipment, payroll_fee=payroll, relief=relief, optional=optional)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(COUNTRIES), SALARY, st.booleans(), st.booleans(), EXTRAS, EXTRAS)
def test_cost_is_never_below_base_plus_the_statutory_lines(  # noqa: PLR0917 - hypothesis passes them so
    country: str, base: float, relief: bool, optional: bool, equipment: float, payroll: float
) -> None:
    costs = figures().employer_costs[country]
    cost = employer_cost(figures(), base, _choices(country, relief, optional, equipment, payroll), country)
    extra = sum(base / 12 * salary.months for salary in costs.extra_salaries.values())
    due = sum(
        contribution_amount(rule, base, costs, extra)
        for rule in costs.contributions.values()
        if optional or not rule.optional
    )
    relieved = sum(line.amount for line in cost.lines if line.key == "relief")
    assert relieved <= 0
    assert cost.total >= base + extra + due + relieved - 1e-6
    assert statutory(cost) >= -1e-6  # a relief never takes back more than the line it reduces
    assert math.isclose(cost.total, base + sum(line.amount for line in cost.lines), rel_tol=1e-12)


def _cliffs(country: str) -> list[float]:
    """The pay a year above which a line stops being due altogether (India's ESI)."""
    costs = figures().employer_costs[country]
    return [
        costs.limits[rule.only_up_to].yearly for rule in costs.contributions.values() if rule.only_up_to is not None
    ]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(COUNTRIES), SALARY, SALARY, st.booleans(), st.booleans())
def test_cost_never_falls_as_salary_rises_except_across_a_coverage_limit(
    country: str, low: float, high: float, relief: bool, optional: bool
) -> None:
    low, high = sorted((low, high))
    if any(low <= cliff < high for cliff in _cliffs(country)):
        return  # the one place the law makes it fall: see the next test
    choices = _choices(country, relief, optional, 1_000, 500)
    assert (
        employer_cost(figures(), high, choices, country).total
        >= employer_cost(figures(), low, choices, country).total - 1e-6
    )


def test_indias_esi_limit_is_a_cliff_where_a_raise_lowers_the_cost() -> None:
    # The law covers pay up to ₹21,000 a month: one rupee more a year ends the 3.25% contribution.
    (cliff,) = _cliffs("in")
    costs = figures().employer_costs["in"]
    esi = costs.contributions["esi"]
    assert is_due(esi, cliff, costs)
    assert not is_due(esi, cliff + 1, costs)
    choices = _choices("in", relief=False, optional=False, equipment=0, payroll=0)
    assert (
        employer_cost(figures(), cliff + 1, choices, "in").total < employer_cost(figures(), cliff, choices, "in").total
    )


# --- Amounts in each currency's own format ----------------------------------------------------


def _base(country: str) -> Input:
    """The base salary field in ``country``'s currency."""
    return CALC.input("base_salary").resolved(Inputs({"country": country, "level": "mid"}))


@pytest.mark.parametrize(
    ("country", "raw", "value"),
    [
        ("de", "100.000,50", 100_000.5),
        ("de", "100.000,50 €", 100_000.5),
        ("de", "100000", 100_000.0),
        ("br", "R$ 7.210,04", 7_210.04),
        ("br", "R$\u00a07.210,04", 7_210.04),
        ("pl", "161 514,50 zł", 161_514.5),
        ("pl", "161\u00a0514", 161_514.0),
        ("in", "₹12,00,000", 1_200_000.0),
        ("in", "12,00,000.50", 1_200_000.5),
        ("in", "1,200,000", 1_200_000.0),
        ("gb", "£56,000", 56_000.0),
        ("ca-on", "CA$95,000", 95_000.0),
    ],
)
def test_each_currency_is_read_as_its_country_writes_it(country: str, raw: str, value: float) -> None:
    assert parse_number(_base(country), raw) == value


@pytest.mark.parametrize(
    ("country", "raw", "says"),
    [
        ("de", "100,000", "ambiguous: write 100000 (with no comma) for thousands, or 100,00 for a decimal"),
        ("de", "1.5", "not a number"),
        ("br", "7,210.04", "not a number"),
        ("pl", "161.514", "not a number"),
        ("ca-on", "$95,000", "in CAD"),
        ("us", "1.234,56", "not a number"),
    ],
)
def test_another_conventions_number_is_refused_not_misread(country: str, raw: str, says: str) -> None:
    with pytest.raises(ValueError, match=says.replace("(", r"\(").replace(")", r"\)")):
        parse_number(_base(country), raw)


@settings(max_examples=300)
@given(st.sampled_from(COUNTRIES), st.decimals(min_value=1_000, max_value=10**8, places=2))
def test_what_the_form_writes_reads_back_to_the_same_amount(country: str, amount: Any) -> None:
    spec = _base(country)
    text = unparse(spec, float(amount))
    assert parse_number(spec, text) == float(amount)


def test_the_form_hides_the_fields_that_do_not_count() -> None:
    html = calculator_form(CALC, example=[("country", "pl")])
    assert 'data-field="state" data-applies-if="country=us" hidden' in html
    assert 'data-field="optional_contributions" data-applies-if="country=pl">' in html
    home = calculator_form(CALC)
    assert 'data-field="state" data-applies-if="country=us">' in home


def test_a_wrong_country_is_an_error_naming_the_field() -> None:
    with pytest.raises(InputErrors) as caught:
        record(CALC, country="atlantis")
    assert "country" in caught.value.errors
