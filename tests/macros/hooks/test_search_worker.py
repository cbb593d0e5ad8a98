"""Our search worker is told the name of Material's, from the copy in docs/."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from macros.hooks.search_worker import MATERIAL, OURS, PLACEHOLDER, on_post_build, with_material_worker
from tests.support.build import ROOT


def test_the_placeholder_names_materials_worker_beside_ours() -> None:
    written = with_material_worker(f"a;\n  {PLACEHOLDER}\nb;", "search.ab12.min.js", "ours.js")
    assert written == 'a;\n  const MATERIAL_WORKER = "../javascripts/workers/search.ab12.min.js";\nb;'


def test_our_worker_in_docs_has_the_placeholder_once() -> None:
    assert (ROOT / "docs" / OURS).read_text(encoding="utf-8").count(PLACEHOLDER) == 1


@pytest.mark.parametrize("times", [0, 2])
def test_a_worker_without_the_placeholder_once_stops_the_build(times: int) -> None:
    with pytest.raises(PluginError, match=rf"ours\.js: .* {times} times"):
        with_material_worker(PLACEHOLDER * times, "search.ab12.min.js", "ours.js")


def _site(tmp_path: Path, *material: str) -> SimpleNamespace:
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / OURS).parent.mkdir(parents=True)
    (docs / OURS).write_text(PLACEHOLDER, encoding="utf-8")
    (site / MATERIAL).mkdir(parents=True)
    (site / OURS).parent.mkdir(parents=True)  # MkDocs copied ours there
    for name in material:
        (site / MATERIAL / name).write_text("", encoding="utf-8")
    return SimpleNamespace(docs_dir=str(docs), site_dir=str(site))


def test_the_hook_writes_the_site_copy_from_the_docs_copy(tmp_path: Path) -> None:
    config = _site(tmp_path, "search.ab12.min.js")
    for _ in range(2):  # a second run (mkdocs serve --dirty) writes the same
        on_post_build(config)  # type: ignore[arg-type]
        written = (Path(config.site_dir) / OURS).read_text(encoding="utf-8")
        assert written == 'const MATERIAL_WORKER = "../javascripts/workers/search.ab12.min.js";'


@pytest.mark.parametrize("material", [(), ("search.ab12.min.js", "search.cd34.min.js")])
def test_other_than_one_material_worker_stops_the_build(tmp_path: Path, material: tuple[str, ...]) -> None:
    with pytest.raises(PluginError, match="expected Material's one search worker"):
        on_post_build(_site(tmp_path, *material))  # type: ignore[arg-type]
