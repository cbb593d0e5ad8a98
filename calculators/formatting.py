"""How numbers are written, on the site, in the PDF, in the CLI and in the browser.

One set of functions so that a figure reads the same wherever it appears: ``$140,000``,
``$42.50``, ``25%``, ``2–3×``. Money is written the way its :class:`Currency` says (its
symbol, where the symbol goes, how digits group); the build takes those from CLDR for each
currency the data uses. Standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DASH = "\u2013"  # en dash, for ranges: $60,000–$90,000
MINUS = "\u2212"


@dataclass(frozen=True, kw_only=True)
class Currency:
    """How to write amounts of one currency (from CLDR, written by the build)."""

    code: str
    """ISO 4217: ``USD``."""
    symbol: str
    """``$``, ``€``, ``R$``."""
    prefix: str
    """What comes before the digits (the symbol, maybe with a space): ``$``."""
    suffix: str = ""
    """What comes after them: `` zł`` in Polish."""
    group: str = ","
    decimal: str = "."
    grouping: tuple[int, ...] = (3, 3)
    """Digits in the first group from the right, then in each further group (lakhs: 3, 2)."""

    def digits(self, whole: int) -> str:
        """``1234567`` -> ``1,234,567`` (or ``12,34,567`` with lakh grouping)."""
        text = str(whole)
        primary, secondary = ((*self.grouping, self.grouping[-1]))[:2]
        if primary <= 0 or len(text) <= primary:
            return text
        groups = [text[-primary:]]
        text = text[:-primary]
        while text:
            groups.append(text[-secondary:])
            text = text[:-secondary]
        return self.group.join(reversed(groups))


def half_up(value: float, places: int = 0) -> float:
    """Round halves away from zero, as people do: 112500 to thousands is 113000, 0.125 is 0.13
    (Python's ``round`` sends halves to the even neighbour)."""
    exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return float(exact)


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


def money(value: float, currency: Currency, *, cents: bool | None = None) -> str:
    """Whole units when the amount is whole, else cents: 187500 -> '$187,500', 42.5 -> '$42.50'."""
    if not math.isfinite(value):
        raise ValueError(f"cannot format {value!r}")
    rounded = half_up(value, 2)
    show_cents = cents if cents is not None else rounded != int(rounded)
    hundredths = round(abs(rounded) * 100)
    whole, fraction = divmod(hundredths, 100)
    if not show_cents and fraction:
        whole, fraction = int(half_up(abs(rounded))), 0
    text = currency.digits(whole) + (f"{currency.decimal}{fraction:02d}" if show_cents else "")
    sign = MINUS if rounded < 0 else ""
    return f"{sign}{currency.prefix}{text}{currency.suffix}"


def significant(value: float, digits: int = 3) -> float:
    """``value`` rounded to ``digits`` significant figures: 72486.5 -> 72500.0."""
    if value == 0 or not math.isfinite(value):
        return value
    return half_up(value, digits - 1 - math.floor(math.log10(abs(value))))


def about(value: float, currency: Currency) -> str:
    """Money for a sentence, to three significant figures: 72486.5 -> '$72,500'. The amount is
    first rounded to cents, as the results show it, so a sum that floating point leaves at
    862499.99999 reads as the $863,000 its shown $862,500 rounds to."""
    return money(significant(half_up(value, 2)), currency, cents=False)


def percent(value: float) -> str:
    """25 -> '25%', 0.1 -> '0.1%', 12.345 -> '12.35%'."""
    return number(value) + "%"


def multiple(value: float) -> str:
    """2 -> '2×', 2.5 -> '2.5×', 0.96 -> '0.96×' (two figures below one, so 0.96 is not '1×')."""
    return number(value, places=2 if abs(value) < 1 else 1) + "\u00d7"


def span(low: str, high: str) -> str:
    """Two formatted ends as one range; a single value when they are equal."""
    return low if low == high else f"{low}{DASH}{high}"


def money_range(low: float, high: float, currency: Currency) -> str:
    """(140000, 200000) -> '$140,000–$200,000'."""
    return span(money(low, currency), money(high, currency))


def percent_range(low: float, high: float) -> str:
    """(20, 30) -> '20–30%'."""
    return span(number(low), number(high)) + "%"


def multiple_range(low: float, high: float) -> str:
    """(2, 3) -> '2–3×'."""
    return span(number(low, places=1), number(high, places=1)) + "\u00d7"


PER = {"year": "a year", "month": "a month", "hour": "an hour"}


def per(period: str) -> str:
    """'hour' -> 'an hour'."""
    return PER[period]


def plural(count: float, unit: str, units: str | None = None) -> str:
    """(1, 'month') -> '1 month'; (3, 'month') -> '3 months'."""
    return f"{number(count)} {unit if count == 1 else units or unit + 's'}"


def phrase(items: Sequence[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else items[0]
