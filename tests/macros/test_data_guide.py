"""The rubric, red-flag and process data: the real files load; each kind of fault names file, key and reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from macros.data import RED_FLAGS, RUBRIC_AREAS, RUBRIC_LEVELS, SCHEMAS, load_data
from macros.yamlsafe import load_yaml
from tests.support.build import ROOT
from tests.support.data_edits import append, expect_data_error, replace

DATA = ROOT / "data"


def test_the_rubric_has_eight_areas_in_interview_order_and_four_levels() -> None:
    data = load_data(DATA)
    assert tuple(data.interview.areas) == RUBRIC_AREAS
    assert len(RUBRIC_AREAS) == 8
    assert [level.key for level in data.interview.scale.levels] == list(RUBRIC_LEVELS)
    assert [level.score for level in data.interview.scale.levels] == [1, 2, 3, 4]
    kinds = [area.kind for area in data.interview.areas.values()]
    assert kinds == ["interview"] * 6 + ["work-sample", "reference"]
    for key, area in data.interview.areas.items():
        assert area.source == "founder-guide-2026", key
        assert area.rubric.source == "editorial", key
        assert all(area.rubric.describe(level) for level in RUBRIC_LEVELS)


def test_the_six_red_flags_point_at_rubric_areas() -> None:
    data = load_data(DATA)
    assert tuple(data.red_flags) == RED_FLAGS
    for flag in data.red_flags.values():
        assert set(flag.shows_in) <= set(RUBRIC_AREAS)


EXTRA_FLAG = """
ghosting:
  title: Stops answering
  looks_like: x
  why_it_matters: x
  check: x
  check_source: editorial
  shows_in: [references]
  source: editorial
  as_of: 2026-11-25
"""

# (case, edit, file named, key named, words in the reason)
BAD_DATA = [
    (
        "renamed area",
        replace("interview.yaml", "  hindsight:\n", "  retrospective:\n"),
        "data/interview.yaml",
        "areas",
        "missing hindsight; unknown retrospective",
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
        replace("interview.yaml", "      excellent: >-\n", "      superb: >-\n"),
        "data/interview.yaml",
        "areas.system-design.rubric.superb",
        "unknown key",
    ),
    (
        "scale scores out of order",
        replace("interview.yaml", "score: 2", "score: 3"),
        "data/interview.yaml",
        "scale",
        "scores must be 1, 2, 3, 4",
    ),
    (
        "scale level renamed",
        replace("interview.yaml", "key: mixed", "key: fair"),
        "data/interview.yaml",
        "scale.levels",
        "missing mixed; unknown fair",
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
        "extra red flag",
        append("red_flags.yaml", EXTRA_FLAG),
        "data/red_flags.yaml",
        "(top level)",
        "unknown ghosting",
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
        replace("red_flags.yaml", "source: founder-guide-2026", "source: rumor"),
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
        replace("process.yaml", "min_weeks: 4\n  max_weeks: 8", "min_weeks: 9\n  max_weeks: 8"),
        "data/process.yaml",
        "time_to_hire",
        "min_weeks (9) is larger than max_weeks (8)",
    ),
    (
        "planted issues out of order",
        replace("process.yaml", "min: 3\n  max: 5", "min: 6\n  max: 5"),
        "data/process.yaml",
        "planted_issues",
        "min (6) is larger than max (5)",
    ),
    (
        "fractional seconds",
        replace("process.yaml", "seconds: 12", "seconds: 12.5"),
        "data/process.yaml",
        "slow_query.seconds",
        "12.5",
    ),
    (
        "zero-minute session",
        replace("process.yaml", "minutes: 60", "minutes: 0"),
        "data/process.yaml",
        "paired_session.minutes",
        "greater than or equal to 1",
    ),
    (
        "unknown process source",
        replace("process.yaml", "hours: 2080\n  source: editorial", "hours: 2080\n  source: guesswork"),
        "data/process.yaml",
        "full_time_year.source",
        "unknown source 'guesswork'",
    ),
]


@pytest.mark.parametrize(
    ("edit", "file", "key", "reason"), [case[1:] for case in BAD_DATA], ids=[c[0] for c in BAD_DATA]
)
def test_bad_guide_data_names_file_key_and_reason(
    tmp_path: Path, edit: Callable[[Path], None], file: str, key: str, reason: str
) -> None:
    expect_data_error(DATA, tmp_path, edit, file=file, key=key, reason=reason)


def _interview() -> dict[str, Any]:
    raw = load_yaml((DATA / "interview.yaml").read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return raw


def test_areas_out_of_order_are_refused() -> None:
    raw = _interview()
    keys = list(raw["areas"])
    keys[0], keys[1] = keys[1], keys[0]
    raw["areas"] = {key: raw["areas"][key] for key in keys}
    with pytest.raises(ValidationError, match="must be in this order"):
        TypeAdapter(SCHEMAS["interview.yaml"]).validate_python(raw)


def test_scale_levels_out_of_order_are_refused() -> None:
    raw = _interview()
    raw["scale"]["levels"] = list(reversed(raw["scale"]["levels"]))
    with pytest.raises(ValidationError, match="must be in this order"):
        TypeAdapter(SCHEMAS["interview.yaml"]).validate_python(raw)
