"""Pure functions from the guide's data to Markdown: tables, captions and source notes.

Nothing here computes a cost: a table that needs one calls the calculators' own function,
so a page and a calculator can never disagree.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from calculators import formatting
from calculators.employer_cost import (
    LIKE_FOR_LIKE_FORMULA,
    US,
    cited_records,
    default_choices,
    employer_cost,
    like_for_like_markup,
)
from calculators.engagement import FULL_TIME_YEAR, compare
from calculators.figures import CLAIM_STATUS, Citation, Figures, Source, Sourced
from calculators.market import below_floor, ordinal, position
from calculators.spec import Calculator
from macros.citations import PageUse
from macros.figures import Figure, lookup
from macros.freshness import reliance

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


def cite(figures: Figures, citation: Citation, sources_href: str) -> str:
    """A citation in words: "BLS OEWS, May 2024, as reported by ler.me", or "our assumption"."""
    return "".join(
        f"[{words}]({sources_href}#source-{key})" if key else words for key, words in figures.citation_parts(citation)
    )


def caption(figures: Figures, citations: Iterable[Citation], sources_href: str) -> str:
    """'Sources: <citation>; <citation>.' for the records a table shows, each once."""
    parts = list(dict.fromkeys(cite(figures, citation, sources_href) for citation in citations))
    word = "Source" if len(parts) == 1 else "Sources"
    return f'<p class="figure-source" markdown>{word}: {"; ".join(parts)}.</p>'


def _cited(records: Iterable[Sourced]) -> list[Citation]:
    return [record.citation for record in records]


def pay_table(figures: Figures, sources_href: str) -> str:
    """Salary and freelance bands by level, with experience, captioned with their sources."""
    pay = figures.pay
    currency = figures.pay_currency
    salary_region = next(iter(pay.salary.values())).region
    header = ["Level", "Experience", f"Salary ({salary_region}, a year)"]
    header += [f"Freelance, {rates.label} (an hour)" for rates in pay.freelance.values()]
    rows = []
    for key, level in figures.levels.items():
        years = (
            f"{level.min_years}+"
            if level.max_years is None
            else formatting.span(str(level.min_years), str(level.max_years))
        )
        salary = pay.salary[key]
        rows.append(
            [
                level.label,
                f"{years} years",
                formatting.money_range(salary.min, salary.max, currency),
                *(
                    formatting.money_range(rates.bands[key].min, rates.bands[key].max, currency)
                    for rates in pay.freelance.values()
                ),
            ]
        )
    body = table(header, rows, align="llr" + "r" * len(pay.freelance))
    return body + "\n\n" + caption(figures, pay_cites(figures), sources_href)


def pay_cites(figures: Figures) -> list[Citation]:
    return _cited([*figures.pay.salary.values(), *figures.pay.freelance.values()])


def market_cites(figures: Figures) -> list[Citation]:
    return _cited(figures.pay.market.percentiles)


def market_table(figures: Figures, sources_href: str) -> str:
    """What the whole occupation earned (points of the distribution), beside the level bands,
    with a sentence on where the bands fall that follows the data."""
    market = figures.pay.market
    currency = figures.currencies[market.currency]
    rows = [
        [
            f"{ordinal(point.at)} percentile",
            formatting.money(point.value, currency),
            cite(figures, point.citation, sources_href),
        ]
        for point in market.percentiles
    ]
    body = table(["Point of the distribution", f"Pay ({formatting.per(market.per)})", "Source"], rows, align="lrl")
    return body + "\n\n" + f'<p class="figure-source" markdown>{market.label}.</p>' + "\n\n" + band_positions(figures)


def band_positions(figures: Figures) -> str:
    """Where each level's salary band falls in the occupation's pay, generated from the data."""
    market = figures.pay.market
    currency = figures.pay_currency
    parts = []
    for key, level in figures.levels.items():
        band = figures.pay.salary[key]
        low, high = position(market, band.min), position(market, band.max)
        span = f"from {low} to {high}" if low != high else low
        parts.append(
            f"the {level.label.lower()} band ({formatting.money_range(band.min, band.max, currency)}) runs {span}"
        )
    first = market.percentiles[0]
    below = [
        figures.levels[key].label.lower() for key, band in figures.pay.salary.items() if below_floor(market, band.min)
    ]
    warning = (
        f" So the {' and '.join(below)} band{'s' if len(below) > 1 else ''} starts where fewer than one software "
        f"developer in ten was paid ({formatting.money(first.value, currency)} at the {ordinal(first.at)} "
        "percentile): an offer there competes with almost every other employer's."
        if below
        else ""
    )
    source = figures.sources[next(iter(figures.pay.salary.values())).source]
    return (
        f"Set against what US software developers earned ({first.period}), the {source.name}'s bands sit like "
        f"this: {'; '.join(parts)}.{warning}"
    )


def agency_table(figures: Figures, sources_href: str) -> str:
    """Agency hourly bands by region."""
    rows = [
        [band.name, formatting.money_range(band.min, band.max, figures.currencies[band.currency])]
        for band in figures.pay.agency.values()
    ]
    body = table(["Agency based in", "Rate (an hour)"], rows, align="lr")
    return body + "\n\n" + caption(figures, agency_cites(figures), sources_href)


def agency_cites(figures: Figures) -> list[Citation]:
    return _cited(figures.pay.agency.values())


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


def sources_list(
    figures: Figures, uses: Sequence[PageUse], calculators: Mapping[str, Calculator], href: Callable[[str], str]
) -> str:
    """Every source: its kind, publisher, dates and address in one sentence, the pages and
    calculators that use it, and our note on it (``href`` turns a page's source path into a link
    from the Sources page).

    Kept lean on purpose: the page lists every source, and each element on it costs a phone
    time whenever the theme restyles the page. For the same reason each entry below its heading
    is a ``source-entry`` block, which the stylesheet lets the browser skip while it is off
    screen, and the pages that use a source are one plain paragraph: folded in a ``<details>``
    each, Material's bundle mounted 92 disclosures as the page started (about 40 ms of blocking
    time on the phone Lighthouse emulates)."""
    blocks = []
    for key, source in figures.sources.items():
        kind = source.kind_label
        facts = f"{kind[:1].upper()}{kind[1:]}: {source.publisher}."
        if not source.is_assumption:
            read = f"we read it on {long_date(source.retrieved)}" if source.retrieved else "we read it only as restated"
            facts += f" Its date: {edition_text(source)}; {read}."
        if source.url:
            facts += f" Address: [{source.url}]({source.url})"
        used_on = {
            use.path: use.title
            for use in uses
            if use.path != SOURCES_PAGE and any(key in (c.source, c.via) for c in use.citations)
        }
        for name, calculator in calculators.items():
            if any(key in (c.source, c.via) for c in calculator.citations):
                used_on.setdefault(f"calculators/{name}.md", calculator.title)
        block = f'### {source.title} {{ #source-{key} }}\n\n<div class="source-entry" markdown>\n\n{facts}\n\n'
        if used_on:
            pages = ", ".join(f"[{title}]({href(path)})" for path, title in used_on.items())
            block += f"Used on {formatting.plural(len(used_on), 'page')}: {pages}\n{{: .used-on }}\n\n"
        blocks.append(block + f"{' '.join(source.note.split())}\n\n</div>\n")
    return "\n".join(blocks)


phrase = formatting.phrase


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


def interview_cites(figures: Figures, kind: str) -> list[Citation]:
    return [
        citation
        for area in figures.interview.areas.values()
        if area.kind == kind
        for citation in (area.citation, area.rubric.citation)
    ]


def red_flag_cites(figures: Figures) -> list[Citation]:
    return [c for flag in figures.red_flags.values() for c in (flag.citation, Citation(flag.check_source))]


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


def plain_cues(figures: Figures, interview_href: str, sources_href: str) -> str:
    """For each rubric area, what a strong and a weak answer sound like in everyday words,
    linking to the area's full rubric."""
    blocks = [
        f"**[{area.short_title}]({interview_href}#{key})**\n\n"
        f"- *Strong:* {' '.join(area.plain.strong.split())}\n"
        f"- *Weak:* {' '.join(area.plain.weak.split())}\n"
        for key, area in figures.interview.areas.items()
    ]
    return "\n".join(blocks) + "\n" + caption(figures, plain_cues_cites(figures), sources_href)


def plain_cues_cites(figures: Figures) -> list[Citation]:
    return [area.plain.citation for area in figures.interview.areas.values()]


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
    """Base salary and what an employee costs by level: the published rule of thumb beside the
    itemised cost (the loaded-cost calculator's, with its starting choices)."""
    pay, rule, currency = figures.pay, figures.pay.overhead, figures.pay_currency
    choices = default_choices(figures)
    rows = []
    for key, level in figures.levels.items():
        band = pay.salary[key]
        low, high = employer_cost(figures, band.min, choices), employer_cost(figures, band.max, choices)
        rows.append(
            [
                level.label,
                formatting.money_range(band.min, band.max, currency),
                formatting.money_range(band.min * (1 + rule.min / 100), band.max * (1 + rule.max / 100), currency),
                formatting.money_range(low.total, high.total, currency),
                formatting.percent_range(*sorted((round(low.overhead_pct), round(high.overhead_pct)))),
            ]
        )
    header = [
        "Level",
        "Base salary (a year)",
        f"Rule of thumb: add {formatting.percent_range(rule.min, rule.max)}",
        "Itemised (a year)",
        "Itemised, beyond base",
    ]
    return table(header, rows, align="lrrrr") + "\n\n" + caption(figures, loaded_cites(figures), sources_href)


def loaded_cites(figures: Figures) -> list[Citation]:
    """The salary bands, the rule of thumb, and every line of the itemised cost at its starting choices."""
    start = figures.employer_costs[US].start.state
    return _cited([*figures.pay.salary.values(), figures.pay.overhead, *cited_records(figures, states=start)])


def breakeven_table(figures: Figures, sources_href: str) -> str:
    """At the midpoints, how many paid hours a year make an hourly engagement cost as much as an employee.

    One row per level and freelancer location, and one per agency region (against the most
    senior employee, since agencies bill their senior people's time at one blended rate). The
    arithmetic is the engagement calculator's, over one year with no hiring cost; the employee
    costs the itemised cost with the calculators' starting choices.
    """
    pay, currency = figures.pay, figures.pay_currency
    year_hours = figures.quantity(FULL_TIME_YEAR)
    choices = default_choices(figures)

    def row(label: str, salary: float, rate: float) -> list[str]:
        employee = employer_cost(figures, salary, choices).total
        costs = compare(employee_year=employee, hiring=0, hours=0, freelance_rate=rate, agency_rate=rate)
        hours = costs.break_even_hours(12) * 12
        share = hours / year_hours
        verdict = "more than a full-time year" if share > 1 else f"about {formatting.percent(round(share * 100))}"
        return [
            label,
            formatting.money(employee, currency, cents=False),
            formatting.money(rate, currency),
            formatting.number(round(hours, -1)),
            verdict,
        ]

    rows = [
        row(
            f"{level.label} freelancer {rates.label} vs {level.label.lower()} employee",
            pay.salary[key].middle,
            rates.bands[key].middle,
        )
        for key, level in figures.levels.items()
        for rates in pay.freelance.values()
    ]
    senior_key = next(reversed(list(figures.levels)))
    senior = figures.levels[senior_key]
    rows += [
        row(f"{band.name} vs {senior.label.lower()} employee", pay.salary[senior_key].middle, band.middle)
        for band in pay.agency.values()
    ]
    header = [
        "Comparison",
        "Employee, fully loaded (a year)",
        "Hourly rate",
        "Break-even hours a year",
        "Break-even as a share of full time",
    ]
    return table(header, rows, align="lrrrl") + "\n\n" + caption(figures, breakeven_cites(figures), sources_href)


def breakeven_cites(figures: Figures) -> list[Citation]:
    pay = figures.pay
    records = _cited([*pay.salary.values(), *pay.freelance.values(), *pay.agency.values()])
    return [*records, figures.process[FULL_TIME_YEAR].citation, *loaded_cites(figures)[len(pay.salary) :]]


# --- Several views of one quantity -------------------------------------------------------------


def ecec_table(figures: Figures, sources_href: str) -> str:
    """BLS ECEC: benefits as BLS counts them (a share of total compensation) beside the markup on a
    salary they amount to, like for like (derived in code from the components)."""
    rows = []
    for group in figures.ecec.groups.values():
        total = group.wages + group.benefits
        rows.append(
            [
                group.label,
                formatting.money(group.wages, figures.pay_currency, cents=True),
                formatting.money(group.benefits, figures.pay_currency, cents=True),
                formatting.percent(round(group.benefits / total * 100, 1)),
                formatting.percent(round(like_for_like_markup(group), 1)),
            ]
        )
    header = [
        "Workers (private industry)",
        "Wages an hour worked",
        "Benefits an hour worked",
        "Benefits, share of total compensation",
        "Like-for-like markup on a salary (derived)",
    ]
    records = ecec_cites(figures)
    derived = (
        f'<p class="figure-source" markdown>Derived: markup = {LIKE_FOR_LIKE_FORMULA}, because BLS counts paid '
        "leave and supplemental pay as benefits while a salary already pays for them.</p>"
    )
    return table(header, rows, align="lrrrr") + "\n\n" + caption(figures, records, sources_href) + "\n\n" + derived


def ecec_cites(figures: Figures) -> list[Citation]:
    return _cited(figures.ecec.groups.values())


def equity_by_hire_cites(figures: Figures) -> list[Citation]:
    return [figures.equity.by_hire.citation, figures.equity.early_engineer.citation]


def bad_hire_claims_cites(figures: Figures) -> list[Citation]:
    return _cited(figures.bad_hire.claims.values())


def equity_by_hire_table(figures: Figures, sources_href: str) -> str:
    """Initial grants by hire number (median and quartiles) beside the seed article's range, each
    saying what it covers."""
    grants = figures.equity.by_hire
    rows = [
        [
            f"Hire #{hire.hire}",
            formatting.percent(hire.p25),
            formatting.percent(hire.median),
            formatting.percent(hire.p75),
        ]
        for hire in grants.hires
    ]
    body = table(["Hire", "25th percentile", "Median", "75th percentile"], rows, align="lrrr")
    seed = figures.equity.early_engineer
    seed_source = figures.sources[seed.source]
    above = [hire.hire for hire in grants.hires if hire.median > seed.max]
    inside = [hire.hire for hire in grants.hires if seed.min <= hire.median <= seed.max]
    below = [hire.hire for hire in grants.hires if hire.median < seed.min]
    where = [
        f"under the median grant to {_hires(above)}" if above else "",
        f"around the medians of {_hires(inside)}" if inside else "",
        f"above the median grant to {_hires(below)}" if below else "",
    ]
    note = (
        f"What these cover: {grants.covers}. The {seed_source.name} gives "
        f"{formatting.percent_range(seed.min, seed.max)} for the engineers a startup hires first, without saying "
        f"which hires or where the range comes from: that range sits {' and '.join(part for part in where if part)}."
    )
    return body + "\n\n" + caption(figures, equity_by_hire_cites(figures), sources_href) + "\n\n" + note


def _hires(numbers: list[int]) -> str:
    """[1, 2] -> "hires #1–#2"; [3] -> "hire #3"."""
    if len(numbers) == 1:
        return f"hire #{numbers[0]}"
    return f"hires #{numbers[0]}–#{numbers[-1]}"


def bad_hire_claims(figures: Figures, sources_href: str) -> str:
    """What is known about each published figure for the cost of a bad hire."""
    rows = [
        [
            claim.figure,
            claim.attributed_to,
            CLAIM_STATUS[claim.status],
            " ".join(claim.known.split()),
            cite(figures, claim.citation, sources_href),
        ]
        for claim in figures.bad_hire.claims.values()
    ]
    return table(["The figure", "Credited to", "Status", "What is known", "Where we read it"], rows)


def what_figures_rest_on(figures: Figures, sources_href: str) -> str:
    """A paragraph, generated from the data, on what the guide's figures rest on."""
    counted = reliance(figures)
    kinds = phrase(
        [f"{count} from {'an' if kind[0] in 'aeiou' else 'a'} {kind}" for kind, count in counted.by_kind.items()]
    )
    return (
        f"The guide's data holds {counted.published} published figures and {counted.assumptions} of our own "
        f"assumptions. By who produced them, the published ones are: {kinds}. {counted.second_hand} of them we could "
        'read only as a third party restated them, and each says so where it appears ("as reported by"). Each of our '
        f"assumptions gives its reason. [Sources and method]({sources_href}) lists every source with its address, "
        "its date and the day we read it."
    )
