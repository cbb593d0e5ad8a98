"""The service worker's manifest: every page and asset of the build, no Python runtime, one
version for all of it, written only by a build (never by ``mkdocs serve``)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.hooks import offline, pyodide_assets
from macros.hooks.offline import REGISTRATION, SERVICE_WORKER, apply, kept, manifest, url_path, write_manifest
from macros.hooks.pyodide_assets import WORKER, stamp_worker
from tests.support.browser import page_paths
from tests.support.build import ROOT


def _stamped(site: Path) -> dict[str, Any]:
    line = re.search(r"^const MANIFEST = (.*);$", (site / SERVICE_WORKER).read_text(encoding="utf-8"), re.MULTILINE)
    assert line, "the built service worker carries its manifest"
    found = json.loads(line.group(1))
    assert isinstance(found, dict)
    return found


def test_the_paths_are_the_ones_pyodide_assets_writes() -> None:
    assert offline.RUNTIME_FOLDER == pyodide_assets.TARGET
    assert offline.WORKER == pyodide_assets.WORKER
    stamped = stamp_worker((ROOT / "docs" / WORKER).read_text(encoding="utf-8"), folder="calculators-1", identity="s1")
    assert offline._RUNTIME_SET.findall(stamped) == ["s1"]
    assert f'const KEPT_PREFIX = "{offline.RUNTIME_CACHE_PREFIX}";' in stamped


def test_addresses_are_the_ones_pages_link_to() -> None:
    assert url_path("index.html") == ""
    assert url_path("cost/index.html") == "cost/"
    assert url_path("calculators/loaded-cost/index.html") == "calculators/loaded-cost/"
    assert url_path("404.html") == "404.html"
    assert url_path("assets/js/offline.js") == "assets/js/offline.js"


def test_the_runtime_source_maps_and_host_files_are_left_out() -> None:
    assert not kept("assets/pyodide/pyodide.asm.wasm")
    assert not kept("assets/pyodide/calculators-0123456789abcdef/pyodide-lock.json")
    assert not kept("assets/javascripts/bundle.a5f9d56c.min.js.map")
    assert not kept("_headers")
    assert not kept(SERVICE_WORKER)
    assert not kept("guide.pdf")  # optional: make build copies it in after the hooks
    assert kept("assets/js/calculator-worker.mjs")
    assert kept("search/search_index.json")
    assert kept("sitemap.xml")


def test_the_built_worker_keeps_every_page_and_asset_of_the_final_site(site: Path) -> None:
    stamped = _stamped(site)
    # Written last: nothing changed a file after the manifest was made.
    assert stamped == json.loads(manifest(site).as_json())
    paths = {path for path, _ in stamped["files"]}
    pages = {url_path(path.lstrip("/") + ("index.html" if path.endswith("/") else "")) for path in page_paths(site)}
    assert pages <= paths
    assert {"assets/js/offline.js", "assets/js/calculator-worker.mjs", "search/search_index.json"} <= paths
    assert not [path for path in paths if "pyodide" in path or path.endswith((".whl", ".wasm", ".map"))]
    assert stamped["optional"] == ["guide.pdf"]
    assert stamped["runtime"] == "assets/pyodide/"
    assert stamped["runtimeCache"].startswith("hiring-guide-runtime-")
    assert "const ENABLED = true;" in (site / REGISTRATION).read_text(encoding="utf-8")


def _small_site(root: Path) -> Path:
    """The files the hook reads and writes, as mkdocs copies them, plus one page."""
    site = root / "site"
    (site / "assets" / "js").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / SERVICE_WORKER, site / SERVICE_WORKER)
    shutil.copy(ROOT / "docs" / REGISTRATION, site / REGISTRATION)
    worker = (ROOT / "docs" / WORKER).read_text(encoding="utf-8")
    (site / WORKER).write_text(stamp_worker(worker, folder="calculators-0", identity="set0"), encoding="utf-8")
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    return site


def test_the_version_follows_every_kept_file(tmp_path: Path) -> None:
    site = _small_site(tmp_path)
    first = apply(site).version
    assert _stamped(site)["version"] == first
    assert write_manifest(site).version == first  # the same files, the same version
    (site / "index.html").write_text("<h1>Home, rebuilt</h1>", encoding="utf-8")
    assert write_manifest(site).version != first
    assert _stamped(site)["version"] != first


def test_mkdocs_serve_never_turns_the_worker_on(tmp_path: Path) -> None:
    site = _small_site(tmp_path)
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    config = cast("MkDocsConfig", SimpleNamespace(site_dir=str(site)))
    offline.on_startup(command="serve", dirty=False)
    try:
        offline.on_post_build(config=config)
    finally:
        offline.on_startup(command="build", dirty=False)
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
    assert "const MANIFEST = null;" in (site / SERVICE_WORKER).read_text(encoding="utf-8")
    assert "const ENABLED = false;" in (site / REGISTRATION).read_text(encoding="utf-8")


def test_a_worker_without_its_manifest_line_stops_the_build(tmp_path: Path) -> None:
    site = _small_site(tmp_path)
    (site / SERVICE_WORKER).write_text("// no manifest\n", encoding="utf-8")
    with pytest.raises(PluginError, match="const MANIFEST"):
        apply(site)
