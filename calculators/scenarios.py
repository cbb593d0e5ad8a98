"""Scenarios: a reader's inputs kept and set beside the current ones, computed here, never in
the page.

A calculator that names headline outputs (:attr:`~calculators.spec.Calculator.headline`)
keeps up to :data:`MAX_SCENARIOS` scenarios. The page's address holds each with every
input, as the calculator's own parameters with the scenario's number in front, and its name:
``s1.base_salary=150000``, ``s1.name=Senior``. :func:`read` turns those parameters back into
scenarios (a bad one is ignored with a note saying which and why), and
:func:`comparison_html` sets their headline outputs beside the current result, with the
difference of each numeric output and the inputs that differ. The browser's worker reaches
both through :mod:`calculators.web`; the CLI through ``run NAME sN.field=value``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from calculators import dom, formatting
from calculators.html import attr
from calculators.markup import escape
from calculators.parsing import InputErrors
from calculators.results import CalculationError, Presented, Raw, Shown, calculate, headline, present, rounded
from calculators.spec import Calculator, OutputKind

MAX_SCENARIOS = 3
MAX_NAME_LENGTH = 60
MAX_PARAMETERS = 400
"""More scenario parameters than this in one request are ignored (with a note)."""
NAME = "name"
"""The parameter that names a scenario: ``s1.name``."""
KEY = re.compile(r"s[0-9]+\.")
r"""How a scenario's parameter starts (``s1.``): the page script spells the same test as
``/^s[0-9]+\./`` to tell a scenario's parameters from the calculator's own."""
_PARAMETER = re.compile(r"s([0-9]{1,3})\.([A-Za-z0-9_]{1,64})", re.ASCII)
_NUMERIC: set[OutputKind] = {"money", "percent", "number", "multiple"}


@dataclass(frozen=True)
class Scenario:
    """One kept scenario: its name (plain text) and its result."""

    name: str
    presented: Presented

    def fields(self) -> list[tuple[str, str]]:
        """Every input as text, as the address keeps it (nothing private)."""
        private = {spec.name for spec in self.presented.calculator.inputs if spec.private}
        return [(name, text) for name, text in self.presented.field_texts().items() if name not in private]


@dataclass(frozen=True)
class Kept:
    """The scenarios read from a request or an address, and a note for each parameter ignored."""

    scenarios: tuple[Scenario, ...]
    notes: tuple[str, ...]

    def parameters(self) -> list[tuple[str, str]]:
        """The scenarios as address parameters, numbered from 1 in order, each with its name."""
        return [
            (f"s{number}.{name}", text)
            for number, scenario in enumerate(self.scenarios, start=1)
            for name, text in [(NAME, scenario.name), *scenario.fields()]
        ]


def _shown(text: str) -> str:
    """A parameter's name as a note may quote it: printable and short."""
    cleaned = "".join(char if char.isprintable() else "?" for char in text)
    return cleaned if len(cleaned) <= 40 else cleaned[:37] + "..."


def clean_name(raw: str, number: int) -> str:
    """A scenario's name as plain text: printable characters, single spaces, at most
    :data:`MAX_NAME_LENGTH` characters; ``Scenario N`` when nothing is left."""
    text = " ".join("".join(char if char.isprintable() else " " for char in raw).split())
    return text[:MAX_NAME_LENGTH].rstrip() or f"Scenario {number}"


def _grouped(
    calculator: Calculator, parameters: Iterable[tuple[str, str]], notes: list[str]
) -> dict[int, dict[str, str]]:
    """The parameters by scenario number, then by field; everything else becomes a note."""
    fields = {spec.name for spec in calculator.inputs if not spec.private}
    found: dict[int, dict[str, str]] = {}
    too_many: set[int] = set()
    for index, (name, value) in enumerate(parameters):
        if index == MAX_PARAMETERS:
            notes.append(f"Only the first {MAX_PARAMETERS} scenario parameters are read; the rest are ignored.")
            break
        match = _PARAMETER.fullmatch(name)
        if match is None:
            notes.append(f"“{_shown(name)}” is not a scenario parameter (sN.field); ignored.")
            continue
        number, field = int(match[1]), match[2]
        if not 1 <= number <= MAX_SCENARIOS:
            if number not in too_many:
                too_many.add(number)
                notes.append(f"Scenario {number} is ignored: scenarios are numbered 1 to {MAX_SCENARIOS}.")
            continue
        if field != NAME and field not in fields:
            notes.append(f"“{_shown(name)}” is not a field of {calculator.title}; ignored.")
            continue
        scenario = found.setdefault(number, {})
        if field in scenario:
            notes.append(f"“{_shown(name)}” is given more than once; the first is kept.")
            continue
        scenario[field] = value
    return dict(sorted(found.items()))


def _result(calculator: Calculator, number: int, fields: dict[str, str], notes: list[str]) -> Presented | None:
    """The scenario's result; a field Python cannot read is dropped (it takes its starting value)
    with a note, and a scenario that still has no result is dropped with a note."""
    given = dict(fields)
    # Each round drops at least one field; a field whose currency follows a wrong one is read
    # (and may be wrong) only once that one is dropped.
    for _ in range(len(given) + 1):
        try:
            return present(calculator, *calculate(calculator, given.items()))
        except InputErrors as problem:
            wrong = [name for name in problem.errors if name in given]
            if not wrong:
                notes.append(f"Scenario {number} is ignored: {' '.join(problem.errors.values())}")
                return None
            for name in wrong:
                notes.append(f"Scenario {number}: {problem.errors[name]}; it takes its starting value instead.")
                del given[name]
        except CalculationError:
            break
    notes.append(f"Scenario {number} is ignored: its figures give no result.")
    return None


def read(calculator: Calculator, parameters: Iterable[tuple[str, str]]) -> Kept:
    """The scenarios in ``parameters`` (``("s1.level", "senior")``, ...; the page's own prefix
    removed), in the order of their numbers, with a note for everything ignored. A calculator
    without headline outputs keeps none."""
    notes: list[str] = []
    if not calculator.headline:
        return Kept((), (f"{calculator.title} keeps no scenarios; ignored.",) if list(parameters) else ())
    scenarios: list[Scenario] = []
    for number, fields in _grouped(calculator, parameters, notes).items():
        name = fields.pop(NAME, "")
        presented = _result(calculator, number, fields, notes)
        if presented is not None:
            scenarios.append(Scenario(clean_name(name, len(scenarios) + 1), presented))
    return Kept(tuple(scenarios), tuple(notes))


def difference(kind: OutputKind, current: Raw, other: Raw) -> float | None:
    """``other − current`` for a numeric output (each as the results round it); ``None`` for text."""
    if kind not in _NUMERIC or isinstance(current, str | bool) or isinstance(other, str | bool):
        return None
    return float(rounded(kind, other - current))


def show_difference(kind: OutputKind, change: float, presented: Presented) -> str:
    """A difference as a reader reads it: ``+$12,000``, ``−2.5 points``, ``same``."""
    if change == 0:
        return "same"
    sign = "+" if change > 0 else formatting.MINUS
    size = abs(change)
    if kind == "percent":
        return f"{sign}{formatting.number(size)} points"
    return sign + headline(kind, size, presented.calculator.currency).display


def _cell(shown: Shown, change: str = "") -> str:
    numeric = not isinstance(shown.value, str)
    raw = shown.value if isinstance(shown.value, str) else json.dumps(shown.value, allow_nan=False)
    value = f' {dom.VALUE}="{attr(raw)}"'
    css = ' class="calc-amount"' if numeric else ""
    extra = f' <span class="calc-diff">({escape(change)})</span>' if change else ""
    return f"<td{css}{value}>{escape(shown.display)}{extra}</td>"


def comparison_html(current: Presented, kept: Sequence[Scenario]) -> str:
    """The scenarios' headline outputs beside the current ones, each numeric one with its
    difference from the current in brackets, then the inputs that differ. Empty without scenarios."""
    if not kept:
        return ""
    calculator = current.calculator
    head = "".join(f'<th scope="col">{escape(scenario.name)}</th>' for scenario in kept)
    rows = []
    for name in calculator.headline:
        spec = calculator.output(name)
        now = current.outputs[name]
        cells = [_cell(now)]
        for scenario in kept:
            theirs = scenario.presented.outputs[name]
            change = difference(spec.kind, now.value, theirs.value)
            cells.append(_cell(theirs, "" if change is None else show_difference(spec.kind, change, current)))
        rows.append(f'<tr><th scope="row">{escape(spec.label)}</th>{"".join(cells)}</tr>')
    differing = []
    for index, field in enumerate(calculator.inputs):
        mine = current.fields[index]
        others = [scenario.presented.fields[index] for scenario in kept]
        if field.private or all(item.text == mine.text for item in others):
            continue
        texts = "".join(f"<td>{escape(item.display or '—')}</td>" for item in (mine, *others))
        differing.append(f'<tr><th scope="row">{escape(field.label)}</th>{texts}</tr>')
    inputs = (
        f'<tbody><tr><th scope="rowgroup" colspan="{len(kept) + 2}" class="calc-subhead">Inputs that differ</th></tr>'
        f"{''.join(differing)}</tbody>"
        if differing
        else ""
    )
    return (
        f'<table class="calc-table calc-scenarios-table" {dom.SCENARIOS}>'
        "<caption>Scenarios beside the current inputs (differences from the current in brackets)</caption>"
        f'<thead><tr><th scope="col">Output</th><th scope="col">Current inputs</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>{inputs}</table>"
    )


def notes_html(notes: Sequence[str]) -> str:
    """What was ignored from the address, as a short list (text only)."""
    if not notes:
        return ""
    items = "".join(f"<li>{escape(note)}</li>" for note in notes)
    return f'<div class="calc-notes"><p class="calc-heading">Ignored from the address</p><ul>{items}</ul></div>'


def record(current: Presented, kept: Kept) -> dict[str, Any]:
    """The scenarios for the CLI's ``--json``: each one's name, inputs, headline outputs and the
    differences of its numeric ones from the current result, and the notes."""
    calculator = current.calculator
    scenarios = []
    for scenario in kept.scenarios:
        outputs = {name: scenario.presented.outputs[name].value for name in calculator.headline}
        differences = {
            name: change
            for name in calculator.headline
            if (
                change := difference(
                    calculator.output(name).kind, current.outputs[name].value, scenario.presented.outputs[name].value
                )
            )
            is not None
        }
        scenarios.append(
            {"name": scenario.name, "inputs": dict(scenario.fields()), "outputs": outputs, "differences": differences}
        )
    return {"kept": scenarios, "notes": list(kept.notes)}
