"""Calculators for hiring a Python backend developer.

Pure Python, standard library only, for CPython 3.11+ and Pyodide. Each module builds one
:class:`~calculators.spec.Calculator` from the figures in ``data/``; :func:`registry` holds
them all. Adding a calculator is a module here and one line in ``BUILDERS``.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from calculators import bad_hire, employer_cost, engagement, equity, loaded_cost, role, scorecard
from calculators.figures import Figures, shipped
from calculators.spec import Calculator

MODULES: tuple[ModuleType, ...] = (loaded_cost, engagement, bad_hire, equity, scorecard, role)
"""One module per calculator, in the order the site lists them."""
BUILDERS: dict[str, Callable[[Figures], Calculator]] = {module.NAME: module.build for module in MODULES}


def needs() -> dict[str, set[str]]:
    """What the formulas read from data by name: a table's path -> the keys they rely on.

    A calculator module lists these in ``NEEDS`` (``{"bad_hire.drivers": (...)}``); the build
    checks that the data holds at least those keys.
    """
    found: dict[str, set[str]] = {}
    for module in (*MODULES, employer_cost):
        for table, keys in getattr(module, "NEEDS", {}).items():
            found.setdefault(table, set()).update(keys)
    return found


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


__all__ = ["BUILDERS", "MODULES", "Calculator", "Figures", "UnknownCalculator", "get", "needs", "registry"]
