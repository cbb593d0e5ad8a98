"""``loaded-cost``: what an employee costs a year once overhead is added to base salary."""

from __future__ import annotations

from calculators import fields
from calculators.figures import Figures
from calculators.formatting import money_range, percent_range
from calculators.spec import Calculator, Inputs, Line, Output, Result

NAME = "loaded-cost"


def build(figures: Figures) -> Calculator:
    overhead = figures.overhead
    covers = ", ".join(figures.overhead_covers)

    def compute(inputs: Inputs) -> Result:
        level = inputs.text("level")
        base = inputs.number("base_salary")
        overhead_pct = inputs.number("overhead_pct")
        fee = inputs.number("recruiting_fee")
        overhead_amount = base * overhead_pct / 100
        total = base + overhead_amount
        warnings: list[str] = []
        band = figures.salary(level)
        label = figures.levels[level]
        if base < band.low:
            warnings.append(f"The base salary is below the usual {label} band ({money_range(band.low, band.high)}).")
        elif base > band.high:
            warnings.append(f"The base salary is above the usual {label} band ({money_range(band.low, band.high)}).")
        if not overhead.low <= overhead_pct <= overhead.high:
            warnings.append(
                f"The overhead is outside the usual range of {percent_range(overhead.low, overhead.high)} of salary."
            )
        return Result(
            outputs={
                "total_annual": total,
                "monthly": total / 12,
                "first_year_total": total + fee,
                "overhead_amount": overhead_amount,
            },
            breakdown=(
                Line("Base salary", base, "what you pay the developer a year"),
                Line("Overhead", overhead_amount, f"base salary × {overhead_pct:g}% ({covers})"),
                Line("Fully loaded cost a year", total, "base salary + overhead"),
                Line("Recruiting fee (once)", fee, "paid once, in the first year"),
                Line("First-year cost", total + fee, "fully loaded cost a year + recruiting fee"),
            ),
            warnings=tuple(warnings),
        )

    return Calculator(
        name=NAME,
        title="Fully loaded cost of an employee",
        summary="What a full-time developer costs you a year once benefits, taxes, equipment and management are added.",
        inputs=(
            fields.level(figures),
            fields.base_salary(figures),
            fields.overhead(figures),
            fields.one_off_cost(
                "recruiting_fee",
                "Recruiting fee",
                default=0,
                help="A one-off fee to a recruiter or job boards, if any.",
            ),
        ),
        outputs=(
            Output("total_annual", "Fully loaded cost a year", "money", "USD a year"),
            Output("monthly", "Per month", "money", "USD a month"),
            Output("first_year_total", "First-year cost", "money", "USD", "Including the recruiting fee."),
            Output("overhead_amount", "Overhead a year", "money", "USD a year"),
        ),
        compute=compute,
        assumptions=(
            f"Overhead starts at the middle of the usual {percent_range(overhead.low, overhead.high)} of salary.",
            "The salary starts at the middle of the level's US band.",
        ),
    )
