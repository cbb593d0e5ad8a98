"""What employing someone costs in a year, line by line: one function for every calculator and
every table in the guide that needs an employee's cost.

The lines come from ``data/employer_costs.yaml``: each statutory contribution is a percent of
pay between an optional threshold and ceiling (or a fixed amount), with its source and the
period it applies to; then the state's unemployment insurance (and any reduction of the
federal credit), the employer's share of a health plan, and the employer's choices (a
retirement match, workers' compensation, other benefits, equipment, a payroll provider). A
flat overhead percentage, when given, replaces all of them with one line.

What it leaves out: management time, office space, bonuses, paid leave (already inside the
salary), recruiting (a one-off, kept apart), and local taxes some cities and states add.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from calculators.figures import CompensationCosts, Contribution, CountryCosts, Figures, Sourced
from calculators.formatting import Currency, money, number, percent

Group = Literal["taxes", "benefits", "equipment", "services", "flat"]
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

    ``unemployment_pct`` and ``wage_base`` override the state's figures when given;
    ``overhead_pct``, when given, replaces every line with one flat percentage of base salary.
    """

    state: str
    health_plan: str
    retirement_match_pct: float
    other_benefits: float
    equipment: float
    workers_comp_pct: float
    payroll_fee: float
    unemployment_pct: float | None = None
    wage_base: float | None = None
    overhead_pct: float | None = None


@dataclass(frozen=True)
class EmployerCost:
    base: float
    lines: tuple[CostLine, ...]

    def _sum(self, *groups: Group) -> float:
        return sum(line.amount for line in self.lines if line.group in groups)

    @property
    def itemised(self) -> bool:
        return not any(line.group == "flat" for line in self.lines)

    @property
    def employer_taxes(self) -> float:
        return self._sum("taxes")

    @property
    def benefits(self) -> float:
        return self._sum("benefits")

    @property
    def equipment(self) -> float:
        return self._sum("equipment")

    @property
    def total(self) -> float:
        return self.base + self._sum("taxes", "benefits", "equipment", "services", "flat")

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


def contribution_amount(rule: Contribution, base: float) -> float:
    """What one contribution costs a year on ``base`` pay."""
    if rule.kind == "fixed":
        return rule.amount or 0.0
    return (rule.rate_pct or 0.0) / 100 * charged_pay(base, rule.threshold, rule.ceiling)


def contribution_formula(rule: Contribution, currency: Currency) -> str:
    """How :func:`contribution_amount` works it out, in words with the figures."""
    if rule.kind == "fixed":
        return f"a fixed {money(rule.amount or 0.0, currency)} a year"
    pay = "base salary"
    if rule.ceiling is not None:
        pay = f"min(base salary, {money(rule.ceiling, currency)})"
    if rule.threshold is not None:
        pay = f"({pay} − {money(rule.threshold, currency)}, if above it)"
    return f"{percent(rule.rate_pct or 0.0)} × {pay}"


def _line(key: str, rule: Contribution, base: float, currency: Currency) -> CostLine:
    return CostLine(
        key,
        rule.label,
        contribution_amount(rule, base),
        contribution_formula(rule, currency),
        "taxes",
        rule.period or "",
    )


def default_choices(figures: Figures, country: str = US) -> Choices:
    """The starting choices in data: every figure an employer decides is our assumption."""
    costs = figures.employer_costs[country]
    settings = costs.settings
    return Choices(
        state=costs.defaults.state,
        health_plan=costs.defaults.health_plan,
        retirement_match_pct=settings["retirement_match_pct"].value,
        other_benefits=settings["other_benefits_per_year"].value,
        equipment=settings["equipment_per_year"].value,
        workers_comp_pct=settings["workers_comp_pct"].value,
        payroll_fee=settings["payroll_fee_per_year"].value,
    )


def cited_records(figures: Figures, country: str = US, *, states: str | None = None) -> list[Sourced]:
    """Every record an employee's itemised cost reads, for citing: the contributions, the
    states' rules (only ``states`` when given, such as the starting state), the health plan's
    costs, the starting choices and the employer's settings."""
    costs = figures.employer_costs[country]
    chosen = [costs.states[states]] if states is not None else list(costs.states.values())
    return [
        *costs.contributions.values(),
        *(rule for state in chosen for rule in state.rules()),
        costs.health.premiums,
        costs.health.worker_contributions,
        costs.defaults,
        *costs.settings.values(),
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
    """An employee's cost for a year on ``base`` salary, line by line."""
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
        return EmployerCost(base, (flat,))
    lines = [_line(key, rule, base, currency) for key, rule in costs.contributions.items()]
    lines += _state_lines(costs, choices, base, currency)
    lines += _benefit_lines(costs, choices, base, currency)
    lines.append(CostLine("equipment", "Equipment and software", choices.equipment, "as entered, a year", "equipment"))
    lines.append(CostLine("payroll", "Payroll provider", choices.payroll_fee, "as entered, a year", "services"))
    return EmployerCost(base, tuple(lines))


def _state_lines(costs: CountryCosts, choices: Choices, base: float, currency: Currency) -> list[CostLine]:
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
    lines = [_line("state-unemployment", unemployment, base, currency)]
    if state.futa_credit_reduction is not None:
        lines.append(_line("futa-credit-reduction", state.futa_credit_reduction, base, currency))
    return lines


def _benefit_lines(costs: CountryCosts, choices: Choices, base: float, currency: Currency) -> list[CostLine]:
    health = costs.health
    lines: list[CostLine] = []
    if choices.health_plan != "none":
        premium = getattr(health.premiums, choices.health_plan)
        worker = getattr(health.worker_contributions, choices.health_plan)
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
    lines.append(
        CostLine(
            "retirement",
            "Retirement plan match",
            base * choices.retirement_match_pct / 100,
            f"{number(choices.retirement_match_pct)}% × base salary",
            "benefits",
        )
    )
    lines.append(
        CostLine(
            "workers-comp",
            "Workers' compensation insurance",
            base * choices.workers_comp_pct / 100,
            f"{number(choices.workers_comp_pct)}% × base salary",
            "benefits",
        )
    )
    lines.append(CostLine("other-benefits", "Other benefits", choices.other_benefits, "as entered, a year", "benefits"))
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
