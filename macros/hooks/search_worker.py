"""Our search worker (``assets/js/search-worker.js``) learns which file is Material's.

Material's configuration on every page names our worker instead of its own
(``docs/overrides/main.html``); ours starts Material's once the page has settled (its header
says why). Material's worker has a content-hashed name that changes with each release, so this
hook writes that name into the site's copy of ours, from the copy in ``docs/`` (a build that did
not copy it again, ``mkdocs serve --dirty``, is written the same, never twice). The name cannot
travel in the worker's address: a page the site's service worker controls gets the kept copy,
and a worker's address is its response's, without the query.

The build stops if the site holds other than one ``search.*.min.js`` of Material's, or if our
worker's placeholder is not there exactly once.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

OURS = Path("assets") / "js" / "search-worker.js"
MATERIAL = Path("assets") / "javascripts" / "workers"
PLACEHOLDER = 'const MATERIAL_WORKER = "";'


def with_material_worker(ours: str, name: str, where: str) -> str:
    """``ours`` with :data:`PLACEHOLDER` naming Material's worker ``name`` (a file in :data:`MATERIAL`)."""
    found = ours.count(PLACEHOLDER)
    if found != 1:
        raise PluginError(f"{where}: expected the line {PLACEHOLDER!r} once, found it {found} times")
    address = posixpath.relpath((MATERIAL / name).as_posix(), OURS.parent.as_posix())
    return ours.replace(PLACEHOLDER, f'const MATERIAL_WORKER = "{address}";')


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    workers = sorted(path.name for path in (site / MATERIAL).glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"{site / MATERIAL}: expected Material's one search worker, found {workers}")
    source = Path(config.docs_dir) / OURS
    written = with_material_worker(source.read_text(encoding="utf-8"), workers[0], str(source))
    (site / OURS).write_text(written, encoding="utf-8")
