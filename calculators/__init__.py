"""Calculators for hiring a Python backend developer.

Pure Python, standard library only, for CPython 3.11+ and Pyodide. Each module builds one
:class:`~calculators.spec.Calculator` from the figures in ``data/``; :func:`registry` holds
them all. Adding a calculator is a module here and one line in ``BUILDERS``.
"""

from __future__ import annotations

from collections.abc import Callable

from calculators import bad_hire, engagement, equity, loaded_cost, role, scorecard
from calculators.figures import Figures, shipped
from calculators.spec import Calculator

BUILDERS: dict[str, Callable[[Figures], Calculator]] = {
    loaded_cost.NAME: loaded_cost.build,
    engagement.NAME: engagement.build,
    bad_hire.NAME: bad_hire.build,
    equity.NAME: equity.build,
    scorecard.NAME: scorecard.build,
    role.NAME: role.build,
}


class UnknownCalculator(KeyError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        shown = self.name if len(self.name) <= 40 else self.name[:37] + "..."
        return f"no calculator named “{shown}”; the calculators are: " + ", ".join(BUILDERS)


_shipped: dict[str, Calculator] = {}


def registry(figures: Figures | None = None) -> dict[str, Calculator]:
    """Every calculator, built from ``figures`` (default: the figures shipped with the package)."""
    if figures is None:
        if not _shipped:
            _shipped.update(registry(shipped()))
        return dict(_shipped)
    return {name: make(figures) for name, make in BUILDERS.items()}


def get(name: str, figures: Figures | None = None) -> Calculator:
    """One calculator by name. Raises :class:`UnknownCalculator`."""
    if name not in BUILDERS:
        raise UnknownCalculator(name)
    if figures is None:
        return registry()[name]
    return BUILDERS[name](figures)


__all__ = ["BUILDERS", "Calculator", "Figures", "UnknownCalculator", "get", "registry"]
