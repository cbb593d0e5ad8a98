"""The built site carries the runtime files, the wheel and a lock file that names it."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from calculators.figures import CHECKOUT_FIGURES, FIGURES_FILE
from macros.hooks.pyodide_assets import RUNTIME_FILES
from tests.support.build import ROOT


def test_site_has_the_runtime_and_a_wheel_registered_with_its_hash(site: Path) -> None:
    assets = site / "assets" / "pyodide"
    for name in RUNTIME_FILES:
        assert (assets / name).stat().st_size == (ROOT / "node_modules" / "pyodide" / name).stat().st_size
    lock = json.loads((assets / "pyodide-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["hiring-calculators"]
    wheel = assets / entry["file_name"]
    assert wheel.name.endswith("-py3-none-any.whl")
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    assert entry["imports"] == ["calculators"]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = archive.read(f"calculators/{FIGURES_FILE}").decode("utf-8")
    assert "calculators/web.py" in names
    assert not [name for name in names if name.startswith(("macros/", "tests/"))]
    assert shipped == (ROOT / CHECKOUT_FIGURES).read_text(encoding="utf-8")
    # Only what the worker needs: no console pages, source maps or other builds.
    assert sorted(path.name for path in assets.iterdir()) == sorted([*RUNTIME_FILES, "pyodide-lock.json", wheel.name])


def test_pages_use_relative_addresses_for_the_runtime(site: Path) -> None:
    page = (site / "calculators" / "loaded-cost" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/js/calculators.js"' in page
    assert "<script>" not in page.split("calculators.js")[1][:200]
