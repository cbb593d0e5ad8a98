"""How numbers are written, on the site, in the PDF, in the CLI and in the browser.

One set of functions so that a figure reads the same wherever it appears: ``$140,000``,
``$42.50``, ``25%``, ``2-3x``. Standard library only.
"""

from __future__ import annotations

import math

DASH = "\u2013"  # en dash, for ranges: $60,000–$90,000
MINUS = "\u2212"


def _trim(text: str) -> str:
    """Drop a fractional part made only of zeros: 12.50 -> 12.5, 12.00 -> 12."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def number(value: float, *, places: int = 2) -> str:
    """1234.5 -> '1,234.5'; at most ``places`` decimals, no trailing zeros."""
    if not math.isfinite(value):
        raise ValueError(f"cannot format {value!r}")
    sign = MINUS if value < 0 and round(abs(value), places) != 0 else ""
    return sign + _trim(f"{abs(value):,.{places}f}")


def money(value: float, *, cents: bool | None = None) -> str:
    """Whole dollars when the amount is whole, else cents: 187500 -> '$187,500', 42.5 -> '$42.50'."""
    if not math.isfinite(value):
        raise ValueError(f"cannot format {value!r}")
    rounded = round(value, 2)
    show_cents = cents if cents is not None else rounded != int(rounded)
    text = f"{abs(rounded):,.2f}" if show_cents else f"{abs(round(rounded)):,}"
    sign = MINUS if rounded < 0 else ""
    return f"{sign}${text}"


def percent(value: float) -> str:
    """25 -> '25%', 0.1 -> '0.1%', 12.345 -> '12.35%'."""
    return number(value) + "%"


def multiple(value: float) -> str:
    """2 -> '2x', 2.5 -> '2.5x'."""
    return number(value, places=1) + "\u00d7"


def span(low: str, high: str) -> str:
    """Two formatted ends as one range; a single value when they are equal."""
    return low if low == high else f"{low}{DASH}{high}"


def money_range(low: float, high: float) -> str:
    """(140000, 200000) -> '$140,000–$200,000'."""
    return span(money(low), money(high))


def percent_range(low: float, high: float) -> str:
    """(20, 30) -> '20–30%'."""
    return span(number(low), number(high)) + "%"


def multiple_range(low: float, high: float) -> str:
    """(2, 3) -> '2–3x'."""
    return span(number(low, places=1), number(high, places=1)) + "\u00d7"


PER = {"year": "a year", "month": "a month", "hour": "an hour"}


def per(period: str) -> str:
    """'hour' -> 'an hour'."""
    return PER[period]
