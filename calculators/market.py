"""Where a salary sits in what an occupation earns (a distribution of points, from data)."""

from __future__ import annotations

import itertools

from calculators.figures import Market


def ordinal(number: int) -> str:
    """10 -> '10th', 21 -> '21st', 50 -> '50th'."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def position(market: Market, value: float) -> str:
    """Where ``value`` falls among the distribution's points, in words: "below the 10th
    percentile", "between the 25th and 50th percentiles", "above the 90th percentile"."""
    points = market.percentiles
    if value < points[0].value:
        return f"below the {ordinal(points[0].at)} percentile"
    if value > points[-1].value:
        return f"above the {ordinal(points[-1].at)} percentile"
    for point in points:
        if value == point.value:
            return f"at the {ordinal(point.at)} percentile"
    low, high = next((a, b) for a, b in itertools.pairwise(points) if a.value < value < b.value)
    return f"between the {ordinal(low.at)} and {ordinal(high.at)} percentiles"


def below_floor(market: Market, value: float) -> bool:
    """Below the lowest point the data gives (for US developers, the 10th percentile)."""
    return value < market.percentiles[0].value
