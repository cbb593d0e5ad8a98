"""The results panel: every output by name with its raw value, everything escaped."""

from __future__ import annotations

import json
from html import escape
from html.parser import HTMLParser

from calculators import dom, registry
from calculators.html import results_panel
from calculators.results import calculate, present
from calculators.spec import Assumption, Calculator, Chart, Column, Inputs, Line, Output, Result, Series, Table
from macros.currencies import currency

USD = currency("USD")


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.outputs: dict[str, tuple[str, str]] = {}
        self.tags: list[str] = []
        self._open: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if "data-output" in values:
            self._open = values["data-output"]
            self.outputs[self._open or ""] = (values.get("data-value") or "", "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open is not None:
            value, text = self.outputs[self._open]
            self.outputs[self._open] = (value, text + data)

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def test_every_output_of_every_calculator_is_marked_with_its_raw_value() -> None:
    for calc in registry().values():
        inputs, result = calculate(calc, [])
        shown = present(calc, inputs, result)
        found = _parse(results_panel(shown)).outputs
        assert set(found) == {spec.name for spec in calc.outputs}
        for spec in calc.outputs:
            raw, text = found[spec.name]
            assert text == shown.outputs[spec.name].display
            expected = shown.outputs[spec.name].value
            assert (raw if isinstance(expected, str) else json.loads(raw)) == expected


HOSTILE = '<img src=x onerror="alert(1)">&amp;'


def _hostile_calculator() -> Calculator:
    def compute(inputs: Inputs) -> Result:
        return Result(
            outputs={"amount": 1234.56, "word": HOSTILE},
            breakdown=(Line(HOSTILE, 1234.56, HOSTILE),),
            warnings=(HOSTILE,),
            notes=(HOSTILE,),
            tables=(Table(HOSTILE, (Column(HOSTILE, "text"), Column("Cost", "money")), ((HOSTILE, 10.0),)),),
            charts=(Chart(HOSTILE, "x", "y", "money", (Series("s", ((0.0, 1.0),)),), HOSTILE, USD),),
        )

    return Calculator(
        name="hostile",
        title=HOSTILE,
        summary=HOSTILE,
        inputs=(),
        outputs=(Output("amount", HOSTILE, "money", HOSTILE, HOSTILE), Output("word", "Word", "text")),
        compute=compute,
        assumptions=(Assumption(HOSTILE, ((("editorial", HOSTILE), (None, HOSTILE)),)),),
        currency=USD,
    )


def test_text_from_a_calculator_is_escaped_everywhere() -> None:
    calc = _hostile_calculator()
    inputs, result = calculate(calc, [])
    html = results_panel(present(calc, inputs, result))
    parsed = _parse(html)
    assert "img" not in parsed.tags
    assert "<img" not in html
    assert parsed.text.count(HOSTILE) >= 9
    assert parsed.outputs["word"] == (HOSTILE, HOSTILE)
    # A headline amount of 100 or more is shown in whole units; the breakdown keeps the cents.
    assert parsed.outputs["amount"] == ("1234.56", "$1,235")
    assert "$1,234.56" in html


def test_tables_and_charts_are_rendered_with_captions() -> None:
    calc = _hostile_calculator()
    inputs, result = calculate(calc, [])
    shown = present(calc, inputs, result)
    cell = shown.tables[0].cells[0][1]
    assert (cell.value, cell.display) == (10.0, "$10")
    html = results_panel(shown)
    assert html.count("<caption>") == 2  # the breakdown and the result table
    assert "<svg" in html
    assert '<figure class="calc-chart-figure">' in html


def test_notes_sit_apart_from_warnings_and_sources_link_to_the_sources_page() -> None:
    calc = _hostile_calculator()
    inputs, result = calculate(calc, [])
    html = results_panel(present(calc, inputs, result), "../sources/")
    assert html.count(f"{dom.NOTES}") == 1
    assert html.count(f"{dom.WARNINGS}") == 1
    assert html.index(dom.WARNINGS) < html.index(dom.NOTES) < html.index(dom.BREAKDOWN)
    assert '<a href="../sources/#source-editorial">' in html
    assert "Source: " in html
    assert "<a " not in results_panel(present(calc, inputs, result))  # no address, no link


def test_no_notes_no_notes_block() -> None:
    for calc in registry().values():
        inputs, result = calculate(calc, [])
        html = results_panel(present(calc, inputs, result))
        assert (dom.NOTES in html) == bool(result.notes), calc.name
        for note in result.notes:
            assert escape(note) in html
