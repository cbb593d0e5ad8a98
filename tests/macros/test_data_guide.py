"""The rubric, red-flag and process data: the real files load; each kind of fault names file, key and reason."""

from __future__ import annotations

from pathlib import Path

from macros.data import load_data
from tests.support.build import ROOT
from tests.support.data_edits import BadData, each_case, expect_data_error, replace

DATA = ROOT / "data"


def test_every_rubric_area_describes_every_level_of_the_scale() -> None:
    data = load_data(DATA)
    levels = [level.key for level in data.interview.scale.levels]
    assert [level.score for level in data.interview.scale.levels] == list(range(1, len(levels) + 1))
    kinds = [area.kind for area in data.interview.areas.values()]
    assert {"interview", "work-sample", "reference"} <= set(kinds)
    for key, area in data.interview.areas.items():
        assert list(area.rubric.levels) == levels, key
        assert all(area.rubric.levels.values()), key
    assert list(data.scorecard.weights.points) == list(data.interview.areas)


def test_every_red_flag_points_at_rubric_areas() -> None:
    data = load_data(DATA)
    assert data.red_flags
    for flag in data.red_flags.values():
        assert set(flag.shows_in) <= set(data.interview.areas)


# (case, edit, file named, key named, words in the reason)
BAD_DATA: list[BadData] = [
    (
        "area renamed in the rubric only",
        replace("interview.yaml", "  hindsight:\n", "  retrospective:\n"),
        "data/scorecard.yaml",
        "weights.points.hindsight",
        "unknown interview area",
    ),
    (
        "scorecard areas out of order",
        replace(
            "scorecard.yaml",
            "    system-design: 15\n    concurrency: 10\n",
            "    concurrency: 10\n    system-design: 15\n",
        ),
        "data/scorecard.yaml",
        "weights.points",
        "must list the interview areas in this order",
    ),
    (
        "unknown area kind",
        replace("interview.yaml", "kind: reference", "kind: gossip"),
        "data/interview.yaml",
        "areas.references.kind",
        "'gossip'",
    ),
    (
        "rubric level renamed",
        replace("interview.yaml", "        excellent: >-\n", "        superb: >-\n"),
        "data/interview.yaml",
        "areas.system-design.rubric.levels.superb",
        "unknown rubric level",
    ),
    (
        "scale scores out of order",
        replace("interview.yaml", "score: 2", "score: 3"),
        "data/interview.yaml",
        "scale",
        "scores must be 1, 2, 3",
    ),
    (
        "scale level renamed",
        replace("interview.yaml", "key: mixed", "key: fair"),
        "data/interview.yaml",
        "areas.system-design.rubric.levels.mixed",
        "unknown rubric level",
    ),
    (
        "empty prompt",
        replace(
            "interview.yaml",
            "    prompt: >-\n      Pick a technical",
            "    prompt: ''\n    unused: >-\n      Pick a technical",
        ),
        "data/interview.yaml",
        "areas.hindsight.prompt",
        "at least 1 character",
    ),
    (
        "no follow-ups",
        replace(
            "interview.yaml",
            "    follow_ups:\n      - Who else was involved",
            "    follow_ups: []\n    extra:\n      - Who else was involved",
        ),
        "data/interview.yaml",
        "areas.hindsight.follow_ups",
        "at least 1 item",
    ),
    (
        "unknown rubric source",
        replace("interview.yaml", "    rubric:\n      source: editorial", "    rubric:\n      source: hearsay"),
        "data/interview.yaml",
        "areas.system-design.rubric.source",
        "unknown source 'hearsay'",
    ),
    (
        "red flag missing its check",
        replace("red_flags.yaml", "  check: >-\n    Pick one decision", "  checks: >-\n    Pick one decision"),
        "data/red_flags.yaml",
        "unexplained-decisions.check",
        "required key is missing",
    ),
    (
        "red flag in an unknown area",
        replace("red_flags.yaml", "shows_in: [system-design, database]", "shows_in: [system-design, vibes]"),
        "data/red_flags.yaml",
        "no-questions.shows_in",
        "unknown interview area 'vibes'",
    ),
    (
        "red flag with an unknown source",
        replace("red_flags.yaml", "source: navspace-2026", "source: rumor"),
        "data/red_flags.yaml",
        "unexplained-decisions.source",
        "unknown source 'rumor'",
    ),
    (
        "red flag check with an unknown source",
        replace("red_flags.yaml", "check_source: editorial", "check_source: folklore"),
        "data/red_flags.yaml",
        "unexplained-decisions.check_source",
        "unknown source 'folklore'",
    ),
    (
        "weeks out of order",
        replace("process.yaml", "min: 4\n  max: 8", "min: 9\n  max: 8"),
        "data/process.yaml",
        "time_to_hire",
        "min (9) is larger than max (8)",
    ),
    (
        "a value and a span at once",
        replace("process.yaml", "  min: 3\n  max: 5\n", "  min: 3\n  max: 5\n  value: 4\n"),
        "data/process.yaml",
        "planted_issues",
        "give either value, or both min and max",
    ),
    (
        "zero-minute session",
        replace("process.yaml", "value: 60", "value: 0"),
        "data/process.yaml",
        "paired_session.value",
        "greater than 0",
    ),
    (
        "a figure a calculator reads is gone",
        replace("process.yaml", "full_time_year:", "full_time_years:"),
        "data/process.yaml",
        "full_time_year",
        "a calculator reads it",
    ),
    (
        "unknown process source",
        replace(
            "process.yaml",
            "value: 2080\n  unit: hour\n  source: editorial",
            "value: 2080\n  unit: hour\n  source: guesswork",
        ),
        "data/process.yaml",
        "full_time_year.source",
        "unknown source 'guesswork'",
    ),
]


@each_case(BAD_DATA)
def test_bad_guide_data_names_file_key_and_reason(tmp_path: Path, case: BadData) -> None:
    expect_data_error(DATA, tmp_path, case)
