"""Named figures for prose: every number a page shows, formatted, with where it came from.

A page writes ``{{ fig("salary.senior") }}`` and gets ``$140,000–$200,000 a year``; the key
names a record in ``data/``. Unknown keys fail the build with the closest matches. Figures
that combine records (a loaded cost) are computed by the calculators' own functions.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from calculators import formatting
from calculators.employer_cost import cited_records, default_choices, employer_cost
from calculators.figures import Citation, Figures, MoneyBand, Quantity, RateTable, Sourced
from calculators.loaded_cost import setting_text


@dataclass(frozen=True)
class Figure:
    """A figure ready for a page: its text and the record it came from."""

    key: str
    text: str
    citation: Citation | None
    """Where it comes from (``None`` for a figure that is a definition, such as a level's years)."""
    per: str = ""
    """The period in words (``a year``), kept apart so a table can put it in its header."""
    also: tuple[Citation, ...] = ()
    """The other records a combined figure rests on (an employee's itemised cost: its taxes and plans)."""

    @property
    def citations(self) -> list[Citation]:
        return [*([self.citation] if self.citation else []), *self.also]

    def inline(self, *, with_period: bool = True) -> str:
        return f"{self.text} {self.per}" if with_period and self.per else self.text


class UnknownFigure(KeyError):
    def __init__(self, key: str, known: list[str]) -> None:
        close = difflib.get_close_matches(key, known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; known figures: {', '.join(known)}"
        super().__init__(f"no figure named {key!r}{hint}")


def _single(key: str, text: str, record: Sourced, per: str = "") -> Figure:
    return Figure(key, text, record.citation, per)


def quantity_text(quantity: Quantity) -> str:
    """``90 days``, ``2–4 hours``, ``1,000,000 rows``."""
    if quantity.value is not None:
        return formatting.plural(quantity.value, quantity.unit, quantity.units)
    low, high = formatting.number(quantity.min or 0), formatting.number(quantity.max or 0)
    return f"{formatting.span(low, high)} {quantity.plural}"


def _bands(figures: Figures, table: str, bands: dict[str, MoneyBand]) -> dict[str, Figure]:
    found: dict[str, Figure] = {}
    for key, band in bands.items():
        currency = figures.currencies[band.currency]
        per = formatting.per(band.per)
        name = f"{table}.{key}"
        found[name] = _single(name, formatting.money_range(band.min, band.max, currency), band, per)
        found[f"{name}.low"] = _single(f"{name}.low", formatting.money(band.min, currency), band, per)
        found[f"{name}.high"] = _single(f"{name}.high", formatting.money(band.max, currency), band, per)
    return found


def _rates(figures: Figures, location: str, rates: RateTable) -> dict[str, Figure]:
    currency = figures.currencies[rates.currency]
    per = formatting.per(rates.per)
    return {
        f"freelance.{location}.{level}": _single(
            f"freelance.{location}.{level}", formatting.money_range(band.min, band.max, currency), rates, per
        )
        for level, band in rates.bands.items()
    }


def catalogue(figures: Figures) -> dict[str, Figure]:
    """Every figure a page may show, by key."""
    pay, equity, bad = figures.pay, figures.equity, figures.bad_hire.cost
    found: dict[str, Figure] = {}
    for table in ("salary", "agency"):
        found |= _bands(figures, table, getattr(pay, table))
    for location, rates in pay.freelance.items():
        found |= _rates(figures, location, rates)
    for point in pay.market.percentiles:
        found[f"market.p{point.at}"] = _single(
            f"market.p{point.at}", formatting.money(point.value, figures.currencies[pay.market.currency]), point
        )
    over = pay.overhead
    found["overhead"] = _single("overhead", formatting.percent_range(over.min, over.max), over)
    early = equity.early_engineer
    found["equity.early_engineer"] = _single(
        "equity.early_engineer", formatting.percent_range(early.min, early.max), early
    )
    vest = equity.vesting
    found["vesting.years"] = _single("vesting.years", formatting.plural(vest.years, "year"), vest)
    found["vesting.cliff"] = _single("vesting.cliff", _cliff(vest.cliff_months), vest)
    found["bad_hire.multiple"] = _single("bad_hire.multiple", formatting.multiple_range(bad.min, bad.max), bad)
    found["bad_hire.months"] = _single("bad_hire.months", formatting.plural(bad.months_before_exit, "month"), bad)
    for key, quantity in figures.process.items():
        found[f"process.{key}"] = _single(f"process.{key}", quantity_text(quantity), quantity)
    currency = figures.pay_currency
    choices = default_choices(figures)
    for level, band in pay.salary.items():
        low = employer_cost(figures, band.min, choices).total
        high = employer_cost(figures, band.max, choices).total
        found[f"loaded.{level}"] = Figure(
            f"loaded.{level}",
            formatting.money_range(low, high, currency),
            band.citation,
            formatting.per(band.per),
            also=tuple(record.citation for record in cited_records(figures, states=choices.state)),
        )
    found |= _calculator_figures(figures)
    found |= _rules(figures)
    for level, spec in figures.levels.items():
        years = (
            f"{spec.min_years}+"
            if spec.max_years is None
            else formatting.span(str(spec.min_years), str(spec.max_years))
        )
        found[f"experience.{level}"] = Figure(f"experience.{level}", f"{years} years", None)
    return found


def _calculator_figures(figures: Figures) -> dict[str, Figure]:
    """The calculators' starting values, for the pages that explain them."""
    found: dict[str, Figure] = {}
    for name, driver in figures.bad_hire.drivers.items():
        found[f"bad_hire.{name}"] = _single(f"bad_hire.{name}", setting_text(driver, figures), driver)
    for country, costs in figures.employer_costs.items():
        for name, setting in costs.settings.items():
            found[f"employer.{country}.{name}"] = _single(
                f"employer.{country}.{name}", setting_text(setting, figures), setting
            )
    fee = figures.recruiting.fee
    found["recruiting.fee"] = _single("recruiting.fee", setting_text(fee, figures), fee)
    spread = figures.recruiting.range
    found["recruiting.range"] = _single("recruiting.range", formatting.percent_range(spread.min, spread.max), spread)
    equity = figures.equity.defaults
    found["equity.valuation"] = _single(
        "equity.valuation", formatting.money(equity.valuation, figures.currencies[equity.currency]), equity
    )
    found["equity.months_employed"] = _single(
        "equity.months_employed", formatting.plural(equity.months_employed, "month"), equity
    )
    found["equity.dilution"] = _single("equity.dilution", formatting.percent(equity.dilution_pct), equity)
    engagement = figures.engagement.defaults
    found["engagement.months"] = _single("engagement.months", formatting.plural(engagement.months, "month"), engagement)
    card = figures.scorecard
    weights = card.weights
    for key, points in weights.points.items():
        found[f"scorecard.weight.{key}"] = _single(
            f"scorecard.weight.{key}", f"{formatting.number(points)} points", weights
        )
    total = sum(weights.points.values())
    found["scorecard.weight_total"] = _single("scorecard.weight_total", f"{formatting.number(total)} points", weights)
    for band in card.recommendation.bands:
        found[f"scorecard.band.{band.key}"] = _single(
            f"scorecard.band.{band.key}", formatting.number(band.min_score), card.recommendation
        )
    found["scorecard.min_scored_areas"] = _single(
        "scorecard.min_scored_areas", str(card.recommendation.min_scored_areas), card.recommendation
    )
    return found


def _rules(figures: Figures) -> dict[str, Figure]:
    """The law's deadlines and thresholds (``rules.i9_section2``, ``rules.i9_section2.time``,
    ``rules.threshold.form_1099_nec``) and the employer-of-record price (``eor.price``)."""
    found: dict[str, Figure] = {}
    for key, deadline in figures.rules.deadlines.items():
        found[f"rules.{key}"] = _single(f"rules.{key}", deadline.text, deadline)
        if deadline.time:
            found[f"rules.{key}.time"] = _single(f"rules.{key}.time", deadline.time, deadline)
    for key, threshold in figures.rules.thresholds.items():
        amount = formatting.money(threshold.amount, figures.currencies[threshold.currency])
        found[f"rules.threshold.{key}"] = _single(f"rules.threshold.{key}", amount, threshold)
    price = figures.engagement.employer_of_record
    amount = formatting.money(price.amount, figures.currencies[price.currency])
    found["eor.price"] = _single("eor.price", amount, price, formatting.per(price.per))
    return found


def _cliff(months: int) -> str:
    if months % 12 == 0:
        return formatting.plural(months // 12, "year")
    return formatting.plural(months, "month")


def lookup(figures: dict[str, Figure], key: str) -> Figure:
    try:
        return figures[key]
    except KeyError:
        raise UnknownFigure(key, sorted(figures)) from None
