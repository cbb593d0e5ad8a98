"""Fixtures shared across the suite: the built site and a local server for it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings
from playwright.sync_api import Browser

from macros import manifest
from macros.export import export
from macros.manifest import ManifestPage
from macros.pdf import build_pdf, built_file
from tests.support.browser import chromium
from tests.support.build import ROOT, build, cut_site, made_once
from tests.support.edited import Edited, build_edited, edited_in, shows_an_edit
from tests.support.server import serve

# Timing belongs to the benchmarks, not to the tests: no generated example has a deadline. With
# Hypothesis's default of 200 ms, `make test` on a busy two-core machine once failed a parse that
# takes 0.02 ms, stalled for 444 ms. (Under CI=true Hypothesis loads its "ci" profile, which has
# no deadline either.)
settings.register_profile("default", settings.get_profile("default"), deadline=None)


@pytest.fixture(scope="session", autouse=True)
def calculator_figures() -> None:
    """The calculators read .cache/figures.json, written from data/ as `make figures` does."""
    export(ROOT)


SLOW_SECONDS = 15
"""What a test marked ``slow`` without ``seconds`` is taken to cost."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The costliest tests first (the ``slow`` mark's ``seconds``), the rest in their order.

    Under ``make test`` the test processes take tests two at a time in this order
    (``--maxschedchunk=2``), so the long ones run beside the many short ones instead of
    leaving one process finishing a long test alone at the end."""

    def cost(item: pytest.Item) -> float:
        mark = item.get_closest_marker("slow")
        return 0 if mark is None else float(mark.kwargs.get("seconds", SLOW_SECONDS))

    items.sort(key=cost, reverse=True)


BUILT_SITE = "BUILT_SITE"
"""Set by ``make test`` to the site its ``make check`` has just built from this checkout, so the
suite does not build the same site (and PDF) again; never set it to an older build."""


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session from the checkout, strictly, with its PDF
    at ``guide.pdf`` as ``make build`` puts it (the pages link to it); or, under ``make test``,
    the one ``make build`` has just put in ``site/``."""
    if built := os.environ.get(BUILT_SITE):
        given = Path(built)
        for made in ("index.html", "guide.pdf"):
            assert (given / made).is_file(), f"{BUILT_SITE}={built} is no built site: it has no {made}"
        return given

    def make(target: Path) -> Path:
        done = build(ROOT, target)
        assert done.returncode == 0, done.stderr[-4000:]
        build_pdf(target, target / "guide.pdf", project=ROOT)
        return target

    return made_once(tmp_path_factory, "site", make, read=lambda target: target)


@pytest.fixture(scope="session")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Edited:
    """A copy of the project with edited data (:mod:`tests.support.edited`), built."""
    return made_once(tmp_path_factory, "edited", build_edited, read=edited_in)


@pytest.fixture(scope="session")
def edited_pdf(tmp_path_factory: pytest.TempPathFactory, edited: Edited) -> Path:
    """A draft PDF of the edited copy's site (laid out once: its text is what is checked, not
    its page numbers), typeset from every calculator's page (their worked examples are computed
    for paper) and every page that shows an edit; the whole guide is typeset by ``make build``
    and checked in tests/macros/pdf. A fixture of its own: the tests of the edited pages need
    not wait for it."""

    def make(folder: Path) -> Path:
        made = manifest.read(edited.project, edited.site)
        calculators = set(made.calculators.values())

        def keep(page: ManifestPage) -> bool:
            return page.url in calculators or shows_an_edit(article_text(built_file(edited.site, page.url)))

        copy, project = cut_site(edited.site, edited.project, folder, keep)
        build_pdf(copy, folder / "guide.pdf", project=project, draft=True)
        return folder / "guide.pdf"

    return made_once(tmp_path_factory, "edited-pdf", make, read=lambda folder: folder / "guide.pdf")


def article_text(page: Path) -> str:
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").article
    return article.get_text(" ") if article else ""


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 with its ``_headers`` applied."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium (Debian's, never a downloaded one) for the whole test session.

    Playwright's sync API allows one driver per process, so every browser test shares this.
    """
    with chromium() as launched:
        yield launched
