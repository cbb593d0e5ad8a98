"""The built site carries the runtime files, the wheel and a lock file that names it, in a
folder named by their content that the worker is told about."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from calculators.figures import CHECKOUT_FIGURES, FIGURES_FILE
from macros.hooks.pyodide_assets import RUNTIME_FILES, WORKER, read_stamp, stamp_worker
from tests.support.build import ROOT


def test_site_has_the_runtime_and_a_wheel_registered_with_its_hash(site: Path) -> None:
    assets = site / "assets" / "pyodide"
    for name in RUNTIME_FILES:
        assert (assets / name).stat().st_size == (ROOT / "node_modules" / "pyodide" / name).stat().st_size
    [packages] = list(assets.glob("calculators-*"))
    lock_file = packages / "pyodide-lock.json"
    assert packages.name == "calculators-" + hashlib.sha256(lock_file.read_bytes()).hexdigest()[:16]
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    entry = lock["packages"]["hiring-calculators"]
    wheel = packages / entry["file_name"]
    python = lock["info"]["python"].split(".")  # bytecode for the runtime's Python only
    assert wheel.name.endswith(f"-py{python[0]}{python[1]}-none-any.whl")
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    assert entry["imports"] == ["calculators"]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = archive.read(f"calculators/{FIGURES_FILE}").decode("utf-8")
    assert "calculators/web.pyc" in names
    assert not [name for name in names if name.endswith(".py")]  # compiled at build time, not in the browser
    assert not [name for name in names if name.startswith(("macros/", "tests/"))]
    assert shipped == (ROOT / CHECKOUT_FIGURES).read_text(encoding="utf-8")
    # Only what the worker needs: no console pages, source maps or other builds.
    assert sorted(path.name for path in assets.iterdir()) == sorted([*RUNTIME_FILES, packages.name])
    assert sorted(path.name for path in packages.iterdir()) == sorted(["pyodide-lock.json", wheel.name])
    # The worker loads exactly this folder, and names its kept runtime set after it.
    worker = (site / WORKER).read_text(encoding="utf-8")
    assert read_stamp(worker, "PACKAGES") == packages.name + "/"
    assert len(read_stamp(worker, "RUNTIME_SET")) == 16


def test_the_worker_stamp_is_written_once_or_the_build_stops() -> None:
    source = (ROOT / "docs" / WORKER).read_text(encoding="utf-8")
    stamped = stamp_worker(source, folder="calculators-abc", identity="set1")
    assert read_stamp(stamped, "PACKAGES") == "calculators-abc/"
    assert read_stamp(stamped, "RUNTIME_SET") == "set1"
    assert stamp_worker(stamped, folder="calculators-def", identity="set2").count("calculators-def/") == 1
    with pytest.raises(PluginError, match="RUNTIME_SET"):
        stamp_worker(source.replace("const RUNTIME_SET", "const OTHER"), folder="x", identity="y")


def test_pages_use_relative_addresses_for_the_runtime(site: Path) -> None:
    page = (site / "calculators" / "loaded-cost" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/js/calculators.js"' in page
    assert "<script>" not in page.split("calculators.js")[1][:200]
