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
