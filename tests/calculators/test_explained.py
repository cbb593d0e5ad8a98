"""Every new calculator explains itself: an estimate, its assumptions, formulas in words."""

from __future__ import annotations

import pytest

from calculators import bad_hire, engagement, equity, role, scorecard
from calculators.results import calculate
from tests.calculators.helpers import figures

MODULES = [engagement, bad_hire, equity, scorecard, role]


@pytest.mark.parametrize("module", MODULES, ids=[module.NAME for module in MODULES])
def test_says_it_is_an_estimate_and_explains_each_line(module: object) -> None:
    calc = module.build(figures())  # type: ignore[attr-defined]
    assert any("estimate" in text for text in calc.assumptions), calc.name
    assert "estimate" in calc.summary or any("estimate" in text for text in calc.assumptions)
    assert len(calc.assumptions) >= 3
    _, result = calculate(calc, [])
    assert result.breakdown
    for line in result.breakdown:
        assert line.formula.strip(), (calc.name, line.label)
    assert all(spec.help for spec in calc.inputs)


def test_registered() -> None:
    from calculators import BUILDERS  # noqa: PLC0415 - the registry is what is under test

    for module in MODULES:
        assert BUILDERS[module.NAME] is module.build
