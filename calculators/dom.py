"""The DOM contract: every ``data-*`` attribute a calculator's HTML carries, named once.

The form (``macros/forms.py``), the results panel (:mod:`calculators.html`), the PDF builder
and the tests use these constants; the page script (``calculators.js``) and the stylesheets
spell the same names as literals, and a test checks that every ``data-*`` name they use is
one defined here (Material's own ``data-md-*`` aside).

A calculator on a page is ``form[data-calculator=NAME][data-state]``; its results panel is
``[data-results]``; each output is ``[data-output=NAME][data-value=RAW]`` with the display
text inside; each field sits in ``[data-field=NAME]`` with its error slot
``[data-error-for=NAME]``.
"""

from __future__ import annotations

# The form and its life cycle.
CALCULATOR = "data-calculator"
"""On the ``<form>``: the calculator's name."""
STATE = "data-state"
"""On the form: one of :data:`STATES`."""
STATES = ("static", "loading", "ready", "error")
"""``static``: the build's worked example, before (or without) the runtime."""
STALE = "data-stale"
"""On the form while the results shown do not match the inputs (being computed, or an error)."""
URL_PREFIX = "data-url-prefix"
"""On the form: how its fields are named in the page's address (``loaded-cost.``)."""
SOURCES_HREF = "data-sources-href"
"""On the form: the Sources page's address from this page, for the links in the results."""

# Fields.
FIELD = "data-field"
"""The block around one input, named like the input."""
FOLLOWS = "data-follows"
"""On an input whose default follows other fields (space-separated names)."""
APPLIES_IF = "data-applies-if"
"""On a field that counts only for some values of an earlier one: ``country=us`` (values
separated by spaces). The page script hides the field while that field holds another value;
Python decides what counts (:attr:`calculators.spec.Input.applies_if`)."""
PRESET = "data-preset"
"""On an input the page's worked example sets: sent to Python like a value the reader typed."""
PRIVATE = "data-private"
"""On an input kept out of the page's address and of scenarios (a candidate's name)."""
ERROR_FOR = "data-error-for"
"""The error slot of a field (its name), or of the whole form (empty)."""
EXAMPLE_INPUTS = "data-example-inputs"
"""A list of the worked example's inputs as a reader reads them (for print and the PDF)."""

# Status while the runtime loads.
STATUS = "data-status"
STATUS_TEXT = "data-status-text"
PROGRESS = "data-progress"
RETRY = "data-retry"
ANNOUNCE = "data-announce"
"""The polite live region that announces a new result or an error."""

# Results.
RESULTS = "data-results"
"""The results panel, replaced as a whole on every result."""
ANSWER = "data-answer"
"""The sentence the results open with (written by the calculator's Python)."""
ANSWER_BAR = "data-answer-bar"
"""A compact bar that keeps the answer on screen while a reader edits the fields of a narrow
form; hidden from screen readers, which hear the answer through :data:`ANNOUNCE` instead."""
ANSWER_BAR_TEXT = "data-answer-bar-text"
"""Where the bar shows the answer, copied from :data:`ANSWER` as text."""
OUTPUT = "data-output"
VALUE = "data-value"
"""The raw value of an output or a table cell, as JSON for numbers."""
WARNINGS = "data-warnings"
NOTES = "data-notes"
"""How a result compares with a published figure or rule."""
BREAKDOWN = "data-breakdown"

# Results side by side (the scorecard's candidates).
COMPARE = "data-compare"
COMPARE_ADD = "data-compare-add"
COMPARE_CSV = "data-compare-csv"
COMPARE_CLEAR = "data-compare-clear"
COMPARE_STATUS = "data-compare-status"
COMPARE_TABLE = "data-compare-table"

# Scenarios: the reader's inputs kept and set beside the current ones (every calculator that
# names headline outputs; the address holds them as sN.field=value and sN.name=...).
SCENARIO_SAVE = "data-scenario-save"
"""The button that keeps the current inputs as a scenario (its value: how many are kept at most)."""
SCENARIO_LIST = "data-scenario-list"
"""Where the page lists the kept scenarios, each with its editable name and a remove button (its
value: the longest name, in characters)."""
SCENARIO_NAME = "data-scenario-name"
"""A scenario's name field (its value: the scenario's number, from 1)."""
SCENARIO_REMOVE = "data-scenario-remove"
"""A scenario's remove button (its value: the scenario's number, from 1)."""
SCENARIO_STATUS = "data-scenario-status"
"""A polite live region saying what the last action did."""
SCENARIO_VIEW = "data-scenario-view"
"""The box that holds the table Python makes (:data:`SCENARIOS`)."""
SCENARIOS = "data-scenarios"
"""The table of headline outputs side by side, made by :mod:`calculators.scenarios`."""

# Print and the PDF.
PDF = "data-pdf"
"""``data-pdf="omit"``: keep off paper; ``data-pdf="only"``: show on paper only."""

ATTRIBUTES = tuple(
    value
    for name, value in sorted(globals().items())
    if name.isupper() and isinstance(value, str) and value.startswith("data-")
)
"""Every attribute of the contract."""


def selector(attribute: str, value: str | None = None) -> str:
    """A CSS selector for ``attribute`` (with ``value``): ``[data-output="total"]``."""
    return f"[{attribute}]" if value is None else f'[{attribute}="{value}"]'
