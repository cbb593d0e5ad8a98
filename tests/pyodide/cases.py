"""Generated requests for the equivalence test: valid and invalid, across every calculator.

A seeded generator (the same cases on every run, so a failure can be replayed) writes
requests for :func:`calculators.web.respond`: plausible values written the ways a person
writes them, out-of-range and hostile text, unknown and repeated fields, and a few
malformed requests. ``python -m tests.pyodide.cases`` prints them as JSON.
"""

from __future__ import annotations

import json
import math
import random

from calculators import registry
from calculators.parsing import unparse
from calculators.spec import Calculator, Input

MIN_CASES = 240
PER_CALCULATOR = 120
HOSTILE = (
    "",
    " ",
    "-1",
    "0",
    "1e308",
    "NaN",
    "Infinity",
    "0x1F",
    "١٢٣",
    "1.234,56",
    "150.000",
    "9" * 80,
    "$",
    "--5",
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "yes",
)
MALFORMED = (
    "",
    "not json",
    "[]",
    '{"fields": []}',
    '{"calculator": "no-such-calculator", "fields": []}',
    '{"calculator": "loaded-cost", "fields": "level=senior"}',
    '{"calculator": "loaded-cost", "fields": [["level"]]}',
    '{"calculator": 7}',
)


def _number(spec: Input, rng: random.Random) -> str:
    low = spec.minimum if spec.minimum is not None else 0.0
    high = spec.maximum if spec.maximum is not None else 1e6
    if rng.random() < 0.15:  # just outside the range
        value = rng.choice([low - (spec.step or 1), high + (spec.step or 1)])
    else:
        value = rng.uniform(low, high) if rng.random() < 0.5 else rng.uniform(low, min(high, low + 300_000))
    value = round(value) if spec.kind == "integer" or rng.random() < 0.5 else round(value, 2)
    style = rng.randrange(4)
    if style == 0:
        return unparse(spec, value)
    if style == 1:
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    elif style == 2:
        text = str(value)
    else:
        text = f"{value:.2f}"
    if spec.money and rng.random() < 0.3:
        text = "$" + text
    if spec.unit == "%" and rng.random() < 0.3:
        text += "%"
    return text


def _value(spec: Input, rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(HOSTILE)
    if spec.kind in {"number", "integer"}:
        return _number(spec, rng)
    if spec.kind == "choice":
        return rng.choice([c.value for c in spec.choices] + [c.value.upper() for c in spec.choices] + ["other"])
    if spec.kind == "yes-no":
        return rng.choice(["yes", "no", "on", "off", "true", "maybe"])
    return "".join(rng.choice("abc <>&\"'é") for _ in range(rng.randrange(12)))


def _case(calc: Calculator, rng: random.Random) -> dict[str, object]:
    chosen = rng.sample(calc.inputs, rng.randrange(len(calc.inputs) + 1))
    fields = [[spec.name, _value(spec, rng)] for spec in chosen]
    roll = rng.random()
    if roll < 0.05:
        fields.append(["bogus", "1"])
    elif roll < 0.1 and fields:
        fields.append(list(fields[0]))
    return {"calculator": calc.name, "fields": fields}


def generate(seed: int = 20261125) -> list[str]:
    """The requests, as the JSON text the page's worker sends."""
    rng = random.Random(seed)  # noqa: S311 - test data, replayable by seed
    calculators = registry()
    per = max(PER_CALCULATOR, math.ceil(MIN_CASES / len(calculators)))
    cases = [json.dumps(_case(calc, rng)) for calc in calculators.values() for _ in range(per)]
    return cases + list(MALFORMED)


if __name__ == "__main__":
    print(json.dumps(generate()))
