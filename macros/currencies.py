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
    except for a symbol that, in the guide's own language, is another currency's: Canada writes
    its dollar ``$``, which an American reads as US dollars, so it is written ``CA$`` (the guide
    locale's symbol for it), in the same pattern."""
    guide = Locale.parse(locale)
    others = {symbol: code for code, symbol in guide.currency_symbols.items()}
    written = {code: currency(code, where) for code, where in locales.items()}
    for code, shown in list(written.items()):
        owner = others.get(shown.symbol)
        if owner is None or owner == code:
            continue
        own = currency(code, locale).symbol
        written[code] = replace(
            shown,
            symbol=own,
            prefix=shown.prefix.replace(shown.symbol, own),
            suffix=shown.suffix.replace(shown.symbol, own),
        )
    return written
