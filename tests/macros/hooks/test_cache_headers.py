"""Long-lived caching only for files whose address changes with their content."""

from __future__ import annotations

from pathlib import Path

from macros.hooks import cache_headers, pyodide_assets
from macros.hooks.cache_headers import IMMUTABLE, immutable_paths
from tests.support.server import headers_for, parse_headers_file


def test_content_addressed_files_are_cached_for_good_and_pages_are_not(site: Path) -> None:
    rules = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    assert rules[0][0] == "/*", "the policy rule stays first"
    [folder] = list((site / "assets" / "pyodide").glob("calculators-*"))
    wheel = next(folder.glob("*.whl"))
    immutable = ("Cache-Control", IMMUTABLE)
    for file in (wheel, folder / "pyodide-lock.json", *(site / "assets" / "javascripts").glob("bundle.*.min.js")):
        assert immutable in headers_for(rules, "/" + file.relative_to(site).as_posix()), file
    for path in ("/", "/cost/", "/assets/js/calculators.js", "/assets/pyodide/pyodide.asm.wasm", "/service-worker.js"):
        assert immutable not in headers_for(rules, path), path


def test_every_rule_names_a_file_of_the_build(site: Path) -> None:
    for pattern in immutable_paths(site):
        found = list(site.glob(pattern.lstrip("/")))
        assert found, pattern


def test_the_folder_names_are_the_ones_pyodide_assets_writes() -> None:
    assert cache_headers.RUNTIME_FOLDER == pyodide_assets.TARGET
    assert cache_headers.PACKAGES_PREFIX == pyodide_assets.PACKAGES_PREFIX
