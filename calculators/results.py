"""From raw fields to a result, and from a result to JSON and to display text.

The CLI, the build (pre-rendered forms) and the browser worker all go through
:func:`calculate`, :func:`as_record` and :func:`present`, so they agree to the byte.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from calculators import charts, formatting
from calculators.parsing import parse_inputs, unparse
from calculators.spec import Calculator, Inputs, OutputKind, Result, Table


class CalculationError(ArithmeticError):
    """A result that is not a finite number: a bug or an input range that is too wide."""


def _rounded(kind: OutputKind, value: float | int | str) -> float | int | str:
    if isinstance(value, str):
        return value
    if not math.isfinite(value):
        raise CalculationError(f"result is not a finite number: {value!r}")
    if kind == "money":
        return round(value, 2) + 0.0
    if isinstance(value, float):
        return round(value, 6) + 0.0
    return value


def calculate(calculator: Calculator, fields: Iterable[tuple[str, str]]) -> tuple[Inputs, Result]:
    """Parse ``fields`` and compute. Raises :class:`~calculators.parsing.InputErrors`."""
    inputs = parse_inputs(calculator, fields)
    return inputs, calculator.compute(inputs)


def as_record(calculator: Calculator, inputs: Inputs, result: Result) -> dict[str, Any]:
    """The result as the CLI's ``--json`` object: raw values, money rounded to cents."""
    outputs = {spec.name: _rounded(spec.kind, result.outputs[spec.name]) for spec in calculator.outputs}
    return {
        "calculator": calculator.name,
        "inputs": dict(inputs),
        "outputs": outputs,
        "breakdown": [
            {"label": line.label, "amount": _rounded(line.kind, line.amount), "formula": line.formula}
            for line in result.breakdown
        ],
        "warnings": list(result.warnings),
    }


def show(kind: OutputKind, value: float | int | str) -> str:
    """A value as a reader sees it."""
    if isinstance(value, str):
        return value
    if kind == "money":
        return formatting.money(value)
    if kind == "percent":
        return formatting.percent(value)
    if kind == "multiple":
        return formatting.multiple(value)
    return formatting.number(value)


def present_table(table: Table) -> dict[str, Any]:
    """A result table with each cell's raw value (rounded like an output) and display text."""
    return {
        "caption": table.caption,
        "columns": [{"label": column.label, "kind": column.kind} for column in table.columns],
        "rows": [
            [
                {"value": _rounded(column.kind, cell), "display": show(column.kind, _rounded(column.kind, cell))}
                for column, cell in zip(table.columns, row, strict=True)
            ]
            for row in table.rows
        ],
    }


def present(calculator: Calculator, inputs: Inputs, result: Result) -> dict[str, Any]:
    """The record plus display text for every input, output and breakdown line.

    Beyond the CLI record it carries ``fields`` (each input written back as text),
    ``display`` (each output as a reader sees it), ``tables`` (each cell's raw value and
    display text) and ``charts`` (each chart drawn as SVG by :mod:`calculators.charts`).
    """
    record = as_record(calculator, inputs, result)
    record["fields"] = {spec.name: unparse(spec, inputs[spec.name]) for spec in calculator.inputs}
    record["display"] = {spec.name: show(spec.kind, record["outputs"][spec.name]) for spec in calculator.outputs}
    for line, shown in zip(record["breakdown"], result.breakdown, strict=True):
        line["display"] = show(shown.kind, line["amount"])
    record["tables"] = [present_table(table) for table in result.tables]
    record["charts"] = [
        {"title": chart.title, "description": chart.description, "svg": charts.render_svg(chart)}
        for chart in result.charts
    ]
    record["assumptions"] = list(calculator.assumptions)
    return record


def dumps(document: Any) -> str:
    """JSON that CPython and Pyodide write identically; NaN and Infinity are refused."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
