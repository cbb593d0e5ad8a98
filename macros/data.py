"""The guide's facts: typed schemas for ``data/*.yaml`` and the loader that checks them.

Everything a page or a calculator shows comes from a :class:`GuideData` built here. A data
file that is missing, malformed or inconsistent stops the build with a :class:`DataError`
naming the file, the key path and the problem.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from macros.yamlsafe import YamlProblem, load_yaml

MAX_MONEY = 100_000_000
"""Larger than any figure this guide could hold; a bigger one is a typo."""

Money = Annotated[int | float, Field(ge=0, le=MAX_MONEY, allow_inf_nan=False)]
Percent = Annotated[int | float, Field(ge=0, le=100, allow_inf_nan=False)]
Multiple = Annotated[int | float, Field(ge=0, le=100, allow_inf_nan=False)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]


def _iso_date(value: object) -> datetime.date:
    """A calendar date written YYYY-MM-DD (the YAML reader leaves dates as text)."""
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"must be a date written YYYY-MM-DD, got {value!r}"[:120])
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{value!r} is not a real date ({error})") from None


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]


class Strict(BaseModel):
    """Base for every data record: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Sourced(Strict):
    """A record that says where its figures come from and when they were true."""

    source: Key
    as_of: IsoDate


class Range(Sourced):
    """A low-high range; ``min`` may not exceed ``max``."""

    min: float
    max: float

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is larger than max ({self.max:g})")
        return self


class MoneyBand(Range):
    """A pay band in whole currency units for one period (a year or an hour)."""

    min: Money
    max: Money
    currency: Literal["USD"]
    period: Literal["year", "hour"]
    region: Text
    label: Text | None = None


class PercentRange(Range):
    min: Percent
    max: Percent
    unit: Literal["percent"]


class Overhead(PercentRange):
    covers: Annotated[list[Text], Field(min_length=1)]


class Vesting(Sourced):
    years: Annotated[int, Field(ge=1, le=10)]
    cliff_months: Annotated[int, Field(ge=0, le=120)]

    @model_validator(mode="after")
    def _cliff_within_vesting(self) -> Self:
        if self.cliff_months > self.years * 12:
            raise ValueError(f"cliff_months ({self.cliff_months}) is longer than the vesting ({self.years} years)")
        return self


class BadHireCost(Range):
    min: Multiple
    max: Multiple
    unit: Literal["multiple"]
    months_before_exit: Annotated[int, Field(ge=1, le=60)]


class Source(Strict):
    title: Text
    kind: Literal["published", "editorial"]
    publisher: Text
    note: Text
    as_of: IsoDate
    url: Annotated[str, Field(pattern=r"^https://")] | None = None


class Level(Strict):
    label: Text
    min_years: Annotated[int, Field(ge=0, le=60)]
    max_years: Annotated[int, Field(ge=0, le=60)] | None

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max_years is not None and self.min_years > self.max_years:
            raise ValueError(f"min_years ({self.min_years}) is larger than max_years ({self.max_years})")
        return self


class Pay(Strict):
    salary: dict[Key, MoneyBand]
    freelance: dict[Key, MoneyBand]
    agency: Annotated[dict[Key, MoneyBand], Field(min_length=1)]
    overhead: Overhead


class Equity(Strict):
    early_engineer: PercentRange
    vesting: Vesting
    defaults: EquityDefaults


class Driver(Sourced):
    """One driver of the bad-hire estimate: a starting value with its unit and meaning."""

    value: Annotated[int | float, Field(ge=0, le=MAX_MONEY, allow_inf_nan=False)]
    unit: Literal["multiple", "percent", "hours", "usd-per-hour", "months"]
    label: Text
    note: Text

    @model_validator(mode="after")
    def _percent_in_range(self) -> Self:
        if self.unit == "percent" and self.value > 100:
            raise ValueError(f"a percentage cannot exceed 100, got {self.value:g}")
        return self


class BadHireDrivers(Strict):
    output_value_multiple: Driver
    productivity_pct: Driver
    team_hours_per_week: Driver
    team_hourly_cost: Driver
    recruiting_fee_pct: Driver
    severance_months: Driver
    months_to_refill: Driver


class BadHire(Strict):
    cost: BadHireCost
    drivers: BadHireDrivers


class EquityDefaults(Sourced):
    valuation: Money
    months_employed: Annotated[int, Field(ge=0, le=600)]
    dilution_pct: Annotated[int | float, Field(ge=0, lt=100, allow_inf_nan=False)]


class EngagementDefaults(Sourced):
    level: Key
    months: Annotated[int, Field(ge=1, le=120)]
    ft_hiring_cost: Money
    agency_region: Key


class Engagement(Strict):
    defaults: EngagementDefaults


class RoleAnswer(Strict):
    label: Text
    seniority: Key
    skills: list[Text]
    areas: list[Key]
    reason: Text
    warning: Text | None = None


class RoleQuestion(Strict):
    label: Text
    default: Key
    answers: Annotated[dict[Key, RoleAnswer], Field(min_length=2)]

    @model_validator(mode="after")
    def _default_is_an_answer(self) -> Self:
        if self.default not in self.answers:
            raise ValueError(f"default {self.default!r} is not one of the answers ({', '.join(self.answers)})")
        return self


class EngagementModel(Strict):
    label: Text


class EngagementRule(Strict):
    when: dict[Key, Key]
    model: Key
    reason: Text


class Role(Sourced):
    questions: Annotated[dict[Key, RoleQuestion], Field(min_length=1)]
    models: dict[Literal["full-time", "freelance", "agency"], EngagementModel]
    engagement: Annotated[list[EngagementRule], Field(min_length=1)]
    top_areas: Annotated[int, Field(ge=1, le=8)]

    @field_validator("engagement")
    @classmethod
    def _rules_make_sense(cls, rules: list[EngagementRule], info: ValidationInfo) -> list[EngagementRule]:
        questions: dict[str, RoleQuestion] = info.data.get("questions", {})
        models: dict[str, EngagementModel] = info.data.get("models", {})
        for index, rule in enumerate(rules):
            if models and rule.model not in models:
                known = ", ".join(models)
                raise ValueError(f"rule {index + 1}: unknown model {rule.model!r} (models: {known})")
            for question, answer in rule.when.items():
                if question not in questions:
                    raise ValueError(f"rule {index + 1}: unknown question {question!r}")
                if answer not in questions[question].answers:
                    raise ValueError(f"rule {index + 1}: {question} has no answer {answer!r}")
        if rules[-1].when:
            raise ValueError("the last engagement rule must have no conditions (when: {}) so that one always matches")
        return rules


class Days(Sourced):
    days: Annotated[int, Field(ge=1, le=3650)]


class Minutes(Sourced):
    minutes: Annotated[int, Field(ge=1, le=24 * 60)]


class Hours(Sourced):
    hours: Annotated[int, Field(ge=1, le=8784)]


class HourSpan(Sourced):
    min_hours: Annotated[int, Field(ge=1, le=200)]
    max_hours: Annotated[int, Field(ge=1, le=200)]

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min_hours > self.max_hours:
            raise ValueError(f"min_hours ({self.min_hours}) is larger than max_hours ({self.max_hours})")
        return self


class WeekSpan(Sourced):
    min_weeks: Annotated[int, Field(ge=1, le=520)]
    max_weeks: Annotated[int, Field(ge=1, le=520)]

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min_weeks > self.max_weeks:
            raise ValueError(f"min_weeks ({self.min_weeks}) is larger than max_weeks ({self.max_weeks})")
        return self


class CountSpan(Range):
    min: Annotated[int, Field(ge=0, le=1000)]
    max: Annotated[int, Field(ge=0, le=1000)]


class SlowQuery(Sourced):
    seconds: Annotated[int, Field(ge=1, le=86_400)]
    rows: Annotated[int, Field(ge=1, le=10**12)]


class Process(Strict):
    """Durations, counts and time budgets of the hiring process."""

    first_plan: Days
    paired_session: Minutes
    take_home: HourSpan
    planted_issues: CountSpan
    slow_query: SlowQuery
    time_to_hire: WeekSpan
    paid_trial: WeekSpan
    full_time_year: Hours


RUBRIC_AREAS = (
    "system-design",
    "concurrency",
    "database",
    "code-review",
    "hindsight",
    "production-debugging",
    "work-sample",
    "references",
)
"""The rubric's areas in interview order; the scorecard calculator relies on these keys."""

RUBRIC_LEVELS = ("weak", "mixed", "solid", "excellent")
"""The four rubric levels, lowest first; each area describes every one."""

RED_FLAGS = (
    "unexplained-decisions",
    "no-questions",
    "defensive-review",
    "unreachable-references",
    "careless-sample",
    "inflated-seniority",
)
"""The six red flags; the scorecard calculator relies on these keys."""


def _exact_keys(expected: tuple[str, ...], what: str) -> AfterValidator:
    """A validator: the keys (of a mapping, or ``key`` fields of a list) are exactly ``expected``, in order."""

    def check(value: Any) -> Any:
        keys = list(value) if isinstance(value, dict) else [item.key for item in value]
        missing = [key for key in expected if key not in keys]
        unknown = [key for key in keys if key not in expected]
        if missing or unknown:
            parts = [f"missing {', '.join(missing)}"] if missing else []
            parts += [f"unknown {', '.join(unknown)}"] if unknown else []
            raise ValueError(f"{what} must be exactly {', '.join(expected)} ({'; '.join(parts)})")
        if tuple(keys) != expected:
            raise ValueError(f"{what} must be in this order: {', '.join(expected)}")
        return value

    return AfterValidator(check)


class ScaleLevel(Strict):
    key: Key
    score: Annotated[int, Field(ge=1, le=4)]
    label: Annotated[str, Field(min_length=1, max_length=40)]
    meaning: Text


class Scale(Sourced):
    """The rubric's four levels, weak to excellent, scored 1 to 4."""

    levels: Annotated[list[ScaleLevel], _exact_keys(RUBRIC_LEVELS, "levels")]

    @model_validator(mode="after")
    def _scored_in_order(self) -> Self:
        scores = [level.score for level in self.levels]
        if scores != list(range(1, len(RUBRIC_LEVELS) + 1)):
            raise ValueError(f"levels: scores must be 1, 2, 3, 4 from weak to excellent, got {scores}")
        return self


class Rubric(Sourced):
    """What an answer sounds like at each level, for one area."""

    weak: Text
    mixed: Text
    solid: Text
    excellent: Text

    def describe(self, level: str) -> str:
        return str(getattr(self, level))


class Area(Sourced):
    """One rubric area: a question (or task, or check), what it shows and how to score it."""

    title: Text
    kind: Literal["interview", "work-sample", "reference"]
    prompt: Text
    reveals: Text
    rubric: Rubric
    follow_ups: Annotated[list[Text], Field(min_length=1, max_length=8)]


class Interview(Strict):
    scale: Scale
    areas: Annotated[dict[Key, Area], _exact_keys(RUBRIC_AREAS, "areas")]


class AreaWeight(Sourced):
    weight: Annotated[int | float, Field(ge=0, le=100, allow_inf_nan=False)]


class ScoreBand(Strict):
    key: Key
    label: Text
    min_score: Annotated[int | float, Field(ge=0, le=100, allow_inf_nan=False)]
    meaning: Text


class Recommendation(Sourced):
    min_scored_areas: Annotated[int, Field(ge=1, le=50)]
    bands: Annotated[list[ScoreBand], Field(min_length=1)]

    @model_validator(mode="after")
    def _bands_descend_to_zero(self) -> Self:
        thresholds = [band.min_score for band in self.bands]
        if any(high <= low for high, low in itertools.pairwise(thresholds)):
            raise ValueError(f"bands must run from the highest min_score down, got {thresholds}")
        if thresholds[-1] != 0:
            raise ValueError(f"the last band must start at 0, got {thresholds[-1]:g}")
        return self


class Scorecard(Strict):
    """The scorecard calculator's weights (keyed like interview.yaml's areas) and bands."""

    areas: Annotated[dict[Key, AreaWeight], _exact_keys(RUBRIC_AREAS, "areas")]
    recommendation: Recommendation

    @model_validator(mode="after")
    def _some_weight(self) -> Self:
        if sum(area.weight for area in self.areas.values()) <= 0:
            raise ValueError("the area weights add up to 0; at least one must be positive")
        return self


class RedFlag(Sourced):
    title: Text
    looks_like: Text
    why_it_matters: Text
    check: Text
    check_source: Key
    """Where the check comes from; the signal itself is ``source``."""
    shows_in: Annotated[list[Key], Field(min_length=1)]


@dataclass(frozen=True)
class GuideData:
    """Every validated fact, ready for the macros and the calculators."""

    sources: Mapping[str, Source]
    levels: Mapping[str, Level]
    pay: Pay
    equity: Equity
    bad_hire: BadHire
    engagement: Engagement
    scorecard: Scorecard
    role: Role
    process: Process
    interview: Interview
    red_flags: Mapping[str, RedFlag]


# One schema per file. A new data file is one entry here and one field on GuideData.
SCHEMAS: dict[str, Any] = {
    "sources.yaml": dict[Key, Source],
    "levels.yaml": Annotated[dict[Key, Level], Field(min_length=1)],
    "pay.yaml": Pay,
    "equity.yaml": Equity,
    "bad_hire.yaml": BadHire,
    "engagement.yaml": Engagement,
    "scorecard.yaml": Scorecard,
    "role.yaml": Role,
    "process.yaml": Process,
    "interview.yaml": Interview,
    "red_flags.yaml": Annotated[dict[Key, RedFlag], _exact_keys(RED_FLAGS, "red flags")],
}


@dataclass(frozen=True)
class Problem:
    file: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"


class DataError(Exception):
    """The data files are not fit to build from. ``problems`` lists each fault."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"the guide's data has {len(self.problems)} problem(s):\n{lines}")


def _key_path(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif part in {"int", "float", "function-after[_ordered()]"} or part.startswith(("function-", "constrained-")):
            continue  # pydantic's names for union members and validators, not keys
        elif part == "[key]" or re.fullmatch(r"[^\s.\[\]'\"]+", part):
            parts.append(part)
        else:
            parts.append(repr(part))  # an empty, blank or odd key stays visible in the message
    return ".".join(parts).replace(".[", "[") or "(top level)"


def _describe(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key (check its spelling)"
    given = error.get("input")
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind in {
        "int_type",
        "float_type",
        "string_type",
        "date_type",
        "bool_type",
        "literal_error",
        "dict_type",
        "list_type",
    }:
        shown = repr(given)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return f"{message}, got {shown}"
    return message


@functools.cache
def _adapter(name: str, schema: Any) -> TypeAdapter[Any]:
    """Building a validator takes far longer than using it: one per data file per process."""
    return TypeAdapter(schema)


def _validate(name: str, schema: Any, raw: Any) -> tuple[Any, list[Problem]]:
    file = f"data/{name}"
    try:
        return _adapter(name, schema).validate_python(raw), []
    except ValidationError as error:
        seen: set[tuple[str, str]] = set()
        problems: list[Problem] = []
        for item in error.errors():
            key, message = _key_path(item["loc"]), _describe(item)
            if (key, message) not in seen:
                seen.add((key, message))
                problems.append(Problem(file, key, message))
        return None, problems


def _cross_check(data: GuideData) -> list[Problem]:
    """Checks that span files: known sources, and a band for every level and no others."""
    problems: list[Problem] = []

    def sourced(file: str, key: str, record: Sourced) -> None:
        if record.source not in data.sources:
            known = ", ".join(sorted(data.sources))
            problems.append(Problem(file, f"{key}.source", f"unknown source {record.source!r} (known: {known})"))

    levels = set(data.levels)
    for table_name in ("salary", "freelance"):
        table: dict[str, MoneyBand] = getattr(data.pay, table_name)
        for level in sorted(set(table) - levels):
            problems.append(
                Problem("data/pay.yaml", f"{table_name}.{level}", f"unknown level (levels: {', '.join(data.levels)})")
            )
        for level in data.levels:
            if level not in table:
                problems.append(Problem("data/pay.yaml", f"{table_name}.{level}", "required key is missing"))
        for level, band in table.items():
            sourced("data/pay.yaml", f"{table_name}.{level}", band)
    for region, band in data.pay.agency.items():
        sourced("data/pay.yaml", f"agency.{region}", band)
    sourced("data/pay.yaml", "overhead", data.pay.overhead)
    sourced("data/equity.yaml", "early_engineer", data.equity.early_engineer)
    sourced("data/equity.yaml", "vesting", data.equity.vesting)
    sourced("data/bad_hire.yaml", "cost", data.bad_hire.cost)
    for name in type(data.process).model_fields:
        sourced("data/process.yaml", name, getattr(data.process, name))
    sourced("data/interview.yaml", "scale", data.interview.scale)
    for key, area in data.interview.areas.items():
        sourced("data/interview.yaml", f"areas.{key}", area)
        sourced("data/interview.yaml", f"areas.{key}.rubric", area.rubric)
    for key, flag in data.red_flags.items():
        sourced("data/red_flags.yaml", key, flag)
        if flag.check_source not in data.sources:
            problems.append(
                Problem("data/red_flags.yaml", f"{key}.check_source", f"unknown source {flag.check_source!r}")
            )
        for shown in flag.shows_in:
            if shown not in data.interview.areas:
                problems.append(
                    Problem(
                        "data/red_flags.yaml",
                        f"{key}.shows_in",
                        f"unknown interview area {shown!r} (areas: {', '.join(data.interview.areas)})",
                    )
                )
    problems.extend(_cross_check_calculators(data, sourced))
    return problems


def _cross_check_calculators(data: GuideData, sourced: Callable[[str, str, Sourced], None]) -> list[Problem]:
    """The calculators' data: known sources, levels, regions and interview areas."""
    problems: list[Problem] = []
    for name, driver in data.bad_hire.drivers:
        sourced("data/bad_hire.yaml", f"drivers.{name}", driver)
    sourced("data/equity.yaml", "defaults", data.equity.defaults)
    defaults = data.engagement.defaults
    sourced("data/engagement.yaml", "defaults", defaults)
    if defaults.level not in data.levels:
        problems.append(
            Problem("data/engagement.yaml", "defaults.level", f"unknown level (levels: {', '.join(data.levels)})")
        )
    if defaults.agency_region not in data.pay.agency:
        known = ", ".join(data.pay.agency)
        problems.append(Problem("data/engagement.yaml", "defaults.agency_region", f"unknown region (regions: {known})"))
    for key, scored in data.scorecard.areas.items():
        sourced("data/scorecard.yaml", f"areas.{key}", scored)
    sourced("data/scorecard.yaml", "recommendation", data.scorecard.recommendation)
    sourced("data/role.yaml", "(top level)", data.role)
    for question_key, question in data.role.questions.items():
        for answer_key, answer in question.answers.items():
            where = f"questions.{question_key}.answers.{answer_key}"
            if answer.seniority not in data.levels:
                known = ", ".join(data.levels)
                problems.append(Problem("data/role.yaml", f"{where}.seniority", f"unknown level (levels: {known})"))
            for area in answer.areas:
                if area not in data.scorecard.areas:
                    known = ", ".join(data.scorecard.areas)
                    problems.append(
                        Problem("data/role.yaml", f"{where}.areas", f"unknown interview area {area!r} (areas: {known})")
                    )
    return problems


def load_data(data_dir: Path) -> GuideData:
    """Read and validate every file in ``data_dir``. Raises :class:`DataError`."""
    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    for name, schema in SCHEMAS.items():
        path = data_dir / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            problems.append(Problem(f"data/{name}", "(file)", "file is missing"))
            continue
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(f"data/{name}", "(file)", f"cannot be read: {error}"))
            continue
        try:
            raw = load_yaml(text)
        except YamlProblem as problem:
            problems.append(Problem(f"data/{name}", problem.key, problem.message))
            continue
        value, found = _validate(name, schema, raw)
        problems.extend(found)
        parsed[name] = value
    if problems:
        raise DataError(problems)
    data = GuideData(
        sources=parsed["sources.yaml"],
        levels=parsed["levels.yaml"],
        pay=parsed["pay.yaml"],
        equity=parsed["equity.yaml"],
        bad_hire=parsed["bad_hire.yaml"],
        engagement=parsed["engagement.yaml"],
        scorecard=parsed["scorecard.yaml"],
        role=parsed["role.yaml"],
        process=parsed["process.yaml"],
        interview=parsed["interview.yaml"],
        red_flags=parsed["red_flags.yaml"],
    )
    problems = _cross_check(data)
    if problems:
        raise DataError(problems)
    return data


__all__ = ["RED_FLAGS", "RUBRIC_AREAS", "RUBRIC_LEVELS", "DataError", "GuideData", "Problem", "load_data"]
