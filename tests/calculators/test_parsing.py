"""The one input grammar shared by the CLI, the build and the browser."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.parsing import MAX_RAW_LENGTH, FieldError, InputErrors, parse_inputs, parse_value, unparse
from calculators.spec import Calculator, Choice, Input, Inputs, Output, Result
from macros.currencies import currency

USD = currency("USD")
MONEY = Input("salary", "Salary", "number", currency=USD, unit="USD a year", minimum=1000, maximum=5_000_000)
EUROS = Input(
    "salary", "Salary", "number", currency=currency("EUR"), unit="EUR a year", minimum=1000, maximum=5_000_000
)
PERCENT = Input("overhead", "Overhead", "number", unit="%", minimum=0, maximum=200)
MONTHS = Input("months", "Months", "integer", minimum=1, maximum=120)
LEVEL = Input("level", "Level", "choice", choices=(Choice("junior", "Junior"), Choice("senior", "Senior")))
FLAG = Input("remote", "Remote", "yes-no")


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("150000", 150000.0),
        ("150,000", 150000.0),
        ("150,000.50", 150000.5),
        ("$150,000", 150000.0),
        ("  $1,234,567.89 ", 1234567.89),
        ("+2500", 2500.0),
        ("2500.5", 2500.5),
        ("1000.0", 1000.0),
    ],
)
def test_money_in_us_format(raw: str, value: float) -> None:
    assert parse_value(MONEY, raw) == value


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("150.000", "ambiguous"),
        ("1.500,00", "not a number"),
        ("1 500", "not a number"),
        ("1e5", "not a number"),
        ("0x10", "not a number"),
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
        ("-inf", "not a number"),
        ("١٥٠٠٠٠", "not a number"),  # Arabic-Indic digits
        ("１５００００", "not a number"),  # full-width digits
        ("15,00,000", "not a number"),
        ("1,5", "not a number"),
        ("", "not a number"),
        ("$", "not a number"),
        ("150000%", "not a percentage"),
        ("999", "out of range"),
        ("-150000", "out of range"),
        ("5,000,001", "out of range"),
        ("1" * (MAX_RAW_LENGTH + 1), "too long"),
        ("150\x00000", "control characters"),
    ],
)
def test_money_refuses_what_it_cannot_read_exactly(raw: str, problem: str) -> None:
    with pytest.raises(FieldError, match=problem):
        parse_value(MONEY, raw)


@pytest.mark.parametrize("raw", ["€150,000", "150,000 €", "EUR 150,000", "150000EUR", "150,000"])
def test_money_takes_its_own_currency_symbol(raw: str) -> None:
    assert parse_value(EUROS, raw) == 150000.0


@pytest.mark.parametrize(
    ("field", "raw", "problem"),
    [
        (EUROS, "$150,000", "is in EUR; write it without $, or with €"),
        (MONEY, "€150,000", "is in USD"),
        (MONEY, "£5,000", "is in USD"),
    ],
)
def test_money_refuses_another_currency_naming_its_own(field: Input, raw: str, problem: str) -> None:
    with pytest.raises(FieldError, match=re.escape(problem)):
        parse_value(field, raw)


def test_out_of_range_says_what_is_allowed() -> None:
    with pytest.raises(FieldError, match=r"from \$1,000 to \$5,000,000 USD a year"):
        parse_value(MONEY, "10")


def test_percent_takes_a_percent_sign_but_not_a_dollar() -> None:
    assert parse_value(PERCENT, "25%") == 25.0
    assert parse_value(PERCENT, "12.5") == 12.5
    assert parse_value(PERCENT, "0.125") == 0.125
    with pytest.raises(FieldError, match="not a money amount"):
        parse_value(PERCENT, "$25")


def test_integers_accept_whole_decimals_only() -> None:
    assert parse_value(MONTHS, "12") == 12
    assert parse_value(MONTHS, "12.0") == 12
    assert isinstance(parse_value(MONTHS, "12.0"), int)
    with pytest.raises(FieldError, match="whole number"):
        parse_value(MONTHS, "12.5")
    with pytest.raises(FieldError, match="out of range"):
        parse_value(MONTHS, "0")


def test_choices_and_yes_no() -> None:
    assert parse_value(LEVEL, " Senior ") == "senior"
    with pytest.raises(FieldError, match="one of junior, senior"):
        parse_value(LEVEL, "staff")
    assert parse_value(FLAG, "on") is True
    assert parse_value(FLAG, "No") is False
    with pytest.raises(FieldError, match="yes or no"):
        parse_value(FLAG, "maybe")


def test_minus_zero_becomes_zero() -> None:
    value = parse_value(PERCENT, "-0")
    assert value == 0
    assert math.copysign(1, value) == 1


def _calculator() -> Calculator:
    def compute(inputs: Inputs) -> Result:
        return Result(outputs={"total": inputs.number("salary") * inputs.integer("months")})

    return Calculator(
        name="demo",
        title="Demo",
        summary="",
        inputs=(
            LEVEL,
            Input(
                "salary",
                "Salary",
                "number",
                currency=USD,
                minimum=1000,
                maximum=5_000_000,
                default_from=lambda i: 100_000 if i.text("level") == "junior" else 200_000,
                depends_on=("level",),
            ),
            Input("months", "Months", "integer", minimum=1, maximum=120, default=12),
        ),
        outputs=(Output("total", "Total", "money"),),
        compute=compute,
        check=lambda i: {"months": "Months must be even"} if i.integer("months") % 2 else {},
    )


def test_defaults_follow_the_inputs_they_depend_on() -> None:
    calc = _calculator()
    assert parse_inputs(calc, [("level", "junior")])["salary"] == 100_000.0
    assert parse_inputs(calc, [("level", "senior")])["salary"] == 200_000.0
    assert parse_inputs(calc, [("level", "senior"), ("salary", "150,000")])["salary"] == 150_000.0


def test_unknown_repeated_missing_and_cross_field_errors_name_their_field() -> None:
    calc = _calculator()
    with pytest.raises(InputErrors) as caught:
        parse_inputs(calc, [("level", "junior"), ("level", "senior"), ("bonus", "5")])
    assert set(caught.value.errors) == {"level", "bonus"}
    assert "more than once" in caught.value.errors["level"]
    assert "not a field of Demo" in caught.value.errors["bonus"]
    with pytest.raises(InputErrors) as caught:
        parse_inputs(calc, [])
    assert set(caught.value.errors) == {"level"}  # salary follows level, so only level is reported
    assert "required" in caught.value.errors["level"]
    with pytest.raises(InputErrors) as caught:
        parse_inputs(calc, [("level", "junior"), ("months", "7")])
    assert caught.value.errors == {"months": "Months must be even"}


@settings(max_examples=500)
@given(st.floats(min_value=1000, max_value=5_000_000, allow_nan=False).map(lambda v: round(v, 2)))
def test_unparse_round_trips_money(value: float) -> None:
    assert parse_value(MONEY, unparse(MONEY, value)) == value


@settings(max_examples=500)
@given(st.decimals(min_value=0, max_value=200, places=4).map(float))
def test_unparse_round_trips_percentages(value: float) -> None:
    assert parse_value(PERCENT, unparse(PERCENT, value)) == pytest.approx(value, abs=1e-6)


@settings(max_examples=2000)
@given(st.text(max_size=80))
def test_any_text_either_parses_into_range_or_is_refused(raw: str) -> None:
    for spec in (MONEY, PERCENT, MONTHS, LEVEL, FLAG):
        try:
            value = parse_value(spec, raw)
        except FieldError as problem:
            assert str(problem)
            continue
        if spec.kind in {"number", "integer"}:
            assert isinstance(value, int | float)
            assert math.isfinite(value)
            assert spec.minimum is not None
            assert spec.maximum is not None
            assert spec.minimum <= value <= spec.maximum
