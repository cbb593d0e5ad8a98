"""The one grammar for what a reader types, shared by the CLI, the build and the browser.

Numbers are read in US format: ``150000``, ``150,000``, ``150,000.50``, ``-2``, ``.5``,
with the field's currency symbol optional on money fields (``$150,000``, ``€150,000``) and
an optional trailing ``%`` on percent fields. A money field in a currency its country writes
otherwise is read as that country writes it (CLDR): ``150.000,50 €`` in euros as Germany writes
them, ``1 500 zł``, ``R$ 7.210,04``, and lakhs (``₹12,00,000``) in rupees. Anything else is
refused with a message that names the field and what it accepts: exponents (``1e5``), hex,
``NaN``/``Infinity``, non-ASCII digits, another convention's separators (``1.500,00`` or
``1 500`` in a US-dollar field) and the ambiguous ``150.000`` (thousands or a decimal?), or
``150,000`` where the comma is the decimal sign. Nothing is ever clamped into range: out of
range is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from calculators.formatting import Currency
from calculators.spec import Calculator, Input, Inputs, Value

MAX_RAW_LENGTH = 64
"""Longer than any number or choice a person types; longer input is refused, not read."""

_NUMBER = re.compile(
    r"""
    (?P<sign>[-+])?
    (?P<symbol>[^\d\s.,%+-]{1,4}\s?)?
    (?P<whole>\d{1,3}(?:,\d{3})+|\d+)?
    (?:\.(?P<fraction>\d+))?
    (?P<after>\s?[^\d\s.,%+-]{1,4})?
    (?P<percent>%)?
    """,
    re.ASCII | re.VERBOSE,
)
_SPACES = frozenset(" \u00a0\u202f")
"""What a reader may type for a group separator that is a space (CLDR writes a no-break one)."""
_YES = {"yes", "y", "true", "on", "1"}
_NO = {"no", "n", "false", "off", "0"}


class InputErrors(Exception):
    """One message per field that could not be read; keys are field names."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class FieldError(ValueError):
    """A single field's problem, without the field's label (added by the caller)."""


def _clean(raw: str) -> str:
    text = raw.strip()
    if len(text) > MAX_RAW_LENGTH:
        raise FieldError(f"is too long ({len(text)} characters)")
    if any(not char.isprintable() and char not in _SPACES for char in text):
        raise FieldError("contains control characters")
    return text


def _check_symbol(spec: Input, symbol: str) -> None:
    """A currency symbol around the number must be the field's own."""
    if not symbol:
        return
    currency = spec.currency
    if currency is not None and symbol in {
        currency.symbol,
        currency.code,
        currency.prefix.strip(),
        currency.suffix.strip(),
    }:
        return
    if symbol.isalpha() and symbol.isascii() and not symbol.isupper():
        raise FieldError(f"is not a number; write it like {_example(spec)}")
    if currency is None:
        raise FieldError(f"is not a money amount, so it takes no {symbol} sign")
    raise FieldError(f"is in {currency.code}; write it without {symbol}, or with {currency.symbol}")


_LAKHS = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_SIGN_NAMES = {".": "point", ",": "comma"}


def _local(currency: Currency | None) -> bool:
    """Whether amounts of ``currency`` are written otherwise than the guide's US format."""
    return currency is not None and (currency.group, currency.decimal, currency.grouping) != (",", ".", (3, 3))


def _as_us_format(text: str, currency: Currency) -> str:
    """The digits of ``text`` rewritten from the currency's own separators into the guide's
    (``150.000,50`` -> ``150,000.50``; ``12,00,000`` -> ``1200000``), symbols left in place."""
    digits = [index for index, char in enumerate(text) if char.isdigit()]
    if not digits:
        return text
    first, last = digits[0], digits[-1] + 1
    core = text[first:last]
    if currency.grouping[1:] == (2,) and _LAKHS.fullmatch(core):
        core = core.replace(",", "")
    elif (currency.group, currency.decimal) != (",", "."):
        groups = _SPACES if currency.group in _SPACES else {currency.group}
        swapped = {currency.decimal: ".", **dict.fromkeys(groups, ","), **({".": "\0"} if "." not in groups else {})}
        core = "".join(swapped.get(char, char) for char in core)
    return text[:first] + core + text[last:]


def _example(spec: Input) -> str:
    if not spec.money:
        return "12 or 12.5"
    if not _local(spec.currency):
        return "150000, 150,000 or 150,000.50"
    currency = spec.currency
    assert currency is not None
    shown = currency.digits(150_000)
    return f"150000, {shown} or {shown}{currency.decimal}50"


def parse_number(spec: Input, raw: str) -> float | int:
    """Read ``raw`` as the number ``spec`` accepts, or raise :class:`FieldError`."""
    text = _clean(raw)
    currency = spec.currency
    local = spec.money and _local(currency)
    if local:
        assert currency is not None
        text = _as_us_format(text, currency)
    match = _NUMBER.fullmatch(text)
    if not match or (match["whole"] is None and match["fraction"] is None):
        raise FieldError(f"is not a number; write it like {_example(spec)}")
    _check_symbol(spec, (match["symbol"] or "").strip() + (match["after"] or "").strip())
    if match["percent"] and spec.unit != "%":
        raise FieldError("is not a percentage, so it takes no % sign")
    whole, fraction = match["whole"] or "0", match["fraction"]
    if fraction is not None and len(fraction) == 3 and "," not in whole and whole[0] != "0" and len(whole) <= 3:
        point = currency.decimal if local and currency is not None else "."
        raise FieldError(
            f"is ambiguous: write {whole}{fraction} (with no {_SIGN_NAMES.get(point, point)}) for thousands, "
            f"or {whole}{point}{fraction[:2]} for a decimal"
        )
    try:
        value = Decimal((match["sign"] or "") + whole.replace(",", "") + (f".{fraction}" if fraction else ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise FieldError("is not a number") from None
    if spec.kind == "integer":
        if value != value.to_integral_value():
            raise FieldError(f"must be a whole number; enter {spec.allowed()}")
        number: float | int = int(value)
    else:
        number = float(value)
    if (spec.minimum is not None and value < Decimal(str(spec.minimum))) or (
        spec.maximum is not None and value > Decimal(str(spec.maximum))
    ):
        raise FieldError(f"is out of range; enter {spec.allowed()}")
    return number + 0  # turns -0.0 into 0.0


def parse_value(spec: Input, raw: str) -> Value:
    """Read one field's raw text by its kind. Raises :class:`FieldError`."""
    if spec.kind in {"number", "integer"}:
        return parse_number(spec, raw)
    if spec.kind == "text":
        text = raw.strip()
        if len(text) > spec.max_length:
            raise FieldError(f"is too long; enter {spec.allowed()}")
        if any(not char.isprintable() for char in text):
            raise FieldError("contains control characters")
        return text
    text = _clean(raw).lower()
    if spec.kind == "yes-no":
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise FieldError("must be yes or no")
    for choice in spec.choices:
        if text == choice.value.lower():
            return choice.value
    raise FieldError(f"is not a known option; choose {spec.allowed()}")


def unparse(spec: Input, value: Value) -> str:
    """Write a parsed value back as text that :func:`parse_value` reads to the same value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if spec.kind == "integer":
        return _amount_text(int(value), spec.currency) if spec.money else str(int(value))
    if spec.money:
        return _amount_text(value, spec.currency)
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    if "." in text and len(text.split(".")[1]) == 3 and not text.startswith(("0", "-0")):
        text += "0"  # 12.125 would read as ambiguous; 12.1250 is the same number
    return text


def _amount_text(value: float, currency: Currency | None) -> str:
    """An amount as a reader types it in the currency's own format, with cents only when needed
    (``150,000``, ``150.000,50``, ``12,00,000``)."""
    text = f"{value:,.2f}".removesuffix(".00")
    if not _local(currency):
        return text
    assert currency is not None
    whole, _, cents = text.lstrip("-").partition(".")
    written = currency.digits(int(whole.replace(",", "")))
    return ("-" if text.startswith("-") else "") + written + (f"{currency.decimal}{cents}" if cents else "")


def _counted(spec: Input, values: dict[str, Value], raw: str, ignored: list[str]) -> Input | None:
    """The field as it counts for the values so far (in its currency), or ``None`` when it is
    not read: it does not apply (its value is then ``None``, and a value given is noted as
    ignored), or a field it depends on is wrong (that error is reported)."""
    if spec.applies_if is not None and spec.applies_if[0] not in values:
        return None
    if not spec.applies(values):
        values[spec.name] = None
        if raw.strip():
            ignored.append(spec.name)
        return None
    if spec.currency_from is None:
        return spec
    if any(dep not in values for dep in spec.depends_on):
        return None
    return spec.resolved(Inputs(values))


def parse_inputs(calculator: Calculator, fields: Iterable[tuple[str, str]]) -> Inputs:
    """Parse a reader's raw fields, fill in defaults, and check them together.

    ``fields`` is a sequence of (name, raw text) pairs, as they come from a form, a URL
    query or the command line. Unknown and repeated names are errors. Raises
    :class:`InputErrors` with one message for each field that is wrong.
    """
    known = {spec.name: spec for spec in calculator.inputs}
    given: dict[str, str] = {}
    errors: dict[str, str] = {}
    for name, raw in fields:
        if name not in known:
            shown = (
                name
                if len(name) <= 40 and name.isprintable()
                else name[:37].encode("ascii", "replace").decode() + "..."
            )
            errors[shown] = f"“{shown}” is not a field of {calculator.title}; its fields are " + ", ".join(known)
        elif name in given:
            errors[name] = f"{known[name].label} is given more than once"
        else:
            given[name] = raw
    values: dict[str, Value] = {}
    ignored: list[str] = []
    for spec in calculator.inputs:
        raw = given.get(spec.name, "")
        counted = None if spec.name in errors else _counted(spec, values, raw, ignored)
        if counted is None:
            continue
        spec = counted  # noqa: PLW2901 - the same field, in its currency for these inputs
        try:
            if raw.strip():
                values[spec.name] = parse_value(spec, raw)
            elif spec.default_from is not None:
                if any(dep not in values for dep in spec.depends_on):
                    continue  # the field it follows is wrong; that error is reported
                value = spec.default_from(Inputs(values))
                values[spec.name] = float(value) if spec.kind == "number" and isinstance(value, int) else value
            elif spec.default is not None:
                values[spec.name] = (
                    float(spec.default) if spec.kind == "number" and isinstance(spec.default, int) else spec.default
                )
            elif spec.required:
                raise FieldError(f"is required; enter {spec.allowed()}")
            else:
                values[spec.name] = None
        except FieldError as problem:
            errors[spec.name] = f"{spec.label} {problem}"
    if not errors:
        for name, message in calculator.check(Inputs(values)).items():
            errors[name] = message
    if errors:
        raise InputErrors(errors)
    return Inputs(values, tuple(ignored))
