"""Properties every registered calculator must have, whatever a reader types.

Hostile input (empty, whitespace, huge, NaN, Infinity, hex, exponents, Unicode digits,
locale formats, over-long strings, unknown and repeated fields) either parses to the
number a person meant or is refused with a message naming the field. Outputs are always
finite, and money is never negative.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import registry
from calculators.parsing import InputErrors, unparse
from calculators.results import calculate, dumps, present
from calculators.spec import Calculator, Input

HOSTILE = [
    "",
    " ",
    "\t",
    "-1",
    "0",
    "-0",
    "1e308",
    "1E5",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "0x1F",
    "0b101",
    "١٢٣",
    "１２３",
    "12\u00a0000",
    "1.234,56",
    "1 234",
    "1'234",
    "150.000",
    "9" * 400,
    "$",
    "%",
    "--5",
    "5-",
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "${7*7}",
    "yes",
    "on",
]


def _plausible(spec: Input) -> st.SearchStrategy[str]:
    """Text a person might type into this field, in and out of range."""
    if spec.kind == "choice":
        return st.sampled_from([c.value for c in spec.choices] + [c.label for c in spec.choices])
    if spec.kind == "yes-no":
        return st.sampled_from(["yes", "no", "on", "off", "true", "false"])
    if spec.kind == "text":
        return st.text(max_size=spec.max_length + 5)
    low = spec.minimum if spec.minimum is not None else -1e6
    high = spec.maximum if spec.maximum is not None else 1e9
    numbers = st.floats(min_value=low - 10, max_value=high * 1.1 + 10, allow_nan=False)
    return st.one_of(
        numbers.map(lambda v: unparse(spec, round(v) if spec.kind == "integer" else round(v, 2))),
        numbers.map(lambda v: f"{v:,.2f}"),
    )


def _fields(calc: Calculator) -> st.SearchStrategy[list[tuple[str, str]]]:
    names = [spec.name for spec in calc.inputs]
    one = st.one_of(
        st.sampled_from(calc.inputs).flatmap(lambda s: st.tuples(st.just(s.name), _plausible(s))),
        st.tuples(st.sampled_from(names), st.sampled_from(HOSTILE)),
        st.tuples(st.sampled_from(names), st.text(max_size=20)),
        st.tuples(st.sampled_from(["bogus", "__proto__", "constructor", "x" * 100]), st.text(max_size=5)),
    )
    return st.lists(one, max_size=len(names) + 2)


def _check(calc: Calculator, fields: list[tuple[str, str]]) -> None:
    try:
        inputs, result = calculate(calc, fields)
    except InputErrors as problem:
        assert problem.errors
        given_names = {name for name, _ in fields}
        for name, message in problem.errors.items():
            assert name in given_names or name in {s.name for s in calc.inputs} or name.endswith("...")
            assert message
            assert "Traceback" not in message
        return
    record = present(calc, inputs, result).record()
    for spec in calc.outputs:
        value = record["outputs"][spec.name]
        if spec.kind == "text":
            assert isinstance(value, str)
            continue
        assert math.isfinite(value), (spec.name, value)
        if spec.kind == "money":
            assert value >= 0, (spec.name, value)
    text = dumps(record)
    # No bare NaN or Infinity token (text a reader typed, such as a candidate's name, may spell them).
    json.loads(text, parse_constant=_refuse_constant)


def _refuse_constant(token: str) -> object:
    raise AssertionError(f"non-finite number in the JSON: {token}")


CALCULATORS = registry()


@pytest.mark.slow(seconds=20)
@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_hostile_and_plausible_input(name: str) -> None:
    calc = CALCULATORS[name]

    @settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_fields(calc))
    def run(fields: list[tuple[str, str]]) -> None:
        _check(calc, fields)

    run()


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_each_hostile_value_in_each_field_is_read_or_refused_by_name(name: str) -> None:
    calc = CALCULATORS[name]
    for spec in calc.inputs:
        for raw in HOSTILE:
            try:
                inputs, _ = calculate(calc, [(spec.name, raw)])
            except InputErrors as problem:
                assert spec.name in problem.errors or not raw.strip(), (spec.name, raw, problem.errors)
                continue
            value = inputs[spec.name]
            if spec.kind in {"number", "integer"} and raw.strip():
                assert isinstance(value, int | float)
                assert math.isfinite(value)
                assert raw.strip() in {"0", "-0", "-1"}, (spec.name, raw, value)


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_defaults_alone_give_a_result(name: str) -> None:
    calc = CALCULATORS[name]
    inputs, result = calculate(calc, [])
    assert set(result.outputs) == {spec.name for spec in calc.outputs}
    assert result.breakdown, "every result explains itself line by line"
    assert calc.assumptions, "every calculator states its assumptions"
    for spec in calc.inputs:
        assert spec.help, f"{name}.{spec.name} has no help text"
    _check(calc, [(spec.name, unparse(spec, inputs[spec.name])) for spec in calc.inputs])
