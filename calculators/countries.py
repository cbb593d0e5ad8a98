"""The pieces a calculator needs to cost an employee in any country of the data: the fields
(country, salary in its currency, employer relief, optional lines), the starting salary from
the country's published pay, and the notes that say what a result abroad rests on.

Every country is data (``data/employer_costs.yaml``): a country added there appears in these
fields with no change here. Amounts are in the country's currency; the US-dollar equivalents
use the dated exchange rates in the figures (:mod:`calculators.exchange`).
"""

from __future__ import annotations

from collections.abc import Callable

from calculators.employer_cost import US, EmployerCost, statutory
from calculators.exchange import convert, how_converted
from calculators.figures import MONTHS, Figures, PublishedPay, Sourced
from calculators.formatting import Currency, about, half_up, money, money_range, phrase, plural
from calculators.spec import Choice, Input, Inputs

MAX_LOCAL_SALARY = 100_000_000
"""Far above any developer's salary in any of the data's currencies (rupees included)."""
FULL_TIME_YEAR = "full_time_year"
"""The process figure (hours in a full-time year) that turns an hourly pay figure into a year's."""


def currency_of(figures: Figures, country: str) -> Currency:
    return figures.currencies[figures.employer_costs[country].currency]


def home_currency(figures: Figures) -> Currency:
    """The guide's own currency (the salary bands'), in which amounts abroad are compared."""
    return figures.pay_currency


def countries_where(figures: Figures, test: Callable[[str], bool]) -> tuple[str, ...]:
    """The countries (keys) for which ``test`` holds, in the data's order."""
    return tuple(key for key in figures.employer_costs if test(key))


def yearly_pay(figures: Figures, pay: PublishedPay) -> float:
    """A published pay figure over a year: twelve months, or a full-time year of hours, to the
    whole unit of its currency (cents on a salary worked out from an hourly figure are noise)."""
    if pay.per == "hour":
        return half_up(pay.amount * figures.quantity(FULL_TIME_YEAR))
    return half_up(pay.amount * MONTHS[pay.per])


def pay_words(figures: Figures, country: str) -> str:
    """How the starting salary abroad is worked out, and what its figure measures."""
    costs = figures.employer_costs[country]
    pay = costs.pay
    if pay is None:
        return "the middle of the level's band"
    currency = figures.currencies[pay.currency]
    figure = money(pay.amount, currency) if pay.value is not None else money_range(pay.min or 0, pay.max or 0, currency)
    if pay.per == "hour":
        hours = figures.quantity(FULL_TIME_YEAR)
        how = f"{figure} an hour × {plural(hours, 'hour')} (our full-time year)"
    elif pay.per == "month":
        how = f"{figure} a month × 12"
    else:
        how = f"{figure} a year" if pay.value is not None else f"the middle of {figure} a year"
    measures = " ".join(pay.measures.split())
    if measures[:2] != measures[:2].upper():
        measures = measures[:1].lower() + measures[1:]
    return f"{how}: {measures}"


def starting_salary(figures: Figures, country: str, level: str) -> float:
    """Where a salary in ``country`` starts: its published pay, over a year; without one (the
    United States), the middle of the level's band."""
    pay = figures.employer_costs[country].pay
    if pay is None:
        return figures.pay.salary[level].middle
    return yearly_pay(figures, pay)


def country_field(
    figures: Figures,
    name: str = "country",
    *,
    label: str = "Country where the employee works",
    default: str = US,
    only: tuple[str, ...] | None = None,
    help: str = "",  # noqa: A002
) -> Input:
    """A choice of the data's countries (``only`` some of them)."""
    keys = only if only is not None else tuple(figures.employer_costs)
    return Input(
        name,
        label,
        "choice",
        choices=tuple(Choice(key, figures.employer_costs[key].label) for key in keys),
        default=default,
        help=help or "Sets the country's employer contributions, its currency and the salary it starts from.",
    )


def local_money(figures: Figures, country: str = "country") -> Callable[[Inputs], Currency]:
    """The currency of the country chosen in the field ``country``."""
    return lambda inputs: currency_of(figures, inputs.text(country))


LOCAL_YEAR = "a year, in the country's currency"


def salary_field(
    figures: Figures,
    name: str,
    label: str,
    *,
    country: str = "country",
    follows_level: bool = True,
    help: str,  # noqa: A002
) -> Input:
    """A yearly salary in the chosen country's currency, starting from its published pay (or,
    in the United States, the middle of the level's band)."""

    def start(inputs: Inputs) -> float:
        level = inputs.text("level") if follows_level else next(iter(figures.pay.salary))
        return starting_salary(figures, inputs.text(country), level)

    return Input(
        name,
        label,
        "number",
        unit=LOCAL_YEAR,
        currency=figures.pay_currency,
        currency_from=local_money(figures, country),
        minimum=1_000,
        maximum=MAX_LOCAL_SALARY,
        step=1_000,
        default_from=start,
        depends_on=("level", country) if follows_level else (country,),
        help=help,
    )


def relief_field(figures: Figures) -> Input:
    """``employer_relief``: claim the country's employer relief (yes/no; the start is in data)."""
    costs = figures.employer_costs
    with_relief = countries_where(figures, lambda key: costs[key].relief is not None)
    reliefs = "; ".join(
        f"{costs[key].label}: {relief.label} ({relief.who})"
        for key in with_relief
        if (relief := costs[key].relief) is not None
    )

    def start(inputs: Inputs) -> bool:
        relief = costs[inputs.text("country")].relief
        return relief is not None and relief.default.claimed

    return Input(
        "employer_relief",
        "The employer claims the country's relief",
        "yes-no",
        default_from=start,
        depends_on=("country",),
        applies_if=("country", with_relief),
        help="A relief that depends on the employer, not on the hire, treating this hire as the employer's "
        f"whole payroll there. {reliefs}."
        if reliefs
        else "A relief that depends on the employer.",
    )


def optional_field(figures: Figures) -> Input:
    """``optional_contributions``: count the lines an employee may opt out of (Poland's PPK)."""
    costs = figures.employer_costs
    having = countries_where(figures, lambda key: any(rule.optional for rule in costs[key].contributions.values()))
    lines = phrase(
        [
            f"{rule.label} ({costs[key].label})"
            for key in having
            for rule in costs[key].contributions.values()
            if rule.optional
        ]
        or ["none"]
    )
    return Input(
        "optional_contributions",
        "Count optional contributions",
        "yes-no",
        default=False,
        applies_if=("country", having),
        help=f"Lines the employee may opt out of, left out of the statutory minimum unless you say yes: {lines}.",
    )


def applies_to(figures: Figures, test: Callable[[str], bool]) -> tuple[str, tuple[str, ...]]:
    """An ``applies_if`` for the countries where ``test`` holds."""
    return ("country", countries_where(figures, test))


def ignored_note(figures: Figures, inputs: Inputs, specs: dict[str, Input], country: str) -> list[str]:
    """A note naming the fields given a value that does not count in ``country``."""
    if not inputs.ignored:
        return []
    names = phrase([specs[name].label for name in inputs.ignored])
    label = figures.employer_costs[country].label
    return [f"{label}: ignored, as they do not apply there: {names}."]


def country_records(figures: Figures, country: str) -> list[Sourced]:
    """The records a cost in ``country`` reads: its lines, limits, extra salaries, relief and pay."""
    costs = figures.employer_costs[country]
    records: list[Sourced] = [*costs.limits.values(), *costs.extra_salaries.values(), *costs.contributions.values()]
    if costs.relief is not None:
        records += [costs.relief, costs.relief.default]
    if costs.pay is not None:
        records.append(costs.pay)
    return records


def abroad_notes(figures: Figures, country: str, cost: EmployerCost) -> list[str]:
    """What a cost abroad rests on: the rate it is converted at, the salary's figure, what is left out."""
    costs = figures.employer_costs[country]
    home = home_currency(figures)
    notes = []
    if costs.currency != home.code:
        total = convert(figures, cost.total, costs.currency, home.code)
        notes.append(
            f"{costs.label} in {home.code}: {about(total, home)} a year, "
            f"{how_converted(figures, costs.currency, home.code)}. Costs are paid in {costs.currency}; the rate moves."
        )
    if cost.itemised:
        share = statutory(cost) / cost.base * 100 if cost.base else 0.0
        notes.append(f"{costs.label}'s statutory lines add {round(share)}% to base salary at this pay.")
    sources = dict.fromkeys(figures.source(record.citation.source).name for record in country_records(figures, country))
    notes.append(
        f"{costs.label}'s lines and pay rest on {phrase(list(sources))}: each with its period and address on the "
        "Sources page, line by line on Employer costs by country."
    )
    left_out = [item.text.rstrip(".") for item in costs.left_out]
    if left_out:
        notes.append(f"Left out for {costs.label}: " + "; ".join(left_out) + ".")
    return notes


__all__ = [
    "LOCAL_YEAR",
    "abroad_notes",
    "applies_to",
    "countries_where",
    "country_field",
    "country_records",
    "currency_of",
    "home_currency",
    "ignored_note",
    "optional_field",
    "pay_words",
    "relief_field",
    "salary_field",
    "starting_salary",
    "yearly_pay",
]
