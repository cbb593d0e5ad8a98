"""`make build` swaps a new site in only when the strict build passed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.build import ROOT, copy_project, run_in


def _make_build(project: Path) -> subprocess.CompletedProcess[str]:
    return run_in(project, ["make", "--no-print-directory", "build", f"VENV={ROOT / '.venv'}"])


@pytest.fixture
def project(tmp_path: Path, site: Path) -> Path:
    """A copy of the project with a good site already in site/ (the session's strict build, PDF
    included: what an earlier `make build` leaves)."""
    project = copy_project(tmp_path / "project")
    # Copied with their times, so make sees the checkout's venv and node_modules as current.
    for name in ("Makefile", "requirements.lock", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(site, project / "site")
    return project


@pytest.mark.slow
@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("data/pay.yaml", "senior: {min: 140000,", "senior: {min: 240000,"),  # stops in on_config
        ("docs/cost.md", "\n", "\n[a link to nowhere](nowhere.md)\n"),  # strict: fails after writing pages
    ],
)
def test_a_failed_build_leaves_the_previous_site_in_place(project: Path, file: str, old: str, new: str) -> None:
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert Path("index.html") in before
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, "fixture is stale"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    second = _make_build(project)
    assert second.returncode != 0
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not (project / ".site.new").exists()
