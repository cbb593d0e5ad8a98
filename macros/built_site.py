"""What the hooks that finish a built site share: they leave ``mkdocs serve`` alone.

MkDocs loads each hook by its path, so hooks import nothing from each other; this module is
where a piece they share lives.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


class BuiltSiteOnly:
    """A hook's ``on_startup`` and ``on_post_build``: after ``mkdocs build``, ``finish`` runs on
    the site folder; under ``mkdocs serve`` it does not. Per-run state, as MkDocs hooks keep it."""

    def __init__(self, finish: Callable[[Path], object]) -> None:
        self.finish = finish
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.serving:
            self.finish(Path(config.site_dir))
