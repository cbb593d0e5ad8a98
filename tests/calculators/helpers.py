"""Shared pieces for the calculator tests: the figures, raw-input strategies, the CLI."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from hypothesis import strategies as st

from calculators.figures import Figures, read_figures
from calculators.parsing import InputErrors
from calculators.results import calculate, dumps, present
from calculators.spec import Calculator, Input, Inputs, Result
from macros.export import export
from tests.support.build import ROOT, run_in


@cache
def figures() -> Figures:
    """The figures from data/, as the calculators read them (the figures file, written for the
    CLI and for :func:`calculators.figures.shipped`)."""
    return read_figures(export(ROOT).read_text(encoding="utf-8"))


def run(calculator: Calculator, **fields: str) -> tuple[Inputs, Result]:
    return calculate(calculator, list(fields.items()))


def record(calculator: Calculator, **fields: str) -> dict[str, Any]:
    return present(calculator, *run(calculator, **fields)).record()


def outputs_of(calculator: Calculator, **fields: str) -> dict[str, Any]:
    """The raw outputs of the CLI's ``--json`` record for ``fields``."""
    got: dict[str, Any] = record(calculator, **fields)["outputs"]
    return got


def errors(calculator: Calculator, **fields: str) -> dict[str, str]:
    try:
        run(calculator, **fields)
    except InputErrors as problem:
        return problem.errors
    raise AssertionError(f"expected input errors for {fields}")


def cli(name: str, *fields: str) -> tuple[int, Any, str]:
    """``python -m calculators run NAME fields... --json``: exit status, parsed stdout, stderr."""
    figures()
    done = run_in(ROOT, [sys.executable, "-m", "calculators", "run", name, *fields, "--json"], timeout=60)
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else None, done.stderr


def assert_cli_rejects(name: str, field: str, value: str) -> None:
    """The CLI refuses ``field=value`` with exit status 2, naming only that field, and no traceback."""
    code, got, stderr = cli(name, f"{field}={value}")
    assert code == 2
    assert list(got["errors"]) == [field]
    assert "Traceback" not in stderr


_NUMBERS = st.one_of(
    st.integers(min_value=-(10**9), max_value=10**9).map(str),
    st.integers(min_value=0, max_value=10**7).map(lambda n: f"{n:,}"),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(min_value=-1000, max_value=10**7, places=2, allow_nan=False).map(str),
    st.sampled_from(["", " ", "$", "%", "1e5", "150.000", "1,5", "NaN", "inf", "-0", "0", "١٢", "$150,000.50", "50%"]),
    st.text(max_size=12),
)


def raw_value(spec: Input) -> st.SearchStrategy[str]:
    """Raw text for one field: mostly plausible, sometimes garbage."""
    if spec.kind == "choice":
        return st.one_of(st.sampled_from([c.value for c in spec.choices]), st.text(max_size=12))
    if spec.kind == "yes-no":
        return st.one_of(st.sampled_from(["yes", "no", "true", "0", "maybe", ""]), st.text(max_size=5))
    if spec.kind == "text":
        return st.text(max_size=250)
    return _NUMBERS


def raw_fields(calculator: Calculator) -> st.SearchStrategy[list[tuple[str, str]]]:
    """Any subset of the fields with raw values, sometimes with an unknown field added."""
    known = st.fixed_dictionaries({}, optional={spec.name: raw_value(spec) for spec in calculator.inputs})
    unknown = st.lists(st.tuples(st.text(min_size=1, max_size=8), st.text(max_size=8)), max_size=1)
    return st.tuples(known, unknown).map(lambda both: [*both[0].items(), *both[1]])


def finite_outputs(outputs: Mapping[str, Any]) -> bool:
    return all(isinstance(value, str) or math.isfinite(value) for value in outputs.values())


def check_any_input(calculator: Calculator, fields: Iterable[tuple[str, str]]) -> Result | None:
    """Either field errors naming given or known fields, or a finite, serialisable result."""
    fields = list(fields)
    try:
        inputs, result = calculate(calculator, fields)
    except InputErrors as problem:
        found = problem.errors
    else:
        found = {}
    if found:
        names = {spec.name for spec in calculator.inputs} | {name for name, _ in fields}
        for name, message in found.items():
            assert name in names or name.endswith("..."), name
            assert message
        return None
    shown = present(calculator, inputs, result)
    assert finite_outputs({name: item.value for name, item in shown.outputs.items()})
    assert all(isinstance(line.amount.value, str) or math.isfinite(line.amount.value) for line in shown.breakdown)
    again = present(calculator, inputs, calculator.compute(inputs))
    assert dumps(shown.record()) == dumps(again.record())
    assert shown.charts == again.charts
    return result


def any_outputs(calculator: Calculator, fields: Iterable[tuple[str, str]]) -> dict[str, float] | None:
    """:func:`check_any_input`'s outputs as numbers, or None where the fields had errors."""
    result = check_any_input(calculator, fields)
    return None if result is None else {name: float(value) for name, value in result.outputs.items()}
