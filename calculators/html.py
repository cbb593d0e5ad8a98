"""A calculator's results panel as HTML, the same at build time and in the browser.

The build pre-renders the panel into each calculator's page with CPython; the browser's
worker calls :func:`results_panel` inside Pyodide on every change and the page only swaps
the returned HTML in. One function, so the worked example and the live result agree by
construction. Standard library only; every piece of text goes through
:func:`calculators.markup.escape`. The attributes it writes are the DOM contract of
:mod:`calculators.dom`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from calculators import dom
from calculators.markup import escape
from calculators.results import Presented, ShownLine, ShownTable
from calculators.spec import Assumption

_NUMERIC = {"money", "percent", "number", "multiple"}


def attr(value: object) -> str:
    """A value for an HTML attribute, escaped."""
    return escape(str(value))


def _raw(value: object) -> str:
    """A raw value for ``data-value``: JSON for numbers, the text itself for text."""
    return value if isinstance(value, str) else json.dumps(value, allow_nan=False)


def _outputs(presented: Presented) -> str:
    items = []
    for spec in presented.calculator.outputs:
        value = presented.outputs[spec.name]
        unit = (
            f' <span class="calc-unit">{escape(spec.unit)}</span>'
            if spec.unit and spec.kind not in {"money", "percent"}
            else ""
        )
        note = f'<span class="calc-output-help">{escape(spec.help)}</span>' if spec.help else ""
        items.append(
            f'<div class="calc-output"><dt>{escape(spec.label)}{note}</dt>'
            f'<dd><span {dom.OUTPUT}="{attr(spec.name)}" {dom.VALUE}="{attr(_raw(value.value))}">'
            f"{escape(value.display)}</span>{unit}</dd></div>"
        )
    return f'<dl class="calc-outputs">{"".join(items)}</dl>'


def _warnings(warnings: Sequence[str]) -> str:
    if not warnings:
        return ""
    items = "".join(f"<li>{escape(text)}</li>" for text in warnings)
    heading = '<p class="calc-heading">Worth a second look</p>'
    return f'<div class="calc-warnings" {dom.WARNINGS}>{heading}<ul>{items}</ul></div>'


def _notes(notes: Sequence[str]) -> str:
    if not notes:
        return ""
    items = "".join(f"<p>{escape(text)}</p>" for text in notes)
    return f'<div class="calc-notes" {dom.NOTES}><p class="calc-heading">How it compares</p>{items}</div>'


def _breakdown(lines: Sequence[ShownLine]) -> str:
    if not lines:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{escape(line.label)}</th>'
        f'<td class="calc-amount" {dom.VALUE}="{attr(_raw(line.amount.value))}">{escape(line.amount.display)}</td>'
        f"<td>{escape(line.formula)}</td></tr>"
        for line in lines
    )
    return (
        f'<table class="calc-breakdown" {dom.BREAKDOWN}><caption>How it adds up</caption>'
        '<thead><tr><th scope="col">Item</th><th scope="col">Amount</th><th scope="col">How it is worked out</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def table_html(table: ShownTable) -> str:
    """A presented result table as an HTML table (the first column heads each row)."""
    numeric = [column.kind in _NUMERIC for column in table.columns]
    head = "".join(f'<th scope="col">{escape(column.label)}</th>' for column in table.columns)
    rows = []
    for row in table.cells:
        cells = []
        for index, (cell, is_number) in enumerate(zip(row, numeric, strict=True)):
            tag = 'th scope="row"' if index == 0 else "td"
            close = "th" if index == 0 else "td"
            css = ' class="calc-amount"' if is_number else ""
            value = f' {dom.VALUE}="{attr(_raw(cell.value))}"' if is_number else ""
            cells.append(f"<{tag}{css}{value}>{escape(cell.display)}</{close}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table class="calc-table"><caption>{escape(table.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def source_words(parts: Sequence[tuple[str | None, str]], sources_href: str) -> str:
    """A citation's pieces as HTML, each source linked to its entry on the Sources page."""
    return "".join(
        f'<a href="{attr(sources_href)}#source-{attr(key)}">{escape(words)}</a>'
        if key and sources_href
        else escape(words)
        for key, words in parts
    )


def _assumptions(assumptions: Sequence[Assumption], sources_href: str) -> str:
    if not assumptions:
        return ""
    items = []
    for item in assumptions:
        cited = "; ".join(source_words(parts, sources_href) for parts in item.sources)
        source = f' <span class="calc-source">Source: {cited}.</span>' if cited else ""
        items.append(f"<li>{escape(item.text)}{source}</li>")
    return f'<div class="calc-assumptions"><p class="calc-heading">Assumptions</p><ul>{"".join(items)}</ul></div>'


def answer_html(answer: str) -> str:
    """The sentence the results open with, marked for the page script (which announces it once,
    through the form's live region, and copies it into the phone's answer bar)."""
    return f'<p class="calc-answer" {dom.ANSWER}>{escape(answer)}</p>' if answer else ""


def _charts(presented: Presented) -> str:
    """Each chart across the content's width, its legend below it, then its data, folded away
    on screen (open in print and in the PDF)."""
    figures = "".join(
        f'<figure class="calc-chart-figure"><figcaption class="calc-chart-title">{escape(chart.title)}</figcaption>'
        f"{chart.svg}{chart.legend}</figure>"
        for chart in presented.charts
    )
    data = "".join(
        f'<details class="calc-chart-data"><summary>{escape(table.caption)}</summary>{table_html(table)}</details>'
        for table in presented.tables
        if table.chart_data
    )
    return figures + data


def results_panel(presented: Presented, sources_href: str = "") -> str:
    """The results panel, in two parts. The main part opens with the answer, then the outputs,
    warnings and notes: beside the inputs where the form has room for two columns. The wide
    part, below both columns: the itemised breakdown, the charts (SVG drawn by
    :mod:`calculators.charts`) with their data, any other result tables, and the calculator's
    assumptions with their sources (linked to the Sources page at ``sources_href``, when given)."""
    main = [
        answer_html(presented.answer),
        _outputs(presented),
        _warnings(presented.warnings),
        _notes(presented.notes),
    ]
    wide = [
        _breakdown(presented.breakdown),
        _charts(presented),
        *(table_html(table) for table in presented.tables if not table.chart_data),
        _assumptions(presented.calculator.assumptions, sources_href),
    ]
    return (
        f'<div class="calc-results-main" id="calc-{attr(presented.calculator.name)}-result">{"".join(main)}</div>'
        f'<div class="calc-results-wide">{"".join(wide)}</div>'
    )


def example_inputs(presented: Presented) -> str:
    """The inputs of a worked example as a reader reads them ("Level: Senior"), for print and
    the PDF, where the form's fields are not shown. An empty field shows as a dash; a field that
    does not count for these inputs (a US state, abroad) is left out, as the form hides it."""
    items = "".join(
        f"<dt>{escape(item.label)}{f' ({escape(spec.unit)})' if spec.unit else ''}</dt>"
        f"<dd>{escape(item.display or '—')}</dd>"
        for spec, item in zip(presented.calculator.inputs, presented.fields, strict=True)
        if spec.applies(presented.inputs)
    )
    return f'<dl class="example-inputs" {dom.EXAMPLE_INPUTS} {dom.PDF}="only">{items}</dl>'
