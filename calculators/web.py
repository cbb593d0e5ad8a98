"""The browser's entry point: one JSON request in, one JSON response out.

The page's worker runs this inside Pyodide; the tests run it in CPython and compare the
two responses byte for byte. A request is::

    {"calculator": "loaded-cost", "fields": [["level", "senior"], ["base_salary", "150,000"]]}

``fields`` holds only what the reader set (as (name, raw text) pairs, repeats kept, so a
repeated field is reported like anywhere else); every other field takes its default. The
response is either::

    {"ok": true, "calculator": ..., "fields": {name: text}, "outputs": {name: raw}, "html": ...}

where ``fields`` holds every input as text (so the form can show a default that follows
another field, e.g. the salary when the level changes) and ``html`` is the results panel
from :func:`calculators.html.results_panel`; or::

    {"ok": false, "errors": {field: message}}

with the key ``calculator`` for an unknown calculator and ``request`` for a malformed
request. It never raises for anything a reader can send.
"""

from __future__ import annotations

import json
from typing import Any

from calculators import UnknownCalculator, get
from calculators.html import results_panel
from calculators.parsing import InputErrors
from calculators.results import CalculationError, calculate, dumps, present

MAX_FIELDS = 100


def _pairs(raw: object) -> list[tuple[str, str]]:
    if not isinstance(raw, list) or len(raw) > MAX_FIELDS:
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
    try:
        pairs = _pairs(request.get("fields", []))
    except ValueError as error:
        return {"ok": False, "errors": {"request": str(error)}}
    try:
        inputs, result = calculate(calculator, pairs)
        shown = present(calculator, inputs, result)
    except InputErrors as problem:
        return {"ok": False, "errors": problem.errors}
    except CalculationError:
        return {"ok": False, "errors": {"calculator": "These figures give a result too large to compute."}}
    return {
        "ok": True,
        "calculator": calculator.name,
        "fields": shown["fields"],
        "outputs": shown["outputs"],
        "html": results_panel(calculator, shown),
    }


def respond(request: str) -> str:
    """Answer a JSON request with a JSON response (the worker's one call into Python)."""
    try:
        decoded = json.loads(request)
    except (ValueError, RecursionError):
        return dumps({"ok": False, "errors": {"request": "the request is not JSON"}})
    return dumps(handle(decoded))
