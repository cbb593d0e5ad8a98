"""A calculator's form as HTML, rendered at build time from its spec.

``{{ calculator("loaded-cost") }}`` on a page becomes a ``<form data-calculator=...>`` with
a labelled input per field (units, help and limits tied to it with ``aria-describedby``),
an error slot per field, a status line, and the results panel computed by CPython from the
calculator's defaults, so the page shows a correct worked example before JavaScript runs,
without JavaScript and in print. It also carries the worked example's inputs as a reader
reads them, shown only on paper (the PDF). ``docs/assets/js/calculators.js`` brings it to
life. Every ``data-*`` attribute is one of :mod:`calculators.dom`.

Numbers use ``<input type="text" inputmode="decimal">``: a number input cannot hold
``150,000``, which the shared grammar (:mod:`calculators.parsing`) accepts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from calculators import dom
from calculators.html import attr, example_inputs, results_panel, table_html
from calculators.results import calculate, present, present_table
from calculators.spec import Calculator, Input

STATIC_STATUS = "A worked example with the starting figures. The calculator runs in your browser once it has loaded."


def _limits(spec: Input) -> str:
    if spec.kind in {"number", "integer"}:
        return f"Enter {spec.allowed()}."
    if spec.kind == "text":
        return f"Up to {spec.max_length} characters."
    return ""


def _control(spec: Input, field_id: str, value: str, described: str, *, preset: bool = False) -> str:
    common = f'id="{field_id}" name="{attr(spec.name)}" aria-describedby="{described}"'
    if preset:
        common += f" {dom.PRESET}"  # part of the worked example: sent to Python like a typed value
    if spec.depends_on:
        common += f' {dom.FOLLOWS}="{attr(" ".join(spec.depends_on))}"'
    if spec.kind == "choice":
        options = "".join(
            f'<option value="{attr(choice.value)}"{" selected" if choice.value == value else ""}>'
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
        f'<input type="text" {common} value="{attr(value)}"{mode} maxlength="{length}" '
        'autocomplete="off" spellcheck="false">'
    )


def _applies_if(spec: Input, shown: bool) -> str:
    """The attribute that lets the page hide a field that does not count (and ``hidden`` when
    it does not count in the worked example)."""
    if spec.applies_if is None:
        return ""
    name, values = spec.applies_if
    return f' {dom.APPLIES_IF}="{attr(name)}={attr(" ".join(values))}"' + ("" if shown else " hidden")


def _field(calculator: Calculator, spec: Input, value: str, *, preset: bool = False, shown: bool = True) -> str:
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
    error = f'<p class="calc-error" id="{base}-error" {dom.ERROR_FOR}="{attr(spec.name)}" hidden></p>'
    control = _control(spec, base, value, " ".join(described), preset=preset)
    label_and_control = f'<div class="calc-check">{control} {label}</div>' if spec.kind == "yes-no" else label + control
    return (
        f'<div class="calc-field" {dom.FIELD}="{attr(spec.name)}"{_applies_if(spec, shown)}>'
        f"{label_and_control}{help_text}{error}</div>"
    )


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
    table = table_html(present_table(comparison.table([record]), calculator.currency)) if record is not None else ""
    return (
        f'<section class="calc-compare" {dom.COMPARE} aria-labelledby="{base}-title">'
        f'<p class="calc-heading" id="{base}-title">{escape(noun.capitalize())}s side by side</p>'
        f'<p class="calc-help">Add each {escape(noun)} once you have scored them; the table keeps them '
        "in this browser tab only.</p>"
        '<p class="calc-compare-actions">'
        f'<button type="button" class="md-button" {dom.COMPARE_ADD}>Add this {escape(noun)}</button> '
        f'<button type="button" class="md-button" {dom.COMPARE_CSV}>Download CSV</button> '
        f'<button type="button" class="md-button" {dom.COMPARE_CLEAR}>Clear</button></p>'
        f'<p class="calc-compare-status" {dom.COMPARE_STATUS} aria-live="polite"></p>'
        # A wide table scrolls sideways: the box takes focus so a keyboard can scroll it (axe).
        f'<div class="calc-compare-table" {dom.COMPARE_TABLE} tabindex="0" role="region" '
        f'aria-label="Table of {escape(noun)}s">{table}</div>'
        "</section>"
    )


def calculator_form(
    calculator: Calculator, *, prefix: str = "", example: Sequence[tuple[str, str]] = (), sources_href: str = ""
) -> str:
    """The form for ``calculator`` with its worked example, as one block of HTML.

    ``prefix`` names the calculator's fields in the page's address (``?prefix.field=``)
    where several calculators share a page; on a calculator's own page it is empty
    (``?field=``). ``example`` sets some fields for the worked example (a scorecard with
    scores in it); those fields count as set by the reader once the calculator runs.
    ``sources_href`` is the Sources page's address from the page, for the results' links.
    """
    shown = present(calculator, *calculate(calculator, example))
    texts = shown.field_texts()
    preset = {name for name, _ in example}
    prefix = prefix.rstrip(".")
    base = f"calc-{calculator.name}"
    fields = "".join(
        _field(calculator, spec, texts[spec.name], preset=spec.name in preset, shown=spec.applies(shown.inputs))
        for spec in calculator.inputs
    )
    url_prefix = f"{prefix}." if prefix else ""
    record = shown.record() if example else None
    return (
        f'<form class="calc" id="{base}" {dom.CALCULATOR}="{attr(calculator.name)}" {dom.STATE}="static" '
        f'{dom.URL_PREFIX}="{attr(url_prefix)}" {dom.SOURCES_HREF}="{attr(sources_href)}" '
        f'aria-label="{attr(calculator.title)}" novalidate>'
        f'<fieldset class="calc-inputs"><legend>{escape(calculator.title)}</legend>{fields}'
        f'<p class="calc-error" id="{base}-error" {dom.ERROR_FOR}="" hidden></p></fieldset>'
        f"{example_inputs(shown)}"
        f'<div class="calc-status" {dom.STATUS}><p {dom.STATUS_TEXT}>{escape(STATIC_STATUS)}</p>'
        f'<progress {dom.PROGRESS} max="1" value="0" hidden></progress>'
        f'<button type="button" class="md-button" {dom.RETRY} hidden>Retry</button></div>'
        f'<p class="calc-announce" {dom.ANNOUNCE} aria-live="polite" aria-atomic="true"></p>'
        f'<div class="calc-results" {dom.RESULTS}>{results_panel(shown, sources_href)}</div>'
        f"{_comparison(calculator, record)}"
        "</form>"
    )


def inputs_table(calculator: Calculator) -> str:
    """A Markdown table of a calculator's fields: what each is, what it accepts, where it starts."""
    shown = present(calculator, *calculate(calculator, []))
    rows = []
    for spec, item in zip(calculator.inputs, shown.fields, strict=True):
        start = item.display
        if spec.depends_on:
            start += " (follows " + ", ".join(calculator.input(dep).label.lower() for dep in spec.depends_on) + ")"
        cells = [f"**{spec.label}** (`{spec.name}`)", spec.help or "", spec.allowed(), start]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    header = "| Field | What it is | Accepts | Starts at |\n| :--- | :--- | :--- | :--- |"
    return "\n".join([header, *rows])


def calculator_index(calculators: Mapping[str, Calculator]) -> str:
    """A Markdown list of the calculators, each linking to its own page (``NAME.md``)."""
    return "\n".join(f"- [{calc.title}]({name}.md): {calc.summary}" for name, calc in calculators.items())
