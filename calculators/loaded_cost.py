"""``loaded-cost``: what an employee costs a year once overhead is added to base salary."""

from __future__ import annotations

from dataclasses import dataclass

from calculators import fields
from calculators.figures import Figures
from calculators.formatting import money_range, percent_range
from calculators.spec import Calculator, Inputs, Line, Output, Result

NAME = "loaded-cost"


@dataclass(frozen=True)
class LoadedCost:
    """An employee's cost for a year: base salary plus overhead."""

    base: float
    overhead: float

    @property
    def total(self) -> float:
        return self.base + self.overhead


def loaded_cost(base: float, overhead_pct: float) -> LoadedCost:
    """Base salary plus ``overhead_pct`` percent of it."""
    return LoadedCost(base, base * overhead_pct / 100)


def build(figures: Figures) -> Calculator:
    overhead = figures.pay.overhead
    covers = ", ".join(overhead.covers)
    currency = figures.pay_currency

    def compute(inputs: Inputs) -> Result:
        level = inputs.text("level")
        base = inputs.number("base_salary")
        overhead_pct = inputs.number("overhead_pct")
        fee = inputs.number("recruiting_fee")
        cost = loaded_cost(base, overhead_pct)
        warnings: list[str] = []
        band = figures.pay.salary[level]
        label = figures.level_label(level)
        shown_band = money_range(band.min, band.max, currency)
        if base < band.min:
            warnings.append(f"The base salary is below the usual {label} band ({shown_band}).")
        elif base > band.max:
            warnings.append(f"The base salary is above the usual {label} band ({shown_band}).")
        if not overhead.min <= overhead_pct <= overhead.max:
            warnings.append(
                f"The overhead is outside the usual range of {percent_range(overhead.min, overhead.max)} of salary."
            )
        return Result(
            outputs={
                "total_annual": cost.total,
                "monthly": cost.total / 12,
                "first_year_total": cost.total + fee,
                "overhead_amount": cost.overhead,
            },
            breakdown=(
                Line("Base salary", base, "what you pay the developer a year"),
                Line("Overhead", cost.overhead, f"base salary × {overhead_pct:g}% ({covers})"),
                Line("Fully loaded cost a year", cost.total, "base salary + overhead"),
                Line("Recruiting fee (once)", fee, "paid once, in the first year"),
                Line("First-year cost", cost.total + fee, "fully loaded cost a year + recruiting fee"),
            ),
            warnings=tuple(warnings),
        )

    year = fields.per(currency, "a year")
    return Calculator(
        name=NAME,
        title="Fully loaded cost of an employee",
        summary="What a full-time developer costs you a year once benefits, taxes, equipment and management are added.",
        inputs=(
            fields.level(figures),
            fields.base_salary(figures),
            fields.overhead(figures),
            fields.one_off_cost(
                figures,
                "recruiting_fee",
                "Recruiting fee",
                default=0,
                help="A one-off fee to a recruiter or job boards, if any.",
            ),
        ),
        outputs=(
            Output("total_annual", "Fully loaded cost a year", "money", year),
            Output("monthly", "Per month", "money", fields.per(currency, "a month")),
            Output("first_year_total", "First-year cost", "money", currency.code, "Including the recruiting fee."),
            Output("overhead_amount", "Overhead a year", "money", year),
        ),
        compute=compute,
        assumptions=(
            f"Overhead starts at the middle of the usual {percent_range(overhead.min, overhead.max)} of salary.",
            f"The salary starts at the middle of the level's band ({next(iter(figures.pay.salary.values())).region}).",
        ),
        currency=currency,
    )
