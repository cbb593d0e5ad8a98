"""Edits to a built page made on its parsed tokens, never with regular expressions on the text.

:func:`rewrite` runs the standard library's HTML tokenizer over a page and copies the page
exactly as it was written, except the start tags an edit function replaces (or drops).
Script and style bodies come back untouched, so hashes taken of them (the
Content-Security-Policy) stay true. :func:`start_tag` writes a tag with its attributes
escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from html.parser import HTMLParser

Attributes = Sequence[tuple[str, str | None]]
Edit = Callable[[str, Attributes, str], str | None]
"""(tag, attributes, the tag as written) -> the text to write instead, or ``None`` to keep it."""


def start_tag(tag: str, attributes: Attributes) -> str:
    """``<tag a="1" b>`` with every value escaped for a double-quoted attribute (``&``, ``<``,
    ``>`` and ``"``); ``None`` is an attribute with no value."""
    parts = [tag, *(name if value is None else f'{name}="{_attribute(value)}"' for name, value in attributes)]
    return "<" + " ".join(parts) + ">"


def _attribute(value: str) -> str:
    return escape(value, quote=False).replace('"', "&quot;")


class _Rewriter(HTMLParser):
    """Finds the start tags an edit replaces, by their place in the page, and the bodies of
    scripts and styles; :meth:`rewritten` copies everything else from the page as written."""

    def __init__(self, page: str, edit: Edit) -> None:
        super().__init__(convert_charrefs=False)
        self._page = page
        self._edit = edit
        self._line_starts = _line_starts(page)
        self._replaced: list[tuple[int, int, str]] = []
        self.scripts: list[tuple[Attributes, str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, Attributes] | None = None
        self.feed(page)
        self.close()

    def _start(self, tag: str, attrs: Attributes) -> None:
        written = self.get_starttag_text() or start_tag(tag, attrs)
        replaced = self._edit(tag, attrs, written)
        if replaced is not None:
            line, column = self.getpos()
            at = self._line_starts[line - 1] + column
            self._replaced.append((at, at + len(written), replaced))
        if tag in {"script", "style"}:
            self._open = (tag, attrs)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """HTML has no marked sections: ``<![`` opens a bogus comment that ends at the next
        ``>``, as the HTML standard's tokenizer reads it (the standard library's own reading,
        kept from SGML, raises ``AssertionError`` on ``<![;`` in Python 3.13.0)."""
        end = self.rawdata.find(">", i + 3)
        return -1 if end == -1 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)
        self._open = None

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and self._open[0] == tag:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            tag, attrs = self._open
            if tag == "script":
                self.scripts.append((attrs, data))
            else:
                self.styles.append(data)

    def rewritten(self) -> str:
        parts: list[str] = []
        copied = 0
        for start, end, replacement in self._replaced:
            parts += [self._page[copied:start], replacement]
            copied = end
        parts.append(self._page[copied:])
        return "".join(parts)


def _line_starts(page: str) -> list[int]:
    """Where each line of ``page`` starts; the tokenizer counts lines by ``\\n`` alone."""
    starts = [0]
    at = page.find("\n")
    while at != -1:
        starts.append(at + 1)
        at = page.find("\n", at + 1)
    return starts


def rewrite(page: str, edit: Edit) -> str:
    """``page`` with the start tags ``edit`` replaces; everything else exactly as written."""
    return _Rewriter(page, edit).rewritten()


def inline_code(page: str) -> tuple[list[tuple[Attributes, str]], list[str], list[str]]:
    """(scripts as (attributes, body), ``<style>`` bodies, ``style=""`` values) of a page.

    Attribute values come back decoded, as a browser hashes them.
    """
    found: list[str] = []

    def collect(tag: str, attrs: Attributes, written: str) -> None:
        found.extend(value for name, value in attrs if name == "style" and value is not None)

    parser = _Rewriter(page, collect)
    return parser.scripts, parser.styles, found
