"""The MkDocs adapter: loads the data once per build and exposes the macros to pages.

Kept thin on purpose: every macro here calls a pure function in :mod:`macros.render`,
:mod:`macros.figures` or :mod:`macros.forms`, which the tests call directly.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

import calculators
from calculators.figures import Citation, Figures
from calculators.parsing import InputErrors
from macros import manifest, render
from macros.data import DataError, load_data
from macros.figures import Figure, UnknownFigure, catalogue, lookup
from macros.forms import calculator_form, calculator_index, inputs_table


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    try:
        figures = load_data(root / "data")
    except DataError as error:
        raise PluginError(f"The build stopped: {error}") from None
    named = catalogue(figures)
    used: dict[str, list[Citation]] = {}

    def page_uri() -> str:
        return str(env.page.file.src_uri) if env.page is not None else ""

    def href(target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(page_uri()) or ".")

    def sources_href() -> str:
        return href(render.SOURCES_PAGE)

    def note_source(citation: Citation | None) -> None:
        if citation is not None:
            used.setdefault(page_uri(), []).append(citation)

    def fig(key: str, period: bool = True) -> str:
        """A figure for prose, e.g. ``{{ fig("salary.senior") }}`` -> ``$140,000–$200,000 a year``."""
        try:
            figure = lookup(named, key)
        except UnknownFigure as error:
            raise PluginError(f"{page_uri()}: {error.args[0]}") from None
        note_source(figure.citation)
        source = figures.sources[figure.citation.source] if figure.citation else None
        return render.figure_text(figure, source, with_period=period)

    def pay_table() -> str:
        """Salary and freelance bands by level."""
        return render.pay_table(figures, sources_href())

    def agency_table() -> str:
        """Agency hourly rates by region."""
        return render.agency_table(figures, sources_href())

    def overhead_covers() -> str:
        """What the fully loaded overhead covers, as a phrase."""
        covers = figures.pay.overhead.covers
        return ", ".join(covers[:-1]) + f" and {covers[-1]}" if len(covers) > 1 else covers[0]

    def sources_list() -> str:
        """Every source with its as-of date."""
        return render.sources_list(figures)

    def loaded_table() -> str:
        """Base salary and fully loaded cost by level."""
        return render.loaded_table(figures, sources_href())

    def breakeven_table() -> str:
        """Hours a year at which an hourly engagement costs as much as an employee."""
        return render.breakeven_table(figures, sources_href())

    for macro in (
        fig,
        pay_table,
        agency_table,
        overhead_covers,
        sources_list,
        loaded_table,
        breakeven_table,
    ):
        env.macro(macro)
    _calculator_macros(env, figures, page_uri)
    _interview_macros(env, figures, named, Links(page_uri, href, note_source))

    def close_page() -> str:
        return render.page_sources(figures, used.pop(page_uri(), []), sources_href())

    env.variables["_close_page"] = close_page
    env.variables["_figures"] = figures


def _calculator_macros(env: Any, figures: Figures, page_uri: Callable[[], str]) -> None:
    """``calculator``, ``calculator_inputs`` and ``calculators_list`` (see :mod:`macros.forms`)."""
    # Built from this build's data, never from a figures file an earlier build left behind.
    calculator_registry = calculators.registry(figures)

    def calculator(name: str, prefix: str = "", example: dict[str, object] | None = None) -> str:
        """A calculator's form with its worked example: ``{{ calculator("loaded-cost") }}``.

        ``prefix`` (e.g. ``"loaded-cost"``) names its fields in the address where several
        calculators share a page (``?loaded-cost.base_salary=``). ``example`` sets fields of
        the worked example (``example={"score_database": 3}``); a bad one stops the build.
        """
        if name not in calculator_registry:
            known = ", ".join(calculator_registry)
            raise PluginError(f"{page_uri()}: no calculator named {name!r}; the calculators are: {known}")
        pairs = [(str(field), str(value)) for field, value in (example or {}).items()]
        try:
            return calculator_form(calculator_registry[name], prefix=prefix, example=pairs)
        except InputErrors as problem:
            raise PluginError(f"{page_uri()}: the example for {name} is wrong: {problem}") from None

    def calculator_inputs(name: str) -> str:
        """A calculator's fields as a table: what each is, what it accepts, where it starts."""
        if name not in calculator_registry:
            raise PluginError(f"{page_uri()}: no calculator named {name!r}")
        return inputs_table(calculator_registry[name])

    def calculators_list() -> str:
        """Every calculator with a link to its page (for docs/calculators/index.md)."""
        return calculator_index(calculator_registry)

    for macro in (calculator, calculator_inputs, calculators_list):
        env.macro(macro)


@dataclass(frozen=True)
class Links:
    """What a macro needs to know about the page it is on."""

    page_uri: Callable[[], str]
    href: Callable[[str], str]
    """A link to another page (``interview.md``), relative to the current one."""
    note_source: Callable[[Citation | None], None]
    """Record that the page shows a figure with this citation."""


def _interview_macros(env: Any, figures: Figures, named: dict[str, Figure], page: Links) -> None:
    """Macros for the interview rubric and the red flags (data/interview.yaml, data/red_flags.yaml)."""

    def sources_href() -> str:
        return page.href(render.SOURCES_PAGE)

    def rubric_scale() -> str:
        """The rubric's levels."""
        scale = figures.interview.scale
        page.note_source(scale.citation)
        return render.rubric_scale(figures, sources_href())

    def interview_areas(kind: str) -> str:
        """Every rubric area of one kind: ``interview``, ``work-sample`` or ``reference``."""
        for area in figures.interview.areas.values():
            if area.kind == kind:
                page.note_source(area.citation)
                page.note_source(area.rubric.citation)
        try:
            return render.interview_areas(figures, kind, named, sources_href())
        except (ValueError, UnknownFigure) as error:
            raise PluginError(f"{page.page_uri()}: {error.args[0]}") from None

    def rubric_summary() -> str:
        """The rubric areas, linked to their sections on the interview page."""
        return render.rubric_summary(figures, page.href(render.INTERVIEW_PAGE))

    def red_flags() -> str:
        """The red flags with their checks."""
        for flag in figures.red_flags.values():
            page.note_source(flag.citation)
            page.note_source(Citation(flag.check_source))
        return render.red_flags(figures, page.href(render.INTERVIEW_PAGE), sources_href())

    def red_flag_summary() -> str:
        """The red flags, linked to their sections."""
        return render.red_flag_summary(figures, page.href(render.RED_FLAGS_PAGE), page.href(render.INTERVIEW_PAGE))

    for macro in (rubric_scale, interview_areas, rubric_summary, red_flags, red_flag_summary):
        env.macro(macro)


def on_post_page_macros(env: Any) -> None:
    """Close every page with the sources of the figures it showed."""
    env.markdown += env.variables["_close_page"]()


def on_post_build(env: Any) -> None:
    """Write the build's manifest (:mod:`macros.manifest`) for the tools that read the built site."""
    figures: Figures = env.variables["_figures"]
    config = env.conf
    pages = tuple(manifest.reading_order(env.variables["navigation"].items))
    own_pages = {f"calculators/{name}/": name for name in calculators.BUILDERS}
    checked = sorted(source.retrieved for source in figures.sources.values() if source.retrieved)
    site_dir = Path(config["site_dir"])
    manifest.write(
        manifest.Manifest(
            site_name=str(config["site_name"]),
            site_description=" ".join(str(config.get("site_description") or "").split()),
            site_url=str(config.get("site_url") or "").rstrip("/") + "/",
            pages=pages,
            sources_read=(checked[0], checked[-1]),
            calculators={own_pages[page.url]: page.url for page in pages if page.url in own_pages},
            site_dir=str(site_dir.resolve()),
        ),
        Path(env.project_dir),
    )
