"""``loaded-cost``: what an employee costs a year, line by line, in the United States or in
another country of the data.

Payroll taxes (Social Security up to its wage base, Medicare, federal and state
unemployment insurance up to theirs), the employer's share of a health plan, the employer's
choices, equipment and a payroll provider, from :mod:`calculators.employer_cost`; or, when
``overhead_pct`` is given, one flat percentage instead. The published "add 20–30%" rule of
thumb stands beside the result for comparison. Abroad (``country``), the country's statutory
lines and its employer relief (``employer_relief``), in its currency, with the total in US
dollars at the dated rate (:mod:`calculators.countries`); the US-only fields do not count there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from calculators import countries, fields
from calculators.employer_cost import US, Choices, EmployerCost, cited_records, employer_cost, setting_value
from calculators.exchange import convert, dated, how_converted
from calculators.figures import Figures, Setting
from calculators.formatting import Currency, about, money, money_range, number, percent, percent_range, phrase
from calculators.market import below_floor, position
from calculators.spec import (
    Calculator,
    Group,
    Input,
    Inputs,
    Line,
    Output,
    Result,
    assumption,
    citations_of,
)

NAME = "loaded-cost"
PLANS = (("none", "No health plan"), ("single", "Single cover"), ("family", "Family cover"))


def choices_from(inputs: Inputs) -> Choices:
    """The employer's choices as a reader set them (the inputs every employee-cost form shares);
    a field that does not apply in the country is ``None``."""

    def text(name: str) -> str | None:
        return None if inputs.get(name) is None else inputs.text(name)

    def amount(name: str) -> float | None:
        return inputs.optional_number(name) if name in inputs else None

    return Choices(
        state=text("state"),
        health_plan=text("health_plan"),
        retirement_match_pct=amount("retirement_match_pct"),
        other_benefits=amount("other_benefits_per_year"),
        equipment=amount("equipment_per_year"),
        workers_comp_pct=amount("workers_comp_pct"),
        payroll_fee=amount("payroll_fee_per_year"),
        unemployment_pct=amount("state_unemployment_pct"),
        wage_base=amount("state_wage_base"),
        overhead_pct=inputs.optional_number("overhead_pct"),
        relief=inputs.get("employer_relief") is True,
        optional=inputs.get("optional_contributions") is True,
    )


def rule_of_thumb_note(figures: Figures, cost: EmployerCost) -> str:
    """How the itemised cost compares with the published "add 20–30%" rule, and why it differs."""
    rule = figures.pay.overhead
    rule_text = percent_range(rule.min, rule.max)
    shown = f"The itemised cost adds {percent(round(cost.overhead_pct))} to base salary"
    contributions = figures.employer_costs[US].contributions
    ceiling = contributions["social-security"].ceiling
    if cost.overhead_pct < rule.min:
        why = (
            f", below the rule of thumb's {rule_text}: above {money(ceiling or 0, figures.pay_currency)} "
            "no more Social Security is due and the health plan costs the same at any salary, so the share "
            "falls as pay rises"
            if ceiling is not None and cost.base > ceiling
            else f", below the rule of thumb's {rule_text}"
        )
    elif cost.overhead_pct > rule.max:
        fixed = [line.label.split(" (")[0].lower() for line in cost.fixed_lines]
        why = f", above the rule of thumb's {rule_text}" + (
            f": {phrase(fixed)} cost the same at any salary, so they weigh more on a lower one" if fixed else ""
        )
    else:
        why = f", inside the rule of thumb's {rule_text}"
    return (
        shown
        + why
        + ". The rule of thumb also claims to cover management overhead, which the itemised cost leaves out."
    )


def answer(cost: EmployerCost, fee: float, currency: Currency, usd: tuple[float, Currency] | None = None) -> str:
    """The page's question answered in one sentence: what the employee costs a year, a month and
    in the first year, to three significant figures, in ``currency``; abroad (``usd``: the year's
    cost in the guide's currency), with that equivalent beside the year's cost."""
    how = (
        "fully loaded" if cost.itemised else f"with a flat {number(cost.overhead_pct)}% overhead on top of base salary"
    )
    first_year = (
        f"; the first year, with the recruiting fee, comes to about {about(cost.total + fee, currency)}"
        if fee > 0
        else ""
    )
    beside = f" (about {about(usd[0], usd[1])})" if usd is not None else ""
    return (
        f"An employee on a base salary of {money(cost.base, currency)} costs you about "
        f"{about(cost.total, currency)}{beside} a year {how}, about {about(cost.total / 12, currency)} a month"
        f"{first_year}."
    )


GROUPS = (
    Group("The hire", ("country", "level", "base_salary", "recruiting_fee")),
    Group("Where they work and their cover", ("state", "health_plan", "employer_relief", "optional_contributions")),
    Group("Or one flat overhead", ("overhead_pct",)),
    Group(
        "Rates and costs we assume",
        (
            "state_unemployment_pct",
            "state_wage_base",
            "retirement_match_pct",
            "workers_comp_pct",
            "other_benefits_per_year",
            "equipment_per_year",
            "payroll_fee_per_year",
        ),
        folded=True,
    ),
)


def build(figures: Figures) -> Calculator:
    costs = figures.employer_costs[US]
    currency = figures.currencies[costs.currency]
    home = countries.home_currency(figures)
    defaults = costs.start
    abroad = [record for key in figures.employer_costs if key != US for record in cited_records(figures, key)]
    abroad += [pay for other in figures.employer_costs.values() if (pay := other.pay) is not None]
    abroad.append(figures.exchange)
    settings = costs.settings
    market = figures.pay.market
    search = figures.recruiting.fee

    def compute(inputs: Inputs) -> Result:
        level = inputs.text("level")
        base = inputs.number("base_salary")
        fee = inputs.number("recruiting_fee")
        country = inputs.text("country")
        local = countries.currency_of(figures, country)
        cost = employer_cost(figures, base, choices_from(inputs), country)
        usd = convert(figures, cost.total, local.code, home.code)
        warnings = salary_warnings(figures, level, base) if country == US else []
        notes = [rule_of_thumb_note(figures, cost)] if cost.itemised and country == US else []
        notes += countries.ignored_note(figures, inputs, specs, country)
        notes += countries.abroad_notes(figures, country, cost) if country != US else []
        lines = [Line("Base salary", base, "what you pay the developer a year")]
        lines += [Line(line.label, line.amount, _with_period(line.formula, line.period)) for line in cost.lines]
        lines += [
            Line("Fully loaded cost a year", cost.total, "base salary + the lines above"),
            Line("Recruiting fee (once)", fee, "paid once, in the first year"),
            Line("First-year cost", cost.total + fee, "fully loaded cost a year + recruiting fee"),
        ]
        if local.code != home.code:
            lines.append(
                Line(
                    f"Fully loaded cost a year, in {home.code}",
                    usd,
                    how_converted(figures, local.code, home.code),
                    currency=home,
                )
            )
        return Result(
            outputs={
                "employer_taxes": cost.of("taxes"),
                "benefits": cost.of("benefits"),
                "equipment": cost.of("equipment"),
                "overhead_amount": cost.overhead,
                "effective_overhead_pct": cost.overhead_pct,
                "total_annual": cost.total,
                "monthly": cost.total / 12,
                "first_year_total": cost.total + fee,
                "itemised": cost.itemised,
                "currency": local.code,
                "total_annual_usd": usd,
            },
            breakdown=tuple(lines),
            warnings=tuple(warnings),
            notes=tuple(notes),
            currency=local,
            answer=answer(cost, fee, local, usd=None if local.code == home.code else (usd, home)),
        )

    year = countries.LOCAL_YEAR
    inputs = (
        countries.country_field(figures),
        fields.level(figures, sets="the salary (in the United States)"),
        countries.salary_field(
            figures,
            "base_salary",
            "Base salary",
            help="Twelve months' contractual pay, in the country's currency. In the United States it starts at "
            "the middle of the level's band; elsewhere at the country's published pay figure (see the countries' "
            "page for what each measures). Type your own figure.",
        ),
        countries.relief_field(figures),
        countries.optional_field(figures),
        *employee_inputs(figures),
        replace(
            fields.recruiting_fee(
                figures,
                "recruiting_fee",
                "Recruiting fee",
                salary="base_salary",
                help=f"A recruiter's fee, paid once, in the country's currency. Starts at {percent(search.value)} "
                "of base salary, the fee one recruiting firm gives for software engineers; enter 0 if you search "
                "yourself.",
            ),
            depends_on=("country", "base_salary"),
            unit="in the country's currency, once",
            currency_from=countries.local_money(figures),
            maximum=countries.MAX_LOCAL_SALARY,
        ),
        fields.overhead(figures),
    )
    specs = {spec.name: spec for spec in inputs}
    return Calculator(
        name=NAME,
        title="Fully loaded cost of an employee",
        summary=(
            "What a full-time developer costs you a year, line by line, in the United States or in another "
            "country: payroll taxes and statutory contributions, benefits, equipment and a payroll provider on top "
            "of base salary, in the country's currency and in US dollars."
        ),
        inputs=inputs,
        outputs=(
            Output("total_annual", "Fully loaded cost a year", "money", year),
            Output(
                "total_annual_usd",
                f"Fully loaded cost a year, in {home.code}",
                "money",
                fields.per(home, "a year"),
                f"At {dated(figures)}, derived through {figures.exchange.through}.",
                currency=home,
            ),
            Output("currency", "Currency", "text", help="The currency of the amounts above and below."),
            Output("monthly", "Per month", "money", "a month, in the country's currency"),
            Output(
                "first_year_total",
                "First-year cost",
                "money",
                "in the country's currency",
                "Including the recruiting fee.",
            ),
            Output("overhead_amount", "Cost beyond base salary a year", "money", year),
            Output("effective_overhead_pct", "Beyond base salary, as a share of it", "percent", "%"),
            Output("employer_taxes", "Payroll taxes and contributions a year", "money", year),
            Output("benefits", "Benefits a year", "money", year),
            Output("equipment", "Equipment a year", "money", year),
            Output("itemised", "Itemised", "yes-no", help="No when a flat overhead percentage replaces the lines."),
        ),
        compute=compute,
        assumptions=(
            assumption(
                figures,
                "Payroll taxes are the employer's share for the period each line names; the employee's own share "
                "comes out of the salary and costs you nothing more.",
                *costs.contributions.values(),
                *(rule for state in costs.states.values() for rule in state.rules()),
            ),
            assumption(
                figures,
                "Health cover is the average premium less the average worker contribution across all employers, "
                "not a quote.",
                costs.plans.premiums,
                costs.plans.worker_contributions,
            ),
            *(
                assumption(figures, f"{setting.label}: starts at {setting_text(setting, figures)}.", setting)
                for setting in settings.values()
            ),
            assumption(
                figures,
                f"The state starts as \u201c{costs.states[defaults.state].label}\u201d: pick the employee's state.",
                defaults,
            ),
            assumption(figures, f"The recruiting fee starts at {percent(search.value)} of base salary.", search),
            assumption(
                figures,
                "Left out: management time, office space, bonuses, local taxes, and paid leave (already paid "
                "out of the salary); abroad, also what each country lists as left out.",
            ),
            assumption(
                figures,
                "Outside the United States, the statutory lines are each country's, from the sources beside them, "
                "at the statutory minimum; amounts are in the country's currency, and the total in "
                f"{home.code} uses {dated(figures)}, derived through {figures.exchange.through}. The US-only fields "
                "(state, health plan, retirement match, workers' compensation, other benefits) do not count there; "
                "equipment and the payroll provider start at the US placeholders, converted. Each country's lines, "
                "with the source of each, are on the page Employer costs by country, and the result names them.",
                figures.exchange,
            ),
            assumption(
                figures,
                f"Salary warnings compare with the level bands and with the pay distribution for "
                f"{market.label[:1].lower()}{market.label[1:]}.",
                next(iter(figures.pay.salary.values())),
                market.percentiles[0],
            ),
        ),
        citations=citations_of(
            *figures.pay.salary.values(),
            figures.pay.overhead,
            *cited_records(figures),
            search,
            *market.percentiles,
            *abroad,
        ),
        currency=currency,
        groups=GROUPS,
        headline=("total_annual", "monthly", "first_year_total", "effective_overhead_pct"),
    )


def _with_period(formula: str, period: str) -> str:
    return f"{formula} ({period})" if period else formula


def setting_text(setting: Setting, figures: Figures) -> str:
    """A setting's value as a reader reads it: ``3%``, ``$2,000 a year``."""
    if setting.unit == "percent":
        return percent(setting.value)
    if setting.currency is not None:
        amount = money(setting.value, figures.currencies[setting.currency])
        return {"money-per-hour": f"{amount} an hour", "money-per-year": f"{amount} a year"}[setting.unit]
    if setting.unit == "multiple":
        return f"{number(setting.value)}×"
    if setting.unit == "hours-per-week":
        return f"{number(setting.value)} hours a week"
    return f"{number(setting.value)} months" if setting.value != 1 else "1 month"


def salary_warnings(figures: Figures, level: str, base: float) -> list[str]:
    """A salary outside its level's band, or below what almost all US software developers earn."""
    currency = figures.pay_currency
    band = figures.pay.salary[level]
    label = figures.level_label(level)
    shown_band = money_range(band.min, band.max, currency)
    warnings: list[str] = []
    if base < band.min:
        warnings.append(f"The base salary is below the {label} band of {shown_band} (a vendor article's figures).")
    elif base > band.max:
        warnings.append(f"The base salary is above the {label} band of {shown_band} (a vendor article's figures).")
    market = figures.pay.market
    if below_floor(market, base):
        floor = market.percentiles[0]
        warnings.append(
            f"{money(base, currency)} is {position(market, base)} of US software developers' pay "
            f"({money(floor.value, currency)}, {floor.period}): nine in ten earn more. A candidate paid this much "
            "is likely to leave for a better offer."
        )
    return warnings


def employee_inputs(figures: Figures) -> tuple[Input, ...]:
    """The employer's choices, as fields (shared by every form that costs an employee). Each
    counts only in the countries where it applies (a US state, for a US employee)."""
    costs = figures.employer_costs[US]
    currency = figures.currencies[costs.currency]
    defaults = costs.start
    states = costs.states
    settings = costs.settings
    has_states = countries.applies_to(figures, lambda key: bool(figures.employer_costs[key].states))
    has_health = countries.applies_to(figures, lambda key: figures.employer_costs[key].health is not None)

    def state_rate(inputs: Inputs) -> float:
        return states[inputs.text("state")].unemployment.rate_pct or 0.0

    def state_base(inputs: Inputs) -> float:
        return states[inputs.text("state")].unemployment.ceiling or 0.0

    def setting(name: str, maximum: float, step: float) -> Input:
        item = settings[name]
        money_field = item.currency is not None
        where: tuple[str, tuple[str, ...]] | None = countries.applies_to(
            figures, lambda key: setting_value(figures, name, key) is not None
        )
        if where is not None and len(where[1]) == len(figures.employer_costs):
            where = None  # it counts in every country

        def start(inputs: Inputs) -> float:
            return setting_value(figures, name, inputs.text("country")) or 0.0

        abroad = " Other countries start at the same amount in their currency, converted." if item.abroad else ""
        return Input(
            name,
            item.label,
            "number",
            unit=countries.LOCAL_YEAR if money_field else "%",
            currency=currency if money_field else None,
            currency_from=countries.local_money(figures) if money_field else None,
            minimum=0,
            maximum=maximum,
            step=step,
            default_from=start,
            depends_on=("country",),
            applies_if=where,
            help=f"{item.note} Starts at {setting_text(item, figures)}, our assumption: {item.reason or ''}".strip()
            + abroad,
        )

    def follows_state(start: Callable[[Inputs], float]) -> fields.Start:
        """A state's figure: starts from the state chosen, counts only where a country has states."""
        return {"default_from": start, "depends_on": ("state",), "applies_if": has_states}

    return (
        fields.choice(
            "state",
            "US state where the employee works",
            ((key, rules.label) for key, rules in states.items()),
            default=defaults.state,
            applies_if=has_states,
            help="Sets the state's unemployment insurance rate and taxable wage base (United States only).",
        ),
        fields.percent(
            "state_unemployment_pct",
            "State unemployment insurance rate",
            maximum=20,
            step=0.1,
            **follows_state(state_rate),
            help="Starts at the state's rate for a new employer; your state's notice gives yours.",
        ),
        fields.yearly(
            currency,
            "state_wage_base",
            "State taxable wage base",
            step=100,
            **follows_state(state_base),
            help="The pay a year on which state unemployment insurance is charged.",
        ),
        fields.choice(
            "health_plan",
            "Health plan",
            PLANS,
            default=defaults.health_plan,
            applies_if=has_health,
            help="The employer's share of an average plan; starts at single cover, our assumption (United States "
            "only).",
        ),
        setting("retirement_match_pct", 100, 0.5),
        setting("workers_comp_pct", 20, 0.1),
        setting("other_benefits_per_year", fields.MAX_FEE, 100),
        setting("equipment_per_year", fields.MAX_FEE, 100),
        setting("payroll_fee_per_year", fields.MAX_FEE, 50),
    )
