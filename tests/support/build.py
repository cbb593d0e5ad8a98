"""Building the site (or a copy of the project with altered data) from tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pytest
from filelock import FileLock

from macros import manifest
from macros.manifest import ManifestPage

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).with_name("mkdocs")
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "calculators", "pyproject.toml", "README.md")


def copy_project(target: Path) -> Path:
    """Copy what a build reads into ``target`` (no site/, venv or node_modules)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / part)
    node_modules = ROOT / "node_modules"
    if node_modules.exists():
        (target / "node_modules").symlink_to(node_modules)
    return target


def run_in(
    project: Path, command: list[str], *, extra_env: dict[str, str] | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in ``project`` with its own packages first on the path; never raises on failure."""
    # The copy's own macros and calculators must win over the checkout's.
    env = {**os.environ, **(extra_env or {}), "PYTHONPATH": str(project)}
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def build(
    project: Path, site: Path | None = None, *, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a strict build of ``project`` into ``site``; returns the finished process."""
    site = site or project / "site"
    quiet = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **(extra_env or {})}
    return run_in(project, [str(MKDOCS), "build", "--strict", "--site-dir", str(site)], extra_env=quiet)


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], T], read: Callable[[Path], T]) -> T:
    """What ``make`` writes into the folder ``name``, made once for the whole test run: under
    pytest-xdist the first process that needs it makes it while the others wait, then they all
    ``read`` it. A failed ``make`` is made again by the next process that asks."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # shared by the run's processes
    folder, done = root / name, root / f"{name}.done"
    with FileLock(root / f"{name}.lock"):
        if done.is_file():
            return read(folder)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        made = make(folder)
        done.touch()
        return made


def cut_site(site: Path, project: Path, folder: Path, keep: Callable[[ManifestPage], bool]) -> tuple[Path, Path]:
    """A copy of the built ``site`` (of ``project``) in ``folder`` whose build manifest lists only
    the pages ``keep`` keeps, so that the PDF builder typesets those alone; returns the copy and
    the project folder holding its manifest (pass it as ``project``, or its ``mkdocs.yml`` as
    the command line's ``--config``)."""
    copy = shutil.copytree(site, folder / "site", ignore=shutil.ignore_patterns("pyodide", "*.pdf"))
    made = manifest.read(project, site)
    cut = folder / "project"
    cut.mkdir()
    shutil.copy2(project / "mkdocs.yml", cut / "mkdocs.yml")
    pages = tuple(page for page in made.pages if keep(page))
    manifest.write(replace(made, pages=pages, site_dir=str(copy.resolve())), cut)
    return copy, cut
