"""From raw fields to a result, and from a result to JSON and to display text.

The CLI, the build (pre-rendered forms and the PDF's worked examples) and the browser worker
all go through :func:`calculate` and :func:`present`, so they agree to the byte.
:class:`Presented` is the one typed view of a result that they read: every input as text and
as a reader sees it, every output raw and displayed, the breakdown, tables and charts.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from calculators import charts, formatting
from calculators.formatting import Currency
from calculators.parsing import parse_inputs, unparse
from calculators.spec import Calculator, Inputs, OutputKind, Result, Table, show

Raw = float | int | str


class CalculationError(ArithmeticError):
    """A result that is not a finite number: a bug or an input range that is too wide."""


def rounded(kind: OutputKind, value: Raw) -> Raw:
    """A raw value as the results keep it: money to cents, other fractions to six places.

    Raises :class:`CalculationError` for a number that is not finite."""
    return _rounded(kind, value)


def _rounded(kind: OutputKind, value: Raw) -> Raw:
    if isinstance(value, str | bool):
        return value
    if not math.isfinite(value):
        raise CalculationError(f"result is not a finite number: {value!r}")
    if kind == "money":
        return round(value, 2) + 0.0
    if isinstance(value, float):
        return round(value, 6) + 0.0
    return value


@dataclass(frozen=True)
class Shown:
    """A value twice: raw (rounded like the CLI's JSON) and as a reader reads it."""

    value: Raw
    display: str


def shown(kind: OutputKind, value: Raw, currency: Currency | None) -> Shown:
    rounded = _rounded(kind, value)
    return Shown(rounded, show(kind, rounded, currency))


HEADLINE_CENTS_BELOW = 100
"""Headline amounts of this much or more are shown in whole units; breakdowns keep cents."""


def headline(kind: OutputKind, value: Raw, currency: Currency | None) -> Shown:
    """An output as the result's headline shows it: money in whole units once it is large."""
    rounded = _rounded(kind, value)
    if kind == "money" and isinstance(rounded, float) and abs(rounded) >= HEADLINE_CENTS_BELOW and currency:
        return Shown(rounded, formatting.money(rounded, currency, cents=False))
    return Shown(rounded, show(kind, rounded, currency))


@dataclass(frozen=True)
class ShownInput:
    """One input: its label, its text in the form (as :func:`unparse` writes it), and as read."""

    name: str
    label: str
    text: str
    display: str


@dataclass(frozen=True)
class ShownLine:
    label: str
    amount: Shown
    formula: str


@dataclass(frozen=True, kw_only=True)
class ShownTable(Table):
    """A result's table with its cells as a reader reads them (``cells``, row by row, each with
    its raw value rounded like an output)."""

    cells: tuple[tuple[Shown, ...], ...]


@dataclass(frozen=True)
class ShownChart:
    title: str
    description: str
    svg: str
    legend: str
    """The legend as HTML (the keys' labels are text on the page, not in the drawing)."""


@dataclass(frozen=True)
class Presented:
    """A computed result, ready for the CLI, the results panel, the form and the PDF."""

    calculator: Calculator
    inputs: Inputs
    result: Result
    fields: tuple[ShownInput, ...]
    outputs: dict[str, Shown]
    breakdown: tuple[ShownLine, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    tables: tuple[ShownTable, ...]
    answer: str
    """The one sentence the results open with (see :attr:`calculators.spec.Result.answer`)."""

    @cached_property
    def charts(self) -> tuple[ShownChart, ...]:
        """Each chart drawn as SVG (only when something shows them: drawing takes a while)."""
        return tuple(
            ShownChart(c.title, c.description, charts.render_svg(c), charts.render_legend(c))
            for c in self.result.charts
        )

    def field_texts(self) -> dict[str, str]:
        """Every input as the form shows it, by name (the browser fills defaults from this)."""
        return {item.name: item.text for item in self.fields}

    def record(self) -> dict[str, Any]:
        """The CLI's ``--json`` object: raw values, money rounded to cents."""
        return {
            "calculator": self.calculator.name,
            "answer": self.answer,
            "inputs": dict(self.inputs),
            "outputs": {name: item.value for name, item in self.outputs.items()},
            "breakdown": [
                {"label": line.label, "amount": line.amount.value, "formula": line.formula} for line in self.breakdown
            ],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
        }


def calculate(calculator: Calculator, fields: Iterable[tuple[str, str]]) -> tuple[Inputs, Result]:
    """Parse ``fields`` and compute. Raises :class:`~calculators.parsing.InputErrors`."""
    inputs = parse_inputs(calculator, fields)
    return inputs, calculator.compute(inputs)


def present_table(table: Table, currency: Currency | None) -> ShownTable:
    """A result table with each cell's raw value (rounded like an output) and display text."""
    cells = tuple(
        tuple(shown(column.kind, cell, currency) for column, cell in zip(table.columns, row, strict=True))
        for row in table.rows
    )
    return ShownTable(table.caption, table.columns, table.rows, table.chart_data, cells=cells)


def present(calculator: Calculator, inputs: Inputs, result: Result) -> Presented:
    """Everything a reader sees of ``result``, with the raw values beside the display text.

    Raises :class:`CalculationError` for a value that is not finite.
    """
    currency = result.currency or calculator.currency
    specs = [spec.resolved(inputs) if spec.applies(inputs) else spec for spec in calculator.inputs]
    texts = {spec.name: unparse(spec, inputs[spec.name]) for spec in specs}
    return Presented(
        calculator=calculator,
        inputs=inputs,
        result=result,
        fields=tuple(
            ShownInput(spec.name, spec.label, texts[spec.name], spec.shown(texts[spec.name])) for spec in specs
        ),
        outputs={
            spec.name: headline(spec.kind, result.outputs[spec.name], spec.currency or currency)
            for spec in calculator.outputs
        },
        breakdown=tuple(
            ShownLine(line.label, shown(line.kind, line.amount, line.currency or currency), line.formula)
            for line in result.breakdown
        ),
        warnings=result.warnings,
        notes=result.notes,
        tables=tuple(present_table(table, currency) for table in result.tables),
        answer=result.answer,
    )


def dumps(document: Any) -> str:
    """JSON that CPython and Pyodide write identically; NaN and Infinity are refused."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
