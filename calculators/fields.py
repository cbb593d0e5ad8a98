"""Input fields that several calculators share, built from the figures in ``data/``.

One definition of "level", "base salary", "overhead" and the money fields keeps their
limits, units and help text the same on every calculator.
"""

from __future__ import annotations

from collections.abc import Callable

from calculators.figures import Figures
from calculators.formatting import Currency, percent_range
from calculators.spec import Choice, Input, Inputs

MAX_SALARY = 5_000_000
MAX_FEE = 1_000_000
MAX_OVERHEAD_PCT = 200
MAX_RATE = 5_000


def per(currency: Currency, period: str) -> str:
    """A unit for money over a period: ``USD a year``."""
    return f"{currency.code} {period}"


def level(figures: Figures, *, default: str = "mid", sets: str = "the salary") -> Input:
    """The seniority level, which sets the starting figures of the fields that follow it."""
    return Input(
        "level",
        "Level",
        "choice",
        choices=tuple(Choice(key, item.label) for key, item in figures.levels.items()),
        default=default,
        help=f"Sets {sets} the calculator starts from.",
    )


def base_salary(figures: Figures, *, name: str = "base_salary", label: str = "Base salary", help: str = "") -> Input:  # noqa: A002
    """A yearly salary that starts at the middle of the level's band and follows the level."""
    salary = figures.pay.salary

    def middle_of_band(inputs: Inputs) -> float:
        return salary[inputs.text("level")].middle

    region = next(iter(salary.values())).region
    return Input(
        name,
        label,
        "number",
        unit=per(figures.pay_currency, "a year"),
        currency=figures.pay_currency,
        minimum=1_000,
        maximum=MAX_SALARY,
        step=1_000,
        default_from=middle_of_band,
        depends_on=("level",),
        help=help or f"Starts at the middle of the level's band ({region}); type your own figure.",
    )


def overhead(figures: Figures, *, label: str = "Flat overhead instead (optional)") -> Input:
    """An optional flat overhead percentage that replaces the itemised employer cost."""
    rule = figures.pay.overhead
    return Input(
        "overhead_pct",
        label,
        "number",
        unit="%",
        minimum=0,
        maximum=MAX_OVERHEAD_PCT,
        step=1,
        required=False,
        help="Leave blank for the itemised cost. Enter a percentage of base salary to use one flat line "
        f"instead (a published rule of thumb says {percent_range(rule.min, rule.max)}).",
    )


def one_off_cost(
    figures: Figures,
    name: str,
    label: str,
    *,
    help: str,  # noqa: A002
    default: float | None = None,
    default_from: Callable[[Inputs], float] | None = None,
    depends_on: tuple[str, ...] = (),
) -> Input:
    """A one-off amount of money, such as a recruiting fee."""
    return Input(
        name,
        label,
        "number",
        unit=f"{figures.pay_currency.code}, once",
        currency=figures.pay_currency,
        minimum=0,
        maximum=MAX_FEE,
        step=1_000,
        default=default,
        default_from=default_from,
        depends_on=depends_on,
        help=help,
    )


def hourly_rate(
    figures: Figures,
    name: str,
    label: str,
    *,
    default_from: Callable[[Inputs], float],
    follows: tuple[str, ...],
    help: str,  # noqa: A002
) -> Input:
    """An hourly rate that starts from a band in data and follows the field it depends on."""
    return Input(
        name,
        label,
        "number",
        unit=per(figures.pay_currency, "an hour"),
        currency=figures.pay_currency,
        minimum=1,
        maximum=MAX_RATE,
        step=1,
        default_from=default_from,
        depends_on=follows,
        help=help,
    )
