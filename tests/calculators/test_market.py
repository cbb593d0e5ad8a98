"""market: where a salary sits among the points of a pay distribution, in words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.figures import Market, Percentile
from calculators.market import below_floor, ordinal, position
from tests.calculators.helpers import figures

MARKET = figures().pay.market


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (50, "50th"), (90, "90th"), (101, "101st"), (111, "111th"), (113, "113th")],
)  # fmt: skip
def test_ordinal(number: int, text: str) -> None:
    assert ordinal(number) == text


def _market() -> Market:
    points = [Percentile(source="editorial", reason="test", at=at, value=value) for at, value in ((10, 50), (50, 100))]
    return Market(label="Test", currency="USD", per="year", percentiles=points)


def test_position_by_hand() -> None:
    market = _market()
    assert position(market, 49) == "below the 10th percentile"
    assert position(market, 50) == "at the 10th percentile"
    assert position(market, 75) == "between the 10th and 50th percentiles"
    assert position(market, 100) == "at the 50th percentile"
    assert position(market, 101) == "above the 50th percentile"
    assert below_floor(market, 49.99)
    assert not below_floor(market, 50)


def test_the_floor_is_the_bls_10th_percentile() -> None:
    floor = MARKET.value_at(10)
    assert floor is not None
    assert MARKET.percentiles[0].at == 10
    assert below_floor(MARKET, floor - 1)
    assert not below_floor(MARKET, floor)


@given(st.floats(min_value=0, max_value=10_000_000))
def test_every_salary_has_a_position(value: float) -> None:
    text = position(MARKET, value)
    assert text.startswith(("below the", "at the", "between the", "above the"))
    assert below_floor(MARKET, value) == text.startswith("below the")
