"""The browser's entry point: one JSON request in, one JSON response out.

The page's worker runs this inside Pyodide; the tests run it in CPython and compare the
two responses byte for byte. A request is::

    {
        "calculator": "loaded-cost",
        "fields": [["level", "senior"], ["base_salary", "150,000"]],
        "sources_href": "../../sources/",
    }

``fields`` holds only what the reader set (as (name, raw text) pairs, repeats kept, so a
repeated field is reported like anywhere else); every other field takes its default.
``sources_href`` (optional) is the Sources page's relative address, for the links in the
results; anything but a plain relative path is ignored. The response is either::

    {"ok": true, "calculator": ..., "fields": {name: text}, "outputs": {name: raw}, "html": ...}

where ``fields`` holds every input as text (so the form can show a default that follows
another field, e.g. the salary when the level changes) and ``html`` is the results panel
from :func:`calculators.html.results_panel`; or::

    {"ok": false, "errors": {field: message}}

with the key ``calculator`` for an unknown calculator and ``request`` for a malformed
request. It never raises for anything a reader can send.

A request may carry the reader's kept scenarios as the address holds them (the page's own
prefix removed)::

    {..., "scenarios": [["s1.name", "Senior"], ["s1.level", "senior"], ...]}

and a successful response then holds ``"scenarios": {"kept": [{"name": ..., "fields":
[[name, text], ...]}], "html": ..., "notes": [...]}``: the scenarios :mod:`calculators.scenarios`
could read (every input as text, numbered from 1 in order, for the page to write back into the
address), the table that sets their headline outputs beside the current ones, and a note for
every parameter ignored (also shown in ``html``).

A calculator with a :class:`~calculators.spec.Comparison` (the scorecard) also answers::

    {"calculator": "scorecard", "compare": [[["candidate", "Ada"], ...], [...]]}

with ``{"ok": true, "html": <the side-by-side table>, "csv": <the same as CSV>}``, each
entry being one result's fields as above.
"""

from __future__ import annotations

import json
import re
from typing import Any

from calculators import UnknownCalculator, get, registry, scenarios
from calculators.html import results_panel, table_html
from calculators.parsing import InputErrors
from calculators.results import CalculationError, Presented, calculate, dumps, present, present_table
from calculators.spec import Calculator

MAX_FIELDS = 100
MAX_COMPARED = 20
_RELATIVE_PATH = re.compile(r"^[A-Za-z0-9._/-]{0,200}$")


def _sources_href(raw: object) -> str:
    """The Sources page's address as the page sent it: a plain relative path, or nothing."""
    if isinstance(raw, str) and _RELATIVE_PATH.fullmatch(raw) and not raw.startswith("/"):
        return raw
    return ""


def _pairs(raw: object, limit: int = MAX_FIELDS) -> list[tuple[str, str]]:
    if not isinstance(raw, list) or len(raw) > limit:
        raise ValueError("fields must be a list of [name, value] pairs")
    pairs: list[tuple[str, str]] = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item)):
            raise ValueError("fields must be a list of [name, value] pairs")
        pairs.append((item[0], item[1]))
    return pairs


def handle(request: Any) -> dict[str, Any]:
    """Answer a decoded request (see the module's docstring)."""
    if not isinstance(request, dict) or not isinstance(request.get("calculator"), str):
        return {"ok": False, "errors": {"request": "the request names no calculator"}}
    try:
        calculator = get(request["calculator"])
    except UnknownCalculator as error:
        return {"ok": False, "errors": {"calculator": str(error)}}
    if "compare" in request:
        return _compare(calculator, request["compare"])
    try:
        pairs = _pairs(request.get("fields", []))
        kept = _pairs(request["scenarios"], scenarios.MAX_PARAMETERS + 1) if "scenarios" in request else None
    except ValueError as error:
        return {"ok": False, "errors": {"request": str(error)}}
    try:
        shown = present(calculator, *calculate(calculator, pairs))
    except InputErrors as problem:
        return {"ok": False, "errors": problem.errors}
    except CalculationError:
        return {"ok": False, "errors": {"calculator": "These figures give a result too large to compute."}}
    response = {
        "ok": True,
        "calculator": calculator.name,
        "fields": shown.field_texts(),
        "outputs": {name: item.value for name, item in shown.outputs.items()},
        "html": results_panel(shown, _sources_href(request.get("sources_href"))),
    }
    if kept is not None:
        response["scenarios"] = _scenarios(shown, kept)
    return response


def _scenarios(current: Presented, parameters: list[tuple[str, str]]) -> dict[str, Any]:
    """The kept scenarios beside the current result (see the module's docstring)."""
    kept = scenarios.read(current.calculator, parameters)
    return {
        "kept": [{"name": item.name, "fields": [list(pair) for pair in item.fields()]} for item in kept.scenarios],
        "html": scenarios.notes_html(kept.notes) + scenarios.comparison_html(current, kept.scenarios),
        "notes": list(kept.notes),
    }


def _compare(calculator: Calculator, entries: object) -> dict[str, Any]:
    """Several results of one calculator side by side, as HTML and as CSV."""
    comparison = calculator.comparison
    if comparison is None:
        return {"ok": False, "errors": {"request": f"{calculator.title} has no side-by-side view"}}
    if not isinstance(entries, list) or len(entries) > MAX_COMPARED:
        return {"ok": False, "errors": {"request": f"compare takes a list of at most {MAX_COMPARED} results"}}
    records = []
    for number, entry in enumerate(entries, start=1):
        try:
            record = present(calculator, *calculate(calculator, _pairs(entry))).record()
        except ValueError as error:
            return {"ok": False, "errors": {"request": str(error)}}
        except InputErrors as problem:
            message = next(iter(problem.errors.values()))
            return {"ok": False, "errors": {"compare": f"{comparison.noun.capitalize()} {number}: {message}"}}
        except CalculationError:
            return {"ok": False, "errors": {"compare": f"{comparison.noun.capitalize()} {number}: no result"}}
        records.append(record)
    return {
        "ok": True,
        "calculator": calculator.name,
        "count": len(records),
        "html": table_html(present_table(comparison.table(records), calculator.currency)) if records else "",
        "csv": comparison.csv(records),
    }


def prepare() -> None:
    """Read the shipped figures and build every calculator from them, as the first answer
    otherwise would (about 100 ms in the browser). The worker calls it once ready and its
    memory snapshot copied, so a reader's first change need not wait for it; a problem it
    meets is raised here and reported again by the first answer."""
    registry()


def respond(request: str) -> str:
    """Answer a JSON request with a JSON response (the worker's one call into Python)."""
    try:
        decoded = json.loads(request)
    except (ValueError, RecursionError):
        return dumps({"ok": False, "errors": {"request": "the request is not JSON"}})
    return dumps(handle(decoded))
