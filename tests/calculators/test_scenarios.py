"""Scenarios: read from the address's sN.* parameters, computed, and set beside the current
result with their differences, all in Python."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import example, given, settings

from calculators import dom, registry, scenarios
from calculators.results import Presented, present
from calculators.spec import Calculator, Inputs, Output, Result
from calculators.spec import Input as Field
from tests.calculators.helpers import cli, raw_fields, run
from tests.support.build import ROOT

LOADED = registry()["loaded-cost"]
CURRENT = {"base_salary": "100000", "overhead_pct": "20", "recruiting_fee": "0"}
HOSTILE = '<img src=x onerror="alert(1)">'
# s1: base 150,000 -> 150,000 × 1.2 = 180,000 a year, 15,000 a month.
# s2: a 30% overhead -> 100,000 × 1.3 = 130,000 a year, 10,833.33 a month, 30%.
TWO = [
    ("s1.name", f"Senior {HOSTILE}"),
    ("s1.base_salary", "150000"),
    ("s1.overhead_pct", "20"),
    ("s1.recruiting_fee", "0"),
    ("s2.base_salary", "100000"),
    ("s2.overhead_pct", "30"),
    ("s2.recruiting_fee", "0"),
]


def current(calc: Calculator = LOADED, **fields: str) -> Presented:
    return present(calc, *run(calc, **(fields or CURRENT)))


class Cells(HTMLParser):
    """The table's rows as the text of their cells, and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"} and self.rows:
            self.rows[-1].append("")

    def handle_data(self, data: str) -> None:
        if self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


def table(html: str) -> Cells:
    cells = Cells()
    cells.feed(html)
    return cells


def test_two_scenarios_by_hand() -> None:
    now = current()
    kept = scenarios.read(LOADED, TWO)
    assert kept.notes == ()
    assert [scenario.name for scenario in kept.scenarios] == [f"Senior {HOSTILE}", "Scenario 2"]
    record = scenarios.record(now, kept)
    first, second = record["kept"]
    assert first["outputs"]["total_annual"] == 180_000
    assert first["differences"] == {
        "total_annual": 60_000,  # 180,000 − 120,000
        "monthly": 5_000,  # 15,000 − 10,000
        "first_year_total": 60_000,
        "effective_overhead_pct": 0,  # 20% either way
    }
    assert second["differences"] == {
        "total_annual": 10_000,  # 130,000 − 120,000
        "monthly": 833.33,  # 10,833.33 − 10,000
        "first_year_total": 10_000,
        "effective_overhead_pct": 10,  # 30% − 20%, in points
    }
    assert "cheapest" not in first["differences"]  # only numeric outputs have a difference
    assert first["inputs"]["base_salary"] == "150,000"
    assert len(first["inputs"]) == len(LOADED.inputs)  # every input, not only the changed ones


def test_the_table_sets_scenarios_beside_the_current_inputs() -> None:
    html = scenarios.comparison_html(current(), scenarios.read(LOADED, TWO).scenarios)
    parsed = table(html)
    assert parsed.tags[0] == ("table", {"class": "calc-table calc-scenarios-table", dom.SCENARIOS: None})
    header, *rows = parsed.rows
    assert header == ["Output", "Current inputs", f"Senior {HOSTILE}", "Scenario 2"]  # the name as text
    by_label = {row[0]: row[1:] for row in rows}
    assert by_label["Fully loaded cost a year"] == ["$120,000", "$180,000 (+$60,000)", "$130,000 (+$10,000)"]
    assert by_label["Per month"] == ["$10,000", "$15,000 (+$5,000)", "$10,833 (+$833)"]
    assert by_label["Beyond base salary, as a share of it"] == ["20%", "20% (same)", "30% (+10 points)"]
    # The inputs that differ (and only those) follow, as a reader reads them.
    assert by_label["Base salary"] == ["$100,000", "$150,000", "$100,000"]
    assert by_label["Flat overhead instead (optional)"] == ["20%", "20%", "30%"]
    assert "Level" not in by_label
    assert "<img" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_a_lower_figure_shows_a_minus_sign() -> None:
    kept = scenarios.read(LOADED, [("s1.base_salary", "90000"), ("s1.overhead_pct", "20"), ("s1.recruiting_fee", "0")])
    html = scenarios.comparison_html(current(), kept.scenarios)
    assert "$108,000 (−$12,000)" in "".join(" ".join(row) for row in table(html).rows)  # 90,000 × 1.2 − 120,000


def test_no_scenario_no_table() -> None:
    assert scenarios.comparison_html(current(), ()) == ""
    assert scenarios.read(LOADED, []).scenarios == ()


def test_names_are_plain_text() -> None:
    assert scenarios.clean_name("  Senior\x00 in\tNew  York\n", 1) == "Senior in New York"
    assert scenarios.clean_name("\x1b[31m", 2) == "[31m"
    assert scenarios.clean_name(" \t", 3) == "Scenario 3"
    assert len(scenarios.clean_name("x" * 500, 1)) == scenarios.MAX_NAME_LENGTH


def test_bad_parameters_are_ignored_with_a_note() -> None:
    kept = scenarios.read(
        LOADED,
        [
            ("s1.level", "senior"),
            ("s1.level", "junior"),  # repeated: the first is kept
            ("s1.bogus", "1"),
            ("s0.level", "senior"),
            ("s4.level", "senior"),
            ("s4.base_salary", "1"),  # one note for scenario 4
            ("x.level", "senior"),
            ("s2.base_salary", "lots"),  # unreadable: takes its starting value
        ],
    )
    assert [scenario.presented.inputs["level"] for scenario in kept.scenarios] == ["senior", "mid"]
    second = kept.scenarios[1].presented
    assert second.inputs["base_salary"] == present(LOADED, *run(LOADED)).inputs["base_salary"]  # its starting value
    notes = " | ".join(kept.notes)
    assert len(kept.notes) == 6, kept.notes
    assert "“s1.level” is given more than once; the first is kept." in notes
    assert "“s1.bogus” is not a field of" in notes
    assert "Scenario 0 is ignored" in notes
    assert notes.count("Scenario 4 is ignored") == 1
    assert "“x.level” is not a scenario parameter" in notes
    assert "Scenario 2: Base salary is not a number" in notes


def _tiny(*, headline: tuple[str, ...] = ("total",)) -> Calculator:
    """A calculator with a private field and a check across fields, to reach those branches."""

    def compute(inputs: Inputs) -> Result:
        return Result(outputs={"total": inputs.number("a") + inputs.number("b")}, answer="A sum.")

    def check(inputs: Inputs) -> dict[str, str]:
        return {"b": "B must be at least A"} if inputs.number("a") > inputs.number("b") else {}

    return Calculator(
        name="tiny",
        title="Tiny",
        summary="",
        inputs=(
            Field("who", "Who", "text", required=False, private=True),
            Field("a", "A", "number", default=1),
            Field("b", "B", "number", default=5),
        ),
        outputs=(Output("total", "Total", "number"),),
        compute=compute,
        check=check,
        headline=headline,
    )


def test_private_fields_never_become_scenario_parameters() -> None:
    tiny = _tiny()
    kept = scenarios.read(tiny, [("s1.who", "Ada"), ("s1.a", "2")])
    assert "“s1.who” is not a field of Tiny; ignored." in kept.notes
    (scenario,) = kept.scenarios
    assert "who" not in dict(scenario.fields())
    assert not [key for key, _ in kept.parameters() if key.endswith(".who")]


def test_a_scenario_without_a_result_is_dropped_with_a_note() -> None:
    kept = scenarios.read(_tiny(), [("s1.a", "10"), ("s2.a", "3")])  # s1: a 10 > b 5, and b was not given
    assert [scenario.presented.inputs["a"] for scenario in kept.scenarios] == [3.0]
    assert kept.notes == ("Scenario 1 is ignored: B must be at least A",)
    assert kept.scenarios[0].name == "Scenario 1"  # named by its place among those kept


def test_a_calculator_without_headline_outputs_keeps_none() -> None:
    scorecard = registry()["scorecard"]
    assert scorecard.headline == ()
    kept = scenarios.read(scorecard, [("s1.score_database", "4")])
    assert kept.scenarios == ()
    assert kept.notes == ("Interview scorecard keeps no scenarios; ignored.",)
    with pytest.raises(ValueError, match="headline names no output"):
        _tiny(headline=("nothing",))


@settings(deadline=None, max_examples=40)
@given(raw_fields(LOADED))
@example(fields=[("base_salary", "5000001")])  # its recruiting fee starts above the fee's old limit
@example(fields=[("country", "in"), ("base_salary", "6000000")])  # a senior salary in rupees
def test_scenarios_read_back_from_their_own_parameters(fields: list[tuple[str, str]]) -> None:
    kept = scenarios.read(LOADED, [("s1.name", "Mine"), *((f"s1.{name}", value) for name, value in fields)])
    again = scenarios.read(LOADED, kept.parameters())
    assert again.notes == ()
    assert [(item.name, item.fields()) for item in again.scenarios] == [
        (item.name, item.fields()) for item in kept.scenarios
    ]
    assert len(kept.scenarios) == 1  # a scenario with a bad field keeps the rest


def test_the_address_keys_are_one_contract_with_the_page_script() -> None:
    script = (ROOT / "docs" / "assets" / "js" / "calculators.js").read_text(encoding="utf-8")
    assert f"/^{scenarios.KEY.pattern}/" in script
    for key, ours in (("s1.level", True), ("s12.name", True), ("s.level", False), ("level", False), ("x1.a", False)):
        assert bool(scenarios.KEY.match(key)) is ours


def test_the_cli_sets_scenarios_beside_the_result() -> None:
    fields = [f"{name}={value}" for name, value in CURRENT.items()]
    code, got, _ = cli("loaded-cost", *fields, *(f"{name}={value}" for name, value in TWO), "s9.level=x")
    assert code == 0
    assert got["outputs"]["total_annual"] == 120_000
    first, second = got["scenarios"]["kept"]
    assert first["differences"]["total_annual"] == 60_000
    assert second["name"] == "Scenario 2"
    assert got["scenarios"]["notes"] == ["Scenario 9 is ignored: scenarios are numbered 1 to 3."]
