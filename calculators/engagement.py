"""``engagement``: a full-time employee, a freelancer or an agency, compared over a horizon."""

from __future__ import annotations

from dataclasses import dataclass

from calculators import fields
from calculators.figures import Figures
from calculators.formatting import money, money_range, number, percent_range
from calculators.loaded_cost import loaded_cost
from calculators.spec import Calculator, Chart, Choice, Column, Input, Inputs, Line, Output, Result, Series, Table

NAME = "engagement"
MAX_MONTHS = 120
HOURS_IN_A_MONTH = 744  # 31 days of 24 hours: the most anyone can bill in a month
OPTIONS = (("full_time", "Full-time employee"), ("freelance", "Freelancer"), ("agency", "Agency"))
FULL_TIME_YEAR = "full_time_year"
"""The process figure (hours in a full-time year) the comparison reads."""
NEEDS = {"process": (FULL_TIME_YEAR,)}


@dataclass(frozen=True)
class Comparison:
    """What each way of getting the work done costs over the same months and hours."""

    employee_monthly: float
    """The employee's salary and overhead for one month."""
    hiring: float
    freelance_rate: float
    agency_rate: float
    hours: float
    """Hours of work a month."""

    def by_month(self, option: str, month: float) -> float:
        """What ``option`` has cost by the end of ``month``."""
        if option == "full_time":
            return self.employee_monthly * month + self.hiring
        rate = self.freelance_rate if option == "freelance" else self.agency_rate
        return rate * self.hours * month

    def break_even_hours(self, months: float) -> float:
        """Hours a month above which the employee costs less than the freelancer over ``months``."""
        return self.by_month("full_time", months) / (months * self.freelance_rate)


def compare(
    *, salary: float, overhead_pct: float, hiring: float, hours: float, freelance_rate: float, agency_rate: float
) -> Comparison:
    """The three options' costs from the employee's salary and overhead and the two hourly rates."""
    return Comparison(
        employee_monthly=loaded_cost(salary, overhead_pct).total / 12,
        hiring=hiring,
        freelance_rate=freelance_rate,
        agency_rate=agency_rate,
        hours=hours,
    )


def _warnings(figures: Figures, inputs: Inputs, break_even: float) -> tuple[str, ...]:
    """Figures outside the usual bands, and workloads that one person cannot carry."""
    level = inputs.text("level")
    salary = inputs.number("ft_base_salary")
    overhead_pct = inputs.number("overhead_pct")
    freelance_rate = inputs.number("freelance_rate")
    region = inputs.text("agency_region")
    agency_rate = inputs.number("agency_rate")
    hours = inputs.number("hours_per_month")
    overhead = figures.pay.overhead
    currency = figures.pay_currency
    warnings: list[str] = []
    band = figures.pay.salary[level]
    level_label = figures.level_label(level)
    if not band.min <= salary <= band.max:
        warnings.append(
            f"The salary is outside the usual {level_label} band ({money_range(band.min, band.max, currency)} a year)."
        )
    rate_band = figures.pay.freelance[level]
    if not rate_band.min <= freelance_rate <= rate_band.max:
        warnings.append(
            f"The freelance rate is outside the usual {level_label} range "
            f"({money_range(rate_band.min, rate_band.max, currency)} an hour)."
        )
    agency_band = figures.pay.agency[region]
    if not agency_band.min <= agency_rate <= agency_band.max:
        warnings.append(
            f"The agency rate is outside the usual range for {agency_band.name} "
            f"({money_range(agency_band.min, agency_band.max, currency)} an hour)."
        )
    if not overhead.min <= overhead_pct <= overhead.max:
        warnings.append(
            f"The overhead is outside the usual range of {percent_range(overhead.min, overhead.max)} of salary."
        )
    full_month = figures.quantity(FULL_TIME_YEAR) / 12
    if hours > full_month:
        warnings.append(
            f"{number(hours)} hours a month is more than a full-time month ({number(full_month, places=0)} hours): "
            "that much work may need more than one person, and the full-time figure covers only one."
        )
    if break_even > HOURS_IN_A_MONTH:
        warnings.append(
            "At these figures the freelancer costs less than the employee at any number of hours in a month."
        )

    return tuple(warnings)


def build(figures: Figures) -> Calculator:
    defaults = figures.engagement.defaults
    year_hours = figures.quantity(FULL_TIME_YEAR)
    full_month = round(year_hours / 12)
    overhead = figures.pay.overhead
    agencies = figures.pay.agency
    currency = figures.pay_currency

    def freelance_default(inputs: Inputs) -> float:
        return figures.pay.freelance[inputs.text("level")].middle

    def agency_default(inputs: Inputs) -> float:
        return agencies[inputs.text("agency_region")].middle

    def compute(inputs: Inputs) -> Result:
        hours = inputs.number("hours_per_month")
        months = inputs.integer("months")
        salary = inputs.number("ft_base_salary")
        overhead_pct = inputs.number("overhead_pct")
        hiring = inputs.number("ft_hiring_cost")
        freelance_rate = inputs.number("freelance_rate")
        agency_rate = inputs.number("agency_rate")

        costs = compare(
            salary=salary,
            overhead_pct=overhead_pct,
            hiring=hiring,
            hours=hours,
            freelance_rate=freelance_rate,
            agency_rate=agency_rate,
        )
        ft_monthly = costs.employee_monthly
        totals = {key: costs.by_month(key, months) for key, _ in OPTIONS}
        break_even = costs.break_even_hours(months)
        cheapest_value = min(totals.values())
        labels = dict(OPTIONS)
        cheapest = [labels[key] for key, total in totals.items() if round(total, 2) == round(cheapest_value, 2)]
        cheapest_text = cheapest[0] if len(cheapest) == 1 else " and ".join(cheapest) + " (the same cost)"

        series = tuple(
            Series(label, tuple((float(m), costs.by_month(key, m)) for m in range(months + 1)))
            for key, label in OPTIONS
        )
        rows = tuple((m, *(round(costs.by_month(key, m), 2) for key, _ in OPTIONS)) for m in range(1, months + 1))
        ends = ", ".join(f"{label} {money(totals[key], currency)}" for key, label in OPTIONS)
        chart = Chart(
            title=f"Cumulative cost over {months} months",
            x_label="Month",
            y_label=f"Cumulative cost ({currency.code})",
            y_kind="money",
            currency=currency,
            series=series,
            description=(
                f"Line chart of what each option has cost by the end of each month, from month 0 to {months}. "
                f"After {months} months: {ends}. The table below lists every month."
            ),
        )
        table = Table(
            caption="Cumulative cost by month (the chart's data)",
            columns=(
                Column("Month", "number"),
                *(Column(label, "money") for _, label in OPTIONS),
            ),
            rows=rows,
        )

        warnings = _warnings(figures, inputs, break_even)

        return Result(
            outputs={
                "full_time_total": totals["full_time"],
                "freelance_total": totals["freelance"],
                "agency_total": totals["agency"],
                "break_even_hours_per_month": break_even,
                "break_even_hours_per_year": break_even * 12,
                "cheapest": cheapest_text,
            },
            breakdown=(
                Line(
                    "Full-time: salary and overhead",
                    ft_monthly * months,
                    f"base salary × (1 + {number(overhead_pct)}% overhead) × {months} months ÷ 12",
                ),
                Line("Full-time: hiring cost (once)", hiring, "paid once, at the start"),
                Line("Full-time total", totals["full_time"], "salary and overhead + hiring cost"),
                Line(
                    "Freelance total",
                    totals["freelance"],
                    f"hourly rate × {number(hours)} hours a month × {months} months",
                ),
                Line(
                    "Agency total",
                    totals["agency"],
                    f"hourly rate × {number(hours)} hours a month × {months} months",
                ),
                Line(
                    "Break-even hours a month",
                    break_even,
                    f"full-time total ÷ ({months} months × freelance rate): above this many hours a month, "
                    "the employee costs less than the freelancer",
                    kind="number",
                ),
            ),
            warnings=warnings,
            tables=(table,),
            charts=(chart,),
        )

    agency_help = "; ".join(
        f"{band.name}: {money_range(band.min, band.max, currency)} an hour" for band in agencies.values()
    )
    return Calculator(
        name=NAME,
        title="Full-time, freelance or agency",
        summary=(
            "An estimate of what a full-time employee, a freelancer and an agency cost for the same "
            "hours over the same months, and the monthly hours above which the employee costs less."
        ),
        inputs=(
            fields.level(figures, default=defaults.level, sets="the salary and the freelance rate"),
            Input(
                "hours_per_month",
                "Hours of work a month",
                "number",
                unit="hours",
                minimum=1,
                maximum=HOURS_IN_A_MONTH,
                step=1,
                default=full_month,
                help=f"How much work you need. It starts at {full_month} hours, a full-time year of "
                f"{number(year_hours)} hours divided by twelve.",
            ),
            Input(
                "months",
                "Horizon",
                "integer",
                unit="months",
                minimum=1,
                maximum=MAX_MONTHS,
                step=1,
                default=defaults.months,
                help="How long you need the work done.",
            ),
            fields.base_salary(
                figures,
                name="ft_base_salary",
                label="Employee's base salary",
            ),
            fields.overhead(figures, label="Employee overhead"),
            fields.one_off_cost(
                figures,
                "ft_hiring_cost",
                "Cost of hiring the employee",
                default=defaults.ft_hiring_cost,
                help="A recruiter's fee or job ads, paid once.",
            ),
            fields.hourly_rate(
                figures,
                "freelance_rate",
                "Freelancer's hourly rate",
                default_from=freelance_default,
                follows="level",
                help="Starts at the middle of the level's remote freelance range.",
            ),
            Input(
                "agency_region",
                "Where the agency is based",
                "choice",
                choices=tuple(Choice(key, band.name) for key, band in agencies.items()),
                default=defaults.agency_region,
                help="Sets the agency rate the calculator starts from.",
            ),
            fields.hourly_rate(
                figures,
                "agency_rate",
                "Agency's hourly rate",
                default_from=agency_default,
                follows="agency_region",
                help=f"Starts at the middle of the region's range ({agency_help}).",
            ),
        ),
        outputs=(
            Output("full_time_total", "Full-time employee", "money", f"{currency.code} over the horizon"),
            Output("freelance_total", "Freelancer", "money", f"{currency.code} over the horizon"),
            Output("agency_total", "Agency", "money", f"{currency.code} over the horizon"),
            Output(
                "break_even_hours_per_month",
                "Break-even workload",
                "number",
                "hours a month",
                "Above this many hours a month the employee costs less than the freelancer.",
            ),
            Output(
                "break_even_hours_per_year",
                "Break-even workload a year",
                "number",
                "hours a year",
                f"The same, a year; a full-time year is {number(year_hours)} hours.",
            ),
            Output("cheapest", "Cheapest for this work", "text"),
        ),
        compute=compute,
        assumptions=(
            "This is an estimate: it compares only what you pay, not quality, speed, risk or management time.",
            "The employee costs the same every month whatever the hours; the freelancer and the agency bill "
            "every hour at one rate.",
            f"Overhead starts at the middle of the usual {percent_range(overhead.min, overhead.max)} of salary; "
            "salaries and rates start at the middle of their bands.",
            f"The starting workload is a full-time month ({full_month} hours, from a year of "
            f"{number(year_hours)} hours); the horizon of {defaults.months} months is our assumption.",
            "Notice periods, severance, rate rises and the freelancer's unpaid gaps are left out.",
        ),
        currency=currency,
    )
