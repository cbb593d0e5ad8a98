"""The form macro: a labelled, described control per field and the worked example."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest

from calculators import dom, registry
from calculators.html import example_inputs, results_panel
from calculators.parsing import InputErrors
from calculators.results import calculate, present
from macros.forms import calculator_form, calculator_index, inputs_table


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def _elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.elements


def test_every_field_has_a_label_a_description_and_an_error_slot() -> None:
    for name, calc in registry().items():
        html = calculator_form(calc)
        elements = _elements(html)
        form = elements[0]
        assert form[0] == "form"
        assert form[1][dom.CALCULATOR] == name
        assert form[1][dom.STATE] == dom.STATES[0]
        ids = {attrs.get("id") for _, attrs in elements}
        labels = {attrs.get("for") for tag, attrs in elements if tag == "label"}
        controls = [(tag, attrs) for tag, attrs in elements if tag in {"input", "select"}]
        shown = [spec for _, members in calc.grouped() for spec in members]  # in the order of their groups
        assert sorted(spec.name for spec in shown) == sorted(spec.name for spec in calc.inputs)
        assert [attrs["name"] for _, attrs in controls] == [spec.name for spec in shown]
        for (tag, attrs), spec in zip(controls, shown, strict=True):
            assert attrs["id"] in labels
            for described in (attrs.get("aria-describedby") or "").split():
                assert described in ids
            if spec.kind in {"number", "integer"}:
                assert tag == "input"
                assert attrs["type"] == "text"
                assert attrs.get("inputmode") in {"decimal", "numeric"}
                assert f"{attrs['id']}-limits" in (attrs.get("aria-describedby") or "")
            if spec.kind == "choice":
                assert tag == "select"
            if spec.kind == "yes-no":
                assert attrs["type"] == "checkbox"
        slots = {attrs.get(dom.ERROR_FOR) for _, attrs in elements if dom.ERROR_FOR in attrs}
        assert slots == {spec.name for spec in calc.inputs} | {""}


def test_the_worked_example_is_the_default_result_with_its_inputs_listed_for_paper() -> None:
    calc = registry()["loaded-cost"]
    shown = present(calc, *calculate(calc, []))
    html = calculator_form(calc)
    assert results_panel(shown) in html
    listed = example_inputs(shown)
    assert listed in html
    assert f'{dom.PDF}="only"' in listed
    for spec, item in zip(calc.inputs, shown.fields, strict=True):
        if spec.applies(shown.inputs):
            assert f"<dd>{item.display or '—'}</dd>" in listed  # a field left blank shows a dash
        else:
            assert f"<dt>{item.label}" not in listed  # a field that does not count here is not listed
    assert "<dt>The employer claims the country's relief" not in listed  # none in the United States
    assert "<dd>Mid-level</dd>" in listed  # a choice as its label, not its value
    assert "<dd>$120,000</dd>" in listed  # money with its symbol


def test_prefix_is_written_for_the_page_script() -> None:
    calc = registry()["loaded-cost"]
    assert 'data-url-prefix=""' in calculator_form(calc)
    assert 'data-url-prefix="loaded-cost."' in calculator_form(calc, prefix="loaded-cost")
    assert 'data-url-prefix="loaded-cost."' in calculator_form(calc, prefix="loaded-cost.")


def test_inputs_table_and_index_name_every_field_and_calculator() -> None:
    calculators = registry()
    for name, calc in calculators.items():
        table = inputs_table(calc)
        assert table.count("\n") == len(calc.inputs) + 1
        for spec in calc.inputs:
            assert f"`{spec.name}`" in table
        assert f"]({name}.md)" in calculator_index(calculators)


def test_an_example_sets_the_worked_example_and_marks_its_fields() -> None:
    calc = registry()["scorecard"]
    html = calculator_form(calc, example=[("candidate", "Example"), ("score_database", "4")])
    assert re.search(r'<select id="calc-scorecard-score_database"[^>]* data-preset', html)
    assert re.search(r'<input type="text" id="calc-scorecard-candidate"[^>]* data-preset[^>]* value="Example"', html)
    assert 'data-output="score" data-value="100.0"' in html
    # The comparison starts with the example, so print and the PDF show what it looks like.
    assert '<section class="calc-compare" data-compare' in html
    assert re.search(r"<tbody><tr><th scope=\"row\">Example</th>", html)


def test_a_calculator_without_a_comparison_has_no_comparison_section() -> None:
    html = calculator_form(registry()["loaded-cost"])
    assert "data-compare" not in html
    assert "data-preset" not in html


def test_a_bad_example_is_refused() -> None:
    with pytest.raises(InputErrors):
        calculator_form(registry()["scorecard"], example=[("score_database", "9")])


def test_fields_sit_under_their_groups_and_assumptions_fold_away() -> None:
    calc = registry()["loaded-cost"]
    html = calculator_form(calc)
    folded = next(group for group in calc.groups if group.folded)
    start = html.index('<details class="calc-group calc-group-folded">')
    end = html.index("</details>", start)
    inside = html[start:end]
    assert f">{folded.title}</summary>" in inside
    for name in folded.fields:
        assert f'name="{name}"' in inside
    for group in calc.groups:
        if not group.folded:
            assert f">{group.title}</p>" in html
            assert all(f'name="{name}"' not in inside for name in group.fields)
    assert "<details" not in calculator_form(registry()["role"])  # no groups: one plain list


def test_the_answer_bar_and_the_scenarios_section() -> None:
    calc = registry()["loaded-cost"]
    shown = present(calc, *calculate(calc, []))
    html = calculator_form(calc)
    bar = re.search(rf'<div class="calc-answer-bar" {dom.ANSWER_BAR}([^>]*)>(.*?)</div>', html)
    assert bar is not None
    assert 'aria-hidden="true"' in bar[1]  # not a second live region: the form's one announces
    assert f'{dom.PDF}="omit"' in bar[1]
    assert " hidden" in bar[1]
    assert escape(shown.answer) in bar[2]  # the build's answer until the page copies a new one
    assert 'href="#calc-loaded-cost-result"' in bar[2]
    assert 'tabindex="-1"' in bar[2]  # nothing focusable inside aria-hidden
    assert 'id="calc-loaded-cost-result"' in html  # where the link goes
    assert f'{dom.SCENARIO_SAVE}="3"' in html
    assert f"{dom.SCENARIO_VIEW}" in html
    assert html.count("aria-live") == 2  # the form's announcements and the scenarios' status


def test_the_scorecard_keeps_no_scenarios_and_no_name_in_the_address() -> None:
    html = calculator_form(registry()["scorecard"])
    assert dom.SCENARIO_SAVE not in html
    assert re.search(rf'<input type="text" id="calc-scorecard-candidate"[^>]* {dom.PRIVATE}', html)
    assert html.count(dom.PRIVATE) == 1
