"""How the figures' records are described: plain dataclasses with checks attached to their fields.

The records in :mod:`calculators.figures` are standard-library dataclasses, so the
calculators stay importable in Pyodide with nothing but the standard library. Their fields
are typed with the aliases below (``Money``, ``Text``, ``Key``...), each an ``Annotated``
type carrying a :class:`Check`. Two readers use that one description:

- the build (``macros/data.py``) validates ``data/*.yaml`` against the dataclasses with
  pydantic, which reads each :class:`Check` through its ``__get_pydantic_core_schema__``
  hook (pydantic is imported inside that method, so only the build ever needs it), and
  runs each record's ``__post_init__`` checks, reporting file, key and problem;
- :func:`from_json` rebuilds the same dataclasses from the JSON the build wrote, in
  CPython and in Pyodide, trusting it (the build checked it).

A record's ``__post_init__`` raises :class:`ValueError` for a problem that involves
several of its fields (a minimum above its maximum); the build reports it at the record.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

T = TypeVar("T")

EXTRA_FORBIDDEN = {"extra": "forbid"}
"""Every record's pydantic configuration: an unknown key is an error (a misspelt figure)."""


@dataclass(frozen=True)
class Check:
    """What a field accepts beyond its type: bounds, lengths, a pattern, a calendar date.

    Every checked field is strict: ``"12"`` is not a number and ``1`` is not text. Numbers
    must be finite.
    """

    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    date: bool = False
    """Text that must be a real calendar date written YYYY-MM-DD."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        """pydantic's hook: the field's own schema, made strict, with these limits added."""
        schema = dict(handler(source))
        schema["strict"] = True
        for name in ("ge", "gt", "le", "lt", "min_length", "max_length", "pattern"):
            value = getattr(self, name)
            if value is not None:
                schema[name] = value
        if schema.get("type") == "float":
            schema["allow_inf_nan"] = False
        if not self.date:
            return schema
        from pydantic_core import core_schema  # noqa: PLC0415 - the build has pydantic; Pyodide never calls this

        return core_schema.no_info_after_validator_function(calendar_date, schema)


def calendar_date(text: str) -> str:
    """``text`` if it is a real date written YYYY-MM-DD; otherwise :class:`ValueError`."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not (text[:4] + text[5:7] + text[8:]).isdigit():
        raise ValueError(f"must be a date written YYYY-MM-DD, got {text!r}"[:120])
    try:
        datetime.date.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real date ({error})") from None
    return text


MAX_MONEY = 100_000_000
"""Larger than any amount this guide could hold; a bigger one is a typo."""

Text = Annotated[str, Check(min_length=1, max_length=2000)]
ShortText = Annotated[str, Check(min_length=1, max_length=80)]
Key = Annotated[str, Check(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]
"""A name used as a key or a reference between files: lower case, digits, ``-`` and ``_``."""
CurrencyCode = Annotated[str, Check(pattern=r"^[A-Z]{3}$")]
"""An ISO 4217 currency code: ``USD``."""
IsoDate = Annotated[str, Check(date=True)]
Money = Annotated[float, Check(ge=0, le=MAX_MONEY)]
Percent = Annotated[float, Check(ge=0, le=100)]
Amount = Annotated[float, Check(ge=0, le=MAX_MONEY)]
"""A non-negative quantity that is not money (hours, months, a multiple)."""
Flag = Annotated[bool, Check()]
Keyed = Annotated[dict[Key, T], Check(min_length=1)]
"""A table of records by their keys, with at least one: ``Keyed[Setting]``."""
NonEmpty = Annotated[list[T], Check(min_length=1)]
"""A list with at least one item: ``NonEmpty[Text]``."""


class AtKey(ValueError):
    """A record's check that fails at one of its keys: the build reports it at ``record.key``."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def ordered(low: float, high: float, what: str = "min") -> None:
    """A record's check: ``low`` may not exceed ``high``."""
    if low > high:
        other = "max" if what == "min" else what.replace("min", "max")
        raise ValueError(f"{what} ({low:g}) is larger than {other} ({high:g})")


def value_or_band(value: float | None, low: float | None, high: float | None) -> None:
    """A record's check: one figure (``value``) or a band (both ``min`` and ``max``, in order)."""
    band = (low is not None, high is not None)
    if (value is not None) == any(band) or any(band) != all(band):
        raise ValueError("give either value, or both min and max")
    if low is not None and high is not None:
        ordered(low, high)


# --- From the build's JSON back to the dataclasses --------------------------------------------


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_json(kind: Any, raw: Any) -> Any:
    """Rebuild a value of type ``kind`` (a dataclass, or a container of them) from JSON data.

    The build validated the data, so this only follows the types: dataclasses from objects,
    ``dict``/``list``/``tuple`` by their item types, optional values and literals as given.
    """
    origin = get_origin(kind)
    if origin is Annotated:
        return from_json(get_args(kind)[0], raw)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        values = {
            item.name: from_json(hints[item.name], raw[item.name])
            for item in dataclasses.fields(kind)
            if item.init and item.name in raw
        }
        return kind(**values)
    if origin in {Union, types.UnionType}:
        if raw is None:
            return None
        choices = [arg for arg in get_args(kind) if arg is not type(None)]
        return from_json(choices[0], raw) if len(choices) == 1 else raw
    if origin in {dict, list, tuple}:
        return _items(kind, origin, raw)
    if origin is Literal or kind in {str, bool, Any}:
        return raw
    if kind in {float, int}:
        return kind(raw)
    raise TypeError(f"cannot rebuild {kind!r} from JSON")


def _items(kind: Any, origin: Any, raw: Any) -> Any:
    """A ``dict``, ``list`` or ``tuple`` rebuilt item by item."""
    if origin is dict:
        value_kind = get_args(kind)[1]
        return {key: from_json(value_kind, value) for key, value in raw.items()}
    item_kind = get_args(kind)[0]
    return origin(from_json(item_kind, value) for value in raw)


def to_json(value: Any) -> Any:
    """A dataclass tree as plain JSON values (the inverse of :func:`from_json`)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: to_json(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    return value


_LEAVES = (str, int, float, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def walk(value: Any, path: tuple[str | int, ...] = ()) -> typing.Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every record (dataclass instance) in a tree, with its key path, parents first.

    Iterative, and each record class's field names are read once: the data's checks walk the
    whole tree several times on every load (a rebuild, each example of the fuzz tests)."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [(path, value)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _LEAVES):
            continue
        names = _FIELD_NAMES.get(type(value))
        if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = _FIELD_NAMES.setdefault(type(value), tuple(item.name for item in dataclasses.fields(value)))
        if names is not None:
            yield path, value
            children = [((*path, name), getattr(value, name)) for name in names]
        elif isinstance(value, Mapping):
            children = [((*path, key), item) for key, item in value.items()]
        elif isinstance(value, list | tuple):
            children = [((*path, index), item) for index, item in enumerate(value)]
        else:
            continue
        stack.extend(reversed(children))


__all__ = [
    "EXTRA_FORBIDDEN",
    "MAX_MONEY",
    "Amount",
    "AtKey",
    "Check",
    "CurrencyCode",
    "Flag",
    "IsoDate",
    "Key",
    "Money",
    "Percent",
    "ShortText",
    "Text",
    "from_json",
    "ordered",
    "to_json",
    "walk",
]
