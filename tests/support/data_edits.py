"""Edits to a copy of ``data/`` for the broken-data tests: each returns a function of the folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from macros.data import DataError, load_data

Edit = Callable[[Path], None]
BadData = tuple[str, Edit, str, str, str]
"""A broken-data case: its name, the edit, and the file, key and reason the error must give."""


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


def each_case(cases: Sequence[BadData]) -> pytest.MarkDecorator:
    """Run a test once for each case, as its ``case`` argument, named by the case's name."""
    return pytest.mark.parametrize("case", cases, ids=[case[0] for case in cases])


def expect_data_error(data: Path, scratch: Path, case: BadData) -> None:
    """Copy ``data`` into ``scratch``, apply the case's edit, and check that loading names its file,
    key and reason."""
    _, edit, file, key, reason = case
    folder = scratch / "data"
    shutil.copytree(data, folder)
    edit(folder)
    try:
        load_data(folder)
    except DataError as error:
        matching = [p for p in error.problems if p.file == file and p.key.startswith(key)]
        assert matching, f"no problem for {file} {key}: {error}"
        assert any(reason in p.message for p in matching), str(error)
        assert f"{file}: " in str(error)
    else:
        raise AssertionError(f"{file} {key}: the loader accepted data that should fail ({reason})")
