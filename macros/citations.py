"""Which figures, and so which sources, a page shows, read from its Markdown alone.

Every macro comes with a function that names the citations of what it shows
(:class:`Macro`). :func:`page_citations` finds the macro calls in a page's Markdown
(``{{ fig("salary.senior") }}``, ``{{ pay_table() }}``) with Python's own parser and asks
each for its citations; :func:`pages_using` does it for every page, so the Sources page can
say where each source is used without depending on the order pages are built in.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from calculators.figures import Citation

_CALL = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)


@dataclass(frozen=True)
class Macro:
    render: Callable[..., str]
    cites: Callable[..., Iterable[Citation]]


@dataclass(frozen=True)
class PageUse:
    """A page of the guide (its source path and title) and the citations of what it shows."""

    path: str
    title: str
    citations: tuple[Citation, ...]


def calls(markdown: str) -> Iterator[tuple[str, list[object], dict[str, object]]]:
    """Each macro call written with literal arguments: (name, positional, keyword)."""
    for match in _CALL.finditer(markdown):
        try:
            node = ast.parse(match.group(1).strip(), mode="eval").body
        except SyntaxError:
            continue
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        try:
            args = [ast.literal_eval(arg) for arg in node.args]
            kwargs = {item.arg: ast.literal_eval(item.value) for item in node.keywords if item.arg}
        except ValueError:
            continue
        yield node.func.id, args, kwargs


def page_citations(markdown: str, macros: Mapping[str, Macro]) -> list[Citation]:
    """The citations of every figure and table a page's Markdown shows, in order, each once."""
    found: dict[Citation, None] = {}
    for name, args, kwargs in calls(markdown):
        if name in macros:
            found.update(dict.fromkeys(macros[name].cites(*args, **kwargs)))
    return list(found)


def title_of(markdown: str, fallback: str) -> str:
    return next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), fallback)


def pages_using(docs: Path, macros: Mapping[str, Macro]) -> list[PageUse]:
    """Every Markdown page under ``docs`` with the citations of what it shows."""
    uses = []
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(docs).as_posix()
        uses.append(PageUse(relative, title_of(text, relative), tuple(page_citations(text, macros))))
    return uses
