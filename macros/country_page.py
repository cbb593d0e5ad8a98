"""The country page's tables, built from ``data/employer_costs.yaml``: every country's statutory
lines, a worked example at each country's published pay (in its currency and in US dollars),
what each leaves out, and the exchange rates used, with their date and source.

Nothing here computes a cost: the worked examples call :func:`calculators.employer_cost.employer_cost`,
the one function the calculators use, and the conversions :mod:`calculators.exchange`. A
country added to the data gets its section with no change here.
"""

from __future__ import annotations

from calculators import formatting
from calculators.countries import country_records, home_currency, pay_words, yearly_pay
from calculators.employer_cost import US, Choices, EmployerCost, default_choices, employer_cost, statutory
from calculators.exchange import convert, rate, rate_text
from calculators.figures import Citation, Contribution, CountryCosts, Figures, Limit, Sourced
from calculators.formatting import Currency, money, number, percent
from macros.render import caption, cite, table

CALCULATOR_PAGE = "calculators/loaded-cost.md"


def _cited(records: list[Sourced]) -> list[Citation]:
    return [record.citation for record in records]


def _limit(limit: Limit, currency: Currency) -> str:
    return f"{money(limit.amount, currency)} a {limit.per}"


def rate_words(rule: Contribution, currency: Currency) -> str:
    """``15%``, ``1.4 × 1.63%``, ``a fixed $500 a year``."""
    if rule.kind == "fixed":
        return f"a fixed {money(rule.amount or 0.0, currency)} a year"
    shown = percent(rule.rate_pct or 0.0)
    return f"{number(rule.times)} × {shown}" if rule.times is not None else shown


def charged_on(rule: Contribution, costs: CountryCosts, currency: Currency) -> str:
    """The pay a line is charged on, in words: "pay above £5,000 a year, up to £50,270 a year"."""
    if rule.kind == "fixed":
        return "per employee"
    extras = [salary.label.split(" (")[0] for salary in costs.extra_salaries.values()]
    pay = "pay and " + formatting.phrase(extras) if rule.on_extra_salaries and extras else "pay"
    parts = [pay]
    if rule.above is not None:
        parts.append(f"above {_limit(costs.limits[rule.above], currency)}")
    elif rule.threshold is not None:
        parts.append(f"above {money(rule.threshold, currency)} a year")
    if rule.up_to is not None:
        parts.append(f"up to {_limit(costs.limits[rule.up_to], currency)}")
    elif rule.ceiling is not None:
        parts.append(f"up to {money(rule.ceiling, currency)} a year")
    if len(parts) == 1:
        parts.append("with no ceiling")
    text = " ".join(parts)
    if rule.only_up_to is not None:
        text += f"; due only while pay is at most {_limit(costs.limits[rule.only_up_to], currency)}"
    if rule.only_above is not None:
        text += f"; due only on pay above {_limit(costs.limits[rule.only_above], currency)}"
    if rule.optional:
        text += "; optional (the employee may opt out), not in the statutory minimum"
    return text


def _remarks(rule: Contribution) -> str:
    parts = [" ".join(rule.note.split())] if rule.note else []
    if rule.disputed:
        parts.append("**Sources disagree:** " + " ".join(rule.disputed.split()))
    return " ".join(parts)


def lines_table(figures: Figures, key: str, sources_href: str) -> str:
    """One country's statutory lines (and its relief), each with its rate, the pay it is charged
    on, its period and source, and what to know about it; the limits' sources in the caption."""
    costs = figures.employer_costs[key]
    currency = figures.currencies[costs.currency]
    rows = [
        [
            salary.label,
            f"{number(salary.months)} month's pay" if salary.months == 1 else f"{number(salary.months)} months' pay",
            "a year of service",
            cite(figures, salary.citation, sources_href),
            " ".join((salary.note or "").split()),
        ]
        for salary in costs.extra_salaries.values()
    ]
    for name, rule in costs.contributions.items():
        rows.append(
            [
                rule.label,
                rate_words(rule, currency),
                charged_on(rule, costs, currency),
                cite(figures, rule.citation, sources_href),
                _remarks(rule),
            ]
        )
        relief = costs.relief
        if relief is not None and relief.reduces == name:
            amount = (
                f"up to {money(relief.allowance, currency)} a year off the line above"
                if relief.allowance is not None
                else f"none of the line above on the first {money(relief.exempt_pay or 0.0, currency)} of pay a year"
            )
            rows.append(
                [
                    f"{relief.label} (employer relief)",
                    amount,
                    "per employer, not per hire",
                    cite(figures, relief.citation, sources_href),
                    "Depends on the employer: see below the table.",
                ]
            )
    header = ["Line", "Rate", "Charged on", "Source (and period)", "To know"]
    limits = _cited(list(costs.limits.values()))
    note = caption(figures, limits, sources_href) if limits else ""
    return table(header, rows) + (f"\n\n{note}" if note else "")


def example(figures: Figures, key: str) -> tuple[float, EmployerCost]:
    """A country's worked example: its published pay over a year, at the statutory minimum
    (relief as the calculators start, no optional lines, none of the employer's choices)."""
    costs = figures.employer_costs[key]
    if costs.pay is None:
        raise ValueError(f"{costs.label} has no published pay figure")
    base = yearly_pay(figures, costs.pay)
    start = default_choices(figures, key)
    bare = Choices(
        state=None,
        health_plan=None,
        retirement_match_pct=None,
        other_benefits=None,
        equipment=None,
        workers_comp_pct=None,
        payroll_fee=None,
        relief=start.relief,
    )
    return base, employer_cost(figures, base, bare, key)


def example_table(figures: Figures, key: str, sources_href: str) -> str:
    """A country's worked example line by line, in its currency and in the guide's."""
    costs = figures.employer_costs[key]
    local = figures.currencies[costs.currency]
    home = home_currency(figures)
    base, cost = example(figures, key)

    def both(amount: float) -> list[str]:
        return [money(amount, local), money(convert(figures, amount, local.code, home.code), home)]

    rows = [["Base salary (twelve months)", *both(base)]]
    rows += [[line.label, *both(line.amount)] for line in cost.lines]
    rows.append(
        [
            f"**Employer cost a year, statutory minimum** ({formatting.percent(round(cost.overhead_pct))} beyond pay)",
            *(f"**{text}**" for text in both(cost.total)),
        ]
    )
    header = ["At the published pay", f"{local.code}", f"{home.code}"]
    pay = costs.pay
    assert pay is not None
    words = f"The salary is {pay_words(figures, key)} ({cite(figures, pay.citation, sources_href)})."
    if pay.note:
        words += " " + " ".join(pay.note.split())
    return words + "\n\n" + table(header, rows, align="lrr")


def country_sections(figures: Figures, sources_href: str) -> str:
    """A section for every country but the United States (whose lines the loaded-cost page
    explains): its lines, its relief, a worked example, what it leaves out."""
    home = home_currency(figures)
    blocks = []
    for key, costs in figures.employer_costs.items():
        if key == US:
            continue
        local = figures.currencies[costs.currency]
        parts = [
            f"### {costs.label} {{ #{key} }}",
            f"Amounts in {costs.currency} ({local.symbol}), written as the country writes them; "
            f"{rate_text(figures, home.code, costs.currency)} at the rates below.",
            lines_table(figures, key, sources_href),
        ]
        relief = costs.relief
        if relief is not None:
            start = "claimed" if relief.default.claimed else "not claimed"
            if figures.is_assumption(relief.default.source):
                start += " (our assumption)"
            parts.append(
                f"**{relief.label}.** {' '.join(relief.who.split())} The calculators start with it {start}: "
                f"{' '.join((relief.default.reason or '').split())} Set *The employer claims the country's relief* "
                "to change it."
            )
        if costs.pay is not None:
            parts.append(example_table(figures, key, sources_href))
        left = [f"- {' '.join(item.text.split())}" for item in costs.left_out]
        if left:
            parts.append("**Left out:**\n\n" + "\n".join(left))
        blocks.append("\n\n".join(parts))
    return "\n\n".join(blocks)


def country_sections_cites(figures: Figures) -> list[Citation]:
    records = [record for key in figures.employer_costs if key != US for record in country_records(figures, key)]
    return [*_cited(records), figures.exchange.citation]


def summary_table(figures: Figures, sources_href: str) -> str:
    """Every country with a published pay figure: that pay, the statutory lines on it, the cost,
    in the country's currency and in the guide's."""
    home = home_currency(figures)
    rows = []
    for key, costs in figures.employer_costs.items():
        if costs.pay is None:
            continue
        local = figures.currencies[costs.currency]
        base, cost = example(figures, key)
        rows.append(
            [
                f"[{costs.label}](#{key})",
                money(base, local, cents=False),
                money(statutory(cost), local, cents=False),
                money(cost.total, local, cents=False),
                money(convert(figures, cost.total, local.code, home.code), home, cents=False),
                formatting.percent(round(cost.overhead_pct)),
            ]
        )
    header = [
        "Country",
        "Published pay, a year",
        "Statutory lines, a year",
        "Employer cost, a year",
        f"The same in {home.code}",
        "Beyond pay",
    ]
    records = [costs.pay for costs in figures.employer_costs.values() if costs.pay is not None]
    body = table(header, rows, align="lrrrrr")
    return body + "\n\n" + caption(figures, [*_cited(list(records)), figures.exchange.citation], sources_href)


def summary_cites(figures: Figures) -> list[Citation]:
    return country_sections_cites(figures)


def exchange_table(figures: Figures, sources_href: str) -> str:
    """The rates of the day the build used: the ECB's rate against the euro for each currency,
    and the rate to the guide's currency derived through it."""
    rates = figures.exchange_rates
    home = home_currency(figures)
    used = [figures.employer_costs[key].currency for key in figures.employer_costs]
    rows = [
        [
            code,
            "1" if code == rates.through else number(rates.per_unit[code], places=5),
            number(rate(figures, home.code, code), places=4),
        ]
        for code in dict.fromkeys([home.code, *used])
    ]
    header = [
        "Currency",
        f"Per 1 {rates.through} (the ECB's rate)",
        f"Per 1 {home.code} (derived through {rates.through})",
    ]
    note = (
        f'<p class="figure-source" markdown>Rates of {figures.exchange.period}, the latest day '
        f"{rates.package} carries a rate for every currency here. {' '.join(figures.exchange.note.split())}</p>"
    )
    return (
        table(header, rows, align="lrr")
        + "\n\n"
        + caption(figures, [figures.exchange.citation], sources_href)
        + ("\n\n" + note)
    )


def exchange_cites(figures: Figures) -> list[Citation]:
    return [figures.exchange.citation]


__all__ = [
    "country_sections",
    "country_sections_cites",
    "example",
    "exchange_cites",
    "exchange_table",
    "summary_cites",
    "summary_table",
]
