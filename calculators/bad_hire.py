"""``bad-hire``: what a wrong hire costs by the time they leave, driver by driver."""

from __future__ import annotations

from calculators import fields
from calculators.figures import Driver, Figures
from calculators.formatting import money, multiple_range, number, percent_range
from calculators.spec import Calculator, Input, Inputs, Line, Output, Result

NAME = "bad-hire"
MAX_MONTHS = 60
WEEKS_PER_MONTH = "52 ÷ 12"
DRIVERS = (
    "output_value_multiple",
    "productivity_pct",
    "team_hours_per_week",
    "team_hourly_cost",
    "recruiting_fee_pct",
    "severance_months",
    "months_to_refill",
)
"""The drivers in ``bad_hire.yaml`` the estimate reads (the data may hold more)."""
NEEDS = {"bad_hire.drivers": DRIVERS}


def salary_multiple(salary: float, multiple: float) -> float:
    """A cost quoted as a multiple of annual salary, in money."""
    return salary * multiple


def _assumed(setting: Driver, figures: Figures) -> str:
    return " (our assumption)" if figures.is_assumption(setting.source) else ""


def build(figures: Figures) -> Calculator:
    overhead = figures.pay.overhead
    published = figures.bad_hire.cost
    drivers = {name: figures.bad_hire.drivers[name] for name in DRIVERS}
    currency = figures.pay_currency

    def compute(inputs: Inputs) -> Result:
        base = inputs.number("base_salary")
        months = inputs.integer("months_before_exit")
        overhead_pct = inputs.number("overhead_pct")
        value_multiple = inputs.number("output_value_multiple")
        productivity = inputs.number("productivity_pct")
        team_hours = inputs.number("team_hours_per_week")
        team_cost = inputs.number("team_hourly_cost")
        fee_pct = inputs.number("recruiting_fee_pct")
        severance = inputs.number("severance_months")
        refill = inputs.number("months_to_refill")
        monthly = base / 12

        pay = monthly * (1 + overhead_pct / 100) * months
        lost_output = monthly * value_multiple * (1 - productivity / 100) * months
        others = team_hours * team_cost * 52 / 12 * months
        replacing = fee_pct / 100 * base + severance * monthly
        empty_seat = monthly * value_multiple * refill
        total = pay + lost_output + others + replacing + empty_seat
        ratio = total / base

        warnings: list[str] = []
        if ratio < published.min:
            warnings.append(
                f"This is below the {multiple_range(published.min, published.max)} of annual salary usually "
                "quoted for a wrong hire; check that every driver is realistic."
            )
        elif ratio > published.max:
            warnings.append(
                f"This is above the {multiple_range(published.min, published.max)} of annual salary usually "
                "quoted for a wrong hire; a long stay or a high value of output drives it up."
            )
        if not overhead.min <= overhead_pct <= overhead.max:
            warnings.append(
                f"The overhead is outside the usual range of {percent_range(overhead.min, overhead.max)} of salary."
            )
        return Result(
            outputs={
                "total": total,
                "multiple_of_salary": ratio,
                "monthly_salary": monthly,
            },
            breakdown=(
                Line(
                    "Pay while employed",
                    pay,
                    f"monthly salary × (1 + {number(overhead_pct)}% overhead) × {months} months",
                ),
                Line(
                    "Output not delivered",
                    lost_output,
                    f"monthly salary × {number(value_multiple)} (value of a good hire's output) × "
                    f"(1 − {number(productivity)}% productivity) × {months} months",
                ),
                Line(
                    "Others' time",
                    others,
                    f"{number(team_hours)} hours a week × {money(team_cost, currency)} an hour × "
                    f"{WEEKS_PER_MONTH} weeks × {months} months",
                ),
                Line(
                    "Replacing them",
                    replacing,
                    f"{number(fee_pct)}% recruiting cost × base salary + {number(severance)} months' severance "
                    "× monthly salary",
                ),
                Line(
                    "Empty seat",
                    empty_seat,
                    f"monthly salary × {number(value_multiple)} (value of output) × {number(refill)} months "
                    "until the replacement is productive",
                ),
                Line("Total", total, "the sum of the five lines above"),
                Line("Multiple of annual salary", ratio, "total ÷ base salary", kind="multiple"),
            ),
            warnings=tuple(warnings),
        )

    def driver_input(
        name: str, label: str, unit: str, maximum: float, step: float, *, money_field: bool = False
    ) -> Input:
        setting = drivers[name]
        return Input(
            name,
            label,
            "number",
            unit=unit,
            currency=currency if money_field else None,
            minimum=0,
            maximum=maximum,
            step=step,
            default=setting.value,
            help=f"{setting.note} Starts at {number(setting.value)}{_assumed(setting, figures)}.",
        )

    return Calculator(
        name=NAME,
        title="The cost of a wrong hire",
        summary=(
            "An estimate of what a hire who does not work out costs by the time they leave: their pay, the work "
            "not done, the team's time, replacing them and the months the seat stays empty."
        ),
        inputs=(
            fields.level(figures),
            fields.base_salary(figures),
            Input(
                "months_before_exit",
                "Months before they leave",
                "integer",
                unit="months",
                minimum=1,
                maximum=MAX_MONTHS,
                step=1,
                default=published.months_before_exit,
                help="How long it takes to notice, act and part ways.",
            ),
            fields.overhead(figures),
            driver_input("output_value_multiple", "Value of a good hire's output", "× pay", 20, 0.1),
            driver_input("productivity_pct", "Productivity of the wrong hire", "%", 100, 1),
            driver_input("team_hours_per_week", "Others' hours lost a week", "hours a week", 168, 1),
            driver_input(
                "team_hourly_cost",
                "Cost of an hour of others' time",
                fields.per(currency, "an hour"),
                5_000,
                1,
                money_field=True,
            ),
            driver_input("recruiting_fee_pct", "Recruiting cost, share of salary", "%", 100, 1),
            driver_input("severance_months", "Severance", "months of salary", 24, 0.5),
            driver_input("months_to_refill", "Months the seat stays empty", "months", 36, 0.5),
        ),
        outputs=(
            Output("total", "Cost of the wrong hire", "money", currency.code),
            Output("multiple_of_salary", "As a multiple of annual salary", "multiple"),
            Output("monthly_salary", "Monthly salary", "money", fields.per(currency, "a month")),
        ),
        compute=compute,
        assumptions=(
            "This is an estimate, not an accounting: each line is a rough value of something that is hard to measure.",
            f"The published figure is {multiple_range(published.min, published.max)} of annual salary for a bad "
            f"hire found out after {published.months_before_exit} months; the starting values were chosen to land "
            "inside it.",
            *(f"{setting.label}: {number(setting.value)}{_assumed(setting, figures)}." for setting in drivers.values()),
            "Pay while employed is counted in full, even though part of it bought some useful work; the lost "
            "output line counts only the part that was missing.",
            f"A month has {WEEKS_PER_MONTH} weeks. Legal costs, lost customers and morale are left out.",
        ),
        currency=currency,
    )
