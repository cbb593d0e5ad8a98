"""Generated requests for the equivalence test: valid and invalid, across every calculator.

A seeded generator (the same cases on every run, so a failure can be replayed) writes
requests for :func:`calculators.web.respond`: plausible values written the ways a person
writes them, out-of-range and hostile text, unknown and repeated fields, and a few
malformed requests. :data:`NAMED` adds hand-picked valid requests that set each input the
rebuilt models read (the state and its overrides, the health plan, a blank and a set flat
overhead, the freelancer's location, the strike, the exit, the hire number, knock-outs) and
reach each branch (wage bases, underwater options, the cliff, the warnings and notes).
:data:`SCENARIOS` adds requests that carry kept scenarios (differences, names to escape,
parameters to ignore with a note). ``python -m tests.pyodide.cases`` prints them all as JSON.
"""

from __future__ import annotations

import json
import math
import random

from calculators import registry
from calculators.figures import shipped
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


NAMED: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    # loaded-cost: states, overrides, plans, itemised and flat, both sides of the wage bases.
    ("loaded-cost", (("state", "ca"), ("health_plan", "family"), ("base_salary", "250,000"))),
    ("loaded-cost", (("state", "tx"), ("health_plan", "none"), ("overhead_pct", ""), ("base_salary", "100000"))),
    ("loaded-cost", (("base_salary", "$150,000"), ("overhead_pct", "25%"), ("recruiting_fee", "15,000"))),
    ("loaded-cost", (("base_salary", "100,000"), ("overhead_pct", "0"))),
    (
        "loaded-cost",
        (
            ("state", "ny"),
            ("state_unemployment_pct", "2.5"),
            ("state_wage_base", "20,000"),
            ("health_plan", "single"),
            ("base_salary", "5,000"),
        ),
    ),
    (
        "loaded-cost",
        (
            ("state", "other"),
            ("retirement_match_pct", "4"),
            ("workers_comp_pct", "0.5"),
            ("other_benefits_per_year", "1,500"),
            ("equipment_per_year", "2,500"),
            ("payroll_fee_per_year", "700"),
            ("recruiting_fee", "0"),
        ),
    ),
    ("loaded-cost", (("level", "senior"), ("base_salary", "1,000,000"), ("state", "ca"))),
    ("loaded-cost", (("level", "junior"), ("base_salary", "10,000"), ("health_plan", "none"))),
    # engagement: where the freelancer and the agency are, a blank and a set overhead, the thresholds.
    ("engagement", (("freelancer_location", "remote"), ("agency_region", "eastern-europe-south-asia"))),
    ("engagement", (("freelancer_location", "us"), ("level", "senior"), ("overhead_pct", ""))),
    (
        "engagement",
        (
            ("ft_base_salary", "100,000"),
            ("overhead_pct", "20"),
            ("months", "6"),
            ("ft_hiring_cost", "$10,000"),
            ("freelance_rate", "50"),
            ("hours_per_month", "100"),
            ("agency_rate", "60"),
        ),
    ),
    ("engagement", (("ft_base_salary", "500,000"), ("overhead_pct", "20"), ("freelance_rate", "1"))),
    # bad-hire: every driver set, and the itemised employee.
    (
        "bad-hire",
        (
            ("base_salary", "120,000"),
            ("overhead_pct", "25"),
            ("months_before_exit", "6"),
            ("output_value_multiple", "2"),
            ("productivity_pct", "50"),
            ("team_hours_per_week", "5"),
            ("team_hourly_cost", "60"),
            ("recruiting_fee_pct", "20"),
            ("severance_months", "1"),
            ("months_to_refill", "3"),
        ),
    ),
    ("bad-hire", (("level", "senior"), ("base_salary", "200,000"), ("overhead_pct", ""), ("months_before_exit", "24"))),
    # equity: the strike, the exit, the hire number (inside, outside, beyond the data, none).
    (
        "equity",
        (
            ("grant_pct", "1"),
            ("valuation", "10,000,000"),
            ("common_price_pct", "25"),
            ("exit_valuation", "100,000,000"),
            ("dilution_pct", "40"),
            ("months_employed", "24"),
            ("base_salary", "150,000"),
            ("hire_number", "1"),
        ),
    ),
    ("equity", (("common_price_pct", "50"), ("exit_valuation", "5,000,000"), ("grant_pct", "1"))),
    ("equity", (("exit_valuation", "0"), ("months_employed", "11"))),
    ("equity", (("hire_number", "3"), ("grant_pct", "0.1"))),
    ("equity", (("hire_number", "6"), ("grant_pct", "0.3"), ("cliff_months", "0"))),
    ("equity", (("hire_number", ""), ("grant_pct", "4.01"), ("months_employed", "48"))),
    # scorecard: knock-outs by a red flag, by the lowest score, none in an area weighted 0, below the cap.
    (
        "scorecard",
        (
            ("score_system_design", "4"),
            ("score_concurrency", "3"),
            ("score_database", "3"),
            ("score_code_review", "2"),
            ("score_hindsight", "4"),
            ("score_production_debugging", "3"),
            ("flag_no_questions", "yes"),
        ),
    ),
    (
        "scorecard",
        (
            ("score_system_design", "4"),
            ("score_concurrency", "4"),
            ("score_database", "1"),
            ("score_code_review", "4"),
            ("score_hindsight", "4"),
            ("score_production_debugging", "4"),
            ("score_work_sample", "4"),
            ("score_references", "4"),
        ),
    ),
    (
        "scorecard",
        (
            ("score_system_design", "4"),
            ("score_database", "1"),
            ("weight_database", "0"),
            ("score_code_review", "4"),
            ("score_work_sample", "4"),
        ),
    ),
    ("scorecard", (("score_database", "1"), ("score_code_review", "1"), ("flag_careless_sample", "yes"))),
    # role: an employee, a freelancer and an agency, with their loaded costs.
    ("role", ()),
    ("role", (("work", "migration"),)),
    ("role", (("work", "migration"), ("team", "solo"))),
    ("role", (("performance", "data-volume"), ("ai", "core"))),
)
"""Hand-picked valid requests (calculator, fields), every one answered with a result."""
SOURCES_HREFS = ("../../sources/", "javascript:alert(1)", "/sources/")
"""The Sources page's address as a page sends it: a relative path, and two the worker ignores."""


def at_thresholds() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Requests on either side of the thresholds in data: the BLS 10th percentile (a salary
    warning) and the misclassification rule (hours a month and months)."""
    figures = shipped()
    floor = figures.pay.market.value_at(10) or 0.0
    rule = figures.engagement.misclassification
    hours, months = rule.hours_per_month, rule.months
    return (
        ("loaded-cost", (("level", "junior"), ("base_salary", f"{floor - 1:,.0f}"))),
        ("loaded-cost", (("level", "junior"), ("base_salary", f"{floor:,.0f}"))),
        ("engagement", (("hours_per_month", f"{hours + 1:g}"), ("months", str(months + 1)), ("overhead_pct", ""))),
        ("engagement", (("hours_per_month", f"{hours:g}"), ("months", str(months + 1)))),
        ("engagement", (("hours_per_month", f"{hours + 1:g}"), ("months", str(months)))),
    )


SCENARIOS: tuple[tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]], ...] = (
    (
        "loaded-cost",
        (("base_salary", "100000"), ("overhead_pct", "20")),
        (
            ("s1.name", "Senior <img src=x onerror=alert(1)>"),
            ("s1.level", "senior"),
            ("s1.base_salary", "170,000"),
            ("s2.overhead_pct", "30%"),
            ("s2.state", "ca"),
            ("s3.base_salary", "lots"),
            ("s4.level", "junior"),
            ("s1.bogus", "1"),
        ),
    ),
    (
        "engagement",
        (("hours_per_month", "80"),),
        (
            ("s1.name", "Remote"),
            ("s1.freelancer_location", "remote"),
            ("s2.months", "36"),
            ("s2.hours_per_month", "173"),
        ),
    ),
    ("bad-hire", (), (("s1.months_before_exit", "12"), ("s1.productivity_pct", "25"), ("s2.name", "\u0000 x\t y"))),
    ("equity", (("months_employed", "6"),), (("s1.exit_valuation", "0"), ("s2.cliff_months", "100"))),
    ("role", (), (("s1.work", "migration"), ("s1.team", "solo"), ("s2.name", "x" * 300))),
    ("scorecard", (), (("s1.score_database", "4"),)),
)


def scenario_cases() -> list[str]:
    """:data:`SCENARIOS` as requests: each with the current fields and the kept scenarios."""
    return [
        json.dumps(
            {"calculator": name, "fields": [list(pair) for pair in fields], "scenarios": [list(pair) for pair in kept]}
        )
        for name, fields, kept in SCENARIOS
    ]


def named_cases() -> list[str]:
    """:data:`NAMED` and :func:`at_thresholds` as requests, some with a Sources address."""
    cases = []
    for index, (name, fields) in enumerate((*NAMED, *at_thresholds())):
        request: dict[str, object] = {"calculator": name, "fields": [list(pair) for pair in fields]}
        if index % 4 == 0:
            request["sources_href"] = SOURCES_HREFS[index // 4 % len(SOURCES_HREFS)]
        cases.append(json.dumps(request))
    return cases


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
    return cases + named_cases() + scenario_cases() + list(MALFORMED)


if __name__ == "__main__":
    print(json.dumps(generate()))
