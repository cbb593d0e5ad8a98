"""Fixtures shared across the suite: the built site and a local server for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from macros.export import export
from macros.pdf import build_pdf
from tests.support.browser import chromium
from tests.support.build import ROOT, build
from tests.support.edited import Edited, build_edited
from tests.support.server import serve


@pytest.fixture(scope="session", autouse=True)
def calculator_figures() -> None:
    """The calculators read .cache/figures.json, written from data/ as `make figures` does."""
    export(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session from the checkout, strictly, with its PDF
    at ``guide.pdf`` as ``make build`` puts it (the pages link to it)."""
    target = tmp_path_factory.mktemp("site")
    done = build(ROOT, target)
    assert done.returncode == 0, done.stderr[-4000:]
    build_pdf(target, target / "guide.pdf", project=ROOT)
    return target


@pytest.fixture(scope="session")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Edited:
    """A copy of the project with edited data (:mod:`tests.support.edited`), built with its PDF."""
    made = build_edited(tmp_path_factory.mktemp("edited"))
    build_pdf(made.site, made.site / "guide.pdf", project=made.project)
    return made


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
