"""Fixtures shared across the suite: the built site and a local server for it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from macros.export import export
from macros.pdf import build_pdf
from tests.support.browser import chromium
from tests.support.build import ROOT, build, made_once
from tests.support.edited import Edited, build_edited, edited_in
from tests.support.server import serve


@pytest.fixture(scope="session", autouse=True)
def calculator_figures() -> None:
    """The calculators read .cache/figures.json, written from data/ as `make figures` does."""
    export(ROOT)


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
    """The PDF of the edited copy's site, as ``make build`` makes it (a fixture of its own: the
    tests of the edited pages need not wait for it)."""

    def make(folder: Path) -> Path:
        build_pdf(edited.site, folder / "guide.pdf", project=edited.project)
        return folder / "guide.pdf"

    return made_once(tmp_path_factory, "edited-pdf", make, read=lambda folder: folder / "guide.pdf")


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
