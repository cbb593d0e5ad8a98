"""How each currency is written, from CLDR (through Babel), for the figures the build writes.

The calculators run in Pyodide with the standard library only, so the build looks up each
currency the data uses once, here, and writes its symbol, where the symbol goes and how its
digits group into the figures (:class:`calculators.formatting.Currency`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_symbol

from calculators.formatting import Currency

GUIDE_LOCALE = "en_US"
"""The guide is written in US English; amounts are written as its readers expect."""


class UnknownCurrency(ValueError):
    """A currency code CLDR does not know."""


def currency(code: str, locale: str = GUIDE_LOCALE) -> Currency:
    """How ``code`` is written in ``locale``: ``currency("EUR")`` -> prefix ``€``, groups of 3."""
    try:
        where = Locale.parse(locale)
    except (ValueError, UnknownLocaleError) as error:
        raise UnknownCurrency(f"unknown locale {locale!r}: {error}") from None
    if code not in where.currencies:
        raise UnknownCurrency(f"{code!r} is not a currency code CLDR knows (ISO 4217, such as USD or EUR)")
    symbol = get_currency_symbol(code, locale=where)
    pattern = where.currency_formats["standard"]
    symbols = where.number_symbols["latn"]
    return Currency(
        code=code,
        symbol=symbol,
        prefix=pattern.prefix[0].replace("¤", symbol),
        suffix=pattern.suffix[0].replace("¤", symbol),
        group=symbols["group"],
        decimal=symbols["decimal"],
        grouping=tuple(pattern.grouping),
    )


def currencies_for(codes: Iterable[str], locale: str = GUIDE_LOCALE) -> dict[str, Currency]:
    """Each of ``codes`` as :func:`currency` writes it, by code."""
    return {code: currency(code, locale) for code in codes}


def local_currencies(locales: Mapping[str, str], locale: str = GUIDE_LOCALE) -> dict[str, Currency]:
    """Each currency as its own country writes it (``locales``: code -> that country's locale),
    except where two currencies would share a symbol on one page: CLDR writes the Canadian
    dollar ``$`` in Canada, the guide's own locale ``CA$``, so a symbol another currency of
    the guide already uses is replaced by the guide locale's, in the same pattern."""
    written = {code: currency(code, where) for code, where in locales.items()}
    home = {code: currency(code, locale) for code in written}
    owners: dict[str, list[str]] = {}
    for code, shown in written.items():
        owners.setdefault(shown.symbol, []).append(code)
    for symbol, codes in owners.items():
        if len(codes) < 2:
            continue
        for code in codes:
            own = home[code].symbol
            if own == symbol:
                continue  # the currency that is written so in the guide's own language keeps it
            shown = written[code]
            written[code] = replace(
                shown,
                symbol=own,
                prefix=shown.prefix.replace(symbol, own),
                suffix=shown.suffix.replace(symbol, own),
            )
    return written
