"""Pure functions from the guide's data to Markdown: tables, captions and source notes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from calculators import formatting
from macros.data import GuideData, MoneyBand, Source
from macros.figures import Figure

SOURCES_PAGE = "sources.md"


def long_date(day: datetime.date) -> str:
    """2026-11-25 -> 'November 25, 2026'."""
    return f"{day:%B} {day.day}, {day.year}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]], *, align: Sequence[str] = ()) -> str:
    """A Markdown table; ``align`` holds 'l' or 'r' per column (default left)."""
    marks = [("---:" if (align[i] if i < len(align) else "l") == "r" else ":---") for i in range(len(header))]

    def cells(values: Sequence[str]) -> str:
        return "| " + " | ".join(value.replace("|", "\\|") for value in values) + " |"

    return "\n".join([cells(header), cells(marks), *(cells(row) for row in rows)])


def source_link(key: str, source: Source, sources_href: str) -> str:
    label = "our assumption" if source.kind == "editorial" else source.title
    return f"[{label}]({sources_href}#source-{key})"


def caption(data: GuideData, records: Iterable[tuple[str, datetime.date]], sources_href: str) -> str:
    """'Source: <title>, as of November 25, 2026.' for the records a table shows."""
    seen: dict[str, datetime.date] = {}
    for key, as_of in records:
        seen[key] = min(as_of, seen.get(key, as_of))
    parts = [
        f"{source_link(key, data.sources[key], sources_href)}, as of {long_date(day)}" for key, day in seen.items()
    ]
    word = "Source" if len(parts) == 1 else "Sources"
    return f'<p class="figure-source" markdown>{word}: {"; ".join(parts)}.</p>'


def _bands(bands: Iterable[MoneyBand]) -> list[tuple[str, datetime.date]]:
    return [(band.source, band.as_of) for band in bands]


def pay_table(data: GuideData, sources_href: str) -> str:
    """Salary and freelance bands by level, with experience, captioned with source and date."""
    pay = data.pay
    rows = []
    for key, level in data.levels.items():
        years = (
            f"{level.min_years}+"
            if level.max_years is None
            else formatting.span(str(level.min_years), str(level.max_years))
        )
        salary, freelance = pay.salary[key], pay.freelance[key]
        rows.append(
            [
                level.label,
                f"{years} years",
                formatting.money_range(salary.min, salary.max),
                formatting.money_range(freelance.min, freelance.max),
            ]
        )
    salary_region = next(iter(pay.salary.values())).region
    freelance_region = next(iter(pay.freelance.values())).region
    header = ["Level", "Experience", f"Salary ({salary_region}, a year)", f"Freelance ({freelance_region}, an hour)"]
    body = table(header, rows, align="llrr")
    return body + "\n\n" + caption(data, _bands([*pay.salary.values(), *pay.freelance.values()]), sources_href)


def agency_table(data: GuideData, sources_href: str) -> str:
    """Agency hourly bands by region."""
    rows = [
        [band.label or band.region, formatting.money_range(band.min, band.max)] for band in data.pay.agency.values()
    ]
    body = table(["Agency based in", "Rate (an hour)"], rows, align="lr")
    return body + "\n\n" + caption(data, _bands(data.pay.agency.values()), sources_href)


def figure_text(figure: Figure, source: Source | None, *, with_period: bool = True) -> str:
    """A figure for running prose; an editorial figure says it is our assumption."""
    text = figure.inline(with_period=with_period)
    if source is not None and source.kind == "editorial":
        text += " (our assumption)"
    return text


def page_sources(data: GuideData, used: dict[str, datetime.date], sources_href: str) -> str:
    """The note closing a page: which sources its figures come from, and how current they are."""
    if not used:
        return ""
    parts = [
        f"{source_link(key, data.sources[key], sources_href)} (as of {long_date(day)})" for key, day in used.items()
    ]
    return (
        '\n\n<aside class="page-sources" markdown>\n\n'
        f"**Figures on this page** come from {'; '.join(parts)}. "
        f"See [Sources and method]({sources_href}) for how we keep them current.\n\n</aside>\n"
    )


def sources_list(data: GuideData) -> str:
    """Every source with its kind, publisher, note and as-of date, each with its own anchor."""
    blocks = []
    for key, source in data.sources.items():
        kind = "Our assumption (editorial)" if source.kind == "editorial" else "Published"
        link = f" [{source.url}]({source.url})" if source.url else ""
        blocks.append(
            f"### {source.title} {{ #source-{key} }}\n\n"
            f"- **Kind:** {kind}\n- **Publisher:** {source.publisher}{link}\n"
            f"- **As of:** {long_date(source.as_of)}\n\n{source.note}\n"
        )
    return "\n".join(blocks)
