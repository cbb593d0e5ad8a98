"""A calculator's form as HTML, rendered at build time from its spec.

``{{ calculator("loaded-cost") }}`` on a page becomes a ``<form data-calculator=...>`` with
a labelled input per field (units, help and limits tied to it with ``aria-describedby``),
an error slot per field, a status line, and the results panel computed by CPython from the
calculator's defaults, so the page shows a correct worked example before JavaScript runs,
without JavaScript and in print. ``docs/assets/js/calculators.js`` brings it to life.

Numbers use ``<input type="text" inputmode="decimal">``: a number input cannot hold
``150,000``, which the shared grammar (:mod:`calculators.parsing`) accepts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from calculators.html import results_panel, table_html
from calculators.results import as_record, calculate, present, present_table
from calculators.spec import Calculator, Input

STATIC_STATUS = "A worked example with the starting figures. The calculator runs in your browser once it has loaded."


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _limits(spec: Input) -> str:
    if spec.kind in {"number", "integer"}:
        return f"Enter {spec.allowed()}."
    if spec.kind == "text":
        return f"Up to {spec.max_length} characters."
    return ""


def _control(spec: Input, field_id: str, value: str, described: str, *, preset: bool = False) -> str:
    common = f'id="{field_id}" name="{_attr(spec.name)}" aria-describedby="{described}"'
    if preset:
        common += " data-preset"  # part of the worked example: sent to Python like a typed value
    if spec.depends_on:
        common += f' data-follows="{_attr(" ".join(spec.depends_on))}"'
    if spec.kind == "choice":
        options = "".join(
            f'<option value="{_attr(choice.value)}"{" selected" if choice.value == value else ""}>'
            f"{escape(choice.label)}</option>"
            for choice in spec.choices
        )
        return f"<select {common}>{options}</select>"
    if spec.kind == "yes-no":
        checked = " checked" if value == "yes" else ""
        return f'<input type="checkbox" {common} value="yes"{checked}>'
    mode = ' inputmode="decimal"' if spec.kind == "number" else ' inputmode="numeric"' if spec.kind == "integer" else ""
    length = spec.max_length if spec.kind == "text" else 64
    return (
        f'<input type="text" {common} value="{_attr(value)}"{mode} maxlength="{length}" '
        'autocomplete="off" spellcheck="false">'
    )


def _field(calculator: Calculator, spec: Input, value: str, *, preset: bool = False) -> str:
    base = f"calc-{calculator.name}-{spec.name}"
    unit = f' <span class="calc-unit">({escape(spec.unit)})</span>' if spec.unit else ""
    label = f'<label for="{base}">{escape(spec.label)}{unit}</label>'
    notes = []
    described = []
    if spec.help:
        notes.append(f'<span id="{base}-help">{escape(spec.help)}</span>')
        described.append(f"{base}-help")
    limits = _limits(spec)
    if limits:
        notes.append(f'<span id="{base}-limits">{escape(limits)}</span>')
        described.append(f"{base}-limits")
    help_text = f'<p class="calc-help">{" ".join(notes)}</p>' if notes else ""
    error = f'<p class="calc-error" id="{base}-error" data-error-for="{_attr(spec.name)}" hidden></p>'
    control = _control(spec, base, value, " ".join(described), preset=preset)
    label_and_control = f'<div class="calc-check">{control} {label}</div>' if spec.kind == "yes-no" else label + control
    return f'<div class="calc-field" data-field="{_attr(spec.name)}">{label_and_control}{help_text}{error}</div>'


def _comparison(calculator: Calculator, record: Mapping[str, Any] | None) -> str:
    """The side-by-side section of a calculator that has one: buttons and the table so far.

    At build time the table holds the worked example (when the page gives one), so print and
    the PDF show what a comparison looks like; in the browser the reader adds results to it.
    """
    comparison = calculator.comparison
    if comparison is None:
        return ""
    noun = comparison.noun
    base = f"calc-{calculator.name}-compare"
    table = table_html(present_table(comparison.table([record]))) if record is not None else ""
    return (
        f'<section class="calc-compare" data-compare aria-labelledby="{base}-title">'
        f'<p class="calc-heading" id="{base}-title">{escape(noun.capitalize())}s side by side</p>'
        f'<p class="calc-help">Add each {escape(noun)} once you have scored them; the table keeps them '
        "in this browser tab only.</p>"
        '<p class="calc-compare-actions">'
        f'<button type="button" class="md-button" data-compare-add>Add this {escape(noun)}</button> '
        '<button type="button" class="md-button" data-compare-csv>Download CSV</button> '
        '<button type="button" class="md-button" data-compare-clear>Clear</button></p>'
        f'<p class="calc-compare-status" data-compare-status aria-live="polite"></p>'
        # A wide table scrolls sideways: the box takes focus so a keyboard can scroll it (axe).
        f'<div class="calc-compare-table" data-compare-table tabindex="0" role="region" '
        f'aria-label="Table of {escape(noun)}s">{table}</div>'
        "</section>"
    )


def calculator_form(calculator: Calculator, *, prefix: str = "", example: Sequence[tuple[str, str]] = ()) -> str:
    """The form for ``calculator`` with its worked example, as one block of HTML.

    ``prefix`` names the calculator's fields in the page's address (``?prefix.field=``)
    where several calculators share a page; on a calculator's own page it is empty
    (``?field=``). ``example`` sets some fields for the worked example (a scorecard with
    scores in it); those fields count as set by the reader once the calculator runs.
    """
    inputs, result = calculate(calculator, example)
    shown = present(calculator, inputs, result)
    preset = {name for name, _ in example}
    prefix = prefix.rstrip(".")
    base = f"calc-{calculator.name}"
    fields = "".join(
        _field(calculator, spec, shown["fields"][spec.name], preset=spec.name in preset) for spec in calculator.inputs
    )
    url_prefix = f"{prefix}." if prefix else ""
    record = as_record(calculator, inputs, result) if example else None
    return (
        f'<form class="calc" id="{base}" data-calculator="{_attr(calculator.name)}" data-state="static" '
        f'data-url-prefix="{_attr(url_prefix)}" aria-label="{_attr(calculator.title)}" novalidate>'
        f'<fieldset class="calc-inputs"><legend>{escape(calculator.title)}</legend>{fields}'
        f'<p class="calc-error" id="{base}-error" data-error-for="" hidden></p></fieldset>'
        f'<div class="calc-status" data-status><p data-status-text>{escape(STATIC_STATUS)}</p>'
        '<progress data-progress max="1" value="0" hidden></progress>'
        '<button type="button" class="md-button" data-retry hidden>Retry</button></div>'
        '<p class="calc-announce" data-announce aria-live="polite" aria-atomic="true"></p>'
        f'<div class="calc-results" data-results>{results_panel(calculator, shown)}</div>'
        f"{_comparison(calculator, record)}"
        "</form>"
    )


def inputs_table(calculator: Calculator) -> str:
    """A Markdown table of a calculator's fields: what each is, what it accepts, where it starts."""
    inputs, _ = calculate(calculator, [])
    shown = present(calculator, inputs, calculator.compute(inputs))
    rows = []
    for spec in calculator.inputs:
        start = shown["fields"][spec.name]
        if spec.kind == "choice":
            start = next((choice.label for choice in spec.choices if choice.value == start), start)
        elif spec.money and start:
            start = f"${start}"
        elif spec.unit == "%" and start:
            start = f"{start}%"
        if spec.depends_on:
            start += " (follows " + ", ".join(calculator.input(dep).label.lower() for dep in spec.depends_on) + ")"
        cells = [f"**{spec.label}** (`{spec.name}`)", spec.help or "", spec.allowed(), start]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    header = "| Field | What it is | Accepts | Starts at |\n| :--- | :--- | :--- | :--- |"
    return "\n".join([header, *rows])


def calculator_index(calculators: Mapping[str, Calculator]) -> str:
    """A Markdown list of the calculators, each linking to its own page (``NAME.md``)."""
    return "\n".join(f"- [{calc.title}]({name}.md): {calc.summary}" for name, calc in calculators.items())
