"""The guide's facts, checked: reads ``data/*.yaml`` into :class:`calculators.figures.Figures`.

The records are described once, as dataclasses in :mod:`calculators.figures`; this module
validates each file against them with pydantic, then checks what spans files (references
to sources, levels and areas; a band for every level; the keys the formulas read; one
currency for amounts that are added together). A data file that is missing, malformed or
inconsistent stops the build with a :class:`DataError` naming the file, the key path and
the problem.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic import TypeAdapter, ValidationError

import calculators
from calculators.figures import CountryCosts, ExchangeRates, Figures, Record, Refers, SameKeys, Sourced, record_at
from calculators.formatting import Currency
from calculators.schema import AtKey, walk
from macros.currencies import GUIDE_LOCALE, UnknownCurrency, currency, local_currencies
from macros.exchange import RatesUnavailable, latest_rates
from macros.yamlsafe import YamlProblem, load_yaml


@dataclass(frozen=True)
class Problem:
    file: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"


class DataError(Exception):
    """The data files are not fit to build from. ``problems`` lists each fault."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"the guide's data has {len(self.problems)} problem(s):\n{lines}")


def key_path(loc: Iterable[int | str]) -> str:
    """A key path as a reader writes it: ``salary.junior.min``, ``levels[0]``."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif part in {"int", "float", "str", "bool"} or part.startswith(("function-", "constrained-")):
            continue  # pydantic's names for union members and validators, not keys
        elif part == "[key]" or re.fullmatch(r"[^\s.\[\]'\"]+", part):
            parts.append(part)
        else:
            parts.append(repr(part))  # an empty, blank or odd key stays visible in the message
    return ".".join(parts).replace(".[", "[") or "(top level)"


_SHOW_INPUT = {
    "int_type",
    "float_type",
    "string_type",
    "bool_type",
    "literal_error",
    "dict_type",
    "list_type",
    "dataclass_type",
}


def _describe(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind in {"missing", "missing_argument"}:
        return "required key is missing"
    if kind in {"extra_forbidden", "unexpected_keyword_argument"}:
        return "unknown key (check its spelling)"
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind in _SHOW_INPUT:
        shown = repr(error.get("input"))
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return f"{message}, got {shown}"
    return message


@functools.cache
def _file_types() -> dict[str, Any]:
    """The type each data file must have (``pay.yaml`` -> the type of ``Figures.pay``)."""
    hints = typing.get_type_hints(Figures, include_extras=True)
    return {name: hints[field] for field, name in Figures.files()}


@functools.cache
def _adapter(name: str) -> TypeAdapter[Any]:
    """Building a validator takes far longer than using it: one per data file per process."""
    return TypeAdapter(_file_types()[name])


def _location(error: Mapping[str, Any]) -> str:
    """Where an error is: its place in the file, plus the key a record's own check names."""
    where = key_path(error["loc"])
    cause = error.get("ctx", {}).get("error")
    if not isinstance(cause, AtKey):
        return where
    return cause.key if where == "(top level)" else f"{where}.{cause.key}".replace(".[", "[")


def _validate(name: str, raw: Any) -> tuple[Any, list[Problem]]:
    file = f"data/{name}"
    try:
        return _adapter(name).validate_python(raw), []
    except ValidationError as error:
        seen: set[tuple[str, str]] = set()
        problems: list[Problem] = []
        for item in error.errors():
            key, message = _location(item), _describe(item)
            if (key, message) not in seen:
                seen.add((key, message))
                problems.append(Problem(file, key, message))
        return None, problems


# --- Checks that span files -------------------------------------------------------------------

Records = list[tuple[tuple[str | int, ...], Any]]
"""Every record of a :class:`Figures` with its key path: ``list(walk(figures))``, walked once a load."""


def _where(path: tuple[str | int, ...]) -> tuple[str, str]:
    """(file, key path) of a place in :class:`Figures`: ``("pay", "salary")`` -> pay.yaml, salary."""
    return f"data/{path[0]}.yaml", key_path(path[1:])


def _markers(hint: Any) -> tuple[list[Any], Any]:
    """The metadata of an ``Annotated`` hint and the type under it."""
    if get_origin(hint) is Annotated:
        base, *metadata = get_args(hint)
        return metadata, base
    return [], hint


def _items_hint(hint: Any) -> Any | None:
    """The item type of a list (or optional value) hint, for markers on each item."""
    _, base = _markers(hint)
    origin = get_origin(base)
    if origin is list:
        return get_args(base)[0]
    if origin in {typing.Union, types.UnionType}:
        choices = [arg for arg in get_args(base) if arg is not type(None)]
        return choices[0] if len(choices) == 1 else None
    return None


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(kind: type) -> dict[str, Any]:
    """A record class's field types with their markers (read once per class)."""
    if kind not in _HINTS:
        _HINTS[kind] = typing.get_type_hints(kind, include_extras=True)
    return _HINTS[kind]


MarkedField = tuple[str, tuple[Any, ...], tuple[Any, ...]]
_MARKED: dict[type, tuple[MarkedField, ...]] = {}


def _marked_fields(kind: type) -> tuple[MarkedField, ...]:
    """The fields of a record class that carry markers: (field, markers on the field, markers on
    each item of its list or on its optional value). Read once per class."""
    if kind not in _MARKED:
        hints = _hints(kind)
        found = []
        for item in dataclasses.fields(kind):
            items = _items_hint(hints[item.name])
            on_field, on_items = tuple(_markers(hints[item.name])[0]), tuple(_markers(items)[0] if items else ())
            if on_field or on_items:
                found.append((item.name, on_field, on_items))
        _MARKED[kind] = tuple(found)
    return _MARKED[kind]


def references(record: Record) -> Iterator[tuple[str, Refers, list[Any]]]:
    """Each field of ``record`` that names keys of another table: (field, marker, the keys).

    The marker may sit on the field, on its optional value or on each item of its list.
    """
    for name, on_field, on_items in _marked_fields(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        found = [(marker, [value]) for marker in on_field]
        found += [(marker, value if isinstance(value, list) else [value]) for marker in on_items]
        for marker, values in found:
            if isinstance(marker, Refers):
                yield name, marker, values


def _references(figures: Figures, records: Records) -> list[Problem]:
    """Every :class:`Refers` value is a key of its table; every :class:`SameKeys` table matches."""
    problems: list[Problem] = []
    for path, record in records:
        if not path:
            continue
        for name, marker, values in references(record):
            problems += _refer(figures, (*path, name), marker, values)
        for name, on_field, _ in _marked_fields(type(record)):
            for marker in on_field:
                if isinstance(marker, SameKeys):
                    problems += _same_keys(figures, (*path, name), marker, getattr(record, name))
    return problems


def _refer(figures: Figures, path: tuple[str | int, ...], marker: Refers, values: list[Any]) -> list[Problem]:
    table = record_at(figures, marker.table)
    file, key = _where(path)
    known = ", ".join(sorted(table)) if marker.table == "sources" else ", ".join(table)
    return [
        Problem(file, key, f"unknown {marker.what} {value!r} ({marker.what}s: {known})")
        for value in values
        if value not in table
    ]


def _same_keys(
    figures: Figures, path: tuple[str | int, ...], marker: SameKeys, value: Mapping[str, Any]
) -> list[Problem]:
    table = record_at(figures, marker.table)
    expected = list(table) if isinstance(table, Mapping) else [item.key for item in table]
    found = list(value)
    file, key = _where(path)
    problems = [
        Problem(file, f"{key}.{extra}", f"unknown {marker.what} (expected: {', '.join(expected)})")
        for extra in found
        if extra not in expected
    ]
    problems += [Problem(file, f"{key}.{gone}", "required key is missing") for gone in expected if gone not in found]
    if not problems and marker.in_order and found != expected:
        problems.append(Problem(file, key, f"must list the {marker.what}s in this order: {', '.join(expected)}"))
    return problems


def _needed_keys(figures: Figures) -> list[Problem]:
    """The data holds every key a formula reads by name (the bad-hire drivers, for example)."""
    problems: list[Problem] = []
    for table, keys in calculators.needs().items():
        present = record_at(figures, table)
        file, key = _where(tuple(table.split(".")))
        problems += [
            Problem(
                file,
                f"{key}.{name}" if key != "(top level)" else name,
                "required key is missing (a calculator reads it)",
            )
            for name in sorted(keys)
            if name not in present
        ]
    return problems


def _one_currency(figures: Figures, records: Records) -> list[Problem]:
    """Amounts the calculators add together must be in one currency: a country's employer costs
    in that country's currency, everything else in the salary bands' (the guide's currency).
    Amounts in different currencies meet only through the dated exchange rates."""
    first = next(iter(figures.pay.salary.items()))
    guide, where = first[1].currency, f"data/pay.yaml salary.{first[0]}.currency"
    problems: list[Problem] = []
    for path, record in records:
        code = getattr(record, "currency", None)
        if not isinstance(code, str) or not path or isinstance(record, CountryCosts):
            continue
        file, key = _where(path)
        if path[0] == "employer_costs" and len(path) > 1:
            country = figures.employer_costs[str(path[1])]
            if code != country.currency:
                problems.append(
                    Problem(
                        file,
                        f"{key}.currency",
                        f"{code}, but {country.label}'s costs are added up in {country.currency} "
                        f"(data/employer_costs.yaml {path[1]}.currency); use one currency",
                    )
                )
        elif code != guide:
            problems.append(
                Problem(
                    file,
                    f"{key}.currency",
                    f"{code}, but the calculators add it to amounts in {guide} ({where}); use one currency",
                )
            )
    return problems


def _citations(figures: Figures, records: Records) -> list[Problem]:
    """Citations that say what they should: our assumptions give a reason and are read nowhere
    else; a ``via`` is a real second page; every source in sources.yaml is cited."""
    problems: list[Problem] = []
    cited: set[str] = set()
    for path, record in records:
        for _name, marker, values in references(record) if path else ():
            if marker.table == "sources":
                cited.update(values)
        if not isinstance(record, Sourced) or record.source not in figures.sources:
            continue
        file, key = _where(path)
        where = "" if key == "(top level)" else f"{key}."
        if figures.sources[record.source].is_assumption:
            if record.via is not None:
                problems.append(Problem(file, f"{where}via", "our assumption is not read anywhere: drop via"))
            if record.reason is None and not record.WORDS:
                problems.append(Problem(file, f"{where}reason", "our assumption needs a reason: say why this value"))
        if record.via is not None and record.via in figures.sources:
            if record.via == record.source:
                problems.append(Problem(file, f"{where}via", "names the source itself; give via only for another page"))
            elif figures.sources[record.via].is_assumption:
                problems.append(
                    Problem(file, f"{where}via", "a figure is read in a published page, not in our assumption")
                )
    problems += [
        Problem("data/sources.yaml", key, "no figure cites this source: cite it, or remove it")
        for key in figures.sources
        if key not in cited
    ]
    return problems


def cross_check(figures: Figures, records: Records) -> list[Problem]:
    """Checks that span files, found by walking every record (``records``): none is written per file."""
    return [
        *_references(figures, records),
        *_citations(figures, records),
        *_needed_keys(figures),
        *_one_currency(figures, records),
    ]


# --- Loading -----------------------------------------------------------------------------------


def read_files(data_dir: Path) -> tuple[dict[str, Any], list[Problem]]:
    """Every data file read and validated on its own: (field name -> value, problems)."""
    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    for field, name in Figures.files():
        path = data_dir / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            problems.append(Problem(f"data/{name}", "(file)", "file is missing"))
            continue
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(f"data/{name}", "(file)", f"cannot be read: {error}"))
            continue
        value, found = _read_one(name, text)
        problems.extend(found)
        if value is not _UNREADABLE:
            parsed[field] = value
    return parsed, problems


_UNREADABLE = object()


@functools.lru_cache(maxsize=64)
def _read_one(name: str, text: str) -> tuple[Any, tuple[Problem, ...]]:
    """One file's text parsed and validated on its own. Remembered by its exact text: records are
    frozen, so a rebuild (``mkdocs serve``) or a test that edits one file re-reads only that one."""
    try:
        raw = load_yaml(text)
    except YamlProblem as problem:
        return _UNREADABLE, (Problem(f"data/{name}", problem.key, problem.message),)
    value, found = _validate(name, raw)
    return value, tuple(found)


def load_data(data_dir: Path) -> Figures:
    """Read and validate every file in ``data_dir``. Raises :class:`DataError`."""
    parsed, problems = read_files(data_dir)
    if problems:
        raise DataError(problems)
    figures = Figures(**parsed)
    records = list(walk(figures))
    problems = cross_check(figures, records)
    known, unknown = _currencies(figures, records)
    problems += unknown
    if problems:
        raise DataError(problems)
    rates, problems = _rates(figures, records)
    if rates is None:
        raise DataError(problems)
    exchange = dataclasses.replace(figures.exchange, period=_day(rates.date))
    return dataclasses.replace(figures, currencies=known, rates=rates, exchange=exchange)


def _currencies(figures: Figures, records: Records) -> tuple[dict[str, Currency], list[Problem]]:
    """How to write each currency the data uses (CLDR), and a problem for each unknown code.

    The guide's own currency (the salary bands') is written as the guide's language writes it;
    a country's currency as that country's ``locale`` does (lakhs in India, ``R$`` in Brazil),
    one way per currency.
    """
    guide = next(iter(figures.pay.salary.values())).currency
    first_use: dict[str, tuple[str, str]] = {}
    for path, record in records:
        code = getattr(record, "currency", None)
        if isinstance(code, str):
            first_use.setdefault(code, _where((*path, "currency")))
    locales: dict[str, str] = {}
    problems: list[Problem] = []
    for key, country in figures.employer_costs.items():
        if country.currency == guide:
            continue
        chosen = locales.setdefault(country.currency, country.locale)
        if chosen != country.locale:
            problems.append(
                Problem(
                    "data/employer_costs.yaml",
                    f"{key}.locale",
                    f"{country.locale}, but {country.currency} is already written as {chosen} writes it; "
                    "one way per currency",
                )
            )
    known: dict[str, Currency] = {}
    for code, (file, key) in first_use.items():
        try:
            currency(code, locales.get(code, GUIDE_LOCALE))
        except UnknownCurrency as error:
            problems.append(Problem(file, key, str(error)))
    if not problems:
        known = local_currencies({code: locales.get(code, GUIDE_LOCALE) for code in first_use})
    return known, problems


def _day(iso: str) -> str:
    """2026-10-30 -> 'October 30, 2026' (how the guide writes a date)."""
    day = datetime.date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"


def _rates(figures: Figures, records: Records) -> tuple[ExchangeRates | None, list[Problem]]:
    """The exchange rates of the latest day the package carries for every currency the data
    uses. Never from data: a period typed into exchange.yaml is refused."""
    rule = figures.exchange
    if rule.period is not None:
        return None, [Problem("data/exchange.yaml", "period", "the rates' date comes from the package: leave it out")]
    codes = {code for _, record in records if isinstance(code := getattr(record, "currency", None), str)}
    try:
        return latest_rates(codes, rule.through, rule.package), []
    except RatesUnavailable as error:
        return None, [Problem("data/exchange.yaml", "package", str(error))]


__all__ = ["DataError", "Problem", "cross_check", "key_path", "load_data"]
