"""How current and how first-hand the figures are: for the Sources page, the home page and the
``make freshness`` report.

A figure is a cited record in the data (prose records, such as a rubric, are not figures).
Its date is its source's own date (``published``, or the page it was read in), or, for a page
that shows none, the day we read it. A figure read in a third party's restatement (``via``)
is second-hand.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from calculators.figures import KIND_LABELS, Citation, Figures, Sourced
from calculators.schema import walk
from macros.data import key_path

STALE_AFTER_MONTHS = 18


@dataclass(frozen=True)
class Cited:
    """One figure in the data: where it is and how it is cited."""

    where: str
    """``pay.yaml: salary.senior``."""
    citation: Citation


def figures_cited(figures: Figures) -> Iterator[Cited]:
    """Every cited record that holds a figure (not our prose), with its place in the data."""
    for path, record in walk(figures):
        if isinstance(record, Sourced) and not record.WORDS and path:
            yield Cited(f"{path[0]}.yaml: {key_path(path[1:])}", record.citation)


def dated(figures: Figures, citation: Citation) -> datetime.date | None:
    """The date a citation's figure stands on: the page's own date, or when we read an undated one."""
    pages = [figures.sources[key] for key in (citation.via, citation.source) if key]
    for page in pages:
        if page.edition_ends is not None:
            return page.edition_ends
    return next((datetime.date.fromisoformat(page.retrieved) for page in pages if page.retrieved), None)


def months_between(earlier: datetime.date, later: datetime.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def stale(
    figures: Figures, today: datetime.date, months: int = STALE_AFTER_MONTHS
) -> list[tuple[Cited, datetime.date]]:
    """Published figures whose date is more than ``months`` before ``today``, oldest first."""
    found = []
    for item in figures_cited(figures):
        if figures.sources[item.citation.source].is_assumption:
            continue
        day = dated(figures, item.citation)
        if day is not None and months_between(day, today) > months:
            found.append((item, day))
    return sorted(found, key=lambda pair: pair[1])


def second_hand(figures: Figures) -> list[Cited]:
    """Figures we read only in a third party's restatement."""
    return [item for item in figures_cited(figures) if item.citation.via]


@dataclass(frozen=True)
class Reliance:
    """What the guide's figures rest on, counted."""

    published: int
    assumptions: int
    second_hand: int
    by_kind: dict[str, int]
    """Published figures by the kind of the body that produced them (its label)."""


def reliance(figures: Figures) -> Reliance:
    items = list(figures_cited(figures))
    ours = [item for item in items if figures.sources[item.citation.source].is_assumption]
    published = [item for item in items if item not in ours]
    kinds = Counter(KIND_LABELS[figures.sources[item.citation.source].kind] for item in published)
    return Reliance(
        published=len(published),
        assumptions=len(ours),
        second_hand=sum(1 for item in published if item.citation.via),
        by_kind=dict(kinds.most_common()),
    )
