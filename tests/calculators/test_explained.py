"""Every new calculator explains itself: an estimate, its assumptions, formulas in words."""

from __future__ import annotations

from types import ModuleType

import pytest

from calculators import bad_hire, engagement, equity, role, scorecard
from calculators.results import calculate
from tests.calculators.helpers import figures

MODULES = [engagement, bad_hire, equity, scorecard, role]


@pytest.mark.parametrize("module", MODULES, ids=[module.NAME for module in MODULES])
def test_says_it_is_an_estimate(module: ModuleType) -> None:
    calc = module.build(figures())
    assert "estimate" in calc.summary or any("estimate" in item.text for item in calc.assumptions), calc.name


@pytest.mark.parametrize("module", MODULES, ids=[module.NAME for module in MODULES])
def test_states_its_assumptions_and_explains_each_line(module: ModuleType) -> None:
    calc = module.build(figures())
    assert len(calc.assumptions) >= 3
    assert all(item.text.strip() for item in calc.assumptions)
    _, result = calculate(calc, [])
    assert result.breakdown
    for line in result.breakdown:
        assert line.formula.strip(), (calc.name, line.label)
    assert all(spec.help for spec in calc.inputs)


@pytest.mark.parametrize("module", MODULES, ids=[module.NAME for module in MODULES])
def test_assumptions_resting_on_our_own_figures_say_so(module: ModuleType) -> None:
    calc = module.build(figures())
    ours = figures().sources["editorial"].name
    cited = [item for item in calc.assumptions if item.sources]
    assert cited, calc.name
    for item in cited:
        assert item.plain().startswith(item.text)
        assert "(Source: " in item.plain()
    assert any(ours in item.plain() for item in cited)


def test_registered() -> None:
    from calculators import BUILDERS  # noqa: PLC0415 - the registry is what is under test

    for module in MODULES:
        assert BUILDERS[module.NAME] is module.build
