"""An employee abroad through an employer of record (EOR), for the engagement comparison.

The provider employs the person in their country on your behalf: you pay their employer
cost there (their salary and the country's statutory lines at the minimum, from
:mod:`calculators.employer_cost`), converted at the dated exchange rate, plus the provider's
monthly price (data, sourced). An employer's relief is the provider's own, not yours, and the
provider runs payroll, so neither a relief nor a payroll provider counts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from calculators import countries
from calculators.employer_cost import EmployerCost, cited_records, default_choices, employer_cost
from calculators.exchange import convert, dated, how_converted
from calculators.figures import Figures, Sourced
from calculators.formatting import about, money, per
from calculators.spec import Assumption, Input, Line, assumption

HOME = "us"
"""Where the comparison's own employee works; the employee abroad is anywhere else."""


@dataclass(frozen=True)
class AbroadCost:
    """An employee abroad: the local cost, the same in the home currency, and the provider's fee."""

    country: str
    local: EmployerCost
    yearly: float
    """The local employer cost a year, in the home currency."""
    fee_monthly: float
    """The provider's price for a month, in the home currency."""

    @property
    def monthly(self) -> float:
        return self.yearly / 12 + self.fee_monthly


def eor_cost(figures: Figures, country: str, salary: float) -> AbroadCost:
    """What employing someone in ``country`` through an employer of record costs: the local
    employer cost at the statutory minimum, with the equipment placeholder, converted at the
    dated rate, plus the provider's price."""
    costs = figures.employer_costs[country]
    home = countries.home_currency(figures).code
    choices = replace(default_choices(figures, country), relief=False, optional=False, payroll_fee=None)
    local = employer_cost(figures, salary, choices, country)
    price = figures.engagement.employer_of_record
    months = {"year": 1 / 12, "month": 1.0, "hour": figures.quantity(countries.FULL_TIME_YEAR) / 12}
    return AbroadCost(
        country=country,
        local=local,
        yearly=convert(figures, local.total, costs.currency, home),
        fee_monthly=convert(figures, price.amount * months[price.per], price.currency, home),
    )


def eor_inputs(figures: Figures) -> tuple[Input, ...]:
    """Where the employee abroad works, and their salary there (in its currency)."""
    abroad = tuple(key for key in figures.employer_costs if key != HOME)
    return (
        countries.country_field(
            figures,
            "eor_country",
            label="Employee abroad: where they work",
            default=figures.engagement.defaults.eor_country,
            only=abroad,
            help="An employee in another country, employed for you by an employer-of-record provider. Sets "
            "the country's employer contributions, its currency and the salary it starts from.",
        ),
        countries.salary_field(
            figures,
            "eor_base_salary",
            "Employee abroad: base salary",
            country="eor_country",
            help="Twelve months' pay in the country's currency. Starts at the country's published pay figure "
            "(see the countries' page for what each measures); type your own.",
        ),
    )


def eor_lines(figures: Figures, cost: AbroadCost, months: int) -> tuple[Line, ...]:
    """The employee abroad in the breakdown: local cost, the same in the home currency, the fee, the total."""
    costs = figures.employer_costs[cost.country]
    local = countries.currency_of(figures, cost.country)
    home = countries.home_currency(figures)
    price = figures.engagement.employer_of_record
    return (
        Line(
            f"Abroad ({costs.label}): employer cost a year, in {local.code}",
            cost.local.total,
            "base salary + the country's statutory lines at the minimum + equipment (as on the loaded-cost "
            "calculator, with no relief and no payroll provider)",
            currency=local,
        ),
        Line(
            f"Abroad: employer cost over {months} months, in {home.code}",
            cost.yearly * months / 12,
            f"{how_converted(figures, local.code, home.code)} × {months} months ÷ 12",
        ),
        Line(
            "Abroad: the provider's fee",
            cost.fee_monthly * months,
            f"{money(price.amount, figures.currencies[price.currency])} {per(price.per)} × {months} months",
        ),
        Line(
            "Employee abroad total",
            cost.monthly * months,
            "employer cost + the provider's fee",
        ),
    )


def eor_note(figures: Figures, cost: AbroadCost) -> str:
    costs = figures.employer_costs[cost.country]
    home = countries.home_currency(figures)
    price = figures.engagement.employer_of_record
    source = figures.source(price.source).name
    return (
        f"The employee abroad costs {about(cost.yearly, home)} a year in {costs.label} ({costs.currency} converted "
        f"at {dated(figures)}), plus the provider's {money(price.amount, figures.currencies[price.currency])} "
        f"{per(price.per)} ({source}'s list price; ask several providers for a quote). Much of the difference from "
        "the US employee is what pay is where each lives, not the way of employing; local notice and severance "
        "rules, often far larger than in the US, are not in it."
    )


def eor_records(figures: Figures) -> list[Sourced]:
    """Every record the employee abroad's cost can read, for citing."""
    records: list[Sourced] = [figures.engagement.employer_of_record, figures.exchange]
    for key, costs in figures.employer_costs.items():
        if key != HOME:
            records += cited_records(figures, key)
            records += [costs.pay] if costs.pay is not None else []
    return records


def eor_assumption(figures: Figures) -> Assumption:
    price = figures.engagement.employer_of_record
    return assumption(
        figures,
        "The employee abroad costs their employer cost in their country at the statutory minimum (the "
        "loaded-cost calculator's lines, with no employer relief, which is the provider's, and no payroll "
        f"provider, which the provider is), converted at {dated(figures)} derived through "
        f"{figures.exchange.through}, plus one provider's list price of "
        f"{money(price.amount, figures.currencies[price.currency])} {per(price.per)}. No hiring cost is counted. "
        "Each country's lines, with the source of each, are on the page Employer costs by country.",
        price,
        figures.exchange,
    )


__all__ = ["HOME", "AbroadCost", "eor_assumption", "eor_cost", "eor_inputs", "eor_lines", "eor_note", "eor_records"]
