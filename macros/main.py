"""The MkDocs adapter: loads the data once per build and exposes the macros to pages.

Kept thin on purpose: every macro calls a pure function in :mod:`macros.render`,
:mod:`macros.figures` or :mod:`macros.forms`, which the tests call directly. Each macro
comes with the citations of what it shows, so that which page uses which source is known
from the pages' Markdown alone (:mod:`macros.citations`): the note closing each page and the
Sources page's "used by" both read it, whatever order pages are built in.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

import calculators
from calculators.figures import Citation, Figures
from calculators.parsing import InputErrors
from calculators.spec import Calculator
from macros import country_page, manifest, render
from macros.citations import Macro, PageUse, page_citations, pages_using
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
    registry = calculators.registry(figures)

    def page_uri() -> str:
        return str(env.page.file.src_uri) if env.page is not None else ""

    def href(target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(page_uri()) or ".")

    def sources_href() -> str:
        return href(render.SOURCES_PAGE)

    def sources_url() -> str:
        """The Sources page's built address from this page's, for raw HTML, which MkDocs does not
        rewrite (pages are directories: ``cost/`` links to ``../sources/``)."""
        here = str(env.page.url) if env.page is not None else ""
        target = posixpath.relpath("sources", here.rstrip("/") or ".")
        return target.rstrip("/") + "/"

    def figure(key: str) -> Figure:
        try:
            return lookup(named, key)
        except UnknownFigure as error:
            raise PluginError(f"{page_uri()}: {error.args[0]}") from None

    def fig(key: str, period: bool = True) -> str:
        """A figure for prose, e.g. ``{{ fig("salary.senior") }}`` -> ``$140,000–$200,000 a year``."""
        shown = figure(key)
        source = figures.sources[shown.citation.source] if shown.citation else None
        return render.figure_text(shown, source, with_period=period)

    def calculator_named(name: str) -> Calculator:
        if name not in registry:
            known = ", ".join(registry)
            raise PluginError(f"{page_uri()}: no calculator named {name!r}; the calculators are: {known}")
        return registry[name]

    def calculator(name: str, prefix: str = "", example: dict[str, object] | None = None) -> str:
        """A calculator's form with its worked example: ``{{ calculator("loaded-cost") }}``.

        ``prefix`` (e.g. ``"loaded-cost"``) names its fields in the address where several
        calculators share a page (``?loaded-cost.base_salary=``). ``example`` sets fields of
        the worked example (``example={"score_database": 3}``); a bad one stops the build.
        """
        pairs = [(str(field), str(value)) for field, value in (example or {}).items()]
        try:
            return calculator_form(calculator_named(name), prefix=prefix, example=pairs, sources_href=sources_url())
        except InputErrors as problem:
            raise PluginError(f"{page_uri()}: the example for {name} is wrong: {problem}") from None

    def interview_areas(kind: str) -> str:
        """Every rubric area of one kind: ``interview``, ``work-sample`` or ``reference``."""
        try:
            return render.interview_areas(figures, kind, named, sources_href())
        except (ValueError, UnknownFigure) as error:
            raise PluginError(f"{page_uri()}: {error.args[0]}") from None

    def calculator_cites(name: str, *_: object, **__: object) -> Iterable[Citation]:
        return calculator_named(name).citations if name in registry else ()

    def table(render_table: Callable[[Figures, str], str]) -> Callable[[], str]:
        return lambda: render_table(figures, sources_href())

    def cites(function: Callable[[Figures], list[Citation]]) -> Callable[[], list[Citation]]:
        return lambda: function(figures)

    def none(*_: object, **__: object) -> list[Citation]:
        return []

    overhead = figures.pay.overhead
    macros: dict[str, Macro] = {
        "fig": Macro(fig, lambda key, *_: named[key].citations if key in named else []),
        "pay_table": Macro(table(render.pay_table), cites(render.pay_cites)),
        "market_table": Macro(table(render.market_table), cites(render.market_cites)),
        "agency_table": Macro(table(render.agency_table), cites(render.agency_cites)),
        "loaded_table": Macro(table(render.loaded_table), cites(render.loaded_cites)),
        "breakeven_table": Macro(table(render.breakeven_table), cites(render.breakeven_cites)),
        "ecec_table": Macro(table(render.ecec_table), cites(render.ecec_cites)),
        "equity_by_hire_table": Macro(table(render.equity_by_hire_table), cites(render.equity_by_hire_cites)),
        "bad_hire_claims": Macro(table(render.bad_hire_claims), cites(render.bad_hire_claims_cites)),
        "figures_rest_on": Macro(table(render.what_figures_rest_on), none),
        "country_summary": Macro(table(country_page.summary_table), cites(country_page.summary_cites)),
        "country_sections": Macro(table(country_page.country_sections), cites(country_page.country_sections_cites)),
        "exchange_rates": Macro(table(country_page.exchange_table), cites(country_page.exchange_cites)),
        "overhead_covers": Macro(lambda: render.phrase(overhead.covers), lambda: [overhead.citation]),
        "calculator": Macro(calculator, calculator_cites),
        "calculator_inputs": Macro(lambda name: inputs_table(calculator_named(name)), calculator_cites),
        "calculators_list": Macro(lambda: calculator_index(registry), none),
        "rubric_scale": Macro(table(render.rubric_scale), lambda: [figures.interview.scale.citation]),
        "interview_areas": Macro(interview_areas, lambda kind: render.interview_cites(figures, kind)),
        "rubric_summary": Macro(lambda: render.rubric_summary(figures, href(render.INTERVIEW_PAGE)), none),
        "red_flags": Macro(
            lambda: render.red_flags(figures, href(render.INTERVIEW_PAGE), sources_href()),
            cites(render.red_flag_cites),
        ),
        "plain_cues": Macro(
            lambda: render.plain_cues(figures, href(render.INTERVIEW_PAGE), sources_href()),
            cites(render.plain_cues_cites),
        ),
        "red_flag_summary": Macro(
            lambda: render.red_flag_summary(figures, href(render.RED_FLAGS_PAGE), href(render.INTERVIEW_PAGE)),
            none,
        ),
    }
    docs = Path(env.conf["docs_dir"])
    uses: list[PageUse] = pages_using(docs, macros)

    def sources_list() -> str:
        """Every source with its address, kind and dates, and the pages and calculators that use it."""
        return render.sources_list(figures, uses, registry, href)

    macros["sources_list"] = Macro(sources_list, none)
    for name, macro in macros.items():
        env.macro(macro.render, name)

    written: dict[str, str] = {}

    def keep_page() -> None:
        written[page_uri()] = env.markdown

    def close_page() -> str:
        used = page_citations(written.pop(page_uri(), ""), macros)
        return render.page_sources(figures, used, sources_href())

    env.variables["_keep_page"] = keep_page
    env.variables["_close_page"] = close_page
    env.variables["_figures"] = figures


def on_pre_page_macros(env: Any) -> None:
    """Keep the page's Markdown as written, for the note that closes it."""
    env.variables["_keep_page"]()


def on_post_page_macros(env: Any) -> None:
    """Close every page with the sources of the figures it showed."""
    env.markdown += env.variables["_close_page"]()


def on_post_build(env: Any) -> None:
    """Write the build's manifest (:mod:`macros.manifest`) for the tools that read the built site."""
    figures: Figures = env.variables["_figures"]
    config = env.conf
    pages = tuple(manifest.reading_order(env.variables["navigation"].items))
    own_pages = {f"calculators/{name}/": name for name in calculators.BUILDERS}
    read = sorted(source.retrieved for source in figures.sources.values() if source.retrieved)
    site_dir = Path(config["site_dir"])
    manifest.write(
        manifest.Manifest(
            site_name=str(config["site_name"]),
            site_description=" ".join(str(config.get("site_description") or "").split()),
            site_url=str(config.get("site_url") or "").rstrip("/") + "/",
            pages=pages,
            sources_read=(read[0], read[-1]),
            calculators={own_pages[page.url]: page.url for page in pages if page.url in own_pages},
            site_dir=str(site_dir.resolve()),
        ),
        Path(env.project_dir),
    )
