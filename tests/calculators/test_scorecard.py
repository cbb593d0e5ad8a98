"""scorecard: weighted score 0-100, bands from data, red flags, comparison and CSV."""

from __future__ import annotations

import csv
import io
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import scorecard
from calculators.html import results_panel
from calculators.results import dumps, present
from calculators.scorecard import areas_of, compare_csv, compare_table, field
from tests.calculators.helpers import assert_cli_rejects, check_any_input, cli, errors, figures, raw_fields, record, run

CALC = scorecard.build(figures())
AREAS = [area.key for area in areas_of(figures())]
EXAMPLE = {
    "score_system_design": "4",
    "score_concurrency": "3",
    "score_database": "3",
    "score_code_review": "2",
    "score_hindsight": "4",
    "score_production_debugging": "3",
}


def test_areas_and_flags_are_the_guides_own() -> None:
    data = figures()
    assert AREAS == list(data.interview.areas) == list(data.scorecard.weights.points)
    names = {spec.name for spec in CALC.inputs}
    assert {field("score", key) for key in AREAS} <= names
    assert {field("flag", key) for key in data.red_flags} <= names
    assert sum(area.weight for area in areas_of(data)) == 100


def test_weights_default_from_data_and_scores_start_unscored() -> None:
    got = record(CALC)
    for area in areas_of(figures()):
        assert got["inputs"][field("weight", area.key)] == area.weight
        assert got["inputs"][field("score", area.key)] is None
    assert got["outputs"]["recommendation"] == "Not scored"
    assert got["outputs"]["score"] == 0


def test_hand_computed_example() -> None:
    got = record(CALC, candidate="Ada", **EXAMPLE)
    # weights 15, 10, 15, 15, 10, 10 = 75; weighted sum 235; mean 235/75; (mean - 1) / 3 × 100
    assert got["outputs"]["score"] == round((235 / 75 - 1) / 3 * 100, 6) == 71.111111
    assert got["outputs"]["weighted_mean"] == round(235 / 75, 6)
    assert got["outputs"]["recommendation"] == "Hire"
    assert got["outputs"]["scored_areas"] == 6
    assert got["outputs"]["candidate"] == "Ada"
    assert any("Only 6 of 8" in warning for warning in got["warnings"]) is False  # 6 is enough
    lines = {line["label"]: line["amount"] for line in got["breakdown"]}
    assert lines["System design"] == 20.0  # (4 - 1) / 3 × 100 × 15 / 75
    assert lines["Work sample"] == 0.0


def test_extremes_and_bands() -> None:
    all_four = {field("score", key): "4" for key in AREAS}
    all_one = {field("score", key): "1" for key in AREAS}
    assert record(CALC, **all_four)["outputs"]["score"] == 100.0
    assert record(CALC, **all_one)["outputs"]["score"] == 0.0
    bands = figures().scorecard.recommendation.bands
    assert record(CALC, **all_four)["outputs"]["recommendation"] == bands[0].label
    assert record(CALC, **all_one)["outputs"]["recommendation"] == bands[-1].label


def test_band_thresholds_are_inclusive() -> None:
    # (3 × 4 + 2 × 1) / 5 = 2.8; (2.8 - 1) / 3 × 100 = 60, where "Hire" starts.
    hire = next(band for band in figures().scorecard.recommendation.bands if band.key == "hire")
    assert hire.min_score == 60
    got = record(CALC, score_database="3", weight_database="4", score_hindsight="2", weight_hindsight="1")
    assert got["outputs"]["score"] == 60.0
    assert got["outputs"]["recommendation"] == hire.label


def test_few_scored_areas_warn() -> None:
    got = record(CALC, score_database="3")
    assert got["outputs"]["score"] == 66.666667
    assert any("Only 1 of 8" in warning for warning in got["warnings"])


def test_weights_change_the_score_and_zero_weight_leaves_an_area_out() -> None:
    fields = {"score_database": "4", "score_code_review": "1"}
    equal = record(CALC, weight_database="10", weight_code_review="10", **fields)["outputs"]["score"]
    assert equal == 50.0
    heavy = record(CALC, weight_database="30", weight_code_review="10", **fields)["outputs"]["score"]
    assert heavy == 75.0
    only = record(CALC, weight_database="0", weight_code_review="10", **fields)["outputs"]["score"]
    assert only == 0.0
    none = record(CALC, weight_database="0", weight_code_review="0", **fields)
    assert none["outputs"]["recommendation"] == "Not scored"


BANDS = figures().scorecard.recommendation.bands
CAP = next(index for index, band in enumerate(BANDS) if band.key == figures().scorecard.knockouts.cap)
LOWEST = min(figures().rubric_labels)
TITLES = {area.key: area.title for area in areas_of(figures())}
EVEN = {field("weight", key): "10" for key in AREAS}
"""Every area weighted 10 points, so the hand-worked scores read the weights from the test."""


def band_index(label: str) -> int:
    return next(index for index, band in enumerate(BANDS) if band.label == label)


def test_no_knockouts_reads_empty() -> None:
    got = record(CALC, candidate="Ada", **EXAMPLE)["outputs"]
    assert got["knockouts"] == ""
    assert got["red_flags"] == "None ticked"
    assert got["recommendation"] == "Hire"


def test_a_red_flag_knocks_out() -> None:
    flag = figures().red_flags["no-questions"]
    got = record(CALC, flag_no_questions="yes", **EXAMPLE)
    out = got["outputs"]
    # The score stays 71.11 (Hire by the bands), but the red flag caps the recommendation.
    assert out["score"] == record(CALC, **EXAMPLE)["outputs"]["score"] == 71.111111
    assert BANDS[CAP].min_score < 71.111111
    assert out["recommendation"] == BANDS[CAP].label
    assert out["recommendation_meaning"] == BANDS[CAP].meaning
    assert out["knockouts"] == f"red flag: {flag.title}"
    assert out["red_flags"] == flag.title
    assert out["red_flag_count"] == 1
    assert any(warning.startswith(f"Capped at {BANDS[CAP].label.lower()}") for warning in got["warnings"])


def test_two_red_flags_are_both_named() -> None:
    got = record(CALC, flag_no_questions="yes", flag_careless_sample="yes", **EXAMPLE)["outputs"]
    flags = figures().red_flags
    assert got["red_flags"] == f"{flags['no-questions'].title}; {flags['careless-sample'].title}"
    assert got["knockouts"] == f"red flag: {flags['no-questions'].title}; red flag: {flags['careless-sample'].title}"
    assert got["red_flag_count"] == 2
    assert got["recommendation"] == BANDS[CAP].label


def test_the_lowest_score_in_a_weighted_area_knocks_out() -> None:
    scores = {field("score", key): "4" for key in AREAS} | {"score_database": str(LOWEST)}
    got = record(CALC, **EVEN, **scores)
    # Eight areas of 10 points: (7 × 4 + 1 × 1) ÷ 8 = 3.625; (3.625 − 1) ÷ 3 × 100 = 87.5, Strong hire by score.
    assert got["outputs"]["score"] == 87.5
    assert band_index(BANDS[0].label) < CAP
    assert got["outputs"]["recommendation"] == BANDS[CAP].label
    assert got["outputs"]["knockouts"] == f"{figures().rubric_labels[LOWEST].lower()} in {TITLES['database']}"


def test_the_lowest_score_in_an_area_weighted_zero_does_not_knock_out() -> None:
    scores = {field("score", key): "4" for key in AREAS} | {"score_database": str(LOWEST)}
    got = record(CALC, **(EVEN | {"weight_database": "0"}), **scores)
    # The database area weighs nothing: the seven others at 4 give 100, and nothing caps it.
    assert got["outputs"]["score"] == 100.0
    assert got["outputs"]["knockouts"] == ""
    assert got["outputs"]["recommendation"] == BANDS[0].label
    assert not any(warning.startswith("Capped") for warning in got["warnings"])


def test_a_knockout_never_raises_a_lower_band() -> None:
    ones = {field("score", key): str(LOWEST) for key in AREAS}
    got = record(CALC, **EVEN, **ones, flag_no_questions="yes")
    # Every area at 1: score 0, the last band, below the cap; knock-outs do not lift it.
    assert got["outputs"]["score"] == 0.0
    assert len(BANDS) - 1 > CAP
    assert got["outputs"]["recommendation"] == BANDS[-1].label
    assert got["outputs"]["knockouts"]
    assert not any(warning.startswith("Capped") for warning in got["warnings"])


def test_no_score_no_cap() -> None:
    got = record(CALC, flag_no_questions="yes")["outputs"]
    assert got["recommendation"] == "Not scored"
    assert got["knockouts"] == f"red flag: {figures().red_flags['no-questions'].title}"


FLAGS = [field("flag", key) for key in figures().red_flags]


@settings(deadline=None, max_examples=200)
@given(
    scores=st.lists(st.sampled_from(["", "1", "2", "3", "4"]), min_size=len(AREAS), max_size=len(AREAS)),
    weights=st.lists(st.integers(min_value=0, max_value=100), min_size=len(AREAS), max_size=len(AREAS)),
    ticked=st.lists(st.sampled_from(FLAGS), unique=True, max_size=3),
)
def test_a_knockout_always_caps(scores: list[str], weights: list[int], ticked: list[str]) -> None:
    fields = {field("score", key): score for key, score in zip(AREAS, scores, strict=True)}
    fields |= {field("weight", key): str(weight) for key, weight in zip(AREAS, weights, strict=True)}
    fields |= dict.fromkeys(ticked, "yes")
    got = run(CALC, **fields)[1].outputs
    knocked = bool(ticked) or any(
        score == str(LOWEST) and weight > 0 for score, weight in zip(scores, weights, strict=True)
    )
    assert bool(got["knockouts"]) is knocked
    if got["recommendation"] == "Not scored":
        return
    # Banded on the score as shown (6 places): 39.9999999 from float sums reads as 40.
    by_score = next(index for index, band in enumerate(BANDS) if round(float(got["score"]), 6) >= band.min_score)
    shown = band_index(str(got["recommendation"]))
    assert shown == (max(by_score, CAP) if knocked else by_score)
    if knocked:
        assert shown >= CAP  # never above the cap band


def test_bad_input_names_the_field() -> None:
    assert set(errors(CALC, score_database="5", weight_hindsight="-1", flag_no_questions="perhaps")) == {
        "score_database",
        "weight_hindsight",
        "flag_no_questions",
    }
    assert "candidate" in errors(CALC, candidate="x" * 101)


@settings(deadline=None, max_examples=150)
@given(raw_fields(CALC))
def test_any_input_gives_errors_or_finite_outputs(fields: list[tuple[str, str]]) -> None:
    result = check_any_input(CALC, fields)
    if result is not None:
        score = float(result.outputs["score"])
        assert 0 <= score <= 100 + 1e-9
        areas = [line.amount for line in result.breakdown[:-1]]
        assert math.isclose(sum(areas), score, abs_tol=1e-9)


@settings(deadline=None, max_examples=150)
@given(
    scores=st.lists(st.sampled_from(["", "1", "2", "3", "4"]), min_size=8, max_size=8),
    weights=st.lists(st.integers(min_value=0, max_value=100), min_size=8, max_size=8),
    which=st.integers(min_value=0, max_value=7),
)
def test_raising_one_score_never_lowers_the_total(scores: list[str], weights: list[int], which: int) -> None:
    fields = {field("score", key): score for key, score in zip(AREAS, scores, strict=True)}
    fields |= {field("weight", key): str(weight) for key, weight in zip(AREAS, weights, strict=True)}
    before = run(CALC, **fields)[1].outputs
    current = scores[which]
    if current in {"", "4"}:
        return
    fields[field("score", AREAS[which])] = str(int(current) + 1)
    after = run(CALC, **fields)[1].outputs
    assert float(after["score"]) >= float(before["score"]) - 1e-9


def test_compare_and_csv() -> None:
    ada = present(CALC, *run(CALC, candidate="Ada", **EXAMPLE)).record()
    bob = present(CALC, *run(CALC, candidate="=HYPERLINK(1)", score_database="1", flag_no_questions="yes")).record()
    anon = present(CALC, *run(CALC, score_references="4")).record()
    table = compare_table([ada, bob, anon], figures())
    assert [row[0] for row in table.rows] == ["Ada", "=HYPERLINK(1)", "Candidate 3"]
    assert table.rows[0][1] == 71.111111
    assert table.columns[4].label == "Knock-outs"
    assert table.rows[0][4] == "None"
    assert table.rows[1][4] == (
        f"red flag: {figures().red_flags['no-questions'].title}; "
        f"{figures().rubric_labels[LOWEST].lower()} in {TITLES['database']}"
    )
    assert table.columns[5].label == areas_of(figures())[0].title
    assert table.rows[0][5] == f"4 {figures().rubric_labels[4]}"
    assert table.rows[2][5] == "Not scored"
    text = compare_csv([ada, bob, anon], figures())
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 4
    assert rows[0][:4] == ["Candidate", "Score", "Recommendation", "Red flags"]
    assert rows[1][:3] == ["Ada", "71.11", "Hire"]
    assert rows[2][0] == "'=HYPERLINK(1)"  # a spreadsheet must not run it as a formula
    assert rows[2][3] == figures().red_flags["no-questions"].title
    assert compare_csv([ada, bob, anon], figures()) == text


def test_presented_json_is_stable_and_keeps_the_name_as_text() -> None:
    first = present(CALC, *run(CALC, candidate="<b>Ada</b>", **EXAMPLE))
    assert dumps(first.record()) == dumps(present(CALC, *run(CALC, candidate="<b>Ada</b>", **EXAMPLE)).record())
    assert '"candidate":"<b>Ada</b>"' in dumps(first.record())  # escaping is the renderer's job
    assert "&lt;b&gt;Ada&lt;/b&gt;" in results_panel(first)


def test_cli_round_trip() -> None:
    code, got, _ = cli("scorecard", "candidate=Ada", *(f"{name}={value}" for name, value in EXAMPLE.items()))
    assert code == 0
    assert got["outputs"]["score"] == 71.111111
    assert got["inputs"]["score_system_design"] == "4"


def test_cli_rejects_bad_input() -> None:
    assert_cli_rejects("scorecard", "score_references", "0")
