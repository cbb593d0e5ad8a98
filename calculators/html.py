"""A calculator's results panel as HTML, the same at build time and in the browser.

The build pre-renders the panel into each calculator's page with CPython; the browser's
worker calls :func:`results_panel` inside Pyodide on every change and the page only swaps
the returned HTML in. One function, so the worked example and the live result agree by
construction. Standard library only; every piece of text goes through :func:`html.escape`.

The DOM contract (relied on by the page script, the tests and anyone embedding a
calculator): each output sits in an element with ``data-output="NAME"`` whose text is the
display value and whose ``data-value`` holds the raw value as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from calculators.spec import Calculator

_NUMERIC = {"money", "percent", "number", "multiple"}


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _raw(value: object) -> str:
    """A raw value for ``data-value``: JSON for numbers, the text itself for text."""
    return value if isinstance(value, str) else json.dumps(value, allow_nan=False)


def _outputs(calculator: Calculator, presented: Mapping[str, Any]) -> str:
    items = []
    for spec in calculator.outputs:
        value = presented["outputs"][spec.name]
        shown = presented["display"][spec.name]
        unit = (
            f' <span class="calc-unit">{escape(spec.unit)}</span>'
            if spec.unit and spec.kind not in {"money", "percent"}
            else ""
        )
        note = f'<span class="calc-output-help">{escape(spec.help)}</span>' if spec.help else ""
        items.append(
            f'<div class="calc-output"><dt>{escape(spec.label)}{note}</dt>'
            f'<dd><span data-output="{_attr(spec.name)}" data-value="{_attr(_raw(value))}">{escape(shown)}</span>'
            f"{unit}</dd></div>"
        )
    return f'<dl class="calc-outputs">{"".join(items)}</dl>'


def _warnings(warnings: Sequence[str]) -> str:
    if not warnings:
        return ""
    items = "".join(f"<li>{escape(text)}</li>" for text in warnings)
    heading = '<p class="calc-heading">Worth a second look</p>'
    return f'<div class="calc-warnings" data-warnings>{heading}<ul>{items}</ul></div>'


def _breakdown(lines: Sequence[Mapping[str, Any]]) -> str:
    if not lines:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{escape(line["label"])}</th>'
        f'<td class="calc-amount" data-value="{_attr(_raw(line["amount"]))}">{escape(line["display"])}</td>'
        f"<td>{escape(line['formula'])}</td></tr>"
        for line in lines
    )
    return (
        '<table class="calc-breakdown" data-breakdown><caption>How it adds up</caption>'
        '<thead><tr><th scope="col">Item</th><th scope="col">Amount</th><th scope="col">How it is worked out</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def table_html(table: Mapping[str, Any]) -> str:
    """A presented result table (:func:`calculators.results.present_table`) as an HTML table."""
    columns = table["columns"]
    numeric = [column["kind"] in _NUMERIC for column in columns]
    head = "".join(f'<th scope="col">{escape(column["label"])}</th>' for column in columns)
    rows = []
    for row in table["rows"]:
        cells = []
        for index, (cell, is_number) in enumerate(zip(row, numeric, strict=True)):
            tag = 'th scope="row"' if index == 0 else "td"
            close = "th" if index == 0 else "td"
            css = ' class="calc-amount"' if is_number else ""
            value = f' data-value="{_attr(_raw(cell["value"]))}"' if is_number else ""
            cells.append(f"<{tag}{css}{value}>{escape(cell['display'])}</{close}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table class="calc-table"><caption>{escape(table["caption"])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _assumptions(assumptions: Sequence[str]) -> str:
    if not assumptions:
        return ""
    items = "".join(f"<li>{escape(text)}</li>" for text in assumptions)
    return f'<div class="calc-assumptions"><p class="calc-heading">Assumptions</p><ul>{items}</ul></div>'


def results_panel(calculator: Calculator, presented: Mapping[str, Any]) -> str:
    """The results panel for ``presented`` (the output of :func:`calculators.results.present`).

    Outputs, warnings, the itemised breakdown, any result tables and charts, and the
    calculator's assumptions, in that order. Charts are SVG text drawn by
    :func:`calculators.charts.render_svg` and inserted as they are.
    """
    parts = [
        _outputs(calculator, presented),
        _warnings(presented["warnings"]),
        _breakdown(presented["breakdown"]),
        *(table_html(table) for table in presented.get("tables", ())),
        *(f'<figure class="calc-chart-figure">{chart["svg"]}</figure>' for chart in presented.get("charts", ())),
        _assumptions(calculator.assumptions),
    ]
    return "".join(part for part in parts if part)
