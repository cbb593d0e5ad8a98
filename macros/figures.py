"""Named figures for prose: every number a page shows, formatted, with where it came from.

A page writes ``{{ fig("salary.senior") }}`` and gets ``$140,000–$200,000 a year``; the
key names a record in ``data/``. Unknown keys fail the build with the closest matches.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass

from calculators import formatting
from macros.data import GuideData, MoneyBand, Sourced


@dataclass(frozen=True)
class Figure:
    """A figure ready for a page: its text and the record it came from."""

    key: str
    text: str
    source: str
    as_of: datetime.date
    per: str = ""
    """The period in words (``a year``), kept apart so a table can put it in its header."""

    def inline(self, *, with_period: bool = True) -> str:
        return f"{self.text} {self.per}" if with_period and self.per else self.text


class UnknownFigure(KeyError):
    def __init__(self, key: str, known: list[str]) -> None:
        close = difflib.get_close_matches(key, known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; known figures: {', '.join(known)}"
        super().__init__(f"no figure named {key!r}{hint}")


def _band(key: str, band: MoneyBand) -> Figure:
    return Figure(key, formatting.money_range(band.min, band.max), band.source, band.as_of, formatting.per(band.period))


def _single(key: str, text: str, record: Sourced) -> Figure:
    return Figure(key, text, record.source, record.as_of)


def _years(low: int, high: int | None) -> str:
    return f"{low}+ years" if high is None else f"{formatting.span(str(low), str(high))} years"


def catalogue(data: GuideData) -> dict[str, Figure]:
    """Every figure a page may show, by key."""
    pay, equity, bad = data.pay, data.equity, data.bad_hire.cost
    figures: dict[str, Figure] = {}
    for table in ("salary", "freelance"):
        for level, band in getattr(pay, table).items():
            figures[f"{table}.{level}"] = _band(f"{table}.{level}", band)
            figures[f"{table}.{level}.low"] = Figure(
                f"{table}.{level}.low", formatting.money(band.min), band.source, band.as_of, formatting.per(band.period)
            )
            figures[f"{table}.{level}.high"] = Figure(
                f"{table}.{level}.high",
                formatting.money(band.max),
                band.source,
                band.as_of,
                formatting.per(band.period),
            )
    for region, band in pay.agency.items():
        figures[f"agency.{region}"] = _band(f"agency.{region}", band)
    figures["overhead"] = _single(
        "overhead", formatting.percent_range(pay.overhead.min, pay.overhead.max), pay.overhead
    )
    figures["equity.early_engineer"] = _single(
        "equity.early_engineer",
        formatting.percent_range(equity.early_engineer.min, equity.early_engineer.max),
        equity.early_engineer,
    )
    vest = equity.vesting
    figures["vesting.years"] = _single("vesting.years", f"{vest.years} years", vest)
    figures["vesting.cliff"] = _single("vesting.cliff", _cliff(vest.cliff_months), vest)
    figures["bad_hire.multiple"] = _single("bad_hire.multiple", formatting.multiple_range(bad.min, bad.max), bad)
    figures["bad_hire.months"] = _single("bad_hire.months", f"{bad.months_before_exit} months", bad)
    _process(data, figures)
    over = pay.overhead
    for level, band in pay.salary.items():
        low, high = band.min * (1 + over.min / 100), band.max * (1 + over.max / 100)
        figures[f"loaded.{level}"] = Figure(
            f"loaded.{level}", formatting.money_range(low, high), band.source, band.as_of, formatting.per(band.period)
        )
        figures[f"bad_hire.cost.{level}"] = _single(
            f"bad_hire.cost.{level}", formatting.money_range(band.min * bad.min, band.max * bad.max), bad
        )
    figures.update(_calculator_figures(data))
    for level, spec in data.levels.items():
        figures[f"experience.{level}"] = Figure(
            f"experience.{level}", _years(spec.min_years, spec.max_years), "", datetime.date.min
        )
    return figures


def _count(value: int, unit: str) -> str:
    return f"{formatting.number(value)} {unit if value == 1 else unit + 's'}"


def _counts(low: int, high: int, unit: str) -> str:
    return f"{formatting.span(formatting.number(low), formatting.number(high))} {unit}s"


def _process(data: GuideData, figures: dict[str, Figure]) -> None:
    """Durations and counts of the hiring process: ``process.paired_session`` -> ``60 minutes``."""
    proc = data.process
    entries: list[tuple[str, str, Sourced]] = [
        ("first_plan", _count(proc.first_plan.days, "day"), proc.first_plan),
        ("paired_session", _count(proc.paired_session.minutes, "minute"), proc.paired_session),
        ("take_home", _counts(proc.take_home.min_hours, proc.take_home.max_hours, "hour"), proc.take_home),
        (
            "planted_issues",
            formatting.span(formatting.number(proc.planted_issues.min), formatting.number(proc.planted_issues.max)),
            proc.planted_issues,
        ),
        ("slow_query.seconds", _count(proc.slow_query.seconds, "second"), proc.slow_query),
        ("slow_query.rows", _count(proc.slow_query.rows, "row"), proc.slow_query),
        ("time_to_hire", _counts(proc.time_to_hire.min_weeks, proc.time_to_hire.max_weeks, "week"), proc.time_to_hire),
        ("paid_trial", _counts(proc.paid_trial.min_weeks, proc.paid_trial.max_weeks, "week"), proc.paid_trial),
        ("full_time_year", _count(proc.full_time_year.hours, "hour"), proc.full_time_year),
    ]
    for name, text, record in entries:
        figures[f"process.{name}"] = _single(f"process.{name}", text, record)


def _driver_text(unit: str, value: float) -> str:
    if unit == "multiple":
        return formatting.multiple(value)
    if unit == "percent":
        return formatting.percent(value)
    if unit == "hours":
        return f"{formatting.number(value)} hours a week"
    if unit == "usd-per-hour":
        return f"{formatting.money(value)} an hour"
    return _months(value)


def _months(value: float) -> str:
    return f"{formatting.number(value)} month" if value == 1 else f"{formatting.number(value)} months"


def _calculator_figures(data: GuideData) -> dict[str, Figure]:
    """The calculators' starting values, for the pages that explain them."""
    figures: dict[str, Figure] = {}
    for name, driver in data.bad_hire.drivers:
        key = f"bad_hire.{name}"
        figures[key] = _single(key, _driver_text(driver.unit, driver.value), driver)
    equity = data.equity.defaults
    figures["equity.valuation"] = _single("equity.valuation", formatting.money(equity.valuation), equity)
    figures["equity.months_employed"] = _single("equity.months_employed", _months(equity.months_employed), equity)
    figures["equity.dilution"] = _single("equity.dilution", formatting.percent(equity.dilution_pct), equity)
    engagement = data.engagement.defaults
    figures["engagement.months"] = _single("engagement.months", _months(engagement.months), engagement)
    card = data.scorecard
    for key, area in card.areas.items():
        figures[f"scorecard.weight.{key}"] = _single(
            f"scorecard.weight.{key}", f"{formatting.number(area.weight)} points", area
        )
    total = sum(area.weight for area in card.areas.values())
    first = next(iter(card.areas.values()))
    figures["scorecard.weight_total"] = _single("scorecard.weight_total", f"{formatting.number(total)} points", first)
    for band in card.recommendation.bands:
        figures[f"scorecard.band.{band.key}"] = _single(
            f"scorecard.band.{band.key}", formatting.number(band.min_score), card.recommendation
        )
    figures["scorecard.min_scored_areas"] = _single(
        "scorecard.min_scored_areas", str(card.recommendation.min_scored_areas), card.recommendation
    )
    return figures


def _cliff(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return f"{years} year" if years == 1 else f"{years} years"
    return f"{months} months"


def lookup(figures: dict[str, Figure], key: str) -> Figure:
    try:
        return figures[key]
    except KeyError:
        raise UnknownFigure(key, sorted(figures)) from None
