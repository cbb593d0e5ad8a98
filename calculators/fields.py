"""Input fields that several calculators share, built from the figures in ``data/``.

One definition of "level", "base salary", "overhead" and the money fields keeps their
limits, units and help text the same on every calculator; :func:`money`, :func:`percent`
and :func:`count` are the shapes every other number field takes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypedDict, Unpack

from calculators.figures import Figures
from calculators.formatting import Currency, percent_range
from calculators.spec import Choice, Input, InputKind, Inputs

MAX_SALARY = 5_000_000
MAX_FEE = 1_000_000
MAX_OVERHEAD_PCT = 200
MAX_RATE = 5_000


class Start(TypedDict, total=False):
    """Where a number field starts and whether it may be left blank (see :class:`Input`)."""

    default: float | None
    default_from: Callable[[Inputs], float] | None
    """The starting value worked out from the fields named in ``depends_on``, which it follows."""
    depends_on: tuple[str, ...]
    required: bool
    applies_if: tuple[str, tuple[str, ...]] | None
    """Counts only when another field has one of these values (see :class:`Input`)."""


def per(currency: Currency, period: str) -> str:
    """A unit for money over a period: ``USD a year``."""
    return f"{currency.code} {period}"


def money(
    name: str,
    label: str,
    currency: Currency,
    *,
    maximum: float,
    step: float,
    unit: str = "",
    minimum: float = 0,
    help: str,  # noqa: A002
    **start: Unpack[Start],
) -> Input:
    """An amount of money in ``currency``; ``unit`` says what it covers (:func:`per`), or is the
    currency's code alone."""
    shown = unit or currency.code
    return Input(name, label, "number", help, shown, minimum, maximum, step, currency=currency, **start)


def percent(
    name: str,
    label: str,
    *,
    maximum: float = 100,
    step: float = 1,
    minimum: float = 0,
    help: str,  # noqa: A002
    **start: Unpack[Start],
) -> Input:
    """A percentage, from 0 to 100 unless said otherwise."""
    return Input(name, label, "number", help, "%", minimum, maximum, step, **start)


def count(
    name: str,
    label: str,
    unit: str | None,
    *,
    maximum: float,
    minimum: float = 0,
    step: float = 1,
    whole: bool = True,
    help: str,  # noqa: A002
    **start: Unpack[Start],
) -> Input:
    """A count of ``unit`` (months, hours, points): a whole number unless ``whole`` is false."""
    kind: InputKind = "integer" if whole else "number"
    return Input(name, label, kind, help, unit, minimum, maximum, step, **start)


def choice(
    name: str,
    label: str,
    options: Iterable[tuple[str, str]],
    *,
    default: str,
    help: str,  # noqa: A002
    applies_if: tuple[str, tuple[str, ...]] | None = None,
) -> Input:
    """One of ``options``, as (value, label) pairs in the order the menu lists them; ``applies_if``
    as for :class:`Input`."""
    choices = tuple(Choice(value, text) for value, text in options)
    return Input(name, label, "choice", help, choices=choices, default=default, applies_if=applies_if)


def level(figures: Figures, *, default: str = "mid", sets: str = "the salary") -> Input:
    """The seniority level, which sets the starting figures of the fields that follow it."""
    levels = ((key, item.label) for key, item in figures.levels.items())
    return choice("level", "Level", levels, default=default, help=f"Sets {sets} the calculator starts from.")


def base_salary(figures: Figures, *, name: str = "base_salary", label: str = "Base salary", help: str = "") -> Input:  # noqa: A002
    """A yearly salary that starts at the middle of the level's band and follows the level."""
    salary = figures.pay.salary

    def middle_of_band(inputs: Inputs) -> float:
        return salary[inputs.text("level")].middle

    region = next(iter(salary.values())).region
    return yearly(
        figures.pay_currency,
        name,
        label,
        minimum=1_000,
        default_from=middle_of_band,
        depends_on=("level",),
        help=help or f"Starts at the middle of the level's band ({region}); type your own figure.",
    )


def yearly(
    currency: Currency,
    name: str,
    label: str,
    *,
    step: float = 1_000,
    minimum: float = 0,
    help: str,  # noqa: A002
    **start: Unpack[Start],
) -> Input:
    """An amount a year, up to the highest salary a field takes."""
    unit = per(currency, "a year")
    return money(name, label, currency, unit=unit, maximum=MAX_SALARY, step=step, minimum=minimum, help=help, **start)


def overhead(figures: Figures, *, label: str = "Flat overhead instead (optional)") -> Input:
    """An optional flat overhead percentage that replaces the itemised employer cost."""
    rule = figures.pay.overhead
    return percent(
        "overhead_pct",
        label,
        maximum=MAX_OVERHEAD_PCT,
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
    maximum: float = MAX_FEE,
    **start: Unpack[Start],
) -> Input:
    """A one-off amount of money, such as a recruiting fee."""
    currency = figures.pay_currency
    return money(name, label, currency, unit=f"{currency.code}, once", maximum=maximum, step=1_000, help=help, **start)


def recruiting_fee(figures: Figures, name: str, label: str, *, salary: str, help: str) -> Input:  # noqa: A002
    """What finding the hire costs, once: it starts at the recruiting fee in data as a share of the
    yearly salary in the field ``salary``, and follows it. It may be as large as the largest
    salary a field takes (a field in local money widens both): the fee it starts at then always
    fits its own range, so a link that carries it reads back without an error."""
    fee = figures.recruiting.fee.value

    def share_of_salary(inputs: Inputs) -> float:
        return inputs.number(salary) * fee / 100

    return one_off_cost(
        figures, name, label, maximum=MAX_SALARY, default_from=share_of_salary, depends_on=(salary,), help=help
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
    currency = figures.pay_currency
    return money(
        name,
        label,
        currency,
        unit=per(currency, "an hour"),
        minimum=1,
        maximum=MAX_RATE,
        step=1,
        default_from=default_from,
        depends_on=follows,
        help=help,
    )
