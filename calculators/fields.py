"""Input fields that several calculators share, built from the figures in ``data/``.

One definition of "level", "base salary" and "overhead" keeps their limits, units and
help text the same on every calculator.
"""

from __future__ import annotations

from collections.abc import Callable

from calculators.figures import Figures
from calculators.spec import Choice, Input, Inputs

MAX_SALARY = 5_000_000
MAX_FEE = 1_000_000
MAX_OVERHEAD_PCT = 200
MAX_RATE = 5_000


def level(figures: Figures, *, default: str = "mid", sets: str = "the salary") -> Input:
    """The seniority level, which sets the starting figures of the fields that follow it."""
    return Input(
        "level",
        "Level",
        "choice",
        choices=tuple(Choice(key, label) for key, label in figures.levels.items()),
        default=default,
        help=f"Sets {sets} the calculator starts from.",
    )


def base_salary(figures: Figures, *, name: str = "base_salary", label: str = "Base salary", help: str = "") -> Input:  # noqa: A002
    """A yearly salary that starts at the middle of the level's US band and follows the level."""

    def middle_of_band(inputs: Inputs) -> float:
        return figures.salary(inputs.text("level")).middle

    return Input(
        name,
        label,
        "number",
        unit="USD a year",
        money=True,
        minimum=1_000,
        maximum=MAX_SALARY,
        step=1_000,
        default_from=middle_of_band,
        depends_on=("level",),
        help=help or "Starts at the middle of the level's US band; type your own figure.",
    )


def overhead(figures: Figures, *, label: str = "Overhead") -> Input:
    """Overhead on top of salary, in percent, starting at the middle of the range in data."""
    covers = ", ".join(figures.overhead_covers)
    return Input(
        "overhead_pct",
        label,
        "number",
        unit="%",
        minimum=0,
        maximum=MAX_OVERHEAD_PCT,
        step=1,
        default=figures.overhead.middle,
        help=f"On top of base salary: {covers}.",
    )


def one_off_cost(name: str, label: str, *, default: float, help: str) -> Input:  # noqa: A002
    """A one-off amount in dollars, such as a recruiting fee."""
    return Input(
        name,
        label,
        "number",
        unit="USD, once",
        money=True,
        minimum=0,
        maximum=MAX_FEE,
        step=1_000,
        default=default,
        help=help,
    )


def hourly_rate(name: str, label: str, *, default_from: Callable[[Inputs], float], follows: str, help: str) -> Input:  # noqa: A002
    """An hourly rate in dollars that starts from a band in data and follows the field it depends on."""
    return Input(
        name,
        label,
        "number",
        unit="USD an hour",
        money=True,
        minimum=1,
        maximum=MAX_RATE,
        step=1,
        default_from=default_from,
        depends_on=(follows,),
        help=help,
    )
