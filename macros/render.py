"""Pure functions from the guide's data to Markdown: tables, captions and source notes.

Nothing here computes a cost: a table that needs one calls the calculators' own function,
so a page and a calculator can never disagree.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence

from calculators import formatting
from calculators.engagement import FULL_TIME_YEAR, compare
from calculators.figures import Citation, Figures, MoneyBand, Source, Sourced
from calculators.loaded_cost import loaded_cost
from macros.figures import Figure, lookup

SOURCES_PAGE = "sources.md"


def long_date(day: datetime.date | str) -> str:
    """2026-11-25 -> 'November 25, 2026'."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return f"{day:%B} {day.day}, {day.year}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]], *, align: Sequence[str] = ()) -> str:
    """A Markdown table; ``align`` holds 'l' or 'r' per column (default left)."""
    marks = [("---:" if (align[i] if i < len(align) else "l") == "r" else ":---") for i in range(len(header))]

    def cells(values: Sequence[str]) -> str:
        return "| " + " | ".join(value.replace("|", "\\|") for value in values) + " |"

    return "\n".join([cells(header), cells(marks), *(cells(row) for row in rows)])


def source_link(key: str, source: Source, sources_href: str) -> str:
    return f"[{source.name}]({sources_href}#source-{key})"


def cite(figures: Figures, citation: Citation, sources_href: str) -> str:
    """A citation in words: "BLS OEWS, May 2024, as reported by ler.me", or "our assumption"."""
    source = figures.sources[citation.source]
    words = source_link(citation.source, source, sources_href)
    if citation.period and not source.is_assumption:
        words += f", {citation.period}"
    if citation.via:
        words += ", as reported by " + source_link(citation.via, figures.sources[citation.via], sources_href)
    return words


def caption(figures: Figures, citations: Iterable[Citation], sources_href: str) -> str:
    """'Sources: <citation>; <citation>.' for the records a table shows, each once."""
    parts = list(dict.fromkeys(cite(figures, citation, sources_href) for citation in citations))
    word = "Source" if len(parts) == 1 else "Sources"
    return f'<p class="figure-source" markdown>{word}: {"; ".join(parts)}.</p>'


def _cited(records: Iterable[Sourced]) -> list[Citation]:
    return [record.citation for record in records]


def pay_table(figures: Figures, sources_href: str) -> str:
    """Salary and freelance bands by level, with experience, captioned with source and date."""
    pay = figures.pay
    rows = []
    for key, level in figures.levels.items():
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
                formatting.money_range(salary.min, salary.max, figures.currencies[salary.currency]),
                formatting.money_range(freelance.min, freelance.max, figures.currencies[freelance.currency]),
            ]
        )
    salary_region = next(iter(pay.salary.values())).region
    freelance_region = next(iter(pay.freelance.values())).region
    header = ["Level", "Experience", f"Salary ({salary_region}, a year)", f"Freelance ({freelance_region}, an hour)"]
    body = table(header, rows, align="llrr")
    return body + "\n\n" + caption(figures, _cited([*pay.salary.values(), *pay.freelance.values()]), sources_href)


def agency_table(figures: Figures, sources_href: str) -> str:
    """Agency hourly bands by region."""
    rows = [
        [band.name, formatting.money_range(band.min, band.max, figures.currencies[band.currency])]
        for band in figures.pay.agency.values()
    ]
    body = table(["Agency based in", "Rate (an hour)"], rows, align="lr")
    return body + "\n\n" + caption(figures, _cited(figures.pay.agency.values()), sources_href)


def figure_text(figure: Figure, source: Source | None, *, with_period: bool = True) -> str:
    """A figure for running prose; an editorial figure says it is our assumption."""
    text = figure.inline(with_period=with_period)
    if source is not None and source.is_assumption:
        text += " (our assumption)"
    return text


def page_sources(figures: Figures, used: Iterable[Citation], sources_href: str) -> str:
    """The note closing a page: where its figures come from."""
    parts = list(dict.fromkeys(cite(figures, citation, sources_href) for citation in used))
    if not parts:
        return ""
    return (
        '\n\n<aside class="page-sources" markdown>\n\n'
        f"**Figures on this page** come from {'; '.join(parts)}. "
        f"[Sources and method]({sources_href}) gives each source's address and when we read it.\n\n</aside>\n"
    )


def sources_list(figures: Figures) -> str:
    """Every source with its kind, publisher, address and dates, each with its own anchor."""
    blocks = []
    for key, source in figures.sources.items():
        lines = [f"- **Kind:** {source.kind_label}", f"- **Publisher:** {source.publisher}"]
        if source.url:
            lines.append(f"- **Address:** [{source.url}]({source.url})")
        if not source.is_assumption:
            lines.append(f"- **Its date:** {edition_text(source)}")
            if source.retrieved:
                lines.append(f"- **Read on:** {long_date(source.retrieved)}")
        blocks.append(f"### {source.title} {{ #source-{key} }}\n\n" + "\n".join(lines) + f"\n\n{source.note}\n")
    return "\n".join(blocks)


def edition_text(source: Source) -> str:
    """``2026-06`` -> "June 2026"; "undated" when the page shows no date."""
    if source.published is None:
        return "undated"
    parts = [int(part) for part in source.published.split("-")]
    if len(parts) == 3:
        return long_date(datetime.date(*parts))
    if len(parts) == 2:
        return f"{datetime.date(parts[0], parts[1], 1):%B} {parts[0]}"
    return str(parts[0])


# --- The interview rubric and the red flags -------------------------------------------------

INTERVIEW_PAGE = "interview.md"
RED_FLAGS_PAGE = "red-flags.md"
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_.-]*)\}")
ASK = {"interview": "Ask", "work-sample": "Set", "reference": "Do"}


def fill(text: str, catalogue: Mapping[str, Figure]) -> str:
    """Replace ``{process.paired_session}`` in data text with the figure's words.

    Raises :class:`UnknownFigure` for a name the catalogue does not have, which stops the build.
    """

    def one(match: re.Match[str]) -> str:
        return lookup(dict(catalogue), match.group(1)).inline()

    return PLACEHOLDER.sub(one, " ".join(text.split()))


def rubric_scale(figures: Figures, sources_href: str) -> str:
    """The scale's levels: label, score and what each means."""
    scale = figures.interview.scale
    rows = [[level.label, str(level.score), level.meaning] for level in scale.levels]
    body = table(["Level", "Score", "What it means"], rows, align="lrl")
    return body + "\n\n" + caption(figures, [scale.citation], sources_href)


def interview_area(figures: Figures, key: str, catalogue: Mapping[str, Figure], sources_href: str) -> str:
    """One area: the question or task, what it reveals, the rubric and follow-ups."""
    area = figures.interview.areas[key]
    labels = {level.key: f"{level.label} ({level.score})" for level in figures.interview.scale.levels}
    rows = [[labels[level], fill(text, catalogue)] for level, text in area.rubric.levels.items()]
    follow = "\n".join(f"- {fill(question, catalogue)}" for question in area.follow_ups)
    return (
        f"### {area.title} {{ #{key} }}\n\n"
        f"**{ASK[area.kind]}:** {fill(area.prompt, catalogue)}\n\n"
        f"**What it reveals:** {fill(area.reveals, catalogue)}\n\n"
        + table(["Level", "What it sounds like"], rows)
        + f"\n\n**Follow-up questions**\n\n{follow}\n\n"
        + caption(figures, [area.citation, area.rubric.citation], sources_href)
        + "\n"
    )


def interview_areas(figures: Figures, kind: str, catalogue: Mapping[str, Figure], sources_href: str) -> str:
    """Every area of one kind (``interview``, ``work-sample`` or ``reference``), in rubric order."""
    keys = [key for key, area in figures.interview.areas.items() if area.kind == kind]
    if not keys:
        raise ValueError(f"no interview area of kind {kind!r}")
    return "\n".join(interview_area(figures, key, catalogue, sources_href) for key in keys)


def rubric_summary(figures: Figures, interview_href: str) -> str:
    """A one-line-per-area overview linking to each area's section."""
    rows = [
        [f"[{area.title}]({interview_href}#{key})", area.kind.replace("-", " ")]
        for key, area in figures.interview.areas.items()
    ]
    return table(["Area", "Kind"], rows)


def _shows_in(figures: Figures, keys: Iterable[str], interview_href: str) -> str:
    return ", ".join(f"[{figures.interview.areas[area].short_title}]({interview_href}#{area})" for area in keys)


def red_flags(figures: Figures, interview_href: str, sources_href: str) -> str:
    """Each red flag: what it looks like, why it matters, the check, and where it shows."""
    blocks = []
    for key, flag in figures.red_flags.items():
        blocks.append(
            f"## {flag.title} {{ #{key} }}\n\n"
            f"**What it looks like:** {' '.join(flag.looks_like.split())}\n\n"
            f"**Why it matters:** {' '.join(flag.why_it_matters.split())}\n\n"
            f'!!! tip "Confirm or clear it"\n\n    {" ".join(flag.check.split())}\n\n'
            f"**Where it tends to show:** {_shows_in(figures, flag.shows_in, interview_href)}.\n\n"
            + caption(figures, [flag.citation, Citation(flag.check_source)], sources_href)
            + "\n"
        )
    return "\n".join(blocks)


def red_flag_summary(figures: Figures, red_flags_href: str, interview_href: str) -> str:
    """The red flags as a table of links, with the rubric areas where each tends to show."""
    rows = [
        [f"[{flag.title}]({red_flags_href}#{key})", _shows_in(figures, flag.shows_in, interview_href)]
        for key, flag in figures.red_flags.items()
    ]
    return table(["Red flag", "Where it tends to show"], rows)


# --- Costs derived from several records -----------------------------------------------------


def loaded_table(figures: Figures, sources_href: str) -> str:
    """Base salary and fully loaded cost by level (overhead's low end on the low, high on the high)."""
    pay, over, currency = figures.pay, figures.pay.overhead, figures.pay_currency
    rows = []
    for key, level in figures.levels.items():
        band = pay.salary[key]
        low, high = loaded_cost(band.min, over.min).total, loaded_cost(band.max, over.max).total
        rows.append(
            [
                level.label,
                formatting.money_range(band.min, band.max, currency),
                formatting.money_range(low, high, currency),
            ]
        )
    header = ["Level", "Base salary (a year)", "Fully loaded (a year)"]
    records = [*_cited(pay.salary.values()), over.citation]
    return table(header, rows, align="lrr") + "\n\n" + caption(figures, records, sources_href)


def breakeven_table(figures: Figures, sources_href: str) -> str:
    """At the midpoints, how many paid hours a year make an hourly engagement cost as much as an employee.

    One row per level (remote freelancer at that level) and one per agency region (against the
    most senior employee, since agencies bill their senior people's time at one blended rate).
    The arithmetic is the engagement calculator's, over one year with no hiring cost.
    """
    pay, over, currency = figures.pay, figures.pay.overhead, figures.pay_currency
    year = figures.process[FULL_TIME_YEAR]
    year_hours = figures.quantity(FULL_TIME_YEAR)

    def row(label: str, employee: MoneyBand, rate: MoneyBand) -> list[str]:
        costs = compare(
            salary=employee.middle,
            overhead_pct=over.middle,
            hiring=0,
            hours=0,
            freelance_rate=rate.middle,
            agency_rate=rate.middle,
        )
        hours = costs.break_even_hours(12) * 12
        share = hours / year_hours
        verdict = "more than a full-time year" if share > 1 else f"about {formatting.percent(round(share * 100))}"
        return [
            label,
            formatting.money(costs.by_month("full_time", 12), currency),
            formatting.money(rate.middle, currency),
            formatting.number(round(hours, -1)),
            verdict,
        ]

    rows = [
        row(f"{level.label} freelancer vs {level.label.lower()} employee", pay.salary[key], pay.freelance[key])
        for key, level in figures.levels.items()
    ]
    senior_key = next(reversed(list(figures.levels)))
    senior = figures.levels[senior_key]
    rows += [
        row(f"{band.name} vs {senior.label.lower()} employee", pay.salary[senior_key], band)
        for band in pay.agency.values()
    ]
    header = [
        "Comparison",
        "Employee, fully loaded (a year)",
        "Hourly rate",
        "Break-even hours a year",
        "Break-even as a share of full time",
    ]
    records = _cited([*pay.salary.values(), *pay.freelance.values(), *pay.agency.values()])
    records += [over.citation, year.citation]
    return table(header, rows, align="lrrrl") + "\n\n" + caption(figures, records, sources_href)
