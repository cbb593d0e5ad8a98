"""role: six answers to seniority, engagement model, skills, interview areas and cost, each with its reasons."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import loaded_cost, role
from calculators.figures import EngagementRule
from calculators.formatting import money_range
from calculators.html import results_panel
from calculators.results import present
from calculators.scorecard import areas_of
from tests.calculators.helpers import assert_cli_rejects, check_any_input, cli, errors, figures, raw_fields, record, run

CALC = role.build(figures())
LOADED = loaded_cost.build(figures())
QUESTIONS = figures().role.questions


def test_six_questions_with_defaults_from_data() -> None:
    assert list(QUESTIONS) == ["work", "stack", "team", "codebase", "performance", "ai"]
    got = record(CALC)["inputs"]
    assert got == {key: question.default for key, question in QUESTIONS.items()}


def test_default_answers_give_a_mid_level_employee() -> None:
    got = record(CALC)["outputs"]
    salary = figures().pay.salary["mid"]
    assert got["seniority"] == figures().levels["mid"].label
    assert got["engagement"] == figures().role.models["full-time"].label
    assert (got["cost_low"], got["cost_high"]) == (salary.min, salary.max)
    assert got["cost_range"] == f"{money_range(salary.min, salary.max, figures().pay_currency)} a year"
    assert got["engagement_because"].startswith("No special case applies")


def test_seniority_is_the_highest_any_answer_calls_for_and_names_it() -> None:
    got = record(CALC, performance="data-volume")["outputs"]
    assert got["seniority"] == figures().levels["senior"].label
    assert "“Large data volumes”" in got["seniority_because"]
    assert "“Building or extending an API”" not in got["seniority_because"]
    junior = record(CALC, work="api", stack="python", team="team", performance="standard", ai="none")
    assert junior["outputs"]["seniority"] == figures().levels["mid"].label  # the API and brownfield call for mid


@pytest.mark.parametrize(
    ("answers", "model"),
    [
        ({"work": "migration", "team": "solo"}, "agency"),
        ({"work": "migration", "team": "team"}, "freelance"),
        ({"team": "solo", "stack": "none"}, "full-time"),
        ({"team": "solo", "stack": "python"}, "full-time"),
    ],
)
def test_engagement_rules_from_data(answers: dict[str, str], model: str) -> None:
    got = record(CALC, **answers)["outputs"]
    labels: dict[str, str] = {key: value.label for key, value in figures().role.models.items()}
    assert got["engagement"] == labels[model]


def test_engagement_names_the_matching_answers_and_costs_follow_the_model() -> None:
    agency = record(CALC, work="migration", team="solo")
    migration = QUESTIONS["work"].answers["migration"].label
    solo = QUESTIONS["team"].answers["solo"].label
    assert agency["outputs"]["engagement_because"].startswith(f"Because of “{migration}”; “{solo}”")
    bands = figures().pay.agency.values()
    assert agency["outputs"]["cost_low"] == min(band.min for band in bands)
    assert agency["outputs"]["cost_high"] == max(band.max for band in bands)
    assert agency["outputs"]["cost_range"].endswith("an hour")
    assert agency["warnings"]
    freelance = record(CALC, work="migration")
    location = figures().engagement.defaults.freelancer_location
    senior = figures().pay.freelance[location].bands["senior"]
    assert (freelance["outputs"]["cost_low"], freelance["outputs"]["cost_high"]) == (senior.min, senior.max)
    assert any("a month" in warning for warning in freelance["warnings"])


def test_loaded_costs_are_loaded_costs_total_at_the_bands_ends() -> None:
    for answers in ({}, {"performance": "data-volume"}, {"work": "migration"}, {"work": "migration", "team": "solo"}):
        got = record(CALC, **answers)["outputs"]
        level = next(key for key, level in figures().levels.items() if level.label == got["seniority"])
        band = figures().pay.salary[level]
        for end, amount in (("low", band.min), ("high", band.max)):
            total = record(LOADED, level=level, base_salary=str(amount))["outputs"]["total_annual"]
            assert got[f"loaded_cost_{end}"] == total, (answers, end)
        assert band.min < got["loaded_cost_low"] < got["loaded_cost_high"]


def test_a_full_time_cost_is_the_base_salary_band() -> None:
    got = record(CALC)["outputs"]
    salary = figures().pay.salary["mid"]
    assert (got["cost_low"], got["cost_high"]) == (salary.min, salary.max)
    assert got["loaded_cost_low"] > got["cost_low"]
    assert got["loaded_cost_high"] > got["cost_high"]


def test_a_freelancer_compares_a_full_time_month_with_the_loaded_employee() -> None:
    got = record(CALC, work="migration")
    out = got["outputs"]
    hours = figures().quantity("full_time_year") / 12
    currency = figures().pay_currency
    # The rate's ends × a full-time month, against the loaded cost's ends ÷ 12.
    month = money_range(out["cost_low"] * hours, out["cost_high"] * hours, currency)
    employee = money_range(out["loaded_cost_low"] / 12, out["loaded_cost_high"] / 12, currency)
    assert any(month in warning and employee in warning for warning in got["warnings"])


def test_an_answer_can_carry_a_warning() -> None:
    core = QUESTIONS["ai"].answers["core"]
    assert core.warning
    assert core.warning in record(CALC, ai="core")["warnings"]
    assert record(CALC)["warnings"] == []


def test_interview_areas_are_the_most_named_in_scorecard_order() -> None:
    got = record(CALC)["outputs"]
    titles = {area.key: area.title for area in areas_of(figures())}
    # Defaults: api -> system-design, database; python, pair, brownfield -> code-review (3 times);
    # brownfield -> production-debugging. Code review first, then ties in scorecard order.
    assert got["interview_areas"] == "; ".join(titles[key] for key in ("code-review", "system-design", "database"))
    assert f"{titles['code-review']}: named by “A Python stack we keep”" in got["interview_areas_because"]


def test_rules_are_read_from_data_not_code() -> None:
    data = figures()
    rule = EngagementRule(when={"ai": "none"}, model="freelance", reason="Test rule.")
    changed = role.build(
        dataclasses.replace(data, role=dataclasses.replace(data.role, engagement=[rule, *data.role.engagement]))
    )
    got = record(changed)["outputs"]
    assert got["engagement"] == figures().role.models["freelance"].label
    assert got["engagement_because"].endswith("Test rule.")


def test_bad_answer_names_the_field() -> None:
    found = errors(CALC, team="crowd", ai="maybe")
    assert set(found) == {"team", "ai"}
    assert "solo" in found["team"]


ANSWERS = st.fixed_dictionaries({key: st.sampled_from(list(question.answers)) for key, question in QUESTIONS.items()})


@settings(deadline=None, max_examples=150)
@given(ANSWERS)
def test_every_combination_is_explained(answers: dict[str, str]) -> None:
    got = record(CALC, **answers)["outputs"]
    order = list(figures().levels)
    level = next(key for key, level in figures().levels.items() if level.label == got["seniority"])
    chosen = [QUESTIONS[q].answers[value] for q, value in answers.items()]
    assert all(order.index(level) >= order.index(answer.seniority) for answer in chosen)
    assert any(f"“{answer.label}”" in got["seniority_because"] for answer in chosen if answer.seniority == level)
    assert got["cost_low"] <= got["cost_high"]
    band = figures().pay.salary[level]
    assert got["loaded_cost_low"] == record(LOADED, level=level, base_salary=str(band.min))["outputs"]["total_annual"]
    assert got["loaded_cost_high"] == record(LOADED, level=level, base_salary=str(band.max))["outputs"]["total_annual"]
    titles = {area.key: area.title for area in areas_of(figures())}
    named = {titles[key] for answer in chosen for key in answer.areas}
    shown = got["interview_areas"].split("; ")
    assert set(shown) <= named or shown == ["Weight the areas evenly."]
    assert len(shown) <= figures().role.top_areas


@settings(deadline=None, max_examples=100)
@given(raw_fields(CALC))
def test_any_input_gives_errors_or_finite_outputs(fields: list[tuple[str, str]]) -> None:
    check_any_input(CALC, fields)


def test_presented_json_is_stable() -> None:
    first = results_panel(present(CALC, *run(CALC, work="data-pipeline", ai="integration")))
    assert first == results_panel(present(CALC, *run(CALC, work="data-pipeline", ai="integration")))
    assert "How your answers led to each recommendation" in first


def test_cli_round_trip() -> None:
    code, got, _ = cli("role", "work=migration", "team=solo")
    assert code == 0
    assert got["outputs"]["engagement"] == figures().role.models["agency"].label
    assert got["inputs"]["work"] == "migration"


def test_cli_rejects_bad_input() -> None:
    assert_cli_rejects("role", "work", "everything")
