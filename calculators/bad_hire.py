"""``bad-hire``: what a wrong hire costs, against hiring the right person for the same seat.

With L the employee's fully loaded cost a year (the shared employer cost), V the value of a
good hire's output a year (``output_value_multiple`` × L), p the wrong hire's productivity,
m the months before they leave and r the months the seat stays empty:

- lost output = V × (1 − p) × m ÷ 12: the wrong hire is paid what the right one would have
  been, so pay cancels out and only the missing work counts;
- empty seat = (V − L) × r ÷ 12: the output lost while nobody is there, net of the pay not spent;
- team time = hours a week × cost of an hour × m × 52 ÷ 12;
- replacement = recruiting fee % × base salary; severance = months × base salary ÷ 12.

Left out: the replacement's own ramp-up, legal costs, customers lost and the team's morale.
"""

from __future__ import annotations

from dataclasses import replace

from calculators import fields, formatting
from calculators.employer_cost import cited_records, default_choices, employer_cost
from calculators.figures import Figures, Setting
from calculators.formatting import about, money, multiple, number, percent
from calculators.loaded_cost import salary_warnings, setting_text
from calculators.spec import Calculator, Group, Input, Inputs, Line, Output, Result, assumption, citations_of

NAME = "bad-hire"
MAX_MONTHS = 60
WEEKS_PER_MONTH = 52 / 12
DRIVERS = (
    "output_value_multiple",
    "productivity_pct",
    "team_hours_per_week",
    "severance_months",
    "months_to_refill",
)
"""The drivers in ``bad_hire.yaml`` the estimate reads (the data may hold more)."""
NEEDS = {"bad_hire.drivers": DRIVERS}
FULL_TIME_YEAR = "full_time_year"


def _assumed(setting: Setting, figures: Figures) -> str:
    return " (our assumption)" if figures.is_assumption(setting.source) else ""


def build(figures: Figures) -> Calculator:
    cost_claim = figures.bad_hire.cost
    drivers = {name: figures.bad_hire.drivers[name] for name in DRIVERS}
    currency = figures.pay_currency
    choices = default_choices(figures)
    search = figures.recruiting.fee
    year_hours = figures.quantity(FULL_TIME_YEAR)

    def yearly_cost(inputs: Inputs) -> float:
        """The employee's cost a year: itemised, or base plus the flat overhead when one is given."""
        flat = replace(choices, overhead_pct=inputs.optional_number("overhead_pct"))
        return employer_cost(figures, inputs.number("base_salary"), flat).total

    def hourly_cost(inputs: Inputs) -> float:
        """The wrong hire's own fully loaded cost for an hour: the team is assumed to be paid alike."""
        return round(yearly_cost(inputs) / year_hours, 2)

    def compute(inputs: Inputs) -> Result:
        base = inputs.number("base_salary")
        m = inputs.integer("months_before_exit")
        r = inputs.number("months_to_refill")
        p = inputs.number("productivity_pct") / 100
        team_hours = inputs.number("team_hours_per_week")
        team_cost = inputs.number("team_hourly_cost")
        fee_pct = inputs.number("recruiting_fee_pct")
        severance_months = inputs.number("severance_months")
        loaded = yearly_cost(inputs)
        value = inputs.number("output_value_multiple") * loaded

        lost_output = value * (1 - p) * m / 12
        empty_seat = (value - loaded) * r / 12
        team_time = team_hours * team_cost * m * WEEKS_PER_MONTH
        replacement = fee_pct / 100 * base
        severance = severance_months * base / 12
        value_lost = lost_output + empty_seat
        cash_cost = team_time + replacement + severance
        total = value_lost + cash_cost
        shown_value = money(value, currency)
        return Result(
            outputs={
                "total": total,
                "multiple_of_salary": total / base,
                "value_lost": value_lost,
                "cash_cost": cash_cost,
                "lost_output": lost_output,
                "empty_seat": empty_seat,
                "team_time": team_time,
                "replacement": replacement,
                "severance": severance,
                "monthly_salary": base / 12,
            },
            breakdown=(
                Line(
                    "Employee's cost a year (L)",
                    loaded,
                    "base salary, fully loaded (the loaded-cost calculator's itemised cost)"
                    if inputs.optional_number("overhead_pct") is None
                    else f"base salary × (1 + {number(inputs.number('overhead_pct'))}% overhead)",
                ),
                Line(
                    "Value of a good hire's output a year (V)",
                    value,
                    f"{number(inputs.number('output_value_multiple'))} × L",
                ),
                Line(
                    "Output not delivered",
                    lost_output,
                    f"V {shown_value} × (1 − {percent(p * 100)} productivity) × {m} months ÷ 12; their pay "
                    "would have been paid to the right hire too, so it is not counted",
                ),
                Line(
                    "Empty seat",
                    empty_seat,
                    f"(V − L) × {number(r)} months ÷ 12: the output lost while the seat is empty, less the pay "
                    "not spent",
                ),
                Line(
                    "Others' time",
                    team_time,
                    f"{number(team_hours)} hours a week × {money(team_cost, currency)} an hour × 52 ÷ 12 weeks "
                    f"× {m} months",
                ),
                Line("Replacing them", replacement, f"{number(fee_pct)}% recruiting cost × base salary"),
                Line(
                    "Severance",
                    severance,
                    f"{formatting.plural(severance_months, 'month')} × base salary ÷ 12",
                ),
                Line(
                    "Total", total, "value lost (the two output lines) + time and money spent (the three lines after)"
                ),
                Line("Multiple of annual salary", total / base, "total ÷ base salary", kind="multiple"),
            ),
            warnings=tuple(salary_warnings(figures, inputs.text("level"), base)),
            notes=(
                f"Of this, {about(value_lost, currency)} is work you did not get and {about(cash_cost, currency)} is "
                f"time and money spent (your team's hours, a new search, severance): {multiple(total / base)} the "
                "base salary in all.",
            ),
            answer=(
                f"A wrong hire on a base salary of {money(base, currency)} who leaves after "
                f"{formatting.plural(m, 'month')} costs you about {about(total, currency)} more than hiring the right "
                f"person would have, {multiple(total / base)} the base salary."
            ),
        )

    def driver_input(name: str, label: str, unit: str, maximum: float, step: float, *, minimum: float = 0) -> Input:
        setting = drivers[name]
        return fields.count(
            name,
            label,
            unit,
            minimum=minimum,
            maximum=maximum,
            step=step,
            whole=False,
            default=setting.value,
            help=f"{setting.note} Starts at {setting_text(setting, figures)}{_assumed(setting, figures)}: "
            f"{setting.reason or ''}".rstrip(": "),
        )

    return Calculator(
        name=NAME,
        title="The cost of a wrong hire",
        summary=(
            "What a hire who does not work out costs, against hiring the right person: the work not done, the "
            "empty seat, the team's time, replacing them and severance."
        ),
        inputs=(
            fields.level(figures),
            fields.base_salary(figures),
            fields.overhead(figures),
            fields.count(
                "months_before_exit",
                "Months before they leave",
                "months",
                minimum=1,
                maximum=MAX_MONTHS,
                default=cost_claim.months_before_exit,
                help=f"How long it takes to notice, act and part ways. Starts at {cost_claim.months_before_exit} "
                "months, the case the most repeated estimate describes.",
            ),
            driver_input("output_value_multiple", "Value of a good hire's output", "× yearly cost", 20, 0.1, minimum=1),
            driver_input("productivity_pct", "Productivity of the wrong hire", "%", 100, 1),
            driver_input("team_hours_per_week", "Others' hours lost a week", "hours a week", 168, 1),
            fields.money(
                "team_hourly_cost",
                "Cost of an hour of others' time",
                currency,
                unit=fields.per(currency, "an hour"),
                maximum=fields.MAX_RATE,
                step=1,
                default_from=hourly_cost,
                depends_on=("base_salary", "overhead_pct"),
                help=f"Starts at this salary's fully loaded cost for an hour (a year ÷ {number(year_hours)} hours): "
                "our assumption that the people covering are paid alike.",
            ),
            fields.percent(
                "recruiting_fee_pct",
                "Recruiting cost of the replacement, share of salary",
                default=search.value,
                help=f"{search.note} Starts at {percent(search.value)}.",
            ),
            driver_input("severance_months", "Severance", "months of salary", 24, 0.5),
            driver_input("months_to_refill", "Months the seat stays empty", "months", 36, 0.5),
        ),
        outputs=(
            Output("total", "Cost of the wrong hire", "money", currency.code),
            Output("multiple_of_salary", "As a multiple of annual salary", "multiple"),
            Output("value_lost", "Work you did not get", "money", currency.code, "Output not delivered + empty seat."),
            Output(
                "cash_cost",
                "Time and money spent",
                "money",
                currency.code,
                "Others' time (at their cost) + replacing them + severance; only the last two are cash paid out.",
            ),
            Output("lost_output", "Output not delivered", "money", currency.code),
            Output("empty_seat", "Empty seat", "money", currency.code),
            Output("team_time", "Others' time", "money", currency.code),
            Output("replacement", "Replacing them", "money", currency.code),
            Output("severance", "Severance", "money", currency.code),
            Output("monthly_salary", "Monthly salary", "money", fields.per(currency, "a month")),
        ),
        compute=compute,
        assumptions=(
            assumption(
                figures,
                "An estimate, not an accounting: each line is a rough value of something that is hard to measure.",
            ),
            assumption(
                figures,
                "It counts the cost against hiring the right person: both are paid, so pay cancels out except while "
                "the seat is empty.",
            ),
            assumption(
                figures,
                f"The wrong hire leaves after {cost_claim.months_before_exit} months to start with.",
                cost_claim,
            ),
            *(
                assumption(figures, f"{setting.label}: {setting_text(setting, figures)}.", setting)
                for setting in drivers.values()
            ),
            assumption(figures, f"Replacing them starts at {percent(search.value)} of the salary.", search),
            assumption(
                figures,
                "A month has 52 ÷ 12 weeks. The replacement's own ramp-up, legal costs, lost customers and morale are "
                "left out.",
            ),
        ),
        citations=citations_of(
            cost_claim, *drivers.values(), search, *figures.pay.salary.values(), *cited_records(figures)
        ),
        currency=currency,
        groups=(
            Group("The hire", ("level", "base_salary", "months_before_exit")),
            Group(
                "What goes wrong", ("productivity_pct", "team_hours_per_week", "months_to_refill", "severance_months")
            ),
            Group(
                "Costs we assume",
                ("overhead_pct", "output_value_multiple", "team_hourly_cost", "recruiting_fee_pct"),
                folded=True,
            ),
        ),
        headline=("total", "multiple_of_salary", "value_lost", "cash_cost"),
    )
