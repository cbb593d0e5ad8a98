"""The figures from ``data/`` as the calculators see them.

The build validates ``data/*.yaml`` and writes it as ``calculators/defaults.json``, which
ships inside the wheel; CPython and Pyodide read that same file, so both compute with
identical figures. Neither the standard library nor bare Pyodide reads YAML.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DEFAULTS_FILE = "defaults.json"


class FiguresMissing(RuntimeError):
    """``defaults.json`` has not been written yet (run ``make build`` or ``make serve``)."""


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    source: str
    as_of: str
    label: str = ""

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2


@dataclass(frozen=True)
class Setting:
    """One starting value from data, with its meaning and where it comes from."""

    value: float
    unit: str
    label: str
    note: str
    source: str
    as_of: str


@dataclass(frozen=True)
class Area:
    """An interview area of the scorecard with its default weight (points)."""

    key: str
    title: str
    weight: float


@dataclass(frozen=True)
class ScoreBand:
    key: str
    label: str
    min_score: float
    meaning: str


@dataclass(frozen=True)
class Answer:
    key: str
    label: str
    seniority: str
    skills: tuple[str, ...]
    areas: tuple[str, ...]
    reason: str
    warning: str = ""


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    default: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class EngagementRule:
    when: tuple[tuple[str, str], ...]
    model: str
    reason: str


class Figures:
    """Typed read access to the exported data. ``raw`` is the JSON document itself."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.raw = raw

    @staticmethod
    def _band(record: Mapping[str, Any]) -> Band:
        return Band(
            low=record["min"],
            high=record["max"],
            source=record["source"],
            as_of=record["as_of"],
            label=record.get("label") or "",
        )

    @property
    def levels(self) -> dict[str, str]:
        """Level key -> label, in the order of ``data/levels.yaml``."""
        return {key: level["label"] for key, level in self.raw["levels"].items()}

    def salary(self, level: str) -> Band:
        return self._band(self.raw["pay"]["salary"][level])

    def freelance(self, level: str) -> Band:
        return self._band(self.raw["pay"]["freelance"][level])

    @property
    def agencies(self) -> dict[str, Band]:
        return {key: self._band(record) for key, record in self.raw["pay"]["agency"].items()}

    @property
    def overhead(self) -> Band:
        return self._band(self.raw["pay"]["overhead"])

    @property
    def overhead_covers(self) -> list[str]:
        return list(self.raw["pay"]["overhead"]["covers"])

    @property
    def equity(self) -> Band:
        return self._band(self.raw["equity"]["early_engineer"])

    @property
    def vesting_years(self) -> int:
        return int(self.raw["equity"]["vesting"]["years"])

    @property
    def cliff_months(self) -> int:
        return int(self.raw["equity"]["vesting"]["cliff_months"])

    @property
    def bad_hire(self) -> Band:
        return self._band(self.raw["bad_hire"]["cost"])

    @property
    def bad_hire_months(self) -> int:
        return int(self.raw["bad_hire"]["cost"]["months_before_exit"])

    def bad_hire_driver(self, name: str) -> Setting:
        record = self.raw["bad_hire"]["drivers"][name]
        return Setting(
            value=record["value"],
            unit=record["unit"],
            label=record["label"],
            note=record["note"],
            source=record["source"],
            as_of=record["as_of"],
        )

    @property
    def equity_defaults(self) -> Mapping[str, Any]:
        """Valuation, months employed and dilution to start the equity calculator from."""
        return dict(self.raw["equity"]["defaults"])

    @property
    def engagement_defaults(self) -> Mapping[str, Any]:
        """Level, months, hiring cost and agency region to start from."""
        return dict(self.raw["engagement"]["defaults"])

    @property
    def full_time_year_hours(self) -> int:
        """Paid hours in a full-time year, from ``process.yaml``."""
        return int(self.raw["process"]["full_time_year"]["hours"])

    @property
    def rubric_levels(self) -> dict[int, str]:
        """Score (1-4) -> the rubric level's label, from the interview's scale."""
        return {int(level["score"]): level["label"] for level in self.raw["interview"]["scale"]["levels"]}

    @property
    def scorecard_areas(self) -> tuple[Area, ...]:
        """The interview's areas in order, each with a short title and the scorecard's default weight.

        The short title is the interview title up to its colon: "Code review: planted issues"
        -> "Code review".
        """
        areas = self.raw["interview"]["areas"]
        return tuple(
            Area(key, areas[key]["title"].split(":")[0].strip(), weight["weight"])
            for key, weight in self.raw["scorecard"]["areas"].items()
        )

    @property
    def score_bands(self) -> tuple[ScoreBand, ...]:
        """Recommendation bands from the highest threshold down; the last starts at 0."""
        return tuple(
            ScoreBand(band["key"], band["label"], band["min_score"], band["meaning"])
            for band in self.raw["scorecard"]["recommendation"]["bands"]
        )

    @property
    def min_scored_areas(self) -> int:
        return int(self.raw["scorecard"]["recommendation"]["min_scored_areas"])

    @property
    def red_flags(self) -> dict[str, str]:
        """Red flag key -> its title, from ``red_flags.yaml``."""
        return {key: flag["title"] for key, flag in self.raw["red_flags"].items()}

    @property
    def role_questions(self) -> tuple[Question, ...]:
        return tuple(
            Question(
                key,
                question["label"],
                question["default"],
                tuple(
                    Answer(
                        answer_key,
                        answer["label"],
                        answer["seniority"],
                        tuple(answer["skills"]),
                        tuple(answer["areas"]),
                        answer["reason"],
                        answer.get("warning") or "",
                    )
                    for answer_key, answer in question["answers"].items()
                ),
            )
            for key, question in self.raw["role"]["questions"].items()
        )

    @property
    def engagement_models(self) -> dict[str, str]:
        """Engagement model key (full-time, freelance, agency) -> its label."""
        return {key: model["label"] for key, model in self.raw["role"]["models"].items()}

    @property
    def engagement_rules(self) -> tuple[EngagementRule, ...]:
        return tuple(
            EngagementRule(tuple(rule["when"].items()), rule["model"], rule["reason"])
            for rule in self.raw["role"]["engagement"]
        )

    @property
    def role_top_areas(self) -> int:
        return int(self.raw["role"]["top_areas"])

    def is_assumption(self, source: str) -> bool:
        return bool(self.raw["sources"][source]["kind"] == "editorial")


@cache
def shipped() -> Figures:
    """The figures shipped beside this module (cached: read once per process)."""
    try:
        text = resources.files(__package__).joinpath(DEFAULTS_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FiguresMissing(
            f"calculators/{DEFAULTS_FILE} is missing: it is written from data/ by the build (make build)"
        ) from None
    return Figures(json.loads(text))
