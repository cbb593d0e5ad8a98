"""``engagement``: an employee, a freelancer or an agency for the same work, over a horizon.

The employee costs their fully loaded cost a month (the shared itemised employer cost with
its starting choices, or a flat overhead when one is given) plus the cost of hiring them,
whatever the hours; a freelancer and an agency bill every hour at one rate. The break-even
is the workload a month above which the employee costs less than the freelancer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from calculators import fields
from calculators.abroad import eor_assumption, eor_cost, eor_inputs, eor_lines, eor_note, eor_records
from calculators.employer_cost import cited_records, default_choices, employer_cost
from calculators.figures import Figures
from calculators.formatting import Currency, about, money, money_range, number, percent, plural
from calculators.loaded_cost import salary_warnings
from calculators.spec import (
    Calculator,
    Chart,
    Column,
    Group,
    Inputs,
    Line,
    Output,
    Result,
    Series,
    Table,
    assumption,
    citations_of,
)

NAME = "engagement"
MAX_MONTHS = 120
HOURS_IN_A_MONTH = 744  # 31 days of 24 hours: the most anyone can bill in a month
OPTIONS = (
    ("full_time", "Full-time employee"),
    ("freelance", "Freelancer"),
    ("agency", "Agency"),
    ("eor", "Employee abroad, through an employer of record"),
)
FULL_TIME_YEAR = "full_time_year"
"""The process figure (hours in a full-time year) the comparison reads."""
NEEDS = {"process": (FULL_TIME_YEAR,)}
HOME = "us"
"""Where the employee works: the comparison crosses a border when the others are elsewhere."""


@dataclass(frozen=True)
class Comparison:
    """What each way of getting the work done costs over the same months and hours."""

    employee_monthly: float
    """The employee's fully loaded cost for one month."""
    hiring: float
    freelance_rate: float
    agency_rate: float
    hours: float
    """Hours of work a month."""
    eor_monthly: float = 0.0
    """An employee abroad through an employer of record: their cost and the provider's fee, a month."""

    def by_month(self, option: str, month: float) -> float:
        """What ``option`` has cost by the end of ``month``."""
        if option == "full_time":
            return self.employee_monthly * month + self.hiring
        if option == "eor":
            return self.eor_monthly * month
        rate = self.freelance_rate if option == "freelance" else self.agency_rate
        return rate * self.hours * month

    def break_even_hours(self, months: float) -> float:
        """Hours a month above which the employee costs less than the freelancer over ``months``."""
        return self.by_month("full_time", months) / (months * self.freelance_rate)


def compare(
    *,
    employee_year: float,
    hiring: float,
    hours: float,
    freelance_rate: float,
    agency_rate: float,
    eor_monthly: float = 0.0,
) -> Comparison:
    """The options' costs from the employee's fully loaded cost a year, the two hourly rates and
    (when given) the employee abroad's cost a month."""
    return Comparison(
        employee_monthly=employee_year / 12,
        hiring=hiring,
        freelance_rate=freelance_rate,
        agency_rate=agency_rate,
        hours=hours,
        eor_monthly=eor_monthly,
    )


def _warnings(figures: Figures, inputs: Inputs, break_even: float) -> list[str]:
    """Figures outside the usual bands, workloads one person cannot carry, and engagements that
    look like employment."""
    level = inputs.text("level")
    level_label = figures.level_label(level)
    currency = figures.pay_currency
    hours = inputs.number("hours_per_month")
    months = inputs.integer("months")
    warnings = salary_warnings(figures, level, inputs.number("ft_base_salary"))
    rates = figures.pay.freelance[inputs.text("freelancer_location")]
    band = rates.bands[level]
    if not band.min <= inputs.number("freelance_rate") <= band.max:
        warnings.append(
            f"The freelance rate is outside the {level_label} range for a freelancer {rates.label} "
            f"({money_range(band.min, band.max, currency)} an hour)."
        )
    agency = figures.pay.agency[inputs.text("agency_region")]
    if not agency.min <= inputs.number("agency_rate") <= agency.max:
        warnings.append(
            f"The agency rate is outside the usual range for {agency.name} "
            f"({money_range(agency.min, agency.max, currency)} an hour)."
        )
    full_month = figures.quantity(FULL_TIME_YEAR) / 12
    if hours > full_month:
        warnings.append(
            f"{number(hours)} hours a month is more than a full-time month ({number(full_month, places=0)} hours): "
            "that much work may need more than one person, and the full-time figure covers only one."
        )
    rule = figures.engagement.misclassification
    if hours > rule.hours_per_month and months > rule.months:
        warnings.append(
            f"More than {number(rule.hours_per_month)} hours a month for more than {rule.months} months looks like "
            "employment: a freelancer who works only for you, on your schedule, may legally be your employee, "
            "with back taxes and penalties if the authorities decide so. Our rule of thumb; the real tests are "
            "about control and independence."
        )
    if break_even > HOURS_IN_A_MONTH:
        warnings.append(
            "At these figures the freelancer costs less than the employee at any number of hours in a month."
        )
    return warnings


def _notes(figures: Figures, inputs: Inputs, costs: Comparison, break_even: float) -> list[str]:
    currency = figures.pay_currency
    full_month = figures.quantity(FULL_TIME_YEAR) / 12
    notes: list[str] = []
    if break_even > full_month:
        notes.append(
            f"The break-even, {number(round(break_even))} hours a month, is more than a full-time month "
            f"({number(full_month, places=0)} hours): at these rates the freelancer stays cheaper at any workload up "
            "to full time."
        )
    else:
        notes.append(
            f"Above {number(round(break_even))} hours a month the employee costs less than the freelancer; a "
            f"full-time month is {number(full_month, places=0)} hours."
        )
    rates = figures.pay.freelance[inputs.text("freelancer_location")]
    crossing = []
    if inputs.text("freelancer_location") != HOME:
        crossing.append(f"a freelancer {rates.label}")
    agency = figures.pay.agency[inputs.text("agency_region")]
    if inputs.text("agency_region") != HOME:
        crossing.append(agency.name if agency.label else f"an agency in {agency.region}")
    if crossing:
        notes.append(
            "This compares an employee in the United States with "
            + " and ".join(crossing)
            + ": much of the difference is the cost of living where each works, not the way of working."
        )
    notes.append(
        f"The employee's cost is {about(costs.employee_monthly * 12, currency)} a year, fully loaded, plus "
        f"{about(costs.hiring, currency)} to hire them."
    )
    return notes


WHO = {
    "full_time": "the employee",
    "freelance": "the freelancer",
    "agency": "the agency",
    "eor": "the employee abroad",
}
COUNTS = {2: "both", 3: "all three", 4: "all four"}


def answer(figures: Figures, inputs: Inputs, totals: dict[str, float], currency: Currency) -> str:
    """The page's question answered in one sentence: what each option costs over the horizon at
    these hours (to three significant figures) and which costs least, saying so when the rounded
    figures are too close to tell, and when a side's pay comes from another country."""
    months, hours = inputs.integer("months"), inputs.number("hours_per_month")
    rates = figures.pay.freelance[inputs.text("freelancer_location")]
    agency = figures.pay.agency[inputs.text("agency_region")]
    where = figures.employer_costs[inputs.text("eor_country")].label
    said = {key: about(total, currency) for key, total in totals.items()}
    ranked = sorted(totals, key=lambda key: totals[key])
    alike = [key for key in ranked if said[key] == said[ranked[0]]]
    if len(alike) == len(ranked):
        verdict = f"so {COUNTS.get(len(ranked), 'all')} cost about the same for these hours"
    elif len(alike) > 1:
        named = ", ".join(WHO[key] for key in alike[:-1]) + f" and {WHO[alike[-1]]}"
        rest = WHO[ranked[-1]] if len(ranked) - len(alike) == 1 else "the others"
        verdict = f"so {named} cost about the same, less than {rest}"
    else:
        verdict = f"so {WHO[ranked[0]]} is the cheapest for these hours"
    abroad = (
        inputs.text("freelancer_location") != HOME
        or inputs.text("agency_region") != HOME
        or "eor" in alike  # the cheapest (or as cheap) is paid where pay is lower
    )
    caveat = ", though much of the difference is the cost of living where each works" if abroad else ""
    return (
        f"Over {plural(months, 'month')} at {number(hours)} hours a month, an employee costs about "
        f"{said['full_time']}, a freelancer ({rates.label}) about {said['freelance']}, an agency "
        f"({agency.name}) about {said['agency']} and an employee abroad ({where}, through an employer of "
        f"record) about {said['eor']}, {verdict}{caveat}."
    )


def build(figures: Figures) -> Calculator:
    defaults = figures.engagement.defaults
    year_hours = figures.quantity(FULL_TIME_YEAR)
    full_month = round(year_hours / 12)
    agencies = figures.pay.agency
    locations = figures.pay.freelance
    currency = figures.pay_currency
    search = figures.recruiting.fee
    choices = default_choices(figures)

    def freelance_default(inputs: Inputs) -> float:
        return locations[inputs.text("freelancer_location")].bands[inputs.text("level")].middle

    def agency_default(inputs: Inputs) -> float:
        return agencies[inputs.text("agency_region")].middle

    def compute(inputs: Inputs) -> Result:
        hours = inputs.number("hours_per_month")
        months = inputs.integer("months")
        salary = inputs.number("ft_base_salary")
        hiring = inputs.number("ft_hiring_cost")
        cost = employer_cost(figures, salary, replace(choices, overhead_pct=inputs.optional_number("overhead_pct")))
        abroad = eor_cost(figures, inputs.text("eor_country"), inputs.number("eor_base_salary"))
        costs = compare(
            employee_year=cost.total,
            hiring=hiring,
            hours=hours,
            freelance_rate=inputs.number("freelance_rate"),
            agency_rate=inputs.number("agency_rate"),
            eor_monthly=abroad.monthly,
        )
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
            columns=(Column("Month", "number"), *(Column(label, "money") for _, label in OPTIONS)),
            rows=rows,
            chart_data=True,
        )
        employee_how = (
            "the loaded-cost calculator's itemised cost with its starting choices"
            if cost.itemised
            else f"base salary × (1 + {number(inputs.number('overhead_pct'))}% overhead)"
        )
        return Result(
            outputs={
                "full_time_total": totals["full_time"],
                "freelance_total": totals["freelance"],
                "agency_total": totals["agency"],
                "eor_total": totals["eor"],
                "break_even_hours_per_month": break_even,
                "break_even_hours_per_year": break_even * 12,
                "break_even_within_full_time": break_even <= year_hours / 12,
                "cheapest": cheapest_text,
            },
            breakdown=(
                Line(
                    "Full-time: fully loaded cost",
                    costs.employee_monthly * months,
                    f"{money(cost.total, currency)} a year ({employee_how}) × {months} months ÷ 12",
                ),
                Line("Full-time: hiring cost (once)", hiring, "paid once, at the start"),
                Line("Full-time total", totals["full_time"], "fully loaded cost + hiring cost"),
                Line(
                    "Freelance total",
                    totals["freelance"],
                    f"hourly rate × {number(hours)} hours a month × {months} months",
                ),
                Line(
                    "Agency total", totals["agency"], f"hourly rate × {number(hours)} hours a month × {months} months"
                ),
                *eor_lines(figures, abroad, months),
                Line(
                    "Break-even hours a month",
                    break_even,
                    f"full-time total ÷ ({months} months × freelance rate): above this many hours a month, "
                    "the employee costs less than the freelancer",
                    kind="number",
                ),
            ),
            warnings=tuple(_warnings(figures, inputs, break_even)),
            notes=(*_notes(figures, inputs, costs, break_even), eor_note(figures, abroad)),
            tables=(table,),
            charts=(chart,),
            answer=answer(figures, inputs, totals, currency),
        )

    agency_help = "; ".join(
        f"{band.name}: {money_range(band.min, band.max, currency)} an hour" for band in agencies.values()
    )
    location_help = "; ".join(
        f"{rates.label}: {', '.join(money_range(b.min, b.max, currency) for b in rates.bands.values())} "
        "an hour by level" + (" (our assumption)" if figures.is_assumption(rates.source) else "")
        for rates in locations.values()
    )
    rule = figures.engagement.misclassification
    return Calculator(
        name=NAME,
        title="Full-time, freelance or agency",
        summary=(
            "What a full-time employee, a freelancer and an agency cost for the same hours over the same months, "
            "and the monthly hours above which the employee costs less: an estimate from published rates and "
            "your inputs, not a quote."
        ),
        inputs=(
            fields.level(figures, default=defaults.level, sets="the salary and the freelance rate"),
            fields.count(
                "hours_per_month",
                "Hours of work a month",
                "hours",
                minimum=1,
                maximum=HOURS_IN_A_MONTH,
                whole=False,
                default=full_month,
                help=f"How much work you need. It starts at {full_month} hours, a full-time year of "
                f"{number(year_hours)} hours divided by twelve.",
            ),
            fields.count(
                "months",
                "Horizon",
                "months",
                minimum=1,
                maximum=MAX_MONTHS,
                default=defaults.months,
                help="How long you need the work done.",
            ),
            fields.base_salary(figures, name="ft_base_salary", label="Employee's base salary"),
            fields.overhead(figures),
            fields.recruiting_fee(
                figures,
                "ft_hiring_cost",
                "Cost of hiring the employee",
                salary="ft_base_salary",
                help=f"A recruiter's fee or job ads, paid once. Starts at {percent(search.value)} of the salary, "
                "the fee one recruiting firm gives for software engineers.",
            ),
            fields.choice(
                "freelancer_location",
                "Where the freelancer lives",
                ((key, rates.label.capitalize()) for key, rates in locations.items()),
                default=defaults.freelancer_location,
                help=f"Sets the freelance rate the calculator starts from ({location_help}).",
            ),
            fields.hourly_rate(
                figures,
                "freelance_rate",
                "Freelancer's hourly rate",
                default_from=freelance_default,
                follows=("level", "freelancer_location"),
                help="Starts at the middle of the level's range where the freelancer lives.",
            ),
            fields.choice(
                "agency_region",
                "Where the agency is based",
                ((key, band.name) for key, band in agencies.items()),
                default=defaults.agency_region,
                help="Sets the agency rate the calculator starts from.",
            ),
            fields.hourly_rate(
                figures,
                "agency_rate",
                "Agency's hourly rate",
                default_from=agency_default,
                follows=("agency_region",),
                help=f"Starts at the middle of the region's range ({agency_help}).",
            ),
            *eor_inputs(figures),
        ),
        outputs=(
            Output("full_time_total", "Full-time employee", "money", f"{currency.code} over the horizon"),
            Output("freelance_total", "Freelancer", "money", f"{currency.code} over the horizon"),
            Output("agency_total", "Agency", "money", f"{currency.code} over the horizon"),
            Output(
                "eor_total",
                "Employee abroad, through an employer of record",
                "money",
                f"{currency.code} over the horizon",
                "Their employer cost where they live, converted at the dated rate, plus the provider's price.",
            ),
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
            Output(
                "break_even_within_full_time",
                "Break-even within full time",
                "yes-no",
                help="No means the freelancer stays cheaper at any workload up to full time.",
            ),
            Output("cheapest", "Cheapest for this work", "text"),
        ),
        compute=compute,
        assumptions=(
            assumption(figures, "This compares only what you pay, not quality, speed, risk or management time."),
            assumption(
                figures,
                "The employee costs the same every month whatever the hours; the freelancer and the agency bill "
                "every hour at one rate.",
            ),
            assumption(
                figures,
                "The employee's cost is the loaded-cost calculator's itemised cost with its starting choices (state, "
                "health plan, match, equipment); enter a flat overhead to use your own figure instead.",
                figures.employer_costs["us"].start,
            ),
            assumption(
                figures,
                "Salaries and rates start at the middle of their bands; the US freelance bands are our assumption, "
                "set from the US salary bands, so replace them with real quotes.",
                next(iter(figures.pay.salary.values())),
                *locations.values(),
                *agencies.values(),
            ),
            assumption(figures, f"Hiring the employee starts at {percent(search.value)} of the salary.", search),
            assumption(
                figures,
                f"The starting workload is a full-time month ({full_month} hours, from a year of "
                f"{number(year_hours)} hours); the horizon is {defaults.months} months.",
                figures.process[FULL_TIME_YEAR],
                defaults,
            ),
            assumption(
                figures,
                f"The warning about employment starts above {number(rule.hours_per_month)} hours a month for more "
                f"than {rule.months} months.",
                rule,
            ),
            assumption(figures, "Notice periods, severance, rate rises and the freelancer's unpaid gaps are left out."),
            eor_assumption(figures),
        ),
        citations=citations_of(
            *figures.pay.salary.values(),
            *locations.values(),
            *agencies.values(),
            search,
            figures.process[FULL_TIME_YEAR],
            defaults,
            figures.engagement.misclassification,
            *cited_records(figures),
            *figures.pay.market.percentiles,
            *eor_records(figures),
        ),
        currency=currency,
        groups=(
            Group("The work", ("level", "hours_per_month", "months")),
            Group("The employee", ("ft_base_salary", "ft_hiring_cost")),
            Group(
                "The freelancer and the agency",
                ("freelancer_location", "freelance_rate", "agency_region", "agency_rate"),
            ),
            Group("The employee abroad, through an employer of record", ("eor_country", "eor_base_salary")),
            Group("Costs we assume", ("overhead_pct",), folded=True),
        ),
        headline=(
            "full_time_total",
            "freelance_total",
            "agency_total",
            "eor_total",
            "break_even_hours_per_month",
            "cheapest",
        ),
    )
