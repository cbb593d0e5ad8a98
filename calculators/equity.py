"""``equity``: what a stock-option grant is worth, on paper and at an exit, and how much has vested.

- paper value = grant % × the post-money valuation of the last round: the grant at the
  investors' price, which offer letters often show;
- exercise cost = paper value × the strike as a % of that price (the 409A price of common
  stock): what buying every option would cost;
- value at exit = max(0, grant % × (1 − dilution %) × exit valuation − exercise cost), before
  tax and ignoring liquidation preferences (investors are usually paid back first);
- the vested share grows monthly after the cliff; the vested value at exit and the cash a
  leaver needs to exercise the vested part scale with it.
"""

from __future__ import annotations

from functools import partial

from calculators import fields
from calculators.figures import Figures, HireGrant
from calculators.formatting import Currency, about, half_up, money, number, percent, percent_range, plural
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

NAME = "equity"
MAX_VALUATION = 100_000_000_000
MAX_VEST_YEARS = 10
MAX_MONTHS = 600
SCHEDULE_EVERY = 6  # months between the rows of the schedule table
MAX_HIRE_NUMBER = 1000


def vested_fraction(months: int, vest_months: int, cliff_months: int) -> float:
    """The share of the grant vested after ``months``: nothing before the cliff, at the cliff
    the months served so far, then one more month's share each month, never more than all."""
    if months < cliff_months:
        return 0.0
    return min(months, vest_months) / vest_months


def paper_value(grant_pct: float, valuation: float) -> float:
    return grant_pct / 100 * valuation


def exercise_cost(paper: float, common_price_pct: float) -> float:
    return paper * common_price_pct / 100


def value_at_exit(grant_pct: float, dilution_pct: float, exit_valuation: float, cost_to_exercise: float) -> float:
    """The grant's value in a sale at ``exit_valuation``, after dilution and the cost of exercising."""
    return max(0.0, grant_pct / 100 * (1 - dilution_pct / 100) * exit_valuation - cost_to_exercise)


def answer(
    *,
    grant_pct: float,
    paper: float,
    exit_value: float,
    dilution: float,
    at_exit: float,
    served: int,
    fraction: float,
    cliff: int,
    currency: Currency,
) -> str:
    """The page's question answered in one sentence: the grant on paper, what it could bring at
    the exit entered (before tax, and only as much as preferences leave), and how much has vested."""
    at_sale = (
        f"it could bring about {about(at_exit, currency)} before tax once exercised"
        if at_exit > 0
        else "it would bring nothing: exercising would cost more than the shares would fetch"
    )
    vested = (
        f"after {plural(served, 'month')}, {number(half_up(fraction * 100))}% of it has vested"
        if fraction > 0
        else f"after {plural(served, 'month')}, none of it has vested (the cliff is at month {cliff})"
    )
    return (
        f"A {percent(grant_pct)} grant is worth about {about(paper, currency)} on paper; if the company sold for "
        f"{about(exit_value, currency)} after {percent(dilution)} dilution, {at_sale}; {vested}."
    )


def usual_range(figures: Figures, hire_number: int | None) -> tuple[float, float, str]:
    """The range a grant is compared with: the quartiles for that hire number, the widest of them
    without one, or the seed article's general band beyond the hires the data covers."""
    hires: tuple[HireGrant, ...] = tuple(figures.equity.by_hire.hires)
    if hire_number is None:
        return (
            min(hire.p25 for hire in hires),
            max(hire.p75 for hire in hires),
            f"the middle half of grants to hires #1–#{len(hires)} (all roles)",
        )
    if hire_number <= len(hires):
        hire = hires[hire_number - 1]
        return hire.p25, hire.p75, f"the middle half of grants to hire #{hire_number} (all roles)"
    band = figures.equity.early_engineer
    return band.min, band.max, "a vendor article's range for early engineers"


def build(figures: Figures) -> Calculator:
    vesting = figures.equity.vesting
    defaults = figures.equity.defaults
    by_hire = figures.equity.by_hire
    currency = figures.pay_currency

    def check(inputs: Inputs) -> dict[str, str]:
        years = inputs.integer("vest_years")
        cliff = inputs.integer("cliff_months")
        if cliff > years * 12:
            return {
                "cliff_months": f"Cliff of {cliff} months is longer than the vesting ({years} years = "
                f"{years * 12} months); enter at most {years * 12}"
            }
        return {}

    def compute(inputs: Inputs) -> Result:
        grant_pct = inputs.number("grant_pct")
        valuation = inputs.number("valuation")
        strike_pct = inputs.number("common_price_pct")
        exit_value = inputs.number("exit_valuation")
        dilution = inputs.number("dilution_pct")
        years = inputs.integer("vest_years")
        cliff = inputs.integer("cliff_months")
        served = inputs.integer("months_employed")
        base = inputs.optional_number("base_salary")
        hire_value = inputs.get("hire_number")
        hire_number = int(hire_value) if isinstance(hire_value, int) else None
        vest_months = years * 12

        fraction = vested_fraction(served, vest_months, cliff)
        paper = paper_value(grant_pct, valuation)
        to_exercise = exercise_cost(paper, strike_pct)
        at_exit = value_at_exit(grant_pct, dilution, exit_value, to_exercise)
        annual = at_exit / years
        total_comp = (base or 0.0) + annual

        months = sorted({0, *range(SCHEDULE_EVERY, vest_months + 1, SCHEDULE_EVERY), cliff, vest_months})
        if cliff > 0:
            months = sorted({*months, cliff - 1})
        rows = tuple(
            (
                month,
                vested_fraction(month, vest_months, cliff) * 100,
                grant_pct * vested_fraction(month, vest_months, cliff),
                at_exit * vested_fraction(month, vest_months, cliff),
            )
            for month in months
        )
        points = tuple(
            (float(month), at_exit * vested_fraction(month, vest_months, cliff)) for month in range(vest_months + 1)
        )
        cliff_text = (
            f"nothing until month {cliff}, when {percent(cliff / vest_months * 100)} of the grant vests at once"
            if cliff
            else "no cliff"
        )
        chart = Chart(
            title="Vested value at the exit, month by month",
            x_label="Months since the start date",
            y_label=f"Vested value at exit ({currency.code})",
            y_kind="money",
            currency=currency,
            series=(Series("Vested value at exit", points),),
            description=(
                f"Step chart over {vest_months} months: {cliff_text}; then an equal share each month until the "
                f"whole grant, worth {money(at_exit, currency)} if the company exits at "
                f"{money(exit_value, currency)}, has vested at month {vest_months}. The table lists the schedule."
            ),
        )
        table = Table(
            caption="Vesting schedule",
            columns=(
                Column("Month", "number"),
                Column("Share of the grant vested", "percent"),
                Column("Share of the company vested", "percent"),
                Column(f"Vested value at exit ({currency.code})", "money"),
            ),
            rows=rows,
            chart_data=True,
        )

        warnings: list[str] = []
        low, high, which = usual_range(figures, hire_number)
        if not low <= grant_pct <= high:
            warnings.append(f"The grant is outside {percent_range(low, high)}, {which}.")
        if at_exit == 0:
            warnings.append(
                "At this exit the options are worth nothing: after dilution the shares would sell for less than "
                "it costs to exercise them (the options are underwater)."
            )
        if served < cliff:
            warnings.append(f"Nothing has vested yet: the cliff is at month {cliff}.")
        if cliff == 0:
            warnings.append("A grant without a cliff vests from the first month, even if the hire leaves early.")
        if base is None:
            warnings.append("No base salary given: total compensation shows the equity alone.")
        notes = (
            f"On paper the grant is worth {about(paper, currency)} at the investors' price; if the company sold for "
            f"{about(exit_value, currency)} after {percent(dilution)} dilution, it would be worth "
            f"{about(at_exit, currency)} before tax, after paying {about(to_exercise, currency)} to exercise, and "
            "only if investors' preferences leave that much for common shares.",
        )
        return Result(
            outputs={
                "paper_value": paper,
                "exercise_cost": to_exercise,
                "value_at_exit": at_exit,
                "vested_pct": grant_pct * fraction,
                "vested_share_of_grant_pct": fraction * 100,
                "vested_value_at_exit": at_exit * fraction,
                "exercise_cost_vested": to_exercise * fraction,
                "annual_equity_value": annual,
                "total_comp_annual": total_comp,
            },
            breakdown=(
                Line(
                    "Paper value (at the investors' price)",
                    paper,
                    f"{number(grant_pct, places=4)}% × {money(valuation, currency)} post-money valuation",
                ),
                Line(
                    "Cost to exercise every option",
                    to_exercise,
                    f"paper value × {percent(strike_pct)} (the strike as a share of the investors' price)",
                ),
                Line(
                    "Value at exit",
                    at_exit,
                    f"max(0, {number(grant_pct, places=4)}% × (1 − {percent(dilution)} dilution) × "
                    f"{money(exit_value, currency)} exit − cost to exercise)",
                ),
                Line(
                    "Share of the grant vested",
                    fraction * 100,
                    f"nothing before month {cliff}; then months served ({min(served, vest_months)}) ÷ "
                    f"{vest_months} months of vesting",
                    kind="percent",
                ),
                Line("Vested value at exit", at_exit * fraction, "value at exit × share vested"),
                Line(
                    "Cash to exercise the vested part",
                    to_exercise * fraction,
                    "cost to exercise × share vested: what a leaver needs within the exercise window",
                ),
                Line("Equity a year", annual, f"value at exit ÷ {years} years of vesting"),
                Line("Base salary", base or 0.0, "as entered (0 if left blank)"),
                Line("Total compensation a year", total_comp, "base salary + equity a year, if the company exits"),
            ),
            warnings=tuple(warnings),
            notes=notes,
            tables=(table,),
            charts=(chart,),
            answer=answer(
                grant_pct=grant_pct,
                paper=paper,
                exit_value=exit_value,
                dilution=dilution,
                at_exit=at_exit,
                served=served,
                fraction=fraction,
                cliff=cliff,
                currency=currency,
            ),
        )

    company_value = partial(fields.money, currency=currency, maximum=MAX_VALUATION)
    """A price for the whole company: a round's valuation or a sale's."""

    first = by_hire.hires[0]
    return Calculator(
        name=NAME,
        title="What a stock-option grant is worth",
        summary=(
            "A grant's paper value at the investors' price, what it could be worth at an exit after dilution and "
            "the cost of exercising, how much has vested, and what it adds to a year's pay: an estimate under "
            "the assumptions you enter, before tax."
        ),
        inputs=(
            fields.percent(
                "grant_pct",
                "Grant",
                step=0.01,
                default=first.median,
                help=f"Percent of the company's fully diluted shares. Starts at {percent(first.median)}, the median "
                f"grant to a startup's first hire (all roles, Carta's data as reported).",
            ),
            fields.count(
                "hire_number",
                "Hire number (optional)",
                None,
                minimum=1,
                maximum=MAX_HIRE_NUMBER,
                required=False,
                help=f"Which hire this is (1 for the first); compares the grant with grants to that hire. Data "
                f"covers hires #1–#{len(by_hire.hires)}.",
            ),
            company_value(
                "valuation",
                "Valuation of the last round (post-money)",
                step=100_000,
                default=defaults.valuation,
                help=f"The investors' price for the whole company. Starts at {money(defaults.valuation, currency)}, "
                "our assumption for a seed-stage company.",
            ),
            fields.percent(
                "common_price_pct",
                "Strike price, as a share of the investors' price",
                default=defaults.common_price_pct,
                help="The 409A price of common stock (the options' strike) divided by the price investors paid for "
                f"preferred stock. Starts at {percent(defaults.common_price_pct)}, our assumption; ask for the real "
                "one.",
            ),
            company_value(
                "exit_valuation",
                "Exit valuation",
                step=1_000_000,
                default=defaults.exit_valuation,
                help=f"What the company might sell for. Starts at {money(defaults.exit_valuation, currency)}, our "
                "assumption; try zero, the most common outcome.",
            ),
            fields.percent(
                "dilution_pct",
                "Dilution before the exit",
                maximum=99,
                default=defaults.dilution_pct,
                help="How much later funding rounds shrink the grant's share before an exit. Starts at "
                f"{percent(defaults.dilution_pct)}, our assumption.",
            ),
            fields.count(
                "vest_years",
                "Vesting period",
                "years",
                minimum=1,
                maximum=MAX_VEST_YEARS,
                default=vesting.years,
                help="How long until the whole grant has vested.",
            ),
            fields.count(
                "cliff_months",
                "Cliff",
                "months",
                maximum=MAX_VEST_YEARS * 12,
                default=vesting.cliff_months,
                help="Nothing vests before the cliff; at most the vesting period.",
            ),
            fields.count(
                "months_employed",
                "Months employed",
                "months",
                maximum=MAX_MONTHS,
                default=defaults.months_employed,
                help=f"How long the person has worked (or will have). Starts at {defaults.months_employed} months, "
                "our assumption.",
            ),
            fields.yearly(
                currency,
                "base_salary",
                "Base salary (optional)",
                required=False,
                help="Fill in to see total compensation; leave blank for the equity alone.",
            ),
        ),
        outputs=(
            Output("paper_value", "Paper value", "money", currency.code, "At the investors' price."),
            Output("exercise_cost", "Cost to exercise", "money", currency.code, "Every option, at the strike."),
            Output("value_at_exit", "Value at exit", "money", currency.code, "After dilution and exercising."),
            Output("vested_pct", "Vested", "percent", "% of the company"),
            Output("vested_share_of_grant_pct", "Share of the grant vested", "percent", "% of the grant"),
            Output("vested_value_at_exit", "Vested value at exit", "money", currency.code),
            Output(
                "exercise_cost_vested",
                "Cash to keep the vested part",
                "money",
                currency.code,
                "What a leaver pays to exercise what has vested.",
            ),
            Output("annual_equity_value", "Equity a year", "money", fields.per(currency, "a year")),
            Output(
                "total_comp_annual",
                "Total compensation a year",
                "money",
                fields.per(currency, "a year"),
                "If the company exits at the exit valuation.",
            ),
        ),
        compute=compute,
        check=check,
        assumptions=(
            assumption(
                figures,
                "Value at exit is before tax and ignores liquidation preferences: in a sale investors are usually "
                "paid back first, so common shares can get less, or nothing.",
            ),
            assumption(
                figures,
                "Options must be exercised (bought at the strike) to become shares; a leaver who does not pay within "
                "the plan's exercise window loses them.",
            ),
            assumption(
                figures,
                f"Vesting starts from {vesting.years} years with a {vesting.cliff_months}-month cliff: nothing "
                "before the cliff, the months served at the cliff, then monthly.",
                vesting,
            ),
            assumption(
                figures,
                "The valuation, strike, exit, dilution and months employed start at round numbers; replace them with "
                "your offer's figures.",
                defaults,
            ),
            assumption(
                figures,
                f"The grant starts at the median for a first hire, and is compared with {by_hire.covers} "
                f"(hires #1–#{len(by_hire.hires)}), or beyond them with a vendor article's range.",
                by_hire,
                figures.equity.early_engineer,
            ),
        ),
        citations=citations_of(by_hire, figures.equity.early_engineer, vesting, defaults),
        currency=currency,
        groups=(
            Group("The grant", ("grant_pct", "hire_number", "vest_years", "cliff_months", "months_employed")),
            Group("The company", ("valuation", "common_price_pct", "exit_valuation", "dilution_pct")),
            Group("Pay (optional)", ("base_salary",)),
        ),
        headline=("paper_value", "value_at_exit", "vested_value_at_exit", "exercise_cost_vested", "total_comp_annual"),
    )
