"""What a calculator is: its inputs, its outputs and the result it computes.

A calculator module builds a :class:`Calculator` from the figures in ``data/`` (see
:mod:`calculators.figures`); nothing here knows about HTML, the CLI or the browser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from calculators import formatting
from calculators.figures import Citation, Figures, Sourced
from calculators.formatting import Currency

InputKind = Literal["number", "integer", "choice", "yes-no", "text"]
OutputKind = Literal["money", "percent", "number", "multiple", "text", "yes-no"]
Value = float | int | str | bool | None


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Group:
    """A short heading the form puts ``fields`` under (input names). A ``folded`` group holds
    assumptions a reader rarely changes: it starts closed on screen, open in print and the PDF."""

    title: str
    fields: tuple[str, ...]
    folded: bool = False


@dataclass(frozen=True)
class Input:
    """One field a reader fills in.

    ``default`` is a fixed starting value; ``default_from`` computes one from the inputs
    named in ``depends_on`` (for example a salary from the level), and such a field
    follows those inputs until the reader sets it.
    """

    name: str
    label: str
    kind: InputKind
    help: str = ""
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    default: Value = None
    default_from: Callable[[Inputs], Value] | None = None
    depends_on: tuple[str, ...] = ()
    required: bool = True
    choices: tuple[Choice, ...] = ()
    max_length: int = 200
    currency: Currency | None = None
    """Set for a money amount: its symbol is accepted in front, and values are written with it."""
    currency_from: Callable[[Inputs], Currency] | None = None
    """For an amount whose currency follows another field (a salary in the chosen country's
    currency): the currency, from the inputs named in ``depends_on``; ``currency`` is then the
    currency of the starting values, for the form and the help."""
    applies_if: tuple[str, tuple[str, ...]] | None = None
    """(field, values): the field counts only when that earlier field holds one of the values
    (a US state, for a US employee). Otherwise its value is ``None``, the form hides it, and a
    value given for it is ignored and said so."""
    private: bool = False
    """Kept out of the page's address and of kept scenarios (a candidate's name)."""

    @property
    def money(self) -> bool:
        return self.currency is not None

    def applies(self, values: Mapping[str, Value]) -> bool:
        """Whether the field counts, given the values of the fields before it."""
        if self.applies_if is None:
            return True
        name, allowed = self.applies_if
        return values.get(name) in allowed

    def resolved(self, inputs: Inputs) -> Input:
        """The field with its currency for these inputs (itself when its currency is fixed)."""
        if self.currency_from is None:
            return self
        return replace(self, currency=self.currency_from(inputs))

    def describe(self) -> dict[str, object]:
        """The spec as plain JSON-ready data (for ``list --json`` and the browser)."""
        spec: dict[str, object] = {
            "name": self.name,
            "label": self.label,
            "kind": self.kind,
            "required": self.required,
            "unit": self.unit,
            "help": self.help,
        }
        if self.kind in {"number", "integer"}:
            spec |= {"min": self.minimum, "max": self.maximum, "step": self.step, "money": self.money}
            if self.currency is not None:
                spec["currency"] = self.currency.code
        if self.kind == "choice":
            spec["choices"] = [{"value": c.value, "label": c.label} for c in self.choices]
        if self.kind == "text":
            spec["max_length"] = self.max_length
        if self.depends_on:
            spec["depends_on"] = list(self.depends_on)
        return spec

    def allowed(self) -> str:
        """What this field accepts, in words, for error messages and help."""
        if self.kind == "choice":
            return "one of " + ", ".join(c.value for c in self.choices)
        if self.kind == "yes-no":
            return "yes or no"
        if self.kind == "text":
            return f"text of at most {self.max_length} characters"
        whole = "a whole number" if self.kind == "integer" else "a number"
        low, high = self.minimum, self.maximum
        unit = f" {self.unit}" if self.unit else ""

        def show(value: float) -> str:
            if self.currency is None:
                return f"{value:,.6f}".rstrip("0").rstrip(".")
            return formatting.money(value, self.currency)

        if low is not None and high is not None:
            return f"{whole} from {show(low)} to {show(high)}{unit}"
        if low is not None:
            return f"{whole} of at least {show(low)}{unit}"
        if high is not None:
            return f"{whole} of at most {show(high)}{unit}"
        return whole

    def shown(self, text: str) -> str:
        """A field's text (as :func:`calculators.parsing.unparse` writes it) as a reader reads it:
        a choice by its label, money with its symbol, a percentage with its sign."""
        if self.kind == "choice":
            return next((choice.label for choice in self.choices if choice.value == text), text)
        if not text:
            return text
        if self.currency is not None:
            return f"{self.currency.prefix}{text}{self.currency.suffix}"
        if self.unit == "%":
            return f"{text}%"
        return text


@dataclass(frozen=True)
class Output:
    name: str
    label: str
    kind: OutputKind
    unit: str | None = None
    help: str = ""
    currency: Currency | None = None
    """A money output's own currency, when it is not the result's (a total in US dollars)."""

    def describe(self) -> dict[str, object]:
        return {"name": self.name, "label": self.label, "kind": self.kind, "unit": self.unit, "help": self.help}


@dataclass(frozen=True)
class Line:
    """One line of an itemised breakdown: what it is, how much, and how it was worked out."""

    label: str
    amount: float
    formula: str
    kind: OutputKind = "money"
    currency: Currency | None = None
    """A money line's own currency, when it is not the result's."""


@dataclass(frozen=True)
class Column:
    label: str
    kind: OutputKind


@dataclass(frozen=True)
class Table:
    """A table in a result (for example a vesting schedule); cells are raw values."""

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[float | int | str, ...], ...]
    chart_data: bool = False
    """The data a chart of the same result draws: shown after the charts, folded away on screen."""


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Chart:
    """A line chart in a result. ``description`` is its text alternative."""

    title: str
    x_label: str
    y_label: str
    y_kind: OutputKind
    series: tuple[Series, ...]
    description: str
    currency: Currency | None = None
    """The currency of the y axis when ``y_kind`` is money."""


@dataclass(frozen=True)
class Result:
    outputs: Mapping[str, float | int | str]
    breakdown: tuple[Line, ...] = ()
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    """How the result compares with a published figure or rule (not a warning)."""
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()
    currency: Currency | None = None
    """The currency of this result's money, when it is not the calculator's (a cost abroad)."""
    answer: str = ""
    """One plain sentence that answers the page's question from these numbers, rounded as a person
    would say them; the results open with it."""


def show(kind: OutputKind, value: float | int | str, currency: Currency | None) -> str:
    """A value of ``kind`` as a reader sees it (money in ``currency``)."""
    if isinstance(value, str):
        return value
    if kind == "yes-no":
        return "yes" if value else "no"
    if kind == "money":
        if currency is None:
            raise ValueError("a money value needs its currency")
        return formatting.money(value, currency)
    if kind == "percent":
        return formatting.percent(value)
    if kind == "multiple":
        return formatting.multiple(value)
    return formatting.number(value)


class Inputs(Mapping[str, Value]):
    """Parsed input values with typed accessors for the compute functions."""

    def __init__(self, values: Mapping[str, Value], ignored: tuple[str, ...] = ()) -> None:
        self._values = dict(values)
        self.ignored = ignored
        """Fields given a value that did not count (they do not apply to these inputs)."""

    def __getitem__(self, name: str) -> Value:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Inputs({self._values!r})"

    def number(self, name: str) -> float:
        value = self._values[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"{name} is not a number: {value!r}")
        return float(value)

    def integer(self, name: str) -> int:
        value = self._values[name]
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} is not a whole number: {value!r}")
        return value

    def text(self, name: str) -> str:
        value = self._values[name]
        if not isinstance(value, str):
            raise TypeError(f"{name} is not text: {value!r}")
        return value

    def flag(self, name: str) -> bool:
        value = self._values[name]
        if not isinstance(value, bool):
            raise TypeError(f"{name} is not yes/no: {value!r}")
        return value

    def optional_number(self, name: str) -> float | None:
        return None if self._values.get(name) is None else self.number(name)


@dataclass(frozen=True)
class Assumption:
    """One thing a calculator takes for granted, and the sources it rests on (as pieces of text,
    some linked to a source's entry on the Sources page: see :meth:`Figures.citation_parts`)."""

    text: str
    sources: tuple[tuple[tuple[str | None, str], ...], ...] = ()

    def plain(self) -> str:
        cited = "; ".join("".join(words for _, words in parts) for parts in self.sources)
        return f"{self.text} (Source: {cited}.)" if cited else self.text


def assumption(figures: Figures, text: str, *records: Sourced) -> Assumption:
    """An assumption citing the records it rests on (none: it is ours, and the text says so)."""
    cited = citations_of(*records)  # each source once, however many of the records it backs
    return Assumption(text, tuple(tuple(figures.citation_parts(citation)) for citation in cited))


def citations_of(*records: Sourced) -> tuple[Citation, ...]:
    """The records' citations, each once, in order."""
    return tuple(dict.fromkeys(record.citation for record in records))


@dataclass(frozen=True)
class Comparison:
    """How several results of one calculator are set side by side (say, candidates).

    Both functions take the results as :func:`calculators.results.as_record` records, in the
    order the reader added them.
    """

    noun: str
    """What one result is, in the singular: ``candidate``."""
    table: Callable[[Sequence[Mapping[str, Any]]], Table]
    csv: Callable[[Sequence[Mapping[str, Any]]], str]


@dataclass(frozen=True)
class Calculator:
    """A calculator: its fields, its outputs and a pure function from inputs to a result.

    ``check`` returns errors that involve several fields (field name -> message), after each
    field has been parsed on its own.
    """

    name: str
    title: str
    summary: str
    inputs: tuple[Input, ...]
    outputs: tuple[Output, ...]
    compute: Callable[[Inputs], Result]
    check: Callable[[Inputs], Mapping[str, str]] = field(default=lambda _inputs: {})
    assumptions: tuple[Assumption, ...] = ()
    citations: tuple[Citation, ...] = ()
    """Every figure the calculator starts from, as cited in data (for the pages that embed it)."""
    comparison: Comparison | None = None
    currency: Currency | None = None
    """The currency of its money inputs, outputs, breakdown lines and tables."""
    groups: tuple[Group, ...] = ()
    """The headings its fields sit under, in the order the form shows them (none: one list)."""
    headline: tuple[str, ...] = ()
    """The outputs that scenarios set side by side (none: the calculator keeps no scenarios)."""

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for item in self.inputs:
            later = [name for name in item.depends_on if name not in seen]
            if later:
                raise ValueError(
                    f"{self.name}: {item.name} starts from {', '.join(later)}, which must come before it in inputs"
                )
            seen.add(item.name)
        grouped = [name for group in self.groups for name in group.fields]
        if self.groups and sorted(grouped) != sorted(seen):
            raise ValueError(f"{self.name}: its groups must hold every input once: {grouped} against {sorted(seen)}")
        if any(not group.fields for group in self.groups):
            raise ValueError(f"{self.name}: a group without a field")
        outputs = {item.name for item in self.outputs}
        if set(self.headline) - outputs:
            raise ValueError(f"{self.name}: headline names no output: {', '.join(set(self.headline) - outputs)}")

    def grouped(self) -> tuple[tuple[Group | None, tuple[Input, ...]], ...]:
        """The fields under their headings, in the order the form shows them (one untitled group
        when the calculator names none)."""
        if not self.groups:
            return ((None, self.inputs),)
        return tuple((group, tuple(item for item in self.inputs if item.name in group.fields)) for group in self.groups)

    def input(self, name: str) -> Input:
        for item in self.inputs:
            if item.name == name:
                return item
        raise KeyError(name)

    def output(self, name: str) -> Output:
        for item in self.outputs:
            if item.name == name:
                return item
        raise KeyError(name)

    def describe(self) -> dict[str, object]:
        return {
            "name": self.name,
            "title": self.title,
            "summary": self.summary,
            "inputs": [item.describe() for item in self.inputs],
            "outputs": [item.describe() for item in self.outputs],
            "groups": [
                {"title": group.title, "fields": list(group.fields), "folded": group.folded} for group in self.groups
            ],
            "headline": list(self.headline),
            "assumptions": [
                {
                    "text": item.text,
                    "sources": sorted({key for parts in item.sources for key, _ in parts if key}),
                }
                for item in self.assumptions
            ],
        }
