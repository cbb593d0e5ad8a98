"""What employing someone costs in a year, line by line: one function for every calculator and
every table in the guide that needs an employee's cost, in any country the data has.

The lines come from ``data/employer_costs.yaml``: a country's extra salaries (Brazil's 13th),
then each statutory contribution (a percent of pay between an optional threshold and
ceiling, a year or a month, or a fixed amount), with its source and the period it applies
to, and any employer relief right after the contribution it reduces; then, where the country
has them, the US state's unemployment insurance (and any reduction of the federal credit),
the employer's share of a health plan, and the employer's choices (a retirement match,
workers' compensation, other benefits, equipment, a payroll provider). Amounts are in the
country's currency; an employer's choice set in another currency (the US equipment
placeholder) starts at its value converted at the dated exchange rate. A flat overhead
percentage, when given, replaces every line with one.

What it leaves out: management time, office space, bonuses, paid leave (already inside the
salary), recruiting (a one-off, kept apart), and what each country lists as left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from calculators.exchange import convert
from calculators.figures import (
    CompensationCosts,
    Contribution,
    CountryCosts,
    Figures,
    Limit,
    Setting,
    Sourced,
)
from calculators.formatting import Currency, half_up, money, number, percent

Group = Literal["taxes", "benefits", "equipment", "services", "extra_pay", "flat"]
US = "us"
FIXED = ("health", "other-benefits", "equipment", "payroll")
"""The lines that cost the same whatever the salary, which weigh more on a low one."""


@dataclass(frozen=True)
class CostLine:
    """One line of an employer's cost: what it is, how much a year, how it is worked out."""

    key: str
    label: str
    amount: float
    formula: str
    group: Group
    period: str = ""
    """The year or period the rate applies to ("2026", "tax year 2025"), where there is one."""


@dataclass(frozen=True)
class Choices:
    """What the employer decides or knows: where the employee works, the plan, the extras.

    A choice that does not apply in the country is ``None`` (a US state abroad). ``unemployment_pct``
    and ``wage_base`` override the state's figures when given; ``overhead_pct``, when given,
    replaces every line with one flat percentage of base salary. ``relief`` claims the
    country's employer relief; ``optional`` counts its optional contributions too.
    """

    state: str | None
    health_plan: str | None
    retirement_match_pct: float | None
    other_benefits: float | None
    equipment: float | None
    workers_comp_pct: float | None
    payroll_fee: float | None
    unemployment_pct: float | None = None
    wage_base: float | None = None
    overhead_pct: float | None = None
    relief: bool = False
    optional: bool = False


@dataclass(frozen=True)
class EmployerCost:
    base: float
    lines: tuple[CostLine, ...]
    currency: str = ""
    """The ISO code of the currency every amount is in."""

    def of(self, *groups: Group) -> float:
        """The lines of ``groups`` added up, a year (``of("taxes")``: the employer's contributions;
        ``"extra_pay"``: salaries the law adds to the twelve monthly ones, Brazil's 13th)."""
        return sum(line.amount for line in self.lines if line.group in groups)

    @property
    def itemised(self) -> bool:
        return not any(line.group == "flat" for line in self.lines)

    @property
    def total(self) -> float:
        return self.base + sum(line.amount for line in self.lines)

    @property
    def overhead(self) -> float:
        """What the employee costs beyond base salary."""
        return self.total - self.base

    @property
    def overhead_pct(self) -> float:
        return self.overhead / self.base * 100 if self.base else 0.0

    @property
    def fixed_lines(self) -> tuple[CostLine, ...]:
        """The lines with an amount that does not depend on the salary."""
        return tuple(line for line in self.lines if line.key in FIXED and line.amount > 0)


def charged_pay(base: float, threshold: float | None, ceiling: float | None) -> float:
    """The part of a year's pay a percent contribution is charged on: above the threshold, up to the ceiling."""
    top = base if ceiling is None else min(base, ceiling)
    return max(0.0, top - (threshold or 0.0))


def _limit(costs: CountryCosts | None, key: str | None) -> float | None:
    if key is None:
        return None
    if costs is None:
        raise ValueError(f"the contribution names the limit {key!r}: pass the country's costs")
    return costs.limit(key)


def is_due(rule: Contribution, base: float, costs: CountryCosts | None = None) -> bool:
    """Whether the contribution is due at all on ``base`` pay a year (India's ESI stops above a
    monthly limit; the UK's pension starts above an earnings trigger)."""
    top, bottom = _limit(costs, rule.only_up_to), _limit(costs, rule.only_above)
    return (top is None or base <= top) and (bottom is None or base > bottom)


def contribution_amount(
    rule: Contribution, base: float, costs: CountryCosts | None = None, extra: float = 0.0
) -> float:
    """What one contribution costs a year on ``base`` pay (plus ``extra`` salaries where the
    rule charges them too). ``costs`` holds the country's named limits, when the rule uses any."""
    if rule.kind == "fixed":
        return rule.amount or 0.0
    if not is_due(rule, base, costs):
        return 0.0
    threshold = rule.threshold if rule.above is None else _limit(costs, rule.above)
    ceiling = rule.ceiling if rule.up_to is None else _limit(costs, rule.up_to)
    pay = base + (extra if rule.on_extra_salaries else 0.0)
    return (rule.rate_pct or 0.0) * (rule.times or 1.0) / 100 * charged_pay(pay, threshold, ceiling)


def _limit_text(limit: Limit | None, amount: float | None, currency: Currency) -> str:
    if limit is not None and limit.per == "month":
        return f"{money(limit.yearly, currency)} ({money(limit.amount, currency)} a month × 12)"
    return money(amount or 0.0, currency)


def contribution_formula(
    rule: Contribution, currency: Currency, costs: CountryCosts | None = None, pay: str = "base salary"
) -> str:
    """How :func:`contribution_amount` works it out, in words with the figures."""
    if rule.kind == "fixed":
        return f"a fixed {money(rule.amount or 0.0, currency)} a year"
    limits = costs.limits if costs is not None else {}
    if rule.ceiling is not None or rule.up_to is not None:
        ceiling = limits.get(rule.up_to) if rule.up_to else None
        pay = f"min({pay}, {_limit_text(ceiling, rule.ceiling if ceiling is None else ceiling.amount, currency)})"
    if rule.threshold is not None or rule.above is not None:
        threshold = limits.get(rule.above) if rule.above else None
        shown = _limit_text(threshold, rule.threshold if threshold is None else threshold.amount, currency)
        pay = f"({pay} − {shown}, if above it)"
    rate = percent(rule.rate_pct or 0.0)
    if rule.times is not None:
        rate = f"{number(rule.times)} × {rate}"
    text = f"{rate} × {pay}"
    for key, words in ((rule.only_up_to, "due only on pay up to"), (rule.only_above, "due only on pay above")):
        if key is not None:
            text += f", {words} {_limit_text(limits.get(key), limits[key].amount if key in limits else 0, currency)}"
    return text


def _contribution_line(
    key: str,
    rule: Contribution,
    base: float,
    *,
    costs: CountryCosts,
    choices: Choices,
    extra: float,
    currency: Currency,
) -> CostLine:
    extras = " + ".join(salary.label.split(" (")[0] for salary in costs.extra_salaries.values())
    pay = f"(base salary + {extras})" if rule.on_extra_salaries and extras else "base salary"
    formula = contribution_formula(rule, currency, costs, pay)
    amount = contribution_amount(rule, base, costs, extra)
    if rule.optional and not choices.optional:
        amount, formula = 0.0, f"optional, not counted: {formula}"
    elif not is_due(rule, base, costs):
        formula = f"not due at this pay: {formula}"
    return CostLine(key, rule.label, amount, formula, "taxes", rule.period or "")


def _relief_line(costs: CountryCosts, line: CostLine, base: float, choices: Choices, currency: Currency) -> CostLine:
    """The employer relief as a line of its own, right after the contribution it reduces."""
    relief = costs.relief
    assert relief is not None
    label = f"{relief.label} (employer relief)"
    if not choices.relief:
        return CostLine("relief", label, 0.0, "not claimed", "taxes", relief.period or "")
    if relief.allowance is not None:
        amount = min(line.amount, relief.allowance)
        formula = f"− the line above, up to {money(relief.allowance, currency)} a year"
    else:
        rule = costs.contributions[relief.reduces]
        exempt = replace(rule, ceiling=relief.exempt_pay, up_to=None, optional=False)
        amount = min(line.amount, contribution_amount(exempt, base, costs))
        formula = f"− {contribution_formula(exempt, currency, costs)}: the exempt pay owes none"
    return CostLine("relief", label, -amount, formula, "taxes", relief.period or "")


def settings_for(figures: Figures, country: str = US) -> dict[str, Setting]:
    """The employer's choices that apply in ``country``: its own, and those marked ``abroad``."""
    found = dict(figures.employer_costs[country].settings)
    for costs in figures.employer_costs.values():
        for name, setting in costs.settings.items():
            if setting.abroad:
                found.setdefault(name, setting)
    return found


def setting_value(figures: Figures, name: str, country: str = US) -> float | None:
    """A choice's starting value in ``country`` (an amount in another currency converted at the
    dated rate, to whole units), or ``None`` where it does not apply."""
    setting = settings_for(figures, country).get(name)
    if setting is None:
        return None
    target = figures.employer_costs[country].currency
    if setting.currency is None or setting.currency == target:
        return setting.value
    return half_up(convert(figures, setting.value, setting.currency, target))


def default_choices(figures: Figures, country: str = US) -> Choices:
    """The starting choices in data: every figure an employer decides is our assumption."""
    costs = figures.employer_costs[country]
    defaults = costs.defaults
    return Choices(
        state=defaults.state if defaults is not None else None,
        health_plan=defaults.health_plan if defaults is not None and costs.health is not None else None,
        retirement_match_pct=setting_value(figures, "retirement_match_pct", country),
        other_benefits=setting_value(figures, "other_benefits_per_year", country),
        equipment=setting_value(figures, "equipment_per_year", country),
        workers_comp_pct=setting_value(figures, "workers_comp_pct", country),
        payroll_fee=setting_value(figures, "payroll_fee_per_year", country),
        relief=costs.relief.default.claimed if costs.relief is not None else False,
    )


def cited_records(figures: Figures, country: str = US, *, states: str | None = None) -> list[Sourced]:
    """Every record an employee's itemised cost reads, for citing: the limits, extra salaries,
    contributions and relief, the states' rules (only ``states`` when given, such as the
    starting state), the health plan's costs, the starting choices, the employer's settings,
    and the exchange rates where a setting comes from another currency."""
    costs = figures.employer_costs[country]
    chosen = [costs.states[states]] if states is not None else list(costs.states.values())
    settings = settings_for(figures, country)
    converted = any(item.currency not in {None, costs.currency} for item in settings.values())
    return [
        *costs.limits.values(),
        *costs.extra_salaries.values(),
        *costs.contributions.values(),
        *((costs.relief, costs.relief.default) if costs.relief is not None else ()),
        *(rule for state in chosen for rule in state.rules()),
        *((costs.health.premiums, costs.health.worker_contributions) if costs.health is not None else ()),
        *((costs.defaults,) if costs.defaults is not None else ()),
        *settings.values(),
        *((figures.exchange,) if converted else ()),
    ]


SETTINGS = (
    "retirement_match_pct",
    "other_benefits_per_year",
    "equipment_per_year",
    "workers_comp_pct",
    "payroll_fee_per_year",
)
"""The employer choices :func:`default_choices` reads from ``settings``."""
NEEDS = {f"employer_costs.{US}.settings": SETTINGS}


def employer_cost(figures: Figures, base: float, choices: Choices, country: str = US) -> EmployerCost:
    """An employee's cost for a year on ``base`` salary in ``country``, line by line, in its currency."""
    costs = figures.employer_costs[country]
    currency = figures.currencies[costs.currency]
    if choices.overhead_pct is not None:
        flat = CostLine(
            "overhead",
            "Overhead (one flat percentage)",
            base * choices.overhead_pct / 100,
            f"base salary × {percent(choices.overhead_pct)}",
            "flat",
        )
        return EmployerCost(base, (flat,), costs.currency)
    lines = [
        CostLine(
            key,
            salary.label,
            base / 12 * salary.months,
            f"base salary ÷ 12 × {number(salary.months)}",
            "extra_pay",
            salary.period or "",
        )
        for key, salary in costs.extra_salaries.items()
    ]
    extra = sum(line.amount for line in lines)
    for key, rule in costs.contributions.items():
        line = _contribution_line(key, rule, base, costs=costs, choices=choices, extra=extra, currency=currency)
        lines.append(line)
        if costs.relief is not None and costs.relief.reduces == key:
            lines.append(_relief_line(costs, line, base, choices, currency))
    if costs.states and choices.state is not None:
        lines += _state_lines(costs, choices, base, currency)
    lines += _benefit_lines(costs, choices, base, currency)
    if choices.equipment is not None:
        lines.append(
            CostLine("equipment", "Equipment and software", choices.equipment, "as entered, a year", "equipment")
        )
    if choices.payroll_fee is not None:
        lines.append(CostLine("payroll", "Payroll provider", choices.payroll_fee, "as entered, a year", "services"))
    return EmployerCost(base, tuple(lines), costs.currency)


def statutory(cost: EmployerCost) -> float:
    """The statutory lines of a cost (contributions, reliefs, extra salaries), a year."""
    return cost.of("taxes", "extra_pay")


def _state_lines(costs: CountryCosts, choices: Choices, base: float, currency: Currency) -> list[CostLine]:
    assert choices.state is not None
    state = costs.states[choices.state]
    unemployment = state.unemployment
    rate, wage_base = choices.unemployment_pct, choices.wage_base
    changed = (rate is not None and rate != unemployment.rate_pct) or (
        wage_base is not None and wage_base != unemployment.ceiling
    )
    if changed:  # the figures are the user's, no longer the state's for its period
        unemployment = replace(
            unemployment,
            rate_pct=unemployment.rate_pct if choices.unemployment_pct is None else choices.unemployment_pct,
            ceiling=unemployment.ceiling if choices.wage_base is None else choices.wage_base,
            period=None,
        )
    lines = [_plain_line("state-unemployment", unemployment, base, currency)]
    if state.futa_credit_reduction is not None:
        lines.append(_plain_line("futa-credit-reduction", state.futa_credit_reduction, base, currency))
    return lines


def _plain_line(key: str, rule: Contribution, base: float, currency: Currency) -> CostLine:
    return CostLine(
        key,
        rule.label,
        contribution_amount(rule, base),
        contribution_formula(rule, currency),
        "taxes",
        rule.period or "",
    )


def _benefit_lines(costs: CountryCosts, choices: Choices, base: float, currency: Currency) -> list[CostLine]:
    health = costs.health
    lines: list[CostLine] = []
    if health is not None and choices.health_plan not in {None, "none"}:
        premium = getattr(health.premiums, str(choices.health_plan))
        worker = getattr(health.worker_contributions, str(choices.health_plan))
        lines.append(
            CostLine(
                "health",
                f"Health insurance, employer's share ({choices.health_plan} cover)",
                premium - worker,
                f"average premium {money(premium, currency)} − average worker contribution "
                f"{money(worker, currency)} (all firms)",
                "benefits",
                health.premiums.period or "",
            )
        )
    shares = (
        ("retirement", "Retirement plan match", choices.retirement_match_pct),
        ("workers-comp", "Workers' compensation insurance", choices.workers_comp_pct),
    )
    for key, label, pct in shares:
        if pct is not None:
            lines.append(CostLine(key, label, base * pct / 100, f"{number(pct)}% × base salary", "benefits"))
    if choices.other_benefits is not None:
        lines.append(
            CostLine("other-benefits", "Other benefits", choices.other_benefits, "as entered, a year", "benefits")
        )
    return lines


def like_for_like_markup(group: CompensationCosts) -> float:
    """BLS ECEC's benefits as a markup on a salary, in percent.

    BLS reports benefits as a share of total compensation and counts paid leave and
    supplemental pay among them, while a salary already includes paid leave (and a markup on
    a salary should add to it what the salary does not hold): (benefits − paid leave −
    supplemental pay) ÷ (wages + paid leave + supplemental pay) × 100.
    """
    extra = group.benefits - group.paid_leave - group.supplemental_pay
    pay = group.wages + group.paid_leave + group.supplemental_pay
    return extra / pay * 100


LIKE_FOR_LIKE_FORMULA = "(benefits − paid leave − supplemental pay) ÷ (wages + paid leave + supplemental pay)"
