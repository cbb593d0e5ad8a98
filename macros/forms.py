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

from calculators import dom, scenarios
from calculators.html import attr, example_inputs, results_panel, table_html
from calculators.results import Presented, calculate, present, present_table
from calculators.spec import Calculator, Group, Input

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
    if spec.private:
        common += f" {dom.PRIVATE}"  # never written into the page's address
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


def _group_applies_if(members: tuple[Input, ...], inputs: Mapping[str, Any]) -> str:
    """A group whose every field counts only for some values of one earlier field counts for the
    union of them: the page hides its heading too when none of its fields counts."""
    rules = [spec.applies_if for spec in members]
    named = {rule[0] for rule in rules if rule is not None}
    if not members or any(rule is None for rule in rules) or len(named) != 1:
        return ""
    (name,) = named
    values = tuple(dict.fromkeys(value for rule in rules if rule is not None for value in rule[1]))
    shown = any(spec.applies(inputs) for spec in members)
    return f' {dom.APPLIES_IF}="{attr(name)}={attr(" ".join(values))}"' + ("" if shown else " hidden")


def _group(calculator: Calculator, group: Group | None, fields: str, index: int, *, applies: str = "") -> str:
    """Fields under a short heading; a folded group (assumptions rarely changed) in a
    ``<details>`` that starts closed on screen (print and the PDF open it). ``applies``: the
    group's own ``data-applies-if`` (see :func:`_group_applies_if`)."""
    if group is None:
        return fields
    heading_id = f"calc-{calculator.name}-group-{index}"
    if group.folded:
        return (
            f'<details class="calc-group calc-group-folded"{applies}><summary id="{heading_id}">'
            f"{escape(group.title)}</summary>"
            f'<div role="group" aria-labelledby="{heading_id}">{fields}</div></details>'
        )
    return (
        f'<div class="calc-group" role="group" aria-labelledby="{heading_id}"{applies}>'
        f'<p class="calc-group-title" id="{heading_id}">{escape(group.title)}</p>{fields}</div>'
    )


def _answer_bar(calculator: Calculator, shown: Presented) -> str:
    """The phone's answer bar: the answer (copied there by the page script after each result)
    and a link to the full result. Hidden from screen readers, which hear the answer once
    through the form's live region; hidden until a reader edits a field with the answer out of
    view; never on paper."""
    return (
        f'<div class="calc-answer-bar" {dom.ANSWER_BAR} aria-hidden="true" {dom.PDF}="omit" hidden>'
        f'<p class="calc-answer-bar-text" {dom.ANSWER_BAR_TEXT}>{escape(shown.answer)}</p>'
        f'<a class="calc-answer-bar-link" href="#calc-{attr(calculator.name)}-result" tabindex="-1">Full result</a>'
        "</div>"
    )


def _scenarios(calculator: Calculator) -> str:
    """The scenarios section of a calculator that names headline outputs: the button that keeps
    the current inputs, the list of kept scenarios (names editable), and the box for the table
    Python makes (:mod:`calculators.scenarios`). Only in the browser: never on paper."""
    if not calculator.headline:
        return ""
    base = f"calc-{calculator.name}-scenarios"
    return (
        # Named after the calculator too: two calculators on one page make two distinct regions.
        f'<section class="calc-scenarios" aria-labelledby="{base}-title {base}-of" {dom.PDF}="omit">'
        f'<p class="calc-heading"><span id="{base}-title">Scenarios side by side</span>'
        f'<span class="calc-announce" id="{base}-of">: {escape(calculator.title)}</span></p>'
        f'<p class="calc-help">Keep these inputs as a scenario, change some, and see both side by side: up to '
        f"{scenarios.MAX_SCENARIOS}, kept in the page's address so that a link shares them.</p>"
        f'<p class="calc-scenario-actions"><button type="button" class="md-button" '
        f'{dom.SCENARIO_SAVE}="{scenarios.MAX_SCENARIOS}">'
        "Keep as a scenario</button></p>"
        f'<ol class="calc-scenario-list" {dom.SCENARIO_LIST}="{scenarios.MAX_NAME_LENGTH}"></ol>'
        f'<p class="calc-scenario-status" {dom.SCENARIO_STATUS} aria-live="polite"></p>'
        # A wide table scrolls sideways: the box takes focus so a keyboard can scroll it (axe).
        f'<div class="calc-scenario-view" {dom.SCENARIO_VIEW} tabindex="0" role="region" '
        f'aria-label="Table of scenarios: {attr(calculator.title)}" hidden></div>'
        "</section>"
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
        _group(
            calculator,
            group,
            "".join(
                _field(calculator, spec, texts[spec.name], preset=spec.name in preset, shown=spec.applies(shown.inputs))
                for spec in members
            ),
            index,
            applies=_group_applies_if(members, shown.inputs),
        )
        for index, (group, members) in enumerate(calculator.grouped(), start=1)
    )
    url_prefix = f"{prefix}." if prefix else ""
    record = shown.record() if example else None
    return (
        f'<form class="calc" id="{base}" {dom.CALCULATOR}="{attr(calculator.name)}" {dom.STATE}="static" '
        f'{dom.URL_PREFIX}="{attr(url_prefix)}" {dom.SOURCES_HREF}="{attr(sources_href)}" '
        f'aria-label="{attr(calculator.title)}" novalidate>'
        # Inputs and the main results side by side where the form is wide enough (the stylesheet's
        # container query); the wide part of the results below both.
        '<div class="calc-layout">'
        f'<fieldset class="calc-inputs"><legend>{escape(calculator.title)}</legend>{fields}'
        f'<p class="calc-error" id="{base}-error" {dom.ERROR_FOR}="" hidden></p></fieldset>'
        f"{example_inputs(shown)}"
        f'<div class="calc-status" {dom.STATUS}><p {dom.STATUS_TEXT}>{escape(STATIC_STATUS)}</p>'
        f'<progress {dom.PROGRESS} max="1" value="0" hidden></progress>'
        f'<button type="button" class="md-button" {dom.RETRY} hidden>Retry</button></div>'
        f'<p class="calc-announce" {dom.ANNOUNCE} aria-live="polite" aria-atomic="true"></p>'
        f'<div class="calc-results" {dom.RESULTS}>{results_panel(shown, sources_href)}</div>'
        "</div>"
        f"{_answer_bar(calculator, shown)}"
        f"{_scenarios(calculator)}"
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
