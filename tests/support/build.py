"""Building the site (or a copy of the project with altered data) from tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
