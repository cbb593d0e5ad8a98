"""``equity``: what an equity grant is worth, and how much of it has vested."""

from __future__ import annotations

from calculators import fields
from calculators.figures import Figures
from calculators.formatting import money, number, percent, percent_range
from calculators.spec import Calculator, Chart, Column, Input, Inputs, Line, Output, Result, Series, Table

NAME = "equity"
MAX_VALUATION = 100_000_000_000
MAX_VEST_YEARS = 10
MAX_MONTHS = 600
SCHEDULE_EVERY = 6  # months between the rows of the schedule table


def vested_fraction(months: int, vest_months: int, cliff_months: int) -> float:
    """The share of the grant vested after ``months``: nothing before the cliff, at the cliff
    the months served so far, then one more month's share each month, never more than all."""
    if months < cliff_months:
        return 0.0
    return min(months, vest_months) / vest_months


def build(figures: Figures) -> Calculator:
    band = figures.equity.early_engineer
    vesting = figures.equity.vesting
    defaults = figures.equity.defaults
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
        years = inputs.integer("vest_years")
        cliff = inputs.integer("cliff_months")
        served = inputs.integer("months_employed")
        base = inputs.optional_number("base_salary")
        dilution = inputs.number("dilution_pct")
        vest_months = years * 12

        fraction = vested_fraction(served, vest_months, cliff)
        kept = 1 - dilution / 100
        grant_value = grant_pct / 100 * valuation * kept
        vested_value = grant_value * fraction
        annual = grant_value / years
        total_comp = (base or 0.0) + annual

        months = sorted({0, *range(SCHEDULE_EVERY, vest_months + 1, SCHEDULE_EVERY), cliff, vest_months})
        if cliff > 0:
            months = sorted({*months, cliff - 1})
        rows = tuple(
            (
                month,
                vested_fraction(month, vest_months, cliff) * 100,
                grant_pct * vested_fraction(month, vest_months, cliff),
                grant_value * vested_fraction(month, vest_months, cliff),
            )
            for month in months
        )
        points = tuple(
            (float(month), grant_value * vested_fraction(month, vest_months, cliff)) for month in range(vest_months + 1)
        )
        cliff_text = (
            f"nothing until month {cliff}, when {percent(cliff / vest_months * 100)} of the grant vests at once"
            if cliff
            else "no cliff"
        )
        chart = Chart(
            title="Vested value of the grant, month by month",
            x_label="Months since the start date",
            y_label=f"Vested value ({currency.code})",
            y_kind="money",
            currency=currency,
            series=(Series("Vested value", points),),
            description=(
                f"Step chart over {vest_months} months: {cliff_text}; then an equal share each month until the "
                f"whole grant, worth {money(grant_value, currency)}, has vested at month {vest_months}. "
                "The table lists the schedule."
            ),
        )
        table = Table(
            caption="Vesting schedule",
            columns=(
                Column("Month", "number"),
                Column("Share of the grant vested", "percent"),
                Column("Share of the company vested", "percent"),
                Column(f"Value vested ({currency.code})", "money"),
            ),
            rows=rows,
        )

        warnings: list[str] = []
        if not band.min <= grant_pct <= band.max:
            warnings.append(
                f"The grant is outside the usual {percent_range(band.min, band.max)} for an early engineer."
            )
        if served < cliff:
            warnings.append(f"Nothing has vested yet: the cliff is at month {cliff}.")
        if cliff == 0:
            warnings.append("A grant without a cliff vests from the first month, even if the hire leaves early.")
        if base is None:
            warnings.append("No base salary given: total compensation shows the equity alone.")
        return Result(
            outputs={
                "vested_pct": grant_pct * fraction,
                "vested_share_of_grant_pct": fraction * 100,
                "grant_value": grant_value,
                "vested_value": vested_value,
                "annual_equity_value": annual,
                "total_comp_annual": total_comp,
            },
            breakdown=(
                Line(
                    "Value of the grant",
                    grant_value,
                    f"{number(grant_pct, places=4)}% × {money(valuation, currency)} valuation × "
                    f"(1 − {number(dilution)}% dilution)",
                ),
                Line(
                    "Share of the grant vested",
                    fraction * 100,
                    f"nothing before month {cliff}; then months served ({min(served, vest_months)}) ÷ "
                    f"{vest_months} months of vesting",
                    kind="percent",
                ),
                Line("Value vested so far", vested_value, "value of the grant × share vested"),
                Line("Equity a year", annual, f"value of the grant ÷ {years} years of vesting"),
                Line("Base salary", base or 0.0, "as entered (0 if left blank)"),
                Line("Total compensation a year", total_comp, "base salary + equity a year"),
            ),
            warnings=tuple(warnings),
            tables=(table,),
            charts=(chart,),
        )

    return Calculator(
        name=NAME,
        title="What an equity grant is worth",
        summary=(
            "An estimate of a grant's paper value at a given valuation, how much of it has vested after some "
            "months, and what it adds to a year's pay."
        ),
        inputs=(
            Input(
                "grant_pct",
                "Grant",
                "number",
                unit="%",
                minimum=0,
                maximum=100,
                step=0.01,
                default=band.middle,
                help=f"Percent of the company. Early engineers usually get {percent_range(band.min, band.max)}.",
            ),
            Input(
                "valuation",
                "Company valuation (post-money)",
                "number",
                unit=currency.code,
                currency=currency,
                minimum=0,
                maximum=MAX_VALUATION,
                step=100_000,
                default=defaults.valuation,
                help=f"Starts at {money(defaults.valuation, currency)}, our assumption for a seed-stage company.",
            ),
            Input(
                "vest_years",
                "Vesting period",
                "integer",
                unit="years",
                minimum=1,
                maximum=MAX_VEST_YEARS,
                step=1,
                default=vesting.years,
                help="How long until the whole grant has vested.",
            ),
            Input(
                "cliff_months",
                "Cliff",
                "integer",
                unit="months",
                minimum=0,
                maximum=MAX_VEST_YEARS * 12,
                step=1,
                default=vesting.cliff_months,
                help="Nothing vests before the cliff; at most the vesting period.",
            ),
            Input(
                "months_employed",
                "Months employed",
                "integer",
                unit="months",
                minimum=0,
                maximum=MAX_MONTHS,
                step=1,
                default=defaults.months_employed,
                help=f"How long the person has worked (or will have). Starts at {defaults.months_employed} "
                "months, our assumption.",
            ),
            Input(
                "base_salary",
                "Base salary (optional)",
                "number",
                unit=fields.per(currency, "a year"),
                currency=currency,
                minimum=0,
                maximum=fields.MAX_SALARY,
                step=1_000,
                required=False,
                help="Fill in to see total compensation; leave blank for the equity alone.",
            ),
            Input(
                "dilution_pct",
                "Expected dilution",
                "number",
                unit="%",
                minimum=0,
                maximum=99,
                step=1,
                default=defaults.dilution_pct,
                help="How much future funding rounds will shrink the grant's share. Starts at "
                f"{percent(defaults.dilution_pct)}, our assumption.",
            ),
        ),
        outputs=(
            Output("vested_pct", "Vested", "percent", "% of the company"),
            Output("vested_share_of_grant_pct", "Share of the grant vested", "percent", "% of the grant"),
            Output("grant_value", "Value of the grant", "money", currency.code),
            Output("vested_value", "Value vested so far", "money", currency.code),
            Output("annual_equity_value", "Equity a year", "money", fields.per(currency, "a year")),
            Output("total_comp_annual", "Total compensation a year", "money", fields.per(currency, "a year")),
        ),
        compute=compute,
        check=check,
        assumptions=(
            "This is an estimate of paper value: the shares cannot usually be sold, and most startups never "
            "reach a price that makes them worth this much.",
            "Value = grant × valuation × (1 − dilution); preferred shares, the strike price, taxes and the "
            "gap between a share's price and its worth are left out.",
            f"Vesting starts from the usual {vesting.years} years with a {vesting.cliff_months}-month "
            "cliff: nothing before the cliff, the months served at the cliff, then monthly.",
            f"The valuation of {money(defaults.valuation, currency)} and {defaults.months_employed} months employed "
            "are our starting assumptions.",
        ),
        currency=currency,
    )
