"""Pure functions from the guide's data to Markdown: tables, captions and source notes."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence

from calculators import formatting
from macros.data import RUBRIC_LEVELS, GuideData, MoneyBand, Source
from macros.figures import Figure, lookup

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


# --- The interview rubric and the red flags -------------------------------------------------

INTERVIEW_PAGE = "interview.md"
RED_FLAGS_PAGE = "red-flags.md"
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_.-]*)\}")
ASK = {"interview": "Ask", "work-sample": "Set", "reference": "Do"}


def fill(text: str, figures: Mapping[str, Figure]) -> str:
    """Replace ``{process.paired_session}`` in data text with the figure's words.

    Raises :class:`UnknownFigure` for a name the catalogue does not have, which stops the build.
    """

    def one(match: re.Match[str]) -> str:
        return lookup(dict(figures), match.group(1)).inline()

    return PLACEHOLDER.sub(one, " ".join(text.split()))


def rubric_scale(data: GuideData, sources_href: str) -> str:
    """The four levels: label, score and what each means."""
    scale = data.interview.scale
    rows = [[level.label, str(level.score), level.meaning] for level in scale.levels]
    body = table(["Level", "Score", "What it means"], rows, align="lrl")
    return body + "\n\n" + caption(data, [(scale.source, scale.as_of)], sources_href)


def interview_area(data: GuideData, key: str, figures: Mapping[str, Figure], sources_href: str) -> str:
    """One area: the question or task, what it reveals, the four-level rubric and follow-ups."""
    area = data.interview.areas[key]
    labels = {level.key: f"{level.label} ({level.score})" for level in data.interview.scale.levels}
    rows = [[labels[level], fill(area.rubric.describe(level), figures)] for level in RUBRIC_LEVELS]
    follow = "\n".join(f"- {fill(question, figures)}" for question in area.follow_ups)
    return (
        f"### {area.title} {{ #{key} }}\n\n"
        f"**{ASK[area.kind]}:** {fill(area.prompt, figures)}\n\n"
        f"**What it reveals:** {fill(area.reveals, figures)}\n\n"
        + table(["Level", "What it sounds like"], rows)
        + f"\n\n**Follow-up questions**\n\n{follow}\n\n"
        + caption(data, [(area.source, area.as_of), (area.rubric.source, area.rubric.as_of)], sources_href)
        + "\n"
    )


def interview_areas(data: GuideData, kind: str, figures: Mapping[str, Figure], sources_href: str) -> str:
    """Every area of one kind (``interview``, ``work-sample`` or ``reference``), in rubric order."""
    keys = [key for key, area in data.interview.areas.items() if area.kind == kind]
    if not keys:
        raise ValueError(f"no interview area of kind {kind!r}")
    return "\n".join(interview_area(data, key, figures, sources_href) for key in keys)


def rubric_summary(data: GuideData, interview_href: str) -> str:
    """A one-line-per-area overview linking to each area's section."""
    rows = [
        [f"[{area.title}]({interview_href}#{key})", area.kind.replace("-", " ")]
        for key, area in data.interview.areas.items()
    ]
    return table(["Area", "Kind"], rows)


def _shows_in(data: GuideData, keys: Iterable[str], interview_href: str) -> str:
    return ", ".join(f"[{data.interview.areas[area].title.split(':')[0]}]({interview_href}#{area})" for area in keys)


def red_flags(data: GuideData, interview_href: str, sources_href: str) -> str:
    """Each red flag: what it looks like, why it matters, the check, and where it shows."""
    blocks = []
    for key, flag in data.red_flags.items():
        blocks.append(
            f"## {flag.title} {{ #{key} }}\n\n"
            f"**What it looks like:** {' '.join(flag.looks_like.split())}\n\n"
            f"**Why it matters:** {' '.join(flag.why_it_matters.split())}\n\n"
            f'!!! tip "Confirm or clear it"\n\n    {" ".join(flag.check.split())}\n\n'
            f"**Where it tends to show:** {_shows_in(data, flag.shows_in, interview_href)}.\n\n"
            + caption(data, [(flag.source, flag.as_of), (flag.check_source, flag.as_of)], sources_href)
            + "\n"
        )
    return "\n".join(blocks)


def red_flag_summary(data: GuideData, red_flags_href: str, interview_href: str) -> str:
    """The six flags as a table of links, with the rubric areas where each tends to show."""
    rows = [
        [f"[{flag.title}]({red_flags_href}#{key})", _shows_in(data, flag.shows_in, interview_href)]
        for key, flag in data.red_flags.items()
    ]
    return table(["Red flag", "Where it tends to show"], rows)


# --- Costs derived from several records -----------------------------------------------------


def loaded_table(data: GuideData, sources_href: str) -> str:
    """Base salary and fully loaded cost by level (overhead's low end on the low, high on the high)."""
    pay, over = data.pay, data.pay.overhead
    rows = []
    for key, level in data.levels.items():
        band = pay.salary[key]
        low, high = band.min * (1 + over.min / 100), band.max * (1 + over.max / 100)
        rows.append([level.label, formatting.money_range(band.min, band.max), formatting.money_range(low, high)])
    header = ["Level", "Base salary (a year)", "Fully loaded (a year)"]
    records = [(band.source, band.as_of) for band in pay.salary.values()] + [(over.source, over.as_of)]
    return table(header, rows, align="lrr") + "\n\n" + caption(data, records, sources_href)


def _mid(low: float, high: float) -> float:
    return (low + high) / 2


def breakeven_table(data: GuideData, sources_href: str) -> str:
    """At the midpoints, how many paid hours a year make an hourly engagement cost as much as an employee.

    One row per level (remote freelancer at that level) and one per agency region (against a
    senior employee, since agencies bill their senior people's time at one blended rate).
    """
    pay, over = data.pay, data.pay.overhead
    year = data.process.full_time_year
    load = 1 + _mid(over.min, over.max) / 100

    def row(label: str, employee: MoneyBand, rate: MoneyBand) -> list[str]:
        loaded = _mid(employee.min, employee.max) * load
        hourly = _mid(rate.min, rate.max)
        hours = loaded / hourly
        share = hours / year.hours
        verdict = "more than a full-time year" if share > 1 else f"about {formatting.percent(round(share * 100))}"
        return [
            label,
            formatting.money(loaded),
            formatting.money(hourly),
            formatting.number(round(hours, -1)),
            verdict,
        ]

    rows = [
        row(f"{level.label} freelancer vs {level.label.lower()} employee", pay.salary[key], pay.freelance[key])
        for key, level in data.levels.items()
    ]
    senior_key = next(reversed(list(data.levels)))
    senior = data.levels[senior_key]
    rows += [
        row(f"{band.label or band.region} vs {senior.label.lower()} employee", pay.salary[senior_key], band)
        for band in pay.agency.values()
    ]
    header = [
        "Comparison",
        "Employee, fully loaded (a year)",
        "Hourly rate",
        "Break-even hours a year",
        "Break-even as a share of full time",
    ]
    records = [(b.source, b.as_of) for b in [*pay.salary.values(), *pay.freelance.values(), *pay.agency.values()]]
    records += [(over.source, over.as_of), (year.source, year.as_of)]
    return table(header, rows, align="lrrrl") + "\n\n" + caption(data, records, sources_href)
