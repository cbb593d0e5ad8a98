from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import formatting
from macros.currencies import currency

USD = currency("USD")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (187500, "$187,500"),
        (15625.0, "$15,625"),
        (17708.333, "$17,708.33"),
        (42.5, "$42.50"),
        (0, "$0"),
        (-1200, "−$1,200"),
    ],
)
def test_money(value: float, text: str) -> None:
    assert formatting.money(value, USD) == text


def test_ranges_use_an_en_dash_and_collapse_equal_ends() -> None:
    assert formatting.money_range(140000, 200000, USD) == "$140,000–$200,000"
    assert formatting.percent_range(20, 30) == "20–30%"
    assert formatting.percent_range(0.1, 0.5) == "0.1–0.5%"
    assert formatting.multiple_range(2, 3) == "2–3×"
    assert formatting.money_range(5, 5, USD) == "$5"


def test_number_trims_zeros_and_never_shows_minus_zero() -> None:
    assert formatting.number(12.50) == "12.5"
    assert formatting.number(1234.0) == "1,234"
    assert formatting.number(-0.001) == "0"


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_values_are_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="cannot format"):
        formatting.money(bad, USD)
    with pytest.raises(ValueError, match="cannot format"):
        formatting.number(bad)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_money_round_trips_to_cents(value: float) -> None:
    text = formatting.money(value, USD)
    parsed = float(text.replace("−", "-").replace("$", "").replace(",", ""))
    assert parsed == pytest.approx(formatting.half_up(value, 2), abs=0.006)  # halves away from zero: 1.625 -> 1.63


@pytest.mark.parametrize(
    ("code", "locale", "value", "text"),
    [
        ("EUR", "en_US", 1234567.5, "€1,234,567.50"),
        ("INR", "en_IN", 12345678, "₹1,23,45,678"),
        ("BRL", "pt_BR", 1234.5, "R$\u00a01.234,50"),
        ("PLN", "pl_PL", 1234567, "1\u00a0234\u00a0567\u00a0zł"),
    ],
)
def test_money_follows_each_currencys_cldr_pattern(code: str, locale: str, value: float, text: str) -> None:
    assert formatting.money(value, currency(code, locale)) == text


def test_about_rounds_as_the_results_show_the_amount() -> None:
    # 0.015 × 0.6 × 100,000,000 − 37,500 leaves 862,499.9999999999 in floating point; the results
    # show $862,500, and three figures of that, halves up, are $863,000.
    assert formatting.about(0.015 * 0.6 * 100_000_000 - 37_500, USD) == "$863,000"
    assert formatting.about(72_486.5, USD) == "$72,500"
    assert formatting.about(112_500, USD) == "$113,000"
    assert formatting.about(0, USD) == "$0"
