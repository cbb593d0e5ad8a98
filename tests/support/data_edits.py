"""Edits to a copy of ``data/`` for the broken-data tests: each returns a function of the folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Edit = Callable[[Path], None]


def replace(file: str, old: str, new: str) -> Edit:
    """Replace the first ``old`` in ``file``; fails loudly if the fixture no longer matches the data."""

    def edit(folder: Path) -> None:
        path = folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture is stale: {old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def append(file: str, extra: str) -> Edit:
    def edit(folder: Path) -> None:
        with (folder / file).open("a", encoding="utf-8") as handle:
            handle.write(extra)

    return edit


def delete(file: str) -> Edit:
    def edit(folder: Path) -> None:
        (folder / file).unlink()

    return edit
