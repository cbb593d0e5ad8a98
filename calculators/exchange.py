"""Amounts from one currency into another at the dated rates in the figures.

The build reads the rates of one day from their source's package (``macros/exchange.py``)
and writes them into the figures: how many units of each currency one euro bought. A rate
between two other currencies (US dollars per pound) is derived through the euro, and every
sentence that shows one says so, with the date. Standard library only.
"""

from __future__ import annotations

from calculators.figures import Figures
from calculators.formatting import money, number


def rate(figures: Figures, source: str, target: str) -> float:
    """Units of ``target`` that one unit of ``source`` buys (through the euro)."""
    per_unit = figures.exchange_rates.per_unit
    return per_unit[target] / per_unit[source]


def convert(figures: Figures, amount: float, source: str, target: str) -> float:
    """``amount`` of ``source`` in ``target``."""
    return amount if source == target else amount * rate(figures, source, target)


def rate_text(figures: Figures, source: str, target: str) -> str:
    """``1 USD = 0.xxxx GBP``: one unit of ``source`` in ``target``, to four decimals."""
    return f"1 {source} = {number(rate(figures, source, target), places=4)} {target}"


def dated(figures: Figures) -> str:
    """How the rates are named in a sentence: "the ECB reference rates of October 30, 2026"."""
    rule = figures.exchange
    return f"the {figures.source(rule.source).name} reference rates of {rule.period}"


def how_converted(figures: Figures, source: str, target: str) -> str:
    """The conversion in words, with its date and how the rate was derived."""
    if source == target:
        return "no conversion"
    through = figures.exchange_rates.through
    derived = "" if through in {source, target} else f", derived through {through}"
    return f"at {dated(figures)}{derived} ({rate_text(figures, target, source)})"


def equivalent(figures: Figures, amount: float, source: str, target: str) -> str:
    """``£45,000 (about $60,300)``: an amount with its equivalent, rounded for a sentence."""
    shown = money(amount, figures.currencies[source], cents=False)
    if source == target:
        return shown
    other = convert(figures, amount, source, target)
    return f"{shown} (about {money(round(other), figures.currencies[target], cents=False)})"


__all__ = ["convert", "dated", "equivalent", "how_converted", "rate", "rate_text"]
